#include "domain/clock.h"

namespace aikeys {

Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

QDateTime nowFrom(const Clock &clock)
{
    return clock ? clock() : QDateTime::currentDateTimeUtc();
}

} // namespace aikeys
