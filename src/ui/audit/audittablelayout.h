#pragma once

class QTableView;
class QWidget;

namespace aikeys {

class AuditKeyModel;

// How the audit's table of keys lays out its columns: key columns as wide as their typical values,
// the Class column right after Name and, in an org's audit, Project after it, wherever the model puts
// them, now and whenever columns come. Apart from AuditView, which fills and filters the table.
class AuditTableLayout
{
public:
    // table shows model (through a proxy that keeps its columns); sizes follow view's font.
    static void setUp(QWidget *view, QTableView *table, AuditKeyModel *model);
};

} // namespace aikeys
