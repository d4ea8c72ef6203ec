#pragma once

class QHeaderView;
class QFontMetrics;

namespace aikeys {

// Column widths for a table of KeyTableModel columns (the keys view, the audit): each column as wide
// as a typical value (ids are 24 characters, masked secrets 11, a project name about 20), and never
// narrower than its title with a sort arrow. Applies to the columns first..last (last -1: every
// column the header has now); call it for a column when it is inserted (the Project column comes and
// goes). Cells that still do not fit show their full text as a tooltip (KeyTableModel's ToolTipRole).
void sizeKeyColumns(QHeaderView *header, const QFontMetrics &cellMetrics, int first = 0, int last = -1);

} // namespace aikeys
