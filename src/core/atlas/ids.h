#pragma once

#include <QString>
#include <QStringView>

namespace aikeys {

// What goes into a URL path of the Admin API. Each is checked before any request, by the app and the
// CLI alike: a value Atlas never uses is refused, so that no segment can become another one (".."
// would make Qt drop the segment before it and turn a key request into a project request).
enum class IdKind { Organization, Project, ApiKey, Cloud, Geography, ModelGroup };

// 24 lowercase hexadecimal digits: how Atlas writes organization and project ids (ObjectIds).
bool isAtlasObjectId(QStringView id);

// 1 to kMaxPathIdLength characters of A-Z, a-z, 0-9, '-' and '_': what Atlas uses for key ids,
// cloud providers, geographies and model groups. Never '.', '/', '%', a space or a control character.
inline constexpr int kMaxPathIdLength = 200;
bool isPathSegmentId(QStringView id);

// Empty when value is acceptable for kind, else a sentence saying what is wrong and what is expected.
// Pure (no state), so it can be fuzzed.
QString validateId(IdKind kind, const QString &value);
// validateId for one kind, where a plain function is wanted (argument checks, option validators).
template <IdKind kind>
QString validateIdOf(const QString &value)
{
    return validateId(kind, value);
}

// True when a percent-encoded path holds a segment that a URL parser would resolve away: "." or
// "..", also spelled with %2e. The last line of defence before a request is sent.
bool hasDotSegment(QStringView encodedPath);

} // namespace aikeys
