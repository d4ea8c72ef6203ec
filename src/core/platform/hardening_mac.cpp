#include "platform/hardening.h"

#include <cerrno>
#include <cstring>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace aikeys::platform {

HardeningReport disableCoreDumps()
{
    HardeningReport report;
    const rlimit none{0, 0};
    report.coreDumpsDisabled = setrlimit(RLIMIT_CORE, &none) == 0;
    if (!report.coreDumpsDisabled)
        report.detail = u"setrlimit(RLIMIT_CORE): "_s + QString::fromLocal8Bit(std::strerror(errno));
    // Blocking debuggers (PT_DENY_ATTACH) would also stop crash reports users can send; the
    // hardened runtime of a signed build already refuses unentitled attaches.
    return report;
}

} // namespace aikeys::platform
