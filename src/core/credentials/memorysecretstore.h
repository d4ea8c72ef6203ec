#pragma once

#include "credentials/secretstore.h"

#include <QStringList>

#include <array>
#include <map>

namespace aikeys {

// Secrets held in this process's memory only, in SecretBuffers wiped on removal and destruction;
// nothing is ever written anywhere. Two uses: session-only profiles (demo mode, no keychain), and
// the fake keychain of unit tests, with injectable failures, delays and hangs.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    explicit MemorySecretStore(const QString &service, QObject *parent = nullptr);
    ~MemorySecretStore() override;

    bool isPersistent() const override { return false; }
    QString backendName() const override;

    // Every later job of that operation fails with error (None: succeeds again). The detail stands in
    // for the backend's own words.
    void setFailure(SecretJob::Operation operation, SecretError error, const QString &detail = {});
    void setFailure(SecretError error, const QString &detail = {}); // every operation
    void clearFailures() { setFailure(SecretError::None); }
    // Jobs answer after this many milliseconds (0: at the next event loop turn).
    void setDelayMs(int ms) { m_delayMs = ms; }
    // Jobs never answer: only their own timeout ends them (a prompt nobody answers, a stuck bus).
    void setHang(bool hang) { m_hang = hang; }

    bool contains(const QString &key) const { return m_entries.count(key) > 0; }
    QStringList keys() const;
    int count() const { return int(m_entries.size()); }
    // Compares without handing the secret out.
    bool holds(const QString &key, const QByteArray &bytes) const;
    int operationCount(SecretJob::Operation operation) const { return m_counts[size_t(operation)]; }
    // Wipes one secret, at once; false if there was none.
    bool erase(const QString &key);
    // Wipes every secret.
    void clear();

protected:
    SecretJob *createJob(SecretJob::Operation operation, const QString &key, SecretBuffer secret) override;

private:
    friend class MemorySecretJob;
    struct Failure
    {
        SecretError error = SecretError::None;
        QString detail;
    };

    std::map<QString, SecretBuffer> m_entries;
    std::array<Failure, 3> m_failures;
    std::array<int, 3> m_counts{};
    int m_delayMs = 0;
    bool m_hang = false;
};

} // namespace aikeys
