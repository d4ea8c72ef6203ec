// The OS keychain for real: QtKeychain against a Secret Service (gnome-keyring) on D-Bus.
//
// The round-trip tests use the session bus the suite runs on (dbus-run-session with an unlocked
// gnome-keyring-daemon, see docs/credentials.md) and skip, saying how to run them, when there is
// none. The failure scenarios build their own environment: a private dbus-daemon with nothing
// activatable on it, with or without a keyring daemon, and run this same binary as a child on it
// (QtKeychain and QtDBus bind the session bus once per process).

#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "credentials/credentialmanager.h"
#include "credentials/profilestore.h"
#include "credentials/qtkeychainsecretstore.h"
#include "settings.h"
#include "simprocess.h"
#include "testenv.h"

#include <QDateTime>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

constexpr auto kChildFlag = "--keychain-child";
constexpr int kChildKeychainTimeoutMs = 5000;
constexpr auto kDemoClientId = "mdb_sa_id_demo";
constexpr auto kDemoClientSecret = "mdb_sa_sk_demo";

const QString kHowToRun =
    u"Run the keychain tests inside a D-Bus session with an unlocked gnome-keyring, for example:\n"
    u"  HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d) dbus-run-session -- bash -c '\n"
    u"    printf %s throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null\n"
    u"    ctest --test-dir build -R tst_keychain --output-on-failure'"_s;

struct ToolResult
{
    bool started = false;
    int exitCode = -1;
    QByteArray output;
};

ToolResult runTool(const QString &program, const QStringList &args,
                   const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                   int timeoutMs = 10000)
{
    ToolResult r;
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    r.started = p.waitForStarted(5000);
    if (!r.started)
        return r;
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        r.output = p.readAll() + "\n(killed after " + QByteArray::number(timeoutMs) + " ms)";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = p.readAll();
    return r;
}

bool hasProgram(const QString &name)
{
    return !QStandardPaths::findExecutable(name).isEmpty();
}

bool secretServiceRunning(const QProcessEnvironment &env)
{
    const ToolResult r = runTool(u"gdbus"_s,
                                 {u"call"_s, u"--session"_s, u"--dest"_s, u"org.freedesktop.DBus"_s,
                                  u"--object-path"_s, u"/org/freedesktop/DBus"_s, u"--method"_s,
                                  u"org.freedesktop.DBus.NameHasOwner"_s, u"org.freedesktop.secrets"_s},
                                 env, 5000);
    return r.exitCode == 0 && r.output.contains("true");
}

// Files under dirs (recursively, skipping skipDir) modified since `since` that hold needle. Only
// recent files can have received a secret written during the test, and a developer's real HOME
// is too big to read whole.
QStringList filesHolding(const QStringList &dirs, const QByteArray &needle, const QString &skipDir,
                         const QDateTime &since)
{
    QStringList hits;
    for (const QString &dir : dirs) {
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!skipDir.isEmpty() && path.startsWith(skipDir + u'/'))
                continue;
            if (it.fileInfo().lastModified() < since)
                continue;
            QFile f(path);
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                hits << path;
        }
    }
    return hits;
}

// The environment of a child or helper process: a throwaway HOME, nothing that could show a prompt
// on the developer's screen, and the given bus.
QProcessEnvironment isolatedEnvironment(const QString &home, const QString &runtimeDir,
                                        const QString &busAddress)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
          "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "QT_NO_GLIB", "GNOME_KEYRING_CONTROL"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_RUNTIME_DIR"_s, runtimeDir);
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, busAddress);
    return env;
}

// A private session bus with nothing activatable: no .service files, so no keyring daemon starts by
// itself (the standard session bus would start gnome-keyring on the first Secret Service call).
class PrivateBus
{
public:
    ~PrivateBus() { stop(); }

    bool start(const QString &dir, QString *error)
    {
        if (!hasProgram(u"dbus-daemon"_s)) {
            *error = u"dbus-daemon is not installed (Debian: apt-get install dbus)"_s;
            return false;
        }
        const QString config = dir + u"/bus.conf"_s;
        QFile f(config);
        if (!f.open(QIODevice::WriteOnly)) {
            *error = u"cannot write %1: %2"_s.arg(config, f.errorString());
            return false;
        }
        f.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                "<busconfig>\n  <type>session</type>\n  <listen>unix:dir=" +
                QFile::encodeName(dir) +
                "</listen>\n  <auth>EXTERNAL</auth>\n"
                "  <policy context=\"default\">\n    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                "    <allow eavesdrop=\"true\"/>\n    <allow own=\"*\"/>\n  </policy>\n</busconfig>\n");
        f.close();
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(u"dbus-daemon"_s,
                        {u"--config-file=%1"_s.arg(config), u"--nofork"_s, u"--print-address"_s});
        if (!m_process.waitForStarted(5000)) {
            *error = u"dbus-daemon did not start: "_s + m_process.errorString();
            return false;
        }
        QElapsedTimer t;
        t.start();
        while (!m_process.canReadLine() && t.elapsed() < 5000 && m_process.state() == QProcess::Running)
            m_process.waitForReadyRead(100);
        m_address = QString::fromUtf8(m_process.readLine().trimmed());
        if (m_address.isEmpty()) {
            *error = u"dbus-daemon printed no address; stderr: "_s +
                     QString::fromUtf8(m_process.readAllStandardError());
            stop();
            return false;
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(3000)) {
                m_process.kill();
                m_process.waitForFinished(2000);
            }
        }
    }

    const QString &address() const { return m_address; }

private:
    QProcess m_process;
    QString m_address;
};

// gnome-keyring-daemon in the foreground on a given bus, its login keyring unlocked with a throwaway
// password (created on first start in the throwaway HOME).
class KeyringDaemon
{
public:
    ~KeyringDaemon() { stop(); }

    bool start(const QProcessEnvironment &env, QString *error)
    {
        if (!hasProgram(u"gnome-keyring-daemon"_s) || !hasProgram(u"gdbus"_s)) {
            *error = u"gnome-keyring-daemon or gdbus is missing (Debian: apt-get install gnome-keyring "
                     u"libglib2.0-bin)"_s;
            return false;
        }
        m_env = env;
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(u"gnome-keyring-daemon"_s,
                        {u"--foreground"_s, u"--unlock"_s, u"--components=secrets"_s});
        if (!m_process.waitForStarted(5000)) {
            *error = u"gnome-keyring-daemon did not start: "_s + m_process.errorString();
            return false;
        }
        m_process.write("throwaway");
        m_process.closeWriteChannel();
        const bool up = QTest::qWaitFor(
            [&] { return secretServiceRunning(env) || m_process.state() != QProcess::Running; }, 10000);
        if (up && secretServiceRunning(env))
            return true;
        *error =
            u"gnome-keyring-daemon did not take org.freedesktop.secrets on the private bus; it said: "_s +
            QString::fromUtf8(m_process.readAll());
        return false;
    }

    // Locks the login collection through the Secret Service API, as "Lock" in a password manager does.
    bool lockLogin(QString *error)
    {
        const QString login = u"/org/freedesktop/secrets/collection/login"_s;
        const ToolResult lock = runTool(u"gdbus"_s,
                                        {u"call"_s, u"--session"_s, u"--dest"_s, u"org.freedesktop.secrets"_s,
                                         u"--object-path"_s, u"/org/freedesktop/secrets"_s, u"--method"_s,
                                         u"org.freedesktop.Secret.Service.Lock"_s, u"['%1']"_s.arg(login)},
                                        m_env, 10000);
        const ToolResult locked =
            runTool(u"gdbus"_s,
                    {u"call"_s, u"--session"_s, u"--dest"_s, u"org.freedesktop.secrets"_s, u"--object-path"_s,
                     login, u"--method"_s, u"org.freedesktop.DBus.Properties.Get"_s,
                     u"org.freedesktop.Secret.Collection"_s, u"Locked"_s},
                    m_env, 10000);
        if (locked.exitCode != 0 || !locked.output.contains("true")) {
            *error = u"the login keyring could not be locked: Lock said \"%1\", Locked reads \"%2\""_s.arg(
                QString::fromUtf8(lock.output.trimmed()), QString::fromUtf8(locked.output.trimmed()));
            return false;
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(3000)) {
                m_process.kill();
                m_process.waitForFinished(2000);
            }
        }
    }

private:
    QProcess m_process;
    QProcessEnvironment m_env;
};

// The Secret Service items with these attributes, locked or not: SearchItems answers
// (unlocked paths, locked paths), and a locked item is still listed, only its secret is out of reach.
struct FoundItems
{
    int unlocked = 0;
    int locked = 0;
    QString raw;
};

FoundItems searchItems(const QProcessEnvironment &env, const QString &service, const QString &key)
{
    const ToolResult r = runTool(u"gdbus"_s,
                                 {u"call"_s, u"--session"_s, u"--dest"_s, u"org.freedesktop.secrets"_s,
                                  u"--object-path"_s, u"/org/freedesktop/secrets"_s, u"--method"_s,
                                  u"org.freedesktop.Secret.Service.SearchItems"_s,
                                  u"{'server': '%1', 'user': '%2'}"_s.arg(service, key)},
                                 env, 10000);
    FoundItems found;
    found.raw = QString::fromUtf8(r.output.trimmed());
    // "([objectpath '/org/...'], @ao [])", "(@ao [], [objectpath '/org/...'])": the first "], " ends
    // the unlocked list.
    const qsizetype split = found.raw.indexOf(u"], "_s);
    if (r.exitCode != 0 || split < 0)
        return found;
    found.unlocked = int(found.raw.left(split).count(u"/org/freedesktop/secrets/collection/"_s));
    found.locked = int(found.raw.mid(split).count(u"/org/freedesktop/secrets/collection/"_s));
    return found;
}

// The CLI on the given bus and HOME, with the test's keychain service; input is its standard input.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const
    {
        return u"exit %1\n--- stdout:\n%2\n--- stderr:\n%3"_s.arg(exitCode).arg(out, err);
    }
};

CliRun runCli(const QStringList &args, QProcessEnvironment env, const QString &service,
              const QByteArray &input = {})
{
    env.insert(u"AIKEYS_KEYCHAIN_SERVICE"_s, service);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.remove(u"ATLAS_AI_KEYS_PROFILE"_s);
    CliRun run;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(test::SimProcess::cliExecutablePath(), args);
    if (!p.waitForStarted(5000)) {
        run.err = u"the CLI did not start: "_s + p.errorString();
        return run;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(2000);
        run.err = u"(killed after 30 s) "_s;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err += QString::fromUtf8(p.readAllStandardError());
    return run;
}

// "key=value" lines a child printed, plus its raw output for failure messages.
struct ChildReport
{
    QHash<QString, QString> values;
    QString raw;
    bool finished = false;

    QString value(const QString &key) const { return values.value(key); }
};

ChildReport runChild(const QString &scenario, const QStringList &args, const QProcessEnvironment &env,
                     int timeoutMs = 60000)
{
    ChildReport report;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QCoreApplication::applicationFilePath(),
            QStringList{QString::fromLatin1(kChildFlag), scenario} + args);
    if (!p.waitForStarted(5000)) {
        report.raw = u"the child did not start: "_s + p.errorString();
        return report;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        report.raw =
            u"the child did not finish within %1 ms (a keychain call hung past its own timeout?)\n"_s.arg(
                timeoutMs);
    }
    const QByteArray out = p.readAllStandardOutput();
    report.raw += QString::fromUtf8(out) + u"\n--- stderr:\n"_s + QString::fromUtf8(p.readAllStandardError());
    for (const QByteArray &line : out.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            report.values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    report.finished = report.values.value(u"done"_s) == u"1"_s;
    return report;
}

// ---- the child side ---------------------------------------------------------------------------

void say(const QString &key, const QString &value)
{
    QString oneLine = value;
    oneLine.replace(u'\n', u' ');
    std::fprintf(stdout, "%s=%s\n", key.toUtf8().constData(), oneLine.toUtf8().constData());
    std::fflush(stdout);
}

void say(const QString &key, qint64 value)
{
    say(key, QString::number(value));
}

struct ChildOutcome
{
    bool finished = false;
    bool ok = false;
    SecretError secretError = SecretError::None;
    QString message;
    QString hint;
    bool canKeepForSession = false;
    bool hasStoredSecret = false;
    Profile profile;
    SecretBuffer handedBack;
    Credentials credentials;
    qint64 elapsedMs = 0;
};

ChildOutcome waitCredentialJob(CredentialJob *job)
{
    ChildOutcome out;
    QElapsedTimer t;
    t.start();
    const QMetaObject::Connection c = QObject::connect(job, &CredentialJob::finished, job, [&out, j = job] {
        out.finished = true;
        out.ok = j->succeeded();
        out.secretError = j->secretError();
        out.message = j->error().message();
        out.hint = j->error().hint();
        out.canKeepForSession = j->canKeepForSession();
        out.hasStoredSecret = j->hasStoredSecret();
        out.profile = j->profile();
        out.handedBack = j->takeSecret();
        out.credentials = j->takeCredentials();
    });
    out.finished = QTest::qWaitFor([&out] { return out.finished; }, 30000);
    QObject::disconnect(c);
    out.elapsedMs = t.elapsed();
    return out;
}

struct SecretOutcome
{
    bool finished = false;
    SecretError error = SecretError::None;
    QString message;
    qint64 elapsedMs = 0;
};

SecretOutcome waitSecretJob(SecretJob *job)
{
    SecretOutcome out;
    QElapsedTimer t;
    t.start();
    const QMetaObject::Connection c = QObject::connect(job, &SecretJob::finished, job, [&out, j = job] {
        out.finished = true;
        out.error = j->secretError();
        out.message = j->errorString();
    });
    out.finished = QTest::qWaitFor([&out] { return out.finished; }, 30000);
    QObject::disconnect(c);
    out.elapsedMs = t.elapsed();
    return out;
}

void reportSecretJob(const QString &prefix, const SecretOutcome &o)
{
    say(prefix + u".finished"_s, o.finished ? 1 : 0);
    say(prefix + u".error"_s, secretErrorId(o.error));
    say(prefix + u".elapsedMs"_s, o.elapsedMs);
    say(prefix + u".message"_s, o.message);
}

Profile demoProfile(const QUrl &baseUrl)
{
    Profile p;
    p.name = u"Demo"_s;
    p.baseUrl = baseUrl;
    p.authMode = AuthMode::ServiceAccount;
    p.publicId = QString::fromLatin1(kDemoClientId);
    return p;
}

// No Secret Service on the bus: the save fails clearly and fast, the session-only fallback signs in.
int childNoSecretService(const QString &service, const QUrl &simUrl)
{
    QSettings qsettings(QDir::home().filePath(u"settings.ini"_s), QSettings::IniFormat);
    Settings settings(&qsettings);
    ProfileStore profiles(&settings);
    QtKeychainSecretStore keychain(service);
    keychain.setTimeoutMs(kChildKeychainTimeoutMs);
    CredentialManager manager(&profiles, &keychain, &settings);

    ChildOutcome save =
        waitCredentialJob(manager.save(demoProfile(simUrl), SecretBuffer(QByteArray(kDemoClientSecret))));
    say(u"save.ok"_s, save.ok ? 1 : 0);
    say(u"save.error"_s, secretErrorId(save.secretError));
    say(u"save.elapsedMs"_s, save.elapsedMs);
    say(u"save.canKeepForSession"_s, save.canKeepForSession ? 1 : 0);
    say(u"save.message"_s, save.message);
    say(u"save.hint"_s, save.hint);
    say(u"profiles.afterFailure"_s, profiles.count());

    ChildOutcome session = waitCredentialJob(
        manager.save(save.profile, std::move(save.handedBack), CredentialManager::Storage::SessionOnly));
    say(u"session.ok"_s, session.ok ? 1 : 0);
    say(u"session.message"_s, session.message);

    ChildOutcome load = waitCredentialJob(manager.loadCredentials(session.profile.id));
    say(u"load.ok"_s, load.ok ? 1 : 0);
    if (load.ok) {
        SessionConfig config;
        config.baseUrl = session.profile.baseUrl;
        config.transferTimeoutMs = 15000;
        AtlasSession atlas(config, std::move(load.credentials), new QNetworkAccessManager);
        AtlasClient client(&atlas);
        auto *orgs = client.listOrganizations();
        orgs->setAutoDelete(false);
        const bool finished = QTest::qWaitFor([orgs] { return orgs->isFinished(); }, 20000);
        say(u"orgs.ok"_s, finished && orgs->succeeded() ? 1 : 0);
        say(u"orgs.count"_s, orgs->items().size());
        say(u"orgs.error"_s, orgs->error().toString());
        delete orgs;
    }
    qsettings.sync();
    say(u"done"_s, 1);
    return 0;
}

// Before the keyring is locked: a profile with its secret in the keychain, for the locked scenario to
// read and try to delete.
int childSeed(const QString &service)
{
    QSettings qsettings(QDir::home().filePath(u"settings.ini"_s), QSettings::IniFormat);
    Settings settings(&qsettings);
    ProfileStore profiles(&settings);
    QtKeychainSecretStore keychain(service);
    keychain.setTimeoutMs(kChildKeychainTimeoutMs);
    CredentialManager manager(&profiles, &keychain, &settings);
    Profile p = demoProfile(QUrl(u"https://cloud.mongodb.com"_s));
    p.name = u"Seeded"_s;
    const ChildOutcome save = waitCredentialJob(manager.save(p, SecretBuffer(QByteArray("seeded-secret"))));
    say(u"seed.ok"_s, save.ok ? 1 : 0);
    say(u"seed.message"_s, save.message);
    say(u"seed.id"_s, profileIdString(save.profile.id));
    say(u"seed.key"_s, save.profile.secretKey());
    qsettings.sync();
    say(u"done"_s, 1);
    return 0;
}

// A locked keyring: a clear error, never a hang; and what it hides is reported as locked, not as
// missing or deleted.
int childLocked(const QString &service)
{
    QtKeychainSecretStore keychain(service);
    keychain.setTimeoutMs(kChildKeychainTimeoutMs);
    const QString key = Profile::secretKey(QUuid::createUuid(), SecretKind::PrivateKey);
    reportSecretJob(u"write"_s,
                    waitSecretJob(keychain.write(key, SecretBuffer(QByteArray("locked-out-secret")))));
    reportSecretJob(u"read"_s, waitSecretJob(keychain.read(key)));

    QSettings qsettings(QDir::home().filePath(u"settings.ini"_s), QSettings::IniFormat);
    Settings settings(&qsettings);
    ProfileStore profiles(&settings);
    CredentialManager manager(&profiles, &keychain, &settings);
    const std::optional<Profile> seeded = profiles.findByName(u"Seeded"_s);
    say(u"seeded.found"_s, seeded ? 1 : 0);
    if (seeded) {
        // The entry exists, but the locked keyring hides it.
        reportSecretJob(u"readSeeded"_s, waitSecretJob(keychain.read(seeded->secretKey())));
        reportSecretJob(u"removeSeeded"_s, waitSecretJob(keychain.remove(seeded->secretKey())));

        const ChildOutcome has = waitCredentialJob(manager.hasStoredSecret(seeded->id));
        say(u"has.ok"_s, has.ok ? 1 : 0);
        say(u"has.error"_s, secretErrorId(has.secretError));
        say(u"has.message"_s, has.message);
        const ChildOutcome load = waitCredentialJob(manager.loadCredentials(seeded->id));
        say(u"load.ok"_s, load.ok ? 1 : 0);
        say(u"load.error"_s, secretErrorId(load.secretError));
        say(u"load.message"_s, load.message);
        say(u"load.hint"_s, load.hint);
        const ChildOutcome remove = waitCredentialJob(manager.remove(seeded->id));
        say(u"remove.ok"_s, remove.ok ? 1 : 0);
        say(u"remove.error"_s, secretErrorId(remove.secretError));
        say(u"remove.message"_s, remove.message);
        say(u"remove.hint"_s, remove.hint);
        say(u"profiles.afterRemove"_s, profiles.count());
    }

    Profile p = demoProfile(QUrl(u"https://cloud.mongodb.com"_s));
    const ChildOutcome save =
        waitCredentialJob(manager.save(p, SecretBuffer(QByteArray("locked-out-secret"))));
    say(u"save.ok"_s, save.ok ? 1 : 0);
    say(u"save.error"_s, secretErrorId(save.secretError));
    say(u"save.elapsedMs"_s, save.elapsedMs);
    say(u"save.message"_s, save.message);
    say(u"save.hint"_s, save.hint);
    say(u"save.canKeepForSession"_s, save.canKeepForSession ? 1 : 0);
    say(u"profiles.afterFailure"_s, profiles.count());
    qsettings.sync();
    say(u"done"_s, 1);
    return 0;
}

// A keychain that never answers (QT_NO_GLIB=1 starves libsecret of its main loop): every job ends
// with its own timeout, and the ones queued behind it too.
int childHung(const QString &service, int timeoutMs)
{
    QtKeychainSecretStore keychain(service);
    keychain.setTimeoutMs(timeoutMs);
    const QString key = Profile::secretKey(QUuid::createUuid(), SecretKind::ClientSecret);
    reportSecretJob(u"write"_s, waitSecretJob(keychain.write(key, SecretBuffer(QByteArray("hung-secret")))));
    reportSecretJob(u"read"_s, waitSecretJob(keychain.read(key)));
    say(u"done"_s, 1);
    // The abandoned QtKeychain jobs never finish: leave without waiting for them.
    std::fflush(stdout);
    std::_Exit(0);
}

int runChildScenario(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString scenario = args.value(2);
    const QString service = args.value(3);
    if (scenario == u"no-secret-service"_s)
        return childNoSecretService(service, QUrl(args.value(4)));
    if (scenario == u"seed"_s)
        return childSeed(service);
    if (scenario == u"locked"_s)
        return childLocked(service);
    if (scenario == u"hung"_s)
        return childHung(service, args.value(4).toInt());
    std::fprintf(stderr, "unknown scenario\n");
    return 2;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void roundTripThroughSecretService();
    void credentialManagerWithRealKeychain();
    void noSecretServiceFallsBackToSession();
    void lockedKeyringFailsClearly();
    void hungKeychainEndsWithTimeout();

private:
    // Skips (with the way to run it) unless the session bus has a Secret Service.
    bool requireSessionKeychain();
    QStringList secretToolEntries(const QString &service);
    // HOME's config, cache and data folders, minus the keyring's own files.
    QStringList homeFilesHolding(const QByteArray &needle) const;

    QString m_service;
    QDateTime m_started;
};

void TestKeychain::initTestCase()
{
    test::prepareTestEnvironment();
    QStandardPaths::setTestModeEnabled(true);
    // A test-only service: never the application's own entries.
    m_service = u"io.github.atlasaikeys.AtlasAiKeys.test-%1"_s.arg(QCoreApplication::applicationPid());
    m_started = QDateTime::currentDateTime();
}

bool TestKeychain::requireSessionKeychain()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        QTest::qSkip(qPrintable(u"No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset), so there is no "
                                u"keychain to test against. "_s +
                                kHowToRun),
                     __FILE__, __LINE__);
        return false;
    }
    if (!hasProgram(u"gdbus"_s) || !hasProgram(u"secret-tool"_s)) {
        QTest::qSkip("gdbus and secret-tool are needed to look at the keychain from outside (Debian: apt-get "
                     "install libglib2.0-bin libsecret-tools)",
                     __FILE__, __LINE__);
        return false;
    }
    if (!secretServiceRunning(QProcessEnvironment::systemEnvironment())) {
        QTest::qSkip(
            qPrintable(u"No Secret Service (org.freedesktop.secrets) is running on this session bus. "_s +
                       kHowToRun),
            __FILE__, __LINE__);
        return false;
    }
    return true;
}

QStringList TestKeychain::secretToolEntries(const QString &service)
{
    const ToolResult r = runTool(u"secret-tool"_s, {u"search"_s, u"--all"_s, u"server"_s, service});
    // One block per item, each starting with "[/org/freedesktop/secrets/...]".
    QStringList entries;
    QString current;
    for (const QByteArray &line : r.output.split('\n')) {
        if (line.startsWith('[')) {
            if (!current.isEmpty())
                entries << current;
            current.clear();
        }
        // Keep the attributes, never the secret line.
        if (!line.startsWith("secret ="))
            current += QString::fromUtf8(line) + u'\n';
    }
    if (current.contains(u"attribute."_s))
        entries << current;
    return entries;
}

QStringList TestKeychain::homeFilesHolding(const QByteArray &needle) const
{
    const QDir home = QDir::home();
    return filesHolding({home.filePath(u".config"_s), home.filePath(u".cache"_s),
                         home.filePath(u".local/share"_s), home.filePath(u".qttest"_s)},
                        needle, home.filePath(u".local/share/keyrings"_s), m_started.addSecs(-5));
}

void TestKeychain::roundTripThroughSecretService()
{
    if (!requireSessionKeychain())
        return;
    QtKeychainSecretStore store(m_service);
    QCOMPARE(store.service(), m_service);
    Profile p;
    p.id = QUuid::createUuid();
    p.authMode = AuthMode::ServiceAccount;
    const QByteArray secret = "mdb_sa_sk_keychain_" + QUuid::createUuid().toByteArray(QUuid::Id128);
    const QString key = p.secretKey();

    SecretOutcome write = waitSecretJob(store.write(key, SecretBuffer(QByteArray(secret))));
    QVERIFY(write.finished);
    QVERIFY2(write.error == SecretError::None, qPrintable(write.message));

    // Seen from outside, through another Secret Service client: one item, named as documented.
    const QStringList entries = secretToolEntries(m_service);
    QCOMPARE(entries.size(), 1);
    const QString &entry = entries.first();
    QVERIFY2(entry.contains(u"attribute.server = "_s + m_service), qPrintable(entry));
    QVERIFY2(entry.contains(u"attribute.user = "_s + key), qPrintable(entry));
    QVERIFY2(entry.contains(u"attribute.type = "_s), qPrintable(entry));

    SecretJob *read = store.read(key);
    SecretBuffer readBack;
    bool readDone = false;
    connect(read, &SecretJob::finished, this, [&, j = read] {
        readDone = true;
        readBack = j->takeSecret();
    });
    QTRY_VERIFY_WITH_TIMEOUT(readDone, 15000);
    QCOMPARE(readBack.reveal(), secret);
    readBack.wipe();

    // The keychain, and only the keychain, holds it.
    QCOMPARE(homeFilesHolding(secret), QStringList());
    QCOMPARE(homeFilesHolding(secret.toBase64()), QStringList());

    const SecretOutcome remove = waitSecretJob(store.remove(key));
    QVERIFY2(remove.error == SecretError::None, qPrintable(remove.message));
    QCOMPARE(secretToolEntries(m_service), QStringList());
    const SecretOutcome gone = waitSecretJob(store.read(key));
    QCOMPARE(secretErrorId(gone.error), u"not-found"_s);
    // Deleting what is not there is fine.
    const SecretOutcome again = waitSecretJob(store.remove(key));
    QVERIFY2(again.error == SecretError::None, qPrintable(again.message));
}

void TestKeychain::credentialManagerWithRealKeychain()
{
    if (!requireSessionKeychain())
        return;
    QTemporaryDir dir;
    QSettings qsettings(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    Settings settings(&qsettings);
    ProfileStore profiles(&settings);
    QtKeychainSecretStore keychain(m_service);
    CredentialManager manager(&profiles, &keychain, &settings);
    const QByteArray secret = "mdb_sa_sk_manager_" + QUuid::createUuid().toByteArray(QUuid::Id128);

    ChildOutcome saved = waitCredentialJob(
        manager.save(demoProfile(QUrl(u"https://cloud.mongodb.com"_s)), SecretBuffer(QByteArray(secret))));
    QVERIFY2(saved.ok, qPrintable(saved.message));
    const QString key = saved.profile.secretKey();
    QCOMPARE(key, u"io.github.atlasaikeys.AtlasAiKeys/"_s + profileIdString(saved.profile.id) +
                      u"/client-secret"_s);
    QCOMPARE(secretToolEntries(m_service).size(), 1);

    const ChildOutcome has = waitCredentialJob(manager.hasStoredSecret(saved.profile.id));
    QVERIFY2(has.ok, qPrintable(has.message));
    QVERIFY(has.hasStoredSecret);
    QVERIFY(manager.rename(saved.profile.id, u"Renamed"_s));
    ChildOutcome load = waitCredentialJob(manager.loadCredentials(saved.profile.id));
    QVERIFY2(load.ok, qPrintable(load.message));
    QCOMPARE(load.credentials.secret.reveal(), secret);
    QCOMPARE(load.credentials.id, QString::fromLatin1(kDemoClientId));
    load.credentials.secret.wipe();

    qsettings.sync();
    QCOMPARE(test::filesContaining(dir.path(), secret), QStringList());
    QCOMPARE(homeFilesHolding(secret), QStringList());

    ChildOutcome removed = waitCredentialJob(manager.remove(saved.profile.id));
    QVERIFY2(removed.ok, qPrintable(removed.message));
    QCOMPARE(secretToolEntries(m_service), QStringList());
    QCOMPARE(profiles.count(), 0);
}

void TestKeychain::noSecretServiceFallsBackToSession()
{
    QTemporaryDir home;
    QTemporaryDir runtime;
    QTemporaryDir busDir(QDir::tempPath() + u"/aikeys-bus-XXXXXX"_s);
    PrivateBus bus;
    QString error;
    if (!bus.start(busDir.path(), &error))
        QSKIP(qPrintable(u"Cannot create a private session bus: "_s + error));
    const QProcessEnvironment env = isolatedEnvironment(home.path(), runtime.path(), bus.address());
    if (secretServiceRunning(env))
        QSKIP("The private bus unexpectedly has a Secret Service: the scenario cannot be built");

    test::SimProcess sim;
    if (!sim.start())
        QSKIP(qPrintable(u"atlas-sim did not start, so the session-only sign-in cannot be tried: "_s +
                         sim.errorString()));

    const ChildReport r = runChild(u"no-secret-service"_s, {m_service, sim.baseUrl().toString()}, env);
    qInfo().noquote() << "child report:\n" << r.raw;
    QVERIFY2(r.finished, qPrintable(r.raw));
    // A clear error, of the no-keychain kind, well within the job's own timeout.
    QCOMPARE(r.value(u"save.ok"_s), u"0"_s);
    QVERIFY2(r.value(u"save.error"_s) == u"no-backend"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"save.elapsedMs"_s).toInt() < kChildKeychainTimeoutMs, qPrintable(r.raw));
    QVERIFY2(r.value(u"save.message"_s).contains(u"no keychain service is available"_s), qPrintable(r.raw));
    QVERIFY2(r.value(u"save.hint"_s).contains(u"gnome-keyring or KWallet"_s), qPrintable(r.raw));
    QVERIFY2(r.value(u"save.hint"_s).contains(u"session only"_s), qPrintable(r.raw));
    QCOMPARE(r.value(u"save.canKeepForSession"_s), u"1"_s);
    QCOMPARE(r.value(u"profiles.afterFailure"_s), u"0"_s);
    // The way out works: signed in for this session, against a real server.
    QVERIFY2(r.value(u"session.ok"_s) == u"1"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"load.ok"_s) == u"1"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"orgs.ok"_s) == u"1"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"orgs.count"_s).toInt() >= 1, qPrintable(r.raw));
    // And nothing under that HOME holds the secret.
    QCOMPARE(test::filesContaining(home.path(), kDemoClientSecret), QStringList());
    QCOMPARE(test::filesContaining(home.path(), QByteArray(kDemoClientSecret).toBase64()), QStringList());
    QCOMPARE(test::filesContaining(runtime.path(), kDemoClientSecret), QStringList());
    QVERIFY(!r.raw.contains(QString::fromLatin1(kDemoClientSecret)));
}

void TestKeychain::lockedKeyringFailsClearly()
{
    QTemporaryDir home;
    QTemporaryDir runtime;
    QTemporaryDir busDir(QDir::tempPath() + u"/aikeys-bus-XXXXXX"_s);
    PrivateBus bus;
    QString error;
    if (!bus.start(busDir.path(), &error))
        QSKIP(qPrintable(u"Cannot create a private session bus: "_s + error));
    const QProcessEnvironment env = isolatedEnvironment(home.path(), runtime.path(), bus.address());
    KeyringDaemon keyring;
    if (!keyring.start(env, &error))
        QSKIP(qPrintable(u"Cannot start a keyring to lock: "_s + error));

    // While it is unlocked: a profile of the manager's and one of the CLI's, secrets in the keychain.
    const ChildReport seed = runChild(u"seed"_s, {m_service}, env);
    QVERIFY2(seed.finished && seed.value(u"seed.ok"_s) == u"1"_s, qPrintable(seed.raw));
    const QString seededKey = seed.value(u"seed.key"_s);
    QCOMPARE(searchItems(env, m_service, seededKey).unlocked, 1);
    const CliRun added =
        runCli({u"profiles"_s, u"add"_s, u"CLI seeded"_s, u"--base-url"_s, u"https://cloud.mongodb.com"_s,
                u"--auth"_s, u"api-key"_s, u"--id"_s, u"abcdefgh"_s, u"--output"_s, u"json"_s},
               env, m_service, "cli-seeded-secret\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
    const QString cliId = QJsonDocument::fromJson(added.out.toUtf8()).object().value("id"_L1).toString();
    QVERIFY2(!cliId.isEmpty(), qPrintable(added.describe()));
    const QString cliKey = u"io.github.atlasaikeys.AtlasAiKeys/%1/private-key"_s.arg(cliId);
    QCOMPARE(searchItems(env, m_service, cliKey).unlocked, 1);

    if (!keyring.lockLogin(&error))
        QSKIP(qPrintable(error));

    const ChildReport r = runChild(u"locked"_s, {m_service}, env);
    qInfo().noquote() << "child report:\n" << r.raw;
    QVERIFY2(r.finished, qPrintable(r.raw));
    // Writing into a locked keyring: a clear "locked" error, not a hang.
    QVERIFY2(r.value(u"write.finished"_s) == u"1"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"write.error"_s) == u"locked"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"write.elapsedMs"_s).toInt() < kChildKeychainTimeoutMs, qPrintable(r.raw));
    QVERIFY2(r.value(u"write.message"_s).contains(u"Unlock"_s), qPrintable(r.raw));
    // A locked keyring hides its entries; the Secret Service is asked, so reads say "locked", not
    // "not found"...
    QVERIFY2(r.value(u"read.error"_s) == u"locked"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"read.message"_s).contains(u"locked"_s), qPrintable(r.raw));
    QCOMPARE(r.value(u"seeded.found"_s), u"1"_s);
    QVERIFY2(r.value(u"readSeeded.error"_s) == u"locked"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"readSeeded.elapsedMs"_s).toInt() < kChildKeychainTimeoutMs, qPrintable(r.raw));
    // ...and a delete that could not see the entry is not reported as done.
    QVERIFY2(r.value(u"removeSeeded.error"_s) == u"locked"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"removeSeeded.message"_s).contains(u"log out and in again"_s), qPrintable(r.raw));
    // Through the manager: the secret's state is "locked", not "none"...
    QCOMPARE(r.value(u"has.ok"_s), u"0"_s);
    QVERIFY2(r.value(u"has.error"_s) == u"locked"_s, qPrintable(r.raw));
    QCOMPARE(r.value(u"load.ok"_s), u"0"_s);
    QVERIFY2(r.value(u"load.error"_s) == u"locked"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"load.message"_s).contains(u"keychain is locked"_s), qPrintable(r.raw));
    QVERIFY2(!r.value(u"load.message"_s).contains(u"No client secret is stored"_s), qPrintable(r.raw));
    // ...and the profile is not removed while its secret stays behind.
    QCOMPARE(r.value(u"remove.ok"_s), u"0"_s);
    QVERIFY2(r.value(u"remove.error"_s) == u"locked"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"remove.message"_s).contains(u"was not deleted"_s), qPrintable(r.raw));
    QCOMPARE(r.value(u"profiles.afterRemove"_s), u"1"_s);
    // The entry is still there (listed as locked), whatever was tried.
    const FoundItems seededAfter = searchItems(env, m_service, seededKey);
    QVERIFY2(seededAfter.locked == 1, qPrintable(seededAfter.raw));
    // Through the manager: nothing saved, the user told to unlock, a session-only way out offered.
    QCOMPARE(r.value(u"save.ok"_s), u"0"_s);
    QVERIFY2(r.value(u"save.error"_s) == u"locked"_s, qPrintable(r.raw));
    QVERIFY2(r.value(u"save.message"_s).contains(u"was not saved"_s), qPrintable(r.raw));
    QVERIFY2(r.value(u"save.hint"_s).contains(u"Unlock your keyring"_s), qPrintable(r.raw));
    QVERIFY2(r.value(u"save.hint"_s).contains(u"session only"_s), qPrintable(r.raw));
    QCOMPARE(r.value(u"save.canKeepForSession"_s), u"1"_s);
    QCOMPARE(r.value(u"profiles.afterFailure"_s), u"1"_s);
    QCOMPARE(test::filesContaining(home.path(), "locked-out-secret"), QStringList());

    // The CLI: the list says "locked" (not "none"), test says locked (not "no secret stored").
    const CliRun list = runCli({u"profiles"_s, u"list"_s, u"--output"_s, u"json"_s}, env, m_service);
    QVERIFY2(list.exitCode == 1, qPrintable(list.describe()));
    const QJsonArray listed = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().toObject().value("secret"_L1).toString(), u"locked"_s);
    QVERIFY2(list.err.contains(u"locked"_s), qPrintable(list.describe()));
    const CliRun tested = runCli({u"profiles"_s, u"test"_s, u"CLI seeded"_s}, env, m_service);
    QVERIFY2(tested.exitCode == 1, qPrintable(tested.describe()));
    QVERIFY2(tested.err.contains(u"keychain is locked"_s), qPrintable(tested.describe()));
    QVERIFY2(!tested.err.contains(u"No private key is stored"_s), qPrintable(tested.describe()));
    // Removing: refused, with the CLI's way out (--force) and no session-only advice...
    const CliRun refused = runCli({u"profiles"_s, u"remove"_s, u"CLI seeded"_s, u"--yes"_s}, env, m_service);
    QVERIFY2(refused.exitCode == 1, qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains(u"locked"_s), qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains(u"--force"_s), qPrintable(refused.describe()));
    QVERIFY2(!refused.err.contains(u"session only"_s), qPrintable(refused.describe()));
    QVERIFY2(!refused.out.contains(u"deleted"_s), qPrintable(refused.describe()));
    QCOMPARE(searchItems(env, m_service, cliKey).locked, 1);
    // ...and with --force, removed, saying the secret may remain and where.
    const CliRun forced =
        runCli({u"profiles"_s, u"remove"_s, u"CLI seeded"_s, u"--yes"_s, u"--force"_s}, env, m_service);
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.describe()));
    QVERIFY2(forced.out.contains(u"may remain"_s), qPrintable(forced.describe()));
    QVERIFY2(forced.out.contains(cliKey), qPrintable(forced.describe()));
    QCOMPARE(searchItems(env, m_service, cliKey).locked, 1);
    const CliRun after = runCli({u"profiles"_s, u"list"_s, u"--output"_s, u"json"_s}, env, m_service);
    QCOMPARE(QJsonDocument::fromJson(after.out.toUtf8()).array().size(), 0);
}

void TestKeychain::hungKeychainEndsWithTimeout()
{
    QTemporaryDir home;
    QTemporaryDir runtime;
    QTemporaryDir busDir(QDir::tempPath() + u"/aikeys-bus-XXXXXX"_s);
    PrivateBus bus;
    QString error;
    if (!bus.start(busDir.path(), &error))
        QSKIP(qPrintable(u"Cannot create a private session bus: "_s + error));
    QProcessEnvironment env = isolatedEnvironment(home.path(), runtime.path(), bus.address());
    env.insert(u"QT_NO_GLIB"_s, u"1"_s);
    const int timeoutMs = 1500;
    const ChildReport r = runChild(u"hung"_s, {m_service, QString::number(timeoutMs)}, env, 30000);
    qInfo().noquote() << "child report:\n" << r.raw;
    QVERIFY2(r.finished, qPrintable(r.raw));
    if (r.value(u"write.error"_s) != u"timed-out"_s)
        QSKIP(
            qPrintable(u"QT_NO_GLIB=1 did not make QtKeychain hang here (the write answered \"%1\"), so this "
                       u"way of simulating a keychain that never answers does not work on this system"_s.arg(
                           r.value(u"write.error"_s))));
    const int elapsed = r.value(u"write.elapsedMs"_s).toInt();
    QVERIFY2(elapsed >= timeoutMs - 100 && elapsed < timeoutMs + 3000, qPrintable(r.raw));
    QVERIFY2(r.value(u"write.message"_s).contains(u"prompt may be waiting behind other windows"_s),
             qPrintable(r.raw));
    // The job queued behind the hung one ends with its own timeout too.
    QVERIFY2(r.value(u"read.error"_s) == u"timed-out"_s, qPrintable(r.raw));
}

int main(int argc, char **argv)
{
    if (argc > 2 && std::strcmp(argv[1], kChildFlag) == 0)
        return runChildScenario(argc, argv);
    // What QTEST_GUILESS_MAIN does; spelled out for the child branch above.
    QCoreApplication app(argc, argv);
    TestKeychain tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_keychain.moc"
