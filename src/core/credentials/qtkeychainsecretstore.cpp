#include "credentials/qtkeychainsecretstore.h"

#include "logging.h"
#include "platform/keyringlock.h"

#include <QCoreApplication>
#include <QPointer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
// Keeps a write's secret alive exactly as long as the QtKeychain job that shares its bytes. As a
// child of the job it is destroyed after the job has released its own reference, so the wipe
// reaches the only remaining copy instead of detaching from a shared one.
class SecretHolder final : public QObject
{
public:
    SecretHolder(SecretBuffer secret, QObject *parent)
        : QObject(parent)
        , m_secret(std::move(secret))
    {}

private:
    SecretBuffer m_secret;
};

// Zeroes bytes another owner still references (the finished read job's copy, about to be deleted).
// SecretBuffer::wipeBytes refuses shared storage on purpose; here sharing is exactly the point.
void wipeSharedBytes(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    volatile char *p = const_cast<char *>(bytes.constData());
    for (qsizetype i = 0; i < bytes.size(); ++i)
        p[i] = 0;
}

bool mentions(const QString &text, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// How long the Secret Service gets to say whether its keyring is locked; the job's own timeout is
// the outer bound.
constexpr int kLockCheckTimeoutMs = 3000;

} // namespace

class QtKeychainJob final : public SecretJob
{
public:
    QtKeychainJob(QtKeychainSecretStore *store, Operation operation, const QString &key,
                  SecretBuffer secret = {})
        : SecretJob(store, operation, key, std::move(secret))
        , m_store(store)
    {}

protected:
    void run() override
    {
        QtKeychainSecretStore *store = m_store.data();
        if (!store) {
            finish(SecretError::Other, u"the keychain store was destroyed"_s);
            return;
        }
        QKeychain::Job *job = nullptr;
        quint64 generation = 0;
        switch (operation()) {
        case Operation::Read:
            job = new QKeychain::ReadPasswordJob(service());
            break;
        case Operation::Write: {
            auto *write = new QKeychain::WritePasswordJob(service());
            write->setBinaryData(m_toWrite.reveal());
            new SecretHolder(std::move(m_toWrite), write);
            generation = ++store->m_writeGeneration[key()];
            job = write;
            break;
        }
        case Operation::Remove:
            job = new QKeychain::DeletePasswordJob(service());
            break;
        }
        // Never setInsecureFallback: without a keychain the answer is an error, not a plain-text file.
        job->setAutoDelete(true);
        job->setKey(key());
        QPointer<QtKeychainJob> self(this);
        const Operation op = operation();
        const QString entry = key();
        // The store, not this job, is the context: a job abandoned on timeout is deleted long before
        // a late answer, which must still be handled (see below).
        connect(job, &QKeychain::Job::finished, store,
                [self, store, op, entry, generation](QKeychain::Job *finishedJob) {
                    const int code = int(finishedJob->error());
                    if (!self || self->isFinished()) {
                        qCInfo(lcCredentials).noquote() << "Keychain" << SecretJob::operationName(op) << entry
                                                        << "answered after its timeout, with code" << code;
                        // The caller was told this write failed, so nothing may depend on it: undo it,
                        // unless a newer write of the same entry was started since.
                        if (op == Operation::Write && code == QKeychain::NoError &&
                            store->m_writeGeneration.value(entry) == generation) {
                            qCInfo(lcCredentials).noquote() << "Removing the late keychain entry" << entry;
                            store->remove(entry);
                        }
                        return;
                    }
                    if (code == QKeychain::NoError && op == Operation::Read) {
                        const QByteArray shared =
                            static_cast<QKeychain::ReadPasswordJob *>(finishedJob)->binaryData();
                        SecretBuffer secret(QByteArray(shared.constData(), shared.size()));
                        wipeSharedBytes(shared);
                        self->finishRead(std::move(secret));
                        return;
                    }
                    const SecretError error =
                        QtKeychainSecretStore::classify(code, finishedJob->errorString(), op);
                    const QString detail =
                        error == SecretError::None ? QString() : finishedJob->errorString();
                    // A locked keyring hides its entries: a read finds nothing and a delete has nothing
                    // to do, though the entry is there. Believe that only once the keyring is known to
                    // be unlocked (the job's own timeout still runs meanwhile).
                    const bool mayBeHidden = (op == Operation::Read && error == SecretError::NotFound) ||
                                             (op == Operation::Remove && error == SecretError::None);
                    if (!mayBeHidden) {
                        self->finish(error, detail);
                        return;
                    }
                    QtKeychainJob *pending = self.data();
                    checkDefaultKeyringLocked(
                        pending, kLockCheckTimeoutMs, [pending, error, detail](bool locked) {
                            if (locked)
                                pending->finish(SecretError::Locked); // the message says it all
                            else
                                pending->finish(error, detail);
                        });
                });
        job->start();
    }

private:
    QPointer<QtKeychainSecretStore> m_store;
};

QtKeychainSecretStore::QtKeychainSecretStore(QObject *parent)
    : QtKeychainSecretStore(defaultService(), parent)
{}

QtKeychainSecretStore::QtKeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(service, parent)
{}

QtKeychainSecretStore::~QtKeychainSecretStore() = default;

QString QtKeychainSecretStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return QCoreApplication::translate("aikeys::QtKeychainSecretStore", "macOS Keychain");
#elif defined(Q_OS_WIN)
    return QCoreApplication::translate("aikeys::QtKeychainSecretStore", "Windows Credential Manager");
#else
    return QCoreApplication::translate("aikeys::QtKeychainSecretStore",
                                       "Secret Service (gnome-keyring, KWallet)");
#endif
}

SecretError QtKeychainSecretStore::classify(int qtKeychainError, const QString &errorString,
                                            SecretJob::Operation operation)
{
    const bool saysLocked = mentions(errorString, {"locked", "is lock"});
    switch (qtKeychainError) {
    case QKeychain::NoError:
        return SecretError::None;
    case QKeychain::EntryNotFound:
        // Deleting what is not there is what the caller wanted (macOS and Windows report it).
        return operation == SecretJob::Operation::Remove ? SecretError::None : SecretError::NotFound;
    case QKeychain::CouldNotDeleteEntry:
        return saysLocked ? SecretError::Locked : SecretError::Other;
    case QKeychain::AccessDeniedByUser:
        return SecretError::AccessDenied;
    case QKeychain::AccessDenied:
        return saysLocked ? SecretError::Locked : SecretError::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretError::NoBackend;
    case QKeychain::OtherError:
    default:
        break;
    }
    // OtherError covers everything libsecret and QtDBus report; their words are all there is.
    if (mentions(errorString, {"Object does not exist at path"}))
        return SecretError::Locked; // the daemon runs but has no default keyring (never set up)
    if (saysLocked)
        return SecretError::Locked;
    if (mentions(errorString,
                 {"org.freedesktop.secrets", "not provided by any", "ServiceUnknown", "autolaunch",
                  "DBUS_SESSION_BUS_ADDRESS", "Could not connect", "Failed to connect", "Unable to connect",
                  "NoServer", "kwalletd", "No keychain service"}))
        return SecretError::NoBackend;
    if (mentions(errorString, {"dismissed", "denied", "cancel"}))
        return SecretError::AccessDenied;
    if (mentions(errorString, {"timeout", "timed out", "NoReply", "did not receive a reply"}))
        return SecretError::TimedOut;
    return SecretError::Other;
}

SecretJob *QtKeychainSecretStore::createJob(SecretJob::Operation operation, const QString &key,
                                            SecretBuffer secret)
{
    return new QtKeychainJob(this, operation, key, std::move(secret));
}

} // namespace aikeys
