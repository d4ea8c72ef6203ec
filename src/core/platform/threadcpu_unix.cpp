#include "platform/threadcpu.h"

#include <time.h>

namespace aikeys {

qint64 threadCpuNs()
{
    timespec ts{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return qint64(ts.tv_sec) * 1000000000 + qint64(ts.tv_nsec);
}

} // namespace aikeys
