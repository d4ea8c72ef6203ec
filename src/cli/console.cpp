#include "console.h"

#include "domain/terminaltext.h"

namespace aikeys::cli {

Console::Console(std::FILE *out, std::FILE *err)
    : m_out(out)
    , m_err(err)
{}

// Text for people may quote what a server or another user wrote; whatever a handler forgot to
// check, no escape sequence or bidirectional override reaches the terminal from here. (JSON and CSV
// go through outBytes: they are data, written as they are.)
void Console::out(const QString &text)
{
    // A long table is usually safe already (its cells were escaped): then it is not copied again.
    bool safe = true;
    for (const QChar c : text) {
        if (c != u'\n' && c != u'\t' && isUnsafeForDisplay(c.unicode())) {
            safe = false;
            break;
        }
    }
    outBytes((safe ? text : sanitizeForTerminal(text, TerminalText::MultiLine)).toUtf8());
}

void Console::outBytes(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    if (std::fwrite(bytes.data(), 1, size_t(bytes.size()), m_out) != size_t(bytes.size()))
        m_outOk = false;
}

void Console::err(const QString &text)
{
    // Keep what was printed so far on standard output ahead of the message when both go to one
    // terminal.
    std::fflush(m_out);
    const QByteArray bytes = sanitizeForTerminal(text, TerminalText::MultiLine).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_err);
    std::fflush(m_err);
}

void Console::errLine(const QString &text)
{
    err(text + QLatin1Char('\n'));
}

void Console::flush()
{
    if (std::fflush(m_out) != 0)
        m_outOk = false;
    std::fflush(m_err);
}

} // namespace aikeys::cli
