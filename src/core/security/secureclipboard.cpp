#include "security/secureclipboard.h"

#include "logging.h"
#include "security/secretbuffer.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <algorithm>

namespace aikeys {

namespace {
QByteArray digestOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

// Compares without stopping at the first difference: the digest is not secret, but there is no
// reason to hand anyone a timing oracle on it either.
bool sameDigest(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}
} // namespace

ClipboardBackend::~ClipboardBackend() = default;

SecureClipboard::SecureClipboard(std::unique_ptr<ClipboardBackend> backend, int clearSeconds, QObject *parent)
    : QObject(parent)
    , m_backend(std::move(backend))
{
    keepClipboardOutOfQtLogging();
    setClearSeconds(clearSeconds);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &SecureClipboard::tick);
    if (QCoreApplication *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &SecureClipboard::clearNow);
}

SecureClipboard::~SecureClipboard()
{
    // Leaving a secret behind because the object went away first would defeat the point.
    clearNow();
}

void SecureClipboard::setClearSeconds(int seconds)
{
    m_clearSeconds = std::clamp(seconds, kMinClearSeconds, kMaxClearSeconds);
}

void SecureClipboard::copySecret(const SecretBuffer &secret)
{
    if (!m_backend)
        return;
    m_backend->setContent(secret.reveal(), secretClipboardHints());
    m_digest = digestOf(secret.reveal());
    m_secondsLeft = m_clearSeconds;
    m_timer.start();
    qCInfo(lcSecurity) << "secret copied to the clipboard; clearing in" << m_clearSeconds << "s";
    Q_EMIT countdown(m_secondsLeft);
}

void SecureClipboard::copyPlain(const QString &text)
{
    if (!m_backend)
        return;
    const bool hadSecret = isCountingDown();
    m_timer.stop();
    m_digest.clear();
    m_backend->setContent(text.toUtf8(), {});
    if (hadSecret) {
        m_backend->release();
        Q_EMIT replaced();
    }
}

void SecureClipboard::clearNow()
{
    if (!isCountingDown())
        return;
    finish();
}

void SecureClipboard::tick()
{
    --m_secondsLeft;
    if (m_secondsLeft > 0) {
        Q_EMIT countdown(m_secondsLeft);
        return;
    }
    finish();
}

bool SecureClipboard::clipboardHoldsOurs() const
{
    QByteArray current = m_backend->currentText();
    const bool ours = !current.isEmpty() && sameDigest(digestOf(current), m_digest);
    // If it is ours, this is one more copy of the secret: do not let it outlive the comparison.
    SecretBuffer::wipeBytes(current);
    return ours;
}

void SecureClipboard::finish()
{
    m_timer.stop();
    m_secondsLeft = 0;
    const bool ours = clipboardHoldsOurs();
    m_digest.clear();
    if (ours)
        m_backend->clear();
    m_backend->release();
    if (ours) {
        qCInfo(lcSecurity) << "clipboard cleared";
        Q_EMIT cleared();
    } else {
        qCInfo(lcSecurity) << "clipboard changed since the copy; left alone";
        Q_EMIT replaced();
    }
}

} // namespace aikeys
