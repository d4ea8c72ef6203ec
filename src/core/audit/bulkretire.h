#pragma once

#include "atlas/compositejob.h"
#include "domain/types.h"

#include <QCoreApplication>
#include <QList>

namespace aikeys {

class AtlasClient;
class DeleteCall;

// Deletes many keys, a few at a time. A failure on one key stops nothing else: every key ends with
// its own outcome, reported at the end. cancel() stops sending deletes; those already sent are let
// finish (their answers say whether the key is gone) and the rest end as NotAttempted.
//
// The job finishes without an error once every key has an outcome, whatever the outcomes, and with a
// Canceled error after cancel(); outcomes() is complete in both cases.
class BulkRetireJob final : public CompositeJob
{
    Q_OBJECT

public:
    enum class Result { Pending, Deleted, AlreadyGone, Failed, NotAttempted };

    struct Outcome
    {
        AiKey key;
        Result result = Result::Pending;
        ApiError error; // for Failed
    };

    static constexpr int kDefaultConcurrency = 4;

    BulkRetireJob(AtlasClient *client, QList<AiKey> keys, QObject *parent = nullptr);

    // How many deletes are in flight at once (1..16); set before start().
    void setConcurrency(int n);
    void cancel() override;
    bool wasCanceled() const { return isCanceled(); }

    const QList<Outcome> &outcomes() const { return m_outcomes; }
    int count(Result result) const;
    // Deleted or already gone: the key no longer exists.
    int goneCount() const { return count(Result::Deleted) + count(Result::AlreadyGone); }
    // Keys that have an outcome so far.
    int doneCount() const { return m_done; }

    // "name (id): what went wrong", one line per failed key, for the report at the end.
    QStringList failureLines() const;

Q_SIGNALS:
    // One key has its outcome (index into outcomes()). progress(done, total) follows each.
    void keyFinished(int index);

private:
    void run() override;
    void allDone() override;
    void runSignedOut() override;
    void onDeleted(int index, DeleteCall *call);

    QList<Outcome> m_outcomes;
    int m_done = 0;
    int m_concurrency = kDefaultConcurrency;
};

} // namespace aikeys
