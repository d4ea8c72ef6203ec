#pragma once

#include "credentials/secretstore.h"

#include <QHash>

namespace aikeys {

// The OS keychain through QtKeychain: Secret Service (gnome-keyring, KWallet) on Linux, Keychain
// on macOS, Credential Manager on Windows. Entries are stored as binary data with service() as
// QtKeychain's service and the entry key as its key; the insecure plain-text fallback is never
// enabled.
//
// On Linux, a read that finds nothing and a delete that reports success are checked against the
// Secret Service's lock state (platform/keyringlock.h): a locked keyring hides its entries, so those
// answers then end as SecretError::Locked instead of "not found" and "deleted".
//
// A job that times out is abandoned, not deleted: QtKeychain runs one job at a time and its
// backends call back into the job object, so deleting it early could crash. Later jobs queue behind
// it and time out too until it answers (which is what happens while a prompt waits for the user).
class QtKeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit QtKeychainSecretStore(QObject *parent = nullptr);
    // Another service name: tests use their own so they never touch the app's entries.
    explicit QtKeychainSecretStore(const QString &service, QObject *parent = nullptr);
    ~QtKeychainSecretStore() override;

    bool isPersistent() const override { return true; }
    QString backendName() const override;

    // QtKeychain's error code (QKeychain::Error) and errorString() to our error, as well as the
    // backends let us tell causes apart. Measured with gnome-keyring: a locked keyring answers a
    // read with EntryNotFound and a write with AccessDenied ("Cannot create an item in a locked
    // collection"); no Secret Service on the bus is OtherError ("The name org.freedesktop.secrets
    // was not provided by any .service files"); no bus at all is OtherError ("Cannot autolaunch
    // D-Bus..."); a keyring daemon without a default collection is OtherError ("Object does not
    // exist at path .../collection/login").
    static SecretError classify(int qtKeychainError, const QString &errorString,
                                SecretJob::Operation operation);

protected:
    SecretJob *createJob(SecretJob::Operation operation, const QString &key, SecretBuffer secret) override;

private:
    friend class QtKeychainJob;
    // Writes started per key, so a write that lands after its timeout can tell whether a newer one
    // was issued since (then the late one must not be undone, or it would delete the newer secret).
    QHash<QString, quint64> m_writeGeneration;
};

} // namespace aikeys
