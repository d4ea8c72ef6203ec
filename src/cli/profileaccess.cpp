#include "profileaccess.h"

#include "credentials/credentialmanager.h"
#include "credentials/profilestore.h"
#include "credentials/qtkeychainsecretstore.h"
#include "settings.h"

namespace aikeys::cli {

ProfileAccess::ProfileAccess(const QProcessEnvironment &env)
    : m_settings(std::make_unique<Settings>())
    , m_profiles(std::make_unique<ProfileStore>(m_settings.get()))
    , m_keychain(std::make_unique<QtKeychainSecretStore>(keychainService(env)))
    , m_credentials(std::make_unique<CredentialManager>(m_profiles.get(), m_keychain.get(), m_settings.get()))
{
    // The CLI has no session-only sign-in: its hints must not offer one.
    m_keychain->setSessionOnlyAdvice(false);
}

ProfileAccess::~ProfileAccess()
{
    m_settings->sync();
}

QString ProfileAccess::keychainService(const QProcessEnvironment &env)
{
    const QString service = env.value(QString::fromLatin1(kKeychainServiceVariable)).trimmed();
    return service.isEmpty() ? SecretStore::defaultService() : service;
}

std::optional<Profile> ProfileAccess::findByName(const QString &name) const
{
    return m_profiles->findByName(name);
}

std::optional<Profile> ProfileAccess::defaultProfile() const
{
    if (const QUuid id = m_settings->defaultProfileId(); !id.isNull()) {
        if (std::optional<Profile> p = m_profiles->find(id))
            return p;
    }
    if (m_profiles->count() == 1)
        return m_profiles->profiles().first();
    return std::nullopt;
}

bool ProfileAccess::isDefault(const Profile &profile) const
{
    const std::optional<Profile> d = defaultProfile();
    return d && d->id == profile.id;
}

} // namespace aikeys::cli
