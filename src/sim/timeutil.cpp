#include "timeutil.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <chrono>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

Micros nowMicros()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {

QDateTime utcFromMicros(Micros t)
{
    // Floor division so that times before 1970 still split into seconds and a positive remainder.
    Micros ms = t / 1000;
    if (t % 1000 < 0)
        --ms;
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

Micros microRemainder(Micros t)
{
    Micros r = t % 1'000'000;
    return r < 0 ? r + 1'000'000 : r;
}

} // namespace

QString formatAiTimestamp(Micros t)
{
    const QDateTime dt = utcFromMicros(t);
    return dt.toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u'.' +
           QStringLiteral("%1").arg(microRemainder(t), 6, 10, QLatin1Char('0')) + u"+00:00"_s;
}

QString formatIsoSeconds(Micros t)
{
    return utcFromMicros(t).toString(u"yyyy-MM-ddTHH:mm:ss"_s) + u'Z';
}

std::optional<Micros> parseSeedTime(const QString &text, Micros now)
{
    const QString s = text.trimmed();
    if (s.compare(u"now"_s, Qt::CaseInsensitive) == 0)
        return now;

    static const QRegularExpression relative(u"^-(\\d{1,7})([dhms])$"_s);
    if (const QRegularExpressionMatch m = relative.match(s); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        const qint64 seconds = unit == u'd' ? n * 86400 : unit == u'h' ? n * 3600 : unit == u'm' ? n * 60 : n;
        return now - seconds * 1'000'000;
    }

    // Qt parses offsets and milliseconds; the microsecond digits it drops are put back by hand.
    static const QRegularExpression iso(
        u"^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?$"_s);
    const QRegularExpressionMatch m = iso.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    QString zone = m.captured(3);
    if (zone.isEmpty())
        zone = u"Z"_s;
    const QDateTime dt = QDateTime::fromString(m.captured(1) + zone, Qt::ISODate);
    if (!dt.isValid())
        return std::nullopt;
    Micros micros = dt.toMSecsSinceEpoch() * 1000;
    if (const QString frac = m.captured(2); !frac.isEmpty())
        micros += QString(frac + u"000000"_s).left(6).toLongLong();
    return micros;
}

} // namespace aikeys::sim
