#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace aikeys::cli {

// The translation context of every string the command line shows.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(aikeys::cli::Cli)
};

// Scripts tell three outcomes of a change apart: done (0), not done (1, 2), not known (4); and 5
// for a change that was made although what it returned is lost (a created key whose secret is).
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,        // Atlas or the network said no, or a confirmation was declined
    ExitUsage = 2,          // the command line (or the environment) is wrong; nothing was sent
    ExitNotKnown = 4,       // the answer to a change was lost: it may or may not have been made
    ExitDoneResultLost = 5, // the change was made, but its result is lost (a new key's secret)
    ExitInterrupted = 130   // Ctrl+C, as shells report SIGINT
};

// Checks one option's value; returns why it is unacceptable, or an empty string.
using OptionValidator = QString (*)(const QString &value);

struct OptionSpec
{
    QString name;               // without the dashes: "project"
    QString valueName;          // "PROJECT_ID"; empty for a flag
    const char *help = nullptr; // QT_TRANSLATE_NOOP("aikeys::cli::Cli", ...)
    bool global = false;        // accepted by every command
    QChar shortName;            // 'h' for -h; null for none
    OptionValidator validate = nullptr;

    bool takesValue() const { return !valueName.isEmpty(); }
};

// How a command uses one option. Options sharing a non-empty group are alternatives: at most one
// may be given, and if any of them is required, exactly one.
struct CommandOption
{
    QString name;
    bool required = false;
    QString group;
    // What the option means for this command, when its general help does not fit (--base-url of
    // profiles add is the profile's, not this run's). QT_TRANSLATE_NOOP; may be null.
    const char *help = nullptr;
};

class CommandContext;
using CommandHandler = int (*)(CommandContext &);

struct CommandSpec
{
    QStringList words;             // {"keys", "create"}
    const char *summary = nullptr; // one line, for the lists
    const char *details = nullptr; // a paragraph for the command's own --help, may be null
    QList<CommandOption> options;
    CommandHandler run = nullptr;
    bool needsSession = true; // false: runs without credentials (local commands)
    // A value given as a word after the command ("NAME" in "profiles remove NAME"); empty for none.
    // When set, exactly one such word is required.
    QString argument{};
};

struct GroupSpec
{
    QString word;
    const char *summary = nullptr;
};

// Everything the command line knows: adding a command is adding a row here and a handler.
struct CommandTable
{
    QList<OptionSpec> options;
    QList<GroupSpec> groups;
    QList<CommandSpec> commands;

    const OptionSpec *option(QStringView name) const;
    const OptionSpec *shortOption(QChar letter) const;
    const GroupSpec *group(QStringView word) const;
    QList<const CommandSpec *> commandsOf(QStringView group) const;
};

// A value that stands in for an option the user did not give (an environment variable).
struct OptionDefault
{
    QString value;
    QString source; // "MONGODB_ATLAS_PROJECT_ID", named in messages
};

struct Invocation
{
    enum class Action { Run, Help, Version, UsageError };

    Action action = Action::UsageError;
    const CommandSpec *command = nullptr;
    QStringList helpWords; // for Help: the level asked about ({} top, {"keys"}, {"keys", "create"})
    QString error;         // for UsageError: what is wrong, one sentence
    QStringList words;     // the words that were not options or their values
    QString argument;      // the command's positional value, when it takes one

    QHash<QString, QString> values;        // option name -> value ("" for a flag)
    QHash<QString, QString> defaultedFrom; // option name -> variable, for values taken from defaults

    bool has(const QString &name) const { return values.contains(name); }
    QString value(const QString &name) const { return values.value(name); }
    // "--project", or the variable the value came from.
    QString sourceOf(const QString &name) const;
};

// Options may stand anywhere among the command words, as --name VALUE, --name=VALUE or (for
// those that have one) -x; "--" ends the options. --help and --version win over other mistakes.
Invocation parseCommandLine(const CommandTable &table, const QStringList &arguments);

// Fills options the user left out from defaults, then checks required options and alternatives,
// then every value's validator. Returns the first problem, or an empty string.
QString completeInvocation(const CommandTable &table, Invocation &invocation,
                           const QHash<QString, OptionDefault> &defaults);

// The deepest help level the words name: a command's words, a group, or {} for the program.
QStringList helpLevel(const CommandTable &table, const QStringList &words);

// The synopsis of one command: "keys create --project PROJECT_ID --name NAME [--secret-file PATH]",
// "profiles remove NAME [--yes]".
QString synopsis(const CommandTable &table, const CommandSpec &command);

QString displayName(const CommandSpec &command);

} // namespace aikeys::cli
