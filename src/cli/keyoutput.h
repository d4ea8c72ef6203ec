#pragma once

#include "output.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <functional>

namespace aikeys::cli {

class Console;

// Standard output in chunks: what a listing writes is handed to the console every 64 KiB, so the
// whole document never sits in memory.
class OutputBuffer
{
public:
    explicit OutputBuffer(Console &console);
    ~OutputBuffer();
    OutputBuffer(const OutputBuffer &) = delete;
    OutputBuffer &operator=(const OutputBuffer &) = delete;

    QByteArray &bytes() { return m_bytes; }
    // Hands the bytes over when a chunk is full; called between records only.
    void recordDone();
    // The same for bytes a writer of its own holds: written (after what is buffered here) and cleared
    // once they fill a chunk.
    void handOver(QByteArray &bytes);
    void flush();

private:
    Console &m_console;
    QByteArray m_bytes;
};

// A table as renderTable writes it, streamed: the cells are read twice (widths, then the lines), never
// held as rows of strings. cells(row, column, scratch) gives a cell's text, pointing into the data or
// into scratch for text it works out.
struct TableColumn
{
    QString header;
    bool numeric = false; // right-aligned
};
using TableCells = std::function<QStringView(qsizetype row, int column, QString &scratch)>;

// displayDate() once per UTC day: a table of 20,000 keys shows two dates a row, a few hundred days.
class DayTexts
{
public:
    const QString &of(const QDateTime &when);

private:
    QHash<qint64, QString> m_days;
    QString m_none;
};
void writeTable(OutputBuffer &out, const QList<TableColumn> &columns, qsizetype rows,
                const TableCells &cells);

// Keys written straight from the value types in one pass, the same bytes as renderJson(toJson),
// renderCsv(csvRows) and renderTable(tableRows) give (tests/core/tst_keyoutput.cpp holds them to it),
// without a document, row or cell object per key: a 20,000-key org listing spent three quarters of
// its CPU building and serializing those.
void writeKeysJson(OutputBuffer &out, const QList<AiKey> &keys);
void writeKeysCsv(OutputBuffer &out, const QList<AiKey> &keys);
void writeKeysTable(OutputBuffer &out, const QList<AiKey> &keys, KeyScopeColumns scope);

} // namespace aikeys::cli
