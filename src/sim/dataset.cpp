#include "dataset.h"

#include "ids.h"
#include "store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

constexpr Micros kSecond = 1'000'000;
constexpr Micros kMinute = 60 * kSecond;
constexpr Micros kHour = 60 * kMinute;
constexpr Micros kDay = 24 * kHour;

// Demo ids are fixed so that demo mode, docs and bookmarks keep working from one run to the next.
const QString kAcme = u"65f1c0de2a9b4e0012a0c001"_s;
const QString kGlobex = u"65f1c0de2a9b4e0012a0c002"_s;
const QString kInitech = u"65f1c0de2a9b4e0012a0c003"_s;
const QString kProdSearch = u"66a0b1c2d3e4f5a6b7c8d101"_s;
const QString kStagingSearch = u"66a0b1c2d3e4f5a6b7c8d102"_s;
const QString kDataScience = u"66a0b1c2d3e4f5a6b7c8d103"_s;
const QString kRagProd = u"66a0b1c2d3e4f5a6b7c8d104"_s;
const QString kInternalTools = u"66a0b1c2d3e4f5a6b7c8d105"_s;
const QString kMlPlatform = u"66a0b1c2d3e4f5a6b7c8d106"_s;
const QString kPartner = u"66a0b1c2d3e4f5a6b7c8d107"_s;

// Stable pseudo-random characters derived from a label, for demo key ids and masked secrets.
QString derivedChars(const QString &label, QLatin1StringView alphabet, int length)
{
    const QByteArray digest = QCryptographicHash::hash(label.toUtf8(), QCryptographicHash::Sha256);
    QString out;
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet.at(quint8(digest.at(i % digest.size())) % alphabet.size())));
    return out;
}

Micros derivedNumber(const QString &label, Micros modulo)
{
    const QByteArray digest = QCryptographicHash::hash(label.toUtf8(), QCryptographicHash::Sha256);
    quint32 n = 0;
    for (int i = 0; i < 4; ++i)
        n = (n << 8) | quint8(digest.at(i));
    return Micros(n) % modulo;
}

QString randomChars(QRandomGenerator &rng, QLatin1StringView alphabet, int length)
{
    QString out;
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet.at(rng.bounded(int(alphabet.size())))));
    return out;
}

constexpr auto kAlnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

ModelGroup group(const QString &name, const QStringList &models, RateLimitValue def, RateLimitValue ceiling)
{
    return ModelGroup{name, models, def, ceiling};
}

template <typename T>
const T &pick(QRandomGenerator &rng, const QList<T> &list)
{
    return list.at(rng.bounded(int(list.size())));
}

Micros randomBetween(QRandomGenerator &rng, Micros from, Micros to)
{
    if (to <= from)
        return from;
    return from + Micros(rng.generateDouble() * double(to - from));
}

// ---- seed file reading -------------------------------------------------------------------------

struct SeedError
{
    QString message;
};

QString requiredString(const QJsonObject &o, const QString &field, const QString &where)
{
    const QJsonValue v = o.value(field);
    if (!v.isString() || v.toString().isEmpty())
        throw SeedError{u"%1: \"%2\" must be a non-empty string"_s.arg(where, field)};
    return v.toString();
}

qint64 positiveInteger(const QJsonValue &v, const QString &where)
{
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 1 || d > 2147483647.0 || d != double(qint64(d)))
        throw SeedError{u"%1 must be an integer from 1 to 2147483647"_s.arg(where)};
    return qint64(d);
}

RateLimitValue limitValue(const QJsonValue &v, const QString &where)
{
    if (!v.isObject())
        throw SeedError{
            u"%1 must be an object with requestsPerMinuteLimit and tokensPerMinuteLimit"_s.arg(where)};
    const QJsonObject o = v.toObject();
    return {positiveInteger(o.value(u"requestsPerMinuteLimit"_s), where + u".requestsPerMinuteLimit"_s),
            positiveInteger(o.value(u"tokensPerMinuteLimit"_s), where + u".tokensPerMinuteLimit"_s)};
}

Micros seedTime(const QJsonValue &v, Micros now, const QString &where)
{
    const std::optional<Micros> t = v.isString() ? parseSeedTime(v.toString(), now) : std::nullopt;
    if (!t)
        throw SeedError{u"%1 must be an ISO 8601 time or a relative time such as \"-3d\""_s.arg(where)};
    return *t;
}

void check(bool ok, const QString &error)
{
    if (!ok)
        throw SeedError{error};
}

void readPrincipal(const QJsonObject &o, Principals *principals, int index)
{
    const QString where = u"principals[%1]"_s.arg(index);
    Principal p;
    const QString type = requiredString(o, u"type"_s, where);
    if (type == "apiKey"_L1) {
        p.kind = Principal::Kind::ApiKey;
        p.id = requiredString(o, u"publicKey"_s, where);
        p.secret = requiredString(o, u"privateKey"_s, where).toUtf8();
    } else if (type == "serviceAccount"_L1) {
        p.kind = Principal::Kind::ServiceAccount;
        p.id = requiredString(o, u"clientId"_s, where);
        p.secret = requiredString(o, u"clientSecret"_s, where).toUtf8();
    } else {
        throw SeedError{where + u": type must be \"apiKey\" or \"serviceAccount\""_s};
    }
    p.displayName = o.value(u"displayName"_s).toString(p.id);
    const QJsonArray roles = o.value(u"roles"_s).toArray();
    for (qsizetype i = 0; i < roles.size(); ++i) {
        const QJsonObject r = roles.at(i).toObject();
        const QString roleWhere = where + u".roles[%1]"_s.arg(i);
        const QString roleName = requiredString(r, u"roleName"_s, roleWhere);
        if (r.contains(u"orgId"_s)) {
            const std::optional<OrgRole> role = orgRoleFromName(roleName);
            if (!role)
                throw SeedError{roleWhere +
                                u": organization roles are ORG_OWNER, ORG_READ_ONLY, ORG_MEMBER"_s};
            p.orgRoles.insert(requiredString(r, u"orgId"_s, roleWhere), *role);
        } else if (r.contains(u"groupId"_s)) {
            const std::optional<ProjectRole> role = projectRoleFromName(roleName);
            if (!role)
                throw SeedError{roleWhere +
                                u": project roles are GROUP_OWNER, GROUP_AI_MODEL_OWNER, GROUP_READ_ONLY"_s};
            p.projectRoles.insert(requiredString(r, u"groupId"_s, roleWhere), *role);
        } else {
            throw SeedError{roleWhere + u": a role needs an orgId (or \"*\") or a groupId"_s};
        }
    }
    principals->add(std::move(p));
}

void readSeed(const QJsonObject &root, Store *store, Principals *principals, Micros now)
{
    QString error;
    const QJsonValue format = root.value(u"format"_s);
    check(format.isUndefined() || format.toString() == "atlas-sim/1"_L1,
          u"unknown format \"%1\" (this simulator reads atlas-sim/1)"_s.arg(format.toString()));

    // Model groups come first: org and project limits refer to them.
    if (root.contains(u"modelGroups"_s)) {
        const QJsonArray groups = root.value(u"modelGroups"_s).toArray();
        for (qsizetype i = 0; i < groups.size(); ++i) {
            const QJsonObject g = groups.at(i).toObject();
            const QString where = u"modelGroups[%1]"_s.arg(i);
            ModelGroup mg;
            mg.name = requiredString(g, u"name"_s, where);
            for (const QJsonValue &m : g.value(u"modelNames"_s).toArray())
                mg.modelNames.append(m.toString());
            mg.projectDefault = limitValue(g.value(u"default"_s), where + u".default"_s);
            mg.orgCeiling = limitValue(g.value(u"orgCeiling"_s), where + u".orgCeiling"_s);
            check(store->addModelGroup(mg, &error), error);
        }
    } else {
        check(addDefaultModelGroups(*store, &error), error);
    }

    const QJsonArray orgs = root.value(u"orgs"_s).toArray();
    for (qsizetype i = 0; i < orgs.size(); ++i) {
        const QJsonObject o = orgs.at(i).toObject();
        const QString where = u"orgs[%1]"_s.arg(i);
        Organization org{requiredString(o, u"id"_s, where), requiredString(o, u"name"_s, where)};
        check(store->addOrganization(org, &error), where + u": "_s + error);
        const QJsonObject limits = o.value(u"rateLimits"_s).toObject();
        for (auto it = limits.constBegin(); it != limits.constEnd(); ++it) {
            const RateLimitValue v = limitValue(it.value(), where + u".rateLimits."_s + it.key());
            check(store->setOrgCeiling(org.id, it.key(), v, &error), where + u": "_s + error);
        }
    }

    const QJsonArray projects = root.value(u"projects"_s).toArray();
    for (qsizetype i = 0; i < projects.size(); ++i) {
        const QJsonObject o = projects.at(i).toObject();
        const QString where = u"projects[%1]"_s.arg(i);
        Project p;
        p.id = requiredString(o, u"id"_s, where);
        p.orgId = requiredString(o, u"orgId"_s, where);
        p.name = requiredString(o, u"name"_s, where);
        p.created = o.contains(u"created"_s) ? seedTime(o.value(u"created"_s), now, where + u".created"_s)
                                             : now - 365 * kDay;
        p.clusterCount = o.value(u"clusterCount"_s).toInt(0);
        for (const QJsonValue &t : o.value(u"tags"_s).toArray())
            p.tags.append(
                {t.toObject().value(u"key"_s).toString(), t.toObject().value(u"value"_s).toString()});
        check(store->addProject(p, &error), where + u": "_s + error);
        const QJsonObject limits = o.value(u"rateLimits"_s).toObject();
        for (auto it = limits.constBegin(); it != limits.constEnd(); ++it) {
            const RateLimitValue v = limitValue(it.value(), where + u".rateLimits."_s + it.key());
            check(store->setProjectOverride(p.id, it.key(), v, &error), where + u": "_s + error);
        }
    }

    // Keys without an id get one derived from their position, so a seed file loads the same way twice.
    QRandomGenerator idRng(0x5eed);
    const QJsonArray keys = root.value(u"keys"_s).toArray();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QJsonObject o = keys.at(i).toObject();
        const QString where = u"keys[%1]"_s.arg(i);
        AiKey k;
        k.groupId = requiredString(o, u"groupId"_s, where);
        k.name = requiredString(o, u"name"_s, where);
        k.apiKeyId = o.value(u"apiKeyId"_s).toString();
        if (k.apiKeyId.isEmpty()) {
            do {
                k.apiKeyId = randomApiKeyId(idRng);
            } while (store->keyIdTaken(k.apiKeyId));
        }
        k.cloud = o.value(u"cloud"_s).toString(u"ANY"_s);
        k.geography = o.value(u"geography"_s).toString(u"ANY"_s);
        k.status = o.value(u"status"_s).toString(u"ACTIVE"_s);
        k.createdBy = o.value(u"createdBy"_s).toString(u"Demo Admin"_s);
        k.createdAt = o.contains(u"createdAt"_s)
                          ? seedTime(o.value(u"createdAt"_s), now, where + u".createdAt"_s)
                          : now;
        const QJsonValue lastUsed = o.value(u"lastUsedAt"_s);
        if (!lastUsed.isNull() && !lastUsed.isUndefined()) {
            k.lastUsedAt = seedTime(lastUsed, now, where + u".lastUsedAt"_s);
            k.everUsed = true;
        }
        if (const QString secret = o.value(u"secret"_s).toString(); !secret.isEmpty()) {
            k.secretSha256 = sha256(secret.toUtf8());
            k.maskedSecret = maskSecret(secret.toUtf8());
        } else if (const QString hex = o.value(u"secretSha256"_s).toString(); !hex.isEmpty()) {
            k.secretSha256 = QByteArray::fromHex(hex.toLatin1());
            check(k.secretSha256.size() == 32, where + u".secretSha256 must be 64 hex digits"_s);
        }
        k.maskedSecret = o.value(u"maskedSecret"_s).toString(k.maskedSecret);
        if (k.maskedSecret.isEmpty())
            k.maskedSecret = u"al-****"_s + derivedChars(k.apiKeyId, QLatin1StringView(kAlnum), 4);
        check(store->insertKey(std::move(k), &error), where + u": "_s + error);
    }

    if (principals) {
        const QJsonArray list = root.value(u"principals"_s).toArray();
        for (qsizetype i = 0; i < list.size(); ++i)
            readPrincipal(list.at(i).toObject(), principals, int(i));
    }
}

} // namespace

bool addDefaultModelGroups(Store &store, QString *error)
{
    const QList<ModelGroup> groups{
        group(u"embed_large"_s,
              {u"voyage-3-large"_s, u"voyage-code-3"_s, u"voyage-finance-2"_s, u"voyage-law-2"_s},
              {2000, 3000000}, {4000, 8000000}),
        group(u"embed_medium"_s, {u"voyage-3.5"_s, u"voyage-context-3"_s}, {2000, 8000000}, {6000, 16000000}),
        group(u"embed_small"_s, {u"voyage-3.5-lite"_s}, {2000, 16000000}, {8000, 32000000}),
        group(u"rerank"_s, {u"rerank-2.5"_s, u"rerank-2.5-lite"_s}, {2000, 2000000}, {4000, 4000000}),
        group(u"multimodal"_s, {u"voyage-multimodal-3"_s}, {2000, 2000000}, {2000, 4000000}),
    };
    for (const ModelGroup &g : groups) {
        if (!store.addModelGroup(g, error))
            return false;
    }
    return true;
}

bool loadDemoDataset(Store &store, Micros now, QString *error)
{
    if (!addDefaultModelGroups(store, error))
        return false;

    const QList<Organization> orgs{
        {kAcme, u"Acme Analytics"_s}, {kGlobex, u"Globex Research"_s}, {kInitech, u"Initech Partners"_s}};
    for (const Organization &o : orgs) {
        if (!store.addOrganization(o, error))
            return false;
    }

    struct ProjectSeed
    {
        QString id, orgId, name;
        int createdDaysAgo, clusters;
        QString env;
    };
    const QList<ProjectSeed> projects{
        {kProdSearch, kAcme, u"prod-search"_s, 720, 3, u"production"_s},
        {kStagingSearch, kAcme, u"staging-search"_s, 700, 1, u"staging"_s},
        {kDataScience, kAcme, u"data-science-sandbox"_s, 420, 1, u"development"_s},
        {kRagProd, kGlobex, u"rag-assistant-prod"_s, 500, 2, u"production"_s},
        {kInternalTools, kGlobex, u"internal-tools"_s, 380, 0, u"internal"_s},
        {kMlPlatform, kGlobex, u"ml-platform-dev"_s, 200, 1, u"development"_s},
        {kPartner, kInitech, u"partner-integration"_s, 90, 1, u"partner"_s},
    };
    for (const ProjectSeed &s : projects) {
        Project p;
        p.id = s.id;
        p.orgId = s.orgId;
        p.name = s.name;
        p.created = now - s.createdDaysAgo * kDay - 7 * kHour;
        p.clusterCount = s.clusters;
        p.tags = {{u"environment"_s, s.env}};
        if (!store.addProject(p, error))
            return false;
    }

    // Acme pays for more; Initech's small ceiling caps its projects below the usual default.
    const auto ceiling = [&](const QString &org, const QString &g, RateLimitValue v) {
        return store.setOrgCeiling(org, g, v, error);
    };
    const auto custom = [&](const QString &project, const QString &g, RateLimitValue v) {
        return store.setProjectOverride(project, g, v, error);
    };
    if (!ceiling(kAcme, u"embed_large"_s, {6000, 12000000}) ||
        !ceiling(kAcme, u"rerank"_s, {5000, 6000000}) ||
        !ceiling(kInitech, u"embed_large"_s, {1000, 2000000}) ||
        !ceiling(kInitech, u"rerank"_s, {500, 500000}) ||
        !custom(kProdSearch, u"embed_large"_s, {3500, 6000000}) ||
        !custom(kProdSearch, u"rerank"_s, {3000, 3000000}) ||
        !custom(kStagingSearch, u"embed_small"_s, {500, 4000000}) ||
        !custom(kRagProd, u"embed_medium"_s, {5000, 12000000}))
        return false;

    struct KeySeed
    {
        QString project, name, createdBy;
        Micros createdAgo;
        Micros lastUsedAgo; // < 0: never used
    };
    const Micros never = -1;
    QList<KeySeed> keys{
        {kProdSearch, u"prod-search-embeddings"_s, u"Ana Souza"_s, 410 * kDay, 12 * kMinute},
        {kProdSearch, u"prod-rerank"_s, u"Ana Souza"_s, 380 * kDay, 3 * kHour},
        {kProdSearch, u"prod-search-backfill-2024"_s, u"Ben Okafor"_s, 300 * kDay, 200 * kDay},
        {kProdSearch, u"query-expansion-worker"_s, u"Priya Raman"_s, 150 * kDay, 2 * kDay},
        {kProdSearch, u"ci-smoke-tests"_s, u"CI Service Account"_s, 120 * kDay, never},
        {kProdSearch, u"prod-search-embeddings-v2"_s, u"Demo Admin"_s, 2 * kHour, never},
        {kStagingSearch, u"staging rerank"_s, u"Tom\u00e1s Novak"_s, 90 * kDay, 1 * kDay},
        {kStagingSearch, u"staging-embeddings"_s, u"Tom\u00e1s Novak"_s, 95 * kDay, 20 * kMinute},
        {kStagingSearch, u"load-test-2025-q3"_s, u"Priya Raman"_s, 200 * kDay, 130 * kDay},
        {kStagingSearch, u"Jupyter notebook (Ana)"_s, u"Ana Souza"_s, 60 * kDay, 6 * kDay},
        {kDataScience, u"Jupyter notebook (Ben)"_s, u"Ben Okafor"_s, 45 * kDay, 40 * kDay},
        {kDataScience, u"eval-harness"_s, u"Priya Raman"_s, 30 * kDay, 5 * kHour},
        {kDataScience, u"notebook-scratch"_s, u"Ben Okafor"_s, 250 * kDay, 240 * kDay},
        {kDataScience, u"clustering experiment"_s, u"Mei Lin"_s, 75 * kDay, never},
        {kRagProd, u"rag-assistant-embeddings"_s, u"Mei Lin"_s, 330 * kDay, 2 * kMinute},
        {kRagProd, u"rag-assistant-rerank"_s, u"Mei Lin"_s, 330 * kDay - kHour, 7 * kMinute},
        {kRagProd, u"support-bot (eu)"_s, u"Jonas Weber"_s, 180 * kDay, 3 * kDay},
        {kRagProd, u"support-bot (us)"_s, u"Jonas Weber"_s, 180 * kDay - 2 * kHour, 1 * kHour},
        {kRagProd, u"old-pipeline-2023"_s, u"Jonas Weber"_s, 700 * kDay, 400 * kDay},
        {kInternalTools, u"slack-search-bot"_s, u"Demo Admin"_s, 100 * kDay, 4 * kDay},
        // The API shows the creator's user id when it has no name for them.
        {kInternalTools, u"docs-indexer"_s, u"64b7f3e2a1c9d8e7f6a5b4c3"_s, 140 * kDay, 95 * kDay},
        {kInternalTools, u"hackathon-demo"_s, u"Mei Lin"_s, 210 * kDay, 205 * kDay},
        {kMlPlatform, u"feature-store-embeddings"_s, u"Carlos Mendes"_s, 50 * kDay, 30 * kMinute},
        {kMlPlatform, u"code-search (voyage-code-3)"_s, u"Carlos Mendes"_s, 20 * kDay, 1 * kDay},
        {kMlPlatform, u"ml-platform-dev-ci"_s, u"CI Service Account"_s, 10 * kDay, 6 * kHour},
        {kMlPlatform, u"benchmark-runner"_s, u"Carlos Mendes"_s, 160 * kDay, 60 * kDay},
        {kPartner, u"partner-sync"_s, u"Project Developer"_s, 35 * kDay, 2 * kDay},
        {kPartner, u"partner-sandbox-test"_s, u"Project Developer"_s, 5 * kDay, never},
    };
    // Lists come back in creation order, as the live service's do.
    std::stable_sort(keys.begin(), keys.end(),
                     [](const KeySeed &a, const KeySeed &b) { return a.createdAgo > b.createdAgo; });
    for (const KeySeed &s : keys) {
        AiKey k;
        const QString label = s.project + u'/' + s.name;
        k.apiKeyId = derivedChars(label, "abcdefghijklmnopqrstuvwxyz0123456789"_L1, 24);
        k.groupId = s.project;
        k.name = s.name;
        k.createdBy = s.createdBy;
        // A little sub-second noise so the microsecond digits look like the live service's.
        k.createdAt = now - s.createdAgo - derivedNumber(label, 1000000);
        if (s.lastUsedAgo >= 0) {
            k.lastUsedAt = now - s.lastUsedAgo;
            k.everUsed = true;
        }
        k.maskedSecret = u"al-****"_s + derivedChars(label + u"#secret"_s, QLatin1StringView(kAlnum), 4);
        if (!store.insertKey(std::move(k), error))
            return false;
    }
    return true;
}

QList<QPair<QString, ProjectRole>> demoDatasetProjectRoles()
{
    // staging-search and partner-integration (in an org it cannot see) as Model Owner; internal-tools read
    // only.
    return {{kStagingSearch, ProjectRole::ModelOwner},
            {kPartner, ProjectRole::ModelOwner},
            {kInternalTools, ProjectRole::ReadOnly}};
}

QList<QPair<QString, ProjectRole>> firstProjectsRoles(const Store &store)
{
    QList<QPair<QString, ProjectRole>> roles;
    const QList<Project *> &projects = store.projects();
    if (!projects.isEmpty())
        roles.append({projects.at(0)->id, ProjectRole::ModelOwner});
    if (projects.size() > 1)
        roles.append({projects.at(1)->id, ProjectRole::ReadOnly});
    return roles;
}

bool generateDataset(Store &store, const GenerateSpec &spec, quint64 seed, Micros now, QString *error)
{
    if (!addDefaultModelGroups(store, error))
        return false;
    QRandomGenerator rng(quint32(seed ^ (seed >> 32)) ^ 0x9e3779b9u);

    static const QList<QString> orgFirst{u"Acme"_s,       u"Globex"_s,         u"Initech"_s, u"Umbrella"_s,
                                         u"Hooli"_s,      u"Stark"_s,          u"Wayne"_s,   u"Wonka"_s,
                                         u"Tyrell"_s,     u"Cyberdyne"_s,      u"Soylent"_s, u"Vandelay"_s,
                                         u"Pied Piper"_s, u"Massive Dynamic"_s};
    static const QList<QString> orgSecond{u"Analytics"_s, u"Labs"_s,      u"Research"_s, u"Retail"_s,
                                          u"Health"_s,    u"Logistics"_s, u"Media"_s,    u"Capital"_s};
    static const QList<QString> envs{u"prod"_s, u"staging"_s, u"dev"_s, u"qa"_s, u"sandbox"_s};
    static const QList<QString> domains{u"search"_s,  u"rag"_s,       u"recsys"_s, u"support-bot"_s,
                                        u"catalog"_s, u"analytics"_s, u"fraud"_s,  u"docs"_s,
                                        u"chat"_s,    u"vision"_s};
    static const QList<QString> purposes{u"search-embeddings"_s, u"rerank"_s,         u"ingest-worker"_s,
                                         u"batch-backfill"_s,    u"eval-harness"_s,   u"ci"_s,
                                         u"chatbot"_s,           u"classifier"_s,     u"dedupe"_s,
                                         u"code-search"_s,       u"query-rewriter"_s, u"indexer"_s,
                                         u"summaries"_s,         u"load-test"_s,      u"notebook"_s};
    static const QList<QString> people{u"Ana Souza"_s,    u"Ben Okafor"_s,         u"Priya Raman"_s,
                                       u"Mei Lin"_s,      u"Jonas Weber"_s,        u"Carlos Mendes"_s,
                                       u"Fatima Zahra"_s, u"CI Service Account"_s, u"Demo Admin"_s};
    static const QList<QString> owners{u"Ana"_s, u"Ben"_s, u"Priya"_s, u"Mei"_s, u"Jonas"_s, u"Carlos"_s};

    QSet<QString> usedIds;
    const auto uniqueObjectId = [&] {
        QString id;
        do {
            id = randomObjectId(rng);
        } while (usedIds.contains(id));
        usedIds.insert(id);
        return id;
    };

    QSet<QString> orgNames;
    QStringList orgIds;
    for (int i = 0; i < spec.orgs; ++i) {
        QString name = pick(rng, orgFirst) + u' ' + pick(rng, orgSecond);
        if (orgNames.contains(name))
            name += u' ' + QString::number(i + 1);
        orgNames.insert(name);
        Organization org{uniqueObjectId(), name};
        if (!store.addOrganization(org, error))
            return false;
        orgIds.append(org.id);
    }

    QStringList projectIds;
    for (int i = 0; i < spec.projects; ++i) {
        Project p;
        p.id = uniqueObjectId();
        p.orgId = orgIds.at(i % spec.orgs);
        const QString env = pick(rng, envs);
        p.name = env + u'-' + pick(rng, domains) + u'-' + QString::number(i / spec.orgs + 1);
        p.created = now - randomBetween(rng, 30 * kDay, 1500 * kDay);
        p.clusterCount = rng.bounded(5);
        p.tags = {{u"environment"_s, env}};
        if (!store.addProject(p, error))
            return false;
        projectIds.append(p.id);
        if (i % 7 == 3 && !store.setProjectOverride(p.id, u"embed_large"_s, {1500, 2500000}, error))
            return false;
    }

    struct Draft
    {
        int project;
        QString name;
        Micros createdAt;
        Micros lastUsedAt; // < 0: never
    };
    std::vector<Draft> drafts;
    drafts.reserve(size_t(spec.keys));
    QList<QSet<QString>> namesPerProject(spec.projects);
    for (int i = 0; i < spec.keys; ++i) {
        Draft d;
        d.project = i % spec.projects;
        QString name = pick(rng, purposes);
        const int style = rng.bounded(4);
        if (style == 0)
            name = pick(rng, envs) + u'-' + name;
        else if (style == 1)
            name += u" ("_s + pick(rng, owners) + u')';
        QSet<QString> &names = namesPerProject[d.project];
        if (names.contains(name)) {
            for (int n = 2;; ++n) {
                const QString candidate = name + u'-' + QString::number(n);
                if (!names.contains(candidate)) {
                    name = candidate;
                    break;
                }
            }
        }
        names.insert(name);
        d.name = name;

        // 15% never used, 30% today, 25% this week, 15% within 90 days, 15% longer ago.
        const int bucket = rng.bounded(100);
        if (bucket < 15) {
            d.lastUsedAt = -1;
            d.createdAt = now - randomBetween(rng, kHour, 720 * kDay);
        } else {
            Micros ago = bucket < 45   ? randomBetween(rng, kMinute, 12 * kHour)
                         : bucket < 70 ? randomBetween(rng, kDay, 7 * kDay)
                         : bucket < 85 ? randomBetween(rng, 8 * kDay, 89 * kDay)
                                       : randomBetween(rng, 91 * kDay, 500 * kDay);
            d.lastUsedAt = now - ago;
            d.createdAt = d.lastUsedAt - randomBetween(rng, kHour, 400 * kDay);
        }
        drafts.push_back(std::move(d));
    }
    std::stable_sort(drafts.begin(), drafts.end(),
                     [](const Draft &a, const Draft &b) { return a.createdAt < b.createdAt; });

    for (Draft &d : drafts) {
        AiKey k;
        do {
            k.apiKeyId = randomApiKeyId(rng);
        } while (store.keyIdTaken(k.apiKeyId));
        k.groupId = projectIds.at(d.project);
        k.name = std::move(d.name);
        k.createdBy = pick(rng, people);
        k.createdAt = d.createdAt;
        if (d.lastUsedAt >= 0) {
            k.lastUsedAt = d.lastUsedAt;
            k.everUsed = true;
        }
        k.maskedSecret = u"al-****"_s + randomChars(rng, QLatin1StringView(kAlnum), 4);
        if (!store.insertKey(std::move(k), error))
            return false;
    }
    return true;
}

bool loadSeedJson(const QJsonObject &root, Store *store, Principals *principals, Micros now, QString *error)
{
    try {
        readSeed(root, store, principals, now);
    } catch (const SeedError &e) {
        *error = e.message;
        return false;
    }
    return true;
}

bool loadSeedFile(const QString &path, Store *store, Principals *principals, Micros now, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = u"%1 is not a JSON object: %2"_s.arg(path, parseError.errorString());
        return false;
    }
    if (!loadSeedJson(doc.object(), store, principals, now, error)) {
        *error = path + u": "_s + *error;
        return false;
    }
    return true;
}

} // namespace aikeys::sim
