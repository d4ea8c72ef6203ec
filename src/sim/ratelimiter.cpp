#include "ratelimiter.h"

namespace aikeys::sim {

RateLimiter::RateLimiter(int perMinute)
    : m_limit(perMinute)
{}

RateLimiter::Decision RateLimiter::take(const QString &caller, qint64 nowMs)
{
    if (m_limit <= 0)
        return peek();
    std::deque<qint64> &window = m_windows[caller];
    while (!window.empty() && window.front() <= nowMs - 60000)
        window.pop_front();
    Decision d;
    d.limit = m_limit;
    if (int(window.size()) >= m_limit) {
        d.allowed = false;
        d.remaining = 0;
        // Seconds until the oldest request leaves the window and frees a slot, rounded up.
        d.retryAfterSeconds = int(std::max<qint64>(1, (window.front() + 60000 - nowMs + 999) / 1000));
        return d;
    }
    window.push_back(nowMs);
    d.remaining = m_limit - int(window.size());
    return d;
}

RateLimiter::Decision RateLimiter::peek() const
{
    Decision d;
    if (m_limit > 0) {
        d.limit = m_limit;
        d.remaining = m_limit;
    }
    return d;
}

} // namespace aikeys::sim
