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

} // namespace aikeys
