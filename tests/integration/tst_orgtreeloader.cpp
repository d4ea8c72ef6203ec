#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "models/orgtreeloader.h"
#include "models/orgtreemodel.h"
#include "simprocess.h"
#include "testenv.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::SimProcess;

namespace {

const QString kAcme = u"65f1c0de2a9b4e0012a0c001"_s;
const QString kGlobex = u"65f1c0de2a9b4e0012a0c002"_s;
const QString kProdSearch = u"66a0b1c2d3e4f5a6b7c8d101"_s;

struct Connection
{
    std::unique_ptr<AtlasSession> session;
    std::unique_ptr<AtlasClient> client;
};

Connection connectTo(const SimProcess &sim, const QString &id = u"mdb_sa_id_demo"_s,
                     const QByteArray &secret = "mdb_sa_sk_demo", AuthMode mode = AuthMode::ServiceAccount)
{
    SessionConfig config;
    config.baseUrl = sim.baseUrl();
    config.retry.maxAttempts = 1;
    Connection c;
    c.session = std::make_unique<AtlasSession>(
        config, Credentials{mode, id, SecretBuffer(QByteArray(secret))}, new QNetworkAccessManager);
    c.client = std::make_unique<AtlasClient>(c.session.get());
    return c;
}

bool waitIdle(OrgTreeLoader &loader, int timeoutMs = 20000)
{
    if (!loader.isLoading())
        return true;
    QSignalSpy spy(&loader, &OrgTreeLoader::loadingChanged);
    QElapsedTimer timer;
    timer.start();
    while (loader.isLoading() && timer.elapsed() < timeoutMs)
        spy.wait(50);
    return !loader.isLoading();
}

QStringList projectNames(const OrgTreeModel &model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data(OrgTreeModel::NameRole).toString();
    names.sort();
    return names;
}

} // namespace

class TestOrgTreeLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { aikeys::test::prepareTestEnvironment(); }

    void loadsOrganizationsThenProjectsInParallel()
    {
        SimProcess sim({u"--latency-ms"_s, u"200"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Connection c = connectTo(sim);
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        OrgTreeLoader loader(&model);
        loader.setClient(c.client.get());
        QSignalSpy loading(&loader, &OrgTreeLoader::loadingChanged);
        QSignalSpy orgs(&loader, &OrgTreeLoader::organizationsLoaded);
        QSignalSpy projects(&loader, &OrgTreeLoader::projectsLoaded);

        QElapsedTimer timer;
        timer.start();
        loader.load();
        QVERIFY(loader.isLoading());
        QCOMPARE(loading.count(), 1);
        QVERIFY(waitIdle(loader));
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(orgs.count(), 1);
        QCOMPARE(projects.count(), 3);
        QCOMPARE(loading.count(), 2);
        QVERIFY(loader.hasLoaded());
        QVERIFY(!loader.error());

        QCOMPARE(model.rowCount(), 3);
        for (const QString &org : {kAcme, kGlobex})
            QCOMPARE(model.loadState(org), OrgTreeModel::LoadState::Loaded);
        QCOMPARE(projectNames(model, model.indexOfOrganization(kAcme)),
                 QStringList({u"data-science-sandbox"_s, u"prod-search"_s, u"staging-search"_s}));
        // Token, orgs, then the three project lists and /groups side by side: about three latencies, not
        // six. Generous, a loaded machine must not fail this; the point is "not one after the other".
        QVERIFY2(elapsed < 200 * 6 + 600, qPrintable(QString::number(elapsed)));
        // The org-owner sees every project under its organization: no "Other projects".
        QVERIFY(!model.otherProjectsIndex().isValid());
    }

    void lazyBeyondTheEagerOnes()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Connection c = connectTo(sim);
        OrgTreeModel model;
        // No QAbstractItemModelTester here: it calls fetchMore() itself, which is what this test checks the
        // loader waits for.
        OrgTreeLoader loader(&model);
        loader.setEagerOrganizations(1);
        loader.setClient(c.client.get());
        loader.load();
        QVERIFY(waitIdle(loader));
        QCOMPARE(model.rowCount(), 3);
        int loaded = 0;
        QString lazyOrg;
        for (int row = 0; row < 3; ++row) {
            const QString id = model.index(row, 0).data(OrgTreeModel::IdRole).toString();
            if (model.loadState(id) == OrgTreeModel::LoadState::Loaded)
                ++loaded;
            else
                lazyOrg = id;
        }
        QCOMPARE(loaded, 1);
        const QModelIndex lazy = model.indexOfOrganization(lazyOrg);
        QCOMPARE(model.loadState(lazyOrg), OrgTreeModel::LoadState::NotLoaded);
        QVERIFY(model.hasChildren(lazy));
        QVERIFY(model.canFetchMore(lazy));
        // What a view does when the user expands it.
        model.fetchMore(lazy);
        QVERIFY(loader.isLoading());
        QVERIFY(waitIdle(loader));
        QCOMPARE(model.loadState(lazyOrg), OrgTreeModel::LoadState::Loaded);
        QVERIFY(model.rowCount(lazy) > 0);
    }

    void keyCountsFromOneOrgListing()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Connection c = connectTo(sim);
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        OrgTreeLoader loader(&model);
        loader.setClient(c.client.get());
        loader.load();
        QVERIFY(waitIdle(loader));

        QSignalSpy counted(&loader, &OrgTreeLoader::keyCountsLoaded);
        loader.countKeys(kAcme);
        loader.countKeys(kAcme); // not twice
        QVERIFY(counted.wait(10000));
        QCOMPARE(counted.count(), 1);
        QVERIFY(loader.hasKeyCounts(kAcme));
        const QModelIndex acme = model.indexOfOrganization(kAcme);
        qint64 sum = 0;
        for (int row = 0; row < model.rowCount(acme); ++row) {
            const QModelIndex project = model.index(row, 0, acme);
            QVERIFY(project.data(OrgTreeModel::KeyCountRole).isValid());
            const qint64 count = project.data(OrgTreeModel::KeyCountRole).toLongLong();
            sum += count;
            // The same number a project listing gives.
            auto *list = c.client->listProjectKeys(project.data(OrgTreeModel::IdRole).toString());
            list->setAutoDelete(false);
            QSignalSpy done(list, &Job::finished);
            QVERIFY(done.wait(10000));
            QCOMPARE(qint64(list->items().size()), count);
            delete list;
            QVERIFY(project.data().toString().endsWith(u"(%1)"_s.arg(count)));
        }
        QVERIFY(sum > 0);
        // Globex was not counted.
        const QModelIndex globex = model.indexOfOrganization(kGlobex);
        QVERIFY(!model.index(0, 0, globex).data(OrgTreeModel::KeyCountRole).isValid());

        // Counts handed over from someone else's listing, zeros included.
        loader.applyKeyCounts(kGlobex, {});
        for (int row = 0; row < model.rowCount(globex); ++row)
            QCOMPARE(model.index(row, 0, globex).data(OrgTreeModel::KeyCountRole).toLongLong(), 0);
    }

    void refreshKeepsTheTree()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Connection c = connectTo(sim);
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        OrgTreeLoader loader(&model);
        loader.setClient(c.client.get());
        loader.load();
        QVERIFY(waitIdle(loader));
        const QPersistentModelIndex prod = model.indexOfProject(kProdSearch);
        QVERIFY(prod.isValid());

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy projects(&loader, &OrgTreeLoader::projectsLoaded);
        loader.load();
        QVERIFY(waitIdle(loader));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(projects.count(), 3); // every loaded organization listed again
        QVERIFY(prod.isValid());
        QCOMPARE(QModelIndex(prod), model.indexOfProject(kProdSearch));
    }

    // A refresh never puts back counts older than what the tree shows: the organizations counted
    // before are counted again, and a count set in between (a create) is the one kept until then.
    void refreshCountsAgain()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Connection c = connectTo(sim);
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        OrgTreeLoader loader(&model);
        loader.setClient(c.client.get());
        loader.load();
        QVERIFY(waitIdle(loader));
        QSignalSpy counted(&loader, &OrgTreeLoader::keyCountsLoaded);
        loader.countKeys(kAcme);
        QVERIFY(counted.wait(10000));
        auto count = [&] {
            return model.indexOfProject(kProdSearch).data(OrgTreeModel::KeyCountRole).toLongLong();
        };
        const qint64 before = count();

        auto create = [&](const QString &name) {
            auto *job = c.client->createKey(kProdSearch, name);
            job->setAutoDelete(false);
            QSignalSpy done(job, &Job::finished);
            const bool ok = done.wait(10000) && job->succeeded();
            SecretBuffer discarded = job->takeSecret();
            delete job;
            return ok;
        };

        // Created here: the window tells the loader the new count.
        QVERIFY(create(u"counted once"_s));
        loader.setKeyCount(kProdSearch, before + 1);
        QCOMPARE(count(), before + 1);
        counted.clear();
        QSignalSpy projects(&loader, &OrgTreeLoader::projectsLoaded);
        loader.load();
        QVERIFY(waitIdle(loader));
        QVERIFY(projects.count() > 0);
        QCOMPARE(count(), before + 1); // not the count from before the create
        QVERIFY(counted.count() > 0 || counted.wait(10000));
        QCOMPARE(count(), before + 1);

        // Created by someone else: the next refresh finds it.
        QVERIFY(create(u"counted by the refresh"_s));
        counted.clear();
        loader.load();
        QVERIFY(counted.wait(10000));
        QCOMPARE(count(), before + 2);

        // An organization never counted is not counted by a refresh either.
        QVERIFY(!loader.hasKeyCounts(kGlobex));
    }

    void projectOnlyUserSeesOtherProjects()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Connection c = connectTo(sim, u"demo-project"_s, "demo-project-private-key", AuthMode::ApiKey);
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        OrgTreeLoader loader(&model);
        loader.setClient(c.client.get());
        loader.load();
        QVERIFY(waitIdle(loader));
        const QModelIndex others = model.otherProjectsIndex();
        QVERIFY(others.isValid());
        QVERIFY(projectNames(model, others).contains(u"partner-integration"_s));
        QVERIFY(projectNames(model, others).contains(u"staging-search"_s));
        // Counting an org's keys is refused (no org role): quietly, the tree stays as it is.
        loader.countKeys(kAcme);
        // A negative check: the refused count must change nothing. The loader says nothing when it
        // gives up, so the loop spins long enough for the simulator's answer to arrive.
        QTest::qWait(500);
        QVERIFY(!loader.hasKeyCounts(kAcme));
    }

    void failedProjectListMarksTheOrganization()
    {
        SimProcess sim({u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"500"_s, u"--fault-count"_s, u"1"_s,
                        u"--fault-match"_s, u"GET /api/atlas/v2/orgs/" + kAcme + u"/groups"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Connection c = connectTo(sim);
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        OrgTreeLoader loader(&model);
        loader.setClient(c.client.get());
        loader.load();
        QVERIFY(waitIdle(loader));
        QCOMPARE(model.loadState(kAcme), OrgTreeModel::LoadState::Failed);
        QVERIFY(model.indexOfOrganization(kAcme)
                    .data(OrgTreeModel::StatusTextRole)
                    .toString()
                    .contains(u"500"_s));
        QCOMPARE(model.loadState(kGlobex), OrgTreeModel::LoadState::Loaded);
        loader.loadProjects(kAcme);
        QVERIFY(waitIdle(loader));
        QCOMPARE(model.loadState(kAcme), OrgTreeModel::LoadState::Loaded);
        QCOMPARE(model.rowCount(model.indexOfOrganization(kAcme)), 3);
    }

    void failedOrganizationList()
    {
        SimProcess sim({u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"503"_s, u"--fault-count"_s, u"1"_s,
                        u"--fault-match"_s, u"GET /api/atlas/v2/orgs"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Connection c = connectTo(sim);
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        OrgTreeLoader loader(&model);
        loader.setClient(c.client.get());
        QSignalSpy failed(&loader, &OrgTreeLoader::failed);
        loader.load();
        QVERIFY(waitIdle(loader));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(loader.error().httpStatus(), 503);
        QVERIFY(!loader.hasLoaded());
        QCOMPARE(model.rowCount(), 0);
        loader.load();
        QVERIFY(waitIdle(loader));
        QVERIFY(!loader.error());
        QCOMPARE(model.rowCount(), 3);
    }

    void cancelStopsEverything()
    {
        SimProcess sim({u"--latency-ms"_s, u"2000"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Connection c = connectTo(sim);
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        OrgTreeLoader loader(&model);
        loader.setClient(c.client.get());
        QSignalSpy loading(&loader, &OrgTreeLoader::loadingChanged);
        loader.load();
        QVERIFY(loader.isLoading());
        loader.cancel();
        QVERIFY(!loader.isLoading());
        QCOMPARE(loading.count(), 2);
        QTest::qWait(200); // the cancelled jobs end from the event loop; nothing may reach the model
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!loader.hasLoaded());

        // Another client (signing out) empties the tree.
        loader.setClient(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOrgTreeLoader)
#include "tst_orgtreeloader.moc"
