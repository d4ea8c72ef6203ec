#pragma once

#include "atlas/auth.h"
#include "atlas/job.h"
#include "credentials/profile.h"
#include "credentials/secretstore.h"

#include <QPointer>
#include <QStringList>

namespace aikeys {

// The outcome of one CredentialManager operation, with the Job contract (it comes started). Its
// error() is InvalidInput (a bad profile, an unknown id) or Keychain, with what happened in
// message() and what to do in hint().
class CredentialJob final : public Job
{
    Q_OBJECT

public:
    enum class Kind { Save, Load, ReplaceSecret, Remove, CheckSecret, Duplicate };

    ~CredentialJob() override;

    Kind kind() const { return m_kind; }
    // The profile concerned; for Save and Duplicate, as stored (normalized, with its id).
    const Profile &profile() const { return m_profile; }
    // The keychain's part of the error; None for validation errors.
    SecretError secretError() const { return m_secretError; }
    // Whether error().hint() already offers signing in for this session only.
    bool hintOffersSessionOnly() const { return m_hintOffersSessionOnly; }

    // A new profile could not be saved because of the keychain: the caller may offer to keep it
    // for this session only, with save(profile(), takeSecret(), Storage::SessionOnly).
    bool canKeepForSession() const { return m_canKeepForSession; }
    // After a failed Save or ReplaceSecret: the secret, handed back so nobody has to type it again.
    SecretBuffer takeSecret() { return std::move(m_secret); }
    // After a successful Load.
    Credentials takeCredentials() { return std::move(m_credentials); }
    // After a successful CheckSecret: whether the profile's store holds its secret.
    bool hasStoredSecret() const { return m_hasSecret; }
    // Things the user should know even though the operation succeeded.
    const QStringList &notices() const { return m_notices; }
    void addNotice(const QString &notice) { m_notices << notice; }

    // Stops waiting: finishes with Canceled, and cancels the keychain job it was waiting for. A write
    // already handed to the keychain may still land, but nothing that would follow it happens.
    void cancel() override;

private:
    friend class CredentialManager;
    CredentialJob(Kind kind, Profile profile, QObject *parent);
    void finish(const ApiError &error = {}, SecretError secretError = SecretError::None);
    // Fails because of the keychain: what this operation did not do, then what the store said.
    void failFrom(const SecretJob *secretJob, const QString &what);
    void afterFinished() override;

    Kind m_kind;
    Profile m_profile;
    QPointer<SecretJob> m_step; // the keychain job this one waits for
    SecretError m_secretError = SecretError::None;
    SecretBuffer m_secret;
    Credentials m_credentials;
    QStringList m_notices;
    bool m_hasSecret = false;
    bool m_secretGiven = false; // a Save with a new secret from the caller
    bool m_canKeepForSession = false;
    bool m_hintOffersSessionOnly = false;
};

} // namespace aikeys
