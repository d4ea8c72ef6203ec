#include "window/orgtreedelegate.h"

#include "common/windowicons.h"
#include "models/orgtreemodel.h"

namespace aikeys {

namespace {
const QIcon &cachedIcon(WindowIcons::Icon which, QIcon &cache)
{
    if (cache.isNull())
        cache = WindowIcons::get(which);
    return cache;
}
} // namespace

void OrgTreeDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString status = index.data(OrgTreeModel::StatusTextRole).toString();
    if (!status.isEmpty())
        option->text = tr("%1 \u2014 %2").arg(option->text, status);
    switch (index.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>()) {
    case OrgTreeModel::NodeKind::Organization:
        option->icon = cachedIcon(WindowIcons::Icon::Organization, m_org);
        break;
    case OrgTreeModel::NodeKind::Project:
        option->icon = cachedIcon(WindowIcons::Icon::Project, m_project);
        break;
    case OrgTreeModel::NodeKind::OtherGroup:
        option->icon = cachedIcon(WindowIcons::Icon::OtherProjects, m_other);
        break;
    }
    option->features |= QStyleOptionViewItem::HasDecoration;
}

} // namespace aikeys
