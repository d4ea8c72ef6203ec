#pragma once

#include <QByteArray>

namespace aikeys {

// Holds one secret (a created key, a client secret, a private key, a token) in a single buffer that
// is overwritten before it is released. Move-only, so a secret is never silently duplicated; it
// converts to nothing implicitly, so it cannot end up in a QVariant, a model or a log by accident.
//
// What this does not protect against: copies Qt makes on its own (a QLineEdit's text, the network
// stack's buffers, QAuthenticator's password), swap, and anyone who can read this process's memory.
class SecretBuffer
{
public:
    SecretBuffer() = default;
    explicit SecretBuffer(QByteArray &&bytes);
    ~SecretBuffer();
    SecretBuffer(SecretBuffer &&other) noexcept;
    SecretBuffer &operator=(SecretBuffer &&other) noexcept;
    SecretBuffer(const SecretBuffer &) = delete;
    SecretBuffer &operator=(const SecretBuffer &) = delete;

    // Copies bytes in, then wipes the caller's buffer.
    static SecretBuffer takeFrom(QByteArray &bytes);
    static SecretBuffer fromUtf8(const QString &text);

    bool isEmpty() const { return m_bytes.isEmpty(); }
    qsizetype size() const { return m_bytes.size(); }
    // The bytes, for the moment they are needed (writing a header, a file, the clipboard).
    const QByteArray &reveal() const { return m_bytes; }
    // A deliberate copy, for the rare owner that needs its own (the session keeps credentials).
    SecretBuffer clone() const;
    bool equals(const SecretBuffer &other) const;
    void wipe();

    // Overwrites a buffer in place in a way the optimiser cannot drop.
    static void wipeBytes(QByteArray &bytes);
    static void wipeString(QString &text);

private:
    QByteArray m_bytes;
};

} // namespace aikeys
