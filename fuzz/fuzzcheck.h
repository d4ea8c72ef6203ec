#pragma once

// Shared by the fuzz targets: a failed property aborts with a message, so that libFuzzer records the
// input as a crash just as it does for a sanitizer report.

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, what)                                                                          \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            ::aikeys::fuzz::fail(__FILE__, __LINE__, #condition, (what));                                    \
    } while (false)

namespace aikeys::fuzz {

[[noreturn]] inline void fail(const char *file, int line, const char *condition, const QString &what)
{
    std::fprintf(stderr, "%s:%d: property violated: %s\n  %s\n", file, line, condition,
                 what.toUtf8().constData());
    std::abort();
}

} // namespace aikeys::fuzz
