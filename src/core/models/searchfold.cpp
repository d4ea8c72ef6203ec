#include "models/searchfold.h"

namespace aikeys::searchfold {

namespace {

// Writes at most three bytes per UTF-16 unit.
void appendFolded(uchar *&d, QStringView text)
{
    for (qsizetype j = 0; j < text.size(); ++j) {
        char32_t u = text[j].unicode();
        if (u < 0x80) {
            *d++ = uchar(u >= U'A' && u <= U'Z' ? u + (U'a' - U'A') : u);
            continue;
        }
        if (QChar::isHighSurrogate(u) && j + 1 < text.size() && text[j + 1].isLowSurrogate())
            u = QChar::surrogateToUcs4(char16_t(u), text[++j].unicode());
        u = QChar::toCaseFolded(u);
        if (u < 0x800) {
            *d++ = uchar(0xc0 | (u >> 6));
        } else {
            if (u < 0x10000) {
                *d++ = uchar(0xe0 | (u >> 12));
            } else {
                *d++ = uchar(0xf0 | (u >> 18));
                *d++ = uchar(0x80 | ((u >> 12) & 0x3f));
            }
            *d++ = uchar(0x80 | ((u >> 6) & 0x3f));
        }
        *d++ = uchar(0x80 | (u & 0x3f));
    }
}

} // namespace

QByteArray fold(QStringView text)
{
    QByteArray out(text.size() * 3, Qt::Uninitialized);
    uchar *d = reinterpret_cast<uchar *>(out.data());
    appendFolded(d, text);
    out.truncate(reinterpret_cast<char *>(d) - out.constData());
    return out;
}

QByteArray foldJoined(std::span<const QStringView> fields)
{
    qsizetype units = qsizetype(fields.size()) - 1;
    for (const QStringView field : fields)
        units += field.size();
    QByteArray out(units * 3, Qt::Uninitialized);
    uchar *d = reinterpret_cast<uchar *>(out.data());
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            *d++ = 0x01;
        appendFolded(d, fields[i]);
    }
    out.truncate(reinterpret_cast<char *>(d) - out.constData());
    out.squeeze();
    return out;
}

} // namespace aikeys::searchfold
