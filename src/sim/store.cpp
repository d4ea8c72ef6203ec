#include "store.h"

#include "ids.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

const QList<Project *> kNoProjects;
const QList<AiKey *> kNoKeys;

QJsonObject limitJson(RateLimitValue v)
{
    return QJsonObject{{u"requestsPerMinuteLimit"_s, double(v.requestsPerMinute)},
                       {u"tokensPerMinuteLimit"_s, double(v.tokensPerMinute)}};
}

RateLimitValue capped(RateLimitValue wanted, RateLimitValue ceiling)
{
    return {std::min(wanted.requestsPerMinute, ceiling.requestsPerMinute),
            std::min(wanted.tokensPerMinute, ceiling.tokensPerMinute)};
}

bool fits(RateLimitValue value, RateLimitValue ceiling)
{
    return value.requestsPerMinute <= ceiling.requestsPerMinute &&
           value.tokensPerMinute <= ceiling.tokensPerMinute;
}

} // namespace

Store::~Store()
{
    qDeleteAll(m_keys);
}

bool Store::addModelGroup(const ModelGroup &group, QString *error)
{
    if (group.name.isEmpty() || modelGroup(group.name)) {
        *error = u"model group \"%1\" is empty or given twice"_s.arg(group.name);
        return false;
    }
    if (group.projectDefault.requestsPerMinute < 1 || group.projectDefault.tokensPerMinute < 1 ||
        group.orgCeiling.requestsPerMinute < 1 || group.orgCeiling.tokensPerMinute < 1) {
        *error = u"model group \"%1\" needs limits of at least 1"_s.arg(group.name);
        return false;
    }
    m_modelGroups.append(group);
    return true;
}

bool Store::addOrganization(const Organization &org, QString *error)
{
    if (!isObjectId(org.id) || m_orgs.contains(org.id) || org.name.isEmpty()) {
        *error = u"organization \"%1\" (%2) needs a unique 24-hex id and a name"_s.arg(org.name, org.id);
        return false;
    }
    m_orgStorage.push_back(std::make_unique<Organization>(org));
    Organization *stored = m_orgStorage.back().get();
    m_orgs.insert(stored->id, stored);
    m_orgList.append(stored);
    return true;
}

bool Store::addProject(const Project &project, QString *error)
{
    if (!isObjectId(project.id) || m_projects.contains(project.id) || project.name.isEmpty()) {
        *error = u"project \"%1\" (%2) needs a unique 24-hex id and a name"_s.arg(project.name, project.id);
        return false;
    }
    if (!m_orgs.contains(project.orgId)) {
        *error = u"project \"%1\" names an unknown organization %2"_s.arg(project.name, project.orgId);
        return false;
    }
    m_projectStorage.push_back(std::make_unique<Project>(project));
    Project *stored = m_projectStorage.back().get();
    m_projects.insert(stored->id, stored);
    m_projectList.append(stored);
    m_projectsByOrg[stored->orgId].append(stored);
    return true;
}

bool Store::setOrgCeiling(const QString &orgId, const QString &group, RateLimitValue value, QString *error)
{
    if (!m_orgs.contains(orgId) || !modelGroup(group)) {
        *error = u"rate limit for unknown organization %1 or model group \"%2\""_s.arg(orgId, group);
        return false;
    }
    if (value.requestsPerMinute < 1 || value.tokensPerMinute < 1) {
        *error = u"organization %1, model group \"%2\": limits must be at least 1"_s.arg(orgId, group);
        return false;
    }
    m_orgCeilings[orgId].insert(group, value);
    return true;
}

bool Store::setProjectOverride(const QString &groupId, const QString &group, RateLimitValue value,
                               QString *error)
{
    const Project *p = project(groupId);
    const ModelGroup *mg = modelGroup(group);
    if (!p || !mg) {
        *error = u"rate limit for unknown project %1 or model group \"%2\""_s.arg(groupId, group);
        return false;
    }
    if (value.requestsPerMinute < 1 || value.tokensPerMinute < 1 || !fits(value, orgCeiling(p->orgId, *mg))) {
        *error =
            u"project %1, model group \"%2\": limits must be at least 1 and within the org ceiling"_s.arg(
                groupId, group);
        return false;
    }
    m_projectOverrides[groupId].insert(group, value);
    return true;
}

bool Store::insertKey(AiKey key, QString *error)
{
    const Project *p = project(key.groupId);
    if (!p) {
        *error = u"key \"%1\" names an unknown project %2"_s.arg(key.name, key.groupId);
        return false;
    }
    if (!isApiKeyId(key.apiKeyId) || m_keys.contains(key.apiKeyId)) {
        *error = u"key \"%1\": apiKeyId \"%2\" must be 24 characters of [a-z0-9] and unique"_s.arg(
            key.name, key.apiKeyId);
        return false;
    }
    if (key.name.isEmpty() || nameTaken(key.groupId, key.name)) {
        *error = u"key \"%1\" in project %2: names must be non-empty and unique within a project"_s.arg(
            key.name, key.groupId);
        return false;
    }
    if (!key.secretSha256.isEmpty() && m_keysBySecret.contains(key.secretSha256)) {
        *error = u"key \"%1\" shares its secret with another key"_s.arg(key.name);
        return false;
    }
    key.orgId = p->orgId;
    key.cachedJson.clear();
    auto *stored = new AiKey(std::move(key));
    m_keys.insert(stored->apiKeyId, stored);
    m_keysByProject[stored->groupId].append(stored);
    m_keysByOrg[stored->orgId].append(stored);
    if (!stored->secretSha256.isEmpty())
        m_keysBySecret.insert(stored->secretSha256, stored);
    return true;
}

void Store::setEndpoint(const QString &endpoint)
{
    m_endpoint = endpoint;
    for (AiKey *k : std::as_const(m_keys))
        k->cachedJson.clear();
    for (Project *p : std::as_const(m_projectList))
        p->cachedJson.clear();
}

const QList<Project *> &Store::projectsOfOrg(const QString &orgId) const
{
    const auto it = m_projectsByOrg.constFind(orgId);
    return it == m_projectsByOrg.cend() ? kNoProjects : it.value();
}

const QList<AiKey *> &Store::keysOfProject(const QString &groupId) const
{
    const auto it = m_keysByProject.constFind(groupId);
    return it == m_keysByProject.cend() ? kNoKeys : it.value();
}

const QList<AiKey *> &Store::keysOfOrg(const QString &orgId) const
{
    const auto it = m_keysByOrg.constFind(orgId);
    return it == m_keysByOrg.cend() ? kNoKeys : it.value();
}

bool Store::nameTaken(const QString &groupId, const QString &name, const AiKey *except) const
{
    // Projects hold tens of keys, rarely thousands: a scan is cheaper to keep right than an index.
    const QList<AiKey *> &keys = keysOfProject(groupId);
    return std::any_of(keys.cbegin(), keys.cend(),
                       [&](const AiKey *k) { return k != except && k->name == name; });
}

const ModelGroup *Store::modelGroup(const QString &name) const
{
    for (const ModelGroup &g : m_modelGroups) {
        if (g.name == name)
            return &g;
    }
    return nullptr;
}

RateLimitValue Store::orgCeiling(const QString &orgId, const ModelGroup &group) const
{
    return m_orgCeilings.value(orgId).value(group.name, group.orgCeiling);
}

RateLimitValue Store::projectDefault(const QString &orgId, const ModelGroup &group) const
{
    return capped(group.projectDefault, orgCeiling(orgId, group));
}

RateLimitValue Store::projectLimit(const Project &project, const ModelGroup &group) const
{
    const auto overrides = m_projectOverrides.constFind(project.id);
    if (overrides != m_projectOverrides.cend()) {
        const auto it = overrides->constFind(group.name);
        if (it != overrides->cend())
            return it.value();
    }
    return projectDefault(project.orgId, group);
}

AiKey *Store::createKey(AiKey key)
{
    QString error;
    const QString id = key.apiKeyId;
    if (!insertKey(std::move(key), &error))
        return nullptr;
    changed();
    return m_keys.value(id);
}

void Store::renameKey(AiKey *key, const QString &name)
{
    key->name = name;
    key->cachedJson.clear();
    changed();
}

void Store::deleteKey(AiKey *key)
{
    m_keys.remove(key->apiKeyId);
    m_keysByProject[key->groupId].removeOne(key);
    m_keysByOrg[key->orgId].removeOne(key);
    if (!key->secretSha256.isEmpty())
        m_keysBySecret.remove(key->secretSha256);
    delete key;
    changed();
}

void Store::markUsed(AiKey *key, Micros when)
{
    key->lastUsedAt = when;
    key->everUsed = true;
    key->cachedJson.clear();
    changed();
}

void Store::setProjectLimit(const QString &groupId, const QString &group, RateLimitValue value)
{
    m_projectOverrides[groupId].insert(group, value);
    changed();
}

void Store::resetProjectLimit(const QString &groupId, const QString &group)
{
    const auto it = m_projectOverrides.find(groupId);
    if (it != m_projectOverrides.end())
        it->remove(group);
    changed();
}

void Store::resetProjectLimits(const QString &groupId)
{
    m_projectOverrides.remove(groupId);
    changed();
}

void Store::changed()
{
    if (m_changed)
        m_changed();
}

QJsonObject Store::toStateJson() const
{
    QJsonArray groups;
    for (const ModelGroup &g : m_modelGroups) {
        groups.append(QJsonObject{{u"name"_s, g.name},
                                  {u"modelNames"_s, QJsonArray::fromStringList(g.modelNames)},
                                  {u"default"_s, limitJson(g.projectDefault)},
                                  {u"orgCeiling"_s, limitJson(g.orgCeiling)}});
    }

    QJsonArray orgs;
    for (const Organization *o : m_orgList) {
        QJsonObject org{{u"id"_s, o->id}, {u"name"_s, o->name}};
        const QHash<QString, RateLimitValue> ceilings = m_orgCeilings.value(o->id);
        if (!ceilings.isEmpty()) {
            QJsonObject limits;
            for (auto it = ceilings.cbegin(); it != ceilings.cend(); ++it)
                limits.insert(it.key(), limitJson(it.value()));
            org.insert(u"rateLimits"_s, limits);
        }
        orgs.append(org);
    }

    QJsonArray projects;
    for (const Project *p : m_projectList) {
        QJsonArray tags;
        for (const auto &tag : p->tags)
            tags.append(QJsonObject{{u"key"_s, tag.first}, {u"value"_s, tag.second}});
        QJsonObject project{{u"id"_s, p->id},
                            {u"orgId"_s, p->orgId},
                            {u"name"_s, p->name},
                            {u"created"_s, formatIsoSeconds(p->created)},
                            {u"clusterCount"_s, p->clusterCount},
                            {u"tags"_s, tags}};
        const QHash<QString, RateLimitValue> overrides = m_projectOverrides.value(p->id);
        if (!overrides.isEmpty()) {
            QJsonObject limits;
            for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
                limits.insert(it.key(), limitJson(it.value()));
            project.insert(u"rateLimits"_s, limits);
        }
        projects.append(project);
    }

    // Keys in creation order: organizations in order, then each organization's keys in order.
    QJsonArray keys;
    for (const Organization *o : m_orgList) {
        for (const AiKey *k : keysOfOrg(o->id)) {
            QJsonObject key{{u"apiKeyId"_s, k->apiKeyId},
                            {u"groupId"_s, k->groupId},
                            {u"name"_s, k->name},
                            {u"cloud"_s, k->cloud},
                            {u"geography"_s, k->geography},
                            {u"status"_s, k->status},
                            {u"createdBy"_s, k->createdBy},
                            {u"createdAt"_s, formatAiTimestamp(k->createdAt)},
                            {u"lastUsedAt"_s, k->everUsed ? QJsonValue(formatAiTimestamp(k->lastUsedAt))
                                                          : QJsonValue(QJsonValue::Null)},
                            {u"maskedSecret"_s, k->maskedSecret}};
            if (!k->secretSha256.isEmpty())
                key.insert(u"secretSha256"_s, QString::fromLatin1(k->secretSha256.toHex()));
            keys.append(key);
        }
    }

    return QJsonObject{{u"format"_s, u"atlas-sim/1"_s},
                       {u"modelGroups"_s, groups},
                       {u"orgs"_s, orgs},
                       {u"projects"_s, projects},
                       {u"keys"_s, keys}};
}

} // namespace aikeys::sim
