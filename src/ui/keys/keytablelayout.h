#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

namespace aikeys {

class KeyFilterProxyModel;
class KeyTableModel;
class KeyTableView;

// The keys table's columns as the user arranged them (order, widths, hidden ones, sort), which the
// settings keep from one run to the next. That arrangement is the project view's: an organization's
// keys add a Project column, and what is saved meanwhile is still the layout from before it came. The
// table is built only when first shown, so a layout restored earlier waits here until it exists.
class KeyTableLayout : public QObject
{
    Q_OBJECT

public:
    KeyTableLayout(KeyTableModel *model, KeyFilterProxyModel *proxy, QObject *parent);

    // The table now exists (not owned): a layout that waited is applied to it.
    void setTable(KeyTableView *table);

    QByteArray state() const;
    void restore(const QByteArray &state);
    // An organization's keys are about to add their Project column: the layout from before is the one
    // to keep.
    void keepProjectLayout();
    // Sorts the proxy as the header's indicator says (the proxy's own order while there is no table).
    void applySort();

private:
    KeyTableModel *m_model;
    KeyFilterProxyModel *m_proxy;
    QPointer<KeyTableView> m_table;
    QByteArray m_projectState;
    QByteArray m_pendingState; // restored once the table exists
};

} // namespace aikeys
