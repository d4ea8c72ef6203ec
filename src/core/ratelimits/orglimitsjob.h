#pragma once

#include "atlas/compositejob.h"
#include "ratelimits/projectlimitsfanout.h"
#include "ratelimits/ratelimitplan.h"

namespace aikeys {

class AtlasClient;

// An organization's ceilings and every project's limits against them: its projects (one listing),
// its ceilings, then each project's limits through ProjectLimitsFanOut. Fails only when the
// ceilings or the projects cannot be listed; projects whose limits could not be read are in
// failures() and left out of the sums.
class OrgLimitsJob final : public CompositeJob
{
    Q_OBJECT

public:
    OrgLimitsJob(AtlasClient *client, const QString &orgId, QObject *parent = nullptr);

    void setConcurrency(int n) { m_concurrency = n; }

    QString orgId() const { return m_orgId; }
    const QList<RateLimit> &ceilings() const { return m_ceilings; }
    const QList<Project> &projects() const { return m_projects; }
    const QHash<QString, QList<RateLimit>> &projectLimits() const { return m_projectLimits; }
    const QHash<QString, ApiError> &failures() const { return m_failures; }
    QList<GroupAllocation> allocations() const
    {
        return RateLimitPlan::allocations(m_ceilings, m_projectLimits);
    }
    QList<Oversubscription> oversubscriptions() const
    {
        return RateLimitPlan::oversubscriptions(m_ceilings, m_projectLimits);
    }
    QString projectName(const QString &projectId) const;

private:
    void run() override;
    void allDone() override;

    QString m_orgId;
    int m_concurrency = ProjectLimitsFanOut::kDefaultConcurrency;
    QList<RateLimit> m_ceilings;
    QList<Project> m_projects;
    QHash<QString, QList<RateLimit>> m_projectLimits;
    QHash<QString, ApiError> m_failures;
};

} // namespace aikeys
