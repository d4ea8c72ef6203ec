#include "platform/hardening.h"

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

namespace {
// The whole pages that hold [data, data + size).
std::pair<void *, std::size_t> pagesOf(const void *data, std::size_t size)
{
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    const auto begin = std::uintptr_t(data) & ~(page - 1);
    const auto end = (std::uintptr_t(data) + size + page - 1) & ~(page - 1);
    return {reinterpret_cast<void *>(begin), std::size_t(end - begin)};
}
} // namespace

void protectSecretMemory(const void *data, std::size_t size)
{
    if (!data || size == 0)
        return;
    const auto [pages, length] = pagesOf(data, size);
    (void)mlock(pages, length);
}

} // namespace aikeys::platform
