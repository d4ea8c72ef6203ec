#pragma once

#include "credentials/profile.h"

#include <QProcessEnvironment>

#include <memory>
#include <optional>

namespace aikeys {
class CredentialManager;
class ProfileStore;
class SecretStore;
class Settings;
} // namespace aikeys

namespace aikeys::cli {

// The profiles and keychain entries the command line shares with the desktop app: the same
// QSettings (organization AtlasAiKeys, application atlas-ai-keys) and the same keychain service.
// Built only by commands that need them, so that a run with credentials in the environment never
// touches the keychain.
class ProfileAccess
{
public:
    // Names a profile for this run, like --profile.
    static constexpr auto kProfileVariable = "ATLAS_AI_KEYS_PROFILE";
    // For tests only: another keychain service than the application id, so that a test run never
    // reads or writes the user's real entries. Documented as test-only in docs/cli.md.
    static constexpr auto kKeychainServiceVariable = "AIKEYS_KEYCHAIN_SERVICE";

    explicit ProfileAccess(const QProcessEnvironment &env);
    ~ProfileAccess();
    ProfileAccess(const ProfileAccess &) = delete;
    ProfileAccess &operator=(const ProfileAccess &) = delete;

    static QString keychainService(const QProcessEnvironment &env);

    Settings &settings() const { return *m_settings; }
    ProfileStore &profiles() const { return *m_profiles; }
    SecretStore &keychain() const { return *m_keychain; }
    CredentialManager &credentials() const { return *m_credentials; }

    // Names are matched as the app matches them: regardless of case and surrounding spaces.
    std::optional<Profile> findByName(const QString &name) const;
    // The profile set as default, else the only profile there is.
    std::optional<Profile> defaultProfile() const;
    // Whether runs without --profile and without credentials in the environment use this profile.
    bool isDefault(const Profile &profile) const;

private:
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_keychain;
    std::unique_ptr<CredentialManager> m_credentials;
};

} // namespace aikeys::cli
