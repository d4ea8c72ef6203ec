#pragma once

#include <QDockWidget>
#include <QList>
#include <QModelIndex>
#include <QString>

class QAction;
class QLineEdit;
class QTreeView;

namespace aikeys {

class OrgTreeFilterProxyModel;
class OrgTreeLoader;
class OrgTreeModel;

// The window's left pane: the organizations and projects the session sees, with a filter box. It keeps
// everything that is about the tree itself (its loader and models, expanding and lazy loading, the
// context menu, finding and selecting a node, a selection asked for before the node exists) apart from
// what the window does with the selection, which it learns from currentChanged().
//
// The dock exists from the start, its widgets only from ensureWidgets(): signed out, the window shows
// no tree, and its widgets are not worth delaying the first paint for.
class OrgTreePane : public QDockWidget
{
    Q_OBJECT

public:
    explicit OrgTreePane(QWidget *parent);

    OrgTreeModel *model() const { return m_model; }
    OrgTreeFilterProxyModel *proxy() const { return m_proxy; }
    OrgTreeLoader *loader() const { return m_loader; }

    void ensureWidgets();
    // Built on first use.
    QTreeView *view();
    QLineEdit *filterEdit();
    // Edit > Find Projects.
    void focusFilter();

    // The window's actions at the end of the context menu (New Key, Refresh); not owned.
    void setContextActions(const QList<QAction *> &actions) { m_contextActions = actions; }

    // Selects a project (or an organization) by id or name as soon as the tree has it.
    void selectWhenLoaded(const QString &idOrName);
    bool hasPendingSelection() const { return !m_pendingSelection.isEmpty(); }
    bool selectProject(const QString &projectId);
    bool selectOrganization(const QString &orgId);

Q_SIGNALS:
    // The tree's current node changed; source is its index in model(), invalid when there is none.
    void currentChanged(const QModelIndex &source);
    // The filter box and the tree exist now (built by ensureWidgets() or the first call that needed
    // them).
    void widgetsCreated();
    // The organization list arrived and the pane has done its part (the pending selection, opening a
    // few organizations): what is selected now is what the window should show.
    void organizationsShown();

private:
    void onCurrentChanged(const QModelIndex &current);
    void onOrganizationsLoaded();
    void onExpanded(const QModelIndex &index);
    void showContextMenu(const QPoint &pos);
    void resolvePendingSelection();
    QModelIndex find(const QString &idOrName) const;

    OrgTreeModel *m_model;
    OrgTreeFilterProxyModel *m_proxy;
    OrgTreeLoader *m_loader;
    QLineEdit *m_filter = nullptr;
    QTreeView *m_view = nullptr;
    QList<QAction *> m_contextActions;
    QString m_pendingSelection;
};

} // namespace aikeys
