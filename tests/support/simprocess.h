#pragma once

#include <QByteArray>
#include <QProcess>
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

    static QString executablePath();
    static QString cliExecutablePath();
    static QString testDataDir();

private:
    QStringList m_args;
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    QString m_error;
    QByteArray m_stderr;
};

} // namespace aikeys::test
