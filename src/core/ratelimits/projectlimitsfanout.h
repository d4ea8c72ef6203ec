#pragma once

#include "atlas/compositejob.h"
#include "ratelimits/ratelimitplan.h"

namespace aikeys {

class AtlasClient;

// Many projects' limits, one call per project (the API has no org-wide listing of them), with at
// most concurrency() calls in flight. A project whose limits cannot be read is reported in
// failures() and does not stop the others.
class ProjectLimitsFanOut final : public CompositeJob
{
    Q_OBJECT

public:
    static constexpr int kDefaultConcurrency = 6;

    ProjectLimitsFanOut(AtlasClient *client, QStringList projectIds, QObject *parent = nullptr);

    void setConcurrency(int n);
    int concurrency() const { return m_concurrency; }
    // Most calls that were in flight at once (for tests of the bound).
    int peakInFlight() const { return peakPending(); }

    const QHash<QString, QList<RateLimit>> &limits() const { return m_limits; }
    const QHash<QString, ApiError> &failures() const { return m_failures; }

private:
    void run() override;
    void allDone() override;

    QStringList m_projectIds;
    QHash<QString, QList<RateLimit>> m_limits;
    QHash<QString, ApiError> m_failures;
    int m_concurrency = kDefaultConcurrency;
};

} // namespace aikeys
