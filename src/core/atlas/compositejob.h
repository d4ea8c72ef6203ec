#pragma once

#include "atlas/apicall.h"

#include <QList>
#include <QPointer>

#include <concepts>
#include <functional>
#include <type_traits>

namespace aikeys {

class AtlasClient;

// A job made of other jobs: it sends its sub-jobs, gathers what each reports, and finishes once.
// Subclasses say what to send (run()) and what to make of it (allDone()); the base keeps the
// bookkeeping that is easy to get subtly wrong: run() only from the event loop and only while signed
// in, a count of the sub-jobs still out, no callback once the job has finished, and the sub-jobs still
// out aborted when the job fails, and (see CancelMode) when it is canceled or destroyed.
class CompositeJob : public Job
{
    Q_OBJECT

public:
    // What cancel() does to sub-jobs already sent. Abort suits reads: their answers no longer matter.
    // A write that was sent may have been carried out whatever happens to its reply, and its answer is
    // the only way to know: Drain lets such sub-jobs report (their callbacks still run), only stops
    // new ones, and finishes with Canceled when the last has reported.
    enum class CancelMode { Abort, Drain };

    explicit CompositeJob(AtlasClient *client, QObject *parent = nullptr);
    ~CompositeJob() override;

    // Starts itself from the event loop: its maker connects to it and sets it up in the same turn.
    void cancel() override;

protected:
    // Sends the sub-jobs (track() or fanOut()). Not called after cancel(), nor when signed out. A run()
    // that tracks nothing is done at once: allDone() follows it.
    virtual void run() = 0;
    // The last tracked sub-job has reported and the job has not finished yet: finish it, or track the
    // next round. In Drain mode this also follows cancel() (isCanceled() is then true); the job
    // finishes with Canceled if allDone() leaves it open.
    virtual void allDone() = 0;
    // The client was gone when the job came to run (the session ended after the job was made).
    virtual void runSignedOut();

    // Null once signed out: the client dies with the session.
    AtlasClient *client() const;
    // Right after construction, before the job runs.
    void setCancelMode(CancelMode mode) { m_cancelMode = mode; }

    // onFinished runs when job finishes, unless this job finished or was canceled (Abort) first.
    void track(Job *job, std::function<void(Job *)> onFinished);
    template <std::derived_from<Job> J>
    void track(J *job, std::type_identity_t<std::function<void(J *)>> onFinished)
    {
        track(static_cast<Job *>(job),
              [onFinished = std::move(onFinished)](Job *done) { onFinished(static_cast<J *>(done)); });
    }

    // A sub-job the whole job depends on: its failure fails the job (the others are aborted), and
    // onSucceeded only sees a success.
    template <std::derived_from<Job> J>
    void trackRequired(J *job, std::type_identity_t<std::function<void(J *)>> onSucceeded)
    {
        track(job, [this, onSucceeded = std::move(onSucceeded)](J *done) {
            if (!done->succeeded())
                return fail(done->error());
            onSucceeded(done);
        });
    }

    // count sub-jobs, at most limit out at once: startOne(i) makes and starts the i-th (returning a
    // pointer to a Job subclass), or returns nullptr to skip it; onFinished(i, job) reports it. Each is
    // tracked, so allDone() follows the last. One fan-out per job; it stops at cancel() or failure.
    template <typename Start, typename Done>
    void fanOut(int count, int limit, Start startOne, Done onFinished)
    {
        using J = std::remove_pointer_t<std::invoke_result_t<Start &, int>>;
        static_assert(std::derived_from<J, Job>, "startOne must return a pointer to a Job");
        startFanOut(count, limit, std::move(startOne),
                    [onFinished = std::move(onFinished)](int index, Job *done) {
                        onFinished(index, static_cast<J *>(done));
                    });
    }
    // Items of the fan-out started or skipped so far; the rest were never tried.
    int fanOutStarted() const { return m_fan.next; }

    // The sub-jobs still out are canceled and never report; a fan-out starts no more.
    void abortAll();
    // abortAll(), then finish with error. From run() or a callback, so still from the event loop.
    void fail(const ApiError &error);

    int pending() const { return int(m_jobs.size()); }
    // Most sub-jobs out at once, for tests of a fan-out's bound.
    int peakPending() const { return m_peakPending; }
    bool isCanceled() const { return m_canceled; }

private:
    struct FanOut
    {
        int count = 0;
        int limit = 1;
        int next = 0;
        int inFlight = 0;
        std::function<Job *(int)> start;
        std::function<void(int, Job *)> finished;
    };

    void begin();
    void settle();
    void startFanOut(int count, int limit, std::function<Job *(int)> startOne,
                     std::function<void(int, Job *)> onFinished);
    void pumpFanOut();

    QPointer<AtlasClient> m_client;
    QList<QPointer<Job>> m_jobs;
    FanOut m_fan;
    CancelMode m_cancelMode = CancelMode::Abort;
    int m_peakPending = 0;
    bool m_canceled = false;
};

} // namespace aikeys
