#include "audit/bulkretire.h"

#include "atlas/atlasclient.h"
#include "logging.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

BulkRetireJob::BulkRetireJob(AtlasClient *client, QList<AiKey> keys, QObject *parent)
    : Job(parent)
    , m_client(client)
{
    m_outcomes.reserve(keys.size());
    for (AiKey &k : keys)
        m_outcomes.append({std::move(k), Result::Pending, {}});
}

BulkRetireJob::~BulkRetireJob()
{
    for (const QPointer<DeleteCall> &call : std::as_const(m_inFlight)) {
        if (call)
            call->disconnect(this);
    }
}

void BulkRetireJob::setConcurrency(int n)
{
    m_concurrency = std::clamp(n, 1, 16);
}

int BulkRetireJob::count(Result result) const
{
    return int(std::count_if(m_outcomes.cbegin(), m_outcomes.cend(),
                             [result](const Outcome &o) { return o.result == result; }));
}

QStringList BulkRetireJob::failureLines() const
{
    QStringList lines;
    for (const Outcome &o : m_outcomes) {
        if (o.result != Result::Failed)
            continue;
        lines << tr("%1 (%2): %3").arg(o.key.name, o.key.apiKeyId, o.error.message());
    }
    return lines;
}

void BulkRetireJob::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_client) {
                for (Outcome &o : m_outcomes)
                    o.result = Result::NotAttempted;
                finishWith(ApiError::invalidInput(tr("Signed out: sign in again to continue.")));
                return;
            }
            if (m_outcomes.isEmpty()) {
                finishWith({});
                return;
            }
            pump();
        },
        Qt::QueuedConnection);
}

void BulkRetireJob::cancel()
{
    if (isFinished() || m_canceled)
        return;
    m_canceled = true;
    // Deletes already sent are not aborted: an aborted DELETE may still have been carried out, and
    // its answer is the only way to know.
    for (int i = m_next; i < m_outcomes.size(); ++i) {
        m_outcomes[i].result = Result::NotAttempted;
        ++m_done;
    }
    m_next = int(m_outcomes.size());
    Q_EMIT progress(m_done, m_outcomes.size());
    QMetaObject::invokeMethod(this, &BulkRetireJob::finishIfDone, Qt::QueuedConnection);
}

void BulkRetireJob::pump()
{
    if (!m_client) {
        // Signed out half way: nothing more can be sent.
        for (int i = m_next; i < m_outcomes.size(); ++i) {
            m_outcomes[i].result = Result::NotAttempted;
            ++m_done;
        }
        m_next = int(m_outcomes.size());
        return;
    }
    while (!m_canceled && m_next < m_outcomes.size() && m_inFlight.size() < m_concurrency) {
        const int index = m_next++;
        const AiKey &key = m_outcomes.at(index).key;
        DeleteCall *call = m_client->deleteKey(key.groupId, key.apiKeyId);
        m_inFlight.insert(index, call);
        connect(call, &Job::finished, this, [this, index, call] { onDeleted(index, call); });
    }
}

void BulkRetireJob::onDeleted(int index, DeleteCall *call)
{
    m_inFlight.remove(index);
    Outcome &o = m_outcomes[index];
    if (call->succeeded()) {
        o.result = call->alreadyGone() ? Result::AlreadyGone : Result::Deleted;
    } else {
        o.result = Result::Failed;
        o.error = call->error();
        qCInfo(lcAudit) << "retiring key" << o.key.apiKeyId << "failed:" << o.error.message();
    }
    ++m_done;
    Q_EMIT keyFinished(index);
    Q_EMIT progress(m_done, m_outcomes.size());
    pump();
    finishIfDone();
}

void BulkRetireJob::finishIfDone()
{
    if (isFinished() || !m_inFlight.isEmpty() || m_next < m_outcomes.size())
        return;
    qCInfo(lcAudit) << "bulk retire done:" << goneCount() << "gone," << count(Result::Failed) << "failed,"
                    << count(Result::NotAttempted) << "not attempted";
    finishWith(m_canceled ? ApiError::canceled() : ApiError());
}

} // namespace aikeys
