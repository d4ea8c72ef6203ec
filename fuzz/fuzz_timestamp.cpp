// Timestamps as servers write them (createdAt, lastUsedAt, seed files): whatever parses is a valid
// instant, and the form written in reports reads back as the same instant.

#include "domain/timestamp.h"
#include "fuzzcheck.h"

using namespace Qt::StringLiterals;
using namespace aikeys;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<QDateTime> when = parseTimestamp(text);
    if (!when)
        return 0;
    FUZZ_CHECK(when->isValid(), u"an invalid instant from: "_s + text);
    const QString written = formatTimestampUtc(*when);
    const std::optional<QDateTime> back = parseTimestamp(written);
    FUZZ_CHECK(back.has_value(), u"what we write does not parse: "_s + written);
    // The written form keeps milliseconds: compare at that precision.
    FUZZ_CHECK(back->toMSecsSinceEpoch() == when->toMSecsSinceEpoch(),
               u"round trip changed the instant: "_s + text + u" -> "_s + written);
    return 0;
}
