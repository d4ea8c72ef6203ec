#pragma once

#include "atlas/compositejob.h"
#include "domain/types.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace aikeys {

class AtlasClient;

// A project's limit for one model group beside its organization's ceiling for the same group.
struct LimitRow
{
    RateLimit limit;
    std::optional<RateLimit> ceiling; // nullopt when the org's ceilings are unknown or lack the group

    // ceiling - limit (negative when the limit is above the ceiling); nullopt without a ceiling.
    std::optional<qint64> requestsHeadroom() const;
    std::optional<qint64> tokensHeadroom() const;
};

// One model group of an organization: its ceiling and what its projects' limits for the group add
// up to. When the sum exceeds the ceiling (isOver()) the group is over-subscribed: together the
// projects may ask for more than the org grants, so one busy project can starve the others.
struct GroupAllocation
{
    RateLimit ceiling;
    qint64 requestsTotal = 0;
    qint64 tokensTotal = 0;
    // Project id and its limit, largest requests first.
    QList<std::pair<QString, RateLimit>> projects;

    bool requestsOver() const { return requestsTotal > ceiling.requestsPerMinuteLimit; }
    bool tokensOver() const { return tokensTotal > ceiling.tokensPerMinuteLimit; }
    bool isOver() const { return requestsOver() || tokensOver(); }
};
// A group whose projects' limits add up to more than the ceiling.
using Oversubscription = GroupAllocation;

// The arithmetic of rate limits, free of I/O. Limits and ceilings are matched by model group, cloud
// and geography (today every limit is ANY/ANY; the scope is data, so it is part of the match).
class RateLimitPlan
{
    Q_DECLARE_TR_FUNCTIONS(aikeys::RateLimitPlan)

public:
    static QString matchKey(const RateLimit &limit);
    // The project's limits in their order, each with its ceiling.
    static QList<LimitRow> join(const QList<RateLimit> &projectLimits, const QList<RateLimit> &orgCeilings);
    static std::optional<RateLimit> ceilingFor(const RateLimit &limit, const QList<RateLimit> &orgCeilings);

    // Why an edit cannot be sent, or an empty string: each value must be 1 ..= the org's ceiling
    // (when it is known) and fit the API's integer.
    static QString validateEdit(qint64 requestsPerMinute, qint64 tokensPerMinute,
                                const std::optional<RateLimit> &ceiling);

    // Every group of the ceilings, in their order, with the sum of the projects' limits for it.
    // projectLimits: project id -> that project's limits.
    static QList<GroupAllocation> allocations(const QList<RateLimit> &orgCeilings,
                                              const QHash<QString, QList<RateLimit>> &projectLimits);
    // The groups where the sum of the projects' limits exceeds the ceiling, in the ceilings' order.
    static QList<Oversubscription> oversubscriptions(const QList<RateLimit> &orgCeilings,
                                                     const QHash<QString, QList<RateLimit>> &projectLimits);
};

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
