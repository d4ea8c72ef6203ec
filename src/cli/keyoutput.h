#pragma once

#include "output.h"

#include <QByteArray>
#include <QList>

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

// Keys written straight from the value types in one pass, the same bytes as renderJson(toJson),
// renderCsv(csvRows) and renderTable(tableRows) give (tests/core/tst_keyoutput.cpp holds them to it),
// without a document, row or cell object per key: a 20,000-key org listing spent three quarters of
// its CPU building and serializing those.
void writeKeysJson(OutputBuffer &out, const QList<AiKey> &keys);
void writeKeysCsv(OutputBuffer &out, const QList<AiKey> &keys);
void writeKeysTable(OutputBuffer &out, const QList<AiKey> &keys, KeyScopeColumns scope);

} // namespace aikeys::cli
