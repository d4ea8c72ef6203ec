#include "keys/keytablelayout.h"

#include "keys/keytableview.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"

#include <QHeaderView>

namespace aikeys {

KeyTableLayout::KeyTableLayout(KeyTableModel *model, KeyFilterProxyModel *proxy, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_proxy(proxy)
{
    connect(m_model, &KeyTableModel::showProjectColumnChanged, this, [this](bool shown) {
        if (shown && m_table)
            m_table->placeProjectColumn();
    });
}

void KeyTableLayout::setTable(KeyTableView *table)
{
    m_table = table;
    if (!m_pendingState.isEmpty())
        restore(std::exchange(m_pendingState, {}));
    m_table->placeProjectColumn();
}

QByteArray KeyTableLayout::state() const
{
    if (!m_table)
        return m_pendingState;
    if (m_model->showProjectColumn() && !m_projectState.isEmpty())
        return m_projectState;
    return m_table->horizontalHeader()->saveState();
}

void KeyTableLayout::restore(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    if (!m_table) {
        m_pendingState = state;
        return;
    }
    m_table->restoreLayout(state);
}

void KeyTableLayout::keepProjectLayout()
{
    if (!m_model->showProjectColumn() && m_table)
        m_projectState = m_table->horizontalHeader()->saveState();
}

void KeyTableLayout::applySort()
{
    // The header's indicator is what the user chose (and what a restored layout says); without a
    // table yet, the proxy's own.
    int column = m_proxy->sortColumn();
    Qt::SortOrder order = m_proxy->sortOrder();
    if (m_table) {
        column = m_table->horizontalHeader()->sortIndicatorSection();
        order = m_table->horizontalHeader()->sortIndicatorOrder();
    }
    if (column < 0 || column >= m_model->columnCount())
        column = KeyTableModel::Name; // its column went (Project, back in a project)
    // QSortFilterProxyModel::sort() does nothing when asked for the column and order it already has:
    // unsorted first, so that the second call sorts whatever state the proxy is in.
    m_proxy->sort(-1, order);
    m_proxy->sort(column, order);
    if (m_table && m_table->horizontalHeader()->sortIndicatorSection() != column)
        m_table->horizontalHeader()->setSortIndicator(column, order);
}

} // namespace aikeys
