#include "domain/jsonwriter.h"

#include "domain/timestamp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <cstring>

namespace aikeys::json {

namespace {
constexpr char kHex[] = "0123456789abcdef";
constexpr qsizetype kIndent = 4;
} // namespace

char *writeString(char *d, QStringView text)
{
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    *d++ = '"';
    while (p != end) {
        // Four UTF-16 units at a time while they are printable ASCII that needs no escape.
        constexpr quint64 ones = 0x0001000100010001ull;
        constexpr quint64 highs = 0x8000800080008000ull;
        const auto zeroUnit = [](quint64 v) { return (v - ones) & ~v & highs; };
        while (end - p >= 4) {
            quint64 x;
            std::memcpy(&x, p, 8);
            const quint64 special = (x & 0xff80ff80ff80ff80ull) | ((x - ones * 0x20) & ~x & highs) |
                                    zeroUnit(x ^ (ones * u'"')) | zeroUnit(x ^ (ones * u'\\'));
            if (special)
                break;
            for (int i = 0; i < 4; ++i)
                d[i] = char(p[i]);
            d += 4;
            p += 4;
        }
        if (p == end)
            break;
        const char16_t u = *p++;
        if (u < 0x80) {
            if (u >= 0x20 && u != u'"' && u != u'\\') {
                *d++ = char(u);
                continue;
            }
            *d++ = '\\';
            switch (u) {
            case u'"':
                *d++ = '"';
                break;
            case u'\\':
                *d++ = '\\';
                break;
            case u'\b':
                *d++ = 'b';
                break;
            case u'\f':
                *d++ = 'f';
                break;
            case u'\n':
                *d++ = 'n';
                break;
            case u'\r':
                *d++ = 'r';
                break;
            case u'\t':
                *d++ = 't';
                break;
            default:
                *d++ = 'u';
                *d++ = '0';
                *d++ = '0';
                *d++ = kHex[u >> 4];
                *d++ = kHex[u & 0xf];
            }
        } else if (u < 0x800) {
            *d++ = char(0xc0 | (u >> 6));
            *d++ = char(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            *d++ = char(0xe0 | (u >> 12));
            *d++ = char(0x80 | ((u >> 6) & 0x3f));
            *d++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && p != end && QChar::isLowSurrogate(*p)) {
            const char32_t c = QChar::surrogateToUcs4(u, *p++);
            *d++ = char(0xf0 | (c >> 18));
            *d++ = char(0x80 | ((c >> 12) & 0x3f));
            *d++ = char(0x80 | ((c >> 6) & 0x3f));
            *d++ = char(0x80 | (c & 0x3f));
        } else {
            *d++ = '\\';
            *d++ = 'u';
            for (int shift = 12; shift >= 0; shift -= 4)
                *d++ = kHex[(u >> shift) & 0xf];
        }
    }
    *d++ = '"';
    return d;
}

void appendString(QByteArray &out, QByteArrayView before, QStringView text, QByteArrayView after)
{
    const qsizetype at = out.size();
    // At most six bytes per UTF-16 unit (\u00XX), plus the quotes.
    out.resize(at + before.size() + 6 * text.size() + 2 + after.size());
    char *const begin = out.data();
    char *d = begin + at;
    if (!before.isEmpty())
        std::memcpy(d, before.data(), size_t(before.size()));
    d += before.size();
    d = writeString(d, text);
    if (!after.isEmpty())
        std::memcpy(d, after.data(), size_t(after.size()));
    d += after.size();
    out.resize(d - begin);
}

void IndentedJsonWriter::indent(int depth)
{
    m_out.append(qsizetype(depth) * kIndent, ' ');
}

// Array elements start on their own line; a member's value follows its name.
void IndentedJsonWriter::beforeValue()
{
    if (m_afterName) {
        m_afterName = false;
        return;
    }
    if (m_first.isEmpty())
        return;
    if (!m_first.back())
        m_out.append(QByteArrayView(",\n"));
    m_first.back() = false;
    indent(int(m_first.size()));
}

void IndentedJsonWriter::beginObject()
{
    beforeValue();
    m_out.append(QByteArrayView("{\n"));
    m_first.append(true);
}

void IndentedJsonWriter::endObject()
{
    if (!m_first.back())
        m_out.append('\n');
    m_first.removeLast();
    indent(int(m_first.size()));
    m_out.append('}');
}

void IndentedJsonWriter::beginArray()
{
    beforeValue();
    m_out.append(QByteArrayView("[\n"));
    m_first.append(true);
}

void IndentedJsonWriter::endArray()
{
    if (!m_first.back())
        m_out.append('\n');
    m_first.removeLast();
    indent(int(m_first.size()));
    m_out.append(']');
}

void IndentedJsonWriter::name(QByteArrayView memberName)
{
    if (!m_first.back())
        m_out.append(QByteArrayView(",\n"));
    m_first.back() = false;
    indent(int(m_first.size()));
    m_out.append('"');
    m_out.append(memberName);
    m_out.append(QByteArrayView("\": "));
    m_afterName = true;
}

void IndentedJsonWriter::member(QByteArrayView memberName, QStringView text)
{
    // ",\n" + indentation + "name": in one piece ahead of the string.
    char before[256];
    qsizetype n = 0;
    const qsizetype depth = m_first.size() * kIndent;
    if (memberName.size() + depth + 6 > qsizetype(sizeof before)) {
        name(memberName);
        string(text);
        return;
    }
    if (!m_first.back()) {
        before[n++] = ',';
        before[n++] = '\n';
    }
    m_first.back() = false;
    std::memset(before + n, ' ', size_t(depth));
    n += depth;
    before[n++] = '"';
    std::memcpy(before + n, memberName.data(), size_t(memberName.size()));
    n += memberName.size();
    std::memcpy(before + n, "\": ", 3);
    n += 3;
    appendString(m_out, QByteArrayView(before, n), text, {});
}

void IndentedJsonWriter::string(QStringView text)
{
    beforeValue();
    appendString(m_out, {}, text, {});
}

void IndentedJsonWriter::null()
{
    beforeValue();
    m_out.append(QByteArrayView("null"));
}

void IndentedJsonWriter::boolean(bool value)
{
    beforeValue();
    m_out.append(value ? QByteArrayView("true") : QByteArrayView("false"));
}

void IndentedJsonWriter::integer(qint64 value)
{
    beforeValue();
    m_out.append(QByteArray::number(value));
}

void IndentedJsonWriter::timestamp(const QDateTime &when)
{
    if (!when.isValid()) {
        null();
        return;
    }
    beforeValue();
    m_out.append('"');
    appendTimestampUtc(m_out, when);
    m_out.append('"');
}

void IndentedJsonWriter::value(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        break;
    case QJsonValue::Bool:
        boolean(v.toBool());
        break;
    case QJsonValue::Double: {
        // Integers (counts, days) as Qt writes them; other numbers in the shortest exact form, as Qt does.
        const double d = v.toDouble();
        if (!std::isfinite(d)) {
            null();
        } else if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0) {
            integer(v.toInteger());
        } else {
            beforeValue();
            m_out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
        }
        break;
    }
    case QJsonValue::String:
        string(v.toString());
        break;
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray a = v.toArray();
        for (const QJsonValue &item : a)
            value(item);
        endArray();
        break;
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            // Member names of small parts are any text: escaped like values.
            if (!m_first.back())
                m_out.append(QByteArrayView(",\n"));
            m_first.back() = false;
            indent(int(m_first.size()));
            appendString(m_out, {}, it.key(), QByteArrayView(": "));
            m_afterName = true;
            value(it.value());
        }
        endObject();
        break;
    }
    }
}

char *IndentedJsonWriter::reserve(qsizetype bytes)
{
    const qsizetype at = m_out.size();
    m_out.resize(at + bytes);
    return m_out.data() + at;
}

void IndentedJsonWriter::commit(const char *end, bool wroteMembers)
{
    m_out.truncate(end - m_out.constData());
    if (wroteMembers && !m_first.isEmpty())
        m_first.back() = false;
}

MemberWriter::MemberWriter(IndentedJsonWriter &writer, int members, qsizetype textUnits)
    : m_writer(writer)
    , m_indent(qsizetype(writer.depth()) * kIndent)
{
    // Per member: ",\n", the indentation, a name of up to 32 characters with its quotes and ": ", and
    // room for a timestamp or number; per UTF-16 unit of text at most six bytes.
    m_d = writer.reserve(members * (m_indent + 40 + 64) + 6 * textUnits);
}

MemberWriter::~MemberWriter()
{
    m_writer.commit(m_d, !m_first);
}

void MemberWriter::name(QByteArrayView n)
{
    if (!m_first) {
        *m_d++ = ',';
        *m_d++ = '\n';
    }
    m_first = false;
    std::memset(m_d, ' ', size_t(m_indent));
    m_d += m_indent;
    *m_d++ = '"';
    const qsizetype length = qMin<qsizetype>(n.size(), 32);
    std::memcpy(m_d, n.data(), size_t(length));
    m_d += length;
    std::memcpy(m_d, "\": ", 3);
    m_d += 3;
}

void MemberWriter::literal(QByteArrayView bytes)
{
    // Qt writes nothing at all for some times (years before 1): memcpy must not see its null data.
    if (bytes.isEmpty())
        return;
    std::memcpy(m_d, bytes.data(), size_t(bytes.size()));
    m_d += bytes.size();
}

void MemberWriter::text(QByteArrayView n, QStringView value)
{
    name(n);
    m_d = writeString(m_d, value);
}

void MemberWriter::time(QByteArrayView n, const QDateTime &when)
{
    name(n);
    if (!when.isValid()) {
        literal("null");
        return;
    }
    *m_d++ = '"';
    if (writeTimestampUtc(m_d, when)) {
        m_d += 24;
    } else {
        // Before 1970 or after 9999: as Qt writes it (a few characters more at most).
        literal(formatTimestampUtc(when).toUtf8().left(60));
    }
    *m_d++ = '"';
}

void MemberWriter::integer(QByteArrayView n, qint64 value)
{
    name(n);
    literal(QByteArray::number(value));
}

void MemberWriter::null(QByteArrayView n)
{
    name(n);
    literal("null");
}

void MemberWriter::boolean(QByteArrayView n, bool value)
{
    name(n);
    literal(value ? QByteArrayView("true") : QByteArrayView("false"));
}

void IndentedJsonWriter::finish()
{
    m_out.append('\n');
}

} // namespace aikeys::json
