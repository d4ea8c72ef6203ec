#include "cli.h"

#include "atlas/atlasclient.h"
#include "atlas/baseurl.h"
#include "atlas/requestdefaults.h"
#include "atlas/session.h"
#include "commands.h"
#include "console.h"
#include "context.h"
#include "credentials/credentialmanager.h"
#include "credentials/environment.h"
#include "credentials/profilestore.h"
#include "credentials/sessionopener.h"
#include "help.h"
#include "output.h"
#include "platform/terminal.h"
#include "profileaccess.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>

#include <aikeys/version.h>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

int usage(Console &console, const CommandTable &table, const QStringList &words, const QString &message)
{
    console.errLine(u"atlas-ai-keys-cli: "_s + message);
    console.errLine(helpHint(table, words));
    return ExitUsage;
}

QString noCredentialsMessage(int profileCount)
{
    QString text =
        Cli::tr("No Atlas credentials in the environment. Set %1 and %2 (a service account), or %3 and %4 (a "
                "programmatic API key; the older %5 and %6 work too), or %7.")
            .arg(QString::fromLatin1(atlasenv::kClientId), QString::fromLatin1(atlasenv::kClientSecret),
                 QString::fromLatin1(atlasenv::kPublicApiKey), QString::fromLatin1(atlasenv::kPrivateApiKey),
                 QString::fromLatin1(atlasenv::kPublicKeyOld), QString::fromLatin1(atlasenv::kPrivateKeyOld),
                 QString::fromLatin1(atlasenv::kAccessToken));
    if (profileCount == 0)
        text += u' ' + Cli::tr("Or save a profile, its secret in the OS keychain: atlas-ai-keys-cli profiles "
                               "add NAME --base-url URL --auth service-account --id CLIENT_ID.");
    else
        text +=
            u' ' + Cli::tr("Or choose one of the %n saved profile(s) with --profile NAME (or %1), or make "
                           "one the default with 'atlas-ai-keys-cli profiles set-default NAME'.",
                           nullptr, profileCount)
                       .arg(QString::fromLatin1(ProfileAccess::kProfileVariable));
    return text;
}

// Where this run's credentials come from.
struct CredentialSource
{
    std::optional<Profile> profile; // else the environment
    QString problem;                // a usage error (an unknown profile name)
};

// --profile or ATLAS_AI_KEYS_PROFILE, else the MONGODB_ATLAS_* variables (even half-set: that is
// reported as their problem), else the default profile, else the environment's "no credentials".
CredentialSource resolveCredentialSource(const Invocation &inv, const QProcessEnvironment &env,
                                         const EnvironmentCredentials &environment, ProfileAccess &profiles)
{
    CredentialSource source;
    const QString variable = QString::fromLatin1(ProfileAccess::kProfileVariable);
    const bool fromOption = inv.has(u"profile"_s);
    const QString name = fromOption ? inv.value(u"profile"_s) : env.value(variable);
    if (!name.trimmed().isEmpty()) {
        source.profile = profiles.findByName(name);
        if (!source.profile)
            source.problem =
                Cli::tr("%1: there is no profile named \"%2\"; 'atlas-ai-keys-cli profiles list' "
                        "shows them.")
                    .arg(fromOption ? u"--profile"_s : variable, sanitizeForTerminal(name.left(80)));
        return source;
    }
    if (environment.hasCredentials() || !environment.problem.isEmpty())
        return source;
    source.profile = profiles.defaultProfile();
    return source;
}

// The same Atlas: scheme, host and port (the default one spelled out or not), and path.
bool sameAtlas(const QUrl &a, const QUrl &b)
{
    const auto port = [](const QUrl &u) { return u.port(u.scheme() == u"https"_s ? 443 : 80); };
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           port(a) == port(b) && a.path() == b.path();
}

} // namespace

int run(const QStringList &arguments, const QProcessEnvironment &env, Console &console)
{
    const CommandTable &table = commandTable();
    Invocation inv = parseCommandLine(table, arguments.mid(1));
    switch (inv.action) {
    case Invocation::Action::Help:
        console.out(helpText(table, inv.helpWords));
        console.flush();
        return ExitOk;
    case Invocation::Action::Version:
        console.out(u"atlas-ai-keys-cli "_s + QString::fromLatin1(AIKEYS_VERSION) + u'\n');
        console.flush();
        return ExitOk;
    case Invocation::Action::UsageError:
        return usage(console, table, helpLevel(table, inv.words), inv.error);
    case Invocation::Action::Run:
        break;
    }
    const CommandSpec &command = *inv.command;

    // Core modules log at info by default; a command-line tool keeps standard error for what the
    // user needs unless asked. QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(inv.has(u"verbose"_s) ? u"aikeys.*.info=true"_s
                                                           : u"aikeys.*.info=false"_s);

    const OutputFormat format = outputFormatFromName(inv.value(u"output"_s)).value_or(OutputFormat::Table);

    if (!command.needsSession) {
        // Local commands (profiles) take no defaults from the environment: MONGODB_ATLAS_ORG_ID must
        // not slip into a profile being added.
        const QString problem = completeInvocation(table, inv, {});
        if (!problem.isEmpty())
            return usage(console, table, command.words, problem);
        InterruptNotifier interrupt;
        CommandContext ctx(inv, console, format, nullptr, &interrupt);
        ctx.setEnvironment(env);
        const int code = command.run(ctx);
        console.flush();
        return code;
    }

    EnvironmentCredentials environment = readAtlasEnvironment(env);
    // Settings are read here (cheap); the keychain only once a profile is really used.
    ProfileAccess profiles(env);
    const CredentialSource source = resolveCredentialSource(inv, env, environment, profiles);
    if (!source.problem.isEmpty())
        return usage(console, table, command.words, source.problem);
    const std::optional<Profile> &profile = source.profile;

    // Options win, then the environment's defaults, then the profile's.
    QHash<QString, OptionDefault> defaults{
        {u"project"_s, {environment.projectId, QString::fromLatin1(atlasenv::kProjectId)}},
        {u"org"_s, {environment.orgId, QString::fromLatin1(atlasenv::kOrgId)}},
    };
    if (profile) {
        const QString from = Cli::tr("profile \"%1\"").arg(profile->name);
        if (environment.projectId.isEmpty() && !profile->projectId.isEmpty())
            defaults.insert(u"project"_s, {profile->projectId, from});
        if (environment.orgId.isEmpty() && !profile->orgId.isEmpty())
            defaults.insert(u"org"_s, {profile->orgId, from});
    }
    const QString problem = completeInvocation(table, inv, defaults);
    if (!problem.isEmpty())
        return usage(console, table, command.words, problem);

    SessionConfig config;
    const QString baseUrlText = inv.has(u"base-url"_s)          ? inv.value(u"base-url"_s)
                                : profile                       ? profile->baseUrl.toString()
                                : environment.baseUrl.isEmpty() ? QString::fromLatin1(kAtlasCommercialUrl)
                                                                : environment.baseUrl;
    const Result<QUrl> baseUrl = normalizeBaseUrl(baseUrlText);
    if (!baseUrl) {
        const QString where = inv.has(u"base-url"_s) ? u"--base-url"_s
                              : profile              ? Cli::tr("profile \"%1\"").arg(profile->name)
                                                     : QString::fromLatin1(atlasenv::kBaseUrl);
        return usage(console, table, command.words, where + u": "_s + baseUrl.error());
    }
    config.baseUrl = baseUrl.value();
    if (profile && inv.has(u"base-url"_s)) {
        // A profile's secret belongs to the Atlas it was saved for: sending it to another base URL
        // would hand it to whoever runs that server.
        const Result<QUrl> saved = normalizeBaseUrl(profile->baseUrl.toString());
        if (!saved || !sameAtlas(saved.value(), config.baseUrl)) {
            return usage(
                console, table, command.words,
                Cli::tr("--base-url: profile \"%1\" was saved for %2, and its secret goes only there, "
                        "not to %3. To use that Atlas, save a profile for it: '%4 profiles add NAME "
                        "--base-url %3 --auth MODE --id ID', then pass --profile NAME (or set the "
                        "MONGODB_ATLAS_* variables for one run).")
                    .arg(sanitizeForTerminal(profile->name.left(80)), profile->baseUrl.toDisplayString(),
                         config.baseUrl.toDisplayString(), u"atlas-ai-keys-cli"_s));
        }
    }
    if (inv.has(u"timeout"_s))
        config.transferTimeoutMs = int(parseSeconds(inv.value(u"timeout"_s)).value_or(30) * 1000);

    if (!profile) {
        if (!environment.problem.isEmpty())
            return usage(console, table, command.words, environment.problem);
        if (!environment.hasCredentials())
            return usage(console, table, command.words, noCredentialsMessage(profiles.profiles().count()));
    }
    if (inv.has(u"verbose"_s)) {
        if (profile) {
            console.errLine(Cli::tr("Signing in to %1 with profile \"%2\" (%3; its %4 from the keychain).")
                                .arg(config.baseUrl.toDisplayString(), profile->name,
                                     authModePhrase(profile->authMode),
                                     secretKindDisplayName(profile->secretKind())));
        } else {
            console.errLine(Cli::tr("Signing in to %1 with the %2 from the environment.")
                                .arg(config.baseUrl.toDisplayString(),
                                     authModeDisplayName(environment.credentials->mode)));
            for (const QString &ignored : environment.ignoredKinds)
                console.errLine(Cli::tr("%1 is set too, but not used.").arg(ignored));
        }
    }

    InterruptNotifier interrupt;
    // One network access manager for the whole run, owned by the session.
    // The credentials move into the session, which wipes them on sign-out and destruction.
    std::unique_ptr<AtlasSession> session;
    if (profile) {
        Profile used = *profile;
        used.baseUrl = config.baseUrl;
        CommandContext openCtx(inv, console, format, nullptr, &interrupt);
        auto *opener = new SessionOpener(&profiles.credentials());
        opener->setAutoDelete(false);
        const std::unique_ptr<SessionOpener> owned(opener);
        // The command's first request proves the credentials; the app's "last used" is the app's.
        opener->setVerify(false);
        opener->setRecordUse(false);
        opener->setTransferTimeoutMs(config.transferTimeoutMs);
        opener->open(used);
        if (!openCtx.wait(opener)) {
            console.flush();
            if (opener->error().kind() == ApiError::Kind::Canceled) {
                console.errLine(Cli::tr("Interrupted."));
                return ExitInterrupted;
            }
            ApiError error = opener->error();
            if (opener->secretError() == SecretError::NotFound)
                error.setHint(
                    Cli::tr("Store it with 'atlas-ai-keys-cli profiles set-secret %1' (it reads the "
                            "secret from standard input).")
                        .arg(profile->name));
            const int code = openCtx.failKeychain(error);
            console.flush();
            return code;
        }
        session.reset(opener->takeSession());
    } else {
        session = std::make_unique<AtlasSession>(config, std::move(*environment.credentials),
                                                 requestdefaults::newNetworkManager());
        environment.credentials.reset();
    }
    AtlasClient client(session.get());
    CommandContext ctx(inv, console, format, &client, &interrupt);
    ctx.setEnvironment(env);
    ctx.setProfiles(&profiles);
    if (profile)
        ctx.setProfileName(profile->name);
    const int code = command.run(ctx);
    console.flush();
    if (code != ExitInterrupted && !InterruptNotifier::wasInterrupted())
        signOutBounded(*session);
    return code;
}

} // namespace aikeys::cli
