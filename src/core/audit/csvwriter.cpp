#include "audit/csvwriter.h"

#include "domain/timestamp.h"
#include "domain/utf8.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace aikeys {

CsvWriter::CsvWriter(QIODevice *device)
    : m_device(device)
{}

void CsvWriter::setNumericColumn(int column, bool numeric)
{
    if (numeric)
        m_numericColumns.insert(column);
    else
        m_numericColumns.remove(column);
}

namespace {

bool startsAFormula(char32_t c)
{
    return c == U'=' || c == U'+' || c == U'-' || c == U'@';
}

// The formula rule over a cell's code points, one at a time: a tab or a CR first (OWASP), or =, +, -
// or @ after any run of whitespace (spreadsheets may drop leading blanks before they parse a cell).
// next(i, &c) reads the code point at i into c and returns the index after it, or -1 at the end or on
// a code unit that is not a complete character.
template <typename Next>
bool formulaRule(Next next)
{
    char32_t c = 0;
    qsizetype i = next(0, &c);
    if (i < 0)
        return false;
    if (c == U'\t' || c == U'\r')
        return true;
    while (QChar::isSpace(c)) {
        i = next(i, &c);
        if (i < 0)
            return false;
    }
    return startsAFormula(c);
}

} // namespace

bool CsvWriter::looksLikeFormula(QStringView cell)
{
    return formulaRule([cell](qsizetype i, char32_t *c) -> qsizetype {
        if (i >= cell.size())
            return -1;
        const QChar u = cell[i];
        if (u.isHighSurrogate() && i + 1 < cell.size() && cell[i + 1].isLowSurrogate()) {
            *c = QChar::surrogateToUcs4(u, cell[i + 1]);
            return i + 2;
        }
        *c = u.unicode();
        return i + 1;
    });
}

bool CsvWriter::looksLikeFormula(const QByteArray &utf8Cell)
{
    // Decoded in place, one code point at a time: the bytes may be a secret, never copied into a
    // QString.
    return formulaRule([&utf8Cell](qsizetype i, char32_t *c) -> qsizetype {
        const qsizetype n = utf8Cell.size();
        if (i >= n)
            return -1;
        const auto byte = [&utf8Cell](qsizetype at) { return uchar(utf8Cell.at(at)); };
        const uchar lead = byte(i);
        int length = 0;
        char32_t value = 0;
        if (lead < 0x80) {
            *c = lead;
            return i + 1;
        }
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            value = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            value = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            value = lead & 0x07;
        } else {
            return -1;
        }
        if (i + length > n)
            return -1;
        for (int k = 1; k < length; ++k) {
            const uchar b = byte(i + k);
            if ((b & 0xC0) != 0x80)
                return -1;
            value = (value << 6) | (b & 0x3F);
        }
        *c = value;
        return i + length;
    });
}

bool CsvWriter::isPlainNumber(QStringView cell)
{
    qsizetype i = 0;
    if (i < cell.size() && (cell[i] == u'-' || cell[i] == u'+'))
        ++i;
    qsizetype digits = 0;
    while (i < cell.size() && cell[i] >= u'0' && cell[i] <= u'9') {
        ++i;
        ++digits;
    }
    if (i < cell.size() && cell[i] == u'.') {
        ++i;
        qsizetype fraction = 0;
        while (i < cell.size() && cell[i] >= u'0' && cell[i] <= u'9') {
            ++i;
            ++fraction;
        }
        if (fraction == 0)
            return false;
    }
    return digits > 0 && i == cell.size();
}

QString CsvWriter::encodeCell(const QString &cell, bool neutralizeFormulas)
{
    QString value = (neutralizeFormulas && looksLikeFormula(cell)) ? u'\'' + cell : cell;
    bool needsQuotes = false;
    for (const QChar c : std::as_const(value)) {
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n') {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return value;
    value.replace(u'"', u"\"\""_s);
    return u'"' + value + u'"';
}

QByteArray CsvWriter::encodeCell(const QByteArray &utf8Cell, bool neutralizeFormulas)
{
    const bool formula = neutralizeFormulas && looksLikeFormula(utf8Cell);
    bool needsQuotes = false;
    qsizetype quotes = 0;
    for (const char c : utf8Cell) {
        if (c == ',' || c == '\r' || c == '\n')
            needsQuotes = true;
        if (c == '"') {
            needsQuotes = true;
            ++quotes;
        }
    }
    QByteArray out;
    out.reserve(utf8Cell.size() + quotes + 3);
    if (needsQuotes)
        out.append('"');
    if (formula)
        out.append('\'');
    for (const char c : utf8Cell) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    if (needsQuotes)
        out.append('"');
    return out;
}

void CsvWriter::appendCell(QByteArray &out, const QString &cell, bool neutralizeFormulas)
{
    // Most cells are ASCII needing neither protection (no quote, comma or line break, and a first
    // character that cannot start a formula or the blank run before one): copied in one pass. Any
    // other cell takes the general path.
    const char16_t *p = reinterpret_cast<const char16_t *>(cell.utf16());
    const qsizetype n = cell.size();
    if (n > 0 && neutralizeFormulas &&
        (p[0] == u'=' || p[0] == u'+' || p[0] == u'-' || p[0] == u'@' || QChar::isSpace(p[0]))) {
        appendUtf8(out, encodeCell(cell, neutralizeFormulas));
        return;
    }
    const qsizetype at = out.size();
    out.resize(at + n);
    char *d = out.data() + at;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i];
        if (c >= 0x80 || c == u',' || c == u'"' || c == u'\r' || c == u'\n') {
            out.truncate(at);
            appendUtf8(out, encodeCell(cell, neutralizeFormulas));
            return;
        }
        d[i] = char(c);
    }
}

void CsvWriter::appendTimeCell(QByteArray &out, const QDateTime &when)
{
    if (!when.isValid())
        return;
    char direct[24];
    if (writeTimestampUtc(direct, when)) {
        out.append(direct, sizeof direct); // digits first: never a formula, never quoted
        return;
    }
    // Before 1970 or after 9999, as Qt writes it, through the cell rules (it may start with '-').
    appendCell(out, formatTimestampUtc(when));
}

void CsvWriter::writeRow(const QStringList &cells)
{
    QByteArray &line = m_device ? m_line : m_bytes;
    if (m_device)
        line.resize(0);
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += ',';
        const QString &cell = cells.at(i);
        const bool numericCell = m_numericColumns.contains(int(i)) && isPlainNumber(cell);
        appendCell(line, cell, m_neutralize && !numericCell);
    }
    line += "\r\n";
    if (m_device && m_device->write(line) != line.size())
        m_ok = false;
}

} // namespace aikeys
