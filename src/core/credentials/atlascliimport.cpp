#include "credentials/atlascliimport.h"

#include "atlas/baseurl.h"
#include "credentials/credentialmanager.h"
#include "credentials/environment.h"
#include "credentials/profilestore.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <toml++/toml.h>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
// Fields of an Atlas CLI profile. The secret ones are wiped inside the parsed document as soon as
// they are read, so toml++'s own copies do not linger until the document is destroyed.
constexpr auto kPublicApiKey = "public_api_key";
constexpr auto kPrivateApiKey = "private_api_key";
constexpr auto kClientId = "client_id";
constexpr auto kClientSecret = "client_secret";
constexpr auto kAccessToken = "access_token";
constexpr auto kAuthType = "auth_type";
constexpr auto kOrgId = "org_id";
constexpr auto kProjectId = "project_id";
constexpr auto kService = "service";
constexpr auto kBaseUrl = "base_url";
constexpr auto kOpsManagerUrl = "ops_manager_url";

void wipeStdString(std::string &s)
{
    volatile char *p = s.data();
    for (size_t i = 0; i < s.size(); ++i)
        p[i] = 0;
    s.clear();
}

// A plain text value; empty when absent. A value of another type is reported, not guessed at.
QString text(const toml::table &table, const char *key, QStringList &warnings)
{
    const toml::node *node = table.get(key);
    if (!node)
        return {};
    if (const auto *s = node->as_string())
        return QString::fromStdString(s->get()).trimmed();
    warnings << AtlasCliImport::tr("\"%1\" is not text; it was ignored.").arg(QString::fromLatin1(key));
    return {};
}

// A secret value, moved out of the document: the document's string is overwritten.
SecretBuffer takeSecret(toml::table &table, const char *key)
{
    toml::node *node = table.get(key);
    if (!node)
        return {};
    auto *s = node->as_string();
    if (!s)
        return {};
    std::string &raw = s->get();
    QByteArray bytes(raw.data(), qsizetype(raw.size()));
    wipeStdString(raw);
    return SecretBuffer(std::move(bytes));
}

// Every string anywhere in the document is overwritten: the caller is done with it, and any of them
// (a refresh token, a field we do not know) may be secret.
void wipeDocument(toml::node &node)
{
    if (auto *s = node.as_string()) {
        wipeStdString(s->get());
    } else if (auto *t = node.as_table()) {
        for (auto &&[k, v] : *t)
            wipeDocument(v);
    } else if (auto *a = node.as_array()) {
        for (auto &v : *a)
            wipeDocument(v);
    }
}

std::optional<AuthMode> modeFromAuthType(const QString &authType)
{
    if (authType == u"api_keys"_s)
        return AuthMode::ApiKey;
    if (authType == u"service_account"_s)
        return AuthMode::ServiceAccount;
    if (authType == u"user_account"_s)
        return AuthMode::AccessToken;
    return std::nullopt;
}

const char *secretFieldFor(AuthMode mode)
{
    switch (mode) {
    case AuthMode::ServiceAccount:
        return kClientSecret;
    case AuthMode::ApiKey:
        return kPrivateApiKey;
    case AuthMode::AccessToken:
        return kAccessToken;
    }
    return "";
}

bool isProfileTable(const toml::table &table)
{
    for (const char *key : {kPublicApiKey, kPrivateApiKey, kClientId, kClientSecret, kAccessToken, kAuthType,
                            kOrgId, kProjectId, kService, kBaseUrl, kOpsManagerUrl}) {
        if (table.contains(key))
            return true;
    }
    return false;
}
} // namespace

AtlasCliImport::AtlasCliImport(Origin origin)
    : m_origin(origin)
{}

AtlasCliImport::~AtlasCliImport() = default;

void AtlasCliImport::fail(const QString &error, int line)
{
    m_error = error;
    m_errorLine = line;
    m_candidates.clear();
    m_secrets.clear();
}

void AtlasCliImport::addCandidate(ImportCandidate candidate, SecretBuffer secret)
{
    candidate.secretInSource = !secret.isEmpty();
    m_candidates.append(std::move(candidate));
    m_secrets.push_back(std::move(secret));
}

QString AtlasCliImport::defaultConfigPath()
{
#if defined(Q_OS_WIN)
    const QString base = qEnvironmentVariable("APPDATA");
    return QDir::toNativeSeparators(QDir(base).filePath(u"atlascli/config.toml"_s));
#elif defined(Q_OS_MACOS)
    return QDir::home().filePath(u"Library/Application Support/atlascli/config.toml"_s);
#else
    // Not QStandardPaths: it would point into a test folder in test mode, and the Atlas CLI (a Go
    // program) follows XDG_CONFIG_HOME exactly like this.
    const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString base =
        xdg.isEmpty() || !QDir::isAbsolutePath(xdg) ? QDir::home().filePath(u".config"_s) : xdg;
    return QDir(base).filePath(u"atlascli/config.toml"_s);
#endif
}

AtlasCliImport AtlasCliImport::fromAtlasCliConfig(const QString &path)
{
    const QString file = path.isEmpty() ? defaultConfigPath() : path;
    QFile f(file);
    if (!f.exists()) {
        AtlasCliImport result(Origin::AtlasCliConfig);
        result.m_path = file;
        result.fail(
            tr("There is no Atlas CLI configuration at %1. If you use the Atlas CLI, run \"atlas config "
               "init\" or \"atlas auth login\" first, or choose its config.toml yourself.")
                .arg(QDir::toNativeSeparators(file)));
        return result;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        AtlasCliImport result(Origin::AtlasCliConfig);
        result.m_path = file;
        result.fail(tr("%1 could not be read: %2").arg(QDir::toNativeSeparators(file), f.errorString()));
        return result;
    }
    QByteArray bytes = f.readAll();
    AtlasCliImport result = fromAtlasCliToml(bytes, file);
    SecretBuffer::wipeBytes(bytes);
    return result;
}

AtlasCliImport AtlasCliImport::fromAtlasCliToml(const QByteArray &toml, const QString &path)
{
    AtlasCliImport result(Origin::AtlasCliConfig);
    result.m_path = path;
    const QString shownPath = QDir::toNativeSeparators(path);
    toml::table document;
    try {
        document = toml::parse(std::string_view(toml.constData(), size_t(toml.size())), path.toStdString());
    } catch (const toml::parse_error &error) {
        const int line = int(error.source().begin.line);
        const int column = int(error.source().begin.column);
        // The description may quote part of the line; it is for the user's eyes, so the log gets
        // the position only.
        qCInfo(lcCredentials).noquote()
            << "Atlas CLI configuration" << shownPath << "is malformed at line" << line;
        result.fail(
            tr("%1 is not valid TOML: line %2, column %3: %4. Fix that line (or run \"atlas config "
               "list\" to see whether the Atlas CLI can read it), then import again.")
                .arg(shownPath)
                .arg(line)
                .arg(column)
                .arg(QString::fromUtf8(error.description().data(), qsizetype(error.description().size()))),
            line);
        return result;
    }

    for (auto &&[key, node] : document) {
        toml::table *table = node.as_table();
        if (!table || !isProfileTable(*table))
            continue; // global settings (telemetry_enabled, mongosh_path...), not a profile
        const QString name = QString::fromUtf8(key.str().data(), qsizetype(key.str().size()));
        ImportCandidate c;
        c.sourceName = name;
        c.profile.name = name.trimmed().left(Profile::kNameMaxLength);

        const QString publicKey = text(*table, kPublicApiKey, c.warnings);
        const QString clientId = text(*table, kClientId, c.warnings);
        const bool hasPrivate = table->contains(kPrivateApiKey);
        const bool hasClientSecret = table->contains(kClientSecret);
        const bool hasToken = table->contains(kAccessToken);
        const QString authType = text(*table, kAuthType, c.warnings);
        std::optional<AuthMode> mode = modeFromAuthType(authType);
        if (!authType.isEmpty() && !mode)
            c.warnings
                << tr("Unknown auth_type \"%1\"; the sign-in method was guessed from the other fields.")
                       .arg(authType);
        // Without auth_type (older Atlas CLI versions), the fields present decide, in the order the
        // environment variables are read: service account, then API key, then token.
        if (!mode) {
            if (!clientId.isEmpty() || hasClientSecret)
                mode = AuthMode::ServiceAccount;
            else if (!publicKey.isEmpty() || hasPrivate)
                mode = AuthMode::ApiKey;
            else if (hasToken)
                mode = AuthMode::AccessToken;
            else
                mode = AuthMode::ApiKey; // what "atlas config init" sets up
        }
        c.profile.authMode = *mode;
        c.profile.publicId = *mode == AuthMode::ServiceAccount ? clientId
                             : *mode == AuthMode::ApiKey       ? publicKey
                                                               : QString();
        c.secretField = QString::fromLatin1(secretFieldFor(*mode));
        SecretBuffer secret = takeSecret(*table, secretFieldFor(*mode));
        if (*mode == AuthMode::AccessToken)
            c.warnings << tr(
                "An Atlas CLI login token expires after a few hours and cannot be renewed here: prefer "
                "a service account for lasting access.");

        const QString service = text(*table, kService, c.warnings).toLower();
        QString baseUrl = text(*table, kBaseUrl, c.warnings);
        if (baseUrl.isEmpty())
            baseUrl = text(*table, kOpsManagerUrl, c.warnings);
        if (!baseUrl.isEmpty()) {
            const Result<QUrl> url = normalizeBaseUrl(baseUrl);
            if (url) {
                c.profile.baseUrl = url.value();
            } else {
                c.profile.baseUrl = QUrl(baseUrl);
                c.warnings
                    << tr("The base URL \"%1\" cannot be used: %2").arg(baseUrl.left(200), url.error());
            }
        } else if (service == u"cloudgov"_s) {
            c.profile.baseUrl = QUrl(QString::fromLatin1(kAtlasGovernmentUrl));
        } else {
            if (!service.isEmpty() && service != u"cloud"_s)
                c.warnings << tr("Unknown service \"%1\"; Atlas (%2) was assumed.")
                                  .arg(service, QString::fromLatin1(kAtlasCommercialUrl));
            c.profile.baseUrl = QUrl(QString::fromLatin1(kAtlasCommercialUrl));
        }

        const QString orgId = text(*table, kOrgId, c.warnings);
        if (orgId.isEmpty() || isAtlasObjectId(orgId))
            c.profile.orgId = orgId;
        else
            c.warnings
                << tr("The org_id \"%1\" is not a 24-hex Atlas id; it was left out.").arg(orgId.left(80));
        const QString projectId = text(*table, kProjectId, c.warnings);
        if (projectId.isEmpty() || isAtlasObjectId(projectId))
            c.profile.projectId = projectId;
        else
            c.warnings << tr("The project_id \"%1\" is not a 24-hex Atlas id; it was left out.")
                              .arg(projectId.left(80));

        if (secret.isEmpty())
            c.warnings
                << tr("The %1 is not in the file (newer Atlas CLI versions keep it in the system keyring): "
                      "enter it to finish the import.")
                       .arg(secretKindDisplayName(secretKindFor(*mode)));
        result.addCandidate(std::move(c), std::move(secret));
    }
    wipeDocument(document);
    if (result.m_candidates.isEmpty())
        result.fail(tr("%1 holds no Atlas CLI profile.").arg(shownPath));
    qCInfo(lcCredentials).noquote() << "Atlas CLI configuration" << shownPath
                                    << "read:" << result.m_candidates.size() << "profile(s)";
    return result;
}

AtlasCliImport AtlasCliImport::fromEnvironment(const QProcessEnvironment &environment)
{
    AtlasCliImport result(Origin::Environment);
    EnvironmentCredentials env = readAtlasEnvironment(environment);
    if (!env.problem.isEmpty()) {
        result.fail(env.problem);
        return result;
    }
    if (!env.credentials) {
        result.fail(tr("No Atlas credentials are set in the environment (%1).")
                        .arg(atlasCredentialVariables().join(u", "_s)));
        return result;
    }
    ImportCandidate c;
    c.sourceName = u"environment"_s;
    c.profile.name = tr("Environment");
    c.profile.authMode = env.credentials->mode;
    c.profile.publicId = env.credentials->id;
    switch (env.credentials->mode) {
    case AuthMode::ServiceAccount:
        c.secretField = QString::fromLatin1(atlasenv::kClientSecret);
        break;
    case AuthMode::ApiKey:
        c.secretField =
            QString::fromLatin1(!environment.value(QString::fromLatin1(atlasenv::kPrivateApiKey)).isEmpty()
                                    ? atlasenv::kPrivateApiKey
                                    : atlasenv::kPrivateKeyOld);
        break;
    case AuthMode::AccessToken:
        c.secretField = QString::fromLatin1(atlasenv::kAccessToken);
        break;
    }
    if (!env.baseUrl.isEmpty()) {
        const Result<QUrl> url = normalizeBaseUrl(env.baseUrl);
        c.profile.baseUrl = url ? url.value() : QUrl(env.baseUrl);
        if (!url)
            c.warnings
                << tr("%1 cannot be used: %2").arg(QString::fromLatin1(atlasenv::kBaseUrl), url.error());
    }
    if (isAtlasObjectId(env.orgId))
        c.profile.orgId = env.orgId;
    else if (!env.orgId.isEmpty())
        c.warnings
            << tr("%1 is not a 24-hex Atlas id; it was left out.").arg(QString::fromLatin1(atlasenv::kOrgId));
    if (isAtlasObjectId(env.projectId))
        c.profile.projectId = env.projectId;
    else if (!env.projectId.isEmpty())
        c.warnings << tr("%1 is not a 24-hex Atlas id; it was left out.")
                          .arg(QString::fromLatin1(atlasenv::kProjectId));
    for (const QString &ignored : std::as_const(env.ignoredKinds))
        c.warnings
            << tr("%1 is also set; it was not imported (only one sign-in method per profile).").arg(ignored);
    result.addCandidate(std::move(c), std::move(env.credentials->secret));
    return result;
}

std::optional<Profile> AtlasCliImport::existingProfileFor(const ProfileStore &profiles,
                                                          const ImportCandidate &candidate)
{
    const Profile &c = candidate.profile;
    const QString name = c.name.trimmed().left(Profile::kNameMaxLength);
    // "<name> (N)", as uniqueName() names a copy (the name shortened to leave room for the suffix).
    const auto isCopyOf = [&name](const QString &other) {
        const QString o = other.trimmed();
        const qsizetype open = o.lastIndexOf(u" ("_s);
        if (open <= 0 || !o.endsWith(u')'))
            return false;
        bool number = false;
        const int n = o.mid(open + 2, o.size() - open - 3).toInt(&number);
        const qsizetype suffixSize = o.size() - open;
        return number && n >= 2 &&
               o.left(open).compare(name.left(Profile::kNameMaxLength - suffixSize).trimmed(),
                                    Qt::CaseInsensitive) == 0;
    };
    for (const Profile &p : profiles.profiles()) {
        if (p.authMode != c.authMode || p.baseUrl != c.baseUrl)
            continue;
        if (c.authMode != AuthMode::AccessToken) {
            if (p.publicId == c.publicId)
                return p;
            continue;
        }
        if (p.name.trimmed().compare(name, Qt::CaseInsensitive) == 0 || isCopyOf(p.name))
            return p;
    }
    return std::nullopt;
}

CredentialJob *AtlasCliImport::importCandidate(CredentialManager &manager, int index, const QString &name,
                                               SecretBuffer enteredSecret, bool sessionOnly) const
{
    Q_ASSERT(index >= 0 && index < m_candidates.size());
    const ImportCandidate &c = m_candidates.at(index);
    Profile profile = c.profile;
    profile.id = QUuid();
    profile.name = name.trimmed().isEmpty() ? manager.profiles()->uniqueName(c.profile.name) : name;
    SecretBuffer secret = c.secretInSource ? m_secrets.at(size_t(index)).clone() : std::move(enteredSecret);
    const bool withSecret = !secret.isEmpty();
    const QString kind = secretKindDisplayName(profile.secretKind());

    CredentialJob *job = manager.save(profile, std::move(secret),
                                      sessionOnly ? CredentialManager::Storage::SessionOnly
                                                  : CredentialManager::Storage::Keychain);
    // Connected before the caller can connect, so the notices are there when the caller looks.
    QObject::connect(
        job, &CredentialJob::finished, job, [c, kind, withSecret, path = m_path, origin = m_origin, j = job] {
            if (!j->succeeded())
                return;
            if (j->profile().sessionOnly)
                j->addNotice(
                    tr("Profile \"%1\" is kept for this session only: its %2 is held in memory until "
                       "you quit, and nothing was written. Import it again once the keychain works to "
                       "keep it.")
                        .arg(j->profile().name, kind));
            else if (c.secretInSource && origin == Origin::AtlasCliConfig)
                j->addNotice(tr("The %1 is now in the keychain, but a plain-text copy is still in %2 "
                                "(profile [%3], %4). Delete that line once the Atlas CLI no longer "
                                "needs it, so the keychain holds the only copy.")
                                 .arg(kind, QDir::toNativeSeparators(path), c.sourceName, c.secretField));
            else if (c.secretInSource)
                j->addNotice(tr("The %1 is now in the keychain, but %2 still holds a plain-text copy: "
                                "unset it, and remove it from your shell start-up files and scripts.")
                                 .arg(kind, c.secretField));
            if (!withSecret)
                j->addNotice(tr("Profile \"%1\" has no %2 yet: enter it before signing in.")
                                 .arg(j->profile().name, kind));
        });
    return job;
}

} // namespace aikeys
