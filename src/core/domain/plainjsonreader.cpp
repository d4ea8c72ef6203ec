#include "domain/plainjsonreader.h"

#include "domain/timestamp.h"

#include <QTimeZone>

#include <array>

namespace aikeys::json {

namespace {

// Bytes that end the plain run of a string: the quote, a backslash, controls and non-ASCII.
constexpr auto kSpecial = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[size_t(c)] = c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
    return t;
}();

// The forms Atlas writes, "2026-01-15T16:47:49.855000+00:00" and "2026-01-15T16:47:49.855Z" (years
// 1970 to 9999, any number of fraction digits), straight to milliseconds since the epoch; anything
// else goes to parseTimestamp, which reads every other form.
std::optional<qint64> canonicalTimestamp(QByteArrayView b)
{
    if (b.size() < 20 || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':')
        return std::nullopt;
    const auto number = [&b](qsizetype at, int count, int &out) {
        int v = 0;
        for (qsizetype i = at; i < at + count; ++i) {
            if (b[i] < '0' || b[i] > '9')
                return false;
            v = v * 10 + (b[i] - '0');
        }
        out = v;
        return true;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, msec = 0;
    if (!number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day) || !number(11, 2, hour) ||
        !number(14, 2, minute) || !number(17, 2, second))
        return std::nullopt;
    qsizetype i = 19;
    if (b[i] == '.') {
        const qsizetype first = ++i;
        while (i < b.size() && b[i] >= '0' && b[i] <= '9') {
            if (i - first < 3)
                msec = msec * 10 + (b[i] - '0');
            ++i;
        }
        if (i == first)
            return std::nullopt;
        for (qsizetype d = i - first; d < 3; ++d)
            msec *= 10;
    }
    const QByteArrayView zone = b.sliced(i);
    if (zone != QByteArrayView("Z") && zone != QByteArrayView("+00:00"))
        return std::nullopt;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (year < 1970 || month < 1 || month > 12 || day < 1 ||
        day > kDays[month - 1] + (month == 2 && leap ? 1 : 0) || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    // Days from civil (H. Hinnant), the inverse of what timestamp.cpp uses to write dates.
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = y / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const qint64 days = era * 146097 + doe - 719468;
    return ((days * 24 + hour) * 60 + minute) * 60000 + second * 1000 + msec;
}

} // namespace

bool PlainJsonReader::string(QByteArrayView &out, bool &ascii)
{
    if (!consume('"'))
        return false;
    const char *start = m_p;
    bool escaped = false;
    ascii = true;
    m_decoded.clear();
    while (true) {
        while (m_p != m_end && !kSpecial[uchar(*m_p)])
            ++m_p;
        if (m_p == m_end)
            return false;
        const auto c = uchar(*m_p);
        if (c == '"') {
            if (escaped)
                m_decoded.append(start, m_p - start);
            out = escaped ? QByteArrayView(m_decoded) : QByteArrayView(start, m_p - start);
            ++m_p;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c == '\\') {
            m_decoded.append(start, m_p - start);
            escaped = true;
            if (!escape(ascii))
                return false;
            start = m_p;
            continue;
        }
        if (c >= 0x80) {
            ascii = false;
            if (!utf8Sequence())
                return false;
            continue;
        }
        ++m_p;
    }
}

bool PlainJsonReader::integer(qint64 &out)
{
    ws();
    bool negative = false;
    if (m_p != m_end && *m_p == '-') {
        negative = true;
        ++m_p;
    }
    const char *digits = m_p;
    qint64 value = 0;
    while (m_p != m_end && *m_p >= '0' && *m_p <= '9') {
        if (m_p - digits < 15) // beyond, the number is refused below, before it could overflow
            value = value * 10 + (*m_p - '0');
        ++m_p;
    }
    const qsizetype count = m_p - digits;
    if (count == 0 || count > 15 || (count > 1 && *digits == '0'))
        return false;
    if (m_p != m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'))
        return false;
    out = negative ? -value : value;
    return true;
}

bool PlainJsonReader::skipValue(int depth)
{
    if (depth > 32)
        return false;
    ws();
    if (m_p == m_end)
        return false;
    QByteArrayView ignored;
    bool ascii = false;
    qint64 number = 0;
    switch (*m_p) {
    case '"':
        return string(ignored, ascii);
    case '{':
        ++m_p;
        if (consume('}'))
            return true;
        do {
            if (!string(ignored, ascii) || !consume(':') || !skipValue(depth + 1))
                return false;
        } while (consume(','));
        return consume('}');
    case '[':
        ++m_p;
        if (consume(']'))
            return true;
        do {
            if (!skipValue(depth + 1))
                return false;
        } while (consume(','));
        return consume(']');
    case 't':
        return literal("true");
    case 'f':
        return literal("false");
    case 'n':
        return literal("null");
    default:
        return integer(number);
    }
}

bool PlainJsonReader::text(QString &out, StringInterner *shared)
{
    if (literal("null")) {
        out = QString();
        return true;
    }
    QByteArrayView bytes;
    bool ascii = false;
    if (!string(bytes, ascii))
        return false;
    if (shared)
        out = shared->get(bytes, ascii);
    else
        out = ascii ? QString::fromLatin1(bytes) : QString::fromUtf8(bytes);
    return true;
}

bool PlainJsonReader::time(std::optional<QDateTime> &out)
{
    if (literal("null")) {
        out.reset();
        return true;
    }
    QByteArrayView bytes;
    bool ascii = false;
    if (!string(bytes, ascii) || !ascii || bytes.size() > 64)
        return false;
    if (std::optional<qint64> ms = canonicalTimestamp(bytes)) {
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
        out = QDateTime::fromMSecsSinceEpoch(*ms, QTimeZone::UTC);
#else
        // QTimeZone::utc() builds a zone object on every call before Qt 6.5.
        out = QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
#endif
        return true;
    }
    char16_t wide[64];
    for (qsizetype i = 0; i < bytes.size(); ++i)
        wide[i] = char16_t(uchar(bytes[i]));
    out = parseTimestamp(QStringView(wide, bytes.size()));
    return out.has_value();
}

bool PlainJsonReader::escape(bool &ascii)
{
    ++m_p; // the backslash
    if (m_p == m_end)
        return false;
    const char e = *m_p++;
    switch (e) {
    case '"':
    case '\\':
    case '/':
        m_decoded.append(e);
        return true;
    case 'b':
        m_decoded.append('\b');
        return true;
    case 'f':
        m_decoded.append('\f');
        return true;
    case 'n':
        m_decoded.append('\n');
        return true;
    case 'r':
        m_decoded.append('\r');
        return true;
    case 't':
        m_decoded.append('\t');
        return true;
    case 'u':
        break;
    default:
        return false;
    }
    if (m_end - m_p < 4)
        return false;
    char32_t u = 0;
    for (int i = 0; i < 4; ++i) {
        const char h = *m_p++;
        u <<= 4;
        if (h >= '0' && h <= '9')
            u |= char32_t(h - '0');
        else if (h >= 'a' && h <= 'f')
            u |= char32_t(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F')
            u |= char32_t(h - 'A' + 10);
        else
            return false;
    }
    if ((u >= 0xd800 && u <= 0xdfff) || QChar::isNonCharacter(u))
        return false;
    if (u < 0x80) {
        m_decoded.append(char(u));
        return true;
    }
    ascii = false;
    if (u < 0x800) {
        m_decoded.append(char(0xc0 | (u >> 6)));
    } else {
        m_decoded.append(char(0xe0 | (u >> 12)));
        m_decoded.append(char(0x80 | ((u >> 6) & 0x3f)));
    }
    m_decoded.append(char(0x80 | (u & 0x3f)));
    return true;
}

bool PlainJsonReader::utf8Sequence()
{
    const auto lead = uchar(*m_p);
    int length = 0;
    char32_t c = 0;
    char32_t minimum = 0;
    if ((lead & 0xe0) == 0xc0) {
        length = 2;
        c = lead & 0x1f;
        minimum = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
        length = 3;
        c = lead & 0x0f;
        minimum = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
        length = 4;
        c = lead & 0x07;
        minimum = 0x10000;
    } else {
        return false;
    }
    if (m_end - m_p < length)
        return false;
    for (int k = 1; k < length; ++k) {
        const auto b = uchar(m_p[k]);
        if ((b & 0xc0) != 0x80)
            return false;
        c = (c << 6) | (b & 0x3f);
    }
    if (c < minimum || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) || QChar::isNonCharacter(c))
        return false;
    m_p += length;
    return true;
}

} // namespace aikeys::json
