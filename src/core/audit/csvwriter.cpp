#include "audit/csvwriter.h"

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

bool CsvWriter::looksLikeFormula(QStringView cell)
{
    if (cell.isEmpty())
        return false;
    switch (cell.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
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
    // Every character that starts a formula is ASCII, so the first byte decides.
    const QChar first = utf8Cell.isEmpty() ? QChar() : QChar::fromLatin1(utf8Cell.front());
    const bool formula =
        neutralizeFormulas && looksLikeFormula(QStringView(&first, utf8Cell.isEmpty() ? 0 : 1));
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

void CsvWriter::writeRow(const QStringList &cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += u',';
        const QString &cell = cells.at(i);
        const bool numericCell = m_numericColumns.contains(int(i)) && isPlainNumber(cell);
        line += encodeCell(cell, m_neutralize && !numericCell);
    }
    line += u"\r\n"_s;
    if (m_device) {
        const QByteArray bytes = line.toUtf8();
        if (m_device->write(bytes) != bytes.size())
            m_ok = false;
        return;
    }
    m_text += line;
}

} // namespace aikeys
