#include "models/orgtreefilterproxymodel.h"

#include "models/orgtreemodel.h"

namespace aikeys {

namespace {

bool isOtherGroup(const QModelIndex &index)
{
    return index.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>() ==
           OrgTreeModel::NodeKind::OtherGroup;
}

QLocale collationLocale()
{
    // As in KeyTableModel: the C locale has no collation rules and would ignore numeric mode.
    const QLocale system;
    return system.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : system;
}

} // namespace

OrgTreeFilterProxyModel::OrgTreeFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_collator(collationLocale())
{
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setSortRole(OrgTreeModel::NameRole);
    sort(0, Qt::AscendingOrder);
}

OrgTreeFilterProxyModel::~OrgTreeFilterProxyModel() = default;

void OrgTreeFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    invalidateRowsFilter();
    Q_EMIT filterTextChanged(m_filterText);
}

bool OrgTreeFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty())
        return true;
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    return idx.data(OrgTreeModel::NameRole).toString().contains(m_filterText, Qt::CaseInsensitive) ||
           idx.data(OrgTreeModel::IdRole).toString().contains(m_filterText, Qt::CaseInsensitive);
}

bool OrgTreeFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const bool leftOther = isOtherGroup(left);
    if (leftOther != isOtherGroup(right)) {
        // Descending order asks lessThan(right, left): invert so the group is last both ways.
        return sortOrder() == Qt::AscendingOrder ? !leftOther : leftOther;
    }
    const int c = m_collator.compare(left.data(sortRole()).toString(), right.data(sortRole()).toString());
    if (c != 0)
        return c < 0;
    return left.data(OrgTreeModel::IdRole).toString() < right.data(OrgTreeModel::IdRole).toString();
}

} // namespace aikeys
