#include "context.h"

#include "atlas/apierror.h"
#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "credentials/credentialmanager.h"
#include "credentials/environment.h"
#include "credentials/sessionopener.h"
#include "keyoutput.h"
#include "platform/terminal.h"
#include "platform/threadcpu.h"
#include "profileaccess.h"

#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

CommandContext::CommandContext(const Invocation &invocation, Console &console, OutputFormat format,
                               AtlasClient *client, InterruptNotifier *interrupt)
    : m_invocation(invocation)
    , m_console(console)
    , m_format(format)
    , m_client(client)
    , m_interrupt(interrupt)
{}

CommandContext::~CommandContext() = default;

ProfileAccess &CommandContext::profiles()
{
    if (!m_profiles) {
        m_ownedProfiles = std::make_unique<ProfileAccess>(m_env);
        m_profiles = m_ownedProfiles.get();
    }
    return *m_profiles;
}

QString CommandContext::programName() const
{
    return u"atlas-ai-keys-cli"_s;
}

bool CommandContext::interrupted() const
{
    return InterruptNotifier::wasInterrupted();
}

void CommandContext::notice(const QString &text)
{
    m_console.errLine(text);
}

void CommandContext::printList(const QList<AiKey> &keys, const QString &emptyMessage, KeyScopeColumns scope)
{
    if (m_format == OutputFormat::Table && keys.isEmpty()) {
        m_console.out(emptyMessage + u'\n');
        return;
    }
    const qint64 writingStart = threadCpuNs();
    {
        OutputBuffer out(m_console);
        switch (m_format) {
        case OutputFormat::Table:
            writeKeysTable(out, keys, scope);
            break;
        case OutputFormat::Json:
            writeKeysJson(out, keys);
            break;
        case OutputFormat::Csv:
            writeKeysCsv(out, keys);
            break;
        }
    }
    noteWritingTime(keys.size(), writingStart);
}

void CommandContext::noteWritingTime(qsizetype items, qint64 startCpuNs)
{
    if (m_invocation.has(u"verbose"_s))
        m_console.errLine(Cli::tr("Wrote %1 items in %2 ms of CPU.")
                              .arg(items)
                              .arg(QString::number(double(threadCpuNs() - startCpuNs) / 1e6, 'f', 1)));
}

bool CommandContext::wait(Job *job)
{
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
    const int maxAttempts =
        m_client && m_client->session() ? m_client->session()->config().retry.maxAttempts : 0;
    QObject::connect(
        job, &Job::retrying, &loop, [this, maxAttempts](int attempt, int delayMs, const ApiError &reason) {
            const QString seconds = QString::number(delayMs / 1000.0, 'f', delayMs < 10000 ? 1 : 0);
            // A 429 gets the plain words people expect.
            if (reason.httpStatus() == 429 || reason.errorCode() == u"RATE_LIMITED"_s) {
                notice(Cli::tr("Atlas is rate limiting; retrying in %1 s (attempt %2 of %3)...")
                           .arg(seconds)
                           .arg(attempt)
                           .arg(maxAttempts));
            } else {
                notice(Cli::tr("%1\nRetrying in %2 s (attempt %3 of %4)...")
                           .arg(reason.message(), seconds)
                           .arg(attempt)
                           .arg(maxAttempts));
            }
        });
    if (m_interrupt)
        QObject::connect(m_interrupt, &InterruptNotifier::interrupted, job, [job] { job->cancel(); });
    if (InterruptNotifier::wasInterrupted())
        job->cancel();
    // A cancel can finish the job at once; quit() before exec() would be lost.
    if (!job->isFinished())
        loop.exec();
    if (job->succeeded() && job->oddItems() > 0) {
        notice(
            Cli::tr("Warning: Atlas sent %n item(s) this program could not read completely; they are listed "
                    "with the unreadable values empty or \"unknown\" (an item without an ID is left out).",
                    nullptr, job->oddItems()));
    }
    return job->succeeded();
}

void signOutBounded(AtlasSession &session)
{
    QEventLoop loop;
    QObject::connect(&session, &AtlasSession::signedOut, &loop, &QEventLoop::quit);
    // The session ends the revocation by then itself (SessionConfig::signOutTimeoutMs); this is a backstop.
    QTimer::singleShot(session.config().signOutTimeoutMs + 2000, &loop, &QEventLoop::quit);
    session.signOut();
    if (!session.isSignedOut())
        loop.exec();
}

int CommandContext::failKeychain(const ApiError &error)
{
    if (interrupted()) {
        notice(Cli::tr("Interrupted."));
        return ExitInterrupted;
    }
    QString text = Cli::tr("Error: %1").arg(error.message());
    if (!error.hint().isEmpty())
        text += u'\n' + error.hint();
    if (error.kind() == ApiError::Kind::Keychain)
        text += u'\n' +
                Cli::tr("Secrets are kept only in the OS keychain: nothing was written to a file instead. "
                        "Until the keychain works, set the MONGODB_ATLAS_* variables for a single run.");
    notice(text);
    return error.kind() == ApiError::Kind::InvalidInput ? ExitUsage : ExitFailure;
}

int CommandContext::fail(const ApiError &error)
{
    return fail(error, {});
}

int CommandContext::fail(const ApiError &error, const QString &advice)
{
    if (error.kind() == ApiError::Kind::Canceled || interrupted()) {
        notice(Cli::tr("Interrupted."));
        return ExitInterrupted;
    }
    ApiError shown = error;
    if (shown.kind() == ApiError::Kind::WrongCredentials && !m_profileName.isEmpty()) {
        shown.setHint(
            Cli::tr("Check the credentials of profile \"%1\": '%2 profiles list' shows its client ID "
                    "or public key; '%2 profiles set-secret %1' replaces its secret.")
                .arg(m_profileName, programName()));
    } else if (shown.kind() == ApiError::Kind::WrongCredentials) {
        // The core's hint talks about profiles; here the credentials came from the environment.
        shown.setHint(
            Cli::tr("Check the credentials in the environment: %1 and %2 for a service account, %3 and %4 "
                    "for an API key, or %5.")
                .arg(QString::fromLatin1(atlasenv::kClientId), QString::fromLatin1(atlasenv::kClientSecret),
                     QString::fromLatin1(atlasenv::kPublicApiKey),
                     QString::fromLatin1(atlasenv::kPrivateApiKey),
                     QString::fromLatin1(atlasenv::kAccessToken)));
    }
    QString text = Cli::tr("Error: %1").arg(shown.toString());
    // A change whose answer was lost may have been made: never let a script take it for "not done".
    const bool unknown = shown.outcomeUnknown() && shown.verb() != "GET";
    if (!advice.isEmpty())
        text += u'\n' + advice;
    else if (unknown)
        text += u'\n' + Cli::tr("The change may have been made anyway: check before trying again.");
    notice(text);
    if (unknown)
        return ExitNotKnown;
    return shown.kind() == ApiError::Kind::InvalidInput ? ExitUsage : ExitFailure;
}

int CommandContext::usageError(const QString &message)
{
    QString help = programName();
    if (m_invocation.command)
        help += u' ' + displayName(*m_invocation.command);
    help += u" --help"_s;
    notice(Cli::tr("%1: %2").arg(programName(), message));
    notice(Cli::tr("Run '%1' for usage.").arg(help));
    return ExitUsage;
}

CommandContext::Answer CommandContext::confirm(const QString &question)
{
    m_console.flush();
    const std::optional<QString> line =
        readLine(sanitizeForTerminal(question, TerminalText::MultiLine) + u' ');
    if (InterruptNotifier::wasInterrupted()) {
        notice({});
        return Answer::Interrupted;
    }
    if (!line)
        return Answer::No;
    const QString answer = line->trimmed().toLower();
    return (answer == u"y"_s || answer == u"yes"_s) ? Answer::Yes : Answer::No;
}

} // namespace aikeys::cli
