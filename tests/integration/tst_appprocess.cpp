// The desktop app as a process, the way a user's session or a shell treats it: signals, demo mode's
// simulator, --help. Offscreen (the test's QT_QPA_PLATFORM), in a throwaway HOME.
#include "simprocess.h"
#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#if defined(Q_OS_UNIX)
#include <signal.h>
#include <sys/types.h>
#endif

#ifndef AIKEYS_APP_PATH
#define AIKEYS_APP_PATH ""
#endif

using namespace Qt::StringLiterals;
using aikeys::test::SimProcess;

namespace {

QString appPath()
{
    const QString fromEnv = qEnvironmentVariable("AIKEYS_APP");
    return fromEnv.isEmpty() ? QString::fromUtf8(AIKEYS_APP_PATH) : fromEnv;
}

#if defined(Q_OS_LINUX)
// The processes whose parent is pid and whose name is name, from /proc/<pid>/stat: "pid (comm) state ppid".
QList<qint64> childrenOf(qint64 pid, const QByteArray &name)
{
    QList<qint64> found;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 candidate = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(candidate));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QList<QByteArray> rest = line.mid(close + 2).split(' ');
        if (rest.size() > 1 && line.mid(open + 1, close - open - 1) == name && rest.at(1).toLongLong() == pid)
            found << candidate;
    }
    return found;
}

// Gone: no such process, or a zombie (dead; only waiting for a parent that may never reap it, as PID 1
// in a container often does not).
bool isGone(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) == "Z";
}

// Whatever the test's outcome, no simulator it caused is left running (it would hold the test's output
// open).
struct KillOnExit
{
    qint64 pid = 0;
    ~KillOnExit()
    {
        if (pid > 0 && !isGone(pid))
            ::kill(pid_t(pid), SIGKILL);
    }
};
#endif

} // namespace

class TestAppProcess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u".config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u".local/share"_s));
        env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u".cache"_s));
        env.insert(u"AIKEYS_SIM"_s, SimProcess::executablePath());
        if (!env.contains(u"QT_QPA_PLATFORM"_s))
            env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return env;
    }

#if defined(Q_OS_LINUX)
    // Starts the app in demo mode and returns the pid of the simulator it started (0 if none came).
    qint64 startDemo(QProcess &app)
    {
        app.setProcessEnvironment(environment());
        // Standard error is read: the app logs each listing it has read (aikeys.paging), and the first
        // one says it is signed in to the demo with its event loop running.
        app.setProcessChannelMode(QProcess::ForwardedOutputChannel);
        app.start(appPath(), {u"--demo"_s});
        if (!app.waitForStarted(10000))
            return 0;
        qint64 sim = 0;
        QByteArray log;
        const auto signedIn = [&] {
            log += app.readAllStandardError();
            if (sim == 0) {
                const QList<qint64> sims = childrenOf(app.processId(), "atlas-sim");
                sim = sims.isEmpty() ? 0 : sims.first();
            }
            return (sim > 0 && log.contains("aikeys.paging")) || app.state() != QProcess::Running;
        };
        if (!QTest::qWaitFor(signedIn, 20000) || sim == 0 || !log.contains("aikeys.paging")) {
            qWarning().noquote() << "the app's log so far:" << QString::fromUtf8(log);
            return 0;
        }
        return sim;
    }
#endif

private Q_SLOTS:
    void initTestCase()
    {
        aikeys::test::prepareTestEnvironment();
        QVERIFY(m_home.isValid());
        QVERIFY2(QFileInfo(appPath()).isExecutable(), qPrintable(appPath()));
    }

    // A quit request from the session or a shell (SIGTERM, Ctrl+C, a closed terminal) quits the app as
    // its menu does: exit code 0, and the demo simulator stopped with it.
    void quitSignalStopsTheDemoSimulator_data()
    {
        QTest::addColumn<int>("signal");
#if defined(Q_OS_UNIX)
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGHUP") << int(SIGHUP);
#else
        QTest::newRow("none") << 0;
#endif
    }

    void quitSignalStopsTheDemoSimulator()
    {
#if defined(Q_OS_LINUX)
        QFETCH(int, signal);
        QProcess app;
        const qint64 sim = startDemo(app);
        const KillOnExit guard{sim};
        QVERIFY2(sim > 0, "the demo simulator did not start");
        QVERIFY(!isGone(sim));
        QCOMPARE(::kill(pid_t(app.processId()), signal), 0);
        QVERIFY(app.waitForFinished(15000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(isGone(sim), 5000);
#else
        QSKIP("Reads the process table from /proc.");
#endif
    }

    // Killed outright, the app cannot stop anything: the simulator notices on its own
    // (--exit-with-parent) instead of running on, orphaned.
    void killedAppLeavesNoSimulator()
    {
#if defined(Q_OS_LINUX)
        QProcess app;
        const qint64 sim = startDemo(app);
        const KillOnExit guard{sim};
        QVERIFY2(sim > 0, "the demo simulator did not start");
        QCOMPARE(::kill(pid_t(app.processId()), SIGKILL), 0);
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);
        QTRY_VERIFY_WITH_TIMEOUT(isGone(sim), 10000);
#else
        QSKIP("Reads the process table from /proc.");
#endif
    }

    // --help is translated like the rest of the app (Qt's own lines too), even though it needs no window.
    void helpIsTranslated()
    {
        const QString qtGerman = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_de.qm"_s;
        if (!QFile::exists(qtGerman))
            QSKIP("Qt's German translation is not installed.");
        QProcess app;
        QProcessEnvironment env = environment();
        for (const QString &name : {u"LANG"_s, u"LC_ALL"_s, u"LC_MESSAGES"_s})
            env.insert(name, u"de_DE.UTF-8"_s);
        env.insert(u"LANGUAGE"_s, u"de"_s);
        app.setProcessEnvironment(env);
        app.start(appPath(), {u"--help"_s});
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitCode(), 0);
        const QString help = QString::fromUtf8(app.readAllStandardOutput());
        QVERIFY2(help.contains(u"--demo"_s), qPrintable(help));
        QVERIFY2(help.contains(u"Zeigt Hilfe zu den Kommandozeilenoptionen an."_s), qPrintable(help));
    }
};

QTEST_GUILESS_MAIN(TestAppProcess)
#include "tst_appprocess.moc"
