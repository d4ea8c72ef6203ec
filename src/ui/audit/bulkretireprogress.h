#pragma once

class QProgressDialog;
class QWidget;

namespace aikeys {

class BulkRetireJob;

// What the user sees of a bulk retire while it runs and once it ends: a window-modal progress dialog
// whose Cancel stops the deletes not yet sent, and the report of the outcomes. Apart from AuditView,
// which starts the retire and takes the retired keys out of its audit. Texts keep AuditView's
// translation context.
class BulkRetireProgress
{
public:
    // Shows the progress of job's n keys ("retireProgress"); it deletes itself when closed.
    static QProgressDialog *open(BulkRetireJob *job, int n, QWidget *parent);
    // Closes it without stopping anything: the job is over (canceled() fires on close too).
    static void close(QProgressDialog *progress);
    // How many keys are gone, and which failed or were not attempted (a warning) or that all went
    // (information).
    static void report(QWidget *parent, const BulkRetireJob &job);
};

} // namespace aikeys
