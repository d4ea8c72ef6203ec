#include "timeutil.h"

#include <QDateTime>
#include <QRegularExpression>

#include <atomic>
#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {
std::atomic<qint64> g_advanceMs{0};
} // namespace

Micros nowMicros()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count() +
           g_advanceMs.load() * 1000;
}

qint64 nowMs()
{
    return nowMicros() / 1000;
}

void advanceClock(qint64 ms)
{
    if (ms > 0)
        g_advanceMs += ms;
}

qint64 clockAdvanceMs()
{
    return g_advanceMs.load();
}

namespace {

struct Civil
{
    long long year, month, day, hour, minute, second, micros;
};

// By hand rather than through QDateTime: cold pages of thousands of keys and projects format
// thousands of these, and QDateTime::toString costs microseconds each.
Civil civil(Micros t)
{
    Micros seconds = t / 1'000'000;
    Micros micros = t % 1'000'000;
    if (micros < 0) {
        micros += 1'000'000;
        --seconds;
    }
    Micros days = seconds / 86400;
    Micros secOfDay = seconds % 86400;
    if (secOfDay < 0) {
        secOfDay += 86400;
        --days;
    }
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    const Micros z = days + 719468;
    const Micros era = (z >= 0 ? z : z - 146096) / 146097;
    const Micros doe = z - era * 146097;
    const Micros yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const Micros doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const Micros mp = (5 * doy + 2) / 153;
    const Micros day = doy - (153 * mp + 2) / 5 + 1;
    const Micros month = mp < 10 ? mp + 3 : mp - 9;
    const Micros year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return {year, month, day, secOfDay / 3600, secOfDay / 60 % 60, secOfDay % 60, micros};
}

} // namespace

QString formatAiTimestamp(Micros t)
{
    const Civil c = civil(t);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%06lld+00:00", c.year, c.month,
                  c.day, c.hour, c.minute, c.second, c.micros);
    return QString::fromLatin1(buf);
}

QString formatIsoSeconds(Micros t)
{
    const Civil c = civil(t);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", c.year, c.month, c.day,
                  c.hour, c.minute, c.second);
    return QString::fromLatin1(buf);
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
