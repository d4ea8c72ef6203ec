#include "keys/editablekeyproxy.h"

#include "models/keytablemodel.h"

namespace aikeys {

Qt::ItemFlags EditableKeyProxy::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = KeyFilterProxyModel::flags(index);
    if (index.isValid() && index.column() == KeyTableModel::Name && m_canEdit && m_canEdit(keyAt(index)))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant EditableKeyProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::EditRole && index.column() == KeyTableModel::Name)
        return KeyFilterProxyModel::data(index, Qt::DisplayRole);
    return KeyFilterProxyModel::data(index, role);
}

bool EditableKeyProxy::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != KeyTableModel::Name || !m_onRename)
        return false;
    m_onRename(keyAt(index), value.toString());
    // Nothing changes until Atlas answers: the row is updated from the server's key.
    return false;
}

AiKey EditableKeyProxy::keyAt(const QModelIndex &index)
{
    return index.data(KeyTableModel::KeyRole).value<AiKey>();
}

} // namespace aikeys
