#pragma once

#include "atlas/ids.h"
#include "domain/result.h"

#include <QUrl>

namespace aikeys {

inline constexpr auto kAtlasCommercialUrl = "https://cloud.mongodb.com";
inline constexpr auto kAtlasGovernmentUrl = "https://cloud.mongodbgov.com";

// Checks a base URL typed by a person or read from settings: https, or plain http to a loopback
// address only (the local simulator, a developer's proxy); a host; no user info, query or fragment.
// Returns the URL without a trailing slash, or a message saying what is wrong.
Result<QUrl> normalizeBaseUrl(const QString &text);

bool isLoopbackHost(const QString &host);

// 1..250 characters after trimming nothing: the contract counts what the user typed. Characters are
// UTF-16 code units (QString::size(), Java's String.length(): Atlas runs on the JVM), so an emoji
// outside the BMP counts as 2; atlas-sim counts the same way. A name of spaces only is refused here
// (the live service's rule for it is unknown, and such a name is never what a person meant).
// Returns an empty string when the name is acceptable, else why not.
QString validateKeyName(const QString &name);

} // namespace aikeys
