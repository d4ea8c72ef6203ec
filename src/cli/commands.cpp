#include "commands.h"

#include "atlas/auth.h"
#include "atlas/baseurl.h"
#include "atlas/ids.h"
#include "auditcommands.h"
#include "output.h"

#include <climits>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

constexpr double kMinTimeoutSeconds = 0.1;
constexpr double kMaxTimeoutSeconds = 3600;

constexpr auto validateProjectId = &validateIdOf<IdKind::Project>;
constexpr auto validateOrgId = &validateIdOf<IdKind::Organization>;
constexpr auto validateKeyId = &validateIdOf<IdKind::ApiKey>;

QString validateName(const QString &value)
{
    return validateKeyName(value);
}

QString validateModelGroup(const QString &value)
{
    if (value.trimmed().isEmpty())
        return Cli::tr("give the model group's name, such as embed_large.");
    return validateId(IdKind::ModelGroup, value);
}

QString validateCount(const QString &value)
{
    bool isNumber = false;
    const qint64 n = value.trimmed().toLongLong(&isNumber);
    if (!isNumber)
        return Cli::tr("\"%1\" is not a whole number.").arg(value.left(40));
    if (n < 1)
        return Cli::tr("must be at least 1 (it is %1).").arg(n);
    if (n > INT_MAX)
        return Cli::tr("cannot be above %1.").arg(INT_MAX);
    return {};
}

QString validateOutput(const QString &value)
{
    if (outputFormatFromName(value))
        return {};
    return Cli::tr("unknown output format \"%1\"; use one of %2.")
        .arg(value.left(40), outputFormatNames().join(u", "_s));
}

QString validateTimeout(const QString &value)
{
    if (parseSeconds(value))
        return {};
    return Cli::tr("\"%1\" is not a number of seconds from %2 to %3.")
        .arg(value.left(40))
        .arg(kMinTimeoutSeconds)
        .arg(kMaxTimeoutSeconds);
}

QString validateNotEmpty(const QString &value)
{
    if (value.isEmpty())
        return Cli::tr("the value is empty.");
    return {};
}

QString validateAuthMode(const QString &value)
{
    if (authModeFromId(value.trimmed()))
        return {};
    return Cli::tr("\"%1\" is not an auth mode; use service-account, api-key or access-token.")
        .arg(value.left(40));
}

QString validateProfileName(const QString &value)
{
    if (value.trimmed().isEmpty())
        return Cli::tr("the profile name is empty.");
    return {};
}

CommandTable buildTable()
{
    CommandTable t;
    // clang-format off
    t.options = {
        {u"base-url"_s, u"URL"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "Atlas to talk to (default: $MONGODB_ATLAS_BASE_URL, else https://cloud.mongodb.com). "
            "Plain http:// only to this computer. With a saved profile, only the Atlas it was saved for."),
            true, {}, nullptr},
        {u"output"_s, u"FORMAT"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "table (default, for people), json (an array for lists, an object for one item) or csv "
            "(RFC 4180 with a header row)."), true, {}, &validateOutput},
        {u"timeout"_s, u"SECONDS"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "How long to wait for each answer from Atlas before giving up or retrying (default 30): the "
            "longest silence allowed; the whole answer must arrive within four times that."),
            true, {}, &validateTimeout},
        {u"verbose"_s, {}, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "Log requests, retries and paging to standard error (never credentials or secrets)."), true, {}, nullptr},
        {u"help"_s, {}, QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Show help for the command and exit."),
            true, u'h', nullptr},
        {u"version"_s, {}, QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Show the version and exit."), true, {}, nullptr},
        {u"profile"_s, u"NAME"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "Sign in with this saved profile, its secret from the OS keychain (default: $ATLAS_AI_KEYS_PROFILE; "
            "without either, the MONGODB_ATLAS_* credentials, else the default profile)."), true, {},
            &validateProfileName},

        {u"project"_s, u"PROJECT_ID"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "The project (24 hex digits; default: $MONGODB_ATLAS_PROJECT_ID)."), false, {}, validateProjectId},
        {u"org"_s, u"ORG_ID"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "The organization (24 hex digits; default: $MONGODB_ATLAS_ORG_ID)."), false, {}, validateOrgId},
        {u"key"_s, u"KEY_ID"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "The key's ID, as keys list shows it."), false, {}, validateKeyId},
        {u"name"_s, u"NAME"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "The key's name: 1 to 250 characters, unique in its project."), false, {}, &validateName},
        {u"secret-file"_s, u"PATH"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "Write the new key's secret to this new file (readable only by you) instead of standard output. "
            "A file that already exists is refused before the key is created, unless --force is given."),
            false, {}, &validateNotEmpty},
        {u"force"_s, {}, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "With --secret-file: replace an existing file. The secret goes into a new private file that is "
            "then renamed over it, so the old file's readers never see it."), false, {}, nullptr},
        {u"yes"_s, {}, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "Do it without asking; required when standard input is not a terminal."), false, {}, nullptr},
        {u"model-group"_s, u"GROUP"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "The model group, such as embed_large (limits list shows them)."), false, {}, &validateModelGroup},
        {u"rpm"_s, u"N"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "Requests per minute, at least 1 and at most the organization's limit."), false, {}, &validateCount},
        {u"tpm"_s, u"N"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "Tokens per minute, at least 1 and at most the organization's limit."), false, {}, &validateCount},
        {u"auth"_s, u"MODE"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "How the profile signs in: service-account, api-key or access-token."), false, {}, &validateAuthMode},
        {u"id"_s, u"ID"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "The service account's client ID, or the API key's public key (not for access-token)."), false, {},
            &validateNotEmpty},
        {u"default"_s, {}, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "Make it the default profile, used when neither --profile nor credentials in the environment are "
            "given."), false, {}, nullptr},
        {u"config"_s, u"PATH"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "The Atlas CLI's config.toml (default: where the Atlas CLI keeps it, such as "
            "~/.config/atlascli/config.toml)."), false, {}, &validateNotEmpty},
    };

    t.groups = {
        {u"orgs"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Organizations")},
        {u"projects"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Projects")},
        {u"keys"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli", "AI model API keys")},
        {u"limits"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli", "AI model rate limits")},
        {u"profiles"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Saved profiles, shared with the desktop app "
                                                              "(secrets in the OS keychain)")},
    };

    const CommandOption project{u"project"_s, true, {}};
    const CommandOption key{u"key"_s, true, {}};
    // Project first: when neither is given, the narrower default wins (audit and export terraform, which
    // cover a whole organization, put the org first).
    const QList<CommandOption> projectOrOrg{{u"project"_s, true, u"scope"_s}, {u"org"_s, true, u"scope"_s}};

    t.commands = {
        {{u"orgs"_s, u"list"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "List the organizations the credentials can see."),
         nullptr, {}, &runOrgsList},
        {{u"projects"_s, u"list"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "List projects: every one the credentials can see, or one "
                                               "organization's."),
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Without --org (and without MONGODB_ATLAS_ORG_ID), lists every "
                                               "project the credentials can see, which also works for accounts "
                                               "with project-level roles only."),
         {{u"org"_s, false, {}}}, &runProjectsList},
        {{u"keys"_s, u"list"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "List the AI model API keys of a project, or of a whole "
                                               "organization."),
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "With --org, every key of the organization is listed in one "
                                               "paged call, with the project each belongs to. Secrets are never "
                                               "listed: only their masked form."),
         projectOrOrg, &runKeysList},
        {{u"keys"_s, u"get"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Show one key."),
         nullptr, {project, key}, &runKeysGet},
        {{u"keys"_s, u"create"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Create a key and show its secret, the only time Atlas reveals it."),
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "The secret is printed once, with the key (json: a \"secret\" "
                                               "field; table: a Secret: line). With --secret-file it goes only "
                                               "to that file, created readable by you alone, and standard "
                                               "output says where it went. Atlas never shows it again. An "
                                               "existing file is never overwritten unless --force is given "
                                               "(exit code 2 otherwise, and no key is created). When Atlas's "
                                               "answer is cut short or lost, the key is looked for by name: "
                                               "found (its secret is lost), exit code 5 and the command that "
                                               "deletes it; not found, exit code 4 (it may have been created)."),
         {project, {u"name"_s, true, {}}, {u"secret-file"_s, false, {}}, {u"force"_s, false, {}}},
         &runKeysCreate},
        {{u"keys"_s, u"rename"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Rename a key (the name is the only thing that can change)."),
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "A lost answer is retried; if it stays lost, Atlas is asked for "
                                               "the key: the new name means done (exit code 0), the old one not "
                                               "done (1), no answer not known (4)."),
         {project, key, {u"name"_s, true, {}}}, &runKeysRename},
        {{u"keys"_s, u"delete"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Delete a key: it stops working at once and cannot be restored."),
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "On a terminal, shows the key's name and last use and asks first; "
                                               "declining deletes nothing and exits with code 1. Without a "
                                               "terminal (a script), --yes is required (exit code 2 without it). "
                                               "A key that is already gone is reported and counts as success; "
                                               "a project or organization that does not exist is an error. A "
                                               "lost answer is retried; if it stays lost, Atlas is asked for "
                                               "the key: gone means done (0), still there not done (1), no "
                                               "answer not known (4)."),
         {project, key, {u"yes"_s, false, {}}}, &runKeysDelete},
        {{u"limits"_s, u"list"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "List the rate limits of each model group: a project's, or the "
                                               "organization's ceilings."),
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "A project's limits stand beside the organization's ceilings and "
                                               "the headroom left. An organization's ceilings stand beside what "
                                               "its projects' limits add up to (one call per project), with a "
                                               "warning on standard error for each model group where that is "
                                               "more than the ceiling."),
         projectOrOrg, &runLimitsList},
        {{u"limits"_s, u"set"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Set a project's requests and tokens per minute for one model "
                                               "group."),
         nullptr,
         {project, {u"model-group"_s, true, {}}, {u"rpm"_s, true, {}}, {u"tpm"_s, true, {}}}, &runLimitsSet},
        {{u"limits"_s, u"reset"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Put a project's rate limits back to their defaults: one model "
                                               "group, or all of them."),
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "With --model-group one group is reset, without asking. Without "
                                               "it every group is reset, which undoes all of the project's "
                                               "customised limits at once, so it is confirmed like a delete: on "
                                               "a terminal this asks first (declining changes nothing, exit code "
                                               "1), and without a terminal it needs --yes (exit code 2 without "
                                               "it)."),
         {project, {u"model-group"_s, false, {}}, {u"yes"_s, false, {}}}, &runLimitsReset},

        {{u"profiles"_s, u"list"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "List the saved profiles and whether each has its secret in the "
                                               "keychain (secrets are never shown)."),
         nullptr, {}, &runProfilesList, false},
        {{u"profiles"_s, u"add"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Save a profile; its secret is read from standard input into "
                                               "the OS keychain."),
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "On a terminal the secret (client secret, private key or access "
                                               "token) is asked for without echo; from a pipe, the first line is "
                                               "read. It is never taken from an argument, which other users can "
                                               "see in the process list. Nothing is saved if the keychain cannot "
                                               "store it."),
         {{u"base-url"_s, true, {}, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
              "The profile's Atlas: https://cloud.mongodb.com, https://cloud.mongodbgov.com (Atlas for "
              "Government) or another https:// URL.")},
          {u"auth"_s, true, {}},
          {u"id"_s, false, {}},
          {u"org"_s, false, {}, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
              "The profile's default organization (24 hex digits), used when --org is not given.")},
          {u"project"_s, false, {}, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
              "The profile's default project (24 hex digits), used when --project is not given.")},
          {u"default"_s, false, {}}},
         &runProfilesAdd, false, u"NAME"_s},
        {{u"profiles"_s, u"remove"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Remove a profile and delete its secret from the keychain."),
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "On a terminal this asks first; without a terminal it needs "
                                               "--yes. If the keychain cannot delete the secret (unavailable or "
                                               "locked), the profile is kept, so that its secret is not left "
                                               "behind unnoticed; with --force it is removed anyway and the "
                                               "command names the keychain entry that may remain."),
         {{u"yes"_s, false, {}},
          {u"force"_s, false, {}, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
              "Remove the profile even if the keychain cannot delete its secret (unavailable or locked); the "
              "secret may then remain in the keychain, and the command says under which entry.")}},
         &runProfilesRemove, false, u"NAME"_s},
        {{u"profiles"_s, u"test"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Sign in with a profile and list the organizations it sees."),
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Sends GET /api/atlas/v2/orgs with the profile's credentials. "
                                               "Exit code 1 when the keychain, the network or Atlas says no."),
         {}, &runProfilesTest, false, u"NAME"_s},
        {{u"profiles"_s, u"set-default"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Make a profile the default one."),
         nullptr, {}, &runProfilesSetDefault, false, u"NAME"_s},
        {{u"profiles"_s, u"set-secret"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Replace a profile's secret in the keychain, read from standard "
                                               "input."),
         nullptr, {}, &runProfilesSetSecret, false, u"NAME"_s},
        {{u"profiles"_s, u"import-atlascli"_s},
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Import the Atlas CLI's profiles, their secrets into the keychain."),
         QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Shows what will be imported first. On a terminal this asks, and "
                                               "asks for the secrets the file does not hold (newer Atlas CLI "
                                               "versions keep them in their keyring); without a terminal it needs "
                                               "--yes and imports such profiles without their secret. The Atlas "
                                               "CLI's file keeps its plain-text copy: delete it there once the "
                                               "Atlas CLI no longer needs it."),
         {{u"config"_s, false, {}}, {u"yes"_s, false, {}}}, &runProfilesImportAtlasCli, false},
    };
    // clang-format on
    addAuditCommands(t);
    addExportCommands(t);
    return t;
}

} // namespace

const CommandTable &commandTable()
{
    static const CommandTable table = buildTable();
    return table;
}

std::optional<qint64> parseCount(const QString &text)
{
    if (!validateCount(text).isEmpty())
        return std::nullopt;
    return text.trimmed().toLongLong();
}

std::optional<double> parseSeconds(const QString &text)
{
    bool ok = false;
    const double seconds = text.trimmed().toDouble(&ok);
    if (!ok || !(seconds >= kMinTimeoutSeconds) || seconds > kMaxTimeoutSeconds)
        return std::nullopt;
    return seconds;
}

} // namespace aikeys::cli
