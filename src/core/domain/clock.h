#pragma once

#include <QDateTime>

#include <functional>

namespace aikeys {

// "Now", injected wherever time decides something (expiry, staleness, age), so that tests move time
// forward instead of waiting for it. An empty Clock means the system clock.
using Clock = std::function<QDateTime()>;

// The system clock, in UTC.
Clock systemClock();

// clock's time, or the system clock's when clock is empty.
QDateTime nowFrom(const Clock &clock);

} // namespace aikeys
