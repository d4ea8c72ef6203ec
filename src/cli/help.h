#pragma once

#include "commandline.h"

namespace aikeys::cli {

// Usage for one level: {} for the program, {"keys"} for a group, {"keys", "create"} for a command.
QString helpText(const CommandTable &table, const QStringList &words);

// The one-line pointer to help that follows a usage error.
QString helpHint(const CommandTable &table, const QStringList &words);

} // namespace aikeys::cli
