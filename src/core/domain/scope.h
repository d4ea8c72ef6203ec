#pragma once

#include <QMetaType>

namespace aikeys {

// What a listing, an audit or an export covers. Not every operation takes every value: an audit is of
// a project or an organization, and only an export takes Keys (the keys selected in the table).
enum class Scope { None, Keys, Project, Organization };

} // namespace aikeys

Q_DECLARE_METATYPE(aikeys::Scope)
