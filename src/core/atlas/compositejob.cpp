#include "atlas/compositejob.h"

#include "atlas/atlasclient.h"

#include <algorithm>
#include <utility>

namespace aikeys {

CompositeJob::CompositeJob(AtlasClient *client, QObject *parent)
    : Job(parent)
    , m_client(client)
{
    // Nobody has to remember to start a composite job: it runs once the event loop turns, after its
    // maker has connected to it and set it up.
    QMetaObject::invokeMethod(this, &CompositeJob::begin, Qt::QueuedConnection);
}

CompositeJob::~CompositeJob()
{
    // Drain's sub-jobs are writes already sent: they go on without a listener (destruction drops
    // the connections), as they would have after cancel().
    if (m_cancelMode == CancelMode::Abort)
        abortAll();
}

AtlasClient *CompositeJob::client() const
{
    return m_client;
}

void CompositeJob::begin()
{
    if (m_canceled || isFinished())
        return;
    if (!m_client) {
        runSignedOut();
        return;
    }
    run();
    if (pending() == 0)
        settle();
}

void CompositeJob::runSignedOut()
{
    fail(ApiError::invalidInput(tr("Signed out: sign in again to continue.")));
}

void CompositeJob::cancel()
{
    if (isFinished() || m_canceled)
        return;
    m_canceled = true;
    if (m_cancelMode == CancelMode::Drain) {
        if (pending() == 0)
            QMetaObject::invokeMethod(this, &CompositeJob::settle, Qt::QueuedConnection);
        return;
    }
    abortAll();
    QMetaObject::invokeMethod(
        this, [this] { finishWith(ApiError::canceled()); }, Qt::QueuedConnection);
}

void CompositeJob::settle()
{
    if (isFinished())
        return;
    allDone();
    if (!isFinished() && m_canceled && pending() == 0)
        finishWith(ApiError::canceled());
}

void CompositeJob::track(Job *job, std::function<void(Job *)> onFinished)
{
    m_jobs.append(job);
    m_peakPending = std::max(m_peakPending, pending());
    connect(job, &Job::finished, this, [this, job, onFinished = std::move(onFinished)] {
        m_jobs.removeOne(job);
        if (isFinished() || (m_canceled && m_cancelMode == CancelMode::Abort))
            return;
        onFinished(job);
        // A callback may have tracked the next round (or failed the job): only the last one settles.
        if (pending() == 0)
            settle();
    });
}

void CompositeJob::abortAll()
{
    m_fan.count = m_fan.next;
    m_fan.inFlight = 0;
    const QList<QPointer<Job>> jobs = std::exchange(m_jobs, {});
    for (const QPointer<Job> &job : jobs) {
        if (job && !job->isFinished()) {
            // Disconnected first: a canceled call may report synchronously from inside cancel().
            job->disconnect(this);
            job->cancel();
        }
    }
}

void CompositeJob::fail(const ApiError &error)
{
    abortAll();
    finishWith(error);
}

void CompositeJob::startFanOut(int count, int limit, std::function<Job *(int)> startOne,
                               std::function<void(int, Job *)> onFinished)
{
    Q_ASSERT(m_fan.count == 0);
    m_fan = {std::max(0, count), std::max(1, limit), 0, 0, std::move(startOne), std::move(onFinished)};
    pumpFanOut();
}

void CompositeJob::pumpFanOut()
{
    while (!m_canceled && !isFinished() && m_fan.next < m_fan.count && m_fan.inFlight < m_fan.limit) {
        const int index = m_fan.next++;
        Job *job = m_fan.start(index);
        if (!job)
            continue;
        ++m_fan.inFlight;
        track(job, [this, index](Job *done) {
            --m_fan.inFlight;
            m_fan.finished(index, done);
            pumpFanOut();
        });
    }
}

} // namespace aikeys
