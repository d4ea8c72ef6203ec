#pragma once

#include <QDateTime>
#include <QString>

namespace aikeys::timeformat {

// How times read in the window and its dialogs, in one place so that a key's "last used" says the
// same in the table, the delete dialog, the audit and the Rotations panel.

// "just now" (less than a minute, or in the future), "N minutes ago" (< 1 hour), "N hours ago" (< 1 day),
// "N days ago" (< 30 days), "N months ago" (30-day months, < 365 days), "N years ago" (365-day years);
// "never" for a null or invalid time. Whole units, rounded down. Instants are compared, not wall-clock
// fields: two time zones for the same moment give the same answer.
QString relative(const QDateTime &when, const QDateTime &now);
// The local date and time in the user's short format.
QString exact(const QDateTime &when);
// A span: "15 minutes", "5 hours", "3 days" (days from 48 hours on).
QString duration(qint64 ms);

} // namespace aikeys::timeformat
