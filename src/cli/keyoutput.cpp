#include "keyoutput.h"

#include "audit/csvwriter.h"
#include "commandline.h"
#include "console.h"
#include "domain/terminaltext.h"
#include "domain/timestamp.h"

#include <array>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

constexpr qsizetype kChunk = 64 * 1024;
constexpr char kHex[] = "0123456789abcdef";

// UTF-8 of s, as QString::toUtf8 writes it: ASCII is copied here, the rest of a string from its
// first non-ASCII character is left to Qt (lone surrogates and all).
void appendUtf8(QByteArray &out, QStringView s)
{
    const char16_t *p = reinterpret_cast<const char16_t *>(s.utf16());
    const qsizetype n = s.size();
    const qsizetype at = out.size();
    out.resize(at + n);
    char *d = out.data() + at;
    for (qsizetype i = 0; i < n; ++i) {
        if (p[i] >= 0x80) {
            out.resize(at + i);
            out += s.mid(i).toUtf8();
            return;
        }
        d[i] = char(p[i]);
    }
}

void appendSpaces(QByteArray &out, qsizetype count)
{
    if (count > 0)
        out.append(count, ' ');
}

// ---- JSON, as QJsonDocument::toJson(Indented) writes it

// A JSON string the way Qt escapes it: ", \ and controls escaped (the short forms where JSON has
// them), everything else as UTF-8, a lone surrogate as \uXXXX.
void appendJsonString(QByteArray &out, QStringView s)
{
    const char16_t *p = reinterpret_cast<const char16_t *>(s.utf16());
    const char16_t *const end = p + s.size();
    const qsizetype at = out.size();
    out.resize(at + 6 * s.size() + 2);
    char *const begin = out.data();
    char *d = begin + at;
    *d++ = '"';
    while (p != end) {
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
    out.resize(d - begin);
}

void appendJsonField(QByteArray &out, const char *name, QStringView value, bool last = false)
{
    out += "        \"";
    out += name;
    out += "\": ";
    appendJsonString(out, value);
    out += last ? "\n" : ",\n";
}

void appendJsonTimeField(QByteArray &out, const char *name, const QDateTime *when)
{
    out += "        \"";
    out += name;
    out += "\": ";
    if (when && when->isValid()) {
        out += '"';
        appendTimestampUtc(out, *when);
        out += "\",\n";
    } else {
        out += "null,\n";
    }
}

// ---- CSV, as CsvWriter writes it

void appendCsvCell(QByteArray &out, const QString &cell)
{
    const char16_t *p = reinterpret_cast<const char16_t *>(cell.utf16());
    const qsizetype n = cell.size();
    bool plain = n == 0 || (p[0] != u'\t' && p[0] != u'\r' && !QChar::isSpace(p[0]) && p[0] != u'=' &&
                            p[0] != u'+' && p[0] != u'-' && p[0] != u'@');
    for (qsizetype i = 0; plain && i < n; ++i)
        plain = p[i] != u',' && p[i] != u'"' && p[i] != u'\r' && p[i] != u'\n';
    if (plain)
        appendUtf8(out, cell);
    else
        appendUtf8(out, CsvWriter::encodeCell(cell));
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

void OutputBuffer::flush()
{
    m_console.outBytes(m_bytes);
    m_bytes.resize(0);
}

void writeKeysJson(OutputBuffer &buffer, const QList<AiKey> &keys)
{
    QByteArray &out = buffer.bytes();
    out += "[\n";
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const AiKey &k = keys.at(i);
        // Qt writes an object's members sorted by name.
        out += "    {\n";
        appendJsonField(out, "apiKeyId", k.apiKeyId);
        appendJsonField(out, "cloud", k.cloud);
        appendJsonTimeField(out, "createdAt", &k.createdAt);
        appendJsonField(out, "createdBy", k.createdBy);
        appendJsonField(out, "endpoint", k.endpoint);
        appendJsonField(out, "geography", k.geography);
        appendJsonField(out, "groupId", k.groupId);
        appendJsonTimeField(out, "lastUsedAt", k.lastUsedAt ? &*k.lastUsedAt : nullptr);
        if (k.lastUsedUnknown)
            out += "        \"lastUsedUnknown\": true,\n";
        appendJsonField(out, "maskedSecret", k.maskedSecret);
        appendJsonField(out, "name", k.name);
        appendJsonField(out, "status", k.status, true);
        out += i + 1 == keys.size() ? "    }\n" : "    },\n";
        buffer.recordDone();
    }
    out += "]\n";
}

void writeKeysCsv(OutputBuffer &buffer, const QList<AiKey> &keys)
{
    QByteArray &out = buffer.bytes();
    out += "apiKeyId,name,groupId,status,createdAt,createdBy,lastUsedAt,maskedSecret,cloud,geography,"
           "endpoint\r\n";
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
        out += "\r\n";
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
        out += "  ";
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
