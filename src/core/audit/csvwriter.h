#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QSet>
#include <QString>
#include <QStringList>

class QIODevice;

namespace aikeys {

// Writes RFC 4180 CSV: fields holding a comma, a double quote, CR or LF are quoted, quotes are
// doubled, records end with CRLF.
//
// Cells are data from a server that anyone with write access to a project can influence (a key's
// name), and CSV files are opened in spreadsheets: a cell starting with a tab or a CR, or with =, +,
// - or @ (also after leading whitespace, which some spreadsheets skip: spaces, line feeds, no-break
// and other Unicode spaces) would be read as a formula. Such cells get a leading single quote, which
// spreadsheets show as text. Columns that hold numbers can opt out, so "-5" stays a number there; a cell in
// such a column that is not a plain number is still neutralized.
class CsvWriter
{
public:
    // Rows are collected in memory (text(), toUtf8()); with a device, each row is also written to
    // it as UTF-8 as soon as it is complete, and not kept.
    CsvWriter() = default;
    explicit CsvWriter(QIODevice *device);

    // Turns formula neutralization off for one column (0-based) holding numbers.
    void setNumericColumn(int column, bool numeric = true);
    // Turns formula neutralization off altogether (for a consumer that is not a spreadsheet).
    void setNeutralizeFormulas(bool on) { m_neutralize = on; }

    void writeRow(const QStringList &cells);

    QString text() const { return QString::fromUtf8(m_bytes); }
    const QByteArray &toUtf8() const { return m_bytes; }
    // False once a write to the device failed.
    bool ok() const { return m_ok; }

    // One cell as it appears in the file, with both protections applied.
    static QString encodeCell(const QString &cell, bool neutralizeFormulas = true);
    // The same appended to UTF-8 output (rows are written as UTF-8 straight away: a 20,000-key
    // export is 20 cells a row).
    static void appendCell(QByteArray &out, const QString &cell, bool neutralizeFormulas = true);
    // A time as exports write it (ISO 8601 in UTC with milliseconds), nothing for an invalid one.
    static void appendTimeCell(QByteArray &out, const QDateTime &when);
    // The same for a cell held as UTF-8 bytes, for a value that must not pass through a QString
    // (a secret): the result is the only copy made, for the caller to write and wipe.
    static QByteArray encodeCell(const QByteArray &utf8Cell, bool neutralizeFormulas = true);
    // True when a spreadsheet could read the cell as a formula.
    static bool looksLikeFormula(QStringView cell);
    // The same for UTF-8 bytes, decoded in place (never copied into a QString).
    static bool looksLikeFormula(const QByteArray &utf8Cell);
    // True for a plain decimal number: an optional sign, digits, an optional fraction.
    static bool isPlainNumber(QStringView cell);

private:
    QIODevice *m_device = nullptr;
    QSet<int> m_numericColumns;
    QByteArray m_bytes; // the rows, without a device
    QByteArray m_line;  // the row being written, with a device
    bool m_neutralize = true;
    bool m_ok = true;
};

} // namespace aikeys
