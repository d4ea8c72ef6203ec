#include "platform/hardening.h"

#include <windows.h>

namespace aikeys::platform {

HardeningReport disableCoreDumps()
{
    HardeningReport report;
    // No "program has stopped working" dialog and no Windows Error Reporting upload of this
    // process's memory after a crash. Kept with the bits already set (SetErrorMode replaces them).
    const UINT previous = GetErrorMode();
    SetErrorMode(previous | SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
    report.coreDumpsDisabled = true;
    return report;
}

void protectSecretMemory(const void *data, std::size_t size)
{
    // Windows writes no core files; a locked page stays out of the page file. Minidumps are what
    // SetErrorMode above keeps from being made.
    if (data && size > 0)
        (void)VirtualLock(const_cast<void *>(data), size);
}

} // namespace aikeys::platform
