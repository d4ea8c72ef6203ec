#pragma once

#include "commandline.h"
#include "console.h"
#include "domain/json.h"
#include "output.h"

#include <QJsonArray>
#include <QProcessEnvironment>

#include <memory>

namespace aikeys {
class ApiError;
class AtlasClient;
class AtlasSession;
class InterruptNotifier;
class Job;
} // namespace aikeys

namespace aikeys::cli {

class ProfileAccess;

// What a command handler works with: its options, where to print, the client, and a way to wait
// for a job that Ctrl+C can interrupt. Handlers read top to bottom: start a job, wait for it,
// print; the event loop runs only inside wait().
// Revokes a service account's token (nothing to do for the other kinds), bounded in time: the
// command's result is already out, and a slow revocation must not hold up a script.
void signOutBounded(AtlasSession &session);

class CommandContext
{
public:
    // client and interrupt may be null (a command that needs no session; a test).
    CommandContext(const Invocation &invocation, Console &console, OutputFormat format, AtlasClient *client,
                   InterruptNotifier *interrupt);
    ~CommandContext();

    // The process environment (the profile variable, the keychain service override).
    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    const QProcessEnvironment &environment() const { return m_env; }
    // The saved profiles and the keychain, opened on first use (or given by the caller).
    ProfileAccess &profiles();
    void setProfiles(ProfileAccess *profiles) { m_profiles = profiles; }
    // The profile the session's credentials came from; empty when they came from the environment.
    // Decides what a wrong-credentials message tells the user to check.
    void setProfileName(const QString &name) { m_profileName = name; }
    const QString &profileName() const { return m_profileName; }

    const Invocation &invocation() const { return m_invocation; }
    bool has(const QString &option) const { return m_invocation.has(option); }
    QString value(const QString &option) const { return m_invocation.value(option); }
    Console &console() const { return m_console; }
    OutputFormat format() const { return m_format; }
    AtlasClient *client() const { return m_client; }
    QString programName() const;

    // Jobs delete themselves after finishing unless told otherwise; a handler keeps its own until
    // it has read the result.
    template <typename J>
    static std::unique_ptr<J> own(J *job)
    {
        job->setAutoDelete(false);
        return std::unique_ptr<J>(job);
    }

    // Runs the event loop until the job finishes; Ctrl+C cancels it (its error is then Canceled).
    // Retry notices go to standard error. Returns whether the job succeeded. Any job: API calls,
    // keychain and profile operations, sign-in.
    bool wait(Job *job);
    bool interrupted() const;

    // Prints the error and returns the exit code it maps to (1, 2 for input refused before
    // sending, 130 after Ctrl+C).
    int fail(const ApiError &error);
    int fail(const ApiError &error, const QString &advice);
    // Prints a usage problem with a pointer to --help and returns 2.
    int usageError(const QString &message);
    // Prints a notice on standard error.
    void notice(const QString &text);

    enum class Answer { Yes, No, Interrupted };
    // Asks on the terminal; anything but y/yes is no.
    Answer confirm(const QString &question);
    // A keychain failure: what happened, what to do, and that nothing falls back to a file. Exit 1.
    int failKeychain(const ApiError &error);

    template <typename T, typename... TableArgs>
    void printList(const QList<T> &items, const QString &emptyMessage, TableArgs... tableArgs)
    {
        switch (m_format) {
        case OutputFormat::Table:
            if (items.isEmpty())
                m_console.out(emptyMessage + u'\n');
            else
                m_console.out(renderTable(tableRows(items, tableArgs...)));
            break;
        case OutputFormat::Json: {
            QJsonArray array;
            for (const T &item : items)
                array.append(json::toJson(item));
            m_console.outBytes(renderJson(array));
            break;
        }
        case OutputFormat::Csv:
            m_console.outBytes(renderCsv(csvRows(items)));
            break;
        }
    }

    // Keys are written straight to standard output in one pass (keyoutput.h): an org can hold tens
    // of thousands.
    void printList(const QList<AiKey> &keys, const QString &emptyMessage,
                   KeyScopeColumns scope = KeyScopeColumns::Project);

    // With --verbose, the CPU time writing the output took since startCpuNs (threadCpuNs()): where a
    // long listing's CPU goes.
    void noteWritingTime(qsizetype items, qint64 startCpuNs);

    template <typename T>
    void printItem(const T &item)
    {
        switch (m_format) {
        case OutputFormat::Table:
            m_console.out(renderDetails(details(item)));
            break;
        case OutputFormat::Json:
            m_console.outBytes(renderJson(json::toJson(item)));
            break;
        case OutputFormat::Csv:
            m_console.outBytes(renderCsv(csvRows(QList<T>{item})));
            break;
        }
    }

private:
    const Invocation &m_invocation;
    Console &m_console;
    OutputFormat m_format;
    AtlasClient *m_client;
    InterruptNotifier *m_interrupt;
    QProcessEnvironment m_env;
    ProfileAccess *m_profiles = nullptr;
    std::unique_ptr<ProfileAccess> m_ownedProfiles;
    QString m_profileName;
};

} // namespace aikeys::cli
