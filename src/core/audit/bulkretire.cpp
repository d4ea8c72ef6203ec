#include "audit/bulkretire.h"

#include "atlas/atlasclient.h"
#include "logging.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

BulkRetireJob::BulkRetireJob(AtlasClient *client, QList<AiKey> keys, QObject *parent)
    : CompositeJob(client, parent)
{
    // Deletes already sent are not aborted: an aborted DELETE may still have been carried out, and
    // its answer is the only way to know.
    setCancelMode(CancelMode::Drain);
    m_outcomes.reserve(keys.size());
    for (AiKey &k : keys)
        m_outcomes.append({std::move(k), Result::Pending, {}});
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

void BulkRetireJob::runSignedOut()
{
    for (Outcome &o : m_outcomes)
        o.result = Result::NotAttempted;
    CompositeJob::runSignedOut();
}

void BulkRetireJob::cancel()
{
    if (isFinished() || isCanceled())
        return;
    for (int i = fanOutStarted(); i < m_outcomes.size(); ++i) {
        m_outcomes[i].result = Result::NotAttempted;
        ++m_done;
    }
    Q_EMIT progress(m_done, m_outcomes.size());
    CompositeJob::cancel();
}

void BulkRetireJob::run()
{
    fanOut(
        int(m_outcomes.size()), m_concurrency,
        [this](int index) -> DeleteCall * {
            if (!client()) {
                // Signed out half way: nothing more can be sent.
                m_outcomes[index].result = Result::NotAttempted;
                ++m_done;
                return nullptr;
            }
            const AiKey &key = m_outcomes.at(index).key;
            return client()->deleteKey(key.groupId, key.apiKeyId);
        },
        [this](int index, DeleteCall *call) { onDeleted(index, call); });
}

void BulkRetireJob::onDeleted(int index, DeleteCall *call)
{
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
}

void BulkRetireJob::allDone()
{
    qCInfo(lcAudit) << "bulk retire done:" << goneCount() << "gone," << count(Result::Failed) << "failed,"
                    << count(Result::NotAttempted) << "not attempted";
    finishWith(isCanceled() ? ApiError::canceled() : ApiError());
}

} // namespace aikeys
