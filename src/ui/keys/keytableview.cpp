#include "keys/keytableview.h"

#include "keys/keycolumns.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace aikeys {

KeyTableView::KeyTableView(KeyTableModel *model, KeyFilterProxyModel *proxy, QItemSelectionModel *selection,
                           KeyNameDelegate::NamesFor namesFor, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_proxy(proxy)
    , m_placeholder(new QLabel(viewport()))
{
    setObjectName(u"keyTable"_s);
    setAccessibleName(tr("Keys"));
    setModel(proxy);
    QItemSelectionModel *own = selectionModel();
    setSelectionModel(selection);
    delete own;
    setItemDelegateForColumn(KeyTableModel::Name, new KeyNameDelegate(std::move(namesFor), this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows may be selected for exports; the single-key actions then stand aside.
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::SelectedClicked);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTabKeyNavigation(false);
    setContextMenuPolicy(Qt::CustomContextMenu);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = horizontalHeader();
    header->setObjectName(u"keyTableHeader"_s);
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    // Widths that fit typical values, and never less than the column's title with its sort arrow;
    // the Project column gets its own when it comes (the organization's keys).
    sizeKeyColumns(header, fontMetrics());
    connect(model, &QAbstractItemModel::columnsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                sizeKeyColumns(horizontalHeader(), fontMetrics(), first, last);
            });
    // Enabling sorting applies the header's indicator (column 0, descending, by default): keep the
    // proxy's order instead.
    const int sortColumn = proxy->sortColumn() >= 0 ? proxy->sortColumn() : int(KeyTableModel::Name);
    header->setSortIndicator(sortColumn, proxy->sortOrder());
    setSortingEnabled(true);
    connect(header, &QWidget::customContextMenuRequested, this, &KeyTableView::showHeaderMenu);

    m_placeholder->setObjectName(u"keysPlaceholder"_s);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents);
}

void KeyTableView::setPlaceholderText(const QString &text)
{
    m_placeholder->setText(text);
    m_placeholder->setVisible(!text.isEmpty());
    placePlaceholder();
}

void KeyTableView::placePlaceholder()
{
    m_placeholder->setGeometry(viewport()->rect().adjusted(16, 16, -16, -16));
}

bool KeyTableView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Resize)
        placePlaceholder();
    return QTableView::viewportEvent(event);
}

void KeyTableView::placeProjectColumn()
{
    if (!m_model->showProjectColumn())
        return;
    // On screen the column comes right after the name, where a 1280-pixel window still shows it, and it
    // is wide enough for a typical project name.
    QHeaderView *header = horizontalHeader();
    const int name = header->visualIndex(KeyTableModel::Name);
    const int project = header->visualIndex(KeyTableModel::Project);
    if (name >= 0 && project >= 0 && project != name + 1)
        header->moveSection(project, project > name ? name + 1 : name);
    const QString title = m_model->headerData(KeyTableModel::Project, Qt::Horizontal).toString();
    header->resizeSection(KeyTableModel::Project,
                          std::max(fontMetrics().horizontalAdvance(u"data-science-sandbox"_s) + 16,
                                   header->fontMetrics().horizontalAdvance(title) + 36));
}

bool KeyTableView::restoreLayout(const QByteArray &state)
{
    QHeaderView *header = horizontalHeader();
    if (!header->restoreState(state))
        return false;
    // The sort indicator came back with the state; the proxy follows it.
    m_proxy->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    return true;
}

void KeyTableView::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = horizontalHeader();
    QMenu menu(this);
    menu.setObjectName(u"keyHeaderMenu"_s);
    // In the order the columns are shown (the Project column comes after Name there).
    for (int visual = 0; visual < header->count(); ++visual) {
        const int section = header->logicalIndex(visual);
        QAction *action = menu.addAction(m_model->headerData(section, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(section));
        // The name identifies a key: it always stays.
        action->setEnabled(section != KeyTableModel::Name);
        connect(action, &QAction::toggled, header,
                [header, section](bool shown) { header->setSectionHidden(section, !shown); });
    }
    menu.exec(header->mapToGlobal(pos));
}

} // namespace aikeys
