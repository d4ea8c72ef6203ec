#include "platform/threadcpu.h"

#include <windows.h>

namespace aikeys {

qint64 threadCpuNs()
{
    FILETIME created, exited, kernel, user;
    if (!GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user))
        return 0;
    const auto ticks = [](const FILETIME &t) {
        return (qint64(t.dwHighDateTime) << 32) | qint64(t.dwLowDateTime);
    };
    return (ticks(kernel) + ticks(user)) * 100; // 100 ns units
}

} // namespace aikeys
