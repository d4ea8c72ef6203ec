#include "audit/audittablelayout.h"

#include "audit/auditkeymodel.h"
#include "keys/keycolumns.h"

#include <QHeaderView>
#include <QTableView>

namespace aikeys {

void AuditTableLayout::setUp(QWidget *view, QTableView *table, AuditKeyModel *model)
{
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionsMovable(true);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setDefaultSectionSize(view->fontMetrics().averageCharWidth() * 16);
    // Key IDs, project names and the rest as wide as their typical values (full text as a tooltip).
    sizeKeyColumns(table->horizontalHeader(), table->fontMetrics());
    table->horizontalHeader()->setStretchLastSection(true);
    table->sortByColumn(KeyTableModel::LastUsed, Qt::AscendingOrder);

    // As wide as its longest class name, in the view's font at the time.
    const auto classWidth = [view] {
        return view->fontMetrics().horizontalAdvance(KeyClassifier::name(KeyClass::RecentlyCreated)) +
               view->fontMetrics().averageCharWidth() * 4;
    };
    // Keep the Class column right after Name (and an org's Project after it), wherever the model puts
    // them.
    QObject::connect(model, &QAbstractItemModel::columnsInserted, view,
                     [table, model, classWidth](const QModelIndex &, int first, int last) {
                         QHeaderView *header = table->horizontalHeader();
                         sizeKeyColumns(header, table->fontMetrics(), first, last);
                         header->moveSection(header->visualIndex(model->classColumn()), 1);
                         // An org's audit reads by project: its column comes next, in view without scrolling.
                         if (first <= KeyTableModel::Project && KeyTableModel::Project <= last)
                             header->moveSection(header->visualIndex(KeyTableModel::Project), 2);
                         table->setColumnWidth(model->classColumn(), classWidth());
                     });
    table->horizontalHeader()->moveSection(model->classColumn(), 1);
    table->setColumnWidth(model->classColumn(), classWidth());
}

} // namespace aikeys
