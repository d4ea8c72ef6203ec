#pragma once

#include <QByteArray>
#include <QStringView>

namespace aikeys {

// Appends text as UTF-8, exactly as QString::toUtf8 writes it: ASCII is copied here (most of what a
// listing writes), the rest of the text from its first non-ASCII character is left to Qt.
inline void appendUtf8(QByteArray &out, QStringView text)
{
    const char16_t *p = text.utf16();
    const qsizetype n = text.size();
    const qsizetype at = out.size();
    out.resize(at + n);
    char *d = out.data() + at;
    for (qsizetype i = 0; i < n; ++i) {
        if (p[i] >= 0x80) {
            out.resize(at + i);
            out += text.sliced(i).toUtf8();
            return;
        }
        d[i] = char(p[i]);
    }
}

} // namespace aikeys
