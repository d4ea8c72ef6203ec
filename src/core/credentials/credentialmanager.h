#pragma once

#include "atlas/apierror.h"
#include "atlas/auth.h"
#include "credentials/credentialjob.h"
#include "credentials/profile.h"
#include "credentials/secretstore.h"
#include "domain/result.h"

#include <QObject>
#include <QSet>
#include <QStringList>

namespace aikeys {

class MemorySecretStore;
class ProfileStore;
class Settings;

// Profiles and their secrets together, so that neither exists without the other by accident: a
// profile is stored only after its secret is, a removed profile takes its secret with it, and a
// session-only profile keeps its secret in memory and never writes anything.
class CredentialManager : public QObject
{
    Q_OBJECT

public:
    enum class Storage {
        Unchanged,   // where the profile already is; the keychain for a new profile
        Keychain,    // the OS keychain; the profile is persisted in settings
        SessionOnly, // memory until the app quits; nothing written anywhere
    };
    enum class RemoveMode {
        RequireSecretRemoval, // keep the profile if its keychain entry cannot be deleted
        EvenIfSecretRemains,  // remove the profile anyway and say which entry is left behind
    };

    // None of them is owned; all must outlive the manager.
    CredentialManager(ProfileStore *profiles, SecretStore *keychain, Settings *settings,
                      QObject *parent = nullptr);
    ~CredentialManager() override;

    ProfileStore *profiles() const { return m_profiles; }
    SecretStore *keychain() const { return m_keychain; }
    // Where session-only profiles keep their secrets.
    MemorySecretStore *sessionSecrets() const { return m_sessionSecrets; }

    // Adds a new profile (unknown or null id) or updates an existing one, with its secret. The
    // secret goes to the store first; the profile is stored only once the secret is. An empty
    // secret keeps an existing profile's secret, or saves a new profile without one (imports whose
    // secret is still to be entered). Editing a session-only profile keeps it session-only unless
    // Storage::Keychain says to save it for good (its secret then moves into the keychain). A saved
    // profile stays saved: Storage::SessionOnly is for new or already session-only profiles.
    CredentialJob *save(Profile profile, SecretBuffer secret, Storage storage = Storage::Unchanged);
    // The profile's credentials for an AtlasSession.
    CredentialJob *loadCredentials(const QUuid &id);
    CredentialJob *replaceSecret(const QUuid &id, SecretBuffer secret);
    // Synchronous: the keychain entry is named after the id, which a rename keeps.
    Result<Profile> rename(const QUuid &id, const QString &newName);
    // A copy of the profile's non-secret fields under a new id; with copySecret, its secret too
    // (if that fails, the copy is removed again).
    CredentialJob *duplicate(const QUuid &id, const QString &newName = {}, bool copySecret = false);
    // Deletes the profile's keychain entries (every kind: an auth mode change may have left one
    // behind; a missing entry is fine), then the profile.
    CredentialJob *remove(const QUuid &id, RemoveMode mode = RemoveMode::RequireSecretRemoval);
    // For the "Stored in keychain" indicator. A locked keyring is an error (SecretError::Locked), not
    // a "no".
    CredentialJob *hasStoredSecret(const QUuid &id);

    // The profile signed in with last, remembered across runs (session-only ones are not).
    void markUsed(const QUuid &id);
    std::optional<Profile> lastUsedProfile() const;
    // The profile to offer first: the last used, else the default, else the only one.
    std::optional<Profile> preferredProfile() const;

    // Forgets every session-only profile and wipes its secret.
    void forgetSessionProfiles();
    // Wipes the secrets of the session-only profiles (sign-out), except those of the profiles in
    // keep; the profiles stay listed, and their secret must be entered again to sign in. Returns how
    // many secrets were wiped.
    int forgetSessionSecrets(const QSet<QUuid> &keep = {});

Q_SIGNALS:
    // A stored profile's secret was replaced (replaceSecret(), or save() with a new secret for a
    // profile that already existed). Emitted before the job's finished().
    void secretChanged(const QUuid &id);

private:
    CredentialJob *failed(CredentialJob *job, const ApiError &error);
    SecretStore *storeFor(const Profile &profile) const;
    void storeProfileAfterSecret(CredentialJob *job, const std::optional<Profile> &existing);
    void writeSecret(CredentialJob *job, const std::optional<Profile> &existing);
    void removeEntries(CredentialJob *job, SecretStore *store, QStringList keys, RemoveMode mode,
                       QStringList leftBehind);

    ProfileStore *m_profiles;
    SecretStore *m_keychain;
    Settings *m_settings;
    MemorySecretStore *m_sessionSecrets;
};

} // namespace aikeys
