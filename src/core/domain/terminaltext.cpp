#include "domain/terminaltext.h"

namespace aikeys {

namespace {
constexpr char kHex[] = "0123456789abcdef";

template <typename Out>
void appendEscape(Out &out, char32_t c)
{
    out += '\\';
    if (c < 0x100) {
        out += 'x';
        out += kHex[(c >> 4) & 0xf];
        out += kHex[c & 0xf];
    } else {
        out += 'u';
        for (int shift = 12; shift >= 0; shift -= 4)
            out += kHex[(c >> shift) & 0xf];
    }
}

void appendEscape(QString &out, char32_t c)
{
    QByteArray ascii;
    appendEscape(ascii, c);
    out += QLatin1String(ascii);
}
} // namespace

QString sanitizeForTerminal(QStringView text, TerminalText mode)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        const bool kept = mode == TerminalText::MultiLine && (c == u'\n' || c == u'\t');
        if (!kept && isUnsafeForDisplay(c))
            appendEscape(out, c);
        else
            out += ch;
    }
    return out;
}

QByteArray sanitizeUtf8ForTerminal(const QByteArray &utf8)
{
    QByteArray out;
    out.reserve(utf8.size());
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.constData());
    const qsizetype n = utf8.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char b = p[i];
        if (b < 0x80) {
            if (isUnsafeForDisplay(b))
                appendEscape(out, b);
            else
                out += char(b);
            ++i;
            continue;
        }
        // The length and smallest value of a well-formed sequence starting with b.
        int length = 0;
        char32_t c = 0;
        char32_t minimum = 0;
        if ((b & 0xe0) == 0xc0) {
            length = 2;
            c = b & 0x1f;
            minimum = 0x80;
        } else if ((b & 0xf0) == 0xe0) {
            length = 3;
            c = b & 0x0f;
            minimum = 0x800;
        } else if ((b & 0xf8) == 0xf0) {
            length = 4;
            c = b & 0x07;
            minimum = 0x10000;
        }
        bool wellFormed = length > 0 && i + length <= n;
        for (int k = 1; wellFormed && k < length; ++k) {
            if ((p[i + k] & 0xc0) != 0x80)
                wellFormed = false;
            else
                c = (c << 6) | (p[i + k] & 0x3f);
        }
        wellFormed = wellFormed && c >= minimum && c <= 0x10ffff && !(c >= 0xd800 && c <= 0xdfff);
        if (!wellFormed) {
            appendEscape(out, b);
            ++i;
            continue;
        }
        if (isUnsafeForDisplay(c))
            appendEscape(out, c);
        else
            out.append(utf8.constData() + i, length);
        i += length;
    }
    return out;
}

qsizetype indexOfUnsafeForDisplay(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isUnsafeForDisplay(text.at(i).unicode()))
            return i;
    }
    return -1;
}

} // namespace aikeys
