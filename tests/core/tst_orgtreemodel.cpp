#include "models/orgtreefilterproxymodel.h"
#include "models/orgtreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;

using Kind = OrgTreeModel::NodeKind;
using State = OrgTreeModel::LoadState;

namespace {

Organization org(const QString &id, const QString &name)
{
    return Organization{id, name, false};
}

Project project(const QString &id, const QString &name, const QString &orgId)
{
    Project p;
    p.id = id;
    p.name = name;
    p.orgId = orgId;
    return p;
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data().toString();
    return names;
}

Kind kindOf(const QModelIndex &index)
{
    return index.data(OrgTreeModel::KindRole).value<Kind>();
}

State stateOf(const QModelIndex &index)
{
    return index.data(OrgTreeModel::LoadStateRole).value<State>();
}

} // namespace

class TestOrgTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void organizationsAtTheTop()
    {
        OrgTreeModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasChildren());

        model.setOrganizations({org(u"o1"_s, u"Acme"_s), org(u"o2"_s, u"Beta"_s), org(u"o3"_s, QString())});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.columnCount(), 1);
        QCOMPARE(childNames(model), QStringList({u"Acme"_s, u"Beta"_s, u"o3"_s})); // no name: the id
        const QModelIndex acme = model.index(0, 0);
        QCOMPARE(kindOf(acme), Kind::Organization);
        QCOMPARE(acme.data(OrgTreeModel::KindRole).toInt(), int(Kind::Organization)); // for delegates
        QCOMPARE(acme.data(OrgTreeModel::IdRole).toString(), u"o1"_s);
        QCOMPARE(acme.data(OrgTreeModel::OrgIdRole).toString(), u"o1"_s);
        QCOMPARE(acme.data(OrgTreeModel::NameRole).toString(), u"Acme"_s);
        QCOMPARE(acme.data(Qt::ToolTipRole).toString(), u"Organization ID: o1"_s);
        QVERIFY(!model.parent(acme).isValid());
        QCOMPARE(model.indexOfOrganization(u"o2"_s), model.index(1, 0));
        QVERIFY(!model.indexOfOrganization(u"nope"_s).isValid());
        QVERIFY(!model.otherProjectsIndex().isValid());
        QCOMPARE(model.roleNames().value(OrgTreeModel::KindRole), QByteArray("kind"));
    }

    void repeatedOrganizationKeepsItsFirstPlace()
    {
        OrgTreeModel model;
        model.setOrganizations({org(u"o1"_s, u"Old"_s), org(u"o2"_s, u"Beta"_s), org(u"o1"_s, u"New"_s)});
        QCOMPARE(childNames(model), QStringList({u"New"_s, u"Beta"_s}));
    }

    // Qt's lazy-loading protocol, as a view drives it when an organization is expanded.
    void fetchMoreAsksForProjects()
    {
        OrgTreeModel model;
        model.setOrganizations({org(u"o1"_s, u"Acme"_s), org(u"o2"_s, u"Beta"_s)});
        QSignalSpy requested(&model, &OrgTreeModel::projectsRequested);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QModelIndex acme = model.indexOfOrganization(u"o1"_s);

        QCOMPARE(stateOf(acme), State::NotLoaded);
        QVERIFY(model.hasChildren(acme)); // the view draws an expander
        QCOMPARE(model.rowCount(acme), 0);
        QVERIFY(model.canFetchMore(acme));
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(acme.data(OrgTreeModel::StatusTextRole).toString(), QString());

        model.fetchMore(acme);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested[0][0].toString(), u"o1"_s);
        QCOMPARE(stateOf(acme), State::Loading);
        QCOMPARE(model.loadState(u"o1"_s), State::Loading);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>(), acme);
        QCOMPARE(acme.data(OrgTreeModel::StatusTextRole).toString(), u"Loading..."_s);
        QVERIFY(!model.canFetchMore(acme));
        QVERIFY(model.hasChildren(acme));

        model.fetchMore(acme); // asked once only
        QCOMPARE(requested.count(), 1);

        model.setProjects(u"o1"_s, {});
        QCOMPARE(stateOf(acme), State::Loaded);
        QVERIFY(!model.hasChildren(acme)); // loaded and empty: no expander any more
        QVERIFY(!model.canFetchMore(acme));
        QCOMPARE(model.loadState(u"o2"_s), State::NotLoaded);
    }

    void lazyFillWithTesterAlive()
    {
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrganizations({org(u"o1"_s, u"Acme"_s), org(u"o2"_s, u"Beta"_s)});
        const QModelIndex acme = model.indexOfOrganization(u"o1"_s);
        model.setLoading(u"o1"_s);
        QCOMPARE(stateOf(acme), State::Loading);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setProjects(u"o1"_s,
                          {project(u"pa"_s, u"Alpha"_s, u"o1"_s), project(u"pb"_s, u"Billing"_s, u"o1"_s)});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted[0][0].value<QModelIndex>(), acme);
        QCOMPARE(inserted[0][1].toInt(), 0);
        QCOMPARE(inserted[0][2].toInt(), 1);
        QCOMPARE(childNames(model, acme), QStringList({u"Alpha"_s, u"Billing"_s}));
        QCOMPARE(stateOf(acme), State::Loaded);
        QCOMPARE(acme.data(OrgTreeModel::StatusTextRole).toString(), QString());

        const QModelIndex billing = model.indexOfProject(u"pb"_s);
        QCOMPARE(model.parent(billing), acme);
        QCOMPARE(kindOf(billing), Kind::Project);
        QCOMPARE(billing.data(OrgTreeModel::IdRole).toString(), u"pb"_s);
        QCOMPARE(billing.data(OrgTreeModel::OrgIdRole).toString(), u"o1"_s);
        QVERIFY(!billing.data(OrgTreeModel::LoadStateRole).isValid());
        QCOMPARE(billing.data(Qt::ToolTipRole).toString(), u"Project ID: pb"_s);
        QVERIFY(!model.hasChildren(billing));
        QVERIFY(!model.canFetchMore(billing));
        QCOMPARE(model.projectAt(billing)->name, u"Billing"_s);
        QVERIFY(!model.projectAt(acme));

        // A second load merges: Alpha gone, Billing renamed in place, Cloud new.
        const QPersistentModelIndex selected = billing;
        inserted.clear();
        changed.clear();
        model.setProjects(
            u"o1"_s, {project(u"pb"_s, u"Billing API"_s, u"o1"_s), project(u"pc"_s, u"Cloud"_s, QString())});
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed[0][1].toInt(), 0);
        QCOMPARE(removed[0][2].toInt(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>(), model.indexOfProject(u"pb"_s));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted[0][1].toInt(), 1);
        QCOMPARE(childNames(model, acme), QStringList({u"Billing API"_s, u"Cloud"_s}));
        QCOMPARE(selected.row(), 0);
        QCOMPARE(selected.data().toString(), u"Billing API"_s);
        QVERIFY(!model.indexOfProject(u"pa"_s).isValid());
        // A project listed without its orgId gets the organization's.
        QCOMPARE(model.indexOfProject(u"pc"_s).data(OrgTreeModel::OrgIdRole).toString(), u"o1"_s);

        model.setProjects(u"o2"_s, {project(u"pd"_s, u"Data"_s, u"o2"_s)});
        QCOMPARE(model.projectNames(),
                 (QHash<QString, QString>{
                     {u"pb"_s, u"Billing API"_s}, {u"pc"_s, u"Cloud"_s}, {u"pd"_s, u"Data"_s}}));

        // Unknown organization: nothing happens.
        inserted.clear();
        model.setProjects(u"o9"_s, {project(u"px"_s, u"X"_s, u"o9"_s)});
        QCOMPARE(inserted.count(), 0);
        QVERIFY(!model.indexOfProject(u"px"_s).isValid());
    }

    void loadErrorKeepsWhatWasThere()
    {
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrganizations({org(u"o1"_s, u"Acme"_s), org(u"o2"_s, u"Beta"_s)});
        const QModelIndex beta = model.indexOfOrganization(u"o2"_s);
        model.setLoadError(u"o2"_s, u"403 Forbidden"_s);
        QCOMPARE(stateOf(beta), State::Failed);
        QCOMPARE(beta.data(OrgTreeModel::ErrorRole).toString(), u"403 Forbidden"_s);
        QCOMPARE(beta.data(OrgTreeModel::StatusTextRole).toString(), u"Could not load: 403 Forbidden"_s);
        QCOMPARE(beta.data(Qt::ToolTipRole).toString(), u"Could not load: 403 Forbidden"_s);
        QVERIFY(!model.canFetchMore(beta)); // no retry loop from the view
        QVERIFY(!model.hasChildren(beta));

        model.setProjects(u"o1"_s, {project(u"pa"_s, u"Alpha"_s, u"o1"_s)});
        model.setLoadError(u"o1"_s, u"timeout"_s);
        QCOMPARE(childNames(model, model.indexOfOrganization(u"o1"_s)), QStringList({u"Alpha"_s}));

        model.setLoading(u"o2"_s); // a retry
        QCOMPARE(stateOf(beta), State::Loading);
        QCOMPARE(beta.data(OrgTreeModel::ErrorRole).toString(), QString());
    }

    void otherProjectsGroup()
    {
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrganizations({org(u"o1"_s, u"Acme"_s)});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.setOtherProjects({project(u"pa"_s, u"Alpha"_s, u"o1"_s), // its org is listed: not "other"
                                project(u"px"_s, u"Xylo"_s, u"o9"_s), project(u"py"_s, u"Yak"_s, u"o8"_s)});
        const QModelIndex group = model.otherProjectsIndex();
        QVERIFY(group.isValid());
        QCOMPARE(group.row(), 1);
        QCOMPARE(kindOf(group), Kind::OtherGroup);
        QCOMPARE(group.data().toString(), u"Other projects"_s);
        QCOMPARE(group.data(OrgTreeModel::IdRole).toString(), QString());
        QCOMPARE(stateOf(group), State::Loaded);
        QCOMPARE(childNames(model, group), QStringList({u"Xylo"_s, u"Yak"_s}));
        QVERIFY(!model.indexOfProject(u"pa"_s).isValid());
        QCOMPARE(model.parent(model.indexOfProject(u"py"_s)), group);
        QCOMPARE(model.indexOfProject(u"py"_s).data(OrgTreeModel::OrgIdRole).toString(), u"o8"_s);
        QCOMPARE(inserted.count(), 2); // the group, then its projects
        QVERIFY(!inserted[0][0].value<QModelIndex>().isValid());
        QCOMPARE(inserted[1][0].value<QModelIndex>(), group);

        model.setOtherProjects({project(u"py"_s, u"Yak"_s, u"o8"_s)});
        QCOMPARE(childNames(model, group), QStringList({u"Yak"_s}));
        QCOMPARE(removed.count(), 1);

        model.setOtherProjects({});
        QVERIFY(!model.otherProjectsIndex().isValid());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(removed.count(), 3); // the last project, then the group
        QVERIFY(!removed[2][0].value<QModelIndex>().isValid());
    }

    void keyCounts()
    {
        OrgTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrganizations({org(u"o1"_s, u"Acme"_s)});
        model.setKeyCount(u"pa"_s, 3); // before the project arrives
        model.setProjects(u"o1"_s,
                          {project(u"pa"_s, u"Alpha"_s, u"o1"_s), project(u"pb"_s, u"Beta"_s, u"o1"_s)});
        const QModelIndex alpha = model.indexOfProject(u"pa"_s);
        const QModelIndex beta = model.indexOfProject(u"pb"_s);
        QCOMPARE(alpha.data().toString(), u"Alpha (3)"_s);
        QCOMPARE(alpha.data(OrgTreeModel::NameRole).toString(), u"Alpha"_s);
        QCOMPARE(alpha.data(OrgTreeModel::KeyCountRole).toLongLong(), 3);
        QCOMPARE(beta.data().toString(), u"Beta"_s);
        QVERIFY(!beta.data(OrgTreeModel::KeyCountRole).isValid());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setKeyCount(u"pb"_s, 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>(), beta);
        QVERIFY(changed[0][2].value<QList<int>>().contains(Qt::DisplayRole));
        QCOMPARE(beta.data().toString(), u"Beta (0)"_s);
        model.setKeyCount(u"pb"_s, 0);
        QCOMPARE(changed.count(), 1); // unchanged: no signal
        model.setKeyCount(u"pa"_s, -1);
        QCOMPARE(alpha.data().toString(), u"Alpha"_s);
        QCOMPARE(changed.count(), 2);
        model.setKeyCount(u"unknown"_s, 4); // no node: remembered, no signal
        QCOMPARE(changed.count(), 2);
    }

    void filterKeepsParents()
    {
        OrgTreeModel model;
        model.setOrganizations(
            {org(u"o1"_s, u"Acme"_s), org(u"o2"_s, u"Beta Corp"_s), org(u"o3"_s, u"Gamma"_s)});
        model.setProjects(
            u"o1"_s, {project(u"p1"_s, u"Billing API"_s, u"o1"_s), project(u"p2"_s, u"Search"_s, u"o1"_s)});
        model.setProjects(u"o2"_s,
                          {project(u"p3"_s, u"Web"_s, u"o2"_s), project(u"p4"_s, u"billing-eu"_s, u"o2"_s)});
        model.setOtherProjects({project(u"p9"_s, u"Shared search"_s, u"o9"_s)});

        OrgTreeFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy textChanged(&proxy, &OrgTreeFilterProxyModel::filterTextChanged);

        proxy.setFilterText(u"BILLING"_s);
        QCOMPARE(textChanged.count(), 1);
        QCOMPARE(childNames(proxy), QStringList({u"Acme"_s, u"Beta Corp"_s}));
        QCOMPARE(childNames(proxy, proxy.index(0, 0)), QStringList({u"Billing API"_s}));
        QCOMPARE(childNames(proxy, proxy.index(1, 0)), QStringList({u"billing-eu"_s}));

        // A matching organization shows all of its projects.
        proxy.setFilterText(u"acme"_s);
        QCOMPARE(childNames(proxy), QStringList({u"Acme"_s}));
        QCOMPARE(childNames(proxy, proxy.index(0, 0)), QStringList({u"Billing API"_s, u"Search"_s}));

        // Ids match too; the group keeps a matching project visible.
        proxy.setFilterText(u"p9"_s);
        QCOMPARE(childNames(proxy), QStringList({u"Other projects"_s}));
        QCOMPARE(childNames(proxy, proxy.index(0, 0)), QStringList({u"Shared search"_s}));

        proxy.setFilterText(u"search"_s);
        QCOMPARE(childNames(proxy), QStringList({u"Acme"_s, u"Other projects"_s}));

        // A project arriving later that matches brings its organization in.
        model.setProjects(u"o3"_s, {project(u"p5"_s, u"Search v2"_s, u"o3"_s)});
        QCOMPARE(childNames(proxy), QStringList({u"Acme"_s, u"Gamma"_s, u"Other projects"_s}));

        proxy.setFilterText(u"zzz"_s);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterText(u"  "_s);
        QCOMPARE(proxy.rowCount(), 4);
    }

    void sortsByNameWithOtherProjectsLast()
    {
        OrgTreeModel model;
        model.setOrganizations({org(u"o1"_s, u"Org 10"_s), org(u"o2"_s, u"org 2"_s), org(u"o3"_s, u"Zeta"_s),
                                org(u"o4"_s, u"alpha"_s)});
        model.setProjects(u"o1"_s,
                          {project(u"p1"_s, u"web"_s, u"o1"_s), project(u"p2"_s, u"API"_s, u"o1"_s)});
        model.setOtherProjects({project(u"p9"_s, u"aaa"_s, u"o9"_s)});
        OrgTreeFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QCOMPARE(childNames(proxy),
                 QStringList({u"alpha"_s, u"org 2"_s, u"Org 10"_s, u"Zeta"_s, u"Other projects"_s}));
        const QModelIndex org10 = proxy.index(2, 0);
        QCOMPARE(childNames(proxy, org10), QStringList({u"API"_s, u"web"_s}));

        proxy.sort(0, Qt::DescendingOrder);
        QCOMPARE(childNames(proxy),
                 QStringList({u"Zeta"_s, u"Org 10"_s, u"org 2"_s, u"alpha"_s, u"Other projects"_s}));
    }
};

QTEST_GUILESS_MAIN(TestOrgTreeModel)
#include "tst_orgtreemodel.moc"
