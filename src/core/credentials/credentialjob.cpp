#include "credentials/credentialjob.h"

namespace aikeys {

CredentialJob::CredentialJob(Kind kind, Profile profile, QObject *parent)
    : Job(parent)
    , m_kind(kind)
    , m_profile(std::move(profile))
{}

CredentialJob::~CredentialJob() = default;

void CredentialJob::finish(const ApiError &error, SecretError secretError)
{
    if (isFinished())
        return;
    m_secretError = secretError;
    // Only a failed save or replace hands its secret back; nobody else needs it any more.
    if (!error || (m_kind != Kind::Save && m_kind != Kind::ReplaceSecret))
        m_secret.wipe();
    finishWith(error);
}

void CredentialJob::failFrom(const SecretJob *secretJob, const QString &what)
{
    m_hintOffersSessionOnly = secretJob->hintOffersSessionOnly();
    const QString message = what.isEmpty() ? secretJob->message() : what + u' ' + secretJob->message();
    finish(ApiError::keychain(message, secretJob->hint()), secretJob->secretError());
}

void CredentialJob::afterFinished()
{
    m_secret.wipe();
    m_credentials.secret.wipe();
}

void CredentialJob::cancel()
{
    if (isFinished())
        return;
    // The connections to the keychain jobs have this job as their context: once it is gone, none of
    // the steps that would follow runs.
    if (m_step) {
        m_step->disconnect(this);
        m_step->cancel();
    }
    finishLater(ApiError::canceled());
}

} // namespace aikeys
