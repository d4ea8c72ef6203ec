#pragma once

namespace aikeys::cli {

struct CommandTable;

// The rows (options, groups, commands) of `audit` and `export terraform`, kept apart from the main
// table so that each feature's options and handlers live in one file.
void addAuditCommands(CommandTable &table);
void addExportCommands(CommandTable &table);

// `audit` exits with this when any key is stale or never used, so that a scheduled job can alert.
inline constexpr int ExitAuditFindings = 3;

} // namespace aikeys::cli
