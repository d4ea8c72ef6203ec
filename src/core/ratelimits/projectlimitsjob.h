#pragma once

#include "atlas/compositejob.h"
#include "ratelimits/ratelimitplan.h"

namespace aikeys {

class AtlasClient;

// A project's limits and its organization's ceilings, read at once. The org is found from the
// project when not given. The ceilings need an organization role: when they cannot be read the job
// still succeeds, with ceilingsError() saying why and rows without ceilings.
class ProjectLimitsJob final : public CompositeJob
{
    Q_OBJECT

public:
    ProjectLimitsJob(AtlasClient *client, const QString &projectId, const QString &orgId = {},
                     QObject *parent = nullptr);

    QString projectId() const { return m_projectId; }
    QString orgId() const { return m_orgId; }
    QString projectName() const { return m_projectName; }
    const QList<RateLimit> &limits() const { return m_limits; }
    const QList<RateLimit> &ceilings() const { return m_ceilings; }
    bool hasCeilings() const { return m_ceilingsRead; }
    const ApiError &ceilingsError() const { return m_ceilingsError; }
    QList<LimitRow> rows() const { return RateLimitPlan::join(m_limits, m_ceilings); }

private:
    void run() override;
    void allDone() override;
    void readCeilings();

    QString m_projectId;
    QString m_orgId;
    QString m_projectName;
    QList<RateLimit> m_limits;
    QList<RateLimit> m_ceilings;
    ApiError m_ceilingsError;
    bool m_ceilingsRead = false;
};

} // namespace aikeys
