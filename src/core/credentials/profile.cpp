#include "credentials/profile.h"

#include "atlas/baseurl.h"
#include "settings.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("aikeys::Profile", text);
}

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return true;
    }
    return false;
}

bool sameSite(const QUrl &url, const char *reference)
{
    const QUrl ref(QString::fromLatin1(reference));
    const QString path = url.path();
    return url.scheme().compare(ref.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(ref.host(), Qt::CaseInsensitive) == 0 && url.port(443) == 443 &&
           (path.isEmpty() || path == u"/"_s);
}

bool badAtlasId(const QString &id)
{
    return !id.isEmpty() && !isAtlasObjectId(id);
}
} // namespace

SecretKind secretKindFor(AuthMode mode)
{
    switch (mode) {
    case AuthMode::ServiceAccount:
        return SecretKind::ClientSecret;
    case AuthMode::ApiKey:
        return SecretKind::PrivateKey;
    case AuthMode::AccessToken:
        return SecretKind::AccessToken;
    }
    return SecretKind::ClientSecret;
}

QString secretKindId(SecretKind kind)
{
    switch (kind) {
    case SecretKind::ClientSecret:
        return u"client-secret"_s;
    case SecretKind::PrivateKey:
        return u"private-key"_s;
    case SecretKind::AccessToken:
        return u"access-token"_s;
    }
    return {};
}

std::optional<SecretKind> secretKindFromId(QStringView id)
{
    if (id == u"client-secret")
        return SecretKind::ClientSecret;
    if (id == u"private-key")
        return SecretKind::PrivateKey;
    if (id == u"access-token")
        return SecretKind::AccessToken;
    return std::nullopt;
}

QString secretKindDisplayName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::ClientSecret:
        return tr("client secret");
    case SecretKind::PrivateKey:
        return tr("private key");
    case SecretKind::AccessToken:
        return tr("access token");
    }
    return {};
}

AtlasEndpoint endpointFor(const QUrl &baseUrl)
{
    if (sameSite(baseUrl, kAtlasCommercialUrl))
        return AtlasEndpoint::Commercial;
    if (sameSite(baseUrl, kAtlasGovernmentUrl))
        return AtlasEndpoint::Government;
    return AtlasEndpoint::Custom;
}

QString issuesToString(const ProfileIssues &issues)
{
    QStringList lines;
    lines.reserve(issues.size());
    for (const ProfileIssue &issue : issues)
        lines << issue.message;
    return lines.join(u'\n');
}

QString profileIdString(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString Profile::secretKey() const
{
    return secretKey(id, secretKind());
}

QString Profile::secretKey(const QUuid &profileId, SecretKind kind)
{
    return QString::fromLatin1(Settings::kAppId) + u'/' + profileIdString(profileId) + u'/' +
           secretKindId(kind);
}

Profile Profile::normalized() const
{
    Profile p = *this;
    p.name = name.trimmed();
    p.publicId = authMode == AuthMode::AccessToken ? QString() : publicId.trimmed();
    p.orgId = orgId.trimmed();
    p.projectId = projectId.trimmed();
    if (const Result<QUrl> url = normalizeBaseUrl(baseUrl.toString()))
        p.baseUrl = url.value();
    return p;
}

ProfileIssues Profile::validate() const
{
    using Field = ProfileIssue::Field;
    ProfileIssues issues;
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        issues.append({Field::Name, tr("Enter a name for the profile.")});
    else if (trimmedName.size() > kNameMaxLength)
        issues.append({Field::Name, tr("The profile name is %1 characters long; the limit is %2.")
                                        .arg(trimmedName.size())
                                        .arg(kNameMaxLength)});
    else if (hasControlCharacters(trimmedName))
        issues.append({Field::Name, tr("The profile name cannot contain line breaks, tabs or other control "
                                       "characters.")});

    if (const Result<QUrl> url = normalizeBaseUrl(baseUrl.toString()); !url)
        issues.append({Field::BaseUrl, url.error()});

    const QString trimmedId = publicId.trimmed();
    switch (authMode) {
    case AuthMode::ServiceAccount:
        if (trimmedId.isEmpty())
            issues.append({Field::PublicId, tr("Enter the client id of the service account (it starts with "
                                               "mdb_sa_id_).")});
        break;
    case AuthMode::ApiKey:
        if (trimmedId.isEmpty())
            issues.append({Field::PublicId, tr("Enter the public key of the programmatic API key.")});
        break;
    case AuthMode::AccessToken:
        break;
    }
    if (!trimmedId.isEmpty() && authMode != AuthMode::AccessToken &&
        std::any_of(trimmedId.cbegin(), trimmedId.cend(),
                    [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; }))
        issues.append(
            {Field::PublicId, authMode == AuthMode::ServiceAccount
                                  ? tr("The client id cannot contain spaces or control characters.")
                                  : tr("The public key cannot contain spaces or control characters.")});

    if (badAtlasId(orgId.trimmed()))
        issues.append({Field::OrgId, tr("The organization id must be 24 hexadecimal characters (0-9, a-f) as "
                                        "Atlas shows it; \"%1\" is not.")
                                         .arg(orgId.trimmed().left(80))});
    if (badAtlasId(projectId.trimmed()))
        issues.append({Field::ProjectId, tr("The project id must be 24 hexadecimal characters (0-9, a-f) as "
                                            "Atlas shows it; \"%1\" is not.")
                                             .arg(projectId.trimmed().left(80))});
    return issues;
}

} // namespace aikeys
