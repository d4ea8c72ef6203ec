#pragma once

#include "atlas/auth.h"
#include "atlas/baseurl.h"

#include <QList>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <optional>

namespace aikeys {

// Which secret a profile's auth mode needs; part of the keychain entry's name.
enum class SecretKind { ClientSecret, PrivateKey, AccessToken };

SecretKind secretKindFor(AuthMode mode);
// "client-secret" | "private-key" | "access-token": stable, they name keychain entries.
QString secretKindId(SecretKind kind);
std::optional<SecretKind> secretKindFromId(QStringView id);
// What the user calls the secret ("client secret"), for messages.
QString secretKindDisplayName(SecretKind kind);

// Which Atlas a base URL points at; decides nothing but what the UI shows.
enum class AtlasEndpoint { Commercial, Government, Custom };
AtlasEndpoint endpointFor(const QUrl &baseUrl);

struct ProfileIssue
{
    enum class Field { Name, BaseUrl, AuthMode, PublicId, OrgId, ProjectId };
    Field field;
    QString message;
};
using ProfileIssues = QList<ProfileIssue>;
// The messages, one per line, for a CLI or a message box.
QString issuesToString(const ProfileIssues &issues);

// One Atlas account the user signs in with: everything but the secret. The id is a QUuid that
// never changes, so renaming a profile keeps its keychain entry.
struct Profile
{
    static constexpr int kNameMaxLength = 64;

    QUuid id;
    QString name;
    QUrl baseUrl{QString::fromLatin1(kAtlasCommercialUrl)};
    AuthMode authMode = AuthMode::ServiceAccount;
    QString publicId;  // client id (service account) or public key (API key); empty for an access token
    QString orgId;     // optional default organization, 24 hex
    QString projectId; // optional default project, 24 hex
    // Held in memory for this run only (demo mode, no keychain): never written to settings.
    bool sessionOnly = false;

    SecretKind secretKind() const { return secretKindFor(authMode); }
    // The keychain entry of this profile's secret: "<application id>/<uuid>/<kind>". The application id
    // is part of the key because Windows' Credential Manager ignores the service: the key alone must
    // say whose entry it is.
    QString secretKey() const;
    static QString secretKey(const QUuid &profileId, SecretKind kind);
    AtlasEndpoint endpoint() const { return endpointFor(baseUrl); }

    // Trimmed name and ids, base URL through normalizeBaseUrl (left as is when invalid, so that
    // validate() can say why), public id cleared for an access token.
    Profile normalized() const;
    // Problems with this profile on its own (duplicate names are the store's business).
    ProfileIssues validate() const;

    bool operator==(const Profile &other) const = default;
};

// The text form of the id used in settings and keychain entries: no braces.
QString profileIdString(const QUuid &id);

} // namespace aikeys
