#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace aikeys {

// One extra clipboard format: a MIME type and its bytes.
struct ClipboardFormat
{
    QString mimeType;
    QByteArray data;
};

// The formats that ask this platform's clipboard managers and history features to leave a copied
// secret alone: put them on the clipboard beside the text. They are requests, not protection: a
// clipboard manager that ignores them still sees the secret. One implementation per platform
// (clipboardhints_linux.cpp, _mac.cpp, _win.cpp); only the current platform's file is compiled.
QList<ClipboardFormat> secretClipboardHints();

} // namespace aikeys
