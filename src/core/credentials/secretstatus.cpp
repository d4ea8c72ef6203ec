#include "credentials/secretstatus.h"

#include "credentials/credentialmanager.h"
#include "credentials/profilestore.h"

using namespace Qt::StringLiterals;

namespace aikeys {

SecretStatus::SecretStatus(CredentialManager *credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
{}

void SecretStatus::checkAll()
{
    for (const Profile &p : m_credentials->profiles()->profiles())
        check(p.id);
}

void SecretStatus::check(const QUuid &id)
{
    if (!m_credentials)
        return;
    const std::optional<Profile> profile = m_credentials->profiles()->find(id);
    if (!profile)
        return;
    if (profile->sessionOnly) {
        m_states.insert(id, SecretState::SessionOnly);
        return;
    }
    m_states.insert(id, SecretState::Checking);
    ++m_pending;
    CredentialJob *job = m_credentials->hasStoredSecret(id);
    connect(job, &CredentialJob::finished, this, [this, id, j = job] {
        --m_pending;
        if (j->succeeded()) {
            m_states.insert(id, j->hasStoredSecret() ? SecretState::Stored : SecretState::Missing);
            m_problems.remove(id);
        } else {
            m_states.insert(id, j->secretError() == SecretError::Locked ? SecretState::Locked
                                                                        : SecretState::Unavailable);
            m_problems.insert(id, j->error().toString());
        }
        Q_EMIT checked(id);
        if (m_pending == 0)
            Q_EMIT allChecked();
    });
}

SecretState SecretStatus::state(const Profile &profile) const
{
    return profile.sessionOnly ? SecretState::SessionOnly : state(profile.id);
}

void SecretStatus::set(const QUuid &id, SecretState state)
{
    m_states.insert(id, state);
    m_problems.remove(id);
}

void SecretStatus::forget(const QUuid &id)
{
    m_states.remove(id);
    m_problems.remove(id);
}

QString SecretStatus::text(SecretState state)
{
    switch (state) {
    case SecretState::Unknown:
    case SecretState::Checking:
        return tr("Checking...");
    case SecretState::Stored:
        return tr("Stored in the keychain");
    case SecretState::SessionOnly:
        return tr("This session only");
    case SecretState::Missing:
        return tr("No secret");
    case SecretState::Unavailable:
        return tr("Keychain unavailable");
    case SecretState::Locked:
        return tr("Keychain locked");
    }
    return {};
}

QString SecretStatus::machineName(SecretState state)
{
    switch (state) {
    case SecretState::Stored:
    case SecretState::SessionOnly:
        return u"stored"_s;
    case SecretState::Missing:
        return u"none"_s;
    case SecretState::Locked:
        return u"locked"_s;
    case SecretState::Unknown:
    case SecretState::Checking:
    case SecretState::Unavailable:
        return u"unknown"_s;
    }
    return {};
}

} // namespace aikeys
