#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace aikeys::test {

// A real atlas-sim process on an ephemeral loopback port, stopped with SIGTERM when destroyed.
class SimProcess
{
public:
    explicit SimProcess(QStringList extraArgs = {});
    ~SimProcess();
    SimProcess(const SimProcess &) = delete;
    SimProcess &operator=(const SimProcess &) = delete;

    // Starts the simulator and waits for its "atlas-sim listening on URL" line.
    bool start(int timeoutMs = 15000);
    void stop();
    bool isRunning() const;

    QUrl baseUrl() const { return m_baseUrl; }
    quint16 port() const { return quint16(m_baseUrl.port()); }
    QString errorString() const { return m_error; }
    QByteArray standardError();
    QProcess *process() const { return m_process.get(); }
    // Moves the simulator's clock forward (it must run with --test-clock): tokens and nonces expire
    // without the test waiting. True when the simulator accepted it.
    bool advanceClock(int seconds);
    // With --verbose: sends a request of its own and reads standard error until the simulator has
    // logged it, so that every line logged before is in standardError(). True when it was.
    bool syncLog(int timeoutMs = 10000);

    static QString executablePath();
    static QString cliExecutablePath();
    static QString testDataDir();

private:
    QStringList m_args;
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    QString m_error;
    QByteArray m_stderr;
    int m_markers = 0;
};

// What one run of atlas-ai-keys-cli printed.
struct CliRun
{
    int exitCode = -1; // -1: it did not start, crashed or was killed
    QByteArray out;
    QByteArray err;
    // For failure messages: the exit code and the start of both outputs.
    QByteArray describe() const;
};

// Runs the CLI with args and env, its standard input closed; kills it after timeoutMs.
CliRun runCli(const QStringList &args, const QProcessEnvironment &env, int timeoutMs = 120000);

} // namespace aikeys::test
