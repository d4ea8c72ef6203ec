// The audit view against a real atlas-sim: summary and chart, a click on a bar filtering the table,
// CSV and JSON export through the file-dialog seam, and bulk retire (typed count, progress, a
// failure injected by the simulator reported per key, Cancel).
#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "audit/auditkeymodel.h"
#include "audit/auditview.h"
#include "audit/bulkretiredialog.h"
#include "audit/lastusechart.h"
#include "common/filedialog.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "settings.h"
#include "simprocess.h"
#include "testenv.h"
#include "testsupport.h"

#include <QAbstractItemView>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::finished;
using aikeys::test::SimProcess;

namespace {

const QString kOrg = u"5f00000000000000000000a1"_s;
const QString kSearch = u"6a00000000000000000000b1"_s;
const QString kAnalytics = u"6a00000000000000000000b2"_s;
const QString kNever2 = u"never0000000000000000002"_s;

QJsonObject seedKey(const QString &id, const QString &project, const QString &name, const QString &created,
                    const QJsonValue &lastUsed)
{
    return {{u"apiKeyId"_s, id},
            {u"groupId"_s, project},
            {u"name"_s, name},
            {u"createdAt"_s, created},
            {u"lastUsedAt"_s, lastUsed}};
}

// Eight keys: two active, two stale (over 90 days), three never used, one recently created.
QByteArray seed()
{
    const QJsonValue never(QJsonValue::Null);
    const QJsonObject root{
        {u"format"_s, u"atlas-sim/1"_s},
        {u"orgs"_s, QJsonArray{QJsonObject{{u"id"_s, kOrg}, {u"name"_s, u"Audit Test Org"_s}}}},
        {u"projects"_s,
         QJsonArray{QJsonObject{{u"id"_s, kSearch}, {u"orgId"_s, kOrg}, {u"name"_s, u"search-prod"_s}},
                    QJsonObject{{u"id"_s, kAnalytics}, {u"orgId"_s, kOrg}, {u"name"_s, u"analytics"_s}}}},
        {u"keys"_s,
         QJsonArray{
             seedKey(u"act1ve000000000000000001"_s, kSearch, u"search-embeddings"_s, u"-200d"_s, u"-2h"_s),
             seedKey(u"act1ve000000000000000002"_s, kSearch, u"search rerank"_s, u"-200d"_s, u"-3d"_s),
             seedKey(u"sta1e0000000000000000001"_s, kSearch, u"backfill-2024"_s, u"-400d"_s, u"-120d"_s),
             seedKey(u"sta1e0000000000000000002"_s, kAnalytics, u"old notebook"_s, u"-400d"_s, u"-95d"_s),
             seedKey(u"never0000000000000000001"_s, kSearch, u"ci smoke tests"_s, u"-30d"_s, never),
             seedKey(kNever2, kAnalytics, u"scratch"_s, u"-10d"_s, never),
             seedKey(u"never0000000000000000003"_s, kAnalytics, u"experiment"_s, u"-60d"_s, never),
             seedKey(u"recent000000000000000001"_s, kAnalytics, u"new pipeline"_s, u"-1d"_s, never)}},
    };
    return QJsonDocument(root).toJson();
}

using aikeys::test::child;
using Client = aikeys::test::TestClient;

Client openSession(const SimProcess &sim, int attempts = 4)
{
    return aikeys::test::openTestClient(sim.baseUrl(), aikeys::test::demoApiKey(), 20000, attempts);
}

} // namespace

class TestAuditView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_seedPath;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;

    // Loads the org audit and waits for it.
    bool load(AuditView &view)
    {
        QSignalSpy loaded(&view, &AuditView::loaded);
        view.showOrg(kOrg, u"Audit Test Org"_s);
        return loaded.wait(20000);
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
        f.close();
        m_qsettings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(m_qsettings.get());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        MessageBox::clearNextAnswers();
        FileDialog::clearNextAnswers();
    }

    void shouldHaveDefaultValues()
    {
        AuditView view(nullptr, nullptr);
        QVERIFY(!view.hasReport());
        QVERIFY(!view.isLoading());
        QVERIFY(!child<QPushButton>(&view, "exportCsvButton")->isEnabled());
        QVERIFY(!child<QPushButton>(&view, "exportJsonButton")->isEnabled());
        QVERIFY(!child<QPushButton>(&view, "retireButton")->isEnabled());
        QVERIFY(!child<QPushButton>(&view, "selectCandidatesButton")->isEnabled());
        QVERIFY(child<QWidget>(&view, "summaryPanel")->isHidden());
        QCOMPARE(view.chart()->selectedBucket(), -1);
        QCOMPARE(view.model()->rowCount(), 0);
        // Every button and field can be found by tests and read by screen readers.
        const QList<QAbstractButton *> buttons = view.findChildren<QAbstractButton *>();
        for (QAbstractButton *b : buttons) {
            // Parts of Qt's own widgets (a view's corner button, a line edit's clear button).
            if (qobject_cast<QAbstractItemView *>(b->parentWidget()) ||
                qobject_cast<QLineEdit *>(b->parentWidget()))
                continue;
            QVERIFY2(!b->objectName().isEmpty(), qPrintable(b->text()));
            QVERIFY2(!b->accessibleName().isEmpty(), qPrintable(b->objectName()));
        }
        QVERIFY(!view.chart()->accessibleName().isEmpty());
        // Without a session, an audit says so instead of failing silently.
        view.showOrg(kOrg, u"Audit Test Org"_s);
        QVERIFY(view.messageBar()->text().contains(u"Not signed in"_s));
    }

    void summaryChartAndFilter()
    {
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        m_settings->setAuditGraceDays(7);
        m_settings->setAuditStaleDays(90);
        AuditView view(c.api.get(), m_settings.get());
        view.resize(1100, 760);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(load(view));

        const AuditReport &report = view.report();
        QCOMPARE(report.size(), 8);
        QCOMPARE(report.orgName(), u"Audit Test Org"_s);
        QCOMPARE(child<QLabel>(&view, "neverUsedCard")->accessibleName(), u"Never used: 3 keys"_s);
        QCOMPARE(child<QLabel>(&view, "staleCard")->accessibleName(), u"Stale: 2 keys"_s);
        QCOMPARE(child<QLabel>(&view, "recentCard")->accessibleName(), u"Recently created: 1 key"_s);
        QCOMPARE(child<QLabel>(&view, "activeCard")->accessibleName(), u"Active: 2 keys"_s);
        QCOMPARE(child<QLabel>(&view, "totalCard")->accessibleName(), u"Total: 8 keys"_s);
        QVERIFY(child<QLabel>(&view, "oldestLabel")->text().contains(u"backfill-2024"_s));
        QVERIFY(child<QLabel>(&view, "projectsLabel")->text().contains(u"analytics: 4 keys"_s));
        QVERIFY(child<QLabel>(&view, "thresholdsLabel")->text().contains(u"more than 90 days ago"_s));

        // The table: key IDs and project names whole, an org's Project column right after Class, and
        // the full text in a tooltip.
        auto *table = child<QTableView>(&view, "keyTable");
        QHeaderView *header = table->horizontalHeader();
        QCOMPARE(header->visualIndex(view.model()->classColumn()), 1);
        QCOMPARE(header->visualIndex(KeyTableModel::Project), 2);
        const QFontMetrics metrics = table->fontMetrics();
        for (int row = 0; row < view.model()->rowCount(); ++row) {
            for (const int column : {int(KeyTableModel::KeyId), int(KeyTableModel::Project)}) {
                const QModelIndex index = view.model()->index(row, column);
                const QString text = index.data().toString();
                QVERIFY2(metrics.horizontalAdvance(text) + 8 <= table->columnWidth(column), qPrintable(text));
                QVERIFY(index.data(Qt::ToolTipRole).toString().contains(text));
            }
        }

        LastUseChart *chart = view.chart();
        for (int b = 0; b < kLastUseBucketCount; ++b)
            QCOMPARE(chart->counts()[size_t(b)], report.summary().perBucket[size_t(b)]);
        QCOMPARE(chart->count(LastUseBucket::Older), 2);
        QCOMPARE(chart->count(LastUseBucket::Never), 4);
        QVERIFY(chart->accessibleDescription().contains(u"Over 90 days ago: 2 keys"_s));
        // The bar of keys without a use holds the recently created one too: it is not called "Never
        // used", so it cannot contradict the Never used card (3), and its tooltip splits it.
        QCOMPARE(child<QLabel>(&view, "neverUsedCard")->accessibleName(), u"Never used: 3 keys"_s);
        QVERIFY(chart->accessibleDescription().contains(u"No use yet: 4 keys"_s));
        QVERIFY(!chart->accessibleDescription().contains(u"Never used"_s));
        const QString noUseTip = chart->toolTipText(int(LastUseBucket::Never));
        QVERIFY2(noUseTip.startsWith(u"No use yet: 4 keys."_s), qPrintable(noUseTip));
        QVERIFY2(noUseTip.contains(u"3 keys never used"_s), qPrintable(noUseTip));
        QVERIFY2(noUseTip.contains(u"1 key recently created"_s), qPrintable(noUseTip));
        QCOMPARE(view.proxy()->rowCount(), 8);

        // A click on a bar shows those keys only.
        QTest::mouseClick(chart, Qt::LeftButton, {}, chart->barRect(int(LastUseBucket::Older)).center());
        QCOMPARE(chart->selectedBucket(), int(LastUseBucket::Older));
        QCOMPARE(view.proxy()->rowCount(), 2);
        for (int row = 0; row < view.proxy()->rowCount(); ++row) {
            const QModelIndex source = view.proxy()->mapToSource(view.proxy()->index(row, 0));
            QCOMPARE(view.model()->bucketAt(source.row()), LastUseBucket::Older);
        }
        QVERIFY(child<QLabel>(&view, "filterLabel")->text().contains(u"Over 90 days ago"_s));
        QVERIFY(child<QPushButton>(&view, "showAllButton")->isVisible());
        QVERIFY(chart->accessibleDescription().contains(u"The table shows the keys of"_s));

        // Another bar, from its label (the whole column is the target).
        const QRect never = chart->columnRect(int(LastUseBucket::Never));
        QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(never.center().x(), never.bottom() - 4));
        // The filter matches the bar: its 4 keys, never used and recently created alike.
        QCOMPARE(view.proxy()->rowCount(), chart->count(LastUseBucket::Never));
        int neverUsed = 0;
        for (int row = 0; row < view.proxy()->rowCount(); ++row) {
            const QModelIndex source = view.proxy()->mapToSource(view.proxy()->index(row, 0));
            QCOMPARE(view.model()->bucketAt(source.row()), LastUseBucket::Never);
            neverUsed += view.model()->classAt(source.row()) == KeyClass::NeverUsed ? 1 : 0;
        }
        QCOMPARE(neverUsed, 3);
        QVERIFY2(child<QLabel>(&view, "filterLabel")->text().contains(u"no use yet"_s),
                 qPrintable(child<QLabel>(&view, "filterLabel")->text()));
        // The same bar again: every key.
        QTest::mouseClick(chart, Qt::LeftButton, {}, chart->barRect(int(LastUseBucket::Never)).center());
        QCOMPARE(chart->selectedBucket(), -1);
        QCOMPARE(view.proxy()->rowCount(), 8);

        // From the keyboard: Left/Right move, Space selects, Escape clears.
        chart->setFocus();
        QTest::keyClick(chart, Qt::Key_Space);
        QCOMPARE(view.proxy()->rowCount(), report.summary().count(LastUseBucket(chart->selectedBucket())));
        QTest::keyClick(chart, Qt::Key_Escape);
        QCOMPARE(view.proxy()->rowCount(), 8);

        // The text filter works with the chart (project names match in the org view).
        child<QLineEdit>(&view, "searchEdit")->setText(u"analytics"_s);
        QCOMPARE(view.proxy()->rowCount(), 4);
        child<QLineEdit>(&view, "searchEdit")->clear();

        // The class column reads as the report does.
        const int classColumn = view.model()->classColumn();
        int stale = 0;
        for (int row = 0; row < view.proxy()->rowCount(); ++row)
            stale += view.proxy()->index(row, classColumn).data().toString() == u"Stale"_s ? 1 : 0;
        QCOMPARE(stale, 2);

        // Thresholds come from the preferences at each load.
        m_settings->setAuditStaleDays(30);
        QVERIFY(load(view));
        QCOMPARE(view.report().thresholds().staleDays, 30);
        QCOMPARE(view.report().summary().count(KeyClass::Stale), 2);
        m_settings->setAuditStaleDays(90);
    }

    void exportFiles()
    {
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        AuditView view(c.api.get(), m_settings.get());
        QVERIFY(load(view));
        QSignalSpy exported(&view, &AuditView::exported);

        const QString csvPath = m_dir.filePath(u"audit.csv"_s);
        FileDialog::setNextSaveFileName(csvPath);
        child<QPushButton>(&view, "exportCsvButton")->click();
        QCOMPARE(exported.count(), 1);
        QVERIFY(FileDialog::lastSuggestedPath().endsWith(u".csv"_s));
        QVERIFY(FileDialog::lastSuggestedPath().contains(u"audit-audit-test-org-"_s));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray bytes = csv.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                                 "class,name,apiKeyId,projectId,projectName,orgId,orgName,"));
        QCOMPARE(bytes.count("\r\n"), 9);
        QVERIFY(bytes.contains(",Audit Test Org,"));
        QVERIFY(view.messageBar()->text().contains(u"Saved the audit"_s));

        const QString jsonPath = m_dir.filePath(u"audit.json"_s);
        FileDialog::setNextSaveFileName(jsonPath);
        child<QPushButton>(&view, "exportJsonButton")->click();
        QCOMPARE(exported.count(), 2);
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(o[u"keys"_s].toArray().size(), 8);
        QCOMPARE(o[u"organization"_s][u"name"_s].toString(), u"Audit Test Org"_s);
        QCOMPARE(o[u"thresholds"_s][u"staleDays"_s].toInt(), 90);

        // Cancel in the file dialog: nothing written.
        FileDialog::setNextSaveFileName(QString());
        view.exportCsv();
        QCOMPARE(exported.count(), 2);
    }

    void bulkRetire()
    {
        // One delete fails (500, once); without retries the failure reaches the report.
        SimProcess sim({u"--data"_s, m_seedPath, u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"500"_s,
                        u"--fault-count"_s, u"1"_s, u"--fault-match"_s,
                        u"DELETE /api/atlas/v2/groups/*/aiModelApiKeys/"_s + kNever2});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim, 1);
        AuditView view(c.api.get(), m_settings.get());
        view.setRetireConcurrency(2);
        view.show();
        QVERIFY(load(view));

        child<QPushButton>(&view, "selectCandidatesButton")->click();
        QCOMPARE(view.proxy()->rowCount(), 5);
        QCOMPARE(view.selectedKeys().size(), 5);
        QCOMPARE(child<QLabel>(&view, "selectionLabel")->text(), u"5 keys selected"_s);
        QVERIFY(child<QLabel>(&view, "filterLabel")->text().contains(u"stale and never-used"_s));
        QPushButton *retire = child<QPushButton>(&view, "retireButton");
        QVERIFY(retire->isEnabled());
        retire->click();

        auto *dialog = view.findChild<BulkRetireDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->keys().size(), 5);
        QCOMPARE(dialog->inUseCount(), 0);
        QPushButton *confirm = dialog->retireButton();
        auto *count = child<QLineEdit>(dialog, "confirmEdit");
        QVERIFY(!confirm->isEnabled());
        QVERIFY(!confirm->isDefault());
        QTest::keyClicks(count, u"4"_s);
        QVERIFY(!confirm->isEnabled());
        count->clear();
        QTest::keyClicks(count, u"5"_s);
        QVERIFY(confirm->isEnabled());
        // Enter in the field does not cancel what was just typed.
        QTest::keyClick(count, Qt::Key_Return);
        QVERIFY(dialog->isVisible());

        QSignalSpy finishedRetire(&view, &AuditView::retireFinished);
        QSignalSpy retired(&view, &AuditView::keysRetired);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        confirm->click();
        QVERIFY(view.findChild<QProgressDialog *>(u"retireProgress"_s));
        QVERIFY(finishedRetire.wait(20000));
        QCOMPARE(MessageBox::pendingAnswers(), 0);
        const QString report = MessageBox::lastText();
        QVERIFY2(report.contains(u"Retired 4 of 5 keys."_s), qPrintable(report));
        QVERIFY2(report.contains(u"1 key could not be retired"_s), qPrintable(report));
        QVERIFY2(report.contains(u"scratch ("_s + kNever2 + u"): "_s), qPrintable(report));
        QVERIFY2(report.contains(u"500"_s), qPrintable(report));
        QCOMPARE(retired.count(), 1);
        QCOMPARE(retired.first().first().toStringList().size(), 4);
        QVERIFY(!retired.first().first().toStringList().contains(kNever2));

        // The view and the simulator agree on what is left.
        QCOMPARE(view.model()->rowCount(), 4);
        QCOMPARE(view.report().size(), 4);
        QCOMPARE(view.report().summary().count(KeyClass::NeverUsed), 1);
        QCOMPARE(view.chart()->count(LastUseBucket::Older), 0);
        QCOMPARE(child<QLabel>(&view, "neverUsedCard")->accessibleName(), u"Never used: 1 key"_s);
        auto left = finished(c.api->listOrgKeys(kOrg));
        QCOMPARE(left->items().size(), 4);
    }

    void cancelStopsTheRest()
    {
        SimProcess sim({u"--data"_s, m_seedPath, u"--latency-ms"_s, u"300"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        AuditView view(c.api.get(), m_settings.get());
        view.setRetireConcurrency(1);
        view.show();
        QVERIFY(load(view));
        view.selectRetireCandidates();
        view.retireSelected();
        auto *dialog = view.findChild<BulkRetireDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(child<QLineEdit>(dialog, "confirmEdit"), u"5"_s);
        QSignalSpy finishedRetire(&view, &AuditView::retireFinished);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        dialog->retireButton()->click();
        auto *progress = view.findChild<QProgressDialog *>(u"retireProgress"_s);
        QVERIFY(progress);
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();
        QVERIFY(finishedRetire.wait(20000));
        const QString report = MessageBox::lastText();
        QVERIFY2(report.contains(u"were not attempted after Cancel"_s), qPrintable(report));
        // The delete already sent finished; nothing after it was sent.
        auto left = finished(c.api->listOrgKeys(kOrg));
        QVERIFY(left->items().size() >= 7);
        QCOMPARE(view.model()->rowCount(), int(left->items().size()));
    }
};

QTEST_MAIN(TestAuditView)
#include "tst_auditview.moc"
