#include "credentials/memorysecretstore.h"

#include <QCoreApplication>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace aikeys {

class MemorySecretJob final : public SecretJob
{
public:
    MemorySecretJob(MemorySecretStore *store, Operation operation, const QString &key,
                    SecretBuffer secret = {})
        : SecretJob(store, operation, key, std::move(secret))
        , m_store(store)
    {}

protected:
    void run() override
    {
        if (!m_store) {
            finish(SecretError::Other, u"the store is gone"_s);
            return;
        }
        ++m_store->m_counts[size_t(operation())];
        // Captured now, like a real backend that decides when the request arrives.
        m_failure = m_store->m_failures[size_t(operation())];
        if (m_store->m_hang)
            return;
        if (m_store->m_delayMs > 0)
            QTimer::singleShot(m_store->m_delayMs, this, [this] { complete(); });
        else
            complete();
    }

    void abandon() override
    {
        // A write that timed out must not land later: the caller was told it failed.
        m_toWrite.wipe();
        m_abandoned = true;
    }

private:
    void complete()
    {
        if (m_abandoned || isFinished())
            return;
        if (!m_store) {
            finish(SecretError::Other, u"the store is gone"_s);
            return;
        }
        if (m_failure.error != SecretError::None) {
            m_toWrite.wipe();
            finish(m_failure.error, m_failure.detail);
            return;
        }
        auto &entries = m_store->m_entries;
        switch (operation()) {
        case Operation::Read: {
            const auto it = entries.find(key());
            if (it == entries.end())
                finish(SecretError::NotFound);
            else
                finishRead(it->second.clone());
            return;
        }
        case Operation::Write:
            // insert_or_assign move-assigns over an existing entry, which wipes the old secret.
            entries.insert_or_assign(key(), std::move(m_toWrite));
            finish(SecretError::None);
            return;
        case Operation::Remove:
            entries.erase(key());
            finish(SecretError::None);
            return;
        }
    }

    QPointer<MemorySecretStore> m_store;
    MemorySecretStore::Failure m_failure;
    bool m_abandoned = false;
};

MemorySecretStore::MemorySecretStore(QObject *parent)
    : MemorySecretStore(defaultService(), parent)
{}

MemorySecretStore::MemorySecretStore(const QString &service, QObject *parent)
    : SecretStore(service, parent)
{}

MemorySecretStore::~MemorySecretStore() = default;

QString MemorySecretStore::backendName() const
{
    return QCoreApplication::translate("aikeys::MemorySecretStore", "memory (this session only)");
}

void MemorySecretStore::setFailure(SecretJob::Operation operation, SecretError error, const QString &detail)
{
    m_failures[size_t(operation)] = {error, detail};
}

void MemorySecretStore::setFailure(SecretError error, const QString &detail)
{
    for (Failure &f : m_failures)
        f = {error, detail};
}

QStringList MemorySecretStore::keys() const
{
    QStringList out;
    for (const auto &[key, secret] : m_entries)
        out << key;
    return out;
}

bool MemorySecretStore::holds(const QString &key, const QByteArray &bytes) const
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return false;
    return it->second.equals(SecretBuffer(QByteArray(bytes.constData(), bytes.size())));
}

bool MemorySecretStore::erase(const QString &key)
{
    // Erasing destroys the SecretBuffer, which wipes it.
    return m_entries.erase(key) > 0;
}

void MemorySecretStore::clear()
{
    // Erasing destroys each SecretBuffer, which wipes it.
    m_entries.clear();
}

SecretJob *MemorySecretStore::createJob(SecretJob::Operation operation, const QString &key,
                                        SecretBuffer secret)
{
    return new MemorySecretJob(this, operation, key, std::move(secret));
}

} // namespace aikeys
