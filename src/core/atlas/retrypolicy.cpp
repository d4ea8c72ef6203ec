#include "atlas/retrypolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace aikeys {

bool RetryPolicy::isRetryableStatus(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

bool RetryPolicy::isRetryableNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

RetryPolicy::Decision RetryPolicy::decide(bool idempotent, int attemptsMade, int status,
                                          QNetworkReply::NetworkError networkError, bool timedOut) const
{
    if (!idempotent || attemptsMade >= maxAttempts)
        return Decision::Stop;
    if (status > 0)
        return isRetryableStatus(status) ? Decision::Retry : Decision::Stop;
    if (timedOut)
        return Decision::Retry;
    return isRetryableNetworkError(networkError) ? Decision::Retry : Decision::Stop;
}

int RetryPolicy::delayMs(int retry, std::optional<int> retryAfterSeconds, double random01) const
{
    if (retryAfterSeconds && *retryAfterSeconds >= 0)
        return int(std::min<qint64>(qint64(*retryAfterSeconds) * 1000, maxRetryAfterMs));
    const int exponent = std::clamp(retry - 1, 0, 20);
    const qint64 step = std::min<qint64>(qint64(baseDelayMs) << exponent, maxBackoffMs);
    const double r = std::clamp(random01, 0.0, 1.0);
    return int(step / 2 + qint64(std::floor(double(step - step / 2) * r)));
}

std::optional<int> RetryPolicy::retryDelayMs(bool idempotent, int attemptsMade, int status,
                                             QNetworkReply::NetworkError networkError, bool timedOut,
                                             std::optional<int> retryAfterSeconds, double random01) const
{
    if (decide(idempotent, attemptsMade, status, networkError, timedOut) == Decision::Stop)
        return std::nullopt;
    return delayMs(attemptsMade, retryAfterSeconds, random01);
}

std::optional<int> RetryPolicy::parseRetryAfter(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt : std::optional<int>(int(std::min<qint64>(seconds, 86400)));
    // RFC 9110 also allows an HTTP date.
    const QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeZone(QTimeZone::utc());
    const qint64 delta = QDateTime::currentDateTimeUtc().secsTo(utc);
    return int(std::clamp<qint64>(delta, 0, 86400));
}

} // namespace aikeys
