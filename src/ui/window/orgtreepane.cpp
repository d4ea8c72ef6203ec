#include "window/orgtreepane.h"

#include "atlas/atlasclient.h"
#include "common/windowicons.h"
#include "models/orgtreefilterproxymodel.h"
#include "models/orgtreeloader.h"
#include "models/orgtreemodel.h"
#include "window/orgtreedelegate.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace aikeys {

OrgTreePane::OrgTreePane(QWidget *parent)
    : QDockWidget(tr("Organizations and Projects"), parent)
    , m_model(new OrgTreeModel(this))
    , m_proxy(new OrgTreeFilterProxyModel(this))
    , m_loader(new OrgTreeLoader(m_model, this))
{
    setObjectName(u"treeDock"_s);
    setFeatures(QDockWidget::NoDockWidgetFeatures);
    setTitleBarWidget(new QWidget(this));

    m_proxy->setSourceModel(m_model);
    m_proxy->sort(0);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &OrgTreePane::resolvePendingSelection);
    connect(m_loader, &OrgTreeLoader::organizationsLoaded, this, &OrgTreePane::onOrganizationsLoaded);
}

void OrgTreePane::ensureWidgets()
{
    if (m_view)
        return;
    auto *panel = new QWidget(this);
    panel->setObjectName(u"treePanel"_s);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_filter = new QLineEdit(panel);
    m_filter->setObjectName(u"treeFilter"_s);
    m_filter->setPlaceholderText(tr("Filter projects"));
    m_filter->setAccessibleName(tr("Filter organizations and projects"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(WindowIcons::get(WindowIcons::Icon::Filter), QLineEdit::LeadingPosition);

    m_view = new QTreeView(panel);
    m_view->setObjectName(u"orgTree"_s);
    m_view->setAccessibleName(tr("Organizations and projects"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new OrgTreeDelegate(m_view));
    m_view->setHeaderHidden(true);
    m_view->setUniformRowHeights(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &OrgTreePane::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &OrgTreePane::onCurrentChanged);
    connect(m_view, &QTreeView::expanded, this, &OrgTreePane::onExpanded);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        if (!text.trimmed().isEmpty())
            m_view->expandAll();
    });

    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    setWidget(panel);
    setTabOrder(m_filter, m_view);
    Q_EMIT widgetsCreated();
}

QTreeView *OrgTreePane::view()
{
    ensureWidgets();
    return m_view;
}

QLineEdit *OrgTreePane::filterEdit()
{
    ensureWidgets();
    return m_filter;
}

void OrgTreePane::focusFilter()
{
    ensureWidgets();
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void OrgTreePane::onCurrentChanged(const QModelIndex &current)
{
    const QModelIndex source = m_proxy->mapToSource(current);
    // An organization whose projects could not be listed tries again when it is selected.
    if (m_loader->client() && source.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>() ==
                                  OrgTreeModel::NodeKind::Organization) {
        const QString id = source.data(OrgTreeModel::IdRole).toString();
        if (m_model->loadState(id) == OrgTreeModel::LoadState::Failed)
            m_loader->loadProjects(id);
    }
    Q_EMIT currentChanged(source);
}

void OrgTreePane::onOrganizationsLoaded()
{
    resolvePendingSelection();
    // A few organizations: open them, so their projects show at once (they are being listed anyway).
    if (m_model->rowCount() <= 5 && m_filter->text().isEmpty()) {
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex index = m_proxy->index(row, 0);
            if (index.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>() ==
                OrgTreeModel::NodeKind::Organization)
                m_view->expand(index);
        }
    }
    Q_EMIT organizationsShown();
}

void OrgTreePane::onExpanded(const QModelIndex &index)
{
    const QModelIndex source = m_proxy->mapToSource(index);
    if (source.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>() ==
        OrgTreeModel::NodeKind::Organization)
        m_loader->countKeys(source.data(OrgTreeModel::IdRole).toString());
}

void OrgTreePane::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_proxy->mapToSource(m_view->indexAt(pos));
    QMenu menu(this);
    menu.setObjectName(u"treeContextMenu"_s);
    if (index.isValid() && index.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>() ==
                               OrgTreeModel::NodeKind::Organization) {
        const QString orgId = index.data(OrgTreeModel::IdRole).toString();
        QAction *reload = menu.addAction(WindowIcons::get(WindowIcons::Icon::Refresh), tr("Reload Projects"));
        connect(reload, &QAction::triggered, this, [this, orgId] { m_loader->loadProjects(orgId); });
        menu.addSeparator();
    }
    menu.addActions(m_contextActions);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

QModelIndex OrgTreePane::find(const QString &idOrName) const
{
    const QModelIndex byProject = m_model->indexOfProject(idOrName);
    if (byProject.isValid())
        return byProject;
    const QModelIndex byOrg = m_model->indexOfOrganization(idOrName);
    if (byOrg.isValid())
        return byOrg;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex org = m_model->index(row, 0);
        if (org.data(OrgTreeModel::NameRole).toString() == idOrName &&
            org.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>() ==
                OrgTreeModel::NodeKind::Organization)
            return org;
        for (int child = 0; child < m_model->rowCount(org); ++child) {
            const QModelIndex project = m_model->index(child, 0, org);
            if (project.data(OrgTreeModel::NameRole).toString() == idOrName)
                return project;
        }
    }
    return {};
}

void OrgTreePane::selectWhenLoaded(const QString &idOrName)
{
    m_pendingSelection = idOrName;
    resolvePendingSelection();
}

void OrgTreePane::resolvePendingSelection()
{
    // Signed out (no client), the tree holds nothing a name could be found in.
    if (m_pendingSelection.isEmpty() || !m_loader->client())
        return;
    const QModelIndex source = find(m_pendingSelection);
    if (!source.isValid())
        return;
    m_pendingSelection.clear();
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return;
    m_view->expand(index.parent());
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_view->scrollTo(index);
}

bool OrgTreePane::selectProject(const QString &projectId)
{
    ensureWidgets();
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfProject(projectId));
    if (!index.isValid())
        return false;
    m_view->expand(index.parent());
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    return true;
}

bool OrgTreePane::selectOrganization(const QString &orgId)
{
    ensureWidgets();
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfOrganization(orgId));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    return true;
}

} // namespace aikeys
