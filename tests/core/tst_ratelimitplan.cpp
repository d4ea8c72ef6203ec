// Rate-limit arithmetic: limits joined with the org's ceilings (headroom), edit validation, and
// over-subscription across an organization's projects.
#include "ratelimits/ratelimitplan.h"

#include <QLocale>
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
};

QTEST_GUILESS_MAIN(TestRateLimitPlan)
#include "tst_ratelimitplan.moc"
