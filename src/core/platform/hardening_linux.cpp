#include "platform/hardening.h"
#include "platform/pages_unix.h"

#include <QStringList>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace aikeys::platform {

HardeningReport disableCoreDumps()
{
    HardeningReport report;
    QStringList problems;

    const rlimit none{0, 0};
    const bool limited = setrlimit(RLIMIT_CORE, &none) == 0;
    if (!limited)
        problems << u"setrlimit(RLIMIT_CORE): "_s + QString::fromLocal8Bit(std::strerror(errno));

    // Not dumpable also covers what RLIMIT_CORE does not: a core_pattern that pipes to a handler
    // (systemd-coredump, apport) ignores the limit but honours this flag.
    const bool undumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    if (!undumpable)
        problems << u"prctl(PR_SET_DUMPABLE): "_s + QString::fromLocal8Bit(std::strerror(errno));

    report.coreDumpsDisabled = limited && undumpable;
    report.attachBlocked = undumpable;
    report.detail = problems.join(u"; "_s);
    return report;
}

void protectSecretMemory(const void *data, std::size_t size)
{
    if (!data || size == 0)
        return;
    const auto [pages, length] = pagesOf(data, size);
    (void)madvise(pages, length, MADV_DONTDUMP);
    (void)mlock(pages, length);
}

} // namespace aikeys::platform
