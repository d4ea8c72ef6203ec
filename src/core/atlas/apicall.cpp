#include "atlas/apicall.h"

#include "atlas/ids.h"
#include "atlas/oneshotbody.h"
#include "atlas/replycap.h"
#include "atlas/requestdefaults.h"
#include "atlas/session.h"
#include "logging.h"
#include "security/secretbuffer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace aikeys {

const char *const kUploadBodyProperty = "aikeys.uploadBody";

QByteArray mediaTypeName(MediaType type)
{
    switch (type) {
    case MediaType::Atlas20230101:
        return "application/vnd.atlas.2023-01-01+json";
    case MediaType::Atlas20250312:
        return "application/vnd.atlas.2025-03-12+json";
    case MediaType::Json:
        return "application/json";
    }
    return "application/json";
}

namespace {
// Each WWW-Authenticate header on its own (a server may send several).
QList<QByteArray> challengesOf(const QNetworkReply *reply)
{
    QList<QByteArray> values;
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        if (name.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0)
            values << value;
    }
    return values;
}
} // namespace

ApiCall::ApiCall(AtlasSession *session, ApiRequest request, QObject *parent)
    : Job(parent)
    , m_session(session)
    , m_request(std::move(request))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::attempt);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_reply && m_cut == Cut::None) {
            m_cut = Cut::Deadline;
            m_reply->abort();
        }
    });
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_request.secretBearing)
        SecretBuffer::wipeBytes(m_body);
}

void ApiCall::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &ApiCall::attempt, Qt::QueuedConnection);
}

void ApiCall::failBeforeSending(const ApiError &error)
{
    m_started = true;
    QMetaObject::invokeMethod(
        this, [this, error] { finishWith(error); }, Qt::QueuedConnection);
}

void ApiCall::cancel()
{
    if (isFinished() || m_canceled)
        return;
    m_canceled = true;
    m_retryTimer.stop();
    if (m_reply) {
        // abort() emits finished synchronously; onReplyFinished sees m_canceled.
        m_reply->abort();
    } else {
        QMetaObject::invokeMethod(
            this, [this] { finishWith(ApiError::canceled()); }, Qt::QueuedConnection);
    }
}

int ApiCall::transferTimeoutMs() const
{
    return m_request.transferTimeoutMs > 0 ? m_request.transferTimeoutMs
                                           : m_session->config().transferTimeoutMs;
}

int ApiCall::attemptDeadlineMs() const
{
    const int configured = m_session->config().attemptDeadlineMs;
    // Never shorter than the silence allowed, which it bounds from above.
    return qMax(transferTimeoutMs(), configured > 0 ? configured : 4 * transferTimeoutMs());
}

qint64 ApiCall::maxResponseBytes() const
{
    return m_request.maxResponseBytes > 0 ? m_request.maxResponseBytes : m_session->config().maxResponseBytes;
}

void ApiCall::watch(QNetworkReply *reply)
{
    m_cut = Cut::None;
    capReplySize(reply, maxResponseBytes(), this, [this, reply] {
        if (m_cut == Cut::None && m_reply == reply) {
            m_cut = Cut::TooLarge;
            reply->abort();
        }
    });
    m_deadline.start(attemptDeadlineMs());
}

QString ApiCall::describe() const
{
    return QString::fromLatin1(m_request.verb) + u' ' + m_request.path;
}

void ApiCall::attempt()
{
    if (m_canceled || isFinished())
        return;
    if (!m_session || m_session->isSignedOut()) {
        finishWith(ApiError::invalidInput(tr("Signed out: sign in again to continue.")));
        return;
    }
    // Every id was checked by AtlasClient; this catches a path built some other way, before a dot
    // segment makes Qt send the request to the resource above the one meant.
    if (hasDotSegment(m_request.path) || hasDotSegment(m_request.primingPath)) {
        finishWith(ApiError::invalidInput(
            tr("The request path %1 holds a \".\" or \"..\" segment; nothing was sent.")
                .arg(m_request.path.left(200))));
        return;
    }
    if (!m_request.authenticated) {
        send();
        return;
    }
    QPointer<ApiCall> self(this);
    m_session->authenticator()->prepare(this, [self](const ApiError &error) {
        if (!self || self->m_canceled || self->isFinished())
            return;
        if (error) {
            // The token endpoint refused the credentials: as final as a 401 below, and reported the
            // same way, so that the session is the one place that hears of every refusal.
            if (error.isUnauthorized() && self->m_session)
                self->m_session->reportUnauthorized(error);
            if (self)
                self->finishWith(error);
            return;
        }
        self->send();
    });
}

void ApiCall::send()
{
    // A Digest nonce may have gone stale since the last call; answering a stale challenge means
    // sending the body again, which a one-shot body refuses. A cheap authenticated read just
    // before refreshes the nonce, so the one-shot request itself goes through on the first try.
    if (!m_request.idempotent && !m_primed && !m_request.primingPath.isEmpty() &&
        m_session->authMode() == AuthMode::ApiKey) {
        m_primed = true;
        QNetworkRequest prime =
            requestdefaults::make(m_session->urlFor(m_request.primingPath, m_request.primingQuery),
                                  mediaTypeName(m_request.mediaType), transferTimeoutMs());
        m_session->authenticator()->apply(prime, "GET");
        m_reply = m_session->network()->get(prime);
        watch(m_reply);
        connect(m_reply, &QNetworkReply::finished, this, [this] {
            QNetworkReply *reply = m_reply;
            m_reply = nullptr;
            m_deadline.stop();
            if (reply) {
                reply->deleteLater();
                // Its challenge brings the fresh nonce the one-shot request is then signed with; a
                // challenge that must not be answered is refused again, and reported, by that request.
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 401)
                    (void)m_session->authenticator()->acceptChallenge(reply->url(), challengesOf(reply));
            }
            if (m_canceled) {
                finishWith(ApiError::canceled());
                return;
            }
            send();
        });
        return;
    }
    ++m_attempts;
    QNetworkRequest req = requestdefaults::make(m_session->urlFor(m_request.path, m_request.query),
                                                mediaTypeName(m_request.mediaType), transferTimeoutMs());
    // Only a body has a type: a bodiless POST (":reset") sends none, as Atlas's own clients do.
    if (!m_request.body.isEmpty()) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType.isEmpty()
                                                              ? mediaTypeName(m_request.mediaType)
                                                              : m_request.contentType);
    }
    for (const auto &[name, value] : std::as_const(m_request.headers))
        req.setRawHeader(name, value);
    m_usedAuthorization.clear();
    if (m_request.authenticated)
        m_usedAuthorization = m_session->authenticator()->apply(req, m_request.verb);

    qCDebug(lcAtlas).noquote() << "sending" << describe() << "attempt" << m_attempts;
    QNetworkAccessManager *nam = m_session->network();
    if (m_request.body.isEmpty() && m_request.verb == "GET") {
        m_reply = nam->get(req);
    } else if (!m_request.idempotent) {
        // Not buffered by Qt, so Qt cannot quietly send it again: see OneShotBody.
        auto *body = new OneShotBody(m_request.body);
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        req.setHeader(QNetworkRequest::ContentLengthHeader, m_request.body.size());
        m_reply = nam->sendCustomRequest(req, m_request.verb, body);
        body->setParent(m_reply);
        m_reply->setProperty(kUploadBodyProperty, QVariant::fromValue<QObject *>(body));
    } else {
        m_reply = nam->sendCustomRequest(req, m_request.verb, m_request.body);
    }
    watch(m_reply);
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
}

void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_deadline.stop();

    const QNetworkReply::NetworkError networkError = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_status = status;
    QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const Cut cut = std::exchange(m_cut, Cut::None);
    if (cut != Cut::None && !m_canceled) {
        SecretBuffer::wipeBytes(body);
        if (cut == Cut::TooLarge) {
            // The same request would get the same answer: never retried.
            qCInfo(lcAtlas).noquote() << describe() << "answer cut off at" << maxResponseBytes() << "bytes";
            finishWith(ApiError::tooLarge(maxResponseBytes(), m_request.verb, m_request.path));
            return;
        }
        qCInfo(lcAtlas).noquote() << describe() << "answer incomplete at the deadline";
        retryOrFinish(ApiError::deadline(attemptDeadlineMs(), m_request.verb, m_request.path), 0,
                      QNetworkReply::TimeoutError, true);
        return;
    }
    if (reply->hasRawHeader("RateLimit-Remaining")) {
        bool ok = false;
        const int remaining = reply->rawHeader("RateLimit-Remaining").toInt(&ok);
        if (ok)
            m_rateLimitRemaining = remaining;
    }
    const std::optional<int> retryAfter = RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"));

    if (m_canceled) {
        SecretBuffer::wipeBytes(body);
        qCDebug(lcAtlas).noquote() << "cancelled" << describe();
        finishWith(ApiError::canceled());
        return;
    }

    if (status == 0) {
        // No HTTP answer. OperationCanceledError without our cancel() is the transfer timeout.
        const bool timedOut = networkError == QNetworkReply::OperationCanceledError ||
                              networkError == QNetworkReply::TimeoutError;
        // ContentReSendError is Qt giving up on a silent resend we refused (OneShotBody): to the
        // user it is a connection that closed before the answer came.
        ApiError error;
        if (timedOut)
            error = ApiError::timeout(transferTimeoutMs(), m_request.verb, m_request.path);
        else if (networkError == QNetworkReply::ContentReSendError)
            error = ApiError::network(QNetworkReply::RemoteHostClosedError,
                                      tr("the connection closed before Atlas answered"), m_request.verb,
                                      m_request.path);
        else
            error = ApiError::network(networkError, reply->errorString(), m_request.verb, m_request.path);
        qCInfo(lcAtlas).noquote() << describe() << "failed without an answer:" << networkError;
        retryOrFinish(error, 0, networkError, timedOut);
        return;
    }

    qCDebug(lcAtlas).noquote() << describe() << "answered" << status;

    if (status >= 200 && status < 300) {
        ApiError parseError = parse(body);
        if (m_request.secretBearing)
            SecretBuffer::wipeBytes(body);
        else
            m_body = std::move(body);
        if (parseError)
            qCWarning(lcAtlas).noquote() << describe() << "answer unreadable:" << parseError.detail();
        finishWith(parseError);
        return;
    }

    ApiError error =
        ApiError::fromHttp(status, body, m_request.verb, m_request.path, reply->rawHeader("X-Error-Code"));
    SecretBuffer::wipeBytes(body);
    error.setRetryAfterSeconds(retryAfter);
    error.setRequiredRole(m_request.requiredRole);

    // A 401 USER_UNAUTHORIZED means the credentials worked and the role or project is missing: no
    // token renewal, no sign-out, just the error (which names the role).
    if (status == 401 && m_request.authenticated && !error.isMissingRole()) {
        Authenticator *auth = m_session->authenticator();
        const ApiError refusal = auth->acceptChallenge(reply->url(), challengesOf(reply));
        if (refusal) {
            finishWith(refusal);
            return;
        }
        if (!m_renewedAuth && auth->invalidate(m_usedAuthorization)) {
            m_renewedAuth = true;
            qCInfo(lcAuth).noquote() << describe() << "got 401; renewing the token once";
            attempt();
            return;
        }
        const ApiError unauthorized = auth->unauthorizedError(error);
        m_session->reportUnauthorized(unauthorized);
        finishWith(unauthorized);
        return;
    }

    if (acceptError(error)) {
        finishWith(ApiError());
        return;
    }
    retryOrFinish(error, status, networkError, false);
}

void ApiCall::retryOrFinish(const ApiError &error, int status, QNetworkReply::NetworkError networkError,
                            bool timedOut)
{
    RetryPolicy policy = m_session->config().retry;
    if (m_request.maxAttempts > 0)
        policy.maxAttempts = m_request.maxAttempts;
    // A Retry-After longer than the policy's cap is waited for up to the cap, then tried again.
    const std::optional<int> delay =
        policy.retryDelayMs(m_request.idempotent, m_attempts, status, networkError, timedOut,
                            error.retryAfterSeconds(), QRandomGenerator::global()->generateDouble());
    if (!delay) {
        finishWith(error);
        return;
    }
    qCInfo(lcAtlas).noquote() << describe() << "will be retried in" << *delay << "ms (attempt"
                              << m_attempts + 1 << "of" << policy.maxAttempts << ")";
    if (status != 429)
        m_mayHaveActed = true;
    Q_EMIT retrying(m_attempts + 1, *delay, error);
    m_retryTimer.start(*delay);
}

ApiError ApiCall::parse(QByteArray &body)
{
    Q_UNUSED(body)
    return {};
}

bool ApiCall::acceptError(const ApiError &error)
{
    Q_UNUSED(error)
    return false;
}

} // namespace aikeys
