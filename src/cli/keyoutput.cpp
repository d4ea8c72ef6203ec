#include "keyoutput.h"

#include "audit/csvwriter.h"
#include "commandline.h"
#include "console.h"
#include "domain/json.h"
#include "domain/jsonwriter.h"
#include "domain/terminaltext.h"
#include "domain/timestamp.h"
#include "domain/utf8.h"

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

constexpr qsizetype kChunk = 64 * 1024;

void appendSpaces(QByteArray &out, qsizetype count)
{
    if (count > 0)
        out.append(count, ' ');
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
    for (const AiKey &k : keys) {
        CsvWriter::appendCell(out, k.apiKeyId);
        out += ',';
        CsvWriter::appendCell(out, k.name);
        out += ',';
        CsvWriter::appendCell(out, k.groupId);
        out += ',';
        CsvWriter::appendCell(out, k.status);
        out += ',';
        CsvWriter::appendTimeCell(out, k.createdAt);
        out += ',';
        CsvWriter::appendCell(out, k.createdBy);
        out += ',';
        CsvWriter::appendTimeCell(out, k.lastUsedAt.value_or(QDateTime()));
        out += ',';
        CsvWriter::appendCell(out, k.maskedSecret);
        out += ',';
        CsvWriter::appendCell(out, k.cloud);
        out += ',';
        CsvWriter::appendCell(out, k.geography);
        out += ',';
        CsvWriter::appendCell(out, k.endpoint);
        out.append(QByteArrayView("\r\n"));
        buffer.recordDone();
    }
}

const QString &DayTexts::of(const QDateTime &when)
{
    if (!when.isValid())
        return m_none;
    constexpr qint64 kMsPerDay = 86400000;
    const qint64 ms = when.toMSecsSinceEpoch();
    const qint64 day = ms / kMsPerDay - (ms % kMsPerDay < 0 ? 1 : 0);
    auto it = m_days.find(day);
    if (it == m_days.end())
        it = m_days.insert(day, displayDate(when));
    return *it;
}

void writeTable(OutputBuffer &buffer, const QList<TableColumn> &columns, qsizetype rows,
                const TableCells &cells)
{
    const qsizetype count = columns.size();
    QList<qsizetype> widths(count, 0);
    QString scratch;
    QString escaped;
    // Columns the first pass found a character in that could drive the terminal: only their cells are
    // looked at again when the lines are written.
    QList<bool> unsafeColumn(count, false);
    bool measuring = true;
    // The cell as the terminal gets it: escaped only when it holds such a character.
    const auto shown = [&](qsizetype row, int column) -> QStringView {
        const QStringView text = cells(row, column, scratch);
        if ((!measuring && !unsafeColumn[column]) || indexOfUnsafeForDisplay(text) < 0)
            return text;
        unsafeColumn[column] = true;
        escaped = sanitizeForTerminal(text);
        return escaped;
    };
    QList<QString> headers;
    for (qsizetype c = 0; c < count; ++c) {
        headers << sanitizeForTerminal(columns.at(c).header, TerminalText::MultiLine);
        widths[c] = headers.last().size();
    }
    for (qsizetype r = 0; r < rows; ++r) {
        for (qsizetype c = 0; c < count; ++c)
            widths[c] = qMax(widths[c], shown(r, int(c)).size());
    }
    measuring = false;

    QByteArray &out = buffer.bytes();
    // Widths count UTF-16 code units, as renderTable does; the last column is not padded and trailing
    // blanks go.
    const auto line = [&](const auto &cellOf) {
        const qsizetype lineStart = out.size();
        for (qsizetype c = 0; c < count; ++c) {
            if (c > 0)
                out.append(QByteArrayView("  "));
            const QStringView text = cellOf(int(c));
            const qsizetype pad = widths[c] - text.size();
            if (columns.at(c).numeric)
                appendSpaces(out, pad);
            appendUtf8(out, text);
            if (!columns.at(c).numeric && c + 1 < count)
                appendSpaces(out, pad);
        }
        qsizetype end = out.size();
        while (end > lineStart && out.at(end - 1) == ' ')
            --end;
        out.truncate(end);
        out += '\n';
    };
    line([&](int c) { return QStringView(headers.at(c)); });
    for (qsizetype r = 0; r < rows; ++r) {
        line([&](int c) { return shown(r, c); });
        buffer.recordDone();
    }
}

void writeKeysTable(OutputBuffer &buffer, const QList<AiKey> &keys, KeyScopeColumns scope)
{
    QList<TableColumn> columns = {{Cli::tr("NAME")},          {Cli::tr("ID")},      {Cli::tr("STATUS")},
                                  {Cli::tr("LAST USED")},     {Cli::tr("CREATED")}, {Cli::tr("CREATED BY")},
                                  {Cli::tr("MASKED SECRET")}, {Cli::tr("ENDPOINT")}};
    if (scope == KeyScopeColumns::Org)
        columns.append({Cli::tr("PROJECT")});
    const QString never = Cli::tr("never");
    const QString unknown = Cli::tr("unknown");
    DayTexts days;
    writeTable(buffer, columns, keys.size(), [&](qsizetype row, int column, QString &) -> QStringView {
        const AiKey &k = keys.at(row);
        switch (column) {
        case 0:
            return k.name;
        case 1:
            return k.apiKeyId;
        case 2:
            return k.status;
        case 3:
            if (k.lastUsedUnknown)
                return unknown;
            if (!k.lastUsedAt)
                return never;
            return days.of(*k.lastUsedAt);
        case 4:
            return days.of(k.createdAt);
        case 5:
            return k.createdBy;
        case 6:
            return k.maskedSecret;
        case 7:
            return k.endpoint;
        default:
            return k.groupId;
        }
    });
}

} // namespace aikeys::cli
