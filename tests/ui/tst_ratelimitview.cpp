// The rate-limit view against a real atlas-sim: ceilings and headroom, values above the ceiling
// refused before anything is sent, an edit, reset of one group, reset of all after a confirmation,
// and the organization's over-subscription warnings.
#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "ratelimits/ratelimitview.h"
#include "simprocess.h"
#include "testenv.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <climits>
#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::finished;
using aikeys::test::SimProcess;

namespace {

const QString kOrg = u"5f00000000000000000000a1"_s;
const QString kSearch = u"6a00000000000000000000b1"_s;
const QString kAnalytics = u"6a00000000000000000000b2"_s;

// Default model groups and ceilings (embed_large: project default 2,000 / 3,000,000, org ceiling
// 4,000 / 8,000,000; multimodal: 2,000 / 2,000,000 under 2,000 / 4,000,000); search-prod has a
// customised embed_large limit.
QByteArray seed()
{
    const QJsonObject root{
        {u"format"_s, u"atlas-sim/1"_s},
        {u"orgs"_s, QJsonArray{QJsonObject{{u"id"_s, kOrg}, {u"name"_s, u"Limits Org"_s}}}},
        {u"projects"_s,
         QJsonArray{QJsonObject{
                        {u"id"_s, kSearch},
                        {u"orgId"_s, kOrg},
                        {u"name"_s, u"search-prod"_s},
                        {u"rateLimits"_s,
                         QJsonObject{{u"embed_large"_s, QJsonObject{{u"requestsPerMinuteLimit"_s, 3000},
                                                                    {u"tokensPerMinuteLimit"_s, 5000000}}}}}},
                    QJsonObject{{u"id"_s, kAnalytics}, {u"orgId"_s, kOrg}, {u"name"_s, u"analytics"_s}}}},
    };
    return QJsonDocument(root).toJson();
}

using aikeys::test::child;
using Client = aikeys::test::TestClient;

Client openSession(const SimProcess &sim)
{
    return aikeys::test::openTestClient(sim.baseUrl());
}

} // namespace

class TestRateLimitView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_seedPath;

    RateLimit serverLimit(AtlasClient *api, const QString &project, const QString &group)
    {
        auto call = finished(api->getProjectRateLimit(project, {}, group));
        if (!call->succeeded())
            qFatal("cannot read the limit: %s", qPrintable(call->error().toString()));
        return call->value();
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
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init() { MessageBox::clearNextAnswers(); }

    void shouldHaveDefaultValues()
    {
        RateLimitView view(nullptr);
        QVERIFY(view.rows().isEmpty());
        QVERIFY(!view.isBusy());
        QVERIFY(!child<QWidget>(&view, "editBox")->isEnabled());
        QVERIFY(!child<QPushButton>(&view, "resetAllButton")->isEnabled());
        QVERIFY(child<QWidget>(&view, "pages")->isHidden());
        view.showProject(kSearch);
        QVERIFY(view.messageBar()->text().contains(u"Not signed in"_s));
        QCOMPARE(view.applyEdit(u"embed_large"_s, 1, 1), false);
    }

    void projectLimits()
    {
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        RateLimitView view(c.api.get());
        view.show();
        QSignalSpy loaded(&view, &RateLimitView::loaded);
        QSignalSpy changed(&view, &RateLimitView::changed);
        view.showProject(kSearch); // the org is found from the project
        QVERIFY(loaded.wait(20000));
        QVERIFY(view.hasCeilings());
        QCOMPARE(view.rows().size(), 5);
        QVERIFY(child<QLabel>(&view, "titleLabel")->text().contains(u"search-prod"_s));

        // The table: the limit, the org's ceiling and the headroom between them.
        auto *table = child<QTableWidget>(&view, "limitsTable");
        QCOMPARE(table->rowCount(), 5);
        int large = -1;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == u"embed_large"_s)
                large = row;
        }
        QVERIFY(large >= 0);
        QCOMPARE(table->item(large, 2)->text(), u"3,000"_s);
        QCOMPARE(table->item(large, 3)->text(), u"4,000"_s);
        QCOMPARE(table->item(large, 4)->text(), u"1,000"_s);
        QCOMPARE(table->item(large, 5)->text(), u"5,000,000"_s);
        QCOMPARE(table->item(large, 6)->text(), u"8,000,000"_s);
        QCOMPARE(table->item(large, 7)->text(), u"3,000,000"_s);

        // The editor stops at the ceiling.
        view.setCurrentGroup(u"embed_large"_s);
        QCOMPARE(view.currentGroup(), u"embed_large"_s);
        auto *requests = child<QSpinBox>(&view, "requestsSpin");
        auto *tokens = child<QSpinBox>(&view, "tokensSpin");
        QCOMPARE(requests->maximum(), 4000);
        QCOMPARE(tokens->maximum(), 8000000);
        QCOMPARE(requests->minimum(), 1);
        QCOMPARE(requests->value(), 3000);
        QVERIFY(!child<QPushButton>(&view, "applyButton")->isEnabled()); // nothing changed yet
        requests->setValue(5000);
        QCOMPARE(requests->value(), 4000);

        // Above the ceiling: refused here, nothing sent.
        QCOMPARE(view.applyEdit(u"embed_large"_s, 4001, 1000), false);
        QVERIFY2(view.validationMessage().contains(u"organization's limit of 4,000"_s),
                 qPrintable(view.validationMessage()));
        QCOMPARE(view.applyEdit(u"embed_large"_s, 100, 8000001), false);
        QCOMPARE(view.applyEdit(u"embed_large"_s, 0, 1), false);
        QVERIFY(!view.isBusy());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(serverLimit(c.api.get(), kSearch, u"embed_large"_s).requestsPerMinuteLimit, 3000);

        // At the ceiling, through the editor: sent, and the table follows the server's answer.
        requests->setValue(4000);
        tokens->setValue(6000000);
        QVERIFY(child<QPushButton>(&view, "applyButton")->isEnabled());
        child<QPushButton>(&view, "applyButton")->click();
        QVERIFY(changed.wait(20000));
        RateLimit now = serverLimit(c.api.get(), kSearch, u"embed_large"_s);
        QCOMPARE(now.requestsPerMinuteLimit, 4000);
        QCOMPARE(now.tokensPerMinuteLimit, 6000000);
        QCOMPARE(table->item(large, 4)->text(), u"0"_s);
        QCOMPARE(table->item(large, 7)->text(), u"2,000,000"_s);

        // Reset one group: back to the default.
        view.setCurrentGroup(u"embed_large"_s);
        child<QPushButton>(&view, "resetGroupButton")->click();
        QVERIFY(changed.wait(20000));
        now = serverLimit(c.api.get(), kSearch, u"embed_large"_s);
        QCOMPARE(now.requestsPerMinuteLimit, 2000);
        QCOMPARE(now.tokensPerMinuteLimit, 3000000);

        // Reset all asks first; No changes nothing.
        QVERIFY(view.applyEdit(u"rerank"_s, 1234, 1000000));
        QVERIFY(changed.wait(20000));
        QCOMPARE(serverLimit(c.api.get(), kSearch, u"rerank"_s).requestsPerMinuteLimit, 1234);
        MessageBox::setNextAnswer(QMessageBox::No);
        child<QPushButton>(&view, "resetAllButton")->click();
        QVERIFY(
            MessageBox::lastText().contains(u"Reset the rate limits of every model group in search-prod"_s));
        QVERIFY(!view.isBusy());
        QCOMPARE(serverLimit(c.api.get(), kSearch, u"rerank"_s).requestsPerMinuteLimit, 1234);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        child<QPushButton>(&view, "resetAllButton")->click();
        QVERIFY(changed.wait(20000));
        QCOMPARE(serverLimit(c.api.get(), kSearch, u"rerank"_s).requestsPerMinuteLimit, 2000);
        for (const LimitRow &row : view.rows())
            QCOMPARE(row.limit.requestsPerMinuteLimit,
                     serverLimit(c.api.get(), kSearch, row.limit.modelGroupName).requestsPerMinuteLimit);
    }

    void atlasRefusalIsShown()
    {
        // A ceiling that cannot be read (a fault on the org's limits): the view still edits, without
        // ceilings, and shows Atlas's own refusal of a value it does not accept.
        SimProcess sim({u"--data"_s, m_seedPath, u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"403"_s,
                        u"--fault-match"_s, u"GET /api/atlas/v2/orgs/*/aiModelApiRateLimits"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        RateLimitView view(c.api.get());
        QSignalSpy loaded(&view, &RateLimitView::loaded);
        view.showProject(kSearch, kOrg);
        QVERIFY(loaded.wait(20000));
        QVERIFY(!view.hasCeilings());
        QVERIFY(child<QLabel>(&view, "ceilingNoteLabel")->text().contains(u"could not be read"_s));
        QCOMPARE(child<QSpinBox>(&view, "requestsSpin")->maximum(), INT_MAX);
        QVERIFY(view.applyEdit(u"embed_large"_s, 999999, 1000)); // sent: only Atlas knows the ceiling
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 20000);
        QVERIFY2(view.messageBar()->text().contains(u"embed_large was not changed"_s),
                 qPrintable(view.messageBar()->text()));
        QCOMPARE(serverLimit(c.api.get(), kSearch, u"embed_large"_s).requestsPerMinuteLimit, 3000);
    }

    void projectWarnsOfOrgOversubscription()
    {
        // The project's page says when its org's projects together allow more than a ceiling
        // (embed_large: 3,000 + 2,000 against 4,000; multimodal: 2,000 + 2,000 against 2,000).
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        RateLimitView view(c.api.get());
        view.resize(1000, 700);
        view.show();
        QSignalSpy loaded(&view, &RateLimitView::loaded);
        QSignalSpy checked(&view, &RateLimitView::orgChecked);
        QSignalSpy changed(&view, &RateLimitView::changed);
        view.showProject(kAnalytics);
        QVERIFY(loaded.wait(20000));
        QVERIFY(checked.wait(20000));
        MessageBar *bar = view.oversubscriptionBar();
        QCOMPARE(bar->objectName(), u"oversubscriptionBar"_s);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->kind(), MessageBar::Kind::Warning);
        QVERIFY2(bar->text().contains(u"together allow more than the organization's ceiling"_s),
                 qPrintable(bar->text()));
        QVERIFY(bar->text().contains(u"embed_large"_s));
        QVERIFY(bar->text().contains(u"multimodal"_s));
        QVERIFY(!bar->text().contains(u"rerank"_s));
        QVERIFY(bar->hint().contains(u"organization's rate limits"_s));
        QCOMPARE(view.orgOversubscriptions().size(), 2);

        // Lowering this project's embed_large below the rest: that group fits now, the warning follows.
        QVERIFY(view.applyEdit(u"embed_large"_s, 1000, 1000000));
        QVERIFY(changed.wait(20000));
        QVERIFY(checked.wait(20000));
        QVERIFY(bar->isVisible());
        QVERIFY(!bar->text().contains(u"embed_large"_s));
        QVERIFY(bar->text().contains(u"multimodal"_s));

        // Another project of the same org reuses what was learnt; its own table shows at once.
        view.showProject(kSearch, kOrg);
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY(bar->isVisible());
        QVERIFY(bar->text().contains(u"multimodal"_s));

        // Nothing over-subscribed (multimodal lowered in both projects elsewhere, then a reload): no
        // warning.
        for (const QString &project : {kAnalytics, kSearch}) {
            auto lowered =
                finished(c.api->updateProjectRateLimit(project, {}, u"multimodal"_s, 1000, 1000000));
            QVERIFY(lowered->succeeded());
        }
        view.reload();
        QVERIFY(loaded.wait(20000));
        QVERIFY(checked.wait(20000));
        QVERIFY(view.orgOversubscriptions().isEmpty());
        QVERIFY(!bar->isVisible());
    }

    void projectTableShowsEveryModel()
    {
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        RateLimitView view(c.api.get());
        view.resize(960, 640); // about what a 1280-pixel window leaves beside the tree
        view.show();
        QSignalSpy loaded(&view, &RateLimitView::loaded);
        view.showProject(kSearch, kOrg);
        QVERIFY(loaded.wait(20000));
        auto *table = child<QTableWidget>(&view, "limitsTable");
        QTRY_VERIFY(table->isVisible());
        // Every model name is on screen: the Models column wraps rather than cutting them off.
        const QFontMetrics metrics = table->fontMetrics();
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString models = table->item(row, 1)->text();
            QCOMPARE(table->item(row, 1)->toolTip(), models);
            const QRect cell = table->visualRect(table->model()->index(row, 1));
            const QRect needed =
                metrics.boundingRect(QRect(0, 0, cell.width() - 8, 10000), Qt::TextWordWrap, models);
            QVERIFY2(needed.height() <= cell.height(),
                     qPrintable(u"%1: %2 > %3"_s.arg(models).arg(needed.height()).arg(cell.height())));
        }
        // The numbers are never cut short either.
        for (int column = 2; column < table->columnCount(); ++column) {
            for (int row = 0; row < table->rowCount(); ++row) {
                const QString text = table->item(row, column)->text();
                QVERIFY(metrics.horizontalAdvance(text) <= table->columnWidth(column));
            }
        }
        // The table takes the page's height: no empty strip between it and the editor.
        auto *editBox = child<QWidget>(&view, "editBox");
        QVERIFY2(editBox->geometry().top() - table->geometry().bottom() < 20,
                 qPrintable(u"%1 %2"_s.arg(table->geometry().bottom()).arg(editBox->geometry().top())));
    }

    void orgOversubscription()
    {
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        RateLimitView view(c.api.get());
        QSignalSpy loaded(&view, &RateLimitView::loaded);
        view.showOrg(kOrg, u"Limits Org"_s);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(view.ceilings().size(), 5);
        QVERIFY(child<QLabel>(&view, "titleLabel")->text().contains(u"Limits Org"_s));

        // embed_large: 3,000 + 2,000 requests against 4,000; multimodal: 2,000 + 2,000 against 2,000.
        QStringList groups;
        for (const Oversubscription &o : view.oversubscriptions())
            groups << o.ceiling.modelGroupName;
        groups.sort();
        QCOMPARE(groups, (QStringList{u"embed_large"_s, u"multimodal"_s}));
        for (const Oversubscription &o : view.oversubscriptions()) {
            if (o.ceiling.modelGroupName == u"embed_large"_s) {
                QCOMPARE(o.requestsTotal, 5000);
                QCOMPARE(o.projects.first().first, kSearch);
            }
        }
        auto *warnings = child<QTreeWidget>(&view, "warningsList");
        QCOMPARE(warnings->topLevelItemCount(), 2);
        QVERIFY(warnings->topLevelItem(0)->text(0).contains(u"add up to"_s));
        QCOMPARE(warnings->topLevelItem(0)->childCount(), 2);
        QVERIFY(child<QLabel>(&view, "allocationLabel")->text().contains(u"2 of 2 projects"_s));
        auto *ceilings = child<QTableWidget>(&view, "ceilingsTable");
        QCOMPARE(ceilings->rowCount(), 5);

        // After lowering search-prod's embed_large limit the group fits: reload shows one warning less.
        auto lowered = finished(c.api->updateProjectRateLimit(kSearch, {}, u"embed_large"_s, 1000, 1000000));
        QVERIFY(lowered->succeeded());
        view.reload();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(view.oversubscriptions().size(), 1);
        QCOMPARE(view.oversubscriptions().first().ceiling.modelGroupName, u"multimodal"_s);
    }
};

QTEST_MAIN(TestRateLimitView)
#include "tst_ratelimitview.moc"
