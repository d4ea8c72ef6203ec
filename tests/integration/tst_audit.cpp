// Audit, bulk retire, rotation, rate limits and Terraform export against a real atlas-sim: the
// core jobs, and the CLI's audit, export terraform and limits commands as a script sees them.
#include "atlas/atlasclient.h"
#include "atlas/embeddingtest.h"
#include "atlas/session.h"
#include "audit/auditjob.h"
#include "audit/auditreport.h"
#include "audit/bulkretire.h"
#include "export/terraformexport.h"
#include "ratelimits/orglimitsjob.h"
#include "ratelimits/projectlimitsfanout.h"
#include "ratelimits/ratelimitplan.h"
#include "rotation/rotationtracker.h"
#include "simprocess.h"
#include "testenv.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::CliRun;
using aikeys::test::finished;
using aikeys::test::SimProcess;

namespace {

const QString kOrg = u"5f00000000000000000000a1"_s;
const QString kCleanOrg = u"5f00000000000000000000a2"_s;
const QString kSearch = u"6a00000000000000000000b1"_s;
const QString kAnalytics = u"6a00000000000000000000b2"_s;
const QString kClean = u"6a00000000000000000000b3"_s;

// Key ids fixed by the seed, so a fault can name one before the simulator starts.
const QString kActive = u"act1ve000000000000000001"_s;
const QString kStale1 = u"sta1e0000000000000000001"_s;
const QString kStale2 = u"sta1e0000000000000000002"_s;
const QString kNever1 = u"never0000000000000000001"_s;
const QString kNever2 = u"never0000000000000000002"_s;
const QString kNever3 = u"never0000000000000000003"_s;
const QString kRecent = u"recent000000000000000001"_s;
const QString kRotateMe = u"rotate000000000000000001"_s;

QJsonObject seedKey(const QString &id, const QString &project, const QString &name, const QString &created,
                    const QJsonValue &lastUsed)
{
    return {{u"apiKeyId"_s, id},       {u"groupId"_s, project},     {u"name"_s, name},
            {u"createdAt"_s, created}, {u"lastUsedAt"_s, lastUsed}, {u"createdBy"_s, u"Ana Souza"_s}};
}

QByteArray seed()
{
    const QJsonValue never(QJsonValue::Null);
    const QJsonArray keys{
        seedKey(kActive, kSearch, u"search-embeddings"_s, u"-200d"_s, u"-2h"_s),
        seedKey(kStale1, kSearch, u"backfill-2024"_s, u"-400d"_s, u"-120d"_s),
        seedKey(kStale2, kAnalytics, u"=cmd|' /C calc'!A0"_s, u"-400d"_s, u"-95d"_s),
        seedKey(kNever1, kSearch, u"ci smoke tests"_s, u"-30d"_s, never),
        seedKey(kNever2, kAnalytics, u"notebook, \"scratch\""_s, u"-10d"_s, never),
        seedKey(kNever3, kAnalytics, u"2024 experiment"_s, u"-60d"_s, never),
        seedKey(kRecent, kAnalytics, u"new pipeline"_s, u"-1d"_s, never),
        seedKey(kRotateMe, kSearch, u"rotate me"_s, u"-50d"_s, u"-2h"_s),
        seedKey(u"clean0000000000000000001"_s, kClean, u"clean active"_s, u"-20d"_s, u"-1h"_s),
        seedKey(u"clean0000000000000000002"_s, kClean, u"clean new"_s, u"-2d"_s, never),
    };
    const QJsonObject root{
        {u"format"_s, u"atlas-sim/1"_s},
        {u"orgs"_s, QJsonArray{QJsonObject{{u"id"_s, kOrg}, {u"name"_s, u"Audit Test Org"_s}},
                               QJsonObject{{u"id"_s, kCleanOrg}, {u"name"_s, u"Clean Org"_s}}}},
        {u"projects"_s,
         QJsonArray{QJsonObject{
                        {u"id"_s, kSearch},
                        {u"orgId"_s, kOrg},
                        {u"name"_s, u"search-prod"_s},
                        {u"rateLimits"_s,
                         QJsonObject{{u"embed_large"_s, QJsonObject{{u"requestsPerMinuteLimit"_s, 3000},
                                                                    {u"tokensPerMinuteLimit"_s, 3000000}}}}}},
                    QJsonObject{{u"id"_s, kAnalytics}, {u"orgId"_s, kOrg}, {u"name"_s, u"analytics"_s}},
                    QJsonObject{{u"id"_s, kClean}, {u"orgId"_s, kCleanOrg}, {u"name"_s, u"clean"_s}}}},
        {u"keys"_s, keys},
    };
    return QJsonDocument(root).toJson();
}

// Our own jobs (audit, limits) wait for start(); the client's are started already.
template <typename J>
J *started(J *job)
{
    return job;
}

using Client = aikeys::test::TestClient;

Client openSession(const SimProcess &sim, int attempts = 4)
{
    return aikeys::test::openTestClient(sim.baseUrl(), aikeys::test::demoApiKey(), 20000, attempts);
}

// The simulator's own answer, read without the client: a service-account token and plain GETs.
class RawAtlas
{
public:
    explicit RawAtlas(const QUrl &base)
        : m_base(base)
    {
        QNetworkRequest req(base.resolved(QUrl(u"/api/oauth/token"_s)));
        req.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
        req.setRawHeader("Accept", "application/json");
        req.setRawHeader("Authorization", "Basic " + QByteArray("mdb_sa_id_demo:mdb_sa_sk_demo").toBase64());
        m_token = QJsonDocument::fromJson(wait(m_nam.post(req, QByteArray("grant_type=client_credentials"))))
                      .object()
                      .value(u"access_token"_s)
                      .toString()
                      .toUtf8();
    }

    QJsonArray list(const QString &path, const QByteArray &version)
    {
        QUrl url = m_base.resolved(QUrl(path));
        url.setQuery(u"itemsPerPage=500"_s);
        QNetworkRequest req(url);
        req.setRawHeader("Accept", "application/vnd.atlas." + version + "+json");
        req.setRawHeader("Authorization", "Bearer " + m_token);
        return QJsonDocument::fromJson(wait(m_nam.get(req))).object().value(u"results"_s).toArray();
    }

private:
    QByteArray wait(QNetworkReply *reply)
    {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            spy.wait(20000);
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

    QUrl m_base;
    QNetworkAccessManager m_nam;
    QByteArray m_token;
};

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_seedPath;

    CliRun runCli(const SimProcess &sim, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QStringList names = env.keys();
        for (const QString &k : names) {
            if (k.startsWith(u"MONGODB_ATLAS_"_s) || k.startsWith(u"ATLAS_AI_KEYS_"_s) ||
                k == u"QT_LOGGING_RULES"_s)
                env.remove(k);
        }
        // Settings and profiles of the test's own, empty: the defaults are the documented ones.
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        env.insert(u"MONGODB_ATLAS_BASE_URL"_s, sim.baseUrl().toString());
        env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, u"demo"_s);
        env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, u"demo-private-key"_s);
        return aikeys::test::runCli(args, env, 60000);
    }

    static QStringList keyIds(const QList<AiKey> &keys)
    {
        QStringList ids;
        for (const AiKey &k : keys)
            ids << k.apiKeyId;
        ids.sort();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::prepareTestEnvironment();
        QVERIFY(m_dir.isValid());
        m_seedPath = m_dir.filePath(u"seed.json"_s);
        QFile f(m_seedPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(seed());
    }

    void orgAuditMatchesSimulator()
    {
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        auto job = finished(started(AuditJob::forOrganization(c.api.get(), kOrg, {}, {7, 90})));
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        const AuditReport &report = job->report();
        QCOMPARE(report.orgName(), u"Audit Test Org"_s); // found through the organizations list
        QVERIFY(report.warnings().isEmpty());

        // The simulator's data, read independently, and classified by hand with the same thresholds.
        RawAtlas raw(sim.baseUrl());
        const QJsonArray rawKeys =
            raw.list(u"/api/atlas/v2/orgs/"_s + kOrg + u"/aiModelApiKeys"_s, "2025-03-12");
        const QJsonArray rawProjects = raw.list(u"/api/atlas/v2/orgs/"_s + kOrg + u"/groups"_s, "2023-01-01");
        QCOMPARE(rawKeys.size(), 8);
        QCOMPARE(report.size(), int(rawKeys.size()));
        QHash<QString, QString> projectNames;
        for (const QJsonValue &p : rawProjects)
            projectNames.insert(p[u"id"_s].toString(), p[u"name"_s].toString());
        const QDateTime now = report.generatedAt();
        for (const QJsonValue &v : rawKeys) {
            const QJsonObject k = v.toObject();
            const QString id = k[u"apiKeyId"_s].toString();
            const int index = report.indexOf(id);
            QVERIFY2(index >= 0, qPrintable(id));
            const AiKey &mine = report.keys().at(index);
            QCOMPARE(mine.name, k[u"name"_s].toString());
            QCOMPARE(mine.groupId, k[u"groupId"_s].toString());
            QCOMPARE(mine.maskedSecret, k[u"maskedSecret"_s].toString());
            QCOMPARE(report.projectNameOf(mine.groupId), projectNames.value(mine.groupId));
            const QDateTime created = QDateTime::fromString(k[u"createdAt"_s].toString(), Qt::ISODateWithMs);
            QString expected;
            if (k[u"lastUsedAt"_s].isNull()) {
                expected = created.msecsTo(now) > 7LL * 86400000 ? u"never-used"_s : u"recently-created"_s;
            } else {
                const QDateTime used =
                    QDateTime::fromString(k[u"lastUsedAt"_s].toString(), Qt::ISODateWithMs);
                // The API writes microseconds; Qt's reader rounds them to milliseconds, ours truncates.
                QVERIFY(std::abs(mine.lastUsedAt->msecsTo(used)) <= 1);
                expected = used.msecsTo(now) > 90LL * 86400000 ? u"stale"_s : u"active"_s;
            }
            QCOMPARE(KeyClassifier::id(report.keyClass(index)), expected);
        }
        const AuditSummary &s = report.summary();
        QCOMPARE(s.count(KeyClass::Stale), 2);
        QCOMPARE(s.count(KeyClass::NeverUsed), 3);
        QCOMPARE(s.count(KeyClass::RecentlyCreated), 1);
        QCOMPARE(s.count(KeyClass::Active), 2);
        QCOMPARE(s.oldestLastUseKeyId, kStale1);
        QCOMPARE(s.keysPerProject.value(kSearch), 4);
        QCOMPARE(s.keysPerProject.value(kAnalytics), 4);

        // A project audit: its keys only, named, with its org.
        auto project = finished(started(AuditJob::forProject(c.api.get(), kAnalytics, {}, {7, 90})));
        QVERIFY2(project->succeeded(), qPrintable(project->error().toString()));
        QCOMPARE(project->report().size(), 4);
        QCOMPARE(project->report().projectName(), u"analytics"_s);
        QCOMPARE(project->report().orgId(), kOrg);
        QCOMPARE(project->report().orgName(), u"Audit Test Org"_s);

        // An org that does not exist fails the job with the API's error.
        auto missing =
            finished(started(AuditJob::forOrganization(c.api.get(), u"5f00000000000000000000ff"_s, {}, {})));
        QVERIFY(!missing->succeeded());
        QVERIFY(missing->error().isNotFound());
    }

    void bulkRetireWithOneFailure()
    {
        // The simulator fails the delete of one key, once, with a 500; retries are off so that the
        // failure reaches the job (with retries the client would recover, which tst_client covers).
        SimProcess sim({u"--data"_s, m_seedPath, u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"500"_s,
                        u"--fault-count"_s, u"1"_s, u"--fault-match"_s,
                        u"DELETE /api/atlas/v2/groups/*/aiModelApiKeys/"_s + kNever2});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, 1);
        auto audit =
            finished(started(AuditJob::forOrganization(c.api.get(), kOrg, u"Audit Test Org"_s, {7, 90})));
        QVERIFY2(audit->succeeded(), qPrintable(audit->error().toString()));
        const QList<AiKey> candidates = audit->report().retireCandidates();
        QCOMPARE(keyIds(candidates), (QStringList{kNever1, kNever2, kNever3, kStale1, kStale2}));

        auto *job = new BulkRetireJob(c.api.get(), candidates);
        job->setConcurrency(2);
        QSignalSpy progress(job, &Job::progress);
        QSignalSpy perKey(job, &BulkRetireJob::keyFinished);
        auto done = finished(job);
        QVERIFY(done->succeeded()); // a failure on one key is an outcome, not the job's failure
        QCOMPARE(perKey.count(), 5);
        QCOMPARE(progress.last().at(0).toLongLong(), 5);
        QCOMPARE(done->count(BulkRetireJob::Result::Deleted), 4);
        QCOMPARE(done->count(BulkRetireJob::Result::Failed), 1);
        for (const BulkRetireJob::Outcome &o : done->outcomes()) {
            if (o.key.apiKeyId == kNever2) {
                QCOMPARE(o.result, BulkRetireJob::Result::Failed);
                QCOMPARE(o.error.httpStatus(), 500);
            } else {
                QCOMPARE(o.result, BulkRetireJob::Result::Deleted);
            }
        }
        QCOMPARE(done->failureLines().size(), 1);
        QVERIFY(done->failureLines().first().contains(kNever2));

        // What is left in the simulator: the failed key, and the keys that were never candidates.
        auto left = finished(c.api->listOrgKeys(kOrg));
        QVERIFY(left->succeeded());
        QCOMPARE(keyIds(left->items()), (QStringList{kActive, kNever2, kRecent, kRotateMe}));

        // Cancel before anything is sent: nothing is attempted, the job says it was cancelled.
        auto *cancelled = new BulkRetireJob(c.api.get(), left->items());
        cancelled->cancel();
        auto stopped = finished(cancelled);
        QVERIFY(stopped->wasCanceled());
        QCOMPARE(stopped->error().kind(), ApiError::Kind::Canceled);
        QCOMPARE(stopped->count(BulkRetireJob::Result::NotAttempted), 4);
        auto still = finished(c.api->listOrgKeys(kOrg));
        QCOMPARE(still->items().size(), 4);
    }

    void cliAudit()
    {
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));

        // Findings: exit code 3, a table with the summary and the keys needing attention first.
        const CliRun table = runCli(sim, {u"audit"_s, u"--org"_s, kOrg});
        QVERIFY2(table.exitCode == 3, table.describe().constData());
        const QString text = QString::fromUtf8(table.out);
        QVERIFY(text.contains(u"Audit of organization Audit Test Org"_s));
        QVERIFY(text.contains(
            u"Never used: no use, created more than 7 days ago. Stale: last used more than 90 days "
            u"ago."_s));
        QVERIFY(text.contains(u"Over 90 days ago"_s));
        QVERIFY(text.indexOf(u"ci smoke tests"_s) < text.indexOf(u"search-embeddings"_s));
        QVERIFY(QString::fromUtf8(table.err).contains(u"5 keys are stale or never used"_s));

        // No findings: exit code 0.
        const CliRun clean = runCli(sim, {u"audit"_s, u"--org"_s, kCleanOrg, u"--output"_s, u"json"_s});
        QVERIFY2(clean.exitCode == 0, clean.describe().constData());
        QCOMPARE(QJsonDocument::fromJson(clean.out).object()[u"summary"_s][u"total"_s].toInt(), 2);

        // Thresholds from the command line stand in the report: with a 1-day grace, the clean org's
        // two-day-old unused key is never used, so the exit code turns to 3.
        const CliRun strict = runCli(sim, {u"audit"_s, u"--org"_s, kCleanOrg, u"--grace-days"_s, u"1"_s,
                                           u"--stale-days"_s, u"30"_s, u"--output"_s, u"json"_s});
        QVERIFY2(strict.exitCode == 3, strict.describe().constData());
        const QJsonObject strictJson = QJsonDocument::fromJson(strict.out).object();
        QCOMPARE(strictJson[u"thresholds"_s].toObject(),
                 (QJsonObject{{u"graceDays"_s, 1}, {u"staleDays"_s, 30}}));

        // JSON: the documented shape, every key, no secret.
        const CliRun json = runCli(sim, {u"audit"_s, u"--project"_s, kAnalytics, u"--output"_s, u"json"_s});
        QVERIFY2(json.exitCode == 3, json.describe().constData());
        const QJsonObject o = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(o[u"scope"_s].toString(), u"project"_s);
        QCOMPARE(o[u"project"_s][u"name"_s].toString(), u"analytics"_s);
        // The org of a project audit is named too, not only its id.
        QCOMPARE(o[u"organization"_s][u"id"_s].toString(), kOrg);
        QCOMPARE(o[u"organization"_s][u"name"_s].toString(), u"Audit Test Org"_s);
        QCOMPARE(o[u"keys"_s].toArray().size(), 4);
        QCOMPARE(o[u"summary"_s][u"byClass"_s][u"never-used"_s].toInt(), 2);
        QVERIFY(!json.out.contains("\"secret\""));

        const CliRun projectCsv =
            runCli(sim, {u"audit"_s, u"--project"_s, kAnalytics, u"--output"_s, u"csv"_s});
        QVERIFY2(projectCsv.exitCode == 3, projectCsv.describe().constData());
        QVERIFY(projectCsv.out.contains(",orgId,orgName,"));
        // Every one of the project's four keys, with its org's id and name.
        const QByteArray orgCells = ',' + kOrg.toLatin1() + QByteArray(",Audit Test Org,");
        QCOMPARE(projectCsv.out.count(orgCells), 4);

        // CSV: header, one row per key, the formula-looking name neutralised.
        const CliRun csv = runCli(sim, {u"audit"_s, u"--org"_s, kOrg, u"--output"_s, u"csv"_s});
        QVERIFY2(csv.exitCode == 3, csv.describe().constData());
        QVERIFY(csv.out.startsWith("class,name,apiKeyId,"));
        QCOMPARE(csv.out.count("\r\n"), 1 + 8);
        QVERIFY(csv.out.contains("'=cmd|' /C calc'!A0"));
        QVERIFY(csv.out.contains("\"notebook, \"\"scratch\"\"\""));

        // Usage errors send nothing and exit 2.
        QCOMPARE(runCli(sim, {u"audit"_s, u"--org"_s, kOrg, u"--stale-days"_s, u"0"_s}).exitCode, 2);
        QCOMPARE(runCli(sim, {u"audit"_s, u"--org"_s, kOrg, u"--project"_s, kSearch}).exitCode, 2);
        QCOMPARE(runCli(sim, {u"audit"_s}).exitCode, 2);
        const CliRun help = runCli(sim, {u"audit"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--stale-days S"));
    }

    void cliExportTerraform()
    {
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        const CliRun project = runCli(sim, {u"export"_s, u"terraform"_s, u"--project"_s, kSearch});
        QVERIFY2(project.exitCode == 0, project.describe().constData());
        const QString tf = QString::fromUtf8(project.out);
        QCOMPARE(tf.count(u"\nimport {"_s), 4);
        QCOMPARE(tf.count(u"resource \"mongodbatlas_ai_model_api_key\""_s), 4);
        QVERIFY(tf.contains(u"id = \""_s + kSearch + u'/' + kActive + u'"'));
        QVERIFY(tf.contains(u"resource \"mongodbatlas_ai_model_api_key\" \"ci_smoke_tests\""_s));
        QVERIFY(tf.contains(u"stays null in\n# Terraform state"_s));
        QVERIFY(!tf.contains(u"mongodbatlas_ai_model_rate_limit"_s));

        const QString path = m_dir.filePath(u"org.tf"_s);
        const CliRun org = runCli(sim, {u"export"_s, u"terraform"_s, u"--org"_s, kOrg, u"--out"_s, path,
                                        u"--include-rate-limits"_s});
        QVERIFY2(org.exitCode == 0, org.describe().constData());
        QVERIFY(org.out.isEmpty());
        QVERIFY(org.err.contains("8 keys"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString orgTf = QString::fromUtf8(file.readAll());
        QCOMPARE(orgTf.count(u"resource \"mongodbatlas_ai_model_api_key\""_s), 8);
        // Five model groups in each of the two projects.
        QCOMPARE(orgTf.count(u"resource \"mongodbatlas_ai_model_rate_limit\""_s), 10);
        QVERIFY(orgTf.contains(u"id = \""_s + kSearch + u"/ANY/ANY/embed_large\""_s));
        QVERIFY(orgTf.contains(u"  requests_per_minute_limit = 3000\n"_s));
        QVERIFY(orgTf.contains(u"\"key_2024_experiment\""_s));
        QVERIFY(orgTf.contains(u"name       = \"notebook, \\\"scratch\\\"\""_s));
    }

    void cliLimitsHeadroom()
    {
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        const CliRun json =
            runCli(sim, {u"limits"_s, u"list"_s, u"--project"_s, kSearch, u"--output"_s, u"json"_s});
        QVERIFY2(json.exitCode == 0, json.describe().constData());
        const QJsonArray rows = QJsonDocument::fromJson(json.out).array();
        QVERIFY(!rows.isEmpty());
        Client c = openSession(sim);
        auto ceilings = finished(c.api->listOrgRateLimits(kOrg));
        QVERIFY(ceilings->succeeded());
        bool sawLarge = false;
        for (const QJsonValue &v : rows) {
            const QJsonObject r = v.toObject();
            RateLimit l;
            l.modelGroupName = r[u"modelGroupName"_s].toString();
            l.cloud = r[u"cloud"_s].toString();
            l.geography = r[u"geography"_s].toString();
            const std::optional<RateLimit> ceiling = RateLimitPlan::ceilingFor(l, ceilings->items());
            QVERIFY(ceiling);
            QCOMPARE(r[u"orgRequestsPerMinuteLimit"_s].toInteger(), ceiling->requestsPerMinuteLimit);
            QCOMPARE(r[u"requestsHeadroom"_s].toInteger(),
                     ceiling->requestsPerMinuteLimit - r[u"requestsPerMinuteLimit"_s].toInteger());
            QCOMPARE(r[u"tokensHeadroom"_s].toInteger(),
                     ceiling->tokensPerMinuteLimit - r[u"tokensPerMinuteLimit"_s].toInteger());
            sawLarge = sawLarge || (l.modelGroupName == u"embed_large"_s &&
                                    r[u"requestsPerMinuteLimit"_s].toInteger() == 3000);
        }
        QVERIFY(sawLarge);

        const CliRun table = runCli(sim, {u"limits"_s, u"list"_s, u"--project"_s, kSearch});
        QVERIFY(table.out.contains("ORG MAX"));
        QVERIFY(table.out.contains("HEADROOM"));
        const CliRun csv =
            runCli(sim, {u"limits"_s, u"list"_s, u"--project"_s, kSearch, u"--output"_s, u"csv"_s});
        QVERIFY(csv.out.startsWith("modelGroupName,"));
        QVERIFY(csv.out.contains(
            ",orgRequestsPerMinuteLimit,orgTokensPerMinuteLimit,requestsHeadroom,tokensHeadroom"));

        // Above the ceiling: refused before sending (exit 2), and the limit is unchanged.
        const qint64 ceilingRpm =
            RateLimitPlan::ceilingFor(RateLimit{u"embed_large"_s, {}, 0, 0, u"ANY"_s, u"ANY"_s, {}},
                                      ceilings->items())
                ->requestsPerMinuteLimit;
        const CliRun refused =
            runCli(sim, {u"limits"_s, u"set"_s, u"--project"_s, kSearch, u"--model-group"_s, u"embed_large"_s,
                         u"--rpm"_s, QString::number(ceilingRpm + 1), u"--tpm"_s, u"1000"_s});
        QVERIFY2(refused.exitCode == 2, refused.describe().constData());
        QVERIFY(refused.err.contains("organization's limit"));
        auto after = finished(c.api->getProjectRateLimit(kSearch, {}, u"embed_large"_s));
        QCOMPARE(after->value().requestsPerMinuteLimit, 3000);
        // At the ceiling: accepted.
        const CliRun accepted =
            runCli(sim, {u"limits"_s, u"set"_s, u"--project"_s, kSearch, u"--model-group"_s, u"embed_large"_s,
                         u"--rpm"_s, QString::number(ceilingRpm), u"--tpm"_s, u"1000"_s});
        QVERIFY2(accepted.exitCode == 0, accepted.describe().constData());
        auto changed = finished(c.api->getProjectRateLimit(kSearch, {}, u"embed_large"_s));
        QCOMPARE(changed->value().requestsPerMinuteLimit, ceilingRpm);
    }

    void orgLimitsFanOutIsBounded()
    {
        SimProcess sim({u"--generate"_s, u"orgs=1,projects=40,keys=40"_s, u"--latency-ms"_s, u"20"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        auto orgs = finished(c.api->listOrganizations());
        QVERIFY(orgs->succeeded());
        auto *job = new OrgLimitsJob(c.api.get(), orgs->items().first().id);
        job->setConcurrency(3);
        auto done = finished(job, 60000);
        QVERIFY2(done->succeeded(), qPrintable(done->error().toString()));
        QCOMPARE(done->projects().size(), 40);
        QCOMPARE(done->projectLimits().size(), 40);
        QVERIFY(done->failures().isEmpty());
        // 40 projects at the default limits overrun every ceiling.
        QVERIFY(!done->oversubscriptions().isEmpty());

        QStringList ids;
        for (const Project &p : done->projects())
            ids << p.id;
        auto *fan = new ProjectLimitsFanOut(c.api.get(), ids);
        fan->setConcurrency(3);
        auto fanned = finished(fan, 60000);
        QVERIFY(fanned->succeeded());
        QCOMPARE(fanned->peakInFlight(), 3);
    }

    void rotationEndToEnd()
    {
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        auto old = finished(c.api->getProjectKey(kSearch, kRotateMe));
        QVERIFY(old->succeeded());
        const AiKey oldKey = old->value();
        QVERIFY(oldKey.lastUsedAt); // used two hours ago

        // The replacement: same project and scope, the default name.
        const QString name = RotationTracker::replacementName(oldKey.name, QDate::currentDate());
        auto created = finished(c.api->createKey(kSearch, name, KeyScope{oldKey.cloud, oldKey.geography}));
        QVERIFY2(created->succeeded(), qPrintable(created->error().toString()));
        const AiKey newKey = created->key();
        QCOMPARE(newKey.name, name);
        SecretBuffer secret = created->takeSecret();
        const QByteArray secretCopy(secret.reveal().constData(), secret.size()); // a deep copy
        QVERIFY(!secretCopy.isEmpty());

        const QString storage = m_dir.filePath(u"rotation-e2e/rotations.json"_s);
        QDateTime now = QDateTime::currentDateTimeUtc();
        RotationTracker tracker(storage);
        tracker.setClock([&now] { return now; });
        const QString id = tracker.add(oldKey, u"search-prod"_s, newKey, sim.baseUrl().toString());
        QCOMPARE(tracker.state(id), RotationState::WaitingForNewKey);

        QSignalSpy refreshed(&tracker, &RotationTracker::refreshed);
        QVERIFY(tracker.refresh(c.api.get()));
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(tracker.state(id), RotationState::WaitingForNewKey);

        // An application switches: one embeddings call with the new secret sets its lastUsedAt.
        auto *test = new EmbeddingTest(newKey.endpoint, secret);
        secret.wipe();
        test->start();
        auto tested = finished(test);
        QVERIFY2(tested->succeeded(), qPrintable(tested->message()));

        QVERIFY(tracker.refresh(c.api.get()));
        QVERIFY(refreshed.wait(20000));
        const Rotation r = *tracker.rotation(id);
        QVERIFY(r.newLastUsedAt);
        QVERIFY(r.newFirstSeenUsedAt);
        // The old key's last use (two hours ago) is before the switch: idle, not yet for 24 hours.
        QCOMPARE(tracker.state(id), RotationState::OldKeyIdle);
        now = RotationTracker::oldIdleSince(r).addSecs(24 * 3600);
        QCOMPARE(tracker.state(id), RotationState::ReadyToRetire);

        // What is kept on disk names the keys and never holds the secret.
        QVERIFY(test::filesContaining(m_dir.filePath(u"rotation-e2e"_s), secretCopy).isEmpty());
        RotationTracker reloaded(storage);
        QCOMPARE(reloaded.count(), 1);

        // Retire: the old key is deleted and the rotation ends.
        QSignalSpy removed(&tracker, &RotationTracker::rotationRemoved);
        DeleteCall *call = tracker.retireOldKey(c.api.get(), id);
        QVERIFY(call);
        QVERIFY(removed.wait(20000));
        QCOMPARE(tracker.count(), 0);
        auto gone = finished(c.api->getProjectKey(kSearch, kRotateMe));
        QVERIFY(gone->error().isNotFound());
        auto kept = finished(c.api->getProjectKey(kSearch, newKey.apiKeyId));
        QVERIFY(kept->succeeded());
        RotationTracker afterRestart(storage);
        QCOMPARE(afterRestart.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
