#pragma once

#include "domain/types.h"

#include <QByteArray>
#include <QSortFilterProxyModel>

#include <functional>

namespace aikeys {

class KeyTableModel;

// Filters and sorts a KeyTableModel for a view.
//
// The filter text matches, as a case-insensitive substring, the name, key id or creator (and the
// project name while the source shows its Project column). A key predicate narrows further (the
// audit chart filters the table to one class of keys with it). Sorting uses the source's SortRole:
// dates as dates, "never" below every date, strings in QCollator order (numeric mode).
//
// Over a KeyTableModel both read the model's precomputed values directly (no QVariant per
// comparison): with 50,000 keys a keystroke refilters and re-sorts in a few milliseconds. Over any
// other model it falls back to SortRole and KeyRole through data().
class KeyFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)

public:
    using KeyPredicate = std::function<bool(const AiKey &)>;

    explicit KeyFilterProxyModel(QObject *parent = nullptr);
    ~KeyFilterProxyModel() override;

    void setSourceModel(QAbstractItemModel *model) override;

    QString filterText() const { return m_filterText; }
    // Leading and trailing spaces are ignored.
    void setFilterText(const QString &text);

    // An empty function removes the predicate.
    void setKeyPredicate(KeyPredicate predicate);
    bool hasKeyPredicate() const { return bool(m_predicate); }

Q_SIGNALS:
    void filterTextChanged(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    void updateFastSort();

    KeyTableModel *m_keys = nullptr; // the source, when it is one: read on every comparison
    bool m_fastSort = false;         // m_keys and sorting by its SortRole (sortRole() is not free)
    QList<QMetaObject::Connection> m_sourceConnections;
    QString m_filterText;
    QByteArray m_needle; // case-folded UTF-8, as KeyTableModel::searchText()
    KeyPredicate m_predicate;
};

} // namespace aikeys
