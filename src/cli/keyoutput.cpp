#include "keyoutput.h"

#include "audit/csvwriter.h"
#include "commandline.h"
#include "console.h"
#include "domain/json.h"
#include "domain/jsonwriter.h"
#include "domain/terminaltext.h"
#include "domain/timestamp.h"
#include "domain/utf8.h"

#include <array>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

constexpr qsizetype kChunk = 64 * 1024;

void appendSpaces(QByteArray &out, qsizetype count)
{
    if (count > 0)
        out.append(count, ' ');
}

// ---- CSV, as CsvWriter writes it

void appendCsvCell(QByteArray &out, const QString &cell)
{
    CsvWriter::appendCell(out, cell);
}

void appendCsvTime(QByteArray &out, const QDateTime *when, QByteArray &scratch)
{
    if (!when || !when->isValid())
        return;
    scratch.resize(0);
    appendTimestampUtc(scratch, *when);
    // Years 1 to 9999 start with a digit; anything Qt writes otherwise goes through the cell rules.
    if (!scratch.isEmpty() && scratch.at(0) >= '0' && scratch.at(0) <= '9')
        out += scratch;
    else
        appendCsvCell(out, QString::fromUtf8(scratch));
}

// ---- table, as renderTable writes it

// A cell as the terminal gets it: text with a character that could drive the terminal is escaped;
// everything else is the string itself (no copy).
struct Cell
{
    const QString *text = nullptr;
    QString escaped;

    QStringView view() const { return escaped.isNull() ? QStringView(*text) : QStringView(escaped); }
};

void prepare(Cell &cell, const QString &text)
{
    cell.text = &text;
    cell.escaped = indexOfUnsafeForDisplay(text) < 0 ? QString() : sanitizeForTerminal(text);
}

} // namespace

OutputBuffer::OutputBuffer(Console &console)
    : m_console(console)
{
    m_bytes.reserve(2 * kChunk);
}

OutputBuffer::~OutputBuffer()
{
    flush();
}

void OutputBuffer::recordDone()
{
    if (m_bytes.size() >= kChunk)
        flush();
}

void OutputBuffer::handOver(QByteArray &bytes)
{
    if (bytes.size() < kChunk)
        return;
    flush();
    m_console.outBytes(bytes);
    bytes.resize(0);
}

void OutputBuffer::flush()
{
    m_console.outBytes(m_bytes);
    m_bytes.resize(0);
}

void writeKeysJson(OutputBuffer &buffer, const QList<AiKey> &keys)
{
    json::IndentedJsonWriter writer;
    writer.beginArray();
    for (const AiKey &k : keys) {
        json::writeKey(writer, k);
        buffer.handOver(writer.out());
    }
    writer.endArray();
    writer.finish();
    buffer.bytes() += writer.out();
}

void writeKeysCsv(OutputBuffer &buffer, const QList<AiKey> &keys)
{
    QByteArray &out = buffer.bytes();
    out.append(QByteArrayView(
        "apiKeyId,name,groupId,status,createdAt,createdBy,lastUsedAt,maskedSecret,cloud,geography,"
        "endpoint\r\n"));
    QByteArray scratch;
    for (const AiKey &k : keys) {
        appendCsvCell(out, k.apiKeyId);
        out += ',';
        appendCsvCell(out, k.name);
        out += ',';
        appendCsvCell(out, k.groupId);
        out += ',';
        appendCsvCell(out, k.status);
        out += ',';
        appendCsvTime(out, &k.createdAt, scratch);
        out += ',';
        appendCsvCell(out, k.createdBy);
        out += ',';
        appendCsvTime(out, k.lastUsedAt ? &*k.lastUsedAt : nullptr, scratch);
        out += ',';
        appendCsvCell(out, k.maskedSecret);
        out += ',';
        appendCsvCell(out, k.cloud);
        out += ',';
        appendCsvCell(out, k.geography);
        out += ',';
        appendCsvCell(out, k.endpoint);
        out.append(QByteArrayView("\r\n"));
        buffer.recordDone();
    }
}

void writeKeysTable(OutputBuffer &buffer, const QList<AiKey> &keys, KeyScopeColumns scope)
{
    enum Column { Name, Id, Status, LastUsed, Created, CreatedBy, Masked, Endpoint, Project, Count };
    const bool org = scope == KeyScopeColumns::Org;
    const int columns = org ? Count : Project;
    const QString headers[Count] = {Cli::tr("NAME"),          Cli::tr("ID"),       Cli::tr("STATUS"),
                                    Cli::tr("LAST USED"),     Cli::tr("CREATED"),  Cli::tr("CREATED BY"),
                                    Cli::tr("MASKED SECRET"), Cli::tr("ENDPOINT"), Cli::tr("PROJECT")};
    const QString never = Cli::tr("never");
    const QString unknown = Cli::tr("unknown");
    QByteArray scratch;
    const auto dateWidth = [&scratch](const QDateTime &when) {
        scratch.resize(0);
        appendDateUtc(scratch, when);
        return scratch.size();
    };

    const auto textCells = [](const AiKey &k) {
        return std::array<const QString *, Count>{&k.name,         &k.apiKeyId, &k.status,
                                                  nullptr,         nullptr,     &k.createdBy,
                                                  &k.maskedSecret, &k.endpoint, &k.groupId};
    };
    const auto lastUsedText = [&](const AiKey &k) -> const QString * {
        return k.lastUsedUnknown ? &unknown : k.lastUsedAt ? nullptr : &never;
    };

    qsizetype widths[Count] = {};
    for (int c = 0; c < columns; ++c)
        widths[c] = sanitizeForTerminal(headers[c], TerminalText::MultiLine).size();
    Cell cell;
    for (const AiKey &k : keys) {
        const auto texts = textCells(k);
        for (int c = 0; c < columns; ++c) {
            if (texts[c]) {
                prepare(cell, *texts[c]);
                widths[c] = qMax(widths[c], cell.view().size());
            }
        }
        if (const QString *text = lastUsedText(k))
            widths[LastUsed] = qMax(widths[LastUsed], text->size());
        else
            widths[LastUsed] = qMax(widths[LastUsed], dateWidth(*k.lastUsedAt));
        widths[Created] = qMax(widths[Created], dateWidth(k.createdAt));
    }

    QByteArray &out = buffer.bytes();
    // Each cell is padded to its column's width, counted in UTF-16 code units as renderTable does.
    const auto endCell = [&](int c, qsizetype written, qsizetype lineStart) {
        if (c + 1 == columns) {
            // Trailing blanks go, as in renderTable (the last column is not padded).
            qsizetype end = out.size();
            while (end > lineStart && out.at(end - 1) == ' ')
                --end;
            out.resize(end);
            out += '\n';
            return;
        }
        appendSpaces(out, widths[c] - written);
        out.append(QByteArrayView("  "));
    };
    qsizetype lineStart = out.size();
    for (int c = 0; c < columns; ++c) {
        const QString header = sanitizeForTerminal(headers[c], TerminalText::MultiLine);
        appendUtf8(out, header);
        endCell(c, header.size(), lineStart);
    }
    for (const AiKey &k : keys) {
        lineStart = out.size();
        const auto texts = textCells(k);
        for (int c = 0; c < columns; ++c) {
            qsizetype written = 0;
            if (texts[c]) {
                prepare(cell, *texts[c]);
                appendUtf8(out, cell.view());
                written = cell.view().size();
            } else {
                const QString *text = c == LastUsed ? lastUsedText(k) : nullptr;
                if (text) {
                    appendUtf8(out, *text);
                    written = text->size();
                } else {
                    const QDateTime &when = c == LastUsed ? *k.lastUsedAt : k.createdAt;
                    const qsizetype before = out.size();
                    appendDateUtc(out, when);
                    written = out.size() - before;
                }
            }
            endCell(c, written, lineStart);
        }
        buffer.recordDone();
    }
}

} // namespace aikeys::cli
