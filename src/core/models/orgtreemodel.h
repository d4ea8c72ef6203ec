#pragma once

#include "domain/types.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace aikeys {

// Organizations and their projects for the navigation tree, filled lazily: the organizations first,
// each one's projects when they arrive. One column.
//
//   organization            (kind Organization; a load state: NotLoaded, Loading, Loaded, Failed)
//     project (n)           (kind Project; "(n)" once setKeyCount() told the number of keys)
//   Other projects          (kind OtherGroup; last; only while it has projects)
//     project (n)
//
// "Other projects" holds the projects the user can see whose organization is not among the listed
// ones (GET /groups answers them, GET /orgs does not list their organization).
//
// Lazy loading follows Qt's fetchMore protocol: an organization not loaded yet has children (the
// view shows an expander); expanding it calls fetchMore(), which marks it Loading and emits
// projectsRequested(orgId). Whoever lists the projects answers with setProjects() or setLoadError().
// LoadStateRole, ErrorRole and StatusTextRole ("Loading...", "Could not load: ...") let the view show
// the state; the organization's display text stays its name.
class OrgTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class NodeKind { Organization, Project, OtherGroup };
    Q_ENUM(NodeKind)
    enum class LoadState { NotLoaded, Loading, Loaded, Failed };
    Q_ENUM(LoadState)

    enum Role {
        KindRole = Qt::UserRole, // NodeKind
        IdRole,                  // the organization's or project's id; empty for the group
        OrgIdRole,               // the organization's id (itself for an organization; empty for the group)
        NameRole,                // the plain name, without the key count
        LoadStateRole,           // LoadState, for organizations and the group
        ErrorRole,               // QString: why loading failed, for an organization in Failed state
        StatusTextRole,          // QString: "Loading..." or "Could not load: <error>", else empty
        KeyCountRole,            // qint64 for a project whose count is known, else invalid
    };
    Q_ENUM(Role)

    explicit OrgTreeModel(QObject *parent = nullptr);
    ~OrgTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the whole tree (modelReset): every organization NotLoaded, no "Other projects".
    // A repeated id keeps its first place and its last description.
    void setOrganizations(const QList<Organization> &organizations);
    void setLoading(const QString &orgId);
    // Merges the organization's projects by id (rowsRemoved, dataChanged, one rowsInserted for the
    // new ones, appended) and marks it Loaded. Unknown orgId: ignored.
    void setProjects(const QString &orgId, const QList<Project> &projects);
    // Marks the organization Failed; the projects it had (from an earlier load) stay.
    void setLoadError(const QString &orgId, const QString &message);
    // Merges the "Other projects" group. Projects whose orgId is a listed organization are left out
    // (they belong under it); the group appears with its first project and goes with its last.
    void setOtherProjects(const QList<Project> &projects);
    // A negative count forgets it. Counts are kept by project id, so a count may arrive before the
    // project does.
    void setKeyCount(const QString &projectId, qint64 count);
    void clear();

    QModelIndex indexOfOrganization(const QString &orgId) const;
    QModelIndex indexOfProject(const QString &projectId) const;
    QModelIndex otherProjectsIndex() const;
    LoadState loadState(const QString &orgId) const;
    // Project id -> name for every project in the tree (KeyTableModel::setProjectNames takes it).
    QHash<QString, QString> projectNames() const;
    // The project a Project index stands for; nullptr for any other index.
    const Project *projectAt(const QModelIndex &index) const;

Q_SIGNALS:
    void projectsRequested(const QString &orgId);

private:
    struct Node
    {
        NodeKind kind = NodeKind::Organization;
        Node *parent = nullptr;
        int row = 0;
        Organization org; // kind Organization
        Project project;  // kind Project
        LoadState state = LoadState::NotLoaded;
        QString error;
        std::vector<std::unique_ptr<Node>> children;
    };

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node) const;
    QString nodeId(const Node *node) const;
    void setState(Node *org, LoadState state, const QString &error);
    void mergeProjects(Node *group, const QList<Project> &projects, const QString &orgId);
    static void renumber(Node *parent, size_t from);

    Node m_root;
    Node *m_otherGroup = nullptr;
    QHash<QString, Node *> m_orgs;
    QHash<QString, Node *> m_projects;
    QHash<QString, qint64> m_keyCounts;
};

} // namespace aikeys
