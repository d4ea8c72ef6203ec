#include "ratelimits/ratelimitplan.h"

#include "atlas/atlasclient.h"
#include "logging.h"

#include <QLocale>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace aikeys {

// ---- LimitRow

std::optional<qint64> LimitRow::requestsHeadroom() const
{
    if (!ceiling)
        return std::nullopt;
    return ceiling->requestsPerMinuteLimit - limit.requestsPerMinuteLimit;
}

std::optional<qint64> LimitRow::tokensHeadroom() const
{
    if (!ceiling)
        return std::nullopt;
    return ceiling->tokensPerMinuteLimit - limit.tokensPerMinuteLimit;
}

// ---- RateLimitPlan

QString RateLimitPlan::matchKey(const RateLimit &limit)
{
    // Empty scope fields (an answer that left them out) mean ANY, the only value the API knows today.
    const QString cloud = limit.cloud.isEmpty() ? u"ANY"_s : limit.cloud;
    const QString geography = limit.geography.isEmpty() ? u"ANY"_s : limit.geography;
    return cloud + u'\x1f' + geography + u'\x1f' + limit.modelGroupName;
}

std::optional<RateLimit> RateLimitPlan::ceilingFor(const RateLimit &limit,
                                                   const QList<RateLimit> &orgCeilings)
{
    const QString key = matchKey(limit);
    for (const RateLimit &c : orgCeilings) {
        if (matchKey(c) == key)
            return c;
    }
    return std::nullopt;
}

QList<LimitRow> RateLimitPlan::join(const QList<RateLimit> &projectLimits,
                                    const QList<RateLimit> &orgCeilings)
{
    QHash<QString, RateLimit> byKey;
    for (const RateLimit &c : orgCeilings)
        byKey.insert(matchKey(c), c);
    QList<LimitRow> rows;
    rows.reserve(projectLimits.size());
    for (const RateLimit &l : projectLimits) {
        LimitRow row{l, std::nullopt};
        const auto it = byKey.constFind(matchKey(l));
        if (it != byKey.constEnd())
            row.ceiling = *it;
        rows.append(row);
    }
    return rows;
}

QString RateLimitPlan::validateEdit(qint64 requestsPerMinute, qint64 tokensPerMinute,
                                    const std::optional<RateLimit> &ceiling)
{
    const QLocale locale;
    if (requestsPerMinute < 1)
        return tr("Requests per minute must be at least 1.");
    if (tokensPerMinute < 1)
        return tr("Tokens per minute must be at least 1.");
    if (ceiling) {
        if (requestsPerMinute > ceiling->requestsPerMinuteLimit)
            return tr("Requests per minute cannot be above the organization's limit of %1 for %2.")
                .arg(locale.toString(ceiling->requestsPerMinuteLimit), ceiling->modelGroupName);
        if (tokensPerMinute > ceiling->tokensPerMinuteLimit)
            return tr("Tokens per minute cannot be above the organization's limit of %1 for %2.")
                .arg(locale.toString(ceiling->tokensPerMinuteLimit), ceiling->modelGroupName);
    }
    if (requestsPerMinute > INT_MAX || tokensPerMinute > INT_MAX)
        return tr("A rate limit cannot be above %1.").arg(locale.toString(INT_MAX));
    return {};
}

QList<GroupAllocation> RateLimitPlan::allocations(const QList<RateLimit> &orgCeilings,
                                                  const QHash<QString, QList<RateLimit>> &projectLimits)
{
    QList<GroupAllocation> out;
    out.reserve(orgCeilings.size());
    for (const RateLimit &ceiling : orgCeilings) {
        const QString key = matchKey(ceiling);
        GroupAllocation a;
        a.ceiling = ceiling;
        for (auto it = projectLimits.cbegin(); it != projectLimits.cend(); ++it) {
            for (const RateLimit &l : it.value()) {
                if (matchKey(l) != key)
                    continue;
                a.requestsTotal += l.requestsPerMinuteLimit;
                a.tokensTotal += l.tokensPerMinuteLimit;
                a.projects.append({it.key(), l});
            }
        }
        std::sort(a.projects.begin(), a.projects.end(), [](const auto &x, const auto &y) {
            if (x.second.requestsPerMinuteLimit != y.second.requestsPerMinuteLimit)
                return x.second.requestsPerMinuteLimit > y.second.requestsPerMinuteLimit;
            if (x.second.tokensPerMinuteLimit != y.second.tokensPerMinuteLimit)
                return x.second.tokensPerMinuteLimit > y.second.tokensPerMinuteLimit;
            return x.first < y.first;
        });
        out.append(std::move(a));
    }
    return out;
}

QList<Oversubscription>
RateLimitPlan::oversubscriptions(const QList<RateLimit> &orgCeilings,
                                 const QHash<QString, QList<RateLimit>> &projectLimits)
{
    QList<Oversubscription> out;
    const QList<GroupAllocation> all = allocations(orgCeilings, projectLimits);
    for (const GroupAllocation &a : all) {
        if (a.isOver())
            out.append(a);
    }
    return out;
}

} // namespace aikeys
