#pragma once

#include <QString>

#include <cstddef>

namespace aikeys::platform {

// What disableCoreDumps() managed to do, for a debug log line and for tests.
struct HardeningReport
{
    bool coreDumpsDisabled = false; // no core file will be written if the process crashes
    bool attachBlocked = false;     // other processes of the same user cannot attach a debugger
    QString detail;                 // what failed, in a developer's words (never shown to users)
};

// The process's memory may hold a key's secret or the user's Atlas credentials: a core dump or a
// crash report would write them to disk. Called first thing in main(), before any secret exists.
//   Linux: prctl(PR_SET_DUMPABLE, 0) (no core, no ptrace attach by the same user, /proc/self/mem
//          closed to others) and RLIMIT_CORE 0.
//   FreeBSD (and DragonFly where it has it): RLIMIT_CORE 0 and procctl(PROC_TRACE_CTL_DISABLE);
//          the other BSDs: RLIMIT_CORE 0.
//   macOS: RLIMIT_CORE 0.
//   Windows: no Windows Error Reporting dialog or report for this process (SetErrorMode).
// What this does not protect against: root, a debugger started with the process, swap, and
// hibernation files.
// Also compiled into atlas-sim (which links Qt only, never aikeys_core), so that all three programs
// share this one function.
HardeningReport disableCoreDumps();

// The pages holding [data, data + size) are kept out of core dumps and, where the OS and the
// memory-lock limit allow, out of swap. Best effort and silent: a failure leaves the memory as it
// was (the process is undumpable anyway). The pages are not unlocked afterwards, since a page may
// hold another secret too; they are few.
//   Linux: madvise(MADV_DONTDUMP) and mlock. FreeBSD: madvise(MADV_NOCORE) and mlock.
//   macOS, other BSDs: mlock. Windows: VirtualLock.
void protectSecretMemory(const void *data, std::size_t size);

} // namespace aikeys::platform
