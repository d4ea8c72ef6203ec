#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace aikeys {

// Text that a server or another user controls (a key name, an error's detail, a created-by address)
// must not drive the terminal it is printed on: an escape sequence can retitle the window, clear the
// screen or fake a prompt, and a bidirectional override can make a name read backwards. These are
// the characters that do such things:
//   C0 controls (U+0000-U+001F), DEL (U+007F), C1 controls (U+0080-U+009F), the line and paragraph
//   separators (U+2028, U+2029), the bidirectional marks, embeddings, overrides and isolates
//   (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).
inline bool isUnsafeForDisplay(char32_t c)
{
    if (c >= 0x20 && c < 0x7f) // printable ASCII, nearly every character of a listing
        return false;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f ||
           (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

enum class TerminalText {
    SingleLine, // every unsafe character escaped, newlines and tabs too (a table cell, a quoted name)
    MultiLine,  // newlines and tabs kept: a whole message or table whose parts were already checked
};

// Each unsafe character replaced by a visible escape: "\x1b" below U+0100, "\u202e" above. Nothing
// else changes (a backslash stays a backslash). Pure, so it can be fuzzed.
QString sanitizeForTerminal(QStringView text, TerminalText mode = TerminalText::SingleLine);

// The same for UTF-8 bytes that should never become a QString (a secret): well-formed sequences of
// safe characters are copied, unsafe characters are escaped as above, and bytes that are not
// well-formed UTF-8 are escaped as "\xNN". The caller wipes the result when it held a secret.
QByteArray sanitizeUtf8ForTerminal(const QByteArray &utf8);

// The index of the first unsafe character (counted in UTF-16 code units), or -1.
qsizetype indexOfUnsafeForDisplay(QStringView text);

} // namespace aikeys
