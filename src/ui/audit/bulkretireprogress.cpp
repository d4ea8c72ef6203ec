#include "audit/bulkretireprogress.h"

#include "audit/auditview.h"
#include "audit/bulkretire.h"
#include "common/messagebox.h"

#include <QProgressDialog>

using namespace Qt::StringLiterals;

namespace aikeys {

QProgressDialog *BulkRetireProgress::open(BulkRetireJob *job, int n, QWidget *parent)
{
    auto *progress = new QProgressDialog(parent);
    progress->setObjectName(u"retireProgress"_s);
    progress->setWindowTitle(AuditView::tr("Retiring Keys"));
    progress->setLabelText(AuditView::tr("Retiring keys: 0 of %1\u2026").arg(n));
    progress->setRange(0, n);
    progress->setValue(0);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setWindowModality(Qt::WindowModal);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(progress, &QProgressDialog::canceled, job, [job, progress] {
        progress->setLabelText(AuditView::tr("Stopping: waiting for the deletes already sent\u2026"));
        job->cancel();
    });
    QObject::connect(job, &Job::progress, progress, [progress, n](qint64 done, qint64) {
        progress->setValue(int(done));
        progress->setLabelText(AuditView::tr("Retiring keys: %1 of %2\u2026").arg(done).arg(n));
    });
    progress->show();
    return progress;
}

void BulkRetireProgress::close(QProgressDialog *progress)
{
    progress->disconnect();
    progress->close();
}

void BulkRetireProgress::report(QWidget *parent, const BulkRetireJob &job)
{
    const int total = int(job.outcomes().size());
    const int failed = job.count(BulkRetireJob::Result::Failed);
    const int skipped = job.count(BulkRetireJob::Result::NotAttempted);
    const QString headline =
        AuditView::tr("Retired %1 of %2.").arg(job.goneCount()).arg(AuditView::keysText(total));
    QStringList details;
    if (failed > 0) {
        details << (failed == 1 ? AuditView::tr("%n key could not be retired:", nullptr, failed)
                                : AuditView::tr("%n keys could not be retired:", nullptr, failed));
        details << job.failureLines();
    }
    if (skipped > 0) {
        details << (skipped == 1
                        ? AuditView::tr("%n key was not attempted after Cancel.", nullptr, skipped)
                        : AuditView::tr("%n keys were not attempted after Cancel.", nullptr, skipped));
    }
    if (failed > 0 || skipped > 0)
        MessageBox::warning(parent, AuditView::tr("Retire Keys"), headline, QMessageBox::Ok, QMessageBox::Ok,
                            details.join(u'\n'));
    else
        MessageBox::information(parent, AuditView::tr("Retire Keys"), headline);
}

} // namespace aikeys
