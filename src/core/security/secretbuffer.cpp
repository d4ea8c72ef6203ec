#include "security/secretbuffer.h"

#include "platform/hardening.h"

#include <QString>

#include <cstring>

namespace aikeys {

namespace {
void secureZero(void *p, size_t n)
{
    // A volatile write loop survives dead-store elimination on every compiler we build with.
    volatile unsigned char *v = static_cast<volatile unsigned char *>(p);
    while (n--)
        *v++ = 0;
}
} // namespace

SecretBuffer::SecretBuffer(QByteArray &&bytes)
    : m_bytes(std::move(bytes))
{
    // Detach from any shared data now, so that wiping ours wipes the only copy we hold.
    m_bytes.detach();
    if (!m_bytes.isEmpty())
        platform::protectSecretMemory(m_bytes.constData(), size_t(m_bytes.size()));
}

SecretBuffer::~SecretBuffer()
{
    wipe();
}

SecretBuffer::SecretBuffer(SecretBuffer &&other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes = QByteArray();
}

SecretBuffer &SecretBuffer::operator=(SecretBuffer &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes = QByteArray();
    }
    return *this;
}

SecretBuffer SecretBuffer::takeFrom(QByteArray &bytes)
{
    QByteArray copy(bytes.constData(), bytes.size());
    wipeBytes(bytes);
    bytes.clear();
    return SecretBuffer(std::move(copy));
}

SecretBuffer SecretBuffer::fromUtf8(const QString &text)
{
    return SecretBuffer(text.toUtf8());
}

SecretBuffer SecretBuffer::clone() const
{
    return SecretBuffer(QByteArray(m_bytes.constData(), m_bytes.size()));
}

bool SecretBuffer::equals(const SecretBuffer &other) const
{
    if (m_bytes.size() != other.m_bytes.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < m_bytes.size(); ++i)
        diff |= static_cast<unsigned char>(m_bytes[i] ^ other.m_bytes[i]);
    return diff == 0;
}

void SecretBuffer::wipe()
{
    wipeBytes(m_bytes);
    m_bytes = QByteArray();
}

void SecretBuffer::wipeBytes(QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    // Only wipe storage we own alone: wiping shared data would corrupt another holder's copy.
    if (!bytes.isDetached()) {
        bytes = QByteArray();
        return;
    }
    secureZero(bytes.data(), size_t(bytes.size()));
}

void SecretBuffer::wipeString(QString &text)
{
    if (text.isEmpty())
        return;
    if (!text.isDetached()) {
        text = QString();
        return;
    }
    secureZero(text.data(), size_t(text.size()) * sizeof(QChar));
    text = QString();
}

} // namespace aikeys
