#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

#include <functional>

namespace aikeys {

// The in-place editor of the keys table's Name column checks a name as the rename dialog does
// (KeyNameRules) before anything is sent; a refused name says why in a tooltip and is not sent.
class KeyNameDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using NamesFor = std::function<QStringList(const QString &projectId)>;

    KeyNameDelegate(NamesFor namesFor, QObject *parent);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    NamesFor m_namesFor;
};

} // namespace aikeys
