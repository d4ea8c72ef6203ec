// The CLI and the simulator turn core dumps off first thing (the app too: tst_hardening covers the
// function, src/app/main.cpp calls it first): started with an unlimited core
// limit (as `ulimit -c unlimited` would leave it) in an empty folder and killed with SIGSEGV while
// running, neither leaves a core file, and each shows a core limit of 0 in /proc/<pid>/limits.
#include "simprocess.h"
#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#if defined(Q_OS_LINUX)
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using aikeys::test::SimProcess;

namespace {

#if defined(Q_OS_LINUX)
// "Max core file size  <soft>  <hard>  bytes" from /proc/<pid>/limits.
QByteArray coreLimitLine(qint64 pid)
{
    QFile limits(u"/proc/%1/limits"_s.arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : limits.readAll().split('\n')) {
        if (line.startsWith("Max core file size"))
            return line.simplified();
    }
    return {};
}

QByteArray corePattern()
{
    QFile f(u"/proc/sys/kernel/core_pattern"_s);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}
#endif

} // namespace

class TestCoreFiles : public QObject
{
    Q_OBJECT

#if defined(Q_OS_LINUX)
    // Starts program in a fresh folder with an unlimited core limit.
    void startWithCoresAllowed(QProcess &p, const QString &program, const QStringList &args,
                               const QProcessEnvironment &env)
    {
        p.setProgram(program);
        p.setArguments(args);
        // Under scripts/asan.sh the sanitizer would catch the SIGSEGV and exit normally; the test is
        // about what the kernel does with a real crash.
        QProcessEnvironment crashing = env;
        crashing.insert(u"ASAN_OPTIONS"_s, env.value(u"ASAN_OPTIONS"_s) + u":handle_segv=0"_s);
        p.setProcessEnvironment(crashing);
        p.setWorkingDirectory(m_dir.path());
        p.setChildProcessModifier([] {
            const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
            (void)setrlimit(RLIMIT_CORE, &unlimited);
        });
        p.start();
    }

    // Kills the running process with SIGSEGV and checks what it left.
    void crashAndCheck(QProcess &p, const char *what)
    {
        const QByteArray limit = coreLimitLine(p.processId());
        QVERIFY2(limit == "Max core file size 0 0 bytes",
                 QByteArray(QByteArray(what) + ": " + limit).constData());
        ::kill(pid_t(p.processId()), SIGSEGV);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        const QStringList left = QDir(m_dir.path()).entryList(QDir::Files);
        QVERIFY2(left.isEmpty(), qPrintable(QString::fromLatin1(what) + u" left: "_s + left.join(u' ')));
    }
#endif

private Q_SLOTS:
    void initTestCase()
    {
        aikeys::test::prepareTestEnvironment();
#if !defined(Q_OS_LINUX)
        QSKIP("reads /proc");
#else
        // With a pattern that pipes to a handler (systemd-coredump, apport) no file would appear here
        // anyway; the limit check still runs, and PR_SET_DUMPABLE is what such handlers honour.
        qInfo("core_pattern: %s", corePattern().constData());
#endif
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
    }

#if defined(Q_OS_LINUX)
    void cli()
    {
        // An "Atlas" that accepts the connection and never answers keeps the CLI running.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, u"demo"_s);
        env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, u"demo-private-key"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_config.path());
        QProcess p;
        startWithCoresAllowed(p, SimProcess::cliExecutablePath(),
                              {u"orgs"_s, u"list"_s, u"--timeout"_s, u"600"_s, u"--base-url"_s,
                               u"http://127.0.0.1:%1"_s.arg(silent.serverPort())},
                              env);
        QVERIFY(p.waitForStarted(10000));
        QSignalSpy connected(&silent, &QTcpServer::newConnection);
        QVERIFY2(connected.wait(20000), p.readAllStandardError().constData());
        crashAndCheck(p, "atlas-ai-keys-cli");
    }

    void simulator()
    {
        QProcess p;
        startWithCoresAllowed(p, SimProcess::executablePath(), {u"--port"_s, u"0"_s, u"--data"_s, u"demo"_s},
                              QProcessEnvironment::systemEnvironment());
        QVERIFY(p.waitForStarted(10000));
        // The first line names its address: main() is past its start.
        while (!p.canReadLine())
            QVERIFY2(p.waitForReadyRead(20000), p.readAllStandardError().constData());
        crashAndCheck(p, "atlas-sim");
    }
#endif

private:
    QTemporaryDir m_dir;    // the children's working folder: where a core file would appear
    QTemporaryDir m_config; // the CLI's settings (none)
};

QTEST_GUILESS_MAIN(TestCoreFiles)
#include "tst_corefiles.moc"
