#include "simprocess.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>

#ifndef AIKEYS_SIM_PATH
#define AIKEYS_SIM_PATH ""
#endif
#ifndef AIKEYS_CLI_PATH
#define AIKEYS_CLI_PATH ""
#endif
#ifndef AIKEYS_TEST_DATA_DIR
#define AIKEYS_TEST_DATA_DIR ""
#endif

using namespace Qt::StringLiterals;

namespace aikeys::test {

SimProcess::SimProcess(QStringList extraArgs)
    : m_args(std::move(extraArgs))
{}

SimProcess::~SimProcess()
{
    stop();
}

QString SimProcess::executablePath()
{
    const QString fromEnv = qEnvironmentVariable("AIKEYS_SIM");
    return fromEnv.isEmpty() ? QString::fromUtf8(AIKEYS_SIM_PATH) : fromEnv;
}

QString SimProcess::cliExecutablePath()
{
    const QString fromEnv = qEnvironmentVariable("AIKEYS_CLI");
    return fromEnv.isEmpty() ? QString::fromUtf8(AIKEYS_CLI_PATH) : fromEnv;
}

QString SimProcess::testDataDir()
{
    return QString::fromUtf8(AIKEYS_TEST_DATA_DIR);
}

bool SimProcess::start(int timeoutMs)
{
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(executablePath());
    QStringList args{u"--port"_s, u"0"_s};
    if (!m_args.contains(u"--data"_s) && !m_args.contains(u"--generate"_s))
        args << u"--data"_s << u"demo"_s;
    args << m_args;
    m_process->setArguments(args);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start();
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = u"atlas-sim did not start: "_s + m_process->errorString();
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray line;
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            line = m_process->readLine().trimmed();
            break;
        }
        if (m_process->state() != QProcess::Running)
            break;
        m_process->waitForReadyRead(int(qMax<qint64>(1, qMin<qint64>(100, deadline.remainingTime()))));
    }
    const QByteArray prefix = "atlas-sim listening on ";
    if (!line.startsWith(prefix)) {
        m_stderr += m_process->readAllStandardError();
        m_error = u"atlas-sim printed no listening line (got \"%1\"); stderr: %2"_s.arg(
            QString::fromUtf8(line), QString::fromUtf8(m_stderr));
        return false;
    }
    m_baseUrl = QUrl(QString::fromUtf8(line.mid(prefix.size())));
    return m_baseUrl.isValid() && m_baseUrl.port() > 0;
}

void SimProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
    m_stderr += m_process->readAllStandardError();
    m_process.reset();
}

bool SimProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QByteArray SimProcess::standardError()
{
    if (m_process)
        m_stderr += m_process->readAllStandardError();
    return m_stderr;
}

bool SimProcess::advanceClock(int seconds)
{
    QNetworkAccessManager nam;
    QUrl url = m_baseUrl.resolved(QUrl(u"/sim/test/clock"_s));
    url.setQuery(u"advanceSeconds="_s + QString::number(seconds));
    std::unique_ptr<QNetworkReply> reply(nam.post(QNetworkRequest(url), QByteArray()));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10000))
        return false;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
}

bool SimProcess::syncLog(int timeoutMs)
{
    const QString path = u"/test-log-marker-%1"_s.arg(++m_markers);
    QNetworkAccessManager nam;
    std::unique_ptr<QNetworkReply> reply(nam.get(QNetworkRequest(m_baseUrl.resolved(QUrl(path)))));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(timeoutMs))
        return false;
    const QByteArray line = "GET " + path.toLatin1() + ' ';
    return QTest::qWaitFor([this, &line] { return standardError().contains(line); }, timeoutMs);
}

QByteArray CliRun::describe() const
{
    return "exit " + QByteArray::number(exitCode) + "\n--- stdout:\n" + out.left(3000) + "\n--- stderr:\n" +
           err.left(3000);
}

CliRun runCli(const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
{
    QProcess p;
    p.setProgram(SimProcess::cliExecutablePath());
    p.setArguments(args);
    p.setProcessEnvironment(env);
    p.start();
    CliRun r;
    if (!p.waitForStarted(10000))
        return r;
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace aikeys::test
