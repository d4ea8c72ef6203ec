#pragma once

#include "atlas/auth.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace aikeys {

// The variables MongoDB's own tools read, so that a script set up for the Atlas CLI or the
// Terraform provider works here unchanged.
namespace atlasenv {
inline constexpr auto kClientId = "MONGODB_ATLAS_CLIENT_ID";
inline constexpr auto kClientSecret = "MONGODB_ATLAS_CLIENT_SECRET";
inline constexpr auto kPublicApiKey = "MONGODB_ATLAS_PUBLIC_API_KEY";
inline constexpr auto kPrivateApiKey = "MONGODB_ATLAS_PRIVATE_API_KEY";
inline constexpr auto kPublicKeyOld = "MONGODB_ATLAS_PUBLIC_KEY";
inline constexpr auto kPrivateKeyOld = "MONGODB_ATLAS_PRIVATE_KEY";
inline constexpr auto kAccessToken = "MONGODB_ATLAS_ACCESS_TOKEN";
inline constexpr auto kBaseUrl = "MONGODB_ATLAS_BASE_URL";
inline constexpr auto kOrgId = "MONGODB_ATLAS_ORG_ID";
inline constexpr auto kProjectId = "MONGODB_ATLAS_PROJECT_ID";
} // namespace atlasenv

// What the environment says about where and as whom to connect. Nothing here is checked beyond
// presence: the base URL and ids are validated by whoever uses them, because a command-line option
// may override them.
struct EnvironmentCredentials
{
    // The chosen credentials (service account, then API key, then access token); nullopt when
    // none are set or a problem was found.
    std::optional<Credentials> credentials;
    QString baseUrl;   // raw MONGODB_ATLAS_BASE_URL; empty when unset
    QString orgId;     // MONGODB_ATLAS_ORG_ID
    QString projectId; // MONGODB_ATLAS_PROJECT_ID
    // Set when the variables contradict themselves (an id without its secret): a message naming
    // the missing variable. credentials is then nullopt.
    QString problem;
    // Other complete kinds that were set but not used, by their id variable, so a caller can say
    // which one won.
    QStringList ignoredKinds;

    bool hasCredentials() const { return credentials.has_value(); }
};

// Reads the Atlas variables. Empty values count as unset. Any half-set pair (an id without its
// secret, or a secret without its id) is a problem even if another kind is complete: it almost
// always means a typo, and silently using the other kind would act as someone unexpected.
EnvironmentCredentials readAtlasEnvironment(const QProcessEnvironment &env);

// Every variable that can carry credentials, for a "none found" message.
QStringList atlasCredentialVariables();

} // namespace aikeys
