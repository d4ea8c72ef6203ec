#include "platform/hardening.h"
#include "platform/pages_unix.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#include <utility>

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

void protectSecretMemory(const void *data, std::size_t size)
{
    if (!data || size == 0)
        return;
    const auto [pages, length] = pagesOf(data, size);
    (void)mlock(pages, length);
}

} // namespace aikeys::platform
