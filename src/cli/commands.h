#pragma once

#include "atlas/auth.h"
#include "commandline.h"

namespace aikeys::cli {

class CommandContext;

// The whole command line: global options, command options, groups and commands. New commands
// (profiles, audit, export) are rows here plus a handler.
const CommandTable &commandTable();

// Handlers. Each returns the process's exit code.
int runOrgsList(CommandContext &ctx);
int runProjectsList(CommandContext &ctx);
int runKeysList(CommandContext &ctx);
int runKeysGet(CommandContext &ctx);
int runKeysCreate(CommandContext &ctx);
int runKeysRename(CommandContext &ctx);
int runKeysDelete(CommandContext &ctx);
int runLimitsList(CommandContext &ctx);
int runLimitsSet(CommandContext &ctx);
int runLimitsReset(CommandContext &ctx);
int runProfilesList(CommandContext &ctx);
int runProfilesAdd(CommandContext &ctx);
int runProfilesRemove(CommandContext &ctx);
int runProfilesTest(CommandContext &ctx);
int runProfilesSetDefault(CommandContext &ctx);
int runProfilesSetSecret(CommandContext &ctx);
int runProfilesImportAtlasCli(CommandContext &ctx);

// "service account", "programmatic API key", "access token": the auth mode inside a sentence.
QString authModePhrase(AuthMode mode);

// Parses a positive count (--rpm, --tpm) the way the validators accept it.
std::optional<qint64> parseCount(const QString &text);
// Parses --timeout: seconds, fractions allowed.
std::optional<double> parseSeconds(const QString &text);

} // namespace aikeys::cli
