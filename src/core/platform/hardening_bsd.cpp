#include "platform/hardening.h"
#include "platform/pages_unix.h"

#include <QStringList>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <unistd.h>
#include <utility>

#if __has_include(<sys/procctl.h>)
#include <sys/procctl.h> // FreeBSD, DragonFly
#endif

using namespace Qt::StringLiterals;

namespace aikeys::platform {

HardeningReport disableCoreDumps()
{
    HardeningReport report;
    QStringList problems;

    const rlimit none{0, 0};
    report.coreDumpsDisabled = setrlimit(RLIMIT_CORE, &none) == 0;
    if (!report.coreDumpsDisabled)
        problems << u"setrlimit(RLIMIT_CORE): "_s + QString::fromLocal8Bit(std::strerror(errno));

#if defined(PROC_TRACE_CTL) && defined(PROC_TRACE_CTL_DISABLE)
    // FreeBSD's counterpart of Linux's PR_SET_DUMPABLE for debuggers: no ptrace attach (and no
    // procfs/kvm memory reads) by other processes of the same user, inherited by children, undone by
    // execve.
    int trace = PROC_TRACE_CTL_DISABLE;
    report.attachBlocked = procctl(P_PID, getpid(), PROC_TRACE_CTL, &trace) == 0;
    if (!report.attachBlocked)
        problems << u"procctl(PROC_TRACE_CTL): "_s + QString::fromLocal8Bit(std::strerror(errno));
#endif
    // OpenBSD and NetBSD have no such call for an unprivileged process; the core limit is what there is.

    report.detail = problems.join(u"; "_s);
    return report;
}

void protectSecretMemory(const void *data, std::size_t size)
{
    if (!data || size == 0)
        return;
    const auto [pages, length] = pagesOf(data, size);
#if defined(MADV_NOCORE)
    (void)madvise(pages, length, MADV_NOCORE);
#endif
    (void)mlock(pages, length);
}

} // namespace aikeys::platform
