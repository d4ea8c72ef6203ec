#include "ratelimits/ratelimitchanges.h"

#include "atlas/atlasclient.h"
#include "atlas/calls.h"

#include <QLocale>

namespace aikeys {

RateLimitChanges::RateLimitChanges(QObject *parent)
    : QObject(parent)
{}

RateLimitChanges::~RateLimitChanges() = default;

void RateLimitChanges::setClient(AtlasClient *client)
{
    // A change in flight still lands at Atlas; its answer belongs to the session that sent it.
    if (m_change)
        m_change->disconnect(this);
    m_change = nullptr;
    m_client = client;
    Q_EMIT busyChanged(false, {});
}

bool RateLimitChanges::isBusy() const
{
    return m_change && !m_change->isFinished();
}

KeyScope RateLimitChanges::scopeOf(const RateLimit &limit)
{
    KeyScope scope;
    if (!limit.cloud.isEmpty())
        scope.cloud = limit.cloud;
    if (!limit.geography.isEmpty())
        scope.geography = limit.geography;
    return scope;
}

void RateLimitChanges::track(Job *job, const QString &status, const QString &projectId,
                             const QString &failure, std::function<void()> onSuccess)
{
    m_change = job;
    Q_EMIT busyChanged(true, status);
    connect(job, &Job::finished, this, [this, job, projectId, failure, onSuccess = std::move(onSuccess)] {
        m_change = nullptr;
        Q_EMIT busyChanged(false, {});
        if (job->succeeded())
            onSuccess();
        else
            Q_EMIT failed(projectId, failure, job->error());
    });
}

QString RateLimitChanges::update(const QString &projectId, const LimitRow &row, qint64 requestsPerMinute,
                                 qint64 tokensPerMinute)
{
    const QString group = row.limit.modelGroupName;
    if (const QString problem = RateLimitPlan::validateEdit(requestsPerMinute, tokensPerMinute, row.ceiling);
        !problem.isEmpty())
        return problem;
    if (!m_client)
        return tr("Not signed in: sign in, then try again.");
    if (isBusy())
        return tr("Another change is still being saved: wait for it, then try again.");
    ValueCall<RateLimit> *call = m_client->updateProjectRateLimit(projectId, scopeOf(row.limit), group,
                                                                  requestsPerMinute, tokensPerMinute);
    track(call, tr("Saving %1\u2026").arg(group), projectId, tr("%1 was not changed:").arg(group),
          [this, call, projectId, group] {
              const QLocale locale;
              Q_EMIT limitChanged(projectId, call->value(),
                                  tr("%1 now allows %2 requests and %3 tokens per minute.")
                                      .arg(group, locale.toString(call->value().requestsPerMinuteLimit),
                                           locale.toString(call->value().tokensPerMinuteLimit)));
          });
    return {};
}

bool RateLimitChanges::reset(const QString &projectId, const RateLimit &limit)
{
    if (!canChange())
        return false;
    const QString group = limit.modelGroupName;
    ValueCall<RateLimit> *call = m_client->resetProjectRateLimit(projectId, scopeOf(limit), group);
    track(call, tr("Resetting %1\u2026").arg(group), projectId, tr("%1 was not reset:").arg(group),
          [this, call, projectId, group] {
              Q_EMIT limitChanged(projectId, call->value(),
                                  tr("%1 is back to its default limits.").arg(group));
          });
    return true;
}

bool RateLimitChanges::resetAll(const QString &projectId)
{
    if (!canChange())
        return false;
    ValueCall<QList<RateLimit>> *call = m_client->resetProjectRateLimits(projectId);
    track(call, tr("Resetting every model group\u2026"), projectId, tr("The rate limits were not reset:"),
          [this, call, projectId] {
              Q_EMIT limitsReset(projectId, call->value(),
                                 tr("Every model group is back to its default limits."));
          });
    return true;
}

} // namespace aikeys
