#pragma once

#include <QtGlobal>

namespace aikeys {

// CPU time the calling thread has used, in nanoseconds: what --verbose reports for reading a listing
// and writing it, which a wall clock would overstate whenever another process takes the core.
qint64 threadCpuNs();

} // namespace aikeys
