#include "cli.h"

#include "atlas/atlasclient.h"
#include "atlas/baseurl.h"
#include "atlas/session.h"
#include "commands.h"
#include "console.h"
#include "context.h"
#include "credentials/environment.h"
#include "help.h"
#include "platform/terminal.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>

#include <aikeys/version.h>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

constexpr int kSignOutTimeoutMs = 5000;

int usage(Console &console, const CommandTable &table, const QStringList &words, const QString &message)
{
    console.errLine(u"atlas-ai-keys-cli: "_s + message);
    console.errLine(helpHint(table, words));
    return ExitUsage;
}

QString noCredentialsMessage()
{
    return Cli::tr(
               "No Atlas credentials in the environment. Set %1 and %2 (a service account), or %3 and %4 (a "
               "programmatic API key; the older %5 and %6 work too), or %7.")
        .arg(QString::fromLatin1(atlasenv::kClientId), QString::fromLatin1(atlasenv::kClientSecret),
             QString::fromLatin1(atlasenv::kPublicApiKey), QString::fromLatin1(atlasenv::kPrivateApiKey),
             QString::fromLatin1(atlasenv::kPublicKeyOld), QString::fromLatin1(atlasenv::kPrivateKeyOld),
             QString::fromLatin1(atlasenv::kAccessToken));
}

// Revokes a service account's token (nothing to do for the other kinds), bounded in time: the
// command's result is already out, and a slow revocation must not hold up a script.
void signOut(AtlasSession &session)
{
    QEventLoop loop;
    QObject::connect(&session, &AtlasSession::signedOut, &loop, &QEventLoop::quit);
    QTimer::singleShot(kSignOutTimeoutMs, &loop, &QEventLoop::quit);
    session.signOut();
    if (!session.isSignedOut())
        loop.exec();
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

    EnvironmentCredentials environment = readAtlasEnvironment(env);
    const QHash<QString, OptionDefault> defaults{
        {u"project"_s, {environment.projectId, QString::fromLatin1(atlasenv::kProjectId)}},
        {u"org"_s, {environment.orgId, QString::fromLatin1(atlasenv::kOrgId)}},
    };
    const QString problem = completeInvocation(table, inv, defaults);
    if (!problem.isEmpty())
        return usage(console, table, command.words, problem);

    const OutputFormat format = outputFormatFromName(inv.value(u"output"_s)).value_or(OutputFormat::Table);

    if (!command.needsSession) {
        CommandContext ctx(inv, console, format, nullptr, nullptr);
        const int code = command.run(ctx);
        console.flush();
        return code;
    }

    SessionConfig config;
    const QString baseUrlText = inv.has(u"base-url"_s)          ? inv.value(u"base-url"_s)
                                : environment.baseUrl.isEmpty() ? QString::fromLatin1(kAtlasCommercialUrl)
                                                                : environment.baseUrl;
    const Result<QUrl> baseUrl = normalizeBaseUrl(baseUrlText);
    if (!baseUrl) {
        const QString source =
            inv.has(u"base-url"_s) ? u"--base-url"_s : QString::fromLatin1(atlasenv::kBaseUrl);
        return usage(console, table, command.words, source + u": "_s + baseUrl.error());
    }
    config.baseUrl = baseUrl.value();
    if (inv.has(u"timeout"_s))
        config.transferTimeoutMs = int(parseSeconds(inv.value(u"timeout"_s)).value_or(30) * 1000);

    if (!environment.problem.isEmpty())
        return usage(console, table, command.words, environment.problem);
    if (!environment.hasCredentials())
        return usage(console, table, command.words, noCredentialsMessage());
    if (inv.has(u"verbose"_s)) {
        console.errLine(
            Cli::tr("Signing in to %1 with the %2 from the environment.")
                .arg(config.baseUrl.toDisplayString(), authModeDisplayName(environment.credentials->mode)));
        for (const QString &ignored : environment.ignoredKinds)
            console.errLine(Cli::tr("%1 is set too, but not used.").arg(ignored));
    }

    InterruptNotifier interrupt;
    // One network access manager for the whole run, owned by the session.
    // The credentials move into the session, which wipes them on sign-out and destruction.
    AtlasSession session(config, std::move(*environment.credentials), new QNetworkAccessManager);
    environment.credentials.reset();
    AtlasClient client(&session);
    CommandContext ctx(inv, console, format, &client, &interrupt);
    const int code = command.run(ctx);
    console.flush();
    if (code != ExitInterrupted && !InterruptNotifier::wasInterrupted())
        signOut(session);
    return code;
}

} // namespace aikeys::cli
