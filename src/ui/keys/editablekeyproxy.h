#pragma once

#include "domain/types.h"
#include "models/keyfilterproxymodel.h"

#include <functional>

namespace aikeys {

// Lets the Name column be edited in place without the model ever changing on its own: an edit is handed
// on as a rename request, and the row changes when Atlas has answered (KeyChanges).
class EditableKeyProxy final : public KeyFilterProxyModel
{
    Q_OBJECT

public:
    using RenameRequest = std::function<void(const AiKey &key, const QString &newName)>;
    using CanEdit = std::function<bool(const AiKey &key)>;

    using KeyFilterProxyModel::KeyFilterProxyModel;

    void setRenameRequest(RenameRequest request) { m_onRename = std::move(request); }
    void setCanEdit(CanEdit canEdit) { m_canEdit = std::move(canEdit); }

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

private:
    static AiKey keyAt(const QModelIndex &index);

    RenameRequest m_onRename;
    CanEdit m_canEdit;
};

} // namespace aikeys
