#pragma once

#include "keys/keynamedelegate.h"

#include <QTableView>

class QItemSelectionModel;
class QLabel;

namespace aikeys {

class KeyFilterProxyModel;
class KeyTableModel;

// The keys table: sortable, with movable columns that can be hidden from the header's menu, the Name
// column editable in place (KeyNameDelegate), and a placeholder text over the empty table.
class KeyTableView final : public QTableView
{
    Q_OBJECT

public:
    // selection is shared with the actions that exist before the table does; the table does not own it.
    KeyTableView(KeyTableModel *model, KeyFilterProxyModel *proxy, QItemSelectionModel *selection,
                 KeyNameDelegate::NamesFor namesFor, QWidget *parent);

    // Shown over the table while it is empty; empty text hides it.
    void setPlaceholderText(const QString &text);
    // The organization's Project column, right after the name (the model appends it).
    void placeProjectColumn();
    // Restores a saved header (columns, order, widths, sort); the proxy follows its sort indicator.
    bool restoreLayout(const QByteArray &state);

protected:
    bool viewportEvent(QEvent *event) override;

private:
    void showHeaderMenu(const QPoint &pos);
    void placePlaceholder();

    KeyTableModel *m_model;
    KeyFilterProxyModel *m_proxy;
    QLabel *m_placeholder;
};

} // namespace aikeys
