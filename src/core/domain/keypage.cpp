#include "domain/keypage.h"

#include "domain/timestamp.h"

#include <QTimeZone>

#include <array>
#include <cstring>

namespace aikeys::json {

namespace {

// Values that repeat from key to key (status, cloud, endpoint, creator, project id) are kept once
// and shared, so 20,000 keys do not hold 20,000 copies of "ACTIVE".
class Interner
{
public:
    QString get(QByteArrayView bytes, bool ascii)
    {
        for (size_t i = 0; i < m_used; ++i) {
            if (m_entries[i].bytes == bytes)
                return m_entries[i].value;
        }
        Entry &e = m_entries[m_next];
        m_next = (m_next + 1) % m_entries.size();
        m_used = qMax(m_used, m_next == 0 ? m_entries.size() : m_next);
        e.bytes = bytes.toByteArray();
        e.value = ascii ? QString::fromLatin1(bytes) : QString::fromUtf8(bytes);
        return e.value;
    }

private:
    struct Entry
    {
        QByteArray bytes;
        QString value;
    };
    std::array<Entry, 8> m_entries;
    size_t m_next = 0;
    size_t m_used = 0;
};

enum Field {
    ApiKeyId,
    Name,
    GroupId,
    Cloud,
    Geography,
    Endpoint,
    CreatedAt,
    CreatedBy,
    LastUsedAt,
    MaskedSecret,
    Status,
    FieldCount,
    Unknown = FieldCount
};

Field fieldOf(QByteArrayView key)
{
    static const char *const names[FieldCount] = {"apiKeyId",   "name",         "groupId",   "cloud",
                                                  "geography",  "endpoint",     "createdAt", "createdBy",
                                                  "lastUsedAt", "maskedSecret", "status"};
    static const auto lengths = [] {
        std::array<qsizetype, FieldCount> l{};
        for (int f = 0; f < FieldCount; ++f)
            l[f] = qsizetype(std::strlen(names[f]));
        return l;
    }();
    for (int f = 0; f < FieldCount; ++f) {
        if (key.size() == lengths[f] && key.front() == names[f][0] &&
            std::memcmp(key.data(), names[f], size_t(lengths[f])) == 0)
            return Field(f);
    }
    return Unknown;
}

// Bytes that end the plain run of a string: the quote, a backslash, controls and non-ASCII.
constexpr auto kSpecial = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
        t[size_t(c)] = c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
    return t;
}();

// A strict reader of the JSON subset above. Any step that meets something outside it returns false,
// and the page goes to the general reader.
class Reader
{
public:
    explicit Reader(const QByteArray &body)
        : m_p(body.constData())
        , m_end(body.constData() + body.size())
    {}

    bool atEnd()
    {
        ws();
        return m_p == m_end;
    }

    void ws()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool consume(char c)
    {
        ws();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    bool peek(char c)
    {
        ws();
        return m_p != m_end && *m_p == c;
    }

    bool literal(const char *word)
    {
        ws();
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return false;
        m_p += n;
        return true;
    }

    // A string's content as UTF-8 (a view into the body, or into a buffer when it had escapes), and
    // whether it is all ASCII. Escapes of surrogates and noncharacters, raw control characters and
    // UTF-8 that is not well formed are left to the general reader.
    bool string(QByteArrayView &out, bool &ascii)
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

    // An integer of at most 15 digits (exact as a double, as Qt reads it), nothing else.
    bool integer(qint64 &out)
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

    // Any value of the subset, checked and dropped (unknown fields).
    bool skipValue(int depth = 0)
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

private:
    bool escape(bool &ascii)
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

    // One well-formed UTF-8 sequence of a character (no overlong form, surrogate or noncharacter).
    bool utf8Sequence()
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

    const char *m_p;
    const char *m_end;
    QByteArray m_decoded;
};

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

struct KeyReader
{
    Reader &r;
    std::array<Interner, FieldCount> interned;

    bool text(QString &out, Field f, bool share)
    {
        if (r.literal("null")) {
            out = QString();
            return true;
        }
        QByteArrayView bytes;
        bool ascii = false;
        if (!r.string(bytes, ascii))
            return false;
        if (share)
            out = interned[f].get(bytes, ascii);
        else
            out = ascii ? QString::fromLatin1(bytes) : QString::fromUtf8(bytes);
        return true;
    }

    bool time(std::optional<QDateTime> &out)
    {
        if (r.literal("null")) {
            out.reset();
            return true;
        }
        QByteArrayView bytes;
        bool ascii = false;
        if (!r.string(bytes, ascii) || !ascii || bytes.size() > 64)
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

    bool key(AiKey &k)
    {
        if (!r.consume('{'))
            return false;
        unsigned seen = 0;
        if (!r.consume('}')) {
            do {
                QByteArrayView name;
                bool ascii = false;
                if (!r.string(name, ascii) || !r.consume(':'))
                    return false;
                const Field f = fieldOf(name);
                if (f == Unknown) {
                    if (!r.skipValue())
                        return false;
                    continue;
                }
                if (seen & (1u << f))
                    return false; // a repeated field: which one counts is the general reader's call
                seen |= 1u << f;
                bool ok = false;
                std::optional<QDateTime> when;
                switch (f) {
                case ApiKeyId:
                    ok = text(k.apiKeyId, f, false);
                    break;
                case Name:
                    ok = text(k.name, f, false);
                    break;
                case GroupId:
                    ok = text(k.groupId, f, true);
                    break;
                case Cloud:
                    ok = text(k.cloud, f, true);
                    break;
                case Geography:
                    ok = text(k.geography, f, true);
                    break;
                case Endpoint:
                    ok = text(k.endpoint, f, true);
                    break;
                case CreatedBy:
                    ok = text(k.createdBy, f, true);
                    break;
                case MaskedSecret:
                    ok = text(k.maskedSecret, f, false);
                    break;
                case Status:
                    ok = text(k.status, f, true);
                    break;
                case CreatedAt:
                    ok = time(when);
                    k.createdAt = when.value_or(QDateTime());
                    break;
                case LastUsedAt:
                    ok = time(k.lastUsedAt);
                    break;
                default:
                    break;
                }
                if (!ok)
                    return false;
            } while (r.consume(','));
            if (!r.consume('}'))
                return false;
        }
        // A key without its id or name is for the general reader to skip or report.
        return !k.apiKeyId.isNull() && !k.name.isNull();
    }
};

// A list of objects with two string members (a link's href and rel, a tag's key and value), other
// members skipped: each item's members as the general reader takes them.
template <typename T>
bool pairList(Reader &r, QByteArrayView firstName, QString T::*first, QByteArrayView secondName,
              QString T::*second, QList<T> &out)
{
    if (!r.consume('['))
        return false;
    if (r.consume(']'))
        return true;
    do {
        if (!r.consume('{'))
            return false;
        T item;
        unsigned seen = 0;
        if (!r.consume('}')) {
            do {
                QByteArrayView name;
                bool ascii = false;
                if (!r.string(name, ascii) || !r.consume(':'))
                    return false;
                const bool isFirst = name == firstName;
                if (!isFirst && name != secondName) {
                    if (!r.skipValue())
                        return false;
                    continue;
                }
                if (seen & (isFirst ? 1u : 2u))
                    return false;
                seen |= isFirst ? 1u : 2u;
                QByteArrayView value;
                if (!r.string(value, ascii))
                    return false;
                item.*(isFirst ? first : second) =
                    ascii ? QString::fromLatin1(value) : QString::fromUtf8(value);
            } while (r.consume(','));
            if (!r.consume('}'))
                return false;
        }
        out.append(std::move(item));
    } while (r.consume(','));
    return r.consume(']');
}

bool links(Reader &r, QList<Link> &out)
{
    return pairList(r, "href", &Link::href, "rel", &Link::rel, out);
}

} // namespace

namespace {

// The fields of a project the general reader reads; anything else in a project is skipped.
struct ProjectReader
{
    Reader &r;
    KeyReader strings; // its text() and time() readers

    bool text(QString &out, bool required)
    {
        if (!strings.text(out, Unknown, false))
            return false;
        return !required || !out.isNull();
    }

    bool tags(QList<ResourceTag> &out)
    {
        return r.literal("null") || pairList(r, "key", &ResourceTag::key, "value", &ResourceTag::value, out);
    }

    bool item(Project &p)
    {
        if (!r.consume('{'))
            return false;
        unsigned seen = 0;
        bool haveId = false, haveName = false, haveOrg = false;
        if (!r.consume('}')) {
            do {
                QByteArrayView name;
                bool ascii = false;
                if (!r.string(name, ascii) || !r.consume(':'))
                    return false;
                static const char *const fields[] = {"id",      "name",         "orgId",
                                                     "created", "clusterCount", "tags"};
                int f = 0;
                while (f < 6 && name != QByteArrayView(fields[f]))
                    ++f;
                if (f == 6) {
                    if (!r.skipValue())
                        return false;
                    continue;
                }
                if (seen & (1u << f))
                    return false;
                seen |= 1u << f;
                bool ok = false;
                std::optional<QDateTime> when;
                switch (f) {
                case 0:
                    ok = haveId = text(p.id, true);
                    break;
                case 1:
                    ok = haveName = text(p.name, true);
                    break;
                case 2:
                    ok = haveOrg = text(p.orgId, true);
                    break;
                case 3:
                    ok = strings.time(when);
                    p.created = when.value_or(QDateTime());
                    break;
                case 4:
                    ok = r.literal("null") || r.integer(p.clusterCount);
                    break;
                default:
                    ok = tags(p.tags);
                    break;
                }
                if (!ok)
                    return false;
            } while (r.consume(','));
            if (!r.consume('}'))
                return false;
        }
        // A project without its id, name or organization is for the general reader to report.
        return haveId && haveName && haveOrg;
    }
};

// The envelope both readers share: results (each item read by readItem), totalCount and links.
template <typename T, typename ReadItem>
std::optional<Page<T>> plainPage(Reader &r, ReadItem readItem)
{
    Page<T> page;
    if (!r.consume('{'))
        return std::nullopt;
    bool haveResults = false, haveTotal = false, haveLinks = false;
    if (!r.consume('}')) {
        do {
            QByteArrayView name;
            bool ascii = false;
            if (!r.string(name, ascii) || !r.consume(':'))
                return std::nullopt;
            if (name == QByteArrayView("results")) {
                if (haveResults || !r.consume('['))
                    return std::nullopt;
                haveResults = true;
                if (!r.consume(']')) {
                    do {
                        T item;
                        if (!readItem(item))
                            return std::nullopt;
                        page.results.append(std::move(item));
                    } while (r.consume(','));
                    if (!r.consume(']'))
                        return std::nullopt;
                }
            } else if (name == QByteArrayView("totalCount")) {
                if (haveTotal)
                    return std::nullopt;
                haveTotal = true;
                qint64 total = 0;
                if (r.literal("null"))
                    continue;
                if (!r.integer(total))
                    return std::nullopt;
                page.totalCount = total;
            } else if (name == QByteArrayView("links")) {
                if (haveLinks || !links(r, page.links))
                    return std::nullopt;
                haveLinks = true;
            } else if (!r.skipValue()) {
                return std::nullopt;
            }
        } while (r.consume(','));
        if (!r.consume('}'))
            return std::nullopt;
    }
    if (!haveResults || !r.atEnd())
        return std::nullopt;
    return page;
}

} // namespace

std::optional<Page<AiKey>> plainKeyPage(const QByteArray &body)
{
    Reader r(body);
    KeyReader keys{r, {}};
    return plainPage<AiKey>(r, [&keys](AiKey &k) { return keys.key(k); });
}

std::optional<Page<Project>> plainProjectPage(const QByteArray &body)
{
    Reader r(body);
    ProjectReader projects{r, KeyReader{r, {}}};
    return plainPage<Project>(r, [&projects](Project &p) { return projects.item(p); });
}

} // namespace aikeys::json
