#include "models/orgtreemodel.h"

#include "logging.h"

namespace aikeys {

namespace {

bool sameProject(const Project &a, const Project &b)
{
    return a.id == b.id && a.name == b.name && a.orgId == b.orgId && a.created == b.created &&
           a.clusterCount == b.clusterCount;
}

} // namespace

OrgTreeModel::OrgTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

OrgTreeModel::~OrgTreeModel() = default;

OrgTreeModel::Node *OrgTreeModel::nodeFor(const QModelIndex &index) const
{
    if (!index.isValid())
        return const_cast<Node *>(&m_root);
    return static_cast<Node *>(index.internalPointer());
}

QModelIndex OrgTreeModel::indexFor(const Node *node) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex OrgTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const Node *p = nodeFor(parent);
    if (size_t(row) >= p->children.size())
        return {};
    return createIndex(row, 0, p->children[size_t(row)].get());
}

QModelIndex OrgTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent);
}

int OrgTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int OrgTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool OrgTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *n = nodeFor(parent);
    // An organization not loaded yet may have projects: the view shows an expander, and expanding
    // it is what asks for them (fetchMore).
    if (n->kind == NodeKind::Organization && n != &m_root &&
        (n->state == LoadState::NotLoaded || n->state == LoadState::Loading))
        return true;
    return !n->children.empty();
}

bool OrgTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() != 0)
        return false;
    const Node *n = nodeFor(parent);
    // Failed is not retried here: a view asks again on every expand and scroll, which would turn a
    // persistent error into a request loop. Retrying is an explicit action (setLoading + a new list).
    return n->kind == NodeKind::Organization && n->state == LoadState::NotLoaded;
}

void OrgTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Node *org = nodeFor(parent);
    setState(org, LoadState::Loading, {});
    Q_EMIT projectsRequested(org->org.id);
}

QString OrgTreeModel::nodeId(const Node *node) const
{
    switch (node->kind) {
    case NodeKind::Organization:
        return node->org.id;
    case NodeKind::Project:
        return node->project.id;
    case NodeKind::OtherGroup:
        return {};
    }
    return {};
}

QVariant OrgTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeFor(index);

    QString name;
    switch (n->kind) {
    case NodeKind::Organization:
        name = n->org.name.isEmpty() ? n->org.id : n->org.name;
        break;
    case NodeKind::Project:
        name = n->project.name.isEmpty() ? n->project.id : n->project.name;
        break;
    case NodeKind::OtherGroup:
        name = tr("Other projects");
        break;
    }
    const auto count =
        n->kind == NodeKind::Project ? m_keyCounts.constFind(n->project.id) : m_keyCounts.cend();
    const bool hasState = n->kind != NodeKind::Project;

    switch (role) {
    case Qt::DisplayRole:
        if (count != m_keyCounts.cend())
            return tr("%1 (%2)").arg(name).arg(*count);
        return name;
    case Qt::ToolTipRole:
        switch (n->kind) {
        case NodeKind::Organization:
            if (n->state == LoadState::Failed)
                return tr("Could not load: %1").arg(n->error);
            return tr("Organization ID: %1").arg(n->org.id);
        case NodeKind::Project:
            return tr("Project ID: %1").arg(n->project.id);
        case NodeKind::OtherGroup:
            return tr("Projects you can see in organizations you cannot list");
        }
        return {};
    case KindRole:
        return QVariant::fromValue(n->kind);
    case IdRole:
        return nodeId(n);
    case OrgIdRole:
        if (n->kind == NodeKind::Organization)
            return n->org.id;
        if (n->kind == NodeKind::Project)
            return n->project.orgId;
        return QString();
    case NameRole:
        return name;
    case LoadStateRole:
        return hasState ? QVariant::fromValue(n->state) : QVariant();
    case ErrorRole:
        return hasState ? QVariant(n->error) : QVariant();
    case StatusTextRole:
        if (hasState && n->state == LoadState::Loading)
            return tr("Loading...");
        if (hasState && n->state == LoadState::Failed)
            return tr("Could not load: %1").arg(n->error);
        return QString();
    case KeyCountRole:
        return count != m_keyCounts.cend() ? QVariant(*count) : QVariant();
    }
    return {};
}

QHash<int, QByteArray> OrgTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(IdRole, "id");
    names.insert(OrgIdRole, "orgId");
    names.insert(NameRole, "name");
    names.insert(LoadStateRole, "loadState");
    names.insert(ErrorRole, "error");
    names.insert(StatusTextRole, "statusText");
    names.insert(KeyCountRole, "keyCount");
    return names;
}

void OrgTreeModel::setOrganizations(const QList<Organization> &organizations)
{
    beginResetModel();
    m_root.children.clear();
    m_otherGroup = nullptr;
    m_orgs.clear();
    m_projects.clear();
    for (const Organization &org : organizations) {
        if (Node *existing = m_orgs.value(org.id)) {
            existing->org = org;
            continue;
        }
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::Organization;
        node->parent = &m_root;
        node->row = int(m_root.children.size());
        node->org = org;
        m_orgs.insert(org.id, node.get());
        m_root.children.push_back(std::move(node));
    }
    endResetModel();
    qCDebug(lcModels) << "organizations set:" << m_orgs.size();
}

void OrgTreeModel::setState(Node *org, LoadState state, const QString &error)
{
    if (org->state == state && org->error == error)
        return;
    org->state = state;
    org->error = error;
    const QModelIndex idx = indexFor(org);
    Q_EMIT dataChanged(idx, idx, {Qt::ToolTipRole, LoadStateRole, ErrorRole, StatusTextRole});
}

void OrgTreeModel::setLoading(const QString &orgId)
{
    if (Node *org = m_orgs.value(orgId))
        setState(org, LoadState::Loading, {});
}

void OrgTreeModel::setProjects(const QString &orgId, const QList<Project> &projects)
{
    Node *org = m_orgs.value(orgId);
    if (!org) {
        qCDebug(lcModels) << "projects for an organization not in the tree, ignored";
        return;
    }
    mergeProjects(org, projects, orgId);
    setState(org, LoadState::Loaded, {});
}

void OrgTreeModel::setLoadError(const QString &orgId, const QString &message)
{
    if (Node *org = m_orgs.value(orgId))
        setState(org, LoadState::Failed, message);
}

void OrgTreeModel::setOtherProjects(const QList<Project> &projects)
{
    QList<Project> others;
    for (const Project &p : projects) {
        if (!m_orgs.contains(p.orgId))
            others.append(p);
    }

    if (!m_otherGroup) {
        if (others.isEmpty())
            return;
        // Inserted empty, then filled by the merge, so each step is one plain signal.
        const int row = int(m_root.children.size());
        beginInsertRows({}, row, row);
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::OtherGroup;
        node->parent = &m_root;
        node->row = row;
        node->state = LoadState::Loaded;
        m_otherGroup = node.get();
        m_root.children.push_back(std::move(node));
        endInsertRows();
    }

    mergeProjects(m_otherGroup, others, {});

    if (m_otherGroup->children.empty()) {
        const int row = m_otherGroup->row;
        beginRemoveRows({}, row, row);
        m_root.children.erase(m_root.children.begin() + row);
        m_otherGroup = nullptr;
        endRemoveRows();
    }
}

void OrgTreeModel::mergeProjects(Node *group, const QList<Project> &projects, const QString &orgId)
{
    // The last description of a repeated id wins.
    QHash<QString, qsizetype> incoming;
    incoming.reserve(projects.size());
    for (qsizetype i = 0; i < projects.size(); ++i)
        incoming.insert(projects[i].id, i);

    const QModelIndex parentIndex = indexFor(group);
    auto &children = group->children;

    // Vanished projects, bottom-up runs.
    for (int row = int(children.size()) - 1; row >= 0; --row) {
        if (incoming.contains(children[size_t(row)]->project.id))
            continue;
        const int last = row;
        while (row > 0 && !incoming.contains(children[size_t(row - 1)]->project.id))
            --row;
        beginRemoveRows(parentIndex, row, last);
        for (int r = row; r <= last; ++r) {
            Node *gone = children[size_t(r)].get();
            if (m_projects.value(gone->project.id) == gone)
                m_projects.remove(gone->project.id);
        }
        children.erase(children.begin() + row, children.begin() + last + 1);
        renumber(group, size_t(row));
        endRemoveRows();
    }

    // Changed projects in place, new ones appended in one insertion.
    QList<Project> added;
    for (qsizetype i = 0; i < projects.size(); ++i) {
        Project p = projects[i];
        if (incoming.value(p.id) != i)
            continue;
        if (!orgId.isEmpty() && p.orgId.isEmpty())
            p.orgId = orgId;
        Node *child = m_projects.value(p.id);
        if (!child || child->parent != group) {
            added.append(p);
        } else if (!sameProject(child->project, p)) {
            child->project = p;
            const QModelIndex idx = indexFor(child);
            Q_EMIT dataChanged(idx, idx);
        }
    }
    if (added.isEmpty())
        return;
    const int first = int(children.size());
    beginInsertRows(parentIndex, first, first + int(added.size()) - 1);
    for (const Project &p : std::as_const(added)) {
        auto node = std::make_unique<Node>();
        node->kind = NodeKind::Project;
        node->parent = group;
        node->row = int(children.size());
        node->state = LoadState::Loaded;
        node->project = p;
        m_projects.insert(p.id, node.get());
        children.push_back(std::move(node));
    }
    endInsertRows();
}

void OrgTreeModel::renumber(Node *parent, size_t from)
{
    for (size_t i = from; i < parent->children.size(); ++i)
        parent->children[i]->row = int(i);
}

void OrgTreeModel::setKeyCount(const QString &projectId, qint64 count)
{
    if (count < 0) {
        if (!m_keyCounts.remove(projectId))
            return;
    } else {
        const auto it = m_keyCounts.constFind(projectId);
        if (it != m_keyCounts.cend() && *it == count)
            return;
        m_keyCounts.insert(projectId, count);
    }
    if (const Node *node = m_projects.value(projectId)) {
        const QModelIndex idx = indexFor(node);
        Q_EMIT dataChanged(idx, idx, {Qt::DisplayRole, KeyCountRole});
    }
}

void OrgTreeModel::clear()
{
    setOrganizations({});
    m_keyCounts.clear();
}

QModelIndex OrgTreeModel::indexOfOrganization(const QString &orgId) const
{
    return indexFor(m_orgs.value(orgId));
}

QModelIndex OrgTreeModel::indexOfProject(const QString &projectId) const
{
    return indexFor(m_projects.value(projectId));
}

QModelIndex OrgTreeModel::otherProjectsIndex() const
{
    return indexFor(m_otherGroup);
}

OrgTreeModel::LoadState OrgTreeModel::loadState(const QString &orgId) const
{
    const Node *org = m_orgs.value(orgId);
    return org ? org->state : LoadState::NotLoaded;
}

QHash<QString, QString> OrgTreeModel::projectNames() const
{
    QHash<QString, QString> names;
    names.reserve(m_projects.size());
    for (auto it = m_projects.cbegin(); it != m_projects.cend(); ++it)
        names.insert(it.key(), it.value()->project.name);
    return names;
}

const Project *OrgTreeModel::projectAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const Node *n = nodeFor(index);
    return n->kind == NodeKind::Project ? &n->project : nullptr;
}

} // namespace aikeys
