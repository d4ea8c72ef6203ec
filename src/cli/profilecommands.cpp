// profiles list / add / remove / test / set-default / set-secret / import-atlascli: the profiles the
// desktop app shows, with their secrets in the OS keychain. A secret is read from standard input
// only (hidden on a terminal), never from an argument, and never printed.
#include "atlas/session.h"
#include "commands.h"
#include "context.h"
#include "credentials/atlascliimport.h"
#include "credentials/credentialmanager.h"
#include "credentials/profilestore.h"
#include "credentials/secretstatus.h"
#include "credentials/secretstore.h"
#include "credentials/sessionopener.h"
#include "platform/terminal.h"
#include "profileaccess.h"
#include "security/secretbuffer.h"
#include "settings.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

struct Listed
{
    Profile profile;
    bool isDefault = false;
    SecretState secret = SecretState::Unknown;
};

const QStringList kFields{u"id"_s,    u"name"_s,      u"baseUrl"_s, u"authMode"_s, u"publicId"_s,
                          u"orgId"_s, u"projectId"_s, u"default"_s, u"secret"_s};

QJsonObject toJson(const Listed &l)
{
    const Profile &p = l.profile;
    return QJsonObject{{u"id"_s, profileIdString(p.id)},
                       {u"name"_s, p.name},
                       {u"baseUrl"_s, p.baseUrl.toString()},
                       {u"authMode"_s, authModeId(p.authMode)},
                       {u"publicId"_s, p.publicId},
                       {u"orgId"_s, p.orgId},
                       {u"projectId"_s, p.projectId},
                       {u"default"_s, l.isDefault},
                       {u"secret"_s, SecretStatus::machineName(l.secret)}};
}

void printProfiles(CommandContext &ctx, const QList<Listed> &items, const QString &emptyMessage)
{
    switch (ctx.format()) {
    case OutputFormat::Table: {
        if (items.isEmpty()) {
            ctx.console().out(emptyMessage + u'\n');
            return;
        }
        Rows rows;
        rows.headers = {Cli::tr("NAME"), Cli::tr("AUTH"),    Cli::tr("BASE URL"), Cli::tr("ID"),
                        Cli::tr("ORG"),  Cli::tr("PROJECT"), Cli::tr("SECRET"),   Cli::tr("DEFAULT")};
        for (const Listed &l : items) {
            const Profile &p = l.profile;
            rows.rows.append({p.name, authModeId(p.authMode), p.baseUrl.toDisplayString(), p.publicId,
                              p.orgId, p.projectId, SecretStatus::machineName(l.secret),
                              l.isDefault ? Cli::tr("yes") : QString()});
        }
        ctx.console().out(renderTable(rows));
        return;
    }
    case OutputFormat::Json: {
        QJsonArray array;
        for (const Listed &l : items)
            array.append(toJson(l));
        ctx.console().outBytes(renderJson(array));
        return;
    }
    case OutputFormat::Csv: {
        Rows rows;
        rows.headers = kFields;
        for (const Listed &l : items) {
            const QJsonObject o = toJson(l);
            QStringList row;
            for (const QString &f : kFields) {
                const QJsonValue v = o.value(f);
                row << (v.isBool() ? (v.toBool() ? u"true"_s : u"false"_s) : v.toString());
            }
            rows.rows.append(row);
        }
        ctx.console().outBytes(renderCsv(rows));
        return;
    }
    }
}

void printProfile(CommandContext &ctx, const Listed &l, const QString &secretText)
{
    switch (ctx.format()) {
    case OutputFormat::Table: {
        const Profile &p = l.profile;
        Details d{{Cli::tr("Name"), p.name},
                  {Cli::tr("ID"), profileIdString(p.id)},
                  {Cli::tr("Base URL"), p.baseUrl.toDisplayString()},
                  {Cli::tr("Auth"), authModeDisplayName(p.authMode)}};
        if (p.authMode == AuthMode::ServiceAccount)
            d.append({Cli::tr("Client ID"), p.publicId});
        else if (p.authMode == AuthMode::ApiKey)
            d.append({Cli::tr("Public key"), p.publicId});
        d.append({Cli::tr("Organization"), p.orgId});
        d.append({Cli::tr("Project"), p.projectId});
        d.append({Cli::tr("Default"), l.isDefault ? Cli::tr("yes") : Cli::tr("no")});
        d.append({Cli::tr("Secret"), secretText});
        ctx.console().out(renderDetails(d));
        return;
    }
    case OutputFormat::Json:
        ctx.console().outBytes(renderJson(toJson(l)));
        return;
    case OutputFormat::Csv:
        printProfiles(ctx, {l}, {});
        return;
    }
}

// The profile the command's NAME names; on failure, the exit code in *code.
std::optional<Profile> namedProfile(CommandContext &ctx, int *code)
{
    const QString name = ctx.invocation().argument;
    std::optional<Profile> p = ctx.profiles().findByName(name);
    if (!p)
        *code = ctx.usageError(Cli::tr("there is no profile named \"%1\"; '%2 profiles list' shows them.")
                                   .arg(sanitizeForTerminal(name.left(80)), ctx.programName()));
    return p;
}

// A secret from standard input: hidden on a terminal (with a prompt on standard error), one line
// from a pipe. Surrounding spaces are dropped (a pasted line often has them). Empty on end of input,
// Ctrl+C or an empty line.
SecretBuffer readSecret(const QString &prompt)
{
    const bool terminal = stdinIsTerminal();
    std::optional<QByteArray> line = readLineNoEcho(terminal ? prompt : QString());
    if (!line)
        return {};
    QByteArray trimmed = line->trimmed();
    SecretBuffer::wipeBytes(*line);
    return SecretBuffer::takeFrom(trimmed);
}

int noSecretOnInput(CommandContext &ctx, const Profile &profile)
{
    if (ctx.interrupted()) {
        ctx.notice(Cli::tr("Interrupted."));
        return ExitInterrupted;
    }
    return ctx.usageError(
        Cli::tr("no %1 on standard input. Type it when asked, or pipe it in (for example from your password "
                "manager); it is never taken from the command line, where other users could see it.")
            .arg(secretKindDisplayName(profile.secretKind())));
}

QString secretPrompt(const Profile &profile)
{
    QString kind = secretKindDisplayName(profile.secretKind());
    if (!kind.isEmpty())
        kind[0] = kind[0].toUpper();
    return Cli::tr("%1 for profile \"%2\" (hidden): ").arg(kind, profile.name);
}

void printNotices(CommandContext &ctx, const CredentialJob &job)
{
    for (const QString &notice : job.notices())
        ctx.notice(notice);
}

// A profile name as it would be typed in a shell command: double-quoted when it holds anything but
// letters, digits and ._-, and made safe to print.
QString shellArgument(const QString &name)
{
    const bool plain = !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-';
    });
    if (plain)
        return sanitizeForTerminal(name);
    QString escaped = name;
    escaped.replace(u'\\', u"\\\\"_s)
        .replace(u'"', u"\\\""_s)
        .replace(u'$', u"\\$"_s)
        .replace(u'`', u"\\`"_s);
    return u'"' + sanitizeForTerminal(escaped) + u'"';
}

QString describeCandidate(const ImportCandidate &c, const QString &name)
{
    const Profile &p = c.profile;
    QStringList parts{Cli::tr("%1 at %2").arg(authModePhrase(p.authMode), p.baseUrl.toDisplayString())};
    if (p.authMode == AuthMode::ServiceAccount)
        parts << Cli::tr("client ID %1").arg(p.publicId);
    else if (p.authMode == AuthMode::ApiKey)
        parts << Cli::tr("public key %1").arg(p.publicId);
    if (!p.orgId.isEmpty())
        parts << Cli::tr("organization %1").arg(p.orgId);
    if (!p.projectId.isEmpty())
        parts << Cli::tr("project %1").arg(p.projectId);
    const QString kind = secretKindDisplayName(p.secretKind());
    parts << (c.secretInSource
                  ? Cli::tr("%1 in the file in plain text (%2): it moves into the keychain")
                        .arg(kind, c.secretField)
                  : Cli::tr("%1 not in the file (newer Atlas CLI versions keep it in their keyring)")
                        .arg(kind));
    return Cli::tr("[%1] -> profile \"%2\": %3").arg(c.sourceName, name, parts.join(u"; "_s));
}

} // namespace

QString authModePhrase(AuthMode mode)
{
    switch (mode) {
    case AuthMode::ServiceAccount:
        return Cli::tr("service account");
    case AuthMode::ApiKey:
        return Cli::tr("programmatic API key");
    case AuthMode::AccessToken:
        return Cli::tr("access token");
    }
    return {};
}

int runProfilesList(CommandContext &ctx)
{
    ProfileAccess &pa = ctx.profiles();
    QList<Listed> items;
    std::optional<ApiError> keychainError;
    bool locked = false;
    for (const Profile &p : pa.profiles().profiles()) {
        Listed l{p, pa.isDefault(p), locked ? SecretState::Locked : SecretState::Unknown};
        // After one keychain failure the others would fail the same way (and may each wait for the
        // timeout): they are listed as unknown, or as locked when the keychain is locked.
        if (!keychainError) {
            const auto job = CommandContext::own(pa.credentials().hasStoredSecret(p.id));
            if (ctx.wait(job.get())) {
                l.secret = job->hasStoredSecret() ? SecretState::Stored : SecretState::Missing;
            } else if (ctx.interrupted()) {
                return ctx.failKeychain(job->error());
            } else {
                keychainError = job->error();
                locked = job->secretError() == SecretError::Locked;
                if (locked)
                    l.secret = SecretState::Locked;
            }
        }
        items.append(l);
    }
    printProfiles(
        ctx, items,
        Cli::tr("No profiles yet. Add one with '%1 profiles add NAME --base-url URL --auth MODE --id "
                "ID', or import the Atlas CLI's with '%1 profiles import-atlascli'.")
            .arg(ctx.programName()));
    ctx.console().flush();
    if (keychainError)
        return ctx.failKeychain(*keychainError);
    return ExitOk;
}

int runProfilesAdd(CommandContext &ctx)
{
    ProfileAccess &pa = ctx.profiles();
    Profile p;
    p.name = ctx.invocation().argument;
    p.baseUrl = QUrl(ctx.value(u"base-url"_s).trimmed());
    p.authMode = authModeFromId(ctx.value(u"auth"_s).trimmed()).value_or(AuthMode::ServiceAccount);
    p.publicId = ctx.value(u"id"_s);
    p.orgId = ctx.value(u"org"_s);
    p.projectId = ctx.value(u"project"_s);
    if (p.authMode == AuthMode::AccessToken && ctx.has(u"id"_s))
        return ctx.usageError(Cli::tr("--id does not apply to an access token."));
    if (p.authMode != AuthMode::AccessToken && !ctx.has(u"id"_s))
        return ctx.usageError(p.authMode == AuthMode::ServiceAccount
                                  ? Cli::tr("Missing --id CLIENT_ID (the service account's client ID).")
                                  : Cli::tr("Missing --id PUBLIC_KEY (the API key's public key)."));
    // Everything is checked before the secret is asked for.
    if (const ProfileIssues issues = pa.profiles().validate(p.normalized()); !issues.isEmpty())
        return ctx.usageError(issuesToString(issues));

    SecretBuffer secret = readSecret(secretPrompt(p));
    if (secret.isEmpty())
        return noSecretOnInput(ctx, p);
    const auto job = CommandContext::own(
        pa.credentials().save(p, std::move(secret), CredentialManager::Storage::Keychain));
    if (!ctx.wait(job.get()))
        return ctx.failKeychain(job->error());
    const Profile stored = job->profile();
    if (ctx.has(u"default"_s)) {
        pa.settings().setDefaultProfileId(stored.id);
        if (!pa.settings().sync())
            ctx.notice(Cli::tr("Warning: the default profile could not be saved in %1.")
                           .arg(QDir::toNativeSeparators(pa.settings().backend()->fileName())));
    }
    printNotices(ctx, *job);
    printProfile(ctx, Listed{stored, pa.isDefault(stored), SecretState::Stored},
                 Cli::tr("stored in the keychain (service %1, entry %2)")
                     .arg(pa.keychain().service(), stored.secretKey()));
    return ExitOk;
}

int runProfilesRemove(CommandContext &ctx)
{
    int code = ExitOk;
    const std::optional<Profile> p = namedProfile(ctx, &code);
    if (!p)
        return code;
    if (!ctx.has(u"yes"_s)) {
        if (!stdinIsTerminal())
            return ctx.usageError(
                Cli::tr("removing a profile needs --yes when standard input is not a terminal."));
        const CommandContext::Answer answer =
            ctx.confirm(Cli::tr("Remove profile \"%1\" and delete its %2 from the keychain? [y/N]")
                            .arg(p->name, secretKindDisplayName(p->secretKind())));
        if (answer == CommandContext::Answer::Interrupted)
            return ExitInterrupted;
        if (answer == CommandContext::Answer::No) {
            ctx.notice(Cli::tr("Nothing was removed."));
            return ExitFailure;
        }
    }
    ProfileAccess &pa = ctx.profiles();
    const bool force = ctx.has(u"force"_s);
    const bool wasDefault = pa.settings().defaultProfileId() == p->id;
    const auto job = CommandContext::own(
        pa.credentials().remove(p->id, force ? CredentialManager::RemoveMode::EvenIfSecretRemains
                                             : CredentialManager::RemoveMode::RequireSecretRemoval));
    if (!ctx.wait(job.get())) {
        ApiError error = job->error();
        if (error.kind() == ApiError::Kind::Keychain)
            error.setHint(
                SecretStore::errorHint(job->secretError(), SecretJob::Operation::Remove, false) + u' ' +
                Cli::tr("Or remove the profile anyway with '%1 profiles remove %2 --yes --force': its %3 may "
                        "then remain in the keychain (service %4, entry %5) until you delete it in your "
                        "password manager.")
                    .arg(ctx.programName(), shellArgument(p->name), secretKindDisplayName(p->secretKind()),
                         pa.keychain().service(), p->secretKey()));
        return ctx.failKeychain(error);
    }
    if (wasDefault) {
        pa.settings().setDefaultProfileId({});
        pa.settings().sync();
    }
    // With --force, an entry the keychain could not delete is named in a notice.
    const bool secretMayRemain = !job->notices().isEmpty() && force;
    printNotices(ctx, *job);
    const QString secretResult = secretMayRemain ? u"may-remain"_s : u"deleted"_s;
    switch (ctx.format()) {
    case OutputFormat::Table:
        if (secretMayRemain)
            ctx.console().out(
                Cli::tr("Removed profile \"%1\"; its %2 may remain in the keychain (service %3, "
                        "entry %4): delete it in your password manager.\n")
                    .arg(sanitizeForTerminal(p->name), secretKindDisplayName(p->secretKind()),
                         pa.keychain().service(), p->secretKey()));
        else
            ctx.console().out(Cli::tr("Removed profile \"%1\"; its %2 was deleted from the keychain.\n")
                                  .arg(sanitizeForTerminal(p->name), secretKindDisplayName(p->secretKind())));
        break;
    case OutputFormat::Json:
        ctx.console().outBytes(renderJson(QJsonObject{{u"id"_s, profileIdString(p->id)},
                                                      {u"name"_s, p->name},
                                                      {u"result"_s, u"removed"_s},
                                                      {u"secret"_s, secretResult}}));
        break;
    case OutputFormat::Csv:
        ctx.console().outBytes(renderCsv(Rows{{u"id"_s, u"name"_s, u"result"_s, u"secret"_s},
                                              {{profileIdString(p->id), p->name, u"removed"_s, secretResult}},
                                              {}}));
        break;
    }
    return ExitOk;
}

int runProfilesTest(CommandContext &ctx)
{
    int code = ExitOk;
    const std::optional<Profile> p = namedProfile(ctx, &code);
    if (!p)
        return code;
    auto *opener = new SessionOpener(&ctx.profiles().credentials());
    opener->setAutoDelete(false);
    const std::unique_ptr<SessionOpener> owned(opener);
    opener->setVerify(true);
    opener->setRecordUse(false);
    if (ctx.has(u"timeout"_s))
        opener->setTransferTimeoutMs(int(parseSeconds(ctx.value(u"timeout"_s)).value_or(30) * 1000));
    opener->open(*p);
    if (!ctx.wait(opener)) {
        ApiError error = opener->error();
        if (opener->needsSecret()) {
            if (opener->secretError() == SecretError::NotFound)
                error.setHint(Cli::tr("Store it with '%1 profiles set-secret %2'.")
                                  .arg(ctx.programName(), shellArgument(p->name)));
            return ctx.failKeychain(error);
        }
        ctx.setProfileName(p->name);
        return ctx.fail(error);
    }
    const std::unique_ptr<AtlasSession> session(opener->takeSession());
    ctx.notice(Cli::tr("Profile \"%1\" works: signed in to %2 with its %3; %n organization(s) visible.",
                       nullptr, int(opener->organizations().size()))
                   .arg(p->name, session->config().baseUrl.toDisplayString(), authModePhrase(p->authMode)));
    ctx.printList(opener->organizations(), Cli::tr("No organizations are visible to these credentials."));
    ctx.console().flush();
    signOutBounded(*session);
    return ExitOk;
}

int runProfilesSetDefault(CommandContext &ctx)
{
    int code = ExitOk;
    const std::optional<Profile> p = namedProfile(ctx, &code);
    if (!p)
        return code;
    Settings &settings = ctx.profiles().settings();
    settings.setDefaultProfileId(p->id);
    if (!settings.sync()) {
        ctx.notice(Cli::tr("Error: the default profile could not be saved in %1.")
                       .arg(QDir::toNativeSeparators(settings.backend()->fileName())));
        return ExitFailure;
    }
    ctx.console().out(Cli::tr("Profile \"%1\" is now the default.\n").arg(sanitizeForTerminal(p->name)));
    return ExitOk;
}

int runProfilesSetSecret(CommandContext &ctx)
{
    int code = ExitOk;
    const std::optional<Profile> p = namedProfile(ctx, &code);
    if (!p)
        return code;
    SecretBuffer secret = readSecret(secretPrompt(*p));
    if (secret.isEmpty())
        return noSecretOnInput(ctx, *p);
    const auto job =
        CommandContext::own(ctx.profiles().credentials().replaceSecret(p->id, std::move(secret)));
    if (!ctx.wait(job.get()))
        return ctx.failKeychain(job->error());
    ctx.console().out(Cli::tr("The %1 of profile \"%2\" is stored in the keychain.\n")
                          .arg(secretKindDisplayName(p->secretKind()), sanitizeForTerminal(p->name)));
    return ExitOk;
}

int runProfilesImportAtlasCli(CommandContext &ctx)
{
    ProfileAccess &pa = ctx.profiles();
    const AtlasCliImport source = AtlasCliImport::fromAtlasCliConfig(ctx.value(u"config"_s));
    if (!source.ok()) {
        ctx.notice(Cli::tr("Error: %1").arg(source.errorString()));
        return ExitFailure;
    }
    const QString file = QDir::toNativeSeparators(source.path());

    // What will be imported, and what is already here (the same account at the same Atlas).
    QList<int> planned;
    QStringList plan;
    for (int i = 0; i < source.candidates().size(); ++i) {
        const ImportCandidate &c = source.candidates().at(i);
        const std::optional<Profile> already = AtlasCliImport::existingProfileFor(pa.profiles(), c);
        if (already) {
            plan << u"  "_s +
                        Cli::tr("[%1] is already profile \"%2\": skipped.").arg(c.sourceName, already->name);
            continue;
        }
        planned << i;
        plan << u"  "_s + describeCandidate(c, pa.profiles().uniqueName(c.profile.name));
        for (const QString &warning : c.warnings)
            plan << u"    "_s + Cli::tr("Note: %1").arg(warning);
    }
    if (source.candidates().isEmpty()) {
        ctx.notice(Cli::tr("%1 holds no Atlas CLI profile with credentials: nothing to import.").arg(file));
        printProfiles(ctx, {}, Cli::tr("Nothing was imported."));
        return ExitOk;
    }
    ctx.notice(Cli::tr("From %1:").arg(file) + u'\n' + plan.join(u'\n'));
    if (planned.isEmpty()) {
        printProfiles(ctx, {}, Cli::tr("Nothing was imported."));
        return ExitOk;
    }
    if (!ctx.has(u"yes"_s)) {
        if (!stdinIsTerminal())
            return ctx.usageError(Cli::tr("importing needs --yes when standard input is not a terminal."));
        const CommandContext::Answer answer = ctx.confirm(Cli::tr(
            "Import %n profile(s), their secrets into the keychain? [y/N]", nullptr, int(planned.size())));
        if (answer == CommandContext::Answer::Interrupted)
            return ExitInterrupted;
        if (answer == CommandContext::Answer::No) {
            ctx.notice(Cli::tr("Nothing was imported."));
            return ExitFailure;
        }
    }

    QList<Listed> imported;
    std::optional<ApiError> failure;
    for (const int i : std::as_const(planned)) {
        const ImportCandidate &c = source.candidates().at(i);
        SecretBuffer entered;
        if (c.secretNeeded() && stdinIsTerminal()) {
            Profile named = c.profile;
            named.name = pa.profiles().uniqueName(c.profile.name);
            entered = readSecret(Cli::tr("%1 for profile \"%2\" (hidden; empty to enter it later): ")
                                     .arg(secretKindDisplayName(named.secretKind()), named.name));
            if (ctx.interrupted())
                return ExitInterrupted;
        }
        const bool withSecret = c.secretInSource || !entered.isEmpty();
        const auto job =
            CommandContext::own(source.importCandidate(pa.credentials(), i, {}, std::move(entered)));
        if (!ctx.wait(job.get())) {
            // The keychain failing for one would fail for the rest.
            failure = job->error();
            break;
        }
        printNotices(ctx, *job);
        if (!withSecret)
            ctx.notice(Cli::tr("Store it with '%1 profiles set-secret %2'.")
                           .arg(ctx.programName(), shellArgument(job->profile().name)));
        imported.append(
            Listed{job->profile(), false, withSecret ? SecretState::Stored : SecretState::Missing});
    }
    // Whether one is the default depends on all of them: the only profile there is counts as the
    // default until a second one arrives.
    for (Listed &l : imported)
        l.isDefault = pa.isDefault(l.profile);
    printProfiles(ctx, imported, Cli::tr("Nothing was imported."));
    ctx.console().flush();
    if (failure)
        return ctx.failKeychain(*failure);
    return ExitOk;
}

} // namespace aikeys::cli
