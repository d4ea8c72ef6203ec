#include "models/keyfilterproxymodel.h"

#include "models/keytablemodel.h"

namespace aikeys {

KeyFilterProxyModel::KeyFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(KeyTableModel::SortRole);
    connect(this, &QSortFilterProxyModel::sortRoleChanged, this, &KeyFilterProxyModel::updateFastSort);
}

KeyFilterProxyModel::~KeyFilterProxyModel() = default;

void KeyFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    m_keys = qobject_cast<KeyTableModel *>(model);
    if (m_keys) {
        m_sourceConnections.append(connect(m_keys, &QObject::destroyed, this, [this] { m_keys = nullptr; }));
        m_sourceConnections.append(connect(m_keys, &KeyTableModel::searchTextChanged, this, [this] {
            if (!m_needle.isEmpty())
                refilter();
        }));
    }
    updateFastSort();
    QSortFilterProxyModel::setSourceModel(model);
}

void KeyFilterProxyModel::updateFastSort()
{
    m_fastSort = m_keys && sortRole() == KeyTableModel::SortRole;
}

void KeyFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    m_needle = KeyTableModel::foldForSearch(trimmed);
    refilter();
    Q_EMIT filterTextChanged(m_filterText);
}

void KeyFilterProxyModel::setKeyPredicate(KeyPredicate predicate)
{
    if (!predicate && !m_predicate)
        return;
    m_predicate = std::move(predicate);
    refilter();
}

void KeyFilterProxyModel::refilter()
{
    // A full rebuild (filter every row, then one sort of the survivors) rather than
    // invalidateRowsFilter(): the incremental path removes and reinserts rows interval by interval,
    // each a vector shift and a pair of signals, which is several times slower when a keystroke
    // changes thousands of rows, as the first and the last keystrokes do (bench/bench_keymodel.cpp).
    invalidate();
}

bool KeyFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_keys) {
        if (!m_needle.isEmpty() && !m_keys->searchText(sourceRow).contains(m_needle))
            return false;
        return !m_predicate || m_predicate(m_keys->keyAt(sourceRow));
    }

    const QAbstractItemModel *model = sourceModel();
    const AiKey key =
        model->data(model->index(sourceRow, 0, sourceParent), KeyTableModel::KeyRole).value<AiKey>();
    if (!m_needle.isEmpty()) {
        const bool match = KeyTableModel::foldForSearch(key.name).contains(m_needle) ||
                           KeyTableModel::foldForSearch(key.apiKeyId).contains(m_needle) ||
                           KeyTableModel::foldForSearch(key.createdBy).contains(m_needle);
        if (!match)
            return false;
    }
    return !m_predicate || m_predicate(key);
}

bool KeyFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_fastSort)
        return m_keys->sortValue(left.row(), left.column()) < m_keys->sortValue(right.row(), right.column());
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace aikeys
