#include "dataset.h"

#include "ids.h"
#include "store.h"

#include <QCryptographicHash>
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

    store.reserveKeys(store.keyCount() + qsizetype(drafts.size()));
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
        k.maskedSecret = u"al-****"_s + randomString(rng, QLatin1StringView(kAlnum), 4);
        if (!store.insertKey(std::move(k), error))
            return false;
    }
    return true;
}

} // namespace aikeys::sim
