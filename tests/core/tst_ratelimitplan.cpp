// Rate-limit arithmetic: limits joined with the org's ceilings (headroom), edit validation, and
// over-subscription across an organization's projects; and RateLimitChanges, the one place that
// changes them, over a scripted Atlas network.
#include "ratelimits/ratelimitchanges.h"
#include "ratelimits/ratelimitplan.h"
#include "testsupport.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <climits>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

RateLimit limit(const QString &group, qint64 rpm, qint64 tpm, const QString &geography = u"ANY"_s)
{
    RateLimit l;
    l.modelGroupName = group;
    l.modelNames = {group + u"-model"_s};
    l.requestsPerMinuteLimit = rpm;
    l.tokensPerMinuteLimit = tpm;
    l.cloud = u"ANY"_s;
    l.geography = geography;
    return l;
}

const QString kProject = u"6650c2f1a1b2c3d4e5f60718"_s;
const QString kLimitPath =
    u"/api/atlas/v2/groups/6650c2f1a1b2c3d4e5f60718/aiModelApiClouds/AWS/geographies/US/"
    "modelGroupNames/embed_large/rateLimits"_s;

QJsonObject limitJson(qint64 rpm, qint64 tpm)
{
    return {{u"modelGroupName"_s, u"embed_large"_s},
            {u"modelNames"_s, QJsonArray{u"voyage-3-large"_s}},
            {u"requestsPerMinuteLimit"_s, rpm},
            {u"tokensPerMinuteLimit"_s, tpm},
            {u"cloud"_s, u"AWS"_s},
            {u"geography"_s, u"US"_s}};
}

const QList<RateLimit> kCeilings{limit(u"embed_large"_s, 4000, 8000000), limit(u"rerank"_s, 2000, 2000000)};

} // namespace

class TestRateLimitPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Messages write numbers for people, with the locale's separators.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void joinWithCeilings()
    {
        const QList<RateLimit> project{limit(u"embed_large"_s, 3000, 5000000),
                                       limit(u"rerank"_s, 2500, 1000000), limit(u"multimodal"_s, 100, 100),
                                       limit(u"embed_large"_s, 10, 10, u"EU"_s)};
        const QList<LimitRow> rows = RateLimitPlan::join(project, kCeilings);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).limit.modelGroupName, u"embed_large"_s);
        QCOMPARE(rows.at(0).ceiling->requestsPerMinuteLimit, 4000);
        QCOMPARE(rows.at(0).requestsHeadroom(), 1000);
        QCOMPARE(rows.at(0).tokensHeadroom(), 3000000);
        // Above the ceiling (a ceiling lowered later): negative headroom, said as it is.
        QCOMPARE(rows.at(1).requestsHeadroom(), -500);
        QCOMPARE(rows.at(1).tokensHeadroom(), 1000000);
        // No ceiling for the group, or for its scope: headroom unknown.
        QVERIFY(!rows.at(2).ceiling);
        QVERIFY(!rows.at(2).requestsHeadroom());
        QVERIFY(!rows.at(3).ceiling);
        // No ceilings at all (no organization role).
        const QList<LimitRow> blind = RateLimitPlan::join(project, {});
        QCOMPARE(blind.size(), 4);
        QVERIFY(!blind.at(0).tokensHeadroom());
    }

    void scopeDefaultsToAny()
    {
        RateLimit bare = limit(u"rerank"_s, 1, 1);
        bare.cloud.clear();
        bare.geography.clear();
        QCOMPARE(RateLimitPlan::matchKey(bare), RateLimitPlan::matchKey(kCeilings.at(1)));
        QVERIFY(RateLimitPlan::ceilingFor(bare, kCeilings));
    }

    void validateEdit_data()
    {
        QTest::addColumn<qint64>("rpm");
        QTest::addColumn<qint64>("tpm");
        QTest::addColumn<bool>("withCeiling");
        QTest::addColumn<QString>("problemContains");
        QTest::newRow("within") << qint64(100) << qint64(100) << true << QString();
        QTest::newRow("exactly the ceiling") << qint64(4000) << qint64(8000000) << true << QString();
        QTest::newRow("one above on requests") << qint64(4001) << qint64(1) << true << u"4,000"_s;
        QTest::newRow("one above on tokens") << qint64(1) << qint64(8000001) << true << u"8,000,000"_s;
        QTest::newRow("zero requests") << qint64(0) << qint64(1) << true << u"at least 1"_s;
        QTest::newRow("negative tokens") << qint64(1) << qint64(-5) << true << u"at least 1"_s;
        QTest::newRow("ceiling unknown, large") << qint64(999999) << qint64(999999) << false << QString();
        QTest::newRow("ceiling unknown, beyond an int")
            << qint64(INT_MAX) + 1 << qint64(1) << false << u"above"_s;
    }

    void validateEdit()
    {
        QFETCH(qint64, rpm);
        QFETCH(qint64, tpm);
        QFETCH(bool, withCeiling);
        QFETCH(QString, problemContains);
        const QString problem = RateLimitPlan::validateEdit(
            rpm, tpm, withCeiling ? std::optional<RateLimit>(kCeilings.at(0)) : std::nullopt);
        if (problemContains.isEmpty())
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        else
            QVERIFY2(problem.contains(problemContains), qPrintable(problem));
    }

    void oversubscription()
    {
        const QHash<QString, QList<RateLimit>> projects{
            {u"p1"_s, {limit(u"embed_large"_s, 2000, 3000000), limit(u"rerank"_s, 1000, 1000000)}},
            {u"p2"_s, {limit(u"embed_large"_s, 2000, 3000000), limit(u"rerank"_s, 1000, 1000000)}},
            {u"p3"_s, {limit(u"embed_large"_s, 500, 3000000)}},
        };
        const QList<Oversubscription> over = RateLimitPlan::oversubscriptions(kCeilings, projects);
        // embed_large: 4,500 requests > 4,000, 9,000,000 tokens > 8,000,000. rerank: exactly 2,000 and
        // 2,000,000, which fits.
        QCOMPARE(over.size(), 1);
        const Oversubscription &o = over.first();
        QCOMPARE(o.ceiling.modelGroupName, u"embed_large"_s);
        QCOMPARE(o.requestsTotal, 4500);
        QCOMPARE(o.tokensTotal, 9000000);
        QVERIFY(o.requestsOver());
        QVERIFY(o.tokensOver());
        QCOMPARE(o.projects.size(), 3);
        QCOMPARE(o.projects.at(0).first, u"p1"_s); // largest first, ties by id
        QCOMPARE(o.projects.at(1).first, u"p2"_s);
        QCOMPARE(o.projects.at(2).first, u"p3"_s);

        // Tokens alone over the ceiling still warn.
        const QList<Oversubscription> tokensOnly =
            RateLimitPlan::oversubscriptions(kCeilings, {{u"p1"_s, {limit(u"rerank"_s, 10, 2000001)}}});
        QCOMPARE(tokensOnly.size(), 1);
        QVERIFY(!tokensOnly.first().requestsOver());
        QVERIFY(tokensOnly.first().tokensOver());

        QVERIFY(RateLimitPlan::oversubscriptions(kCeilings, {}).isEmpty());
    }

    void allocationsCoverEveryGroup()
    {
        const QHash<QString, QList<RateLimit>> projects{
            {u"p1"_s, {limit(u"embed_large"_s, 2000, 3000000), limit(u"rerank"_s, 1000, 1000000)}},
            {u"p2"_s, {limit(u"embed_large"_s, 2500, 3000000)}},
        };
        const QList<GroupAllocation> all = RateLimitPlan::allocations(kCeilings, projects);
        // One per ceiling, in the ceilings' order, over or not.
        QCOMPARE(all.size(), kCeilings.size());
        for (qsizetype i = 0; i < all.size(); ++i)
            QCOMPARE(all.at(i).ceiling.modelGroupName, kCeilings.at(i).modelGroupName);
        const GroupAllocation &large = all.at(0);
        QCOMPARE(large.requestsTotal, 4500);
        QCOMPARE(large.tokensTotal, 6000000);
        QVERIFY(large.isOver());
        QCOMPARE(large.projects.first().first, u"p2"_s);
        const GroupAllocation &rerank = all.at(1);
        QCOMPARE(rerank.requestsTotal, 1000);
        QVERIFY(!rerank.isOver());
        // The over-subscribed ones are exactly those of the allocations that are over.
        const QList<Oversubscription> over = RateLimitPlan::oversubscriptions(kCeilings, projects);
        QCOMPARE(over.size(), 1);
        QCOMPARE(over.first().ceiling.modelGroupName, u"embed_large"_s);
        // No project: every group, at zero.
        for (const GroupAllocation &a : RateLimitPlan::allocations(kCeilings, {})) {
            QCOMPARE(a.requestsTotal, 0);
            QVERIFY(a.projects.isEmpty());
        }
    }
    void changesCheckTheCeilingBeforeSending()
    {
        using namespace aikeys::test;
        auto *net = new FakeNetwork;
        TestClient client = openFakeClient(net);
        net->on("PATCH", kLimitPath, FakeAnswer::json(QJsonDocument(limitJson(1000, 2000000))));
        RateLimitChanges changes;
        changes.setClient(client.api.get());
        LimitRow row{limit(u"embed_large"_s, 300, 600000, u"US"_s), limit(u"embed_large"_s, 4000, 8000000)};
        row.limit.cloud = u"AWS"_s;
        QSignalSpy busy(&changes, &RateLimitChanges::busyChanged);
        QSignalSpy changed(&changes, &RateLimitChanges::limitChanged);

        // Above the ceiling: refused with the rule, nothing sent.
        QVERIFY(changes.update(kProject, row, 5000, 600000).contains(u"4,000"_s));
        QCOMPARE(net->requestCount(), 0);
        QCOMPARE(busy.count(), 0);

        QCOMPARE(changes.update(kProject, row, 1000, 2000000), QString());
        QVERIFY(changes.isBusy());
        QCOMPARE(busy.count(), 1);
        QCOMPARE(busy.at(0).at(1).toString(), u"Saving embed_large\u2026"_s);
        // One change at a time.
        QVERIFY(!changes.update(kProject, row, 900, 2000000).isEmpty());
        QVERIFY(!changes.reset(kProject, row.limit));
        QVERIFY(changed.wait(5000));
        QVERIFY(!changes.isBusy());
        QCOMPARE(changed.at(0).at(0).toString(), kProject);
        QCOMPARE(changed.at(0).at(1).value<RateLimit>().requestsPerMinuteLimit, 1000);
        QVERIFY2(changed.at(0).at(2).toString().contains(u"1,000 requests"_s),
                 qPrintable(changed.at(0).at(2).toString()));
        // The limit's own cloud and geography, the new values in the body.
        const QList<RecordedRequest> sent = net->recorded("PATCH", kLimitPath);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(net->requestCount(), 1);
        const QJsonObject body = QJsonDocument::fromJson(sent.first().body).object();
        QCOMPARE(body.value(u"requestsPerMinuteLimit"_s).toInteger(), 1000);
        QCOMPARE(body.value(u"tokensPerMinuteLimit"_s).toInteger(), 2000000);
        client.api.reset();
    }

    void resetsReportTheirProjectAndTheirFailure()
    {
        using namespace aikeys::test;
        auto *net = new FakeNetwork;
        TestClient client = openFakeClient(net);
        net->on("POST", kLimitPath + u":reset"_s,
                FakeAnswer::atlasError(403, "USER_UNAUTHORIZED", u"Current user is not authorized."_s));
        net->on("POST", u"/api/atlas/v2/groups/*/aiModelApiRateLimits:reset"_s,
                FakeAnswer::page(QJsonArray{limitJson(300, 600000)}));
        RateLimitChanges changes;
        changes.setClient(client.api.get());
        RateLimit l = limit(u"embed_large"_s, 900, 900000, u"US"_s);
        l.cloud = u"AWS"_s;

        QSignalSpy failed(&changes, &RateLimitChanges::failed);
        QVERIFY(changes.reset(kProject, l));
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).toString(), kProject);
        QCOMPARE(failed.at(0).at(1).toString(), u"embed_large was not reset:"_s);
        const auto error = failed.at(0).at(2).value<ApiError>();
        QCOMPARE(error.httpStatus(), 403);
        QVERIFY2(error.hint().contains(u"Project"_s), qPrintable(error.hint())); // the role it needs

        QSignalSpy reset(&changes, &RateLimitChanges::limitsReset);
        QVERIFY(changes.resetAll(kProject));
        QVERIFY(reset.wait(5000));
        QCOMPARE(reset.at(0).at(0).toString(), kProject);
        const auto limits = reset.at(0).at(1).value<QList<RateLimit>>();
        QCOMPARE(limits.size(), 1);
        QCOMPARE(limits.first().requestsPerMinuteLimit, 300);

        // Signed out: nothing can be sent, and the page is told why.
        changes.setClient(nullptr);
        QVERIFY(!changes.resetAll(kProject));
        QVERIFY(changes.update(kProject, LimitRow{l, std::nullopt}, 100, 100).contains(u"Not signed in"_s));
        QCOMPARE(net->requestCount(), 2);
        client.api.reset();
    }
};

QTEST_GUILESS_MAIN(TestRateLimitPlan)
#include "tst_ratelimitplan.moc"
