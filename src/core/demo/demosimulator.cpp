#include "demo/demosimulator.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace aikeys {

DemoSimulator::DemoSimulator(QObject *parent)
    : QObject(parent)
{}

DemoSimulator::~DemoSimulator()
{
    stop();
}

QString DemoSimulator::findExecutable()
{
    const QString fromEnv = qEnvironmentVariable("AIKEYS_SIM");
    if (!fromEnv.isEmpty())
        return fromEnv;
#ifdef Q_OS_WIN
    const QString name = u"atlas-sim.exe"_s;
#else
    const QString name = u"atlas-sim"_s;
#endif
    const QDir appDir(QCoreApplication::applicationDirPath());
    const QStringList candidates{
        appDir.filePath(name), // installed side by side (Windows, macOS bundle)
        appDir.filePath(u"../libexec/atlas-ai-keys/"_s + name), // FHS install
        appDir.filePath(u"../lib/atlas-ai-keys/"_s + name),
        appDir.filePath(u"../sim/"_s + name),          // build tree: build/src/app -> build/src/sim
        appDir.filePath(u"../../../../sim/"_s + name), // build tree, macOS: the app is a bundle
    };
    for (const QString &c : candidates) {
        const QFileInfo fi(c);
        if (fi.isFile() && fi.isExecutable())
            return fi.canonicalFilePath();
    }
    return {};
}

bool DemoSimulator::start(const QStringList &extraArgs, int timeoutMs)
{
    stop();
    const QString program = findExecutable();
    if (program.isEmpty()) {
        m_error = tr("The bundled Atlas simulator (atlas-sim) was not found next to the application or under "
                     "libexec; reinstall the application or set AIKEYS_SIM to its path.");
        return false;
    }
    // AIKEYS_DEMO_SIM_ARGS adds options of the simulator's own after ours (a later --port wins over
    // ours): the screenshots script gives a fixed port and predictable secrets, so that the pictures
    // come out the same on every run.
    const QStringList fromEnvironment = QProcess::splitCommand(qEnvironmentVariable("AIKEYS_DEMO_SIM_ARGS"));
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(program);
    // Its standard input stays the pipe QProcess made: when this process ends, however it ends (a
    // signal it does not handle, kill -9, a crash), the pipe closes and --exit-with-parent stops the
    // simulator, which would otherwise outlive the app.
    m_process->setArguments(
        QStringList{u"--port"_s, u"0"_s, u"--data"_s, u"demo"_s, u"--exit-with-parent"_s} + fromEnvironment +
        extraArgs);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start();
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = tr("The Atlas simulator did not start: %1").arg(m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process->canReadLine() && m_process->state() == QProcess::Running && !deadline.hasExpired())
        m_process->waitForReadyRead(int(qBound(qint64(1), deadline.remainingTime(), qint64(100))));
    const QByteArray line = m_process->readLine().trimmed();
    const QByteArray prefix = "atlas-sim listening on ";
    if (!line.startsWith(prefix)) {
        m_error = tr("The Atlas simulator did not report its address.");
        stop();
        return false;
    }
    m_baseUrl = QUrl(QString::fromUtf8(line.mid(prefix.size())));
    qCInfo(lcCredentials).noquote() << "demo simulator at" << m_baseUrl.toString();
    return m_baseUrl.isValid();
}

void DemoSimulator::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
    m_process.reset();
}

} // namespace aikeys
