#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace aikeys {

// The tree's filter box and order over an OrgTreeModel. The filter text matches an organization's or
// project's name or id as a case-insensitive substring; a matching project keeps its organization
// visible (recursive filtering) and a matching organization shows all its projects. Siblings sort by
// name in QCollator order (numeric mode); "Other projects" stays last in either order.
class OrgTreeFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)

public:
    explicit OrgTreeFilterProxyModel(QObject *parent = nullptr);
    ~OrgTreeFilterProxyModel() override;

    QString filterText() const { return m_filterText; }
    // Leading and trailing spaces are ignored.
    void setFilterText(const QString &text);

Q_SIGNALS:
    void filterTextChanged(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_filterText;
    QCollator m_collator;
};

} // namespace aikeys
