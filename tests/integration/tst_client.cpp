#include "atlas/atlasclient.h"
#include "atlas/embeddingtest.h"
#include "atlas/session.h"
#include "hostileserver.h"
#include "logging.h"
#include "simprocess.h"
#include "testenv.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::demoApiKey;
using aikeys::test::demoServiceAccount;
using aikeys::test::FakeClock;
using aikeys::test::finishes;
using aikeys::test::HostileServer;
using aikeys::test::keep;
using aikeys::test::SimProcess;

namespace {

using Client = aikeys::test::TestClient;

Client openSession(const SimProcess &sim, Credentials credentials, int timeoutMs = 10000, int attempts = 4)
{
    return aikeys::test::openTestClient(sim.baseUrl(), std::move(credentials), timeoutMs, attempts);
}

int revokeRaw(const QUrl &base, const QByteArray &token)
{
    QNetworkAccessManager nam;
    QNetworkRequest req(base.resolved(QUrl(u"/api/oauth/revoke"_s)));
    req.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    req.setRawHeader("Authorization", "Basic " + QByteArray("mdb_sa_id_demo:mdb_sa_sk_demo").toBase64());
    QNetworkReply *reply =
        nam.post(req, "token=" + token.toPercentEncoding() + "&token_type_hint=access_token");
    QSignalSpy spy(reply, &QNetworkReply::finished);
    spy.wait(10000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

QStringList g_messages;
void captureMessages(QtMsgType, const QMessageLogContext &, const QString &msg)
{
    g_messages << msg;
}

} // namespace

class TestClient : public QObject
{
    Q_OBJECT

    // First org and its first project in the demo data, looked up through the API itself.
    QString firstOrgId(AtlasClient &api)
    {
        auto orgs = keep(api.listOrganizations());
        if (!finishes(orgs.get()) || orgs->error() || orgs->items().isEmpty())
            return {};
        return orgs->items().first().id;
    }
    QString firstProjectId(AtlasClient &api, const QString &orgId)
    {
        auto projects = keep(api.listProjects(orgId));
        if (!finishes(projects.get()) || projects->error() || projects->items().isEmpty())
            return {};
        return projects->items().first().id;
    }

private Q_SLOTS:
    void initTestCase() { aikeys::test::prepareTestEnvironment(); }

    void everyOperation_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("api key (digest)") << int(AuthMode::ApiKey);
        QTest::newRow("service account") << int(AuthMode::ServiceAccount);
        QTest::newRow("access token") << int(AuthMode::AccessToken);
    }
    void everyOperation()
    {
        QFETCH(int, mode);
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Credentials creds =
            AuthMode(mode) == AuthMode::ApiKey ? demoApiKey()
            : AuthMode(mode) == AuthMode::ServiceAccount
                ? demoServiceAccount()
                : Credentials{AuthMode::AccessToken,
                              {},
                              SecretBuffer(aikeys::test::fetchDemoAccessToken(sim.baseUrl()))};
        Client c = openSession(sim, std::move(creds));

        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QVERIFY2(orgs->succeeded(), qPrintable(orgs->error().toString()));
        QVERIFY(orgs->items().size() >= 2);
        const QString orgId = orgs->items().first().id;

        auto named = keep(c.api->listOrganizations(orgs->items().first().name.left(3)));
        QVERIFY(finishes(named.get()));
        QVERIFY(named->succeeded());
        QVERIFY(!named->items().isEmpty());

        auto projects = keep(c.api->listProjects(orgId));
        QVERIFY(finishes(projects.get()));
        QVERIFY2(projects->succeeded(), qPrintable(projects->error().toString()));
        QVERIFY(!projects->items().isEmpty());
        const Project project = projects->items().first();
        QCOMPARE(project.orgId, orgId);

        auto all = keep(c.api->listAllProjects());
        QVERIFY(finishes(all.get()));
        QVERIFY(all->items().size() >= 6);

        auto one = keep(c.api->getProject(project.id));
        QVERIFY(finishes(one.get()));
        QVERIFY(one->succeeded());
        QCOMPARE(one->value().name, project.name);

        auto keys = keep(c.api->listProjectKeys(project.id));
        QVERIFY(finishes(keys.get()));
        QVERIFY2(keys->succeeded(), qPrintable(keys->error().toString()));
        const qsizetype before = keys->items().size();

        const QString name = u"integration key %1"_s.arg(mode);
        auto created = keep(c.api->createKey(project.id, name));
        QVERIFY(finishes(created.get()));
        QVERIFY2(created->succeeded(), qPrintable(created->error().toString()));
        QCOMPARE(created->httpStatus(), 201);
        const AiKey key = created->key();
        QCOMPARE(key.name, name);
        QCOMPARE(key.groupId, project.id);
        QVERIFY(key.neverUsed());
        QCOMPARE(key.apiKeyId.size(), 24);
        const SecretBuffer secret = created->takeSecret();
        QVERIFY(QRegularExpression(u"^al-[A-Za-z0-9]{43}$"_s)
                    .match(QString::fromLatin1(secret.reveal()))
                    .hasMatch());
        QVERIFY(key.maskedSecret.endsWith(QString::fromLatin1(secret.reveal().right(4))));
        QVERIFY(created->takeSecret().isEmpty()); // handed over once

        auto got = keep(c.api->getProjectKey(project.id, key.apiKeyId));
        QVERIFY(finishes(got.get()));
        QVERIFY(got->succeeded());
        QCOMPARE(got->value().name, name);
        QVERIFY(!got->body().contains(secret.reveal()));

        auto renamed = keep(c.api->renameKey(project.id, key.apiKeyId, name + u" (renamed)"_s));
        QVERIFY(finishes(renamed.get()));
        QVERIFY2(renamed->succeeded(), qPrintable(renamed->error().toString()));
        QCOMPARE(renamed->value().name, name + u" (renamed)"_s);

        auto orgKeys = keep(c.api->listOrgKeys(orgId));
        QVERIFY(finishes(orgKeys.get()));
        QVERIFY(orgKeys->succeeded());
        bool found = false;
        for (const AiKey &k : orgKeys->items()) {
            QVERIFY(!k.groupId.isEmpty());
            found = found || k.apiKeyId == key.apiKeyId;
        }
        QVERIFY(found);

        auto orgKey = keep(c.api->getOrgKey(orgId, key.apiKeyId));
        QVERIFY(finishes(orgKey.get()));
        QVERIFY(orgKey->succeeded());
        QCOMPARE(orgKey->value().groupId, project.id);

        auto listed = keep(c.api->listProjectKeys(project.id));
        QVERIFY(finishes(listed.get()));
        QCOMPARE(listed->items().size(), before + 1);

        auto deleted = keep(c.api->deleteKey(project.id, key.apiKeyId));
        QVERIFY(finishes(deleted.get()));
        QVERIFY2(deleted->succeeded(), qPrintable(deleted->error().toString()));
        QCOMPARE(deleted->httpStatus(), 204);
        QVERIFY(!deleted->alreadyGone());
        auto again = keep(c.api->deleteKey(project.id, key.apiKeyId));
        QVERIFY(finishes(again.get()));
        QVERIFY(again->succeeded());
        QVERIFY(again->alreadyGone());
        auto gone = keep(c.api->getProjectKey(project.id, key.apiKeyId));
        QVERIFY(finishes(gone.get()));
        QVERIFY(gone->error().isNotFound());
        QCOMPARE(gone->error().errorCode(), u"RESOURCE_NOT_FOUND"_s);

        // Rate limits.
        auto limits = keep(c.api->listProjectRateLimits(project.id));
        QVERIFY(finishes(limits.get()));
        QVERIFY2(limits->succeeded(), qPrintable(limits->error().toString()));
        QVERIFY(!limits->items().isEmpty());
        const RateLimit first = limits->items().first();
        auto ceilings = keep(c.api->listOrgRateLimits(orgId));
        QVERIFY(finishes(ceilings.get()));
        QVERIFY(ceilings->succeeded());
        QVERIFY(!ceilings->items().isEmpty());
        const KeyScope scope{first.cloud, first.geography};
        auto oneLimit = keep(c.api->getProjectRateLimit(project.id, scope, first.modelGroupName));
        QVERIFY(finishes(oneLimit.get()));
        QVERIFY(oneLimit->succeeded());
        auto ceiling = keep(c.api->getOrgRateLimit(orgId, scope, first.modelGroupName));
        QVERIFY(finishes(ceiling.get()));
        QVERIFY(ceiling->succeeded());
        auto updated = keep(c.api->updateProjectRateLimit(project.id, scope, first.modelGroupName, 7, 1000));
        QVERIFY(finishes(updated.get()));
        QVERIFY2(updated->succeeded(), qPrintable(updated->error().toString()));
        QCOMPARE(updated->value().requestsPerMinuteLimit, 7);
        QCOMPARE(updated->value().tokensPerMinuteLimit, 1000);
        auto tooHigh = keep(c.api->updateProjectRateLimit(project.id, scope, first.modelGroupName,
                                                          ceiling->value().requestsPerMinuteLimit + 1, 1000));
        QVERIFY(finishes(tooHigh.get()));
        QCOMPARE(tooHigh->error().httpStatus(), 400);
        auto reset = keep(c.api->resetProjectRateLimit(project.id, scope, first.modelGroupName));
        QVERIFY(finishes(reset.get()));
        QVERIFY(reset->succeeded());
        QVERIFY(reset->value().requestsPerMinuteLimit != 7);
        auto resetAll = keep(c.api->resetProjectRateLimits(project.id));
        QVERIFY(finishes(resetAll.get()));
        QVERIFY2(resetAll->succeeded(), qPrintable(resetAll->error().toString()));
        QCOMPARE(resetAll->value().size(), limits->items().size());
        auto unknownGroup = keep(c.api->getProjectRateLimit(project.id, scope, u"no_such_group"_s));
        QVERIFY(finishes(unknownGroup.get()));
        QVERIFY(unknownGroup->error().isNotFound());
    }

    void paging_data()
    {
        QTest::addColumn<int>("count");
        for (int n : {0, 1, 500, 501, 1200})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }
    void paging()
    {
        QFETCH(int, count);
        SimProcess sim({u"--generate"_s, u"orgs=1,projects=1,keys=%1"_s.arg(count)});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        const QString orgId = firstOrgId(*c.api);
        QVERIFY(!orgId.isEmpty());
        const QString projectId = firstProjectId(*c.api, orgId);
        auto keys = keep(c.api->listProjectKeys(projectId));
        QVERIFY(finishes(keys.get()));
        QVERIFY2(keys->succeeded(), qPrintable(keys->error().toString()));
        QCOMPARE(keys->items().size(), count);
        auto orgKeys = keep(c.api->listOrgKeys(orgId));
        QVERIFY(finishes(orgKeys.get()));
        QCOMPARE(orgKeys->items().size(), count);
    }

    void brokenPaging_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("readable");
        QTest::newRow("undercount") << u"undercount"_s << true;
        QTest::newRow("overcount") << u"overcount"_s << true;
        QTest::newRow("repeat") << u"repeat"_s << false;
    }
    void brokenPaging()
    {
        QFETCH(QString, fault);
        QFETCH(bool, readable);
        SimProcess sim({u"--generate"_s, u"orgs=1,projects=1,keys=1700"_s, u"--paging-fault"_s, fault});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        const QString orgId = firstOrgId(*c.api);
        auto keys = keep(c.api->listOrgKeys(orgId));
        QVERIFY(finishes(keys.get()));
        if (readable) {
            QVERIFY2(keys->succeeded(), qPrintable(keys->error().toString()));
            QCOMPARE(keys->items().size(), 1700);
        } else {
            QCOMPARE(keys->error().kind(), ApiError::Kind::InvalidResponse);
        }
    }

    void rateLimitedThenRetried()
    {
        SimProcess sim({u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"429"_s, u"--fault-count"_s, u"2"_s,
                        u"--fault-match"_s, u"GET /api/atlas/v2/orgs"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        auto orgs = keep(c.api->listOrganizations());
        QSignalSpy retrying(orgs.get(), &Job::retrying);
        QVERIFY(finishes(orgs.get()));
        QVERIFY2(orgs->succeeded(), qPrintable(orgs->error().toString()));
        QCOMPARE(retrying.size(), 2);
        QVERIFY(retrying.first().at(1).toInt() >= 1000); // Retry-After: 1 honoured
    }

    void serviceUnavailableRetriedAndBounded()
    {
        SimProcess sim({u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"503"_s, u"--fault-match"_s,
                        u"GET /api/atlas/v2/orgs"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey(), 10000, 3);
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QCOMPARE(orgs->error().httpStatus(), 503);
        QVERIFY(orgs->error().hint().contains(u"try again"_s));
    }

    void hungReplyTimesOut()
    {
        SimProcess sim({u"--hang-rate"_s, u"1"_s, u"--fault-match"_s, u"GET /api/atlas/v2/orgs"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey(), 400, 2);
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QCOMPARE(orgs->error().kind(), ApiError::Kind::Timeout);
        QVERIFY(orgs->error().message().contains(u"did not answer in time"_s));
    }

    void droppedConnectionRetriedForReads()
    {
        SimProcess sim({u"--drop-rate"_s, u"1"_s, u"--fault-count"_s, u"1"_s, u"--fault-match"_s,
                        u"GET /api/atlas/v2/orgs"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QVERIFY2(orgs->succeeded(), qPrintable(orgs->error().toString()));
    }

    void droppedCreateIsNotRetriedAndMayHaveHappened_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("api key (digest)") << int(AuthMode::ApiKey);
        QTest::newRow("service account") << int(AuthMode::ServiceAccount);
    }
    void droppedCreateIsNotRetriedAndMayHaveHappened()
    {
        QFETCH(int, mode);
        SimProcess sim({u"--verbose"_s, u"--drop-rate"_s, u"1"_s, u"--fault-match"_s,
                        u"POST /api/atlas/v2/groups/*/aiModelApiKeys"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, AuthMode(mode) == AuthMode::ApiKey ? demoApiKey() : demoServiceAccount());
        const QString projectId = firstProjectId(*c.api, firstOrgId(*c.api));
        // Keep-alive connections are where Qt would quietly resend: make sure one is open.
        auto warm = keep(c.api->listProjectKeys(projectId));
        QVERIFY(finishes(warm.get()));
        auto created = keep(c.api->createKey(projectId, u"lost create"_s));
        QVERIFY(finishes(created.get()));
        QVERIFY(created->error().isError());
        QCOMPARE(created->error().kind(), ApiError::Kind::Network);
        QVERIFY(created->error().outcomeUnknown());
        QCOMPARE(created->attempts(), 1);
        // The server did create it, exactly once, and saw exactly one POST.
        auto keys = keep(c.api->listProjectKeys(projectId));
        QVERIFY(finishes(keys.get()));
        int matches = 0;
        for (const AiKey &k : keys->items())
            matches += k.name == u"lost create"_s ? 1 : 0;
        QCOMPARE(matches, 1);
        const auto logged = [&sim](const QByteArray &method) {
            const QByteArray prefix = method + " /api/atlas/v2/groups/";
            int n = 0;
            for (const QByteArray &line : sim.standardError().split('\n'))
                n += line.startsWith(prefix) && line.contains("/aiModelApiKeys ") ? 1 : 0;
            return n;
        };
        QVERIFY(sim.syncLog()); // every request so far is in the log
        QVERIFY(logged("GET") >= 2);
        QCOMPARE(logged("POST"), 1);
    }

    void createWithDigestWorksAfterTheNonceWentStale()
    {
        SimProcess sim({u"--verbose"_s, u"--nonce-ttl"_s, u"60"_s, u"--test-clock"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        const QString projectId = firstProjectId(*c.api, firstOrgId(*c.api));
        QVERIFY(sim.advanceClock(61)); // the nonce the client holds is now stale
        auto created = keep(c.api->createKey(projectId, u"after a stale nonce"_s));
        QVERIFY(finishes(created.get()));
        QVERIFY2(created->succeeded(), qPrintable(created->error().toString()));
        // And as the very first request of a session (no cached Digest credentials yet).
        Client fresh = openSession(sim, demoApiKey());
        auto first = keep(fresh.api->createKey(projectId, u"first request"_s));
        QVERIFY(finishes(first.get()));
        QVERIFY2(first->succeeded(), qPrintable(first->error().toString()));
    }

    void malformedJson()
    {
        SimProcess sim({u"--malformed-rate"_s, u"1"_s, u"--fault-match"_s, u"GET /api/atlas/v2/orgs"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QCOMPARE(orgs->error().kind(), ApiError::Kind::InvalidResponse);
        QVERIFY(orgs->error().message().contains(u"cannot read"_s));
    }

    void wrongCredentials_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("api key") << int(AuthMode::ApiKey);
        QTest::newRow("service account") << int(AuthMode::ServiceAccount);
        QTest::newRow("access token") << int(AuthMode::AccessToken);
    }
    void wrongCredentials()
    {
        QFETCH(int, mode);
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Credentials creds = AuthMode(mode) == AuthMode::ApiKey ? demoApiKey(u"demo"_s, "wrong")
                            : AuthMode(mode) == AuthMode::ServiceAccount
                                ? demoServiceAccount(u"mdb_sa_id_demo"_s, "wrong")
                                : Credentials{AuthMode::AccessToken, {}, SecretBuffer(QByteArray("nope"))};
        Client c = openSession(sim, std::move(creds));
        QSignalSpy unauthorized(c.session.get(), &AtlasSession::unauthorized);
        QElapsedTimer timer;
        timer.start();
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QCOMPARE(orgs->error().kind(), ApiError::Kind::WrongCredentials);
        QVERIFY(orgs->error().hint().contains(u"credentials"_s));
        QVERIFY(timer.elapsed() < 5000); // one clear answer, not a loop
        QVERIFY(orgs->attempts() <= 2);
        if (AuthMode(mode) != AuthMode::ServiceAccount)
            QCOMPARE(unauthorized.size(), 1);
    }

    void serviceAccountTokenSharedAndRenewed()
    {
        SimProcess sim({u"--token-ttl"_s, u"3600"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoServiceAccount());
        FakeClock clock;
        c.session->config().clock = clock.clock();
        auto *auth = qobject_cast<ServiceAccountAuthenticator *>(c.session->authenticator());
        QVERIFY(auth);
        // Ten concurrent calls, one token.
        std::vector<std::unique_ptr<ListJob<Organization>>> jobs;
        for (int i = 0; i < 10; ++i)
            jobs.push_back(keep(c.api->listOrganizations()));
        for (auto &j : jobs) {
            QVERIFY(finishes(j.get()));
            QVERIFY2(j->succeeded(), qPrintable(j->error().toString()));
        }
        QCOMPARE(auth->tokenFetchCount(), 1);
        // More than a minute before expiry (by the client's clock), the token is still used.
        clock.advanceSeconds(3600 - 61);
        auto before = keep(c.api->listOrganizations());
        QVERIFY(finishes(before.get()));
        QVERIFY(before->succeeded());
        QCOMPARE(auth->tokenFetchCount(), 1);
        // Within the last minute before expiry, the next call renews it first.
        clock.advanceSeconds(2);
        auto later = keep(c.api->listOrganizations());
        QVERIFY(finishes(later.get()));
        QVERIFY(later->succeeded());
        QCOMPARE(auth->tokenFetchCount(), 2);
        QCOMPARE(later->attempts(), 1); // renewed before, not after a 401
    }

    void serviceAccountRenewsOnceAfter401()
    {
        // A restarted simulator has forgotten every token it issued: the client's cached token,
        // still fresh by its own clock, gets a 401, is renewed once, and the call succeeds.
        auto sim = std::make_unique<SimProcess>(QStringList{u"--token-ttl"_s, u"3600"_s});
        QVERIFY2(sim->start(), qPrintable(sim->errorString()));
        const QString port = QString::number(sim->port());
        Client c = openSession(*sim, demoServiceAccount());
        auto *auth = qobject_cast<ServiceAccountAuthenticator *>(c.session->authenticator());
        auto first = keep(c.api->listOrganizations());
        QVERIFY(finishes(first.get()));
        QVERIFY(first->succeeded());
        QCOMPARE(auth->tokenFetchCount(), 1);
        sim.reset();
        SimProcess again({u"--port"_s, port});
        QVERIFY2(again.start(), qPrintable(again.errorString()));
        c.session->network()->clearConnectionCache();
        auto second = keep(c.api->listOrganizations());
        QVERIFY(finishes(second.get()));
        QVERIFY2(second->succeeded(), qPrintable(second->error().toString()));
        QCOMPARE(auth->tokenFetchCount(), 2);
        QCOMPARE(second->attempts(), 2);
        // A raw token revoked through the revoke endpoint stops working.
        const QByteArray other = aikeys::test::fetchDemoAccessToken(again.baseUrl());
        QVERIFY(!other.isEmpty());
        QCOMPARE(revokeRaw(again.baseUrl(), other), 200);
        Client revoked =
            openSession(again, Credentials{AuthMode::AccessToken, {}, SecretBuffer(QByteArray(other))});
        auto refused = keep(revoked.api->listOrganizations());
        QVERIFY(finishes(refused.get()));
        QCOMPARE(refused->error().kind(), ApiError::Kind::WrongCredentials);
    }

    void staleNonceSurvives()
    {
        SimProcess sim({u"--verbose"_s, u"--nonce-ttl"_s, u"60"_s, u"--test-clock"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        for (int i = 0; i < 3; ++i) {
            auto orgs = keep(c.api->listOrganizations());
            QVERIFY(finishes(orgs.get()));
            QVERIFY2(orgs->succeeded(), qPrintable(orgs->error().toString()));
            QVERIFY(sim.advanceClock(61));
        }
        // Each stale nonce cost one more 401 (stale=true) and a signed retry, never a failure.
        QTRY_COMPARE(sim.standardError().count("GET /api/atlas/v2/orgs 200"), 3);
        QVERIFY(sim.standardError().count("GET /api/atlas/v2/orgs 401") >= 3);
    }

    void readOnlyPrincipalIsToldTheRoleNotSignedOut()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey(u"demo-readonly"_s, "demo-readonly-private-key"));
        const QString projectId = firstProjectId(*c.api, firstOrgId(*c.api));
        QVERIFY(!projectId.isEmpty());
        QSignalSpy unauthorized(c.session.get(), &AtlasSession::unauthorized);
        auto created = keep(c.api->createKey(projectId, u"not allowed"_s));
        QVERIFY(finishes(created.get()));
        // Atlas answers 401 USER_UNAUTHORIZED: a missing role, not wrong credentials.
        QCOMPARE(created->error().httpStatus(), 401);
        QVERIFY(created->error().isMissingRole());
        QVERIFY(!created->error().isUnauthorized());
        QVERIFY2(created->error().hint().contains(u"Project Model Owner"_s),
                 qPrintable(created->error().hint()));
        QCOMPARE(unauthorized.count(), 0);
        QVERIFY(!c.session->isSignedOut());

        // The same with a service account: no token renewal, no sign-out.
        Client sa = openSession(sim, demoServiceAccount(u"mdb_sa_id_readonly"_s, "mdb_sa_sk_readonly"));
        QSignalSpy saUnauthorized(sa.session.get(), &AtlasSession::unauthorized);
        auto del = keep(sa.api->deleteKey(projectId, u"a86r5kwrfsk5r5ku5tgvhmpj"_s));
        QVERIFY(finishes(del.get()));
        QVERIFY(del->error().isMissingRole());
        QCOMPARE(saUnauthorized.count(), 0);
        QCOMPARE(del->attempts(), 1);
    }

    void refusedServiceAccountSecretReachesTheSession()
    {
        // The token endpoint refusing the secret is as final as a 401 from the API: the session hears
        // of it once, whichever request met it first, so the window has one path back to sign-in.
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client sa = openSession(sim, demoServiceAccount(u"mdb_sa_id_demo"_s, "mdb_sa_sk_wrong"), 10000, 1);
        QSignalSpy unauthorized(sa.session.get(), &AtlasSession::unauthorized);
        auto limits = keep(sa.api->listProjectRateLimits(u"6650c2f1a1b2c3d4e5f60718"_s));
        QVERIFY(finishes(limits.get()));
        QVERIFY2(limits->error().isUnauthorized(), qPrintable(limits->error().toString()));
        QCOMPARE(unauthorized.count(), 1);
        QVERIFY(unauthorized.at(0).at(0).value<ApiError>().isUnauthorized());
    }

    void bodilessPostSendsNoContentTypeAndErrorCodeHeaderIsRead()
    {
        // A bare HTTP server that records the request, and answers with an error whose body holds no
        // code (only the X-Error-Code header does), as a proxy in between might leave it.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QByteArray received;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [&received, socket] {
                    received += socket->readAll();
                    if (!received.contains("\r\n\r\n"))
                        return;
                    socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nX-Error-Code: "
                                  "GROUP_NOT_FOUND\r\nContent-Length: 9\r\n\r\nnot found");
                });
            }
        });
        SessionConfig config;
        config.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
        config.transferTimeoutMs = 10000;
        AtlasSession session(config,
                             Credentials{AuthMode::AccessToken, {}, SecretBuffer(QByteArray("token"))},
                             new QNetworkAccessManager);
        AtlasClient api(&session);
        auto reset = keep(api.resetProjectRateLimits(u"66a0b1c2d3e4f5a6b7c8d101"_s));
        QVERIFY(finishes(reset.get()));
        const QByteArray head = received.left(received.indexOf("\r\n\r\n")).toLower();
        QVERIFY2(head.startsWith("post /api/atlas/v2/groups/66a0b1c2d3e4f5a6b7c8d101/aimodelapiratelimits"),
                 head.constData());
        QVERIFY2(!head.contains("\r\ncontent-type:"), head.constData());
        QVERIFY2(head.contains("\r\naccept: application/vnd.atlas.2025-03-12+json"), head.constData());
        QCOMPARE(reset->error().errorCode(), u"GROUP_NOT_FOUND"_s);
        QVERIFY(reset->error().isContainerNotFound());
    }

    void deleteIsGoneOnlyWhenTheKeyIs()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        // A project that does not exist: GROUP_NOT_FOUND is an error, not "already gone".
        auto del = keep(c.api->deleteKey(u"66a0b1c2d3e4f5a6b7c8d1ff"_s, u"a86r5kwrfsk5r5ku5tgvhmpj"_s));
        QVERIFY(finishes(del.get()));
        QVERIFY(del->error());
        QVERIFY(del->error().isContainerNotFound());
        QCOMPARE(del->error().errorCode(), u"GROUP_NOT_FOUND"_s);
        QCOMPARE(del->error().parameters(), QStringList{u"66a0b1c2d3e4f5a6b7c8d1ff"_s});
        QVERIFY(!del->alreadyGone());
    }

    void ipAccessListAtSignIn()
    {
        SimProcess sim({u"--access-list"_s, u"demo=192.0.2.0/24"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QVERIFY(orgs->error().isIpAccessList());
        QCOMPARE(orgs->error().accessListAddress(), u"127.0.0.1"_s);
        QVERIFY(!orgs->error().isUnauthorized());
    }

    void duplicateNameRefused()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        const QString projectId = firstProjectId(*c.api, firstOrgId(*c.api));
        auto first = keep(c.api->createKey(projectId, u"twin"_s));
        QVERIFY(finishes(first.get()));
        QVERIFY(first->succeeded());
        auto second = keep(c.api->createKey(projectId, u"twin"_s));
        QVERIFY(finishes(second.get()));
        QVERIFY(second->error().isError());
        QVERIFY(second->error().httpStatus() == 409 || second->error().httpStatus() == 400);
        QCOMPARE(second->attempts(), 1);
    }

    void invalidInputSendsNothing()
    {
        SimProcess sim({u"--verbose"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        auto tooLong = keep(c.api->createKey(u"32b6e34b3d91647abb20e7b8"_s, QString(251, u'k')));
        QVERIFY(finishes(tooLong.get()));
        QCOMPARE(tooLong->error().kind(), ApiError::Kind::InvalidInput);
        auto badLimit =
            keep(c.api->updateProjectRateLimit(u"32b6e34b3d91647abb20e7b8"_s, {}, u"embed_large"_s, 0, 5));
        QVERIFY(finishes(badLimit.get()));
        QCOMPARE(badLimit->error().kind(), ApiError::Kind::InvalidInput);
        QVERIFY(sim.syncLog()); // had they been sent, they would be in the log now
        QVERIFY(!sim.standardError().contains("aiModel"));
    }

    void cancelEndsTheJob()
    {
        SimProcess sim({u"--latency-ms"_s, u"2000"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        auto orgs = keep(c.api->listOrganizations());
        QTimer::singleShot(100, orgs.get(), [&orgs] { orgs->cancel(); });
        QElapsedTimer t;
        t.start();
        QVERIFY(finishes(orgs.get()));
        QCOMPARE(orgs->error().kind(), ApiError::Kind::Canceled);
        QVERIFY(t.elapsed() < 1500);
    }

    void signOutRevokesAndForgets()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoServiceAccount());
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QVERIFY(orgs->succeeded());
        auto *auth = qobject_cast<ServiceAccountAuthenticator *>(c.session->authenticator());
        QVERIFY(auth->hasToken());
        QSignalSpy signedOut(c.session.get(), &AtlasSession::signedOut);
        c.session->signOut();
        QVERIFY(signedOut.wait(5000));
        QVERIFY(!auth->hasToken());
        auto after = keep(c.api->listOrganizations());
        QVERIFY(finishes(after.get()));
        QVERIFY(after->error().isError());
    }

    void signOutDoesNotWaitForAHungRevoke()
    {
        // The revoke endpoint never answers: signing out tries once, for at most signOutTimeoutMs,
        // whatever the session's transfer timeout and retry policy (30 s x 4 here), then forgets the
        // credentials anyway.
        SimProcess sim({u"--hang-rate"_s, u"1"_s, u"--fault-match"_s, u"POST /api/oauth/revoke"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoServiceAccount(), 30000, 4);
        c.session->config().signOutTimeoutMs = 1000;
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QVERIFY(orgs->succeeded());
        auto *auth = qobject_cast<ServiceAccountAuthenticator *>(c.session->authenticator());
        QVERIFY(auth->hasToken());
        QSignalSpy signedOut(c.session.get(), &AtlasSession::signedOut);
        QElapsedTimer t;
        t.start();
        c.session->signOut();
        QVERIFY(signedOut.wait(10000));
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(t.elapsed() >= 900, qPrintable(QString::number(t.elapsed())));
        QVERIFY(c.session->isSignedOut());
        QVERIFY(!auth->hasToken());
        // Once only, even if asked again.
        c.session->signOut();
        // A negative check: nothing may arrive. The revocation's own deadline (signOutTimeoutMs) has
        // passed, so nothing is pending that could emit; a short spin of the loop shows none does.
        QTest::qWait(100);
        QCOMPARE(signedOut.count(), 1);
    }

    void noSecretOrCredentialReachesTheLog()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QLoggingCategory::setFilterRules(u"aikeys.*=true\nqt.network.*=true"_s);
        g_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
        QByteArray secret;
        {
            Client c = openSession(sim, demoServiceAccount());
            const QString projectId = firstProjectId(*c.api, firstOrgId(*c.api));
            auto created = keep(c.api->createKey(projectId, u"log probe"_s));
            QVERIFY(finishes(created.get()));
            QVERIFY(created->succeeded());
            secret = created->takeSecret().reveal();
            QSignalSpy signedOut(c.session.get(), &AtlasSession::signedOut);
            c.session->signOut();
            QVERIFY(signedOut.wait(10000)); // the revocation's logging, too, is captured
        }
        Client d = openSession(sim, demoApiKey());
        auto orgs = keep(d.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!g_messages.isEmpty()); // debug logging did run
        const QString all = g_messages.join(u'\n');
        QVERIFY(!secret.isEmpty());
        QVERIFY(!all.contains(QString::fromLatin1(secret)));
        QVERIFY(!all.contains(u"mdb_sa_sk_demo"_s));
        QVERIFY(!all.contains(u"demo-private-key"_s));
        QVERIFY(!all.contains(u"Bearer"_s));
        QVERIFY(!all.contains(u"Authorization"_s, Qt::CaseInsensitive));
    }

    // ---- hostile servers on loopback (issue 11)

    // Atlas, or whatever sits at the base URL, asks for Basic: the private key is never sent, in any
    // form, and the error says why.
    void apiKeyIsNeverSentToABasicChallenge()
    {
        HostileServer server(
            HostileServer::Mode::Respond,
            HostileServer::response(401, {"WWW-Authenticate: Basic realm=\"MMS Public API\""}, {}));
        QVERIFY(server.start());
        Client c = aikeys::test::openTestClient(server.url(), demoApiKey(), 5000, 1);
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QCOMPARE(orgs->error().kind(), ApiError::Kind::InvalidResponse);
        QVERIFY2(orgs->error().message().contains(u"Basic authentication"_s),
                 qPrintable(orgs->error().toString()));
        QVERIFY(!server.requests().isEmpty());
        QVERIFY2(!server.received("Authorization"), server.requests().constFirst().constData());
        QVERIFY(!server.received(QByteArray("demo:demo-private-key").toBase64()));
        QVERIFY(!server.received("demo-private-key"));
    }

    // Digest with an algorithm or qop this client does not answer: refused the same way.
    void weakDigestIsNotAnswered()
    {
        HostileServer server(
            HostileServer::Mode::Respond,
            HostileServer::response(401, {"WWW-Authenticate: Digest realm=\"x\", nonce=\"abc\""}, {}));
        QVERIFY(server.start());
        Client c = aikeys::test::openTestClient(server.url(), demoApiKey(), 5000, 1);
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QVERIFY2(orgs->error().message().contains(u"qop=auth"_s), qPrintable(orgs->error().toString()));
        QVERIFY(!server.received("Authorization"));
    }

    // "Test Key" calls the key's own endpoint, another host: it has a network manager of its own, so
    // a challenge there gets nothing of the profile's credentials, only the new key's bearer header.
    void testKeyNeverSendsTheProfilesCredentials()
    {
        HostileServer endpoint(
            HostileServer::Mode::Respond,
            HostileServer::response(401,
                                    {"WWW-Authenticate: Basic realm=\"voyage\"",
                                     "WWW-Authenticate: Digest realm=\"voyage\", nonce=\"n\", qop=\"auth\""},
                                    "{\"detail\":\"no\"}"));
        QVERIFY(endpoint.start());
        // A signed-in API-key session exists, as in the app when Test Key is pressed.
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, demoApiKey());
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QVERIFY(orgs->succeeded());

        auto test = keep(
            new EmbeddingTest(endpoint.url().authority(), SecretBuffer(QByteArray("al-new-key-secret"))));
        test->start();
        QVERIFY(finishes(test.get()));
        QVERIFY(test->keyRefused());
        QCOMPARE(endpoint.requests().size(), 1);
        QVERIFY(endpoint.received("Authorization: Bearer al-new-key-secret"));
        QVERIFY(!endpoint.received("Authorization: Basic"));
        QVERIFY(!endpoint.received("Authorization: Digest"));
        QVERIFY(!endpoint.received("demo-private-key"));
        QVERIFY(!endpoint.received(QByteArray("demo:demo-private-key").toBase64()));
    }

    // An answer that never ends is cut off at the cap instead of filling memory.
    void endlessAnswerIsCutOff()
    {
        HostileServer server(HostileServer::Mode::Endless);
        QVERIFY(server.start());
        SessionConfig config;
        config.baseUrl = server.url();
        config.maxResponseBytes = 1024 * 1024;
        config.retry.maxAttempts = 3;
        AtlasSession session(config, aikeys::test::demoServiceAccount(), new QNetworkAccessManager);
        // A plain call: cut off at the session's cap, and not retried.
        auto raw = keep(new ApiCall(&session, [] {
            ApiRequest r;
            r.path = u"/api/atlas/v2/orgs"_s;
            r.authenticated = false;
            return r;
        }()));
        raw->start();
        QVERIFY(finishes(raw.get()));
        QCOMPARE(raw->error().kind(), ApiError::Kind::InvalidResponse);
        QVERIFY2(raw->error().message().contains(u"larger than 1 MiB"_s),
                 qPrintable(raw->error().toString()));
        QCOMPARE(raw->attempts(), 1); // the same request would get the same answer

        // A service account's token call gets the endless body too, with its smaller cap.

        Client c = aikeys::test::openTestClient(server.url(), demoServiceAccount(), 5000, 1);
        auto orgs = keep(c.api->listOrganizations());
        QVERIFY(finishes(orgs.get()));
        QCOMPARE(orgs->error().kind(), ApiError::Kind::InvalidResponse);
        QVERIFY2(orgs->error().message().contains(u"64 KiB"_s), qPrintable(orgs->error().toString()));

        auto test = keep(new EmbeddingTest(server.url().authority(), SecretBuffer(QByteArray("al-x"))));
        test->setLimits(10000, 256 * 1024);
        test->start();
        QVERIFY(finishes(test.get()));
        QCOMPARE(test->error().kind(), ApiError::Kind::InvalidResponse);
        QVERIFY2(test->message().contains(u"larger than 256 KiB"_s), qPrintable(test->message()));
    }

    // A body trickled a byte at a time never trips the inactivity timeout; the attempt's deadline ends it.
    void trickledAnswerMeetsTheDeadline()
    {
        HostileServer server(HostileServer::Mode::Trickle, {}, 20);
        QVERIFY(server.start());
        SessionConfig config;
        config.baseUrl = server.url();
        config.transferTimeoutMs = 300; // far longer than the 20 ms between bytes
        config.attemptDeadlineMs = 600;
        config.retry.maxAttempts = 2;
        config.retry.baseDelayMs = 10;
        config.retry.maxBackoffMs = 20;
        AtlasSession session(config, aikeys::test::demoApiKey(), new QNetworkAccessManager);
        AtlasClient api(&session);
        auto orgs = keep(api.listOrganizations());
        QVERIFY(finishes(orgs.get(), 20000));
        QCOMPARE(orgs->error().kind(), ApiError::Kind::Timeout);
        QVERIFY2(orgs->error().message().contains(u"not complete within 0.6 seconds"_s),
                 qPrintable(orgs->error().toString()));
        // Bounded: never more attempts than the policy allows.
        QVERIFY(server.requests().size() >= 1 && server.requests().size() <= 2);

        auto test = keep(new EmbeddingTest(server.url().authority(), SecretBuffer(QByteArray("al-x"))));
        test->setLimits(500, EmbeddingTest::kMaxAnswerBytes);
        test->start();
        QVERIFY(finishes(test.get(), 20000));
        QCOMPARE(test->error().kind(), ApiError::Kind::Timeout);
        QVERIFY2(test->message().contains(u"within 0.5 seconds"_s), qPrintable(test->message()));
    }
};

QTEST_GUILESS_MAIN(TestClient)
#include "tst_client.moc"
