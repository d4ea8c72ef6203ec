#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace aikeys {

// Shows an organization's loading state beside its name ("Acme - Loading...") and an icon per kind,
// without the model having to know about either.
class OrgTreeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    mutable QIcon m_org, m_project, m_other;
};

} // namespace aikeys
