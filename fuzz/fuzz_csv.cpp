// Round trip of the CSV writer (audit reports, key listings): rows of cells that a server or another
// user controls (key names) are written, then read back with an independent RFC 4180 reader. Every
// cell reads back as written, or as written behind a single quote when a spreadsheet would take it
// for a formula; no cell reads as a formula; rows stay rows (a new line in a name cannot start one).

#include "audit/csvwriter.h"
#include "fuzzcheck.h"

#include <fuzzer/FuzzedDataProvider.h>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

// RFC 4180: records end with CRLF, fields with a comma, a quoted field may hold anything with its
// quotes doubled. Returns false on text that is not valid CSV.
bool readCsv(const QString &text, QList<QStringList> *rows)
{
    QStringList row;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text.at(i) == u'"') {
            ++i;
            for (;;) {
                if (i >= n)
                    return false; // unterminated quote
                if (text.at(i) == u'"') {
                    if (i + 1 < n && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
        } else {
            while (i < n && text.at(i) != u',' && text.at(i) != u'\r' && text.at(i) != u'\n') {
                if (text.at(i) == u'"')
                    return false; // a quote inside an unquoted field
                field += text.at(i++);
            }
        }
        if (i < n && text.at(i) == u',') {
            row << field;
            field.clear();
            ++i;
            continue;
        }
        if (i + 1 < n && text.at(i) == u'\r' && text.at(i + 1) == u'\n') {
            row << field;
            field.clear();
            rows->append(row);
            row.clear();
            i += 2;
            continue;
        }
        return false; // a bare CR or LF outside quotes, or text after a closing quote
    }
    return row.isEmpty() && field.isEmpty(); // the last record ended with CRLF
}

bool isFormulaStart(char32_t c)
{
    return c == U'=' || c == U'+' || c == U'-' || c == U'@';
}

// How a spreadsheet decides, independently of CsvWriter::looksLikeFormula: a tab or CR first, or one
// of = + - @ first once leading white space is skipped.
bool readsAsFormula(const QString &cell)
{
    if (cell.isEmpty())
        return false;
    if (cell.front() == u'\t' || cell.front() == u'\r')
        return true;
    for (const char32_t c : cell.toUcs4()) {
        if (QChar::isSpace(c))
            continue;
        return isFormulaStart(c);
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider in(data, size);
    const int columns = in.ConsumeIntegralInRange(1, 4);
    const int numericColumn = in.ConsumeIntegralInRange(-1, columns - 1);
    CsvWriter writer;
    if (numericColumn >= 0)
        writer.setNumericColumn(numericColumn);
    QList<QStringList> written;
    while (in.remaining_bytes() > 0 && written.size() < 16) {
        QStringList row;
        for (int c = 0; c < columns; ++c) {
            const std::string bytes = in.ConsumeRandomLengthString(64);
            row << QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
        }
        writer.writeRow(row);
        written << row;
    }

    QList<QStringList> read;
    FUZZ_CHECK(readCsv(writer.text(), &read), u"the writer wrote invalid CSV: "_s + writer.text());
    FUZZ_CHECK(read.size() == written.size(), u"rows written and read differ: "_s + writer.text());
    for (qsizetype r = 0; r < written.size(); ++r) {
        FUZZ_CHECK(read.at(r).size() == written.at(r).size(), u"a row's cell count changed"_s);
        for (qsizetype c = 0; c < written.at(r).size(); ++c) {
            const QString &cell = written.at(r).at(c);
            const QString &back = read.at(r).at(c);
            const bool numeric = c == numericColumn && CsvWriter::isPlainNumber(cell);
            FUZZ_CHECK(back == cell || back == u'\'' + cell, u"a cell changed: "_s + cell + u" -> "_s + back);
            FUZZ_CHECK(numeric || !readsAsFormula(back), u"a cell reads as a formula: "_s + back);
            if (readsAsFormula(cell) && !numeric)
                FUZZ_CHECK(back == u'\'' + cell, u"a formula was not neutralized: "_s + cell);
            // The UTF-8 form (used for secrets) writes the same bytes.
            FUZZ_CHECK(CsvWriter::encodeCell(cell.toUtf8(), !numeric) ==
                           CsvWriter::encodeCell(cell, !numeric).toUtf8(),
                       u"the UTF-8 and QString encodings differ: "_s + cell);
        }
    }
    return 0;
}
