#pragma once

// What the benchmarks share: the simulator and the CLI as child processes.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QtGlobal>

#include <cstdio>

#ifndef AIKEYS_SIM_PATH
#define AIKEYS_SIM_PATH "atlas-sim"
#endif

namespace aikeys::bench {

struct Sim
{
    QProcess process;
    QUrl url;
    ~Sim()
    {
        process.terminate();
        process.waitForFinished(5000);
    }
};

inline QString simPath()
{
    return qEnvironmentVariable("AIKEYS_SIM", QString::fromUtf8(AIKEYS_SIM_PATH));
}

// The CLI sits beside the simulator in a build tree (src/sim, src/cli).
inline QString cliPath()
{
    const QString env = qEnvironmentVariable("AIKEYS_CLI");
    if (!env.isEmpty())
        return env;
    return QFileInfo(simPath()).dir().filePath(QStringLiteral("../cli/atlas-ai-keys-cli"));
}

// Starts atlas-sim on a free port with args and waits for the line that says where it listens.
inline bool startSim(Sim &sim, const QStringList &args)
{
    sim.process.setProgram(simPath());
    sim.process.setArguments(QStringList{QStringLiteral("--port"), QStringLiteral("0")} + args);
    sim.process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sim.process.start();
    if (!sim.process.waitForStarted(10000))
        return false;
    const QDeadlineTimer deadline(60000);
    while (!sim.process.canReadLine() && !deadline.hasExpired())
        sim.process.waitForReadyRead(100);
    const QByteArray line = sim.process.readLine().trimmed();
    const QByteArray prefix = "atlas-sim listening on ";
    if (!line.startsWith(prefix))
        return false;
    sim.url = QUrl(QString::fromUtf8(line.mid(prefix.size())));
    return true;
}

// The offscreen platform warns once per shown window ("propagateSizeHints"); nothing else is dropped.
inline QtMessageHandler &previousMessageHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}

inline void quietOffscreenWarnings()
{
    previousMessageHandler() =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (message.contains(QStringLiteral("propagateSizeHints")))
                return;
            if (previousMessageHandler())
                previousMessageHandler()(type, context, message);
            else
                std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
        });
}

} // namespace aikeys::bench
