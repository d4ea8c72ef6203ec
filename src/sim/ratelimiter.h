#pragma once

#include <QHash>
#include <QString>

#include <deque>

namespace aikeys::sim {

// A sliding one-minute window per caller: a request is allowed while fewer than `limit` requests were
// allowed in the last 60 seconds. limit 0 means unlimited (then a large limit is reported).
class RateLimiter
{
public:
    static constexpr int kUnlimitedReport = 1000000;

    struct Decision
    {
        bool allowed = true;
        int limit = kUnlimitedReport;
        int remaining = kUnlimitedReport;
        int retryAfterSeconds = 0;
    };

    explicit RateLimiter(int perMinute);

    Decision take(const QString &caller, qint64 nowMs);
    // What the headers say for a caller we could not identify (an unauthenticated request).
    Decision peek() const;

private:
    int m_limit;
    QHash<QString, std::deque<qint64>> m_windows;
};

} // namespace aikeys::sim
