// The rotation tracker: state transitions under an injected clock, the replacement's name, and
// persistence (ids, names, times; never a secret).
#include "rotation/rotationtracker.h"
#include "testenv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

const QDateTime kStart(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
constexpr qint64 kHour = 3600 * 1000;
const QString kProject = u"32b6e34b3d91647abb20e7b8"_s;
const QString kAtlas = u"https://cloud.mongodb.com"_s;

AiKey key(const QString &id, const QString &name, const QDateTime &created,
          const std::optional<QDateTime> &lastUsed)
{
    AiKey k;
    k.apiKeyId = id;
    k.name = name;
    k.groupId = kProject;
    k.cloud = u"ANY"_s;
    k.geography = u"ANY"_s;
    k.createdAt = created;
    k.lastUsedAt = lastUsed;
    k.maskedSecret = u"al-****zq9x"_s;
    return k;
}

struct ManualClock
{
    QDateTime now = kStart;
    void advance(qint64 ms) { now = now.addMSecs(ms); }
};

} // namespace

class TestRotationTracker : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        test::prepareTestEnvironment();
        QVERIFY(m_dir.isValid());
    }

    void defaultsAndPath()
    {
        RotationTracker tracker(QString{});
        QCOMPARE(tracker.idleHours(), 24);
        QCOMPARE(tracker.count(), 0);
        QVERIFY(RotationTracker::defaultStoragePath().endsWith(u"rotations.json"_s));
        tracker.setIdleHours(0);
        QCOMPARE(tracker.idleHours(), 1);
        tracker.setIdleHours(100000);
        QCOMPARE(tracker.idleHours(), 8760);
    }

    void transitions()
    {
        ManualClock clock;
        RotationTracker tracker(QString{});
        tracker.setClock([&clock] { return clock.now; });
        QSignalSpy changed(&tracker, &RotationTracker::rotationChanged);

        const AiKey oldKey =
            key(u"old0000000000000000000001"_s, u"search"_s, kStart.addDays(-200), kStart.addSecs(-300));
        const AiKey newKey =
            key(u"new0000000000000000000001"_s, u"search (rotated 2026-03-01)"_s, kStart, {});
        const QString id = tracker.add(oldKey, u"search-prod"_s, newKey, kAtlas);
        QCOMPARE(tracker.state(id), RotationState::WaitingForNewKey);
        QVERIFY(!RotationTracker::retireSuggestedAt(*tracker.rotation(id), tracker.idleMs()));

        // Hours pass without the new key being used: still waiting, however idle the old key is.
        clock.advance(48 * kHour);
        QCOMPARE(tracker.state(id), RotationState::WaitingForNewKey);

        // The new key's first use; the old key's last use was before it.
        clock.advance(kHour);
        const QDateTime firstUse = clock.now.addSecs(-60);
        tracker.updateKey(id, key(newKey.apiKeyId, newKey.name, kStart, firstUse));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(tracker.rotation(id)->newFirstSeenUsedAt, firstUse);
        // The old key was last used 5 minutes before the rotation, long over 24 hours ago; but idle
        // before the switch proves nothing: the wait starts at the new key's first use.
        QCOMPARE(tracker.state(id), RotationState::OldKeyIdle);
        QCOMPARE(RotationTracker::oldIdleSince(*tracker.rotation(id)), firstUse);
        QCOMPARE(RotationTracker::oldLastActivity(*tracker.rotation(id)), kStart.addSecs(-300));
        QCOMPARE(RotationTracker::retireSuggestedAt(*tracker.rotation(id), tracker.idleMs()),
                 firstUse.addMSecs(24 * kHour));
        clock.now = firstUse.addMSecs(24 * kHour - 1);
        QCOMPARE(tracker.state(id), RotationState::OldKeyIdle);
        clock.now = firstUse.addMSecs(24 * kHour);
        QCOMPARE(tracker.state(id), RotationState::ReadyToRetire);

        // Then the old key is used again, after the new one came into use: some clients did not switch.
        const QDateTime oldUse = clock.now;
        tracker.updateKey(id, key(oldKey.apiKeyId, oldKey.name, oldKey.createdAt, oldUse));
        QCOMPARE(tracker.state(id), RotationState::OldKeyStillUsed);
        // Later uses of the new key do not move its first seen use.
        tracker.updateKey(id, key(newKey.apiKeyId, newKey.name, kStart, clock.now.addSecs(10)));
        QCOMPARE(tracker.rotation(id)->newFirstSeenUsedAt, firstUse);
        QCOMPARE(tracker.state(id), RotationState::OldKeyStillUsed);

        // Exactly on the idle time counts as idle long enough; a millisecond before does not.
        clock.now = oldUse.addMSecs(24 * kHour - 1);
        QCOMPARE(tracker.state(id), RotationState::OldKeyStillUsed);
        clock.now = oldUse.addMSecs(24 * kHour);
        QCOMPARE(tracker.state(id), RotationState::ReadyToRetire);
        QCOMPARE(RotationTracker::retireSuggestedAt(*tracker.rotation(id), tracker.idleMs()),
                 oldUse.addMSecs(24 * kHour));

        // A shorter idle time, chosen in the preferences, applies at once.
        clock.now = oldUse.addMSecs(3 * kHour);
        QCOMPARE(tracker.state(id), RotationState::OldKeyStillUsed);
        tracker.setIdleHours(2);
        QCOMPARE(tracker.state(id), RotationState::ReadyToRetire);
        tracker.setIdleHours(24);

        // Keys deleted elsewhere.
        tracker.markKeyGone(id, oldKey.apiKeyId);
        QCOMPARE(tracker.state(id), RotationState::OldKeyGone);
        tracker.updateKey(
            id, key(oldKey.apiKeyId, oldKey.name, oldKey.createdAt, oldUse)); // back (a 404 was wrong)
        QCOMPARE(tracker.state(id), RotationState::OldKeyStillUsed);
        tracker.markKeyGone(id, newKey.apiKeyId);
        QCOMPARE(tracker.state(id), RotationState::NewKeyGone);

        QSignalSpy removed(&tracker, &RotationTracker::rotationRemoved);
        QVERIFY(tracker.remove(id));
        QCOMPARE(removed.count(), 1);
        QVERIFY(!tracker.remove(id));
        QVERIFY(!tracker.state(id));
    }

    void oldKeyIdleBetweenSwitchAndRetire()
    {
        ManualClock clock;
        RotationTracker tracker(QString{});
        tracker.setClock([&clock] { return clock.now; });
        const QDateTime oldUse = kStart.addSecs(-3600);
        const QString id = tracker.add(key(u"o"_s, u"o"_s, kStart.addDays(-10), oldUse), u"p"_s,
                                       key(u"n"_s, u"n"_s, kStart, {}), kAtlas);
        clock.advance(2 * kHour);
        const QDateTime switched = clock.now;
        tracker.updateKey(id, key(u"n"_s, u"n"_s, kStart, switched));
        QCOMPARE(tracker.state(id), RotationState::OldKeyIdle);
        // Idle since the new key came into use, not since the old key's last use before the rotation.
        QCOMPARE(RotationTracker::oldIdleSince(*tracker.rotation(id)), switched);
        QCOMPARE(RotationTracker::stateName(RotationState::OldKeyIdle), u"Old key idle"_s);
        clock.now = oldUse.addMSecs(24 * kHour);
        QCOMPARE(tracker.state(id), RotationState::OldKeyIdle);
        clock.now = switched.addMSecs(24 * kHour);
        QCOMPARE(tracker.state(id), RotationState::ReadyToRetire);
    }

    void oldKeyUsedAfterTheSwitchIsIdleSinceThatUse()
    {
        ManualClock clock;
        RotationTracker tracker(QString{});
        tracker.setClock([&clock] { return clock.now; });
        const QString id = tracker.add(key(u"o"_s, u"o"_s, kStart.addDays(-10), kStart.addSecs(-60)), u"p"_s,
                                       key(u"n"_s, u"n"_s, kStart, {}), kAtlas);
        const QDateTime switched = kStart.addSecs(600);
        const QDateTime oldUse = kStart.addSecs(3600);
        clock.now = kStart.addSecs(2 * 3600);
        tracker.updateKey(id, key(u"n"_s, u"n"_s, kStart, switched));
        tracker.updateKey(id, key(u"o"_s, u"o"_s, kStart.addDays(-10), oldUse));
        QCOMPARE(tracker.state(id), RotationState::OldKeyStillUsed);
        QCOMPARE(RotationTracker::oldIdleSince(*tracker.rotation(id)), oldUse);
        clock.now = oldUse.addMSecs(24 * kHour);
        QCOMPARE(tracker.state(id), RotationState::ReadyToRetire);
    }

    void keyTestIsNotTheFirstUse()
    {
        ManualClock clock;
        RotationTracker tracker(QString{});
        tracker.setClock([&clock] { return clock.now; });
        const AiKey oldKey = key(u"o"_s, u"o"_s, kStart.addDays(-100), kStart.addDays(-3));
        const AiKey newKey = key(u"n"_s, u"n"_s, kStart, {});
        const QString id = tracker.add(oldKey, u"p"_s, newKey, kAtlas);

        // "Test Key" in the secret dialog a minute after creating: Atlas records that use.
        clock.advance(60 * 1000);
        const QDateTime testUse = clock.now.addMSecs(-400);
        tracker.markNewKeyTested(id, clock.now);
        QCOMPARE(tracker.rotation(id)->newKeyTestedAt, clock.now);
        tracker.updateKey(id, key(u"n"_s, u"n"_s, kStart, testUse));
        QCOMPARE(tracker.rotation(id)->newLastUsedAt, testUse);
        QVERIFY(!tracker.rotation(id)->newFirstSeenUsedAt);
        QCOMPARE(tracker.state(id), RotationState::WaitingForNewKey);
        QVERIFY(!RotationTracker::retireSuggestedAt(*tracker.rotation(id), tracker.idleMs()));

        // Days later, with no application on the new key, it is still waiting: retiring is not
        // suggested however idle the old key is.
        clock.advance(72 * kHour);
        QCOMPARE(tracker.state(id), RotationState::WaitingForNewKey);

        // A use within the slack after the test (Atlas's clock a little ahead) is still the test's.
        tracker.updateKey(id, key(u"n"_s, u"n"_s, kStart, testUse.addMSecs(RotationTracker::kTestSlackMs)));
        QCOMPARE(tracker.state(id), RotationState::WaitingForNewKey);

        // An application's first use: the old key's idle time starts there.
        const QDateTime clientUse = clock.now.addSecs(-30);
        tracker.updateKey(id, key(u"n"_s, u"n"_s, kStart, clientUse));
        QCOMPARE(tracker.rotation(id)->newFirstSeenUsedAt, clientUse);
        QCOMPARE(tracker.state(id), RotationState::OldKeyIdle);
        QCOMPARE(RotationTracker::oldIdleSince(*tracker.rotation(id)), clientUse);
        clock.now = clientUse.addMSecs(24 * kHour - 1);
        QCOMPARE(tracker.state(id), RotationState::OldKeyIdle);
        clock.now = clientUse.addMSecs(24 * kHour);
        QCOMPARE(tracker.state(id), RotationState::ReadyToRetire);
    }

    void refreshBeforeTheTestReportsIsUndone()
    {
        // A periodic refresh may read the test's use before the test itself reports back.
        ManualClock clock;
        RotationTracker tracker(QString{});
        tracker.setClock([&clock] { return clock.now; });
        const QString id = tracker.add(key(u"o"_s, u"o"_s, kStart.addDays(-100), kStart.addDays(-3)), u"p"_s,
                                       key(u"n"_s, u"n"_s, kStart, {}), kAtlas);
        clock.advance(30 * 1000);
        tracker.updateKey(id, key(u"n"_s, u"n"_s, kStart, clock.now.addMSecs(-10)));
        QCOMPARE(tracker.state(id), RotationState::OldKeyIdle);
        clock.advance(500);
        tracker.markNewKeyTested(id, clock.now);
        QVERIFY(!tracker.rotation(id)->newFirstSeenUsedAt);
        QCOMPARE(tracker.state(id), RotationState::WaitingForNewKey);
        // A test reported late (an earlier time) changes nothing.
        tracker.markNewKeyTested(id, clock.now.addSecs(-5));
        QCOMPARE(tracker.rotation(id)->newKeyTestedAt, clock.now);
    }

    void anotherAtlasIsNeverReady()
    {
        ManualClock clock;
        RotationTracker tracker(QString{});
        tracker.setClock([&clock] { return clock.now; });
        const QString id = tracker.add(key(u"o"_s, u"o"_s, kStart.addDays(-10), kStart.addDays(-5)), u"p"_s,
                                       key(u"n"_s, u"n"_s, kStart, {}), u"http://127.0.0.1:40001"_s);
        const QString legacy = tracker.add(key(u"o2"_s, u"o2"_s, kStart.addDays(-10), kStart.addDays(-5)),
                                           u"p"_s, key(u"n2"_s, u"n2"_s, kStart, {}), QString());
        for (const QString &r : {id, legacy})
            tracker.updateKey(r, key(r == id ? u"n"_s : u"n2"_s, u"n"_s, kStart, kStart.addSecs(10)));
        clock.advance(48 * kHour);
        // Signed in to that Atlas (or not known): the rules as usual.
        QCOMPARE(tracker.state(id), RotationState::ReadyToRetire);
        tracker.setAtlasUrl(u"http://127.0.0.1:40001"_s);
        QCOMPARE(tracker.state(id), RotationState::ReadyToRetire);

        // Another Atlas (a later demo's simulator on another port): never ready, whatever the times.
        QSignalSpy changed(&tracker, &RotationTracker::rotationChanged);
        tracker.setAtlasUrl(u"http://127.0.0.1:40002"_s);
        QCOMPARE(changed.count(), 2);
        QVERIFY(tracker.isInAnotherAtlas(*tracker.rotation(id)));
        QCOMPARE(tracker.state(id), RotationState::InAnotherAtlas);
        QCOMPARE(RotationTracker::evaluate(*tracker.rotation(id), clock.now, tracker.idleMs(),
                                           u"http://127.0.0.1:40002"_s),
                 RotationState::InAnotherAtlas);
        QCOMPARE(RotationTracker::stateName(RotationState::InAnotherAtlas),
                 u"In another Atlas: not checked"_s);
        // A rotation from before Atlas URLs were recorded is judged as before.
        QVERIFY(!tracker.isInAnotherAtlas(*tracker.rotation(legacy)));
        QCOMPARE(tracker.state(legacy), RotationState::ReadyToRetire);

        // Without a client whose Atlas matches, retiring is refused with a reason.
        QVERIFY(tracker.retireRefusal(id, nullptr).contains(u"another Atlas (http://127.0.0.1:40001)"_s));
        QVERIFY(tracker.retireRefusal(legacy, nullptr).isEmpty());
        QVERIFY(!tracker.retireRefusal(u"nope"_s, nullptr).isEmpty());
    }

    void demoModeKeepsRotationsInMemory()
    {
        const QString path = m_dir.filePath(u"switch/rotations.json"_s);
        RotationTracker tracker(path);
        const QString id =
            tracker.add(key(u"o"_s, u"o"_s, kStart, {}), u"p"_s, key(u"n"_s, u"n"_s, kStart, {}), kAtlas);
        QVERIFY(QFile::exists(path));
        QSignalSpy reset(&tracker, &RotationTracker::reset);

        // Memory only: none of the file's rotations, and nothing written to it.
        tracker.setStoragePath(QString());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(tracker.count(), 0);
        tracker.add(key(u"o2"_s, u"o2"_s, kStart, {}), u"p"_s, key(u"n2"_s, u"n2"_s, kStart, {}),
                    u"http://127.0.0.1:40001"_s);
        QCOMPARE(tracker.count(), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("\"o\""));
        QVERIFY(!bytes.contains("\"o2\""));
        file.close();

        // Back to the file: its rotations again, the memory ones gone.
        tracker.setStoragePath(path);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(tracker.count(), 1);
        QVERIFY(tracker.rotation(id));
        tracker.setStoragePath(path);
        QCOMPARE(reset.count(), 2);
    }

    void neverUsedOldKeyIsIdleSinceCreation()
    {
        ManualClock clock;
        RotationTracker tracker(QString{});
        tracker.setClock([&clock] { return clock.now; });
        const QDateTime created = kStart.addSecs(-3600);
        const QString id =
            tracker.add(key(u"o"_s, u"o"_s, created, {}), u"p"_s, key(u"n"_s, u"n"_s, kStart, {}), kAtlas);
        tracker.updateKey(id, key(u"n"_s, u"n"_s, kStart, kStart));
        QCOMPARE(RotationTracker::oldLastActivity(*tracker.rotation(id)), created);
        // The rotation started after the creation: idle since then.
        QCOMPARE(RotationTracker::oldIdleSince(*tracker.rotation(id)), kStart);
        QCOMPARE(tracker.state(id), RotationState::OldKeyIdle);
        clock.now = created.addMSecs(24 * kHour);
        QCOMPARE(tracker.state(id), RotationState::OldKeyIdle);
        clock.now = kStart.addMSecs(24 * kHour);
        QCOMPARE(tracker.state(id), RotationState::ReadyToRetire);

        // Creation unknown too: idle since the rotation began.
        const QString id2 = tracker.add(key(u"o2"_s, u"o2"_s, QDateTime(), {}), u"p"_s,
                                        key(u"n2"_s, u"n2"_s, kStart, kStart), kAtlas);
        QCOMPARE(RotationTracker::oldIdleSince(*tracker.rotation(id2)), clock.now);
        QCOMPARE(tracker.state(id2), RotationState::OldKeyIdle);
    }

    void futureUsesCountAsRecent()
    {
        // Clock skew: a last use "in the future" is idle for zero.
        const QDateTime now = kStart;
        Rotation r;
        r.startedAt = now.addDays(-2);
        r.oldLastUsedAt = now.addSecs(600);
        r.newLastUsedAt = now.addSecs(-600);
        r.newFirstSeenUsedAt = now.addSecs(-600);
        QCOMPARE(RotationTracker::evaluate(r, now, 24 * kHour), RotationState::OldKeyStillUsed);
        QCOMPARE(RotationTracker::evaluate(r, now.addMSecs(24 * kHour + 600 * 1000), 24 * kHour),
                 RotationState::ReadyToRetire);
    }

    void replacementName_data()
    {
        QTest::addColumn<QString>("oldName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"search service"_s << u"search service (rotated 2026-03-01)"_s;
        QTest::newRow("rotated before")
            << u"search (rotated 2025-12-24)"_s << u"search (rotated 2026-03-01)"_s;
        QTest::newRow("suffix not at the end")
            << u"a (rotated 2025-12-24) b"_s << u"a (rotated 2025-12-24) b (rotated 2026-03-01)"_s;
        const QString longName(250, u'x');
        QTest::newRow("cut to fit") << longName << QString(229, u'x') + u" (rotated 2026-03-01)"_s;
        // A pair of UTF-16 units straddling the cut is dropped whole.
        const QString emoji = QString(228, u'y') + u"🔑"_s + QString(20, u'z');
        QTest::newRow("surrogate pair at the cut")
            << emoji << QString(228, u'y') + u" (rotated 2026-03-01)"_s;
    }

    void replacementName()
    {
        QFETCH(QString, oldName);
        QFETCH(QString, expected);
        const QString name = RotationTracker::replacementName(oldName, QDate(2026, 3, 1));
        QCOMPARE(name, expected);
        QVERIFY(name.size() <= kKeyNameMaxLength);
        QVERIFY(!name.isEmpty() && !name.at(name.size() - 1).isHighSurrogate());
    }

    void persistenceHoldsNoSecret()
    {
        const QString path = m_dir.filePath(u"sub/rotations.json"_s);
        ManualClock clock;
        QString id;
        {
            RotationTracker tracker(path);
            tracker.setClock([&clock] { return clock.now; });
            id = tracker.add(key(u"old0000000000000000000002"_s, u"prod \"search\""_s, kStart.addDays(-30),
                                 kStart.addDays(-1)),
                             u"search-prod"_s, key(u"new0000000000000000000002"_s, u"prod 2"_s, kStart, {}),
                             kAtlas);
            tracker.markNewKeyTested(id, kStart.addSecs(5));
            tracker.updateKey(id, key(u"new0000000000000000000002"_s, u"prod 2"_s, kStart,
                                      kStart.addSecs(5 + RotationTracker::kTestSlackMs / 1000 + 30)));
            QVERIFY(QFile::exists(path));
        }

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        // Windows cannot replace a file someone holds open, and the tracker saves by replacing.
        file.close();
        // Ids, names, project, times: nothing else, and nothing that looks like a key's secret.
        QVERIFY(!bytes.contains("secret"));
        QVERIFY(!bytes.contains("al-"));
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(root.value(u"format"_s).toString(), u"atlas-ai-keys-rotations/1"_s);
        const QJsonObject entry = root.value(u"rotations"_s).toArray().first().toObject();
        const QStringList allowed{u"id"_s,
                                  u"atlasUrl"_s,
                                  u"projectId"_s,
                                  u"projectName"_s,
                                  u"oldKeyId"_s,
                                  u"oldKeyName"_s,
                                  u"oldCreatedAt"_s,
                                  u"newKeyId"_s,
                                  u"newKeyName"_s,
                                  u"startedAt"_s,
                                  u"oldLastUsedAt"_s,
                                  u"newLastUsedAt"_s,
                                  u"newFirstSeenUsedAt"_s,
                                  u"newKeyTestedAt"_s,
                                  u"checkedAt"_s,
                                  u"oldKeyGone"_s,
                                  u"newKeyGone"_s};
        for (const QString &field : entry.keys())
            QVERIFY2(allowed.contains(field), qPrintable(field));

        // A restart: the same rotation, in the same state.
        RotationTracker again(path);
        again.setClock([&clock] { return clock.now; });
        QCOMPARE(again.count(), 1);
        const Rotation r = *again.rotation(id);
        QCOMPARE(r.oldKeyName, u"prod \"search\""_s);
        QCOMPARE(r.projectName, u"search-prod"_s);
        QCOMPARE(r.atlasUrl, kAtlas);
        QCOMPARE(r.oldLastUsedAt, kStart.addDays(-1));
        const QDateTime firstUse = kStart.addSecs(5 + RotationTracker::kTestSlackMs / 1000 + 30);
        QCOMPARE(r.newFirstSeenUsedAt, firstUse);
        QCOMPARE(r.newKeyTestedAt, kStart.addSecs(5));
        QCOMPARE(r.startedAt, kStart);
        QCOMPARE(again.state(id), RotationState::OldKeyIdle);
        clock.now = firstUse.addMSecs(24 * kHour);
        QCOMPARE(again.state(id), RotationState::ReadyToRetire);
        QVERIFY(again.remove(id));
        RotationTracker empty(path);
        QCOMPARE(empty.count(), 0);
    }

    void unreadableFile()
    {
        const QString path = m_dir.filePath(u"broken.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        RotationTracker tracker(path);
        QCOMPARE(tracker.count(), 0);
        QVERIFY(!tracker.lastError().isEmpty());
        QString error;
        QVERIFY(!RotationTracker::deserialize("{\"format\":\"other\"}", &error));
        QVERIFY(!error.isEmpty());
        // Entries without their ids are skipped, the rest kept.
        const auto read = RotationTracker::deserialize(
            "{\"format\":\"atlas-ai-keys-rotations/1\",\"rotations\":[{\"id\":\"x\"},"
            "{\"id\":\"y\",\"projectId\":\"p\",\"oldKeyId\":\"o\",\"newKeyId\":\"n\"}]}");
        QVERIFY(read);
        QCOMPARE(read->size(), 1);
        QCOMPARE(read->first().id, u"y"_s);
    }
};

QTEST_GUILESS_MAIN(TestRotationTracker)
#include "tst_rotationtracker.moc"
