#include "domain/timestamp.h"

#include <QTimeZone>

namespace aikeys {

namespace {

bool readDigits(QStringView s, qsizetype &pos, int count, int &out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = s[pos + i];
        if (c < u'0' || c > u'9')
            return false;
        v = v * 10 + (c.unicode() - u'0');
    }
    pos += count;
    out = v;
    return true;
}

bool expect(QStringView s, qsizetype &pos, char16_t c)
{
    if (pos < s.size() && s[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

} // namespace

std::optional<QDateTime> parseTimestamp(QStringView text)
{
    const QStringView s = text.trimmed();
    qsizetype pos = 0;
    int year = 0, month = 0, day = 0;
    if (!readDigits(s, pos, 4, year) || !expect(s, pos, u'-') || !readDigits(s, pos, 2, month) ||
        !expect(s, pos, u'-') || !readDigits(s, pos, 2, day))
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;

    int hour = 0, minute = 0, second = 0, msec = 0;
    if (pos < s.size() && (s[pos] == u'T' || s[pos] == u't' || s[pos] == u' ')) {
        ++pos;
        if (!readDigits(s, pos, 2, hour) || !expect(s, pos, u':') || !readDigits(s, pos, 2, minute))
            return std::nullopt;
        if (expect(s, pos, u':')) {
            if (!readDigits(s, pos, 2, second))
                return std::nullopt;
            if (pos < s.size() && (s[pos] == u'.' || s[pos] == u',')) {
                ++pos;
                int digits = 0;
                int value = 0;
                while (pos < s.size() && s[pos] >= u'0' && s[pos] <= u'9') {
                    if (digits < 3)
                        value = value * 10 + (s[pos].unicode() - u'0');
                    ++digits;
                    ++pos;
                }
                if (digits == 0)
                    return std::nullopt;
                for (int d = digits; d < 3; ++d)
                    value *= 10;
                msec = value;
            }
        }
    }
    // A leap second (":60") is clamped rather than rejected: the instant matters, not the label.
    if (second == 60)
        second = 59;
    const QTime time(hour, minute, second, msec);
    if (!time.isValid())
        return std::nullopt;

    int offsetSeconds = 0;
    if (pos < s.size()) {
        const QChar c = s[pos];
        if (c == u'Z' || c == u'z') {
            ++pos;
        } else if (c == u'+' || c == u'-') {
            const int sign = c == u'+' ? 1 : -1;
            ++pos;
            int oh = 0, om = 0;
            if (!readDigits(s, pos, 2, oh))
                return std::nullopt;
            if (expect(s, pos, u':')) {
                if (!readDigits(s, pos, 2, om))
                    return std::nullopt;
            } else if (pos < s.size()) {
                if (!readDigits(s, pos, 2, om))
                    return std::nullopt;
            }
            if (oh > 23 || om > 59)
                return std::nullopt;
            offsetSeconds = sign * (oh * 3600 + om * 60);
        } else {
            return std::nullopt;
        }
    }
    if (pos != s.size())
        return std::nullopt;

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    QDateTime utc(date, time, QTimeZone::UTC);
#else
    QDateTime utc(date, time, Qt::UTC);
#endif
    return utc.addSecs(-offsetSeconds);
}

namespace {

struct UtcFields
{
    int year, month, day, hour, minute, second, msec;
};

// Civil date from days since 1970-01-01 (H. Hinnant's days-to-civil algorithm), for times from 1970
// on: QDateTime::toString spends most of a listing's output time in vasprintf.
std::optional<UtcFields> utcFields(const QDateTime &when)
{
    if (!when.isValid())
        return std::nullopt;
    const qint64 ms = when.toMSecsSinceEpoch();
    if (ms < 0)
        return std::nullopt;
    const qint64 days = ms / 86400000;
    const qint64 inDay = ms % 86400000;
    const qint64 z = days + 719468;
    const qint64 era = z / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    UtcFields f{};
    f.day = int(doy - (153 * mp + 2) / 5 + 1);
    f.month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (f.month <= 2 ? 1 : 0);
    if (year > 9999)
        return std::nullopt;
    f.year = int(year);
    f.hour = int(inDay / 3600000);
    f.minute = int(inDay / 60000 % 60);
    f.second = int(inDay / 1000 % 60);
    f.msec = int(inDay % 1000);
    return f;
}

char *digits(char *p, int value, int count)
{
    for (int i = count - 1; i >= 0; --i) {
        p[i] = char('0' + value % 10);
        value /= 10;
    }
    return p + count;
}

char *writeDate(char *p, const UtcFields &f)
{
    p = digits(p, f.year, 4);
    *p++ = '-';
    p = digits(p, f.month, 2);
    *p++ = '-';
    return digits(p, f.day, 2);
}

} // namespace

QString formatTimestampUtc(const QDateTime &when)
{
    if (!utcFields(when))
        return when.toUTC().toString(Qt::ISODateWithMs);
    QByteArray ascii;
    appendTimestampUtc(ascii, when);
    return QString::fromLatin1(ascii);
}

bool writeTimestampUtc(char *out, const QDateTime &when)
{
    const std::optional<UtcFields> f = utcFields(when);
    if (!f)
        return false;
    char *p = writeDate(out, *f);
    *p++ = 'T';
    p = digits(p, f->hour, 2);
    *p++ = ':';
    p = digits(p, f->minute, 2);
    *p++ = ':';
    p = digits(p, f->second, 2);
    *p++ = '.';
    p = digits(p, f->msec, 3);
    *p = 'Z';
    return true;
}

void appendTimestampUtc(QByteArray &out, const QDateTime &when)
{
    const std::optional<UtcFields> f = utcFields(when);
    if (!f) {
        out += when.toUTC().toString(Qt::ISODateWithMs).toUtf8();
        return;
    }
    char buffer[24];
    char *p = writeDate(buffer, *f);
    *p++ = 'T';
    p = digits(p, f->hour, 2);
    *p++ = ':';
    p = digits(p, f->minute, 2);
    *p++ = ':';
    p = digits(p, f->second, 2);
    *p++ = '.';
    p = digits(p, f->msec, 3);
    *p++ = 'Z';
    out.append(buffer, p - buffer);
}

void appendDateUtc(QByteArray &out, const QDateTime &when)
{
    const std::optional<UtcFields> f = utcFields(when);
    if (!f) {
        if (when.isValid())
            out += when.toUTC().toString(u"yyyy-MM-dd").toUtf8();
        return;
    }
    char buffer[10];
    out.append(buffer, writeDate(buffer, *f) - buffer);
}

} // namespace aikeys
