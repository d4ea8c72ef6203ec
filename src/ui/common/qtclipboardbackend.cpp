#include "common/qtclipboardbackend.h"

#include "common/concealedpasteboard.h"
#include "security/secretbuffer.h"

#include <QGuiApplication>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
const QString kTextPlain = u"text/plain"_s;

QClipboard *clipboard()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) ? QGuiApplication::clipboard()
                                                                         : nullptr;
}
} // namespace

QtClipboardBackend::QtClipboardBackend(QClipboard::Mode mode)
    : m_mode(mode)
{
    // macOS: the concealed-type hint only reaches the pasteboard through a converter (Qt 6.5+).
    registerConcealedPasteboardType();
}

QtClipboardBackend::~QtClipboardBackend()
{
    release();
}

void QtClipboardBackend::setContent(const QByteArray &utf8Text, const QList<ClipboardFormat> &extraFormats)
{
    QClipboard *cb = clipboard();
    if (!cb)
        return;
    // The clipboard deletes the previous QMimeData when it takes the new one; only then is our copy
    // of the previous text the last one, and worth wiping.
    QByteArray previous = std::move(m_held);
    // A private, detached copy: the caller's buffer stays the caller's to wipe.
    m_held = QByteArray(utf8Text.constData(), utf8Text.size());
    auto *mime = new QMimeData;
    mime->setData(kTextPlain, m_held);
    for (const ClipboardFormat &format : extraFormats)
        mime->setData(format.mimeType, format.data);
    cb->setMimeData(mime, m_mode);
    SecretBuffer::wipeBytes(previous);
}

QByteArray QtClipboardBackend::currentText() const
{
    QClipboard *cb = clipboard();
    const QMimeData *mime = cb ? cb->mimeData(m_mode) : nullptr;
    if (!mime)
        return {};
    if (mime->hasFormat(kTextPlain))
        return mime->data(kTextPlain);
    return mime->hasText() ? mime->text().toUtf8() : QByteArray();
}

void QtClipboardBackend::clear()
{
    if (QClipboard *cb = clipboard())
        cb->clear(m_mode);
}

void QtClipboardBackend::release()
{
    // While the clipboard still owns our QMimeData its copy shares m_held's storage and wiping would
    // pull the text from under it: only a buffer we hold alone is wiped (wipeBytes checks).
    SecretBuffer::wipeBytes(m_held);
    m_held = QByteArray();
}

} // namespace aikeys
