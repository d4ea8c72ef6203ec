#pragma once

#include <QString>

#include <optional>

namespace aikeys::sim {

// Timestamps are kept as microseconds since the Unix epoch (UTC): the AI key API prints microseconds,
// and plain integers keep 20,000 keys cheap to generate and compare.
using Micros = qint64;

// The simulator's clock: the system clock plus what --test-clock requests have added (never less).
Micros nowMicros();
qint64 nowMs();
// Moves the simulator's clock forward by ms (tests: token and nonce expiry without waiting).
void advanceClock(qint64 ms);
qint64 clockAdvanceMs();

// 2026-01-15T16:47:49.855000+00:00, the form the AI model key endpoints use.
QString formatAiTimestamp(Micros t);

// 2024-02-11T09:30:00Z, the form the project (group) endpoints use.
QString formatIsoSeconds(Micros t);

// Seed files may give an ISO 8601 time (Z, offsets, any fraction) or a time relative to start-up:
// "now", "-90d", "-5h", "-30m", "-10s". Returns nullopt when the text is neither.
std::optional<Micros> parseSeedTime(const QString &text, Micros now);

} // namespace aikeys::sim
