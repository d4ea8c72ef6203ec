#pragma once

// For the POSIX hardening files (hardening_linux.cpp, _mac.cpp, _bsd.cpp): mlock and madvise work
// on whole pages.

#include <cstddef>
#include <cstdint>
#include <unistd.h>
#include <utility>

namespace aikeys::platform {

// The whole pages that hold [data, data + size).
inline std::pair<void *, std::size_t> pagesOf(const void *data, std::size_t size)
{
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    const auto begin = std::uintptr_t(data) & ~(page - 1);
    const auto end = (std::uintptr_t(data) + size + page - 1) & ~(page - 1);
    return {reinterpret_cast<void *>(begin), std::size_t(end - begin)};
}

} // namespace aikeys::platform
