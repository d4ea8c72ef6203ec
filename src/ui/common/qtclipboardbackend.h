#pragma once

#include "security/secureclipboard.h"

#include <QClipboard>

namespace aikeys {

// ClipboardBackend over QGuiApplication::clipboard(). The text goes in as UTF-8 bytes (setData on
// text/plain), not as a QString, so the one copy we hand Qt is a byte buffer we can find again and
// wipe once the clipboard has let go of it.
//
// What this does not protect against: the platform plug-in converts the text for other programs
// (UTF8_STRING on X11, CF_UNICODETEXT on Windows) into buffers of its own that nobody wipes.
class QtClipboardBackend final : public ClipboardBackend
{
public:
    explicit QtClipboardBackend(QClipboard::Mode mode = QClipboard::Clipboard);
    ~QtClipboardBackend() override;

    void setContent(const QByteArray &utf8Text, const QList<ClipboardFormat> &extraFormats) override;
    QByteArray currentText() const override;
    void clear() override;
    void release() override;

private:
    QClipboard::Mode m_mode;
    // Shares its storage with the QMimeData we gave the clipboard; wiped when we are the last holder.
    QByteArray m_held;
};

} // namespace aikeys
