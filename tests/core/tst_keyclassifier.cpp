#include "audit/keyclassifier.h"

#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

const QDateTime kNow(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
constexpr qint64 kDay = KeyClassifier::kMsPerDay;

QDateTime msAgo(qint64 ms)
{
    return kNow.addMSecs(-ms);
}

AiKey makeKey(const QDateTime &created, const std::optional<QDateTime> &lastUsed,
              const QString &group = u"p1"_s, const QString &id = u"k"_s)
{
    AiKey k;
    k.apiKeyId = id;
    k.name = id;
    k.groupId = group;
    k.createdAt = created;
    k.lastUsedAt = lastUsed;
    return k;
}

} // namespace

Q_DECLARE_METATYPE(std::optional<QDateTime>)

class TestKeyClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QDateTime>("created");
        QTest::addColumn<std::optional<QDateTime>>("lastUsed");
        QTest::addColumn<KeyClass>("expected");
        const std::optional<QDateTime> never;
        const QDateTime old = msAgo(400 * kDay);

        QTest::newRow("never used, created long ago") << old << never << KeyClass::NeverUsed;
        QTest::newRow("never used, created exactly 7 days ago")
            << msAgo(7 * kDay) << never << KeyClass::RecentlyCreated;
        QTest::newRow("never used, created 7 days + 1 ms ago")
            << msAgo(7 * kDay + 1) << never << KeyClass::NeverUsed;
        QTest::newRow("never used, created 7 days - 1 ms ago")
            << msAgo(7 * kDay - 1) << never << KeyClass::RecentlyCreated;
        QTest::newRow("never used, created just now") << kNow << never << KeyClass::RecentlyCreated;
        QTest::newRow("never used, created in the future")
            << kNow.addDays(3) << never << KeyClass::RecentlyCreated;
        QTest::newRow("never used, creation unknown") << QDateTime() << never << KeyClass::NeverUsed;
        QTest::newRow("used, but the time is invalid")
            << old << std::optional(QDateTime()) << KeyClass::NeverUsed;
        QTest::newRow("used exactly 90 days ago")
            << old << std::optional(msAgo(90 * kDay)) << KeyClass::Active;
        QTest::newRow("used 90 days + 1 ms ago")
            << old << std::optional(msAgo(90 * kDay + 1)) << KeyClass::Stale;
        QTest::newRow("used 90 days - 1 ms ago")
            << old << std::optional(msAgo(90 * kDay - 1)) << KeyClass::Active;
        QTest::newRow("used a year ago") << old << std::optional(msAgo(365 * kDay)) << KeyClass::Stale;
        QTest::newRow("used just now") << old << std::optional(kNow) << KeyClass::Active;
        QTest::newRow("used in the future (clock skew)")
            << old << std::optional(kNow.addDays(400)) << KeyClass::Active;
        QTest::newRow("used, creation unknown")
            << QDateTime() << std::optional(msAgo(kDay)) << KeyClass::Active;
        QTest::newRow("created yesterday, already used")
            << msAgo(kDay) << std::optional(kNow) << KeyClass::Active;
    }

    void classify()
    {
        QFETCH(QDateTime, created);
        QFETCH(std::optional<QDateTime>, lastUsed);
        QFETCH(KeyClass, expected);
        QCOMPARE(KeyClassifier().classify(makeKey(created, lastUsed), kNow), expected);
    }

    void customThresholds()
    {
        const KeyClassifier strict({1, 30});
        QCOMPARE(strict.thresholds().graceDays, 1);
        QCOMPARE(strict.thresholds().staleDays, 30);
        QCOMPARE(strict.classify(makeKey(msAgo(2 * kDay), std::nullopt), kNow), KeyClass::NeverUsed);
        QCOMPARE(strict.classify(makeKey(msAgo(kDay), std::nullopt), kNow), KeyClass::RecentlyCreated);
        QCOMPARE(strict.classify(makeKey(msAgo(400 * kDay), msAgo(31 * kDay)), kNow), KeyClass::Stale);
        QCOMPARE(strict.classify(makeKey(msAgo(400 * kDay), msAgo(30 * kDay)), kNow), KeyClass::Active);

        // Zero grace: only a key created at this very instant (or later) is "recent".
        const KeyClassifier zero({0, 0});
        QCOMPARE(zero.classify(makeKey(kNow, std::nullopt), kNow), KeyClass::RecentlyCreated);
        QCOMPARE(zero.classify(makeKey(msAgo(1), std::nullopt), kNow), KeyClass::NeverUsed);
        QCOMPARE(zero.classify(makeKey(msAgo(kDay), kNow), kNow), KeyClass::Active);
        QCOMPARE(zero.classify(makeKey(msAgo(kDay), msAgo(1)), kNow), KeyClass::Stale);

        const KeyClassifier negative({-5, -1});
        QCOMPARE(negative.thresholds().graceDays, 0);
        QCOMPARE(negative.thresholds().staleDays, 0);
    }

    // The same instants written in other offsets, and "now" in another zone, change nothing.
    void timeZonesDoNotMatter_data()
    {
        QTest::addColumn<int>("offsetSeconds");
        QTest::newRow("UTC") << 0;
        QTest::newRow("UTC-12") << -12 * 3600;
        QTest::newRow("UTC+14") << 14 * 3600;
        QTest::newRow("UTC+05:45") << 5 * 3600 + 45 * 60;
    }

    void timeZonesDoNotMatter()
    {
        QFETCH(int, offsetSeconds);
        const KeyClassifier classifier;
        const QDateTime now = kNow.toOffsetFromUtc(offsetSeconds);
        QCOMPARE(now, kNow); // same instant
        const struct
        {
            QDateTime created;
            std::optional<QDateTime> used;
            KeyClass cls;
            LastUseBucket bucket;
        } cases[] = {
            {msAgo(7 * kDay), std::nullopt, KeyClass::RecentlyCreated, LastUseBucket::Never},
            {msAgo(7 * kDay + 1), std::nullopt, KeyClass::NeverUsed, LastUseBucket::Never},
            {msAgo(400 * kDay), msAgo(90 * kDay), KeyClass::Active, LastUseBucket::Within90Days},
            {msAgo(400 * kDay), msAgo(90 * kDay + 1), KeyClass::Stale, LastUseBucket::Older},
            {msAgo(400 * kDay), msAgo(kDay), KeyClass::Active, LastUseBucket::Today},
            {msAgo(400 * kDay), msAgo(kDay + 1), KeyClass::Active, LastUseBucket::Within7Days},
        };
        for (const auto &c : cases) {
            const std::optional<QDateTime> usedHere =
                c.used ? std::optional(c.used->toOffsetFromUtc(-offsetSeconds)) : std::nullopt;
            const AiKey key = makeKey(c.created.toOffsetFromUtc(-offsetSeconds), usedHere);
            QCOMPARE(classifier.classify(key, now), c.cls);
            QCOMPARE(KeyClassifier::bucket(key, now), c.bucket);
            // Local time of this machine, whatever it is, is one more representation of the instant.
            const AiKey local = makeKey(c.created.toLocalTime(),
                                        c.used ? std::optional(c.used->toLocalTime()) : std::nullopt);
            QCOMPARE(classifier.classify(local, now.toLocalTime()), c.cls);
        }
        // A real zone with daylight saving: from 1 January to 1 April New York moves its clocks an hour
        // forward, so wall-clock days and elapsed days disagree by an hour. Elapsed time decides.
        const QTimeZone newYork("America/New_York");
        if (newYork.isValid()) {
            const QDateTime april(QDate(2026, 4, 1), QTime(12, 0), newYork);
            const QDateTime created(QDate(2025, 1, 1), QTime(0, 0), newYork);
            // 11:30 on 1 January: 90 days and 30 minutes earlier on the wall, 90 days minus 30 minutes
            // of elapsed time.
            const QDateTime janLate(QDate(2026, 1, 1), QTime(11, 30), newYork);
            QCOMPARE(janLate.msecsTo(april), 90 * kDay - 30 * 60 * 1000);
            QCOMPARE(classifier.classify(makeKey(created, janLate), april), KeyClass::Active);
            const QDateTime janEarly(QDate(2026, 1, 1), QTime(10, 59), newYork);
            QCOMPARE(classifier.classify(makeKey(created, janEarly), april), KeyClass::Stale);
        }
    }

    void buckets_data()
    {
        QTest::addColumn<std::optional<QDateTime>>("lastUsed");
        QTest::addColumn<LastUseBucket>("expected");
        QTest::newRow("never") << std::optional<QDateTime>() << LastUseBucket::Never;
        QTest::newRow("invalid time") << std::optional(QDateTime()) << LastUseBucket::Never;
        QTest::newRow("future") << std::optional(kNow.addDays(2)) << LastUseBucket::Today;
        QTest::newRow("now") << std::optional(kNow) << LastUseBucket::Today;
        QTest::newRow("exactly 1 day") << std::optional(msAgo(kDay)) << LastUseBucket::Today;
        QTest::newRow("1 day + 1 ms") << std::optional(msAgo(kDay + 1)) << LastUseBucket::Within7Days;
        QTest::newRow("exactly 7 days") << std::optional(msAgo(7 * kDay)) << LastUseBucket::Within7Days;
        QTest::newRow("7 days + 1 ms") << std::optional(msAgo(7 * kDay + 1)) << LastUseBucket::Within30Days;
        QTest::newRow("exactly 30 days") << std::optional(msAgo(30 * kDay)) << LastUseBucket::Within30Days;
        QTest::newRow("30 days + 1 ms") << std::optional(msAgo(30 * kDay + 1)) << LastUseBucket::Within90Days;
        QTest::newRow("exactly 90 days") << std::optional(msAgo(90 * kDay)) << LastUseBucket::Within90Days;
        QTest::newRow("90 days + 1 ms") << std::optional(msAgo(90 * kDay + 1)) << LastUseBucket::Older;
        QTest::newRow("10 years") << std::optional(msAgo(3650 * kDay)) << LastUseBucket::Older;
    }

    void buckets()
    {
        QFETCH(std::optional<QDateTime>, lastUsed);
        QFETCH(LastUseBucket, expected);
        QCOMPARE(KeyClassifier::bucket(makeKey(msAgo(5000 * kDay), lastUsed), kNow), expected);
    }

    // With the default thresholds, the Older bucket and the Stale class are the same keys.
    void olderBucketIsStaleClass()
    {
        const KeyClassifier classifier;
        for (qint64 ms : {89 * kDay, 90 * kDay, 90 * kDay + 1, 91 * kDay, 1000 * kDay}) {
            const AiKey key = makeKey(msAgo(2000 * kDay), msAgo(ms));
            QCOMPARE(KeyClassifier::bucket(key, kNow) == LastUseBucket::Older,
                     classifier.classify(key, kNow) == KeyClass::Stale);
        }
    }

    void summary()
    {
        const QList<AiKey> keys = {
            makeKey(msAgo(100 * kDay), std::nullopt, u"p1"_s, u"never"_s),        // NeverUsed, Never
            makeKey(msAgo(2 * kDay), std::nullopt, u"p1"_s, u"new"_s),            // RecentlyCreated, Never
            makeKey(msAgo(300 * kDay), msAgo(200 * kDay), u"p2"_s, u"stale"_s),   // Stale, Older
            makeKey(msAgo(300 * kDay), msAgo(250 * kDay), u"p2"_s, u"stalest"_s), // Stale, Older
            makeKey(msAgo(300 * kDay), msAgo(kDay / 2), u"p2"_s, u"today"_s),     // Active, Today
            makeKey(msAgo(300 * kDay), msAgo(20 * kDay), u"p3"_s, u"month"_s),    // Active, Within30Days
            makeKey(msAgo(300 * kDay), kNow.addDays(1), QString(), u"future"_s),  // Active, Today
            makeKey(msAgo(300 * kDay), msAgo(45 * kDay), u"p3"_s, u"quarter"_s),  // Active, Within90Days
            makeKey(msAgo(300 * kDay), msAgo(3 * kDay), u"p3"_s, u"week"_s),      // Active, Within7Days
        };
        const AuditSummary s = KeyClassifier().summarize(keys, kNow);
        QCOMPARE(s.total, 9);
        QCOMPARE(s.count(KeyClass::NeverUsed), 1);
        QCOMPARE(s.count(KeyClass::RecentlyCreated), 1);
        QCOMPARE(s.count(KeyClass::Stale), 2);
        QCOMPARE(s.count(KeyClass::Active), 5);
        QCOMPARE(s.count(LastUseBucket::Never), 2);
        QCOMPARE(s.count(LastUseBucket::Today), 2);
        QCOMPARE(s.count(LastUseBucket::Within7Days), 1);
        QCOMPARE(s.count(LastUseBucket::Within30Days), 1);
        QCOMPARE(s.count(LastUseBucket::Within90Days), 1);
        QCOMPARE(s.count(LastUseBucket::Older), 2);
        QVERIFY(s.oldestLastUse.has_value());
        QCOMPARE(*s.oldestLastUse, msAgo(250 * kDay));
        QCOMPARE(s.oldestLastUseKeyId, u"stalest"_s);
        QCOMPARE(s.keysPerProject.value(u"p1"_s), 2);
        QCOMPARE(s.keysPerProject.value(u"p2"_s), 3);
        QCOMPARE(s.keysPerProject.value(u"p3"_s), 3);
        QCOMPARE(s.keysPerProject.value(QString()), 1);
        QCOMPARE(s.keysPerProject.size(), 4);

        const AuditSummary empty = KeyClassifier().summarize({}, kNow);
        QCOMPARE(empty.total, 0);
        QVERIFY(!empty.oldestLastUse);
        QCOMPARE(empty.count(KeyClass::Active), 0);
        QVERIFY(empty.keysPerProject.isEmpty());

        const AuditSummary neverOnly = KeyClassifier().summarize({keys[0], keys[1]}, kNow);
        QVERIFY(!neverOnly.oldestLastUse);
        QVERIFY(neverOnly.oldestLastUseKeyId.isEmpty());
    }

    void names()
    {
        QCOMPARE(KeyClassifier::name(KeyClass::NeverUsed), u"Never used"_s);
        QCOMPARE(KeyClassifier::name(KeyClass::RecentlyCreated), u"Recently created"_s);
        QCOMPARE(KeyClassifier::name(LastUseBucket::Today), u"Last 24 hours"_s);
        QCOMPARE(KeyClassifier::id(KeyClass::Stale), u"stale"_s);
        QCOMPARE(KeyClassifier::id(LastUseBucket::Within30Days), u"30d"_s);
        // Every value has a distinct name and id.
        QSet<QString> seen;
        for (int c = 0; c < kKeyClassCount; ++c) {
            seen.insert(KeyClassifier::name(KeyClass(c)));
            seen.insert(KeyClassifier::id(KeyClass(c)));
        }
        QCOMPARE(seen.size(), 2 * kKeyClassCount);
        seen.clear();
        for (int b = 0; b < kLastUseBucketCount; ++b) {
            seen.insert(KeyClassifier::name(LastUseBucket(b)));
            seen.insert(KeyClassifier::id(LastUseBucket(b)));
        }
        QCOMPARE(seen.size(), 2 * kLastUseBucketCount);
    }
};

QTEST_GUILESS_MAIN(TestKeyClassifier)
#include "tst_keyclassifier.moc"
