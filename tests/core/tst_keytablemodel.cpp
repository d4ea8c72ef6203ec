#include "domain/json.h"
#include "domain/timeformat.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QIdentityProxyModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QMetaProperty>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

const QDateTime kNow(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());

QDateTime ago(qint64 seconds)
{
    return kNow.addSecs(-seconds);
}

QDateTime daysAgo(qint64 days)
{
    return ago(days * 86400);
}

struct K
{
    QString id = {};
    QString name = {};
    std::optional<QDateTime> lastUsed = std::nullopt;
    QDateTime created = daysAgo(100);
    QString creator = u"alice@example.com"_s;
    QString group = u"p1"_s;
    QString status = u"ACTIVE"_s;

    operator AiKey() const
    {
        AiKey k;
        k.apiKeyId = id;
        k.name = name;
        k.groupId = group;
        k.cloud = u"ANY"_s;
        k.geography = u"ANY"_s;
        k.endpoint = u"ai.mongodb.com"_s;
        k.createdAt = created;
        k.createdBy = creator;
        k.lastUsedAt = lastUsed;
        k.maskedSecret = u"al-****"_s + id.right(4);
        k.status = status;
        return k;
    }
};

QStringList idsInOrder(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(KeyTableModel::KeyIdRole).toString();
    return ids;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// Every change signal of a model, recorded.
struct Spies
{
    explicit Spies(QAbstractItemModel *m)
        : inserted(m, &QAbstractItemModel::rowsInserted)
        , removed(m, &QAbstractItemModel::rowsRemoved)
        , changed(m, &QAbstractItemModel::dataChanged)
        , reset(m, &QAbstractItemModel::modelReset)
        , layout(m, &QAbstractItemModel::layoutChanged)
    {}
    int total() const
    {
        return int(inserted.count() + removed.count() + changed.count() + reset.count() + layout.count());
    }
    QSignalSpy inserted, removed, changed, reset, layout;
};

// The order the proxy must produce, computed independently of the model's ranks: QCollator on the
// texts, dates as instants with "never" below every date.
int compareForColumn(const AiKey &a, const AiKey &b, int column, const QCollator &collator,
                     const KeyTableModel &model)
{
    const auto ms = [](const std::optional<QDateTime> &t) {
        return t ? t->toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    };
    switch (column) {
    case KeyTableModel::LastUsed:
        return ms(a.lastUsedAt) < ms(b.lastUsedAt) ? -1 : ms(a.lastUsedAt) > ms(b.lastUsedAt) ? 1 : 0;
    case KeyTableModel::Created: {
        const auto ca = ms(a.createdAt.isValid() ? std::optional(a.createdAt) : std::nullopt);
        const auto cb = ms(b.createdAt.isValid() ? std::optional(b.createdAt) : std::nullopt);
        return ca < cb ? -1 : ca > cb ? 1 : 0;
    }
    case KeyTableModel::Name:
        return collator.compare(a.name, b.name);
    case KeyTableModel::Status:
        return collator.compare(a.status, b.status);
    case KeyTableModel::CreatedBy:
        return collator.compare(a.createdBy, b.createdBy);
    case KeyTableModel::MaskedSecret:
        return collator.compare(a.maskedSecret, b.maskedSecret);
    case KeyTableModel::KeyId:
        return collator.compare(a.apiKeyId, b.apiKeyId);
    case KeyTableModel::Endpoint:
        return collator.compare(a.endpoint, b.endpoint);
    case KeyTableModel::Project:
        return collator.compare(model.projectName(a.groupId), model.projectName(b.groupId));
    }
    return 0;
}

QCollator testCollator()
{
    QCollator c(QLocale(QLocale::English, QLocale::UnitedStates));
    c.setNumericMode(true);
    return c;
}

// Fails the calling test unless the proxy's rows are in order for its sort column.
void verifyProxyOrder(const QSortFilterProxyModel &proxy, const KeyTableModel &model)
{
    const QCollator collator = testCollator();
    const int column = proxy.sortColumn();
    for (int row = 1; row < proxy.rowCount(); ++row) {
        const AiKey a = proxy.index(row - 1, 0).data(KeyTableModel::KeyRole).value<AiKey>();
        const AiKey b = proxy.index(row, 0).data(KeyTableModel::KeyRole).value<AiKey>();
        const int c = compareForColumn(a, b, column, collator, model);
        const bool ok = proxy.sortOrder() == Qt::AscendingOrder ? c <= 0 : c >= 0;
        QVERIFY2(ok, qPrintable(u"column %1, rows %2 and %3: %4 / %5"_s.arg(column).arg(row - 1).arg(row).arg(
                         proxy.index(row - 1, column).data().toString(),
                         proxy.index(row, column).data().toString())));
    }
}

QList<AiKey> sampleKeys()
{
    return {
        K{u"id-alpha"_s, u"prod-embeddings"_s, ago(30), daysAgo(400), u"alice@example.com"_s, u"p1"_s},
        K{u"id-beta"_s, u"staging-rerank"_s, std::nullopt, daysAgo(20), u"Bob Martin"_s, u"p2"_s},
        K{u"id-gamma"_s, u"key 10"_s, daysAgo(3), daysAgo(50), u"carol@example.com"_s, u"p1"_s},
        K{u"id-delta"_s, u"key 2"_s, daysAgo(62), daysAgo(90), u"alice@example.com"_s, u"p2"_s,
          u"DISABLED"_s},
        K{u"id-epsilon"_s, u"Key 1"_s, std::nullopt, daysAgo(2), u"dave@example.com"_s, u"p3"_s},
    };
}

} // namespace

class TestKeyTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // A fixed locale, so dates, tooltips and collation read the same on every machine.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void emptyModelAndHeaders()
    {
        KeyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), KeyTableModel::ColumnCount - 1);
        QCOMPARE(model.headerData(KeyTableModel::Name, Qt::Horizontal).toString(), u"Name"_s);
        QCOMPARE(model.headerData(KeyTableModel::LastUsed, Qt::Horizontal).toString(), u"Last used"_s);
        QCOMPARE(model.headerData(KeyTableModel::CreatedBy, Qt::Horizontal).toString(), u"Created by"_s);
        QCOMPARE(model.headerData(KeyTableModel::KeyId, Qt::Horizontal).toString(), u"Key ID"_s);
        QVERIFY(!model.headerData(KeyTableModel::Project, Qt::Horizontal).isValid());
        QCOMPARE(model.totalCount(), 0);
        QCOMPARE(model.neverUsedCount(), 0);
        QCOMPARE(model.rowOfKey(u"nope"_s), -1);
    }

    void setKeysResets()
    {
        KeyTableModel model;
        model.setClock([] { return kNow; });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Spies spies(&model);
        QSignalSpy counts(&model, &KeyTableModel::countsChanged);

        model.setKeys(sampleKeys());

        QCOMPARE(spies.reset.count(), 1);
        QCOMPARE(spies.total(), 1);
        QCOMPARE(counts.count(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.totalCount(), 5);
        QCOMPARE(model.neverUsedCount(), 2);
        QCOMPARE(idsInOrder(model),
                 QStringList({u"id-alpha"_s, u"id-beta"_s, u"id-gamma"_s, u"id-delta"_s, u"id-epsilon"_s}));
        QCOMPARE(model.rowOfKey(u"id-gamma"_s), 2);
        QCOMPARE(model.keyAt(3).name, u"key 2"_s);
        QCOMPARE(model.index(0, KeyTableModel::Name).data().toString(), u"prod-embeddings"_s);
        QCOMPARE(model.index(3, KeyTableModel::Status).data().toString(), u"DISABLED"_s);
        QCOMPARE(model.index(0, KeyTableModel::CreatedBy).data().toString(), u"alice@example.com"_s);
        QCOMPARE(model.index(0, KeyTableModel::KeyId).data().toString(), u"id-alpha"_s);
        QCOMPARE(model.index(0, KeyTableModel::MaskedSecret).data().toString(), u"al-****lpha"_s);
        QCOMPARE(model.index(0, KeyTableModel::Endpoint).data().toString(), u"ai.mongodb.com"_s);

        // The same list again is still a reset (setKeys never merges), but the counts did not move.
        model.setKeys(sampleKeys());
        QCOMPARE(spies.reset.count(), 2);
        QCOMPARE(counts.count(), 1);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(counts.count(), 2);
    }

    void setKeysWithRepeatedIdKeepsLastDescription()
    {
        KeyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTest::ignoreMessage(QtWarningMsg, "key list repeats 1 key id(s); the last description wins");
        model.setKeys({K{u"a"_s, u"first"_s}, K{u"b"_s, u"bee"_s}, K{u"a"_s, u"second"_s, kNow}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOfKey(u"a"_s), 0);
        QCOMPARE(model.keyAt(0).name, u"second"_s);
        QCOMPARE(model.neverUsedCount(), 1);
    }

    void preparedKeysInSlicesMatchSetKeys()
    {
        // The same keys (a repeated id among them) through setKeys() and through prepareKeys() worked
        // a sliver at a time: the same rows, counts and ranks, one reset, and the caller's list intact.
        QRandomGenerator rng(99);
        const QStringList words = {u"alpha"_s, u"Beta"_s, u"key"_s, u"Key"_s, u"éclair"_s, u"Ω"_s};
        QList<AiKey> keys;
        for (int i = 0; i < 1500; ++i)
            keys.append(K{u"k%1"_s.arg(i % 1400),
                          words[rng.bounded(words.size())] + u' ' + QString::number(i),
                          rng.bounded(3) == 0 ? std::nullopt : std::optional(daysAgo(rng.bounded(50))),
                          daysAgo(rng.bounded(200)), words[rng.bounded(words.size())] + u"@example.com"_s});
        const QString firstName = keys.first().name;

        KeyTableModel direct;
        QTest::ignoreMessage(QtWarningMsg, "key list repeats 100 key id(s); the last description wins");
        direct.setKeys(keys);

        KeyTableModel sliced;
        QAbstractItemModelTester tester(&sliced, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Spies spies(&sliced);
        KeyTableModel::Batch batch = sliced.prepareKeys(keys, KeyTableModel::Name);
        int slices = 1;
        while (!batch.work(0))
            ++slices;
        // At least a slice per 256 rows; the ranks add more where they are built in steps (sort keys),
        // fewer on Windows, where they are ranked by QCollator::compare in one step.
        QVERIFY2(slices >= 6, qPrintable(QString::number(slices)));
        QVERIFY(batch.isReady());
        QCOMPARE(spies.total(), 0);
        QTest::ignoreMessage(QtWarningMsg, "key list repeats 100 key id(s); the last description wins");
        sliced.setPreparedKeys(std::move(batch));
        QCOMPARE(spies.reset.count(), 1);
        QCOMPARE(spies.total(), 1);

        QCOMPARE(keys.size(), 1500);
        QCOMPARE(keys.first().name, firstName);
        QCOMPARE(sliced.rowCount(), 1400);
        QCOMPARE(sliced.neverUsedCount(), direct.neverUsedCount());
        QCOMPARE(idsInOrder(sliced), idsInOrder(direct));
        for (int row = 0; row < sliced.rowCount(); ++row) {
            QCOMPARE(sliced.keyAt(row).name, direct.keyAt(row).name);
            QCOMPARE(sliced.rowOfKey(direct.keyAt(row).apiKeyId), row);
            for (int column : {KeyTableModel::Name, KeyTableModel::LastUsed, KeyTableModel::CreatedBy})
                QCOMPARE(sliced.sortValue(row, column), direct.sortValue(row, column));
        }

        // A list nobody else holds is moved in; with no column to rank it is ready in one go.
        KeyTableModel moved;
        KeyTableModel::Batch whole = moved.prepareKeys({K{u"a"_s, u"one"_s}, K{u"b"_s, u"two"_s}});
        QVERIFY(whole.work(-1));
        moved.setPreparedKeys(std::move(whole));
        QCOMPARE(idsInOrder(moved), QStringList({u"a"_s, u"b"_s}));
        QCOMPARE(moved.keyAt(1).name, u"two"_s);
    }

    void refreshMergesWithExactSignals()
    {
        KeyTableModel model;
        model.setClock([] { return kNow; });
        model.setKeys({K{u"A"_s, u"a"_s}, K{u"B"_s, u"b"_s}, K{u"C"_s, u"c"_s}, K{u"D"_s, u"d"_s}});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QPersistentModelIndex selectedD = model.index(3, KeyTableModel::Name);
        Spies spies(&model);

        // A unchanged, B renamed, C gone, D unchanged, E and F new.
        model.refresh({K{u"A"_s, u"a"_s}, K{u"B"_s, u"b renamed"_s}, K{u"D"_s, u"d"_s}, K{u"E"_s, u"e"_s},
                       K{u"F"_s, u"f"_s}});

        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.removed[0][1].toInt(), 2);
        QCOMPARE(spies.removed[0][2].toInt(), 2);
        QCOMPARE(spies.changed.count(), 1);
        const QModelIndex topLeft = spies.changed[0][0].value<QModelIndex>();
        const QModelIndex bottomRight = spies.changed[0][1].value<QModelIndex>();
        QCOMPARE(topLeft.row(), 1);
        QCOMPARE(bottomRight.row(), 1);
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), model.columnCount() - 1);
        // Changes and additions come before the removals (appending moves no row), so the new keys
        // were appended after C, which was still there.
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(spies.inserted[0][1].toInt(), 4);
        QCOMPARE(spies.inserted[0][2].toInt(), 5);
        QCOMPARE(idsInOrder(model), QStringList({u"A"_s, u"B"_s, u"D"_s, u"E"_s, u"F"_s}));
        QCOMPARE(model.keyAt(1).name, u"b renamed"_s);
        // What a view's selection holds follows its row.
        QVERIFY(selectedD.isValid());
        QCOMPARE(selectedD.row(), 2);
        QCOMPARE(selectedD.data().toString(), u"d"_s);
        for (const QString &id : {u"A"_s, u"B"_s, u"D"_s, u"E"_s, u"F"_s})
            QCOMPARE(model.keyAt(model.rowOfKey(id)).apiKeyId, id);
        QCOMPARE(model.rowOfKey(u"C"_s), -1);
    }

    void refreshRemovesRunsBottomUp()
    {
        KeyTableModel model;
        model.setKeys(
            {K{u"0"_s, u"a"_s}, K{u"1"_s, u"b"_s}, K{u"2"_s, u"c"_s}, K{u"3"_s, u"d"_s}, K{u"4"_s, u"e"_s}});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Spies spies(&model);

        model.refresh({K{u"2"_s, u"c"_s}, K{u"4"_s, u"e"_s}});

        QCOMPARE(spies.total(), 2);
        QCOMPARE(spies.removed.count(), 2);
        QCOMPARE(spies.removed[0][1].toInt(), 3);
        QCOMPARE(spies.removed[0][2].toInt(), 3);
        QCOMPARE(spies.removed[1][1].toInt(), 0);
        QCOMPARE(spies.removed[1][2].toInt(), 1);
        QCOMPARE(idsInOrder(model), QStringList({u"2"_s, u"4"_s}));
        QCOMPARE(model.rowOfKey(u"4"_s), 1);
    }

    void refreshWithSameDataEmitsNothing()
    {
        KeyTableModel model;
        model.setKeys(sampleKeys());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Spies spies(&model);
        QSignalSpy counts(&model, &KeyTableModel::countsChanged);
        model.refresh(sampleKeys());
        QCOMPARE(spies.total(), 0);
        QCOMPARE(counts.count(), 0);
    }

    void refreshIntoEmptyAndToEmpty()
    {
        KeyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Spies spies(&model);
        model.refresh(sampleKeys());
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(spies.inserted[0][2].toInt(), 4);
        model.refresh({});
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.removed[0][1].toInt(), 0);
        QCOMPARE(spies.removed[0][2].toInt(), 4);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(spies.reset.count(), 0);
    }

    void upsertInsertsOrUpdates()
    {
        KeyTableModel model;
        model.setKeys(sampleKeys());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Spies spies(&model);
        QSignalSpy counts(&model, &KeyTableModel::countsChanged);

        model.upsert(K{u"id-new"_s, u"fresh"_s});
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(spies.inserted[0][1].toInt(), 5);
        QCOMPARE(spies.inserted[0][2].toInt(), 5);
        QCOMPARE(model.rowOfKey(u"id-new"_s), 5);
        QCOMPARE(model.neverUsedCount(), 3);
        QCOMPARE(counts.count(), 1);

        AiKey renamed = model.keyAt(2);
        renamed.name = u"renamed"_s;
        model.upsert(renamed);
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(spies.changed[0][0].value<QModelIndex>().row(), 2);
        QCOMPARE(spies.changed[0][1].value<QModelIndex>().row(), 2);
        QCOMPARE(model.index(2, KeyTableModel::Name).data().toString(), u"renamed"_s);
        QCOMPARE(counts.count(), 1);

        // A first use moves the never-used count.
        AiKey used = model.keyAt(1);
        used.lastUsedAt = kNow;
        model.upsert(used);
        QCOMPARE(model.neverUsedCount(), 2);
        QCOMPARE(counts.count(), 2);

        const int before = spies.total();
        model.upsert(model.keyAt(0));
        QCOMPARE(spies.total(), before);
        QCOMPARE(model.rowCount(), 6);
    }

    void removeKey()
    {
        KeyTableModel model;
        model.setKeys(sampleKeys());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Spies spies(&model);

        QVERIFY(model.removeKey(u"id-beta"_s));
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.removed[0][1].toInt(), 1);
        QCOMPARE(spies.removed[0][2].toInt(), 1);
        QCOMPARE(model.rowOfKey(u"id-beta"_s), -1);
        QCOMPARE(model.rowOfKey(u"id-epsilon"_s), 3);
        QCOMPARE(model.neverUsedCount(), 1);

        QVERIFY(!model.removeKey(u"id-beta"_s));
        QCOMPARE(spies.total(), 1);

        QVERIFY(model.removeKey(u"id-epsilon"_s)); // the last row
        QCOMPARE(model.rowOfKey(u"id-delta"_s), 2);
        QCOMPARE(model.totalCount(), 3);
        QCOMPARE(model.neverUsedCount(), 0);
    }

    void relativeTime_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("expected");
        QTest::newRow("never") << QDateTime() << u"never"_s;
        QTest::newRow("now") << kNow << u"just now"_s;
        QTest::newRow("59 s") << ago(59) << u"just now"_s;
        QTest::newRow("future (clock skew)") << kNow.addSecs(3600) << u"just now"_s;
        QTest::newRow("60 s") << ago(60) << u"1 minute ago"_s;
        QTest::newRow("5 min") << ago(5 * 60 + 30) << u"5 minutes ago"_s;
        QTest::newRow("59 min") << ago(3599) << u"59 minutes ago"_s;
        QTest::newRow("1 h") << ago(3600) << u"1 hour ago"_s;
        QTest::newRow("23 h") << ago(86399) << u"23 hours ago"_s;
        QTest::newRow("1 day") << ago(86400) << u"1 day ago"_s;
        QTest::newRow("3 days") << daysAgo(3) << u"3 days ago"_s;
        QTest::newRow("29 days") << daysAgo(29) << u"29 days ago"_s;
        QTest::newRow("30 days") << daysAgo(30) << u"1 month ago"_s;
        QTest::newRow("2 months") << daysAgo(61) << u"2 months ago"_s;
        QTest::newRow("364 days") << daysAgo(364) << u"12 months ago"_s;
        QTest::newRow("365 days") << daysAgo(365) << u"1 year ago"_s;
        QTest::newRow("800 days") << daysAgo(800) << u"2 years ago"_s;
        QTest::newRow("other offset, same instant")
            << ago(3 * 86400).toOffsetFromUtc(-8 * 3600) << u"3 days ago"_s;
    }

    void relativeTime()
    {
        QFETCH(QDateTime, when);
        QFETCH(QString, expected);
        QCOMPARE(timeformat::relative(when, kNow), expected);
    }

    void lastUsedDisplayFollowsTheClock()
    {
        KeyTableModel model;
        QDateTime now = kNow;
        model.setClock([&now] { return now; });
        model.setKeys({K{u"used"_s, u"u"_s, daysAgo(3)}, K{u"never"_s, u"n"_s}});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.index(0, KeyTableModel::LastUsed).data().toString(), u"3 days ago"_s);
        QCOMPARE(model.index(1, KeyTableModel::LastUsed).data().toString(), u"never"_s);

        now = kNow.addDays(2);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refreshRelativeTimes();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>(), model.index(0, KeyTableModel::LastUsed));
        QCOMPARE(changed[0][1].value<QModelIndex>(), model.index(1, KeyTableModel::LastUsed));
        QCOMPARE(model.index(0, KeyTableModel::LastUsed).data().toString(), u"5 days ago"_s);
        QCOMPARE(model.now(), now);

        model.setClock({});
        QVERIFY(qAbs(model.now().secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }

    void tooltipsAndDates()
    {
        KeyTableModel model;
        model.setClock([] { return kNow; });
        const QDateTime used(QDate(2026, 2, 26), QTime(9, 30, 15), QTimeZone::utc());
        const QDateTime created(QDate(2025, 12, 31), QTime(23, 0), QTimeZone::utc());
        model.setKeys({K{u"used"_s, u"u"_s, used, created}, K{u"never"_s, u"n"_s}});
        const QLocale locale;
        QCOMPARE(model.index(0, KeyTableModel::LastUsed).data(Qt::ToolTipRole).toString(),
                 locale.toString(used.toLocalTime(), QLocale::LongFormat));
        QVERIFY(model.index(0, KeyTableModel::LastUsed).data(Qt::ToolTipRole).toString().contains(u"2026"_s));
        QCOMPARE(model.index(1, KeyTableModel::LastUsed).data(Qt::ToolTipRole).toString(), u"Never used"_s);
        QCOMPARE(model.index(0, KeyTableModel::Created).data().toString(),
                 locale.toString(created.toLocalTime().date(), QLocale::ShortFormat));
        QCOMPARE(model.index(0, KeyTableModel::Created).data(Qt::ToolTipRole).toString(),
                 locale.toString(created.toLocalTime(), QLocale::LongFormat));
        // Columns a narrow table cuts short show their full text on hover.
        for (const int column : {int(KeyTableModel::Name), int(KeyTableModel::KeyId),
                                 int(KeyTableModel::CreatedBy), int(KeyTableModel::Endpoint)}) {
            const QModelIndex index = model.index(0, column);
            QCOMPARE(index.data(Qt::ToolTipRole).toString(), index.data().toString());
        }
    }

    void customRoles()
    {
        KeyTableModel model;
        model.setKeys(sampleKeys());
        const QModelIndex used = model.index(0, KeyTableModel::Status);
        const QModelIndex never = model.index(1, KeyTableModel::Endpoint);
        QCOMPARE(used.data(KeyTableModel::KeyIdRole).toString(), u"id-alpha"_s);
        QCOMPARE(used.data(KeyTableModel::ProjectIdRole).toString(), u"p1"_s);
        QCOMPARE(used.data(KeyTableModel::LastUsedRole).toDateTime(), ago(30));
        QVERIFY(!never.data(KeyTableModel::LastUsedRole).isValid());
        QCOMPARE(used.data(KeyTableModel::NeverUsedRole).toBool(), false);
        QCOMPARE(never.data(KeyTableModel::NeverUsedRole).toBool(), true);
        const AiKey key = never.data(KeyTableModel::KeyRole).value<AiKey>();
        QCOMPARE(key.apiKeyId, u"id-beta"_s);
        QCOMPARE(key.createdBy, u"Bob Martin"_s);
        QVERIFY(!key.lastUsedAt);

        const QVariant sortValue = model.index(0, KeyTableModel::LastUsed).data(KeyTableModel::SortRole);
        QCOMPARE(sortValue.typeId(), QMetaType::LongLong);
        QCOMPARE(sortValue.toLongLong(), ago(30).toMSecsSinceEpoch());
        QCOMPARE(model.index(1, KeyTableModel::LastUsed).data(KeyTableModel::SortRole).toLongLong(),
                 KeyTableModel::kNeverMs);
        // String sort values order as the collator does: "key 2" before "key 10".
        QVERIFY(model.index(3, KeyTableModel::Name).data(KeyTableModel::SortRole).toLongLong() <
                model.index(2, KeyTableModel::Name).data(KeyTableModel::SortRole).toLongLong());

        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.value(KeyTableModel::KeyIdRole), QByteArray("keyId"));
        QCOMPARE(names.value(KeyTableModel::KeyRole), QByteArray("key"));
        QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
    }

    void statusShownAsItComes()
    {
        KeyTableModel model;
        model.setKeys(
            {K{u"x"_s, u"x"_s, std::nullopt, daysAgo(1), u"c"_s, u"p"_s, u"QUARANTINED_BY_POLICY"_s},
             K{u"y"_s, u"y"_s, std::nullopt, daysAgo(1), u"c"_s, u"p"_s, QString()}});
        QCOMPARE(model.index(0, KeyTableModel::Status).data().toString(), u"QUARANTINED_BY_POLICY"_s);
        QCOMPARE(model.index(1, KeyTableModel::Status).data().toString(), QString());
    }

    void projectColumnAndNames()
    {
        KeyTableModel model;
        model.setKeys(sampleKeys());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::columnsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::columnsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.setShowProjectColumn(true);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted[0][1].toInt(), int(KeyTableModel::Project));
        QCOMPARE(model.columnCount(), int(KeyTableModel::ColumnCount));
        QCOMPARE(model.headerData(KeyTableModel::Project, Qt::Horizontal).toString(), u"Project"_s);
        QCOMPARE(model.index(0, KeyTableModel::Project).data().toString(), u"p1"_s); // no name yet: the id

        model.setProjectNames({{u"p1"_s, u"Search"_s}, {u"p2"_s, u"Billing"_s}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>().column(), int(KeyTableModel::Project));
        QCOMPARE(changed[0][1].value<QModelIndex>().row(), model.rowCount() - 1);
        QCOMPARE(model.index(0, KeyTableModel::Project).data().toString(), u"Search"_s);
        QCOMPARE(model.index(1, KeyTableModel::Project).data().toString(), u"Billing"_s);
        QCOMPARE(model.index(4, KeyTableModel::Project).data().toString(), u"p3"_s);
        QCOMPARE(model.index(0, KeyTableModel::Project).data(Qt::ToolTipRole).toString(), u"Search (p1)"_s);
        QCOMPARE(model.index(4, KeyTableModel::Project).data(Qt::ToolTipRole).toString(), u"p3"_s);

        model.setShowProjectColumn(false);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.columnCount(), KeyTableModel::ColumnCount - 1);
        QVERIFY(!model.index(0, KeyTableModel::Project).isValid());
    }

    void holdsNoSecret()
    {
        const QByteArray secret = "al-SuperSecretValue-1234567890abcdef";
        // A create answer, secret included, as the server sends it (built here rather than written as
        // a raw string literal, which moc 6.4 cannot read).
        const QJsonObject answer{{u"apiKeyId"_s, u"k1"_s},
                                 {u"name"_s, u"created"_s},
                                 {u"groupId"_s, u"p1"_s},
                                 {u"cloud"_s, u"ANY"_s},
                                 {u"geography"_s, u"ANY"_s},
                                 {u"endpoint"_s, u"ai.mongodb.com"_s},
                                 {u"createdAt"_s, u"2026-02-01T10:00:00Z"_s},
                                 {u"createdBy"_s, u"alice"_s},
                                 {u"lastUsedAt"_s, QJsonValue::Null},
                                 {u"maskedSecret"_s, u"al-****cdef"_s},
                                 {u"status"_s, u"ACTIVE"_s},
                                 {u"secret"_s, QString::fromLatin1(secret)}};
        const QByteArray body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
        QVERIFY(body.contains(secret));
        const auto parsed = json::single<AiKey>(body, &json::aiKey);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));

        KeyTableModel model;
        model.setShowProjectColumn(true);
        model.setProjectNames({{u"p1"_s, u"Project one"_s}});
        model.setKeys({parsed.value()});
        model.upsert(parsed.value());
        QCOMPARE(model.rowCount(), 1);
        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&model);

        const QString secretText = QString::fromLatin1(secret);
        const QString secretTail = secretText.mid(10); // even a piece of it
        for (const QAbstractItemModel *m : {static_cast<const QAbstractItemModel *>(&model),
                                            static_cast<const QAbstractItemModel *>(&proxy)}) {
            for (int column = 0; column < m->columnCount(); ++column) {
                for (int role = 0; role < Qt::UserRole + 64; ++role) {
                    const QVariant v = m->index(0, column).data(role);
                    QString text = v.toString();
                    if (v.canConvert<AiKey>())
                        text += QString::fromUtf8(QJsonDocument(json::toJson(v.value<AiKey>())).toJson());
                    QVERIFY2(!text.contains(secretTail),
                             qPrintable(u"column %1 role %2 holds the secret"_s.arg(column).arg(role)));
                }
                QVERIFY(!m->headerData(column, Qt::Horizontal)
                             .toString()
                             .contains(u"secret"_s, Qt::CaseInsensitive));
            }
        }
        QVERIFY(!model.searchText(0).contains(secret.mid(10).toLower()));
        for (const QByteArray &name : model.roleNames())
            QVERIFY2(!name.toLower().contains("secret"), name.constData());
        const QMetaObject *mo = model.metaObject();
        for (int i = 0; i < mo->propertyCount(); ++i)
            QVERIFY(!QByteArray(mo->property(i).name()).toLower().contains("secret"));
        QVERIFY(model.dynamicPropertyNames().isEmpty());
    }

    // --- KeyFilterProxyModel

    void filterText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QString()
                               << QStringList({u"ID-0042"_s, u"k1"_s, u"k2"_s, u"k3"_s, u"k5"_s});
        QTest::newRow("name, other case") << u"PROD"_s << QStringList({u"k1"_s, u"k3"_s});
        QTest::newRow("name substring") << u"rerank"_s << QStringList({u"k2"_s});
        QTest::newRow("key id") << u"id-00"_s << QStringList({u"ID-0042"_s});
        QTest::newRow("creator") << u"Alice"_s << QStringList({u"k1"_s, u"k2"_s});
        QTest::newRow("creator domain") << u"@corp.example"_s << QStringList({u"k3"_s});
        QTest::newRow("spaces trimmed") << u"  staging  "_s << QStringList({u"k2"_s});
        QTest::newRow("accented, folded") << u"ÉQUIPE"_s << QStringList({u"k5"_s});
        QTest::newRow("not across fields") << u"rerankk2"_s << QStringList();
        QTest::newRow("no match") << u"zzz"_s << QStringList();
        QTest::newRow("status is not searched") << u"ACTIVE"_s << QStringList();
    }

    void filterText()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        KeyTableModel model;
        model.setKeys({
            K{u"k1"_s, u"prod-embeddings"_s, kNow, daysAgo(9), u"alice@example.com"_s},
            K{u"k2"_s, u"staging-rerank"_s, kNow, daysAgo(9), u"Alice Martin"_s},
            K{u"k3"_s, u"Prod search"_s, kNow, daysAgo(9), u"bob@corp.example"_s},
            K{u"ID-0042"_s, u"dev"_s, kNow, daysAgo(9), u"carol"_s},
            K{u"k5"_s, u"équipe données"_s, kNow, daysAgo(9), u"dave"_s},
        });

        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy textChanged(&proxy, &KeyFilterProxyModel::filterTextChanged);
        proxy.setFilterText(text);
        QCOMPARE(textChanged.count(), text.trimmed().isEmpty() ? 0 : 1);
        QCOMPARE(sorted(idsInOrder(proxy)), expected);
    }

    void filterMatchesProjectNameOnlyInOrgView()
    {
        KeyTableModel model;
        model.setKeys(sampleKeys());
        model.setProjectNames({{u"p1"_s, u"Search Platform"_s}, {u"p2"_s, u"Billing"_s}});
        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFilterText(u"billing"_s);
        QCOMPARE(proxy.rowCount(), 0);

        model.setShowProjectColumn(true); // refilters through searchTextChanged
        QCOMPARE(sorted(idsInOrder(proxy)), QStringList({u"id-beta"_s, u"id-delta"_s}));

        model.setProjectNames({{u"p3"_s, u"Billing EU"_s}});
        QCOMPARE(idsInOrder(proxy), QStringList({u"id-epsilon"_s}));

        model.setShowProjectColumn(false);
        QCOMPARE(proxy.rowCount(), 0);
    }

    void sortEveryColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        for (int column = 0; column < KeyTableModel::ColumnCount; ++column) {
            const QByteArray name = QMetaEnum::fromType<KeyTableModel::Column>().valueToKey(column);
            QTest::addRow("%s ascending", name.constData()) << column << Qt::AscendingOrder;
            QTest::addRow("%s descending", name.constData()) << column << Qt::DescendingOrder;
        }
    }

    void sortEveryColumn()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        KeyTableModel model;
        model.setShowProjectColumn(true);
        model.setProjectNames({{u"p1"_s, u"project 10"_s}, {u"p2"_s, u"Project 9"_s}, {u"p3"_s, u"alpha"_s}});
        QList<AiKey> keys = sampleKeys();
        keys.append(
            K{u"id-zeta"_s, u"éclair"_s, kNow.addDays(2), QDateTime(), u"Émile"_s, u"p9"_s, u"active"_s});
        keys.append(K{u"id-eta"_s, u"zulu"_s, QDateTime::fromMSecsSinceEpoch(-1000, QTimeZone::utc()),
                      daysAgo(5000), u"zed"_s, u"p2"_s});
        model.setKeys(keys);

        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(column, order);
        QCOMPARE(proxy.rowCount(), int(keys.size()));
        verifyProxyOrder(proxy, model);
    }

    void sortNamesNaturally()
    {
        KeyTableModel model;
        model.setKeys({K{u"1"_s, u"key 10"_s}, K{u"2"_s, u"key 2"_s}, K{u"3"_s, u"Key 1"_s},
                       K{u"4"_s, u"alpha"_s}, K{u"5"_s, u"Zulu"_s}, K{u"6"_s, u"écho"_s}});
        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
        QStringList names;
        for (int row = 0; row < proxy.rowCount(); ++row)
            names << proxy.index(row, KeyTableModel::Name).data().toString();
        QCOMPARE(names, QStringList({u"alpha"_s, u"écho"_s, u"Key 1"_s, u"key 2"_s, u"key 10"_s, u"Zulu"_s}));
    }

    void datesSortAsDates()
    {
        KeyTableModel model;
        model.setClock([] { return kNow; });
        // As text "10 days ago" < "2 hours ago" < "9 days ago"; as dates the reverse of recency.
        model.setKeys(
            {K{u"nine"_s, u"a"_s, daysAgo(9), QDateTime(QDate(2024, 6, 1), QTime(0, 0), QTimeZone::utc())},
             K{u"hours"_s, u"b"_s, ago(7200), QDateTime(QDate(2026, 1, 2), QTime(0, 0), QTimeZone::utc())},
             K{u"ten"_s, u"c"_s, daysAgo(10),
               QDateTime(QDate(2025, 12, 31), QTime(0, 0), QTimeZone::utc())}});
        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(KeyTableModel::LastUsed, Qt::AscendingOrder);
        QCOMPARE(idsInOrder(proxy), QStringList({u"ten"_s, u"nine"_s, u"hours"_s}));
        proxy.sort(KeyTableModel::LastUsed, Qt::DescendingOrder);
        QCOMPARE(idsInOrder(proxy), QStringList({u"hours"_s, u"nine"_s, u"ten"_s}));
        // Created shows "6/1/24", "1/2/26", "12/31/25": as text 1/2/26 would come first.
        proxy.sort(KeyTableModel::Created, Qt::AscendingOrder);
        QCOMPARE(idsInOrder(proxy), QStringList({u"nine"_s, u"ten"_s, u"hours"_s}));
    }

    void neverSortsAsOldest()
    {
        KeyTableModel model;
        model.setKeys(
            {K{u"recent"_s, u"a"_s, ago(60)}, K{u"never1"_s, u"b"_s},
             K{u"epoch"_s, u"c"_s, QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc())},
             K{u"before-epoch"_s, u"d"_s, QDateTime(QDate(1900, 1, 1), QTime(0, 0), QTimeZone::utc())},
             K{u"never2"_s, u"e"_s}});
        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(KeyTableModel::LastUsed, Qt::AscendingOrder);
        QCOMPARE(idsInOrder(proxy),
                 QStringList({u"never1"_s, u"never2"_s, u"before-epoch"_s, u"epoch"_s, u"recent"_s}));
        proxy.sort(KeyTableModel::LastUsed, Qt::DescendingOrder);
        QCOMPARE(idsInOrder(proxy).mid(0, 3), QStringList({u"recent"_s, u"epoch"_s, u"before-epoch"_s}));
        QCOMPARE(sorted(idsInOrder(proxy).mid(3)), QStringList({u"never1"_s, u"never2"_s}));
    }

    void filterAndSortTogetherWhileTheModelChanges()
    {
        KeyTableModel model;
        model.setKeys({K{u"p-old"_s, u"prod old"_s, daysAgo(40)}, K{u"s-1"_s, u"staging"_s, daysAgo(1)},
                       K{u"p-new"_s, u"prod new"_s, daysAgo(2)}, K{u"p-never"_s, u"prod unused"_s},
                       K{u"p-mid"_s, u"prod mid"_s, daysAgo(10)}});
        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(KeyTableModel::LastUsed, Qt::DescendingOrder);
        proxy.setFilterText(u"prod"_s);
        QCOMPARE(idsInOrder(proxy), QStringList({u"p-new"_s, u"p-mid"_s, u"p-old"_s, u"p-never"_s}));

        // A use moves a row; a rename out of the filter hides it; a new matching key lands in place.
        AiKey used = model.keyAt(model.rowOfKey(u"p-old"_s));
        used.lastUsedAt = ago(10);
        model.upsert(used);
        QCOMPARE(idsInOrder(proxy), QStringList({u"p-old"_s, u"p-new"_s, u"p-mid"_s, u"p-never"_s}));
        AiKey renamed = model.keyAt(model.rowOfKey(u"p-mid"_s));
        renamed.name = u"test mid"_s;
        model.upsert(renamed);
        QCOMPARE(idsInOrder(proxy), QStringList({u"p-old"_s, u"p-new"_s, u"p-never"_s}));
        model.upsert(K{u"p-5d"_s, u"prod five"_s, daysAgo(5)});
        model.upsert(K{u"x-5d"_s, u"other five"_s, daysAgo(5)});
        QCOMPARE(idsInOrder(proxy), QStringList({u"p-old"_s, u"p-new"_s, u"p-5d"_s, u"p-never"_s}));

        // A refresh that removes and adds keys at once.
        model.refresh({K{u"p-new"_s, u"prod new"_s, daysAgo(2)}, K{u"p-never"_s, u"prod unused"_s},
                       K{u"p-today"_s, u"prod today"_s, ago(5)}});
        QCOMPARE(idsInOrder(proxy), QStringList({u"p-today"_s, u"p-new"_s, u"p-never"_s}));

        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), 3);
        model.setKeys(sampleKeys());
        verifyProxyOrder(proxy, model);
    }

    void keyPredicate()
    {
        KeyTableModel model;
        model.setKeys(sampleKeys());
        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!proxy.hasKeyPredicate());

        proxy.setKeyPredicate([](const AiKey &k) { return k.neverUsed(); });
        QVERIFY(proxy.hasKeyPredicate());
        QCOMPARE(sorted(idsInOrder(proxy)), QStringList({u"id-beta"_s, u"id-epsilon"_s}));

        proxy.setFilterText(u"staging"_s);
        QCOMPARE(idsInOrder(proxy), QStringList({u"id-beta"_s}));

        // The predicate sees updated keys.
        AiKey used = model.keyAt(model.rowOfKey(u"id-beta"_s));
        used.lastUsedAt = kNow;
        model.upsert(used);
        QCOMPARE(proxy.rowCount(), 0);

        proxy.setKeyPredicate({});
        QVERIFY(!proxy.hasKeyPredicate());
        QCOMPARE(idsInOrder(proxy), QStringList({u"id-beta"_s}));
    }

    void proxyOverAnotherModelFallsBackToRoles()
    {
        KeyTableModel model;
        model.setKeys(sampleKeys());
        QIdentityProxyModel identity; // hides the KeyTableModel: the proxy must go through data()
        identity.setSourceModel(&model);
        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&identity);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
        verifyProxyOrder(proxy, model);
        proxy.sort(KeyTableModel::LastUsed, Qt::DescendingOrder);
        verifyProxyOrder(proxy, model);
        proxy.setFilterText(u"ALICE"_s);
        QCOMPARE(sorted(idsInOrder(proxy)), QStringList({u"id-alpha"_s, u"id-delta"_s}));
        proxy.setKeyPredicate([](const AiKey &k) { return k.status == u"DISABLED"_s; });
        QCOMPARE(idsInOrder(proxy), QStringList({u"id-delta"_s}));
    }

    // The ranks behind string sorting are maintained incrementally (insertions, renames, removals);
    // a seeded random walk checks that the proxy's order stays right after every step.
    void ranksStayOrderedThroughChanges()
    {
        QRandomGenerator rng(1234);
        const QStringList words = {u"alpha"_s, u"Beta"_s, u"gamma"_s,  u"key"_s,
                                   u"Key"_s,   u"zeta"_s, u"éclair"_s, u"Ω"_s};
        const auto randomKey = [&](int id) {
            return AiKey(K{u"k%1"_s.arg(id),
                           words[rng.bounded(words.size())] + u' ' + QString::number(rng.bounded(30)),
                           rng.bounded(4) == 0 ? std::nullopt : std::optional(daysAgo(rng.bounded(100))),
                           daysAgo(rng.bounded(200)), words[rng.bounded(words.size())] + u"@example.com"_s});
        };
        KeyTableModel model;
        QList<AiKey> initial;
        for (int i = 0; i < 60; ++i)
            initial.append(randomKey(i));
        model.setKeys(initial);
        KeyFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
        // Build the creator ranks too, so both are maintained through the changes.
        QVERIFY(model.index(0, KeyTableModel::CreatedBy).data(KeyTableModel::SortRole).isValid());

        int nextId = 60;
        for (int step = 0; step < 150; ++step) {
            const int op = rng.bounded(5);
            if (op == 0 && model.rowCount() > 0) {
                model.removeKey(model.keyAt(rng.bounded(model.rowCount())).apiKeyId);
            } else if (op == 1 && model.rowCount() > 0) {
                AiKey k = model.keyAt(rng.bounded(model.rowCount()));
                const AiKey other = randomKey(0);
                k.name = other.name;
                k.createdBy = other.createdBy;
                model.upsert(k);
            } else if (op == 2) {
                QList<AiKey> next = model.keys();
                for (int i = 0; i < 3 && !next.isEmpty(); ++i)
                    next.removeAt(rng.bounded(next.size()));
                const int additions = rng.bounded(10) == 0 ? 70 : 4; // now and then a big batch
                for (int i = 0; i < additions; ++i)
                    next.append(randomKey(nextId++));
                model.refresh(next);
            } else {
                model.upsert(randomKey(nextId++));
            }
            if (step % 10 == 0)
                proxy.sort(step % 20 == 0 ? KeyTableModel::CreatedBy : KeyTableModel::Name,
                           step % 30 == 0 ? Qt::DescendingOrder : Qt::AscendingOrder);
            verifyProxyOrder(proxy, model);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(u"order broken after step %1 (operation %2)"_s.arg(step).arg(op)));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeyTableModel)
#include "tst_keytablemodel.moc"
