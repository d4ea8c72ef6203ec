// The CLI's profile commands against the REAL keychain (Secret Service) and a real atlas-sim: a
// secret goes in through standard input only, lands in the keychain (seen from outside with
// secret-tool) and nowhere else, and every command that signs in reads it back from there. Needs a
// session bus with an unlocked gnome-keyring (scripts/test.sh sets one up); skipped otherwise.
//
// The children get a throwaway HOME and XDG_CONFIG_HOME (settings) and a test-only keychain service
// (AIKEYS_KEYCHAIN_SERVICE), so the developer's own profiles and keychain entries are never touched.
#include "simprocess.h"
#include "testenv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using aikeys::test::SimProcess;

namespace {

constexpr auto kHowToRun =
    "Run it through scripts/test.sh, which starts a private session bus with an unlocked "
    "gnome-keyring (see HEADLESS.md).";
const QByteArray kApiSecret = "demo-private-key";
const QByteArray kSaSecret = "mdb_sa_sk_demo";

// A profile's keychain entry key: "<application id>/<uuid>/<kind>", as the app and the CLI name it.
QString entryKey(const QString &id, const QString &kind)
{
    return u"io.github.atlasaikeys.AtlasAiKeys/"_s + id + u'/' + kind;
}

struct Run
{
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
    QByteArray cmdline; // what /proc showed as the child's arguments while it waited for input

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + "\n--- stdout:\n" + out.left(3000) +
               "\n--- stderr:\n" + err.left(3000);
    }
};

struct ToolResult
{
    int exitCode = -1;
    QByteArray output;
};

ToolResult runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    ToolResult r;
    if (!p.waitForStarted(5000))
        return r;
    p.closeWriteChannel();
    if (!p.waitForFinished(15000)) {
        p.kill();
        p.waitForFinished(2000);
        return r;
    }
    r.exitCode = p.exitCode();
    r.output = p.readAllStandardOutput() + p.readAllStandardError();
    return r;
}

bool secretServiceRunning()
{
    const ToolResult r =
        runTool(u"gdbus"_s, {u"call"_s, u"--session"_s, u"--dest"_s, u"org.freedesktop.DBus"_s,
                             u"--object-path"_s, u"/org/freedesktop/DBus"_s, u"--method"_s,
                             u"org.freedesktop.DBus.NameHasOwner"_s, u"org.freedesktop.secrets"_s});
    return r.exitCode == 0 && r.output.contains("true");
}

} // namespace

class TestCliProfiles : public QObject
{
    Q_OBJECT

    QProcessEnvironment childEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QStringList keys = env.keys();
        for (const QString &k : keys) {
            if (k.startsWith(u"MONGODB_ATLAS_"_s) || k == u"QT_LOGGING_RULES"_s ||
                k == u"ATLAS_AI_KEYS_PROFILE"_s)
                env.remove(k);
        }
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u".config"_s));
        env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u".cache"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u".local/share"_s));
        env.insert(u"AIKEYS_KEYCHAIN_SERVICE"_s, m_service);
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        return env;
    }

    Run cli(const QStringList &args, const QByteArray &input = {}, QProcessEnvironment env = {})
    {
        if (env.isEmpty())
            env = childEnvironment();
        QProcess p;
        p.setProgram(SimProcess::cliExecutablePath());
        p.setArguments(args);
        p.setProcessEnvironment(env);
        p.start();
        Run r;
        if (!p.waitForStarted(10000))
            return r;
        // Standard input is a pipe (not a terminal): the secret is its first line. While the child waits
        // for it, /proc shows its arguments as any other user of the machine could read them.
        // Stops at once when it is seen; the checks below fail if it never is.
        (void)QTest::qWaitFor(
            [&] {
                QFile cmdline(u"/proc/%1/cmdline"_s.arg(p.processId()));
                if (cmdline.open(QIODevice::ReadOnly))
                    r.cmdline = cmdline.readAll();
                return r.cmdline.contains("atlas-ai-keys-cli");
            },
            1000);
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        r.finished = p.waitForFinished(60000);
        if (!r.finished) {
            p.kill();
            p.waitForFinished(5000);
        }
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    // The entry keys ("<application id>/<uuid>/<kind>") of the test service's keychain items, as secret-tool
    // lists them (it prints the attributes on standard error, the secrets on standard output).
    QStringList keychainEntries() const
    {
        const ToolResult r = runTool(u"secret-tool"_s, {u"search"_s, u"--all"_s, u"server"_s, m_service});
        QStringList keys;
        for (const QByteArray &line : r.output.split('\n')) {
            if (line.startsWith("attribute.user = "))
                keys << QString::fromUtf8(line.mid(int(qstrlen("attribute.user = "))).trimmed());
        }
        return keys;
    }

    bool keychainHolds(const QString &key, const QByteArray &secret) const
    {
        const ToolResult r = runTool(
            u"secret-tool"_s, {u"lookup"_s, u"server"_s, m_service, u"user"_s, key, u"type"_s, u"base64"_s});
        // QtKeychain stores binary data base64-encoded.
        return r.exitCode == 0 && QByteArray::fromBase64(r.output.trimmed()) == secret;
    }

    QString settingsPath() const { return m_home.filePath(u".config/AtlasAiKeys/atlas-ai-keys.conf"_s); }

    QByteArray settingsBytes() const
    {
        QFile f(settingsPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QJsonObject listed(const QString &name)
    {
        const Run r = cli({u"profiles"_s, u"list"_s, u"--output"_s, u"json"_s});
        for (const QJsonValue &v : r.json().array()) {
            if (v.toObject().value("name"_L1).toString() == name)
                return v.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        aikeys::test::prepareTestEnvironment();
        QVERIFY(m_home.isValid());
        m_service =
            u"io.github.atlasaikeys.AtlasAiKeys.test-cli-%1"_s.arg(QCoreApplication::applicationPid());
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            m_noKeychain =
                u"No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset), so there is no keychain to "
                u"test against. "_s +
                QString::fromLatin1(kHowToRun);
        else if (QStandardPaths::findExecutable(u"gdbus"_s).isEmpty() ||
                 QStandardPaths::findExecutable(u"secret-tool"_s).isEmpty())
            m_noKeychain =
                u"gdbus and secret-tool are needed to look at the keychain from outside (Debian: apt-get "
                u"install libglib2.0-bin libsecret-tools)"_s;
        else if (!secretServiceRunning())
            m_noKeychain = u"No Secret Service (org.freedesktop.secrets) on this session bus. "_s +
                           QString::fromLatin1(kHowToRun);
        QVERIFY2(QFile::exists(SimProcess::cliExecutablePath()), qPrintable(SimProcess::cliExecutablePath()));
        m_sim = std::make_unique<SimProcess>();
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    // No keychain at all (a session bus address where nothing listens): a clear message with what to
    // do, exit 1, and nothing written anywhere instead. Needs no Secret Service, so it always runs.
    void keychainUnavailableIsAClearError()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("the keychain is taken away through the Secret Service's D-Bus session");
#endif
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = childEnvironment();
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u".config"_s));
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + home.filePath(u"no-bus"_s));
        env.remove(u"DISPLAY"_s);
        const QByteArray secret = "keychain-less-secret";
        Run r = cli({u"profiles"_s, u"add"_s, u"Nowhere"_s, u"--base-url"_s, m_sim->baseUrl().toString(),
                     u"--auth"_s, u"api-key"_s, u"--id"_s, u"demo"_s},
                    secret + '\n', env);
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY2(r.errText().contains(u"no keychain service is available"_s), r.describe());
        QVERIFY2(r.errText().contains(u"nothing was written to a file"_s), r.describe());
        QVERIFY(!r.err.contains(secret) && !r.out.contains(secret));
        QVERIFY(aikeys::test::filesContaining(home.path(), secret).isEmpty());
        // The profile was not saved without its secret either.
        r = cli({u"profiles"_s, u"list"_s, u"--output"_s, u"json"_s}, {}, env);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.json().array().size(), 0);
    }

    void cleanupTestCase()
    {
        if (!m_service.isEmpty() && m_noKeychain.isEmpty())
            runTool(u"secret-tool"_s, {u"clear"_s, u"server"_s, m_service});
        m_sim.reset();
    }

    void addReadsTheSecretFromStandardInput()
    {
        if (!m_noKeychain.isEmpty())
            QSKIP(qPrintable(m_noKeychain));
        const QString url = m_sim->baseUrl().toString();
        const Run r = cli({u"profiles"_s, u"add"_s, u"Sim key"_s, u"--base-url"_s, url, u"--auth"_s,
                           u"api-key"_s, u"--id"_s, u"demo"_s, u"--output"_s, u"json"_s},
                          kApiSecret + '\n');
        QVERIFY2(r.exitCode == 0, r.describe());
        // Never in the arguments, never echoed back.
        QVERIFY2(!r.cmdline.isEmpty(), r.describe());
        QVERIFY(r.cmdline.contains("Sim key"));
        QVERIFY(!r.cmdline.contains(kApiSecret));
        QVERIFY2(!r.out.contains(kApiSecret) && !r.err.contains(kApiSecret), r.describe());
        const QJsonObject added = r.json().object();
        QCOMPARE(added.value("name"_L1).toString(), u"Sim key"_s);
        QCOMPARE(added.value("authMode"_L1).toString(), u"api-key"_s);
        QCOMPARE(added.value("secret"_L1).toString(), u"stored"_s);
        const QString id = added.value("id"_L1).toString();
        QVERIFY(!id.isEmpty());

        // In the keychain, under the test service, as "<application id>/<uuid>/private-key"...
        const QStringList entries = keychainEntries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first(), entryKey(id, u"private-key"_s));
        QVERIFY(keychainHolds(entryKey(id, u"private-key"_s), kApiSecret));
        // ...and nowhere under HOME: not in the settings, which hold the rest of the profile.
        const QByteArray settings = settingsBytes();
        QVERIFY2(settings.contains("Sim key"), settings.constData());
        QVERIFY(settings.contains("publicId=demo"));
        QVERIFY(!settings.contains(kApiSecret));
        QVERIFY(aikeys::test::filesContaining(m_home.path(), kApiSecret).isEmpty());

        // A second profile, a service account, with the default org.
        const Run sa =
            cli({u"profiles"_s, u"add"_s, u"robot"_s, u"--base-url"_s, url, u"--auth"_s, u"service-account"_s,
                 u"--id"_s, u"mdb_sa_id_demo"_s, u"--org"_s, u"65f1c0de2a9b4e0012a0c001"_s},
                kSaSecret + '\n');
        QVERIFY2(sa.exitCode == 0, sa.describe());
        QCOMPARE(keychainEntries().size(), 2);
    }

    void addRefusesWhatItCannotUse()
    {
        if (!m_noKeychain.isEmpty())
            QSKIP(qPrintable(m_noKeychain));
        const QString url = m_sim->baseUrl().toString();
        // No secret on standard input: nothing saved.
        Run r = cli({u"profiles"_s, u"add"_s, u"Empty"_s, u"--base-url"_s, url, u"--auth"_s, u"api-key"_s,
                     u"--id"_s, u"demo"_s});
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY(r.errText().contains(u"standard input"_s));
        // A duplicate name, plain http to another host, a missing --id: refused before reading anything.
        r = cli({u"profiles"_s, u"add"_s, u"sim KEY"_s, u"--base-url"_s, url, u"--auth"_s, u"api-key"_s,
                 u"--id"_s, u"demo"_s},
                "x\n");
        QVERIFY2(r.exitCode == 2 && r.errText().contains(u"already exists"_s), r.describe());
        r = cli({u"profiles"_s, u"add"_s, u"Remote"_s, u"--base-url"_s, u"http://example.com"_s, u"--auth"_s,
                 u"api-key"_s, u"--id"_s, u"demo"_s},
                "x\n");
        QVERIFY2(r.exitCode == 2 && r.errText().contains(u"http://"_s), r.describe());
        r = cli(
            {u"profiles"_s, u"add"_s, u"No id"_s, u"--base-url"_s, url, u"--auth"_s, u"service-account"_s},
            "x\n");
        QVERIFY2(r.exitCode == 2 && r.errText().contains(u"--id"_s), r.describe());
        QCOMPARE(keychainEntries().size(), 2);
    }

    void listSaysWhereTheSecretIs()
    {
        if (!m_noKeychain.isEmpty())
            QSKIP(qPrintable(m_noKeychain));
        const Run r = cli({u"profiles"_s, u"list"_s});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.outText().contains(u"Sim key"_s));
        QVERIFY(r.outText().contains(u"robot"_s));
        QVERIFY(r.outText().contains(u"stored"_s));
        QVERIFY(!r.out.contains(kApiSecret) && !r.out.contains(kSaSecret));
        QVERIFY(!r.err.contains(kApiSecret) && !r.err.contains(kSaSecret));
        const QJsonObject robot = listed(u"robot"_s);
        QCOMPARE(robot.value("secret"_L1).toString(), u"stored"_s);
        QCOMPARE(robot.value("publicId"_L1).toString(), u"mdb_sa_id_demo"_s);
        QCOMPARE(robot.value("orgId"_L1).toString(), u"65f1c0de2a9b4e0012a0c001"_s);
        const Run csv = cli({u"profiles"_s, u"list"_s, u"--output"_s, u"csv"_s});
        QVERIFY2(csv.exitCode == 0, csv.describe());
        QVERIFY(csv.out.startsWith("id,name,baseUrl,authMode,publicId,orgId,projectId,default,secret\r\n"));
    }

    void testSignsInWithTheStoredSecret()
    {
        if (!m_noKeychain.isEmpty())
            QSKIP(qPrintable(m_noKeychain));
        const Run ok = cli({u"profiles"_s, u"test"_s, u"Sim key"_s});
        QVERIFY2(ok.exitCode == 0, ok.describe());
        QVERIFY(ok.outText().contains(u"Acme Analytics"_s));
        QVERIFY(ok.errText().contains(u"works"_s));

        // A wrong secret in the keychain: exit 1, with what to check.
        const Run replaced = cli({u"profiles"_s, u"set-secret"_s, u"robot"_s}, "mdb_sa_sk_wrong\n");
        QVERIFY2(replaced.exitCode == 0, replaced.describe());
        const Run wrong = cli({u"profiles"_s, u"test"_s, u"robot"_s});
        QVERIFY2(wrong.exitCode == 1, wrong.describe());
        QVERIFY(wrong.errText().contains(u"rejected the credentials"_s));
        QVERIFY(wrong.errText().contains(u"profiles set-secret robot"_s));
        QVERIFY(wrong.out.isEmpty());
        const Run fixed = cli({u"profiles"_s, u"set-secret"_s, u"robot"_s}, kSaSecret + '\n');
        QVERIFY2(fixed.exitCode == 0, fixed.describe());
        QVERIFY2(cli({u"profiles"_s, u"test"_s, u"robot"_s}).exitCode == 0, "the replaced secret works");

        const Run unknown = cli({u"profiles"_s, u"test"_s, u"nobody"_s});
        QVERIFY2(unknown.exitCode == 2, unknown.describe());
    }

    void profileOptionSignsInForOtherCommands()
    {
        if (!m_noKeychain.isEmpty())
            QSKIP(qPrintable(m_noKeychain));
        Run r = cli({u"orgs"_s, u"list"_s, u"--profile"_s, u"robot"_s, u"--output"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(!r.json().array().isEmpty());
        // The profile's default org fills --org.
        r = cli({u"projects"_s, u"list"_s, u"--profile"_s, u"robot"_s, u"--output"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.describe());
        for (const QJsonValue &v : r.json().array())
            QCOMPARE(v.toObject().value("orgId"_L1).toString(), u"65f1c0de2a9b4e0012a0c001"_s);
        // ATLAS_AI_KEYS_PROFILE does the same.
        QProcessEnvironment env = childEnvironment();
        env.insert(u"ATLAS_AI_KEYS_PROFILE"_s, u"Sim key"_s);
        r = cli({u"orgs"_s, u"list"_s}, {}, env);
        QVERIFY2(r.exitCode == 0, r.describe());
        // An unknown profile is a usage error, nothing sent.
        r = cli({u"orgs"_s, u"list"_s, u"--profile"_s, u"nobody"_s});
        QVERIFY2(r.exitCode == 2 && r.errText().contains(u"no profile named"_s), r.describe());
        // The profile wins over credentials in the environment.
        env = childEnvironment();
        env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, u"demo"_s);
        env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, u"wrong-private-key"_s);
        env.insert(u"MONGODB_ATLAS_BASE_URL"_s, m_sim->baseUrl().toString());
        r = cli({u"orgs"_s, u"list"_s, u"--profile"_s, u"robot"_s}, {}, env);
        QVERIFY2(r.exitCode == 0, r.describe());
    }

    void defaultProfile()
    {
        if (!m_noKeychain.isEmpty())
            QSKIP(qPrintable(m_noKeychain));
        // Two profiles and no default: nothing to go by.
        Run r = cli({u"orgs"_s, u"list"_s});
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY(r.errText().contains(u"MONGODB_ATLAS_CLIENT_ID"_s));
        QVERIFY(r.errText().contains(u"set-default"_s));

        r = cli({u"profiles"_s, u"set-default"_s, u"robot"_s});
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(listed(u"robot"_s).value("default"_L1).toBool(), true);
        QCOMPARE(listed(u"Sim key"_s).value("default"_L1).toBool(), false);
        r = cli({u"orgs"_s, u"list"_s, u"--verbose"_s});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.errText().contains(u"profile \"robot\""_s));

        // Credentials in the environment come before the default profile.
        QProcessEnvironment env = childEnvironment();
        env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, u"demo"_s);
        env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, u"wrong-private-key"_s);
        env.insert(u"MONGODB_ATLAS_BASE_URL"_s, m_sim->baseUrl().toString());
        r = cli({u"orgs"_s, u"list"_s}, {}, env);
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY(r.errText().contains(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s));
    }

    void removeDeletesTheKeychainEntry()
    {
        if (!m_noKeychain.isEmpty())
            QSKIP(qPrintable(m_noKeychain));
        const QString id = listed(u"Sim key"_s).value("id"_L1).toString();
        QVERIFY(!id.isEmpty());
        // Not a terminal and no --yes: refused.
        Run r = cli({u"profiles"_s, u"remove"_s, u"Sim key"_s});
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY(keychainHolds(entryKey(id, u"private-key"_s), kApiSecret));

        r = cli({u"profiles"_s, u"remove"_s, u"Sim key"_s, u"--yes"_s});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(!keychainHolds(entryKey(id, u"private-key"_s), kApiSecret));
        const QStringList left = keychainEntries();
        for (const QString &entry : left)
            QVERIFY2(!entry.contains(id), qPrintable(entry));
        QCOMPARE(left.size(), 1); // robot's
        QVERIFY(listed(u"Sim key"_s).isEmpty());
        QVERIFY(!settingsBytes().contains("Sim key"));
    }

    void importAtlasCliConfig()
    {
        if (!m_noKeychain.isEmpty())
            QSKIP(qPrintable(m_noKeychain));
        const QString path = SimProcess::testDataDir() + u"/atlascli/serviceaccount.toml"_s;
        // Not a terminal and no --yes: refused, nothing imported.
        Run r = cli({u"profiles"_s, u"import-atlascli"_s, u"--config"_s, path});
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY(listed(u"automation"_s).isEmpty());

        r = cli(
            {u"profiles"_s, u"import-atlascli"_s, u"--config"_s, path, u"--yes"_s, u"--output"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.describe());
        // What will be imported, and that the file keeps its plain-text copy.
        QVERIFY(r.errText().contains(u"[automation]"_s));
        QVERIFY2(r.errText().contains(u"plain-text copy is still in"_s), r.describe());
        QVERIFY(!r.out.contains("mdb_sa_sk_test_secret_in_file_42"));
        QVERIFY(!r.err.contains("mdb_sa_sk_test_secret_in_file_42"));
        const QJsonArray imported = r.json().array();
        QCOMPARE(imported.size(), 1);
        const QString id = imported.first().toObject().value("id"_L1).toString();
        QCOMPARE(imported.first().toObject().value("secret"_L1).toString(), u"stored"_s);
        QVERIFY(keychainHolds(entryKey(id, u"client-secret"_s), "mdb_sa_sk_test_secret_in_file_42"));
        QVERIFY(!settingsBytes().contains("mdb_sa_sk_test_secret_in_file_42"));
        QCOMPARE(listed(u"automation"_s).value("publicId"_L1).toString(),
                 u"mdb_sa_id_64b0c1d2e3f4a5b6c7d8e9f0"_s);

        // Again: the same account is already here.
        r = cli({u"profiles"_s, u"import-atlascli"_s, u"--config"_s, path, u"--yes"_s});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.errText().contains(u"skipped"_s));

        // A malformed file names the line.
        r = cli({u"profiles"_s, u"import-atlascli"_s, u"--config"_s,
                 SimProcess::testDataDir() + u"/atlascli/malformed.toml"_s, u"--yes"_s});
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY(r.errText().contains(u"line 4"_s));
    }

    // Several profiles into an empty store: none is printed as the default (there are several, and
    // none was made the default); imported again, every one is skipped, the login token too.
    void importTwiceSkipsEveryProfile()
    {
        if (!m_noKeychain.isEmpty())
            QSKIP(qPrintable(m_noKeychain));
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = childEnvironment();
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u".config"_s));
        const QString path = SimProcess::testDataDir() + u"/atlascli/multiple.toml"_s;
        Run r = cli(
            {u"profiles"_s, u"import-atlascli"_s, u"--config"_s, path, u"--yes"_s, u"--output"_s, u"json"_s},
            {}, env);
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonArray imported = r.json().array();
        QVERIFY2(imported.size() >= 4, r.describe());
        QStringList names;
        for (const QJsonValue &v : imported) {
            names << v.toObject().value("name"_L1).toString();
            QVERIFY2(!v.toObject().value("default"_L1).toBool(), r.describe());
        }
        QVERIFY2(names.contains(u"login"_s), r.describe());
        // The table says the same.
        r = cli({u"profiles"_s, u"list"_s, u"--output"_s, u"json"_s}, {}, env);
        for (const QJsonValue &v : r.json().array())
            QVERIFY2(!v.toObject().value("default"_L1).toBool(), r.describe());

        r = cli(
            {u"profiles"_s, u"import-atlascli"_s, u"--config"_s, path, u"--yes"_s, u"--output"_s, u"json"_s},
            {}, env);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.json().array().size(), 0);
        QVERIFY2(r.errText().contains(u"[login] is already profile \"login\": skipped"_s), r.describe());
        r = cli({u"profiles"_s, u"list"_s, u"--output"_s, u"json"_s}, {}, env);
        QCOMPARE(r.json().array().size(), imported.size());
        QVERIFY2(!r.out.contains("login (2)"), r.describe());

        // One profile alone is the default, and says so.
        QTemporaryDir single;
        env.insert(u"HOME"_s, single.path());
        env.insert(u"XDG_CONFIG_HOME"_s, single.filePath(u".config"_s));
        r = cli({u"profiles"_s, u"import-atlascli"_s, u"--config"_s,
                 SimProcess::testDataDir() + u"/atlascli/serviceaccount.toml"_s, u"--yes"_s, u"--output"_s,
                 u"json"_s},
                {}, env);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.json().array().size(), 1);
        QVERIFY2(r.json().array().first().toObject().value("default"_L1).toBool(), r.describe());
    }

    // A profile's secret goes only to the Atlas it was saved for: --base-url naming another one is
    // refused before the keychain is read or anything is sent, with how to make a profile for it.
    void baseUrlOfAnotherAtlasIsRefused()
    {
        if (!m_noKeychain.isEmpty())
            QSKIP(qPrintable(m_noKeychain));
        Run r = cli({u"profiles"_s, u"add"_s, u"Pinned"_s, u"--base-url"_s, m_sim->baseUrl().toString(),
                     u"--auth"_s, u"api-key"_s, u"--id"_s, u"demo"_s},
                    kApiSecret + '\n');
        QVERIFY2(r.exitCode == 0, r.describe());

        // Another "Atlas" on loopback that would receive the Digest answer or anything else.
        QTcpServer elsewhere;
        QVERIFY(elsewhere.listen(QHostAddress::LocalHost));
        const QString other = u"http://127.0.0.1:%1"_s.arg(elsewhere.serverPort());
        r = cli({u"orgs"_s, u"list"_s, u"--profile"_s, u"Pinned"_s, u"--base-url"_s, other});
        QVERIFY2(r.exitCode == 2, r.describe());
        const QString err = r.errText().simplified();
        QVERIFY2(err.contains(u"profile \"Pinned\" was saved for "_s + m_sim->baseUrl().toString()),
                 r.describe());
        QVERIFY2(err.contains(u"profiles add NAME --base-url "_s + other), r.describe());
        // The CLI has exited: a connection it made would be waiting in the backlog now.
        QVERIFY2(!elsewhere.waitForNewConnection(0), "the CLI connected to the other base URL");

        // The same Atlas spelled with a trailing slash is the same Atlas.
        r = cli({u"orgs"_s, u"list"_s, u"--profile"_s, u"Pinned"_s, u"--base-url"_s,
                 m_sim->baseUrl().toString() + u'/', u"--output"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(!r.json().array().isEmpty());
        cli({u"profiles"_s, u"remove"_s, u"Pinned"_s, u"--yes"_s});
    }

    void removeHelpNamesForce()
    {
        const Run r = cli({u"profiles"_s, u"remove"_s, u"--help"_s});
        QVERIFY2(r.exitCode == 0, r.describe());
        // The help is wrapped to the terminal's width, so words are compared with line breaks folded.
        const QString text = r.outText().simplified();
        QVERIFY2(text.contains(u"--force"_s), r.describe());
        QVERIFY2(text.contains(u"may then remain"_s) || text.contains(u"may remain"_s), r.describe());
        // The option's own line describes removing the profile, not keys create's --secret-file.
        const qsizetype option = text.indexOf(u"--force Remove the profile even if the keychain"_s);
        QVERIFY2(option >= 0, r.describe());
        QVERIFY2(!text.contains(u"--secret-file"_s), r.describe());
    }

private:
    QTemporaryDir m_home;
    QString m_service;
    QString m_noKeychain; // why the real keychain cannot be tested here; empty when it can
    std::unique_ptr<SimProcess> m_sim;
};

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cliprofiles.moc"
