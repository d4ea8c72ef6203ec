#pragma once

#include <QDateTime>
#include <QStringView>

#include <optional>

namespace aikeys {

// Parses ISO 8601 leniently: "2026-01-15T16:47:49.855000+00:00", "...Z", with or without
// fractional seconds (any number of digits), with or without seconds, a space instead of "T", an
// offset as +HH:MM, +HHMM or +HH, or none (read as UTC). Returns nullopt for anything else.
std::optional<QDateTime> parseTimestamp(QStringView text);

// ISO 8601 in UTC with milliseconds and "Z", the form we write in reports.
QString formatTimestampUtc(const QDateTime &when);

} // namespace aikeys
