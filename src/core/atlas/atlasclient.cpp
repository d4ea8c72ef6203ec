#include "atlas/atlasclient.h"

#include "atlas/baseurl.h"
#include "atlas/session.h"

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
const QString kV2 = u"/api/atlas/v2"_s;
const QString kProjectReadOnly = u"Project Read Only"_s;
const QString kProjectModelOwner = u"Project Model Owner"_s;
const QString kOrgReadOnly = u"Organization Read Only"_s;
const QString kOrgMember = u"Organization Member"_s;

constexpr auto checkProjectId = &validateIdOf<IdKind::Project>;
constexpr auto checkOrgId = &validateIdOf<IdKind::Organization>;
constexpr auto checkKeyId = &validateIdOf<IdKind::ApiKey>;

// A request to an AI model endpoint: they all speak the 2025-03-12 media type.
ApiRequest aiModelRequest(QString path, const QString &requiredRole, QByteArray verb = "GET")
{
    ApiRequest req;
    req.verb = std::move(verb);
    req.path = std::move(path);
    req.mediaType = MediaType::Atlas20250312;
    req.requiredRole = requiredRole;
    return req;
}

QString projectPath(const QString &projectId)
{
    return kV2 + u"/groups/"_s + AtlasClient::segment(projectId);
}

QString orgPath(const QString &orgId)
{
    return kV2 + u"/orgs/"_s + AtlasClient::segment(orgId);
}

QString checkScope(const KeyScope &scope)
{
    if (scope.cloud.trimmed().isEmpty() || scope.geography.trimmed().isEmpty())
        return AtlasClient::tr("Choose the key's cloud and geography scope.");
    const QString cloud = validateId(IdKind::Cloud, scope.cloud);
    return cloud.isEmpty() ? validateId(IdKind::Geography, scope.geography) : cloud;
}

QString checkModelGroup(const QString &group)
{
    if (group.trimmed().isEmpty())
        return AtlasClient::tr("Give the model group's name, such as embed_large.");
    return validateId(IdKind::ModelGroup, group);
}

QString firstOf(std::initializer_list<QString> checks)
{
    for (const QString &c : checks) {
        if (!c.isEmpty())
            return c;
    }
    return {};
}

Result<QList<RateLimit>> parseRateLimitPage(const QByteArray &body)
{
    Result<json::Page<RateLimit>> page = json::page<RateLimit>(body, &json::rateLimit);
    if (!page)
        return Result<QList<RateLimit>>::failure(page.error());
    return Result<QList<RateLimit>>(std::move(page).value().results);
}
} // namespace

AtlasClient::AtlasClient(AtlasSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

QString AtlasClient::segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

template <typename T>
ListJob<T> *AtlasClient::list(ApiRequest req, json::ItemParser<T> parser, const QString &invalid)
{
    auto *job = new ListJob<T>(m_session, std::move(req), parser);
    if (!invalid.isEmpty())
        job->failBeforeSending(ApiError::invalidInput(invalid));
    else
        job->start();
    return job;
}

template <typename T>
ValueCall<T> *AtlasClient::value(ApiRequest req, json::ItemParser<T> parser, const QString &invalid)
{
    auto *call = new ValueCall<T>(m_session, std::move(req),
                                  [parser](const QByteArray &body) { return json::single<T>(body, parser); });
    if (!invalid.isEmpty())
        call->failBeforeSending(ApiError::invalidInput(invalid));
    else
        call->start();
    return call;
}

ListJob<Organization> *AtlasClient::listOrganizations(const QString &namePrefix)
{
    ApiRequest req;
    req.path = kV2 + u"/orgs"_s;
    if (!namePrefix.isEmpty())
        req.query.addQueryItem(u"name"_s, QString::fromLatin1(QUrl::toPercentEncoding(namePrefix)));
    req.requiredRole = kOrgMember;
    return list<Organization>(std::move(req), &json::organization, {});
}

ListJob<Project> *AtlasClient::listProjects(const QString &orgId)
{
    ApiRequest req;
    req.path = orgPath(orgId) + u"/groups"_s;
    req.requiredRole = kOrgMember;
    return list<Project>(std::move(req), &json::project, checkOrgId(orgId));
}

ListJob<Project> *AtlasClient::listAllProjects()
{
    ApiRequest req;
    req.path = kV2 + u"/groups"_s;
    req.requiredRole = kProjectReadOnly;
    return list<Project>(std::move(req), &json::project, {});
}

ValueCall<Project> *AtlasClient::getProject(const QString &projectId)
{
    ApiRequest req;
    req.path = projectPath(projectId);
    req.requiredRole = kProjectReadOnly;
    return value<Project>(std::move(req), &json::project, checkProjectId(projectId));
}

ListJob<AiKey> *AtlasClient::listProjectKeys(const QString &projectId)
{
    ApiRequest req = aiModelRequest(projectPath(projectId) + u"/aiModelApiKeys"_s, kProjectReadOnly);
    return list<AiKey>(std::move(req), &json::aiKey, checkProjectId(projectId));
}

ValueCall<AiKey> *AtlasClient::getProjectKey(const QString &projectId, const QString &apiKeyId)
{
    ApiRequest req =
        aiModelRequest(projectPath(projectId) + u"/aiModelApiKeys/"_s + segment(apiKeyId), kProjectReadOnly);
    return value<AiKey>(std::move(req), &json::aiKey,
                        firstOf({checkProjectId(projectId), checkKeyId(apiKeyId)}));
}

CreateKeyCall *AtlasClient::createKey(const QString &projectId, const QString &name, const KeyScope &scope)
{
    ApiRequest req =
        aiModelRequest(projectPath(projectId) + u"/aiModelApiKeys"_s, kProjectModelOwner, "POST");
    req.body = json::createKeyBody(name, scope);
    req.idempotent = false;
    req.secretBearing = true;
    req.primingPath = req.path;
    req.primingQuery.addQueryItem(u"itemsPerPage"_s, u"1"_s);
    auto *call = new CreateKeyCall(m_session, std::move(req));
    call->setRequestedName(name);
    const QString invalid = firstOf({checkProjectId(projectId), validateKeyName(name), checkScope(scope)});
    if (!invalid.isEmpty())
        call->failBeforeSending(ApiError::invalidInput(invalid));
    else
        call->start();
    return call;
}

ValueCall<AiKey> *AtlasClient::renameKey(const QString &projectId, const QString &apiKeyId,
                                         const QString &newName)
{
    ApiRequest req = aiModelRequest(projectPath(projectId) + u"/aiModelApiKeys/"_s + segment(apiKeyId),
                                    kProjectModelOwner, "PATCH");
    req.body = json::renameKeyBody(newName);
    req.idempotent = true; // setting the same name twice has the same effect as once
    return value<AiKey>(std::move(req), &json::aiKey,
                        firstOf({checkProjectId(projectId), checkKeyId(apiKeyId), validateKeyName(newName)}));
}

DeleteCall *AtlasClient::deleteKey(const QString &projectId, const QString &apiKeyId)
{
    ApiRequest req = aiModelRequest(projectPath(projectId) + u"/aiModelApiKeys/"_s + segment(apiKeyId),
                                    kProjectModelOwner, "DELETE");
    auto *call = new DeleteCall(m_session, std::move(req));
    const QString invalid = firstOf({checkProjectId(projectId), checkKeyId(apiKeyId)});
    if (!invalid.isEmpty())
        call->failBeforeSending(ApiError::invalidInput(invalid));
    else
        call->start();
    return call;
}

ListJob<AiKey> *AtlasClient::listOrgKeys(const QString &orgId)
{
    ApiRequest req = aiModelRequest(orgPath(orgId) + u"/aiModelApiKeys"_s, kOrgReadOnly);
    return list<AiKey>(std::move(req), &json::aiKey, checkOrgId(orgId));
}

ValueCall<AiKey> *AtlasClient::getOrgKey(const QString &orgId, const QString &apiKeyId)
{
    ApiRequest req = aiModelRequest(orgPath(orgId) + u"/aiModelApiKeys/"_s + segment(apiKeyId), kOrgReadOnly);
    return value<AiKey>(std::move(req), &json::aiKey, firstOf({checkOrgId(orgId), checkKeyId(apiKeyId)}));
}

ListJob<RateLimit> *AtlasClient::listProjectRateLimits(const QString &projectId)
{
    ApiRequest req = aiModelRequest(projectPath(projectId) + u"/aiModelApiRateLimits"_s, kProjectReadOnly);
    return list<RateLimit>(std::move(req), &json::rateLimit, checkProjectId(projectId));
}

ListJob<RateLimit> *AtlasClient::listOrgRateLimits(const QString &orgId)
{
    ApiRequest req = aiModelRequest(orgPath(orgId) + u"/aiModelApiRateLimits"_s, kOrgReadOnly);
    return list<RateLimit>(std::move(req), &json::rateLimit, checkOrgId(orgId));
}

QString AtlasClient::rateLimitPath(const QString &scopePrefix, const KeyScope &scope,
                                   const QString &modelGroup) const
{
    return scopePrefix + u"/aiModelApiClouds/"_s + segment(scope.cloud) + u"/geographies/"_s +
           segment(scope.geography) + u"/modelGroupNames/"_s + segment(modelGroup) + u"/rateLimits"_s;
}

ValueCall<RateLimit> *AtlasClient::getProjectRateLimit(const QString &projectId, const KeyScope &scope,
                                                       const QString &modelGroup)
{
    ApiRequest req =
        aiModelRequest(rateLimitPath(projectPath(projectId), scope, modelGroup), kProjectReadOnly);
    return value<RateLimit>(
        std::move(req), &json::rateLimit,
        firstOf({checkProjectId(projectId), checkScope(scope), checkModelGroup(modelGroup)}));
}

ValueCall<RateLimit> *AtlasClient::getOrgRateLimit(const QString &orgId, const KeyScope &scope,
                                                   const QString &modelGroup)
{
    ApiRequest req = aiModelRequest(rateLimitPath(orgPath(orgId), scope, modelGroup), kOrgReadOnly);
    return value<RateLimit>(std::move(req), &json::rateLimit,
                            firstOf({checkOrgId(orgId), checkScope(scope), checkModelGroup(modelGroup)}));
}

ValueCall<RateLimit> *AtlasClient::updateProjectRateLimit(const QString &projectId, const KeyScope &scope,
                                                          const QString &modelGroup, qint64 requestsPerMinute,
                                                          qint64 tokensPerMinute)
{
    ApiRequest req =
        aiModelRequest(rateLimitPath(projectPath(projectId), scope, modelGroup), kProjectModelOwner, "PATCH");
    req.body = json::rateLimitBody(requestsPerMinute, tokensPerMinute);
    QString invalid = firstOf({checkProjectId(projectId), checkScope(scope), checkModelGroup(modelGroup)});
    if (invalid.isEmpty() && (requestsPerMinute < 1 || tokensPerMinute < 1))
        invalid = tr("Requests per minute and tokens per minute must both be at least 1.");
    if (invalid.isEmpty() && (requestsPerMinute > INT_MAX || tokensPerMinute > INT_MAX))
        invalid = tr("A rate limit cannot be above %1.").arg(INT_MAX);
    return value<RateLimit>(std::move(req), &json::rateLimit, invalid);
}

ValueCall<RateLimit> *AtlasClient::resetProjectRateLimit(const QString &projectId, const KeyScope &scope,
                                                         const QString &modelGroup)
{
    ApiRequest req = aiModelRequest(rateLimitPath(projectPath(projectId), scope, modelGroup) + u":reset"_s,
                                    kProjectModelOwner, "POST");
    req.idempotent = true; // back to the default, however many times
    return value<RateLimit>(
        std::move(req), &json::rateLimit,
        firstOf({checkProjectId(projectId), checkScope(scope), checkModelGroup(modelGroup)}));
}

ValueCall<QList<RateLimit>> *AtlasClient::resetProjectRateLimits(const QString &projectId)
{
    ApiRequest req =
        aiModelRequest(projectPath(projectId) + u"/aiModelApiRateLimits:reset"_s, kProjectModelOwner, "POST");
    req.idempotent = true;
    auto *call = new ValueCall<QList<RateLimit>>(m_session, std::move(req), &parseRateLimitPage);
    const QString invalid = checkProjectId(projectId);
    if (!invalid.isEmpty())
        call->failBeforeSending(ApiError::invalidInput(invalid));
    else
        call->start();
    return call;
}

} // namespace aikeys
