#pragma once

#include "ratelimits/orglimitsjob.h"
#include "ratelimits/ratelimitplan.h"

#include <QList>

class QTableWidget;
class QTreeWidget;

namespace aikeys {

// What RateLimitView shows in its tables, filled from plain data: the project's model groups with
// the org's ceilings and the headroom left, the org's ceilings against its projects' sums, and the
// over-subscribed groups. Apart from the view, which loads, edits and resets, so that what a table
// shows is found in one place. Texts keep RateLimitView's translation context.
class RateLimitTables
{
public:
    // Columns, headers and sizing of the project's table and of the org's.
    static void setUpProjectTable(QTableWidget *table);
    static void setUpOrgTable(QTableWidget *table);

    // One row per model group; the current cell is left to the caller.
    static void fillProjectTable(QTableWidget *table, const QList<LimitRow> &rows);
    // One row per ceiling; allocations are the projects' sums, in the ceilings' order.
    static void fillOrgTable(QTableWidget *table, const QList<RateLimit> &ceilings,
                             const QList<GroupAllocation> &allocations);
    // One item per over-subscribed group with a child per project (named by job), or a single item
    // saying that none is.
    static void fillWarnings(QTreeWidget *list, const QList<Oversubscription> &oversubscriptions,
                             const OrgLimitsJob &job);
};

} // namespace aikeys
