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

QString formatTimestampUtc(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace aikeys
