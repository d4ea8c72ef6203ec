#pragma once

#include "atlas/apierror.h"
#include "atlas/auth.h"
#include "atlas/job.h"
#include "atlas/session.h"
#include "credentials/profile.h"
#include "credentials/secretstore.h"
#include "domain/types.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace aikeys {

class CredentialJob;
class CredentialManager;

// Signs in with one profile: reads its secret (keychain or session memory, with the store's
// timeout), checks the base URL, builds an AtlasSession on a fresh QNetworkAccessManager and, unless
// told not to, proves the credentials with one GET /api/atlas/v2/orgs so that a wrong key is reported
// at sign-in rather than at the first click. One opener per attempt, with the Job contract; open() or
// openWith() starts it. Read the result (takeSession(), error()) in the slot connected to finished().
class SessionOpener final : public Job
{
    Q_OBJECT

public:
    // credentials is not owned and must outlive the opener; it may be null for openWith() alone.
    explicit SessionOpener(CredentialManager *credentials, QObject *parent = nullptr);
    ~SessionOpener() override;

    // The settings of a session for this profile: its base URL (normalized; invalid if the profile's
    // is not acceptable) and the defaults for everything else.
    static SessionConfig configFor(const Profile &profile);

    // Whether to prove the credentials with GET /orgs before reporting success (default true).
    void setVerify(bool verify) { m_verify = verify; }
    bool verify() const { return m_verify; }
    // Whether success marks the profile as the last used one (default true). A connection test
    // or a command-line run is not a sign-in the app should remember.
    void setRecordUse(bool record) { m_recordUse = record; }
    bool recordUse() const { return m_recordUse; }
    // Per-attempt transfer timeout of the session (default: SessionConfig's).
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }

    // Loads the profile's secret from its store, then builds the session. The profile's fields as
    // given are used (an edited, unsaved base URL for instance); the secret is the stored one of
    // the profile with the same id, which must be of the same kind.
    void open(const Profile &profile);
    // A secret typed now: nothing is read from or written to any store.
    void openWith(const Profile &profile, Credentials credentials);
    // Stops waiting: finishes with a Canceled error (a keychain read or a request in flight is
    // canceled too).
    void cancel() override;

    bool isRunning() const { return m_started && !isFinished(); }
    const Profile &profile() const { return m_profile; }

    // After success: the signed-in session, reparented to nobody; the caller owns it (and calls
    // signOut() when done). Null before, after a failure, and after the first call.
    AtlasSession *takeSession();
    // error() says why it failed: InvalidInput (a bad base URL or profile: nothing was sent),
    // Keychain (with what to do), WrongCredentials, Network, Http...
    // No stored secret, or the keychain could not be read: the UI should ask for the secret (and
    // may then call openWith()).
    bool needsSecret() const { return m_needsSecret; }
    // The keychain's part of a failure (NotFound, NoBackend, Locked...), None otherwise. Tells a
    // prompt whether offering to remember the secret makes sense.
    SecretError secretError() const { return m_secretError; }
    // The organizations the verification saw (empty without verification).
    const QList<Organization> &organizations() const { return m_organizations; }

private:
    bool start(const Profile &profile);
    void build(Credentials credentials);
    void fail(const ApiError &error, bool needsSecret = false, SecretError secretError = SecretError::None);
    void succeed();
    void discardSession();

    QPointer<CredentialManager> m_credentials;
    Profile m_profile;
    SessionConfig m_config;
    QPointer<AtlasSession> m_session;
    QPointer<Job> m_verifyJob;
    QPointer<CredentialJob> m_loadJob;
    SecretError m_secretError = SecretError::None;
    QList<Organization> m_organizations;
    int m_transferTimeoutMs = 0;
    bool m_verify = true;
    bool m_recordUse = true;
    bool m_needsSecret = false;
    bool m_started = false;
    bool m_canceling = false;
};

} // namespace aikeys
