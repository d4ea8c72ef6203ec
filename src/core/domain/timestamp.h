#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringView>

#include <optional>

namespace aikeys {

// Parses ISO 8601 leniently: "2026-01-15T16:47:49.855000+00:00", "...Z", with or without
// fractional seconds (any number of digits), with or without seconds, a space instead of "T", an
// offset as +HH:MM, +HHMM or +HH, or none (read as UTC). Returns nullopt for anything else.
std::optional<QDateTime> parseTimestamp(QStringView text);

// ISO 8601 in UTC with milliseconds and "Z", the form we write in reports. Empty for an invalid time.
QString formatTimestampUtc(const QDateTime &when);
// The same appended to UTF-8 output, and the UTC date alone ("2026-01-15"). Listings of tens of
// thousands of keys write two of these per key: years 1970 to 9999 are written directly, other
// times as Qt writes them.
void appendTimestampUtc(QByteArray &out, const QDateTime &when);
// The direct case alone: writes the 24 characters through out and returns true for years 1970 to
// 9999; false (nothing written) for any other time.
bool writeTimestampUtc(char *out, const QDateTime &when);
void appendDateUtc(QByteArray &out, const QDateTime &when);

} // namespace aikeys
