// The real atlas-ai-keys-cli binary against a real atlas-sim: what a script sees (exit codes,
// standard output, standard error, files), with credentials only ever in the child's environment.
#include "hostileserver.h"
#include "simprocess.h"
#include "testenv.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <aikeys/version.h>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using aikeys::test::HostileServer;
using aikeys::test::SimProcess;

namespace {

struct Run
{
    int exitCode = -1;
    bool crashed = false;
    bool finished = false;
    QByteArray out;
    QByteArray err;

    QString errText() const { return QString::fromUtf8(err); }
    QString outText() const { return QString::fromUtf8(out); }
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    // A description for failure messages.
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + (crashed ? " (crashed)" : "") + "\n--- stdout:\n" +
               out.left(3000) + "\n--- stderr:\n" + err.left(3000);
    }
};

enum class Auth {
    None,
    ApiKey,
    ServiceAccount,
    AccessToken,
    ReadOnlyApiKey,
    WrongApiKey,
    WrongServiceAccount
};

// The test's own environment minus every Atlas variable, so a developer's real credentials can
// never leak into a test run.
// The CLI's children see no Atlas variables, no profile selection and no saved profiles of the
// developer's: their settings live in a folder of this test run.
QProcessEnvironment cleanEnvironment()
{
    static QTemporaryDir configHome;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &k : keys) {
        if (k.startsWith(u"MONGODB_ATLAS_"_s) || k == u"QT_LOGGING_RULES"_s ||
            k == u"ATLAS_AI_KEYS_PROFILE"_s)
            env.remove(k);
    }
    env.insert(u"XDG_CONFIG_HOME"_s, configHome.path());
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    return env;
}

QProcessEnvironment environmentFor(Auth auth, const QUrl &baseUrl)
{
    QProcessEnvironment env = cleanEnvironment();
    if (baseUrl.isValid())
        env.insert(u"MONGODB_ATLAS_BASE_URL"_s, baseUrl.toString());
    switch (auth) {
    case Auth::None:
        break;
    case Auth::ApiKey:
        env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, u"demo"_s);
        env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, u"demo-private-key"_s);
        break;
    case Auth::ServiceAccount:
        env.insert(u"MONGODB_ATLAS_CLIENT_ID"_s, u"mdb_sa_id_demo"_s);
        env.insert(u"MONGODB_ATLAS_CLIENT_SECRET"_s, u"mdb_sa_sk_demo"_s);
        break;
    case Auth::AccessToken:
        // A fresh one each time: the token endpoint allows 50 a minute, far more than a test asks for.
        env.insert(u"MONGODB_ATLAS_ACCESS_TOKEN"_s,
                   QString::fromUtf8(aikeys::test::fetchDemoAccessToken(baseUrl)));
        break;
    case Auth::ReadOnlyApiKey:
        env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, u"demo-readonly"_s);
        env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, u"demo-readonly-private-key"_s);
        break;
    case Auth::WrongApiKey:
        env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, u"demo"_s);
        env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, u"not-the-private-key"_s);
        break;
    case Auth::WrongServiceAccount:
        env.insert(u"MONGODB_ATLAS_CLIENT_ID"_s, u"mdb_sa_id_demo"_s);
        env.insert(u"MONGODB_ATLAS_CLIENT_SECRET"_s, u"mdb_sa_sk_wrong"_s);
        break;
    }
    return env;
}

Run runCli(const QStringList &args, const QProcessEnvironment &env, int timeoutMs = 60000,
           const QString &stdinFile = {})
{
    QProcess p;
    p.setProgram(SimProcess::cliExecutablePath());
    p.setArguments(args);
    p.setProcessEnvironment(env);
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    p.start();
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (stdinFile.isEmpty())
        p.closeWriteChannel(); // standard input is an empty pipe: not a terminal
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.exitCode = p.exitCode();
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Run runCli(const QStringList &args, Auth auth, const SimProcess &sim, int timeoutMs = 60000)
{
    return runCli(args, environmentFor(auth, sim.baseUrl()), timeoutMs);
}

const QStringList kKeyFields{u"apiKeyId"_s,  u"name"_s,      u"groupId"_s,    u"status"_s,
                             u"createdAt"_s, u"createdBy"_s, u"lastUsedAt"_s, u"maskedSecret"_s,
                             u"cloud"_s,     u"geography"_s, u"endpoint"_s};

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

const QRegularExpression kSecretPattern(u"al-[A-Za-z0-9]{20,}"_s);

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    // The first organization and its first project, found through the CLI itself.
    bool firstOrgAndProject(const SimProcess &sim, QString *org, QString *project)
    {
        const Run orgs = runCli({u"orgs"_s, u"list"_s, u"--output"_s, u"json"_s}, Auth::ApiKey, sim);
        if (orgs.exitCode != 0 || !orgs.json().isArray() || orgs.json().array().isEmpty())
            return false;
        *org = orgs.json().array().first().toObject().value("id"_L1).toString();
        const Run projects =
            runCli({u"projects"_s, u"list"_s, u"--org"_s, *org, u"--output"_s, u"json"_s}, Auth::ApiKey, sim);
        if (projects.exitCode != 0 || projects.json().array().isEmpty())
            return false;
        *project = projects.json().array().first().toObject().value("id"_L1).toString();
        return true;
    }

    QJsonObject createKey(const SimProcess &sim, Auth auth, const QString &project, const QString &name)
    {
        const Run r = runCli(
            {u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, name, u"--output"_s, u"json"_s},
            auth, sim);
        if (r.exitCode != 0)
            qWarning().noquote() << r.describe();
        return r.json().object();
    }

    int keyExitCode(const SimProcess &sim, const QString &project, const QString &keyId)
    {
        return runCli({u"keys"_s, u"get"_s, u"--project"_s, project, u"--key"_s, keyId}, Auth::ApiKey, sim)
            .exitCode;
    }

private Q_SLOTS:
    void initTestCase()
    {
        aikeys::test::prepareTestEnvironment();
        QVERIFY2(QFile::exists(SimProcess::cliExecutablePath()), qPrintable(SimProcess::cliExecutablePath()));
    }

    void everyCommand_data()
    {
        QTest::addColumn<int>("auth");
        QTest::newRow("api key (digest)") << int(Auth::ApiKey);
        QTest::newRow("service account") << int(Auth::ServiceAccount);
        QTest::newRow("access token") << int(Auth::AccessToken);
    }
    void everyCommand()
    {
        QFETCH(int, auth);
        const Auth a = Auth(auth);
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));

        Run r = runCli({u"orgs"_s, u"list"_s, u"--output"_s, u"json"_s}, a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.json().array().size() >= 2);
        const QString org = r.json().array().first().toObject().value("id"_L1).toString();
        QVERIFY(!org.isEmpty());

        r = runCli({u"projects"_s, u"list"_s, u"--output"_s, u"json"_s}, a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        const qsizetype allProjects = r.json().array().size();
        QVERIFY(allProjects >= 2);

        r = runCli({u"projects"_s, u"list"_s, u"--org"_s, org, u"--output"_s, u"json"_s}, a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonArray projects = r.json().array();
        QVERIFY(!projects.isEmpty());
        QVERIFY(projects.size() < allProjects);
        for (const QJsonValue &p : projects)
            QCOMPARE(p.toObject().value("orgId"_L1).toString(), org);
        const QString project = projects.first().toObject().value("id"_L1).toString();

        r = runCli({u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s}, a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        const qsizetype before = r.json().array().size();

        // create: the key plus its secret, once
        const QString name = u"cli key %1"_s.arg(auth);
        r = runCli(
            {u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, name, u"--output"_s, u"json"_s}, a,
            sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonObject created = r.json().object();
        QCOMPARE(created.value("name"_L1).toString(), name);
        QCOMPARE(created.value("groupId"_L1).toString(), project);
        QVERIFY(created.value("lastUsedAt"_L1).isNull());
        const QString secret = created.value("secret"_L1).toString();
        QVERIFY2(kSecretPattern.match(secret).hasMatch(), qPrintable(secret));
        QVERIFY(created.value("maskedSecret"_L1).toString().endsWith(secret.right(4)));
        QVERIFY2(r.errText().contains(u"only time"_s), r.err);
        QVERIFY(!r.err.contains(secret.toUtf8()));
        const QString keyId = created.value("apiKeyId"_L1).toString();

        // get
        r = runCli(
            {u"keys"_s, u"get"_s, u"--project"_s, project, u"--key"_s, keyId, u"--output"_s, u"json"_s}, a,
            sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.json().object().value("name"_L1).toString(), name);
        QVERIFY(!r.json().object().contains("secret"_L1));

        // rename
        const QString renamed = name + u" renamed"_s;
        r = runCli({u"keys"_s, u"rename"_s, u"--project"_s, project, u"--key"_s, keyId, u"--name"_s, renamed,
                    u"--output"_s, u"json"_s},
                   a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.json().object().value("name"_L1).toString(), renamed);
        QCOMPARE(r.json().object().value("apiKeyId"_L1).toString(), keyId);

        // list (project and org): the new key is there, its secret is not, in any format
        for (const QString &format : {u"json"_s, u"table"_s, u"csv"_s}) {
            r = runCli({u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, format}, a, sim);
            QVERIFY2(r.exitCode == 0, r.describe());
            QVERIFY2(r.outText().contains(renamed), r.describe());
            QVERIFY(!r.out.contains(secret.toUtf8()));
            r = runCli({u"keys"_s, u"list"_s, u"--org"_s, org, u"--output"_s, format}, a, sim);
            QVERIFY2(r.exitCode == 0, r.describe());
            QVERIFY2(r.outText().contains(keyId), r.describe());
            QVERIFY(!r.out.contains(secret.toUtf8()));
        }
        r = runCli({u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s}, a, sim);
        QCOMPARE(r.json().array().size(), before + 1);

        // delete, then it is gone; deleting again is still success
        r = runCli({u"keys"_s, u"delete"_s, u"--project"_s, project, u"--key"_s, keyId, u"--yes"_s}, a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.outText().contains(keyId), r.describe());
        r = runCli({u"keys"_s, u"get"_s, u"--project"_s, project, u"--key"_s, keyId}, a, sim);
        QCOMPARE(r.exitCode, 1);
        r = runCli({u"keys"_s, u"delete"_s, u"--project"_s, project, u"--key"_s, keyId, u"--yes"_s,
                    u"--output"_s, u"json"_s},
                   a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.json().object().value("result"_L1).toString(), u"alreadyGone"_s);

        // rate limits: list (project and org), set, reset one, reset all
        r = runCli({u"limits"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s}, a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonArray limits = r.json().array();
        QVERIFY(!limits.isEmpty());
        const QJsonObject firstLimit = limits.first().toObject();
        const QString group = firstLimit.value("modelGroupName"_L1).toString();
        QVERIFY(!group.isEmpty());
        QVERIFY(firstLimit.value("modelNames"_L1).isArray());
        auto projectRpm = [&] {
            const Run list =
                runCli({u"limits"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s}, a, sim);
            for (const QJsonValue &v : list.json().array()) {
                if (v.toObject().value("modelGroupName"_L1).toString() == group)
                    return v.toObject().value("requestsPerMinuteLimit"_L1).toInteger();
            }
            return qint64(-1);
        };

        r = runCli({u"limits"_s, u"list"_s, u"--org"_s, org, u"--output"_s, u"json"_s}, a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(!r.json().array().isEmpty());

        r = runCli({u"limits"_s, u"set"_s, u"--project"_s, project, u"--model-group"_s, group, u"--rpm"_s,
                    u"7"_s, u"--tpm"_s, u"7000"_s, u"--output"_s, u"json"_s},
                   a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.json().object().value("requestsPerMinuteLimit"_L1).toInteger(), 7);
        QCOMPARE(r.json().object().value("tokensPerMinuteLimit"_L1).toInteger(), 7000);
        QCOMPARE(projectRpm(), 7);

        r = runCli({u"limits"_s, u"reset"_s, u"--project"_s, project, u"--model-group"_s, group,
                    u"--output"_s, u"json"_s},
                   a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        const qint64 defaultRpm = r.json().object().value("requestsPerMinuteLimit"_L1).toInteger();
        QVERIFY(defaultRpm > 7);
        QCOMPARE(projectRpm(), defaultRpm);

        r = runCli({u"limits"_s, u"set"_s, u"--project"_s, project, u"--model-group"_s, group, u"--rpm"_s,
                    u"9"_s, u"--tpm"_s, u"9"_s},
                   a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(projectRpm(), 9);
        r = runCli({u"limits"_s, u"reset"_s, u"--project"_s, project, u"--yes"_s, u"--output"_s, u"json"_s},
                   a, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        bool found = false;
        for (const QJsonValue &v : r.json().array()) {
            if (v.toObject().value("modelGroupName"_L1).toString() == group) {
                found = true;
                QCOMPARE(v.toObject().value("requestsPerMinuteLimit"_L1).toInteger(), defaultRpm);
            }
        }
        QVERIFY(found);
        QCOMPARE(projectRpm(), defaultRpm);
    }

    void outputShapes()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));

        // json: an array of objects with exactly the API's field names, never a secret
        const Run json = runCli({u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s},
                                Auth::ApiKey, sim);
        QVERIFY2(json.exitCode == 0, json.describe());
        QVERIFY(json.json().isArray());
        const QJsonArray keys = json.json().array();
        QVERIFY(keys.size() >= 2);
        bool sawNever = false;
        for (const QJsonValue &v : keys) {
            const QJsonObject o = v.toObject();
            QCOMPARE(sorted(o.keys()), sorted(kKeyFields));
            QCOMPARE(o.value("groupId"_L1).toString(), project);
            sawNever = sawNever || o.value("lastUsedAt"_L1).isNull();
        }
        QVERIFY2(sawNever, "the demo project should hold a never-used key");
        QVERIFY(json.out.contains("\n    ")); // pretty-printed

        // table: the documented columns, one line per key plus the header, "never" for unused keys
        const Run table = runCli({u"keys"_s, u"list"_s, u"--project"_s, project}, Auth::ApiKey, sim);
        QVERIFY2(table.exitCode == 0, table.describe());
        const QStringList lines = table.outText().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), keys.size() + 1);
        const QString header = lines.first();
        QStringList columns{u"NAME"_s,    u"ID"_s,         u"STATUS"_s,        u"LAST USED"_s,
                            u"CREATED"_s, u"CREATED BY"_s, u"MASKED SECRET"_s, u"ENDPOINT"_s};
        qsizetype at = -1;
        for (const QString &c : columns) {
            const qsizetype next = header.indexOf(c, at + 1);
            QVERIFY2(next > at, qPrintable(u"column %1 missing or out of order in: %2"_s.arg(c, header)));
            at = next;
        }
        QVERIFY(!header.contains(u"PROJECT"_s));
        QVERIFY(table.outText().contains(u"never"_s));
        // Aligned: every row's ID starts in the header's ID column.
        const qsizetype idColumn = header.indexOf(u"ID"_s);
        for (const QJsonValue &v : keys) {
            const QString id = v.toObject().value("apiKeyId"_L1).toString();
            bool aligned = false;
            for (const QString &line : lines)
                aligned = aligned || line.indexOf(id) == idColumn;
            QVERIFY2(aligned, qPrintable(id));
        }

        // org listing adds the project column
        const Run orgTable = runCli({u"keys"_s, u"list"_s, u"--org"_s, org}, Auth::ApiKey, sim);
        QVERIFY2(orgTable.exitCode == 0, orgTable.describe());
        QVERIFY(orgTable.outText().section(u'\n', 0, 0).contains(u"PROJECT"_s));
        QVERIFY(orgTable.outText().contains(project));

        // csv: RFC 4180, CRLF, a header of API field names, one record per key
        const Run csv = runCli({u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"csv"_s},
                               Auth::ApiKey, sim);
        QVERIFY2(csv.exitCode == 0, csv.describe());
        QVERIFY(csv.out.endsWith("\r\n"));
        QList<QByteArray> records = csv.out.split('\n');
        QCOMPARE(records.takeLast(), QByteArray());
        QCOMPARE(records.size(), keys.size() + 1);
        for (const QByteArray &rec : std::as_const(records))
            QVERIFY(rec.endsWith('\r'));
        QCOMPARE(records.first().chopped(1), kKeyFields.join(u',').toUtf8());
        QVERIFY(!csv.out.contains("\"secret\""));

        // limits in all three formats
        const Run limitsJson = runCli(
            {u"limits"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s}, Auth::ApiKey, sim);
        QVERIFY2(limitsJson.exitCode == 0, limitsJson.describe());
        const QJsonObject limit = limitsJson.json().array().first().toObject();
        for (const char *field :
             {"modelGroupName", "modelNames", "requestsPerMinuteLimit", "tokensPerMinuteLimit"})
            QVERIFY2(limit.contains(QLatin1StringView(field)), field);
        const Run limitsTable = runCli({u"limits"_s, u"list"_s, u"--project"_s, project}, Auth::ApiKey, sim);
        QVERIFY2(limitsTable.exitCode == 0, limitsTable.describe());
        const QString limitsHeader = limitsTable.outText().section(u'\n', 0, 0);
        for (const QString &c : {u"MODEL GROUP"_s, u"MODELS"_s, u"REQUESTS/MIN"_s, u"TOKENS/MIN"_s})
            QVERIFY2(limitsHeader.contains(c), qPrintable(limitsHeader));
        QVERIFY(limitsTable.outText().contains(limit.value("modelGroupName"_L1).toString()));
        const Run limitsCsv = runCli(
            {u"limits"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"csv"_s}, Auth::ApiKey, sim);
        QVERIFY2(limitsCsv.exitCode == 0, limitsCsv.describe());
        QVERIFY(limitsCsv.out.startsWith(
            "modelGroupName,modelNames,requestsPerMinuteLimit,tokensPerMinuteLimit"));
        QCOMPARE(limitsCsv.out.count("\r\n"), limitsJson.json().array().size() + 1);

        // one item: an object in json, "Label: value" lines in a table
        const QString keyId = keys.first().toObject().value("apiKeyId"_L1).toString();
        const Run one =
            runCli({u"keys"_s, u"get"_s, u"--project"_s, project, u"--key"_s, keyId}, Auth::ApiKey, sim);
        QVERIFY2(one.exitCode == 0, one.describe());
        QVERIFY(one.outText().contains(u"ID:"_s));
        QVERIFY(one.outText().contains(keyId));
        const Run oneCsv =
            runCli({u"keys"_s, u"get"_s, u"--project"_s, project, u"--key"_s, keyId, u"--output"_s, u"csv"_s},
                   Auth::ApiKey, sim);
        QCOMPARE(oneCsv.out.count("\r\n"), 2);

        // create, table form: the fields and a Secret: line; csv: a secret column
        const Run createdTable =
            runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"table shape"_s},
                   Auth::ApiKey, sim);
        QVERIFY2(createdTable.exitCode == 0, createdTable.describe());
        const QRegularExpressionMatch m =
            QRegularExpression(u"^Secret: +(al-\\S+)$"_s, QRegularExpression::MultilineOption)
                .match(createdTable.outText());
        QVERIFY2(m.hasMatch(), createdTable.describe());
        QVERIFY(createdTable.outText().contains(u"table shape"_s));
        QVERIFY(createdTable.errText().contains(u"only time"_s));
        const Run createdCsv = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s,
                                       u"csv shape"_s, u"--output"_s, u"csv"_s},
                                      Auth::ApiKey, sim);
        QVERIFY2(createdCsv.exitCode == 0, createdCsv.describe());
        const QList<QByteArray> createdRecords = createdCsv.out.split('\n');
        QVERIFY(createdRecords.first().startsWith(QByteArray(kKeyFields.join(u',').toUtf8() + ",secret")));
        QVERIFY(kSecretPattern.match(QString::fromUtf8(createdRecords.at(1))).hasMatch());
    }

    void optionsBeforeAndAfterCommandWords()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));

        const QList<QStringList> spellings{
            {u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s},
            {u"--output"_s, u"json"_s, u"keys"_s, u"list"_s, u"--project"_s, project},
            {u"--output=json"_s, u"--project="_s + project, u"keys"_s, u"list"_s},
            {u"keys"_s, u"--output"_s, u"json"_s, u"list"_s, u"--project"_s, project},
            {u"--project"_s, project, u"keys"_s, u"list"_s, u"--output=json"_s},
        };
        QByteArray first;
        for (const QStringList &args : spellings) {
            const Run r = runCli(args, Auth::ApiKey, sim);
            QVERIFY2(r.exitCode == 0,
                     qPrintable(args.join(u' ') + u"\n"_s + QString::fromUtf8(r.describe())));
            QVERIFY(r.json().isArray());
            if (first.isEmpty())
                first = r.out;
            QCOMPARE(r.out, first);
        }

        // --base-url on the command line wins over the environment
        QProcessEnvironment env = environmentFor(Auth::ApiKey, QUrl(u"http://127.0.0.1:9"_s));
        const Run viaOption = runCli({u"orgs"_s, u"list"_s, u"--base-url"_s, sim.baseUrl().toString()}, env);
        QVERIFY2(viaOption.exitCode == 0, viaOption.describe());

        // The project and org defaults come from the environment
        env = environmentFor(Auth::ApiKey, sim.baseUrl());
        env.insert(u"MONGODB_ATLAS_PROJECT_ID"_s, project);
        const Run viaEnv = runCli({u"keys"_s, u"list"_s, u"--output"_s, u"json"_s}, env);
        QVERIFY2(viaEnv.exitCode == 0, viaEnv.describe());
        QCOMPARE(viaEnv.out, first);
        // ... and an explicit --org beats the project default instead of clashing with it
        const Run orgWins = runCli({u"keys"_s, u"list"_s, u"--org"_s, org, u"--output"_s, u"json"_s}, env);
        QVERIFY2(orgWins.exitCode == 0, orgWins.describe());
        QVERIFY(orgWins.json().array().size() >= viaEnv.json().array().size());
    }

    void orgAndProjectDefaultsForWholeOrgCommands()
    {
        // With both MONGODB_ATLAS_ORG_ID and MONGODB_ATLAS_PROJECT_ID set and no option, the listings
        // take the project, while audit and export terraform take the organization, alike.
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));
        QProcessEnvironment env = environmentFor(Auth::ApiKey, sim.baseUrl());
        env.insert(u"MONGODB_ATLAS_ORG_ID"_s, org);
        env.insert(u"MONGODB_ATLAS_PROJECT_ID"_s, project);

        const Run projectKeys = runCli({u"keys"_s, u"list"_s, u"--output"_s, u"json"_s}, env);
        QVERIFY2(projectKeys.exitCode == 0, projectKeys.describe());
        const Run orgKeys = runCli({u"keys"_s, u"list"_s, u"--org"_s, org, u"--output"_s, u"json"_s}, env);
        QVERIFY2(orgKeys.exitCode == 0, orgKeys.describe());
        // The test needs an org with keys outside the first project.
        QVERIFY(orgKeys.json().array().size() > projectKeys.json().array().size());

        const Run audit = runCli({u"audit"_s, u"--output"_s, u"json"_s}, env);
        QVERIFY2(audit.exitCode == 0 || audit.exitCode == 3, audit.describe());
        QCOMPARE(audit.json().object().value("scope"_L1).toString(), u"organization"_s);
        QCOMPARE(audit.json().object().value("keys"_L1).toArray().size(), orgKeys.json().array().size());

        const Run exported = runCli({u"export"_s, u"terraform"_s}, env);
        QVERIFY2(exported.exitCode == 0, exported.describe());
        QCOMPARE(exported.outText().count(u"resource \"mongodbatlas_ai_model_api_key\""_s),
                 orgKeys.json().array().size());
        QVERIFY2(exported.outText().contains(u"# From organization"_s), exported.describe());
        // An option still wins over both.
        const Run projectOnly = runCli({u"export"_s, u"terraform"_s, u"--project"_s, project}, env);
        QVERIFY2(projectOnly.exitCode == 0, projectOnly.describe());
        QCOMPARE(projectOnly.outText().count(u"resource \"mongodbatlas_ai_model_api_key\""_s),
                 projectKeys.json().array().size());
    }

    void limitsShowTotalsCeilingsAndHeadroom()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));

        // What the org's projects' limits add up to, per model group, from each project's listing.
        const Run projects =
            runCli({u"projects"_s, u"list"_s, u"--org"_s, org, u"--output"_s, u"json"_s}, Auth::ApiKey, sim);
        QVERIFY2(projects.exitCode == 0, projects.describe());
        QHash<QString, std::pair<qint64, qint64>> sums;
        for (const QJsonValue &p : projects.json().array()) {
            const Run limits = runCli({u"limits"_s, u"list"_s, u"--project"_s,
                                       p.toObject().value("id"_L1).toString(), u"--output"_s, u"json"_s},
                                      Auth::ApiKey, sim);
            QVERIFY2(limits.exitCode == 0, limits.describe());
            for (const QJsonValue &v : limits.json().array()) {
                auto &sum = sums[v.toObject().value("modelGroupName"_L1).toString()];
                sum.first += v.toObject().value("requestsPerMinuteLimit"_L1).toInteger();
                sum.second += v.toObject().value("tokensPerMinuteLimit"_L1).toInteger();
            }
        }

        // limits list --org: the ceilings (fields as before) with those totals, and a warning per
        // over-subscribed group on standard error.
        const Run json =
            runCli({u"limits"_s, u"list"_s, u"--org"_s, org, u"--output"_s, u"json"_s}, Auth::ApiKey, sim);
        QVERIFY2(json.exitCode == 0, json.describe());
        const QJsonArray groups = json.json().array();
        QVERIFY(!groups.isEmpty());
        QStringList over;
        QHash<QString, std::pair<qint64, qint64>> ceilings;
        for (const QJsonValue &v : groups) {
            const QJsonObject o = v.toObject();
            const QString group = o.value("modelGroupName"_L1).toString();
            const qint64 rpm = o.value("requestsPerMinuteLimit"_L1).toInteger();
            const qint64 tpm = o.value("tokensPerMinuteLimit"_L1).toInteger();
            ceilings.insert(group, {rpm, tpm});
            QVERIFY(o.value("modelNames"_L1).isArray());
            QVERIFY(o.contains("cloud"_L1));
            QCOMPARE(o.value("projectsRequestsPerMinuteTotal"_L1).toInteger(), sums.value(group).first);
            QCOMPARE(o.value("projectsTokensPerMinuteTotal"_L1).toInteger(), sums.value(group).second);
            QCOMPARE(o.value("requestsOversubscribed"_L1).toBool(), sums.value(group).first > rpm);
            QCOMPARE(o.value("tokensOversubscribed"_L1).toBool(), sums.value(group).second > tpm);
            if (sums.value(group).first > rpm || sums.value(group).second > tpm)
                over << group;
        }
        // The demo data over-subscribes groups of its first org.
        QVERIFY(!over.isEmpty());
        for (const QString &group : std::as_const(over))
            QVERIFY2(json.errText().contains(u"Warning: "_s + group + u" is over-subscribed"_s),
                     json.describe());
        QCOMPARE(json.errText().count(u"is over-subscribed"_s), over.size());

        const Run table = runCli({u"limits"_s, u"list"_s, u"--org"_s, org}, Auth::ApiKey, sim);
        QVERIFY2(table.exitCode == 0, table.describe());
        const QString header = table.outText().section(u'\n', 0, 0);
        for (const QString &c : {u"MODEL GROUP"_s, u"REQUESTS/MIN"_s, u"PROJECTS' REQUESTS/MIN"_s,
                                 u"PROJECTS' TOKENS/MIN"_s, u"OVER"_s})
            QVERIFY2(header.contains(c), qPrintable(header));
        QVERIFY(table.errText().contains(u"is over-subscribed"_s));

        const Run csv =
            runCli({u"limits"_s, u"list"_s, u"--org"_s, org, u"--output"_s, u"csv"_s}, Auth::ApiKey, sim);
        QVERIFY2(csv.exitCode == 0, csv.describe());
        QVERIFY(csv.out.startsWith("modelGroupName,modelNames,requestsPerMinuteLimit,tokensPerMinuteLimit,"));
        QVERIFY(csv.out.left(csv.out.indexOf('\n'))
                    .trimmed()
                    .endsWith(
                        ",projectsRequestsPerMinuteTotal,projectsTokensPerMinuteTotal,requestsOversubscribed,"
                        "tokensOversubscribed"));
        QCOMPARE(csv.out.count("\r\n"), groups.size() + 1);

        // limits set: the new limit with the org's ceiling and the headroom left, as list --project.
        const QString group = groups.first().toObject().value("modelGroupName"_L1).toString();
        const qint64 ceilingRpm = ceilings.value(group).first;
        const qint64 ceilingTpm = ceilings.value(group).second;
        Run r = runCli({u"limits"_s, u"set"_s, u"--project"_s, project, u"--model-group"_s, group, u"--rpm"_s,
                        u"7"_s, u"--tpm"_s, u"7000"_s, u"--output"_s, u"json"_s},
                       Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QJsonObject o = r.json().object();
        QCOMPARE(o.value("modelGroupName"_L1).toString(), group);
        QCOMPARE(o.value("requestsPerMinuteLimit"_L1).toInteger(), 7);
        QCOMPARE(o.value("orgRequestsPerMinuteLimit"_L1).toInteger(), ceilingRpm);
        QCOMPARE(o.value("orgTokensPerMinuteLimit"_L1).toInteger(), ceilingTpm);
        QCOMPARE(o.value("requestsHeadroom"_L1).toInteger(), ceilingRpm - 7);
        QCOMPARE(o.value("tokensHeadroom"_L1).toInteger(), ceilingTpm - 7000);
        r = runCli({u"limits"_s, u"set"_s, u"--project"_s, project, u"--model-group"_s, group, u"--rpm"_s,
                    u"8"_s, u"--tpm"_s, u"8000"_s},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.outText().section(u'\n', 0, 0).contains(u"HEADROOM"_s), r.describe());
        QVERIFY2(r.outText().contains(QString::number(ceilingRpm - 8)), r.describe());
        r = runCli({u"limits"_s, u"set"_s, u"--project"_s, project, u"--model-group"_s, group, u"--rpm"_s,
                    u"9"_s, u"--tpm"_s, u"9000"_s, u"--output"_s, u"csv"_s},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.out.contains(
            ",orgRequestsPerMinuteLimit,orgTokensPerMinuteLimit,requestsHeadroom,tokensHeadroom"));
        QCOMPARE(r.out.count("\r\n"), 2);

        // limits reset of one group: one object; of all: an array; both with ceiling and headroom.
        r = runCli({u"limits"_s, u"reset"_s, u"--project"_s, project, u"--model-group"_s, group,
                    u"--output"_s, u"json"_s},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        o = r.json().object();
        const qint64 defaultRpm = o.value("requestsPerMinuteLimit"_L1).toInteger();
        QVERIFY(defaultRpm > 9);
        QCOMPARE(o.value("orgRequestsPerMinuteLimit"_L1).toInteger(), ceilingRpm);
        QCOMPARE(o.value("requestsHeadroom"_L1).toInteger(), ceilingRpm - defaultRpm);
        r = runCli({u"limits"_s, u"reset"_s, u"--project"_s, project, u"--yes"_s, u"--output"_s, u"json"_s},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(!r.json().array().isEmpty());
        for (const QJsonValue &v : r.json().array()) {
            const QJsonObject l = v.toObject();
            const auto c = ceilings.value(l.value("modelGroupName"_L1).toString());
            QCOMPARE(l.value("orgRequestsPerMinuteLimit"_L1).toInteger(), c.first);
            QCOMPARE(l.value("requestsHeadroom"_L1).toInteger(),
                     c.first - l.value("requestsPerMinuteLimit"_L1).toInteger());
        }
        r = runCli({u"limits"_s, u"reset"_s, u"--project"_s, project, u"--yes"_s}, Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.outText().section(u'\n', 0, 0).contains(u"ORG MAX"_s));
    }

    void limitsOfAnOrgWhoseProjectsCannotBeRead()
    {
        QString org;
        {
            SimProcess probe;
            QVERIFY2(probe.start(), qPrintable(probe.errorString()));
            QString project;
            QVERIFY(firstOrgAndProject(probe, &org, &project));
        }
        // The projects cannot be listed: the ceilings alone, totals null, and a notice.
        SimProcess noProjects({u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"403"_s, u"--fault-match"_s,
                               u"GET /api/atlas/v2/orgs/*/groups"_s});
        QVERIFY2(noProjects.start(), qPrintable(noProjects.errorString()));
        Run r = runCli({u"limits"_s, u"list"_s, u"--org"_s, org, u"--output"_s, u"json"_s}, Auth::ApiKey,
                       noProjects);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.errText().contains(u"their totals are not shown"_s), r.describe());
        QVERIFY(!r.json().array().isEmpty());
        for (const QJsonValue &v : r.json().array()) {
            QVERIFY(v.toObject().value("requestsPerMinuteLimit"_L1).toInteger() > 0);
            QVERIFY(v.toObject().value("projectsRequestsPerMinuteTotal"_L1).isNull());
            QVERIFY(v.toObject().value("requestsOversubscribed"_L1).isNull());
        }

        // No project's limits can be read: the sums leave them out, and a notice says how many.
        SimProcess noLimits({u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"403"_s, u"--fault-match"_s,
                             u"GET /api/atlas/v2/groups/*/aiModelApiRateLimits"_s});
        QVERIFY2(noLimits.start(), qPrintable(noLimits.errorString()));
        r = runCli({u"limits"_s, u"list"_s, u"--org"_s, org, u"--output"_s, u"json"_s}, Auth::ApiKey,
                   noLimits);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.errText().contains(u"could not be read and are left out of the totals"_s), r.describe());
        for (const QJsonValue &v : r.json().array()) {
            QCOMPARE(v.toObject().value("projectsRequestsPerMinuteTotal"_L1).toInteger(), 0);
            QCOMPARE(v.toObject().value("requestsOversubscribed"_L1).toBool(true), false);
        }
        QVERIFY(!r.errText().contains(u"over-subscribed"_s));
    }

    void helpAtEveryLevel_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("top") << QStringList{u"--help"_s} << QStringList{u"Usage: atlas-ai-keys-cli"_s,
                                                                        u"keys create"_s,
                                                                        u"limits reset"_s,
                                                                        u"orgs list"_s,
                                                                        u"MONGODB_ATLAS_CLIENT_ID"_s,
                                                                        u"--output"_s};
        QTest::newRow("top -h") << QStringList{u"-h"_s} << QStringList{u"Usage: atlas-ai-keys-cli"_s};
        QTest::newRow("group") << QStringList{u"keys"_s, u"--help"_s}
                               << QStringList{
                                      u"keys list (--project PROJECT_ID | --org ORG_ID)"_s,
                                      u"keys create --project PROJECT_ID --name NAME [--secret-file PATH]"_s,
                                      u"keys delete --project PROJECT_ID --key KEY_ID [--yes]"_s};
        QTest::newRow("group first") << QStringList{u"--help"_s, u"limits"_s}
                                     << QStringList{u"limits set --project PROJECT_ID --model-group GROUP"_s};
        QTest::newRow("command") << QStringList{u"keys"_s, u"create"_s, u"--help"_s}
                                 << QStringList{
                                        u"Usage: atlas-ai-keys-cli keys create --project PROJECT_ID"_s,
                                        u"--secret-file PATH"_s, u"--output FORMAT"_s, u"--force"_s,
                                        u"unless --force"_s};
        QTest::newRow("declining a delete")
            << QStringList{u"keys"_s, u"delete"_s, u"--help"_s}
            << QStringList{u"declining deletes nothing and exits with code 1"_s,
                           u"--yes is required (exit code 2 without it)"_s};
        QTest::newRow("resetting every limit")
            << QStringList{u"limits"_s, u"reset"_s, u"--help"_s}
            << QStringList{u"With --model-group one group is reset, without asking."_s, u"it needs --yes"_s,
                           u"declining changes nothing, exit code 1"_s};
        QTest::newRow("top exit codes")
            << QStringList{u"--help"_s}
            << QStringList{u"Exit codes: 0 done"_s, u"3 audit found a stale or never-used key"_s};
        QTest::newRow("command -h, other options ignored")
            << QStringList{u"limits"_s, u"set"_s, u"--rpm"_s, u"abc"_s, u"-h"_s}
            << QStringList{u"--rpm N"_s, u"--tpm N"_s};
        QTest::newRow("projects") << QStringList{u"projects"_s, u"list"_s, u"--help"_s}
                                  << QStringList{u"[--org ORG_ID]"_s};
    }
    void helpAtEveryLevel()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        // No credentials at all: help must not need them.
        const Run r = runCli(args, cleanEnvironment());
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.err.isEmpty(), r.describe());
        // Help is wrapped to the terminal's width: compare with line breaks and indents as spaces.
        const QString out = r.outText().simplified();
        for (const QString &e : expected)
            QVERIFY2(out.contains(e), qPrintable(e + u"\n"_s + r.outText()));
    }

    void version()
    {
        const Run r = runCli({u"--version"_s}, cleanEnvironment());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("atlas-ai-keys-cli " AIKEYS_VERSION "\n"));
        const Run after = runCli({u"keys"_s, u"list"_s, u"--version"_s}, cleanEnvironment());
        QCOMPARE(after.exitCode, 0);
        QCOMPARE(after.out, r.out);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        const QString p = u"66a0b1c2d3e4f5a6b7c8d101"_s;

        QTest::newRow("no command") << QStringList() << u"No command"_s;
        QTest::newRow("unknown command")
            << QStringList{u"frobnicate"_s} << u"Unknown command \"frobnicate\""_s;
        QTest::newRow("group alone") << QStringList{u"keys"_s} << u"needs a subcommand"_s;
        QTest::newRow("unknown subcommand") << QStringList{u"keys"_s, u"lst"_s} << u"\"keys lst\""_s;
        QTest::newRow("unknown option") << QStringList{u"keys"_s, u"list"_s, u"--project"_s, p, u"--bogus"_s}
                                        << u"Unknown option --bogus"_s;
        QTest::newRow("unknown short option")
            << QStringList{u"orgs"_s, u"list"_s, u"-x"_s} << u"Unknown option -x"_s;
        QTest::newRow("missing project")
            << QStringList{u"keys"_s, u"get"_s, u"--key"_s, u"abc"_s} << u"Missing --project PROJECT_ID"_s;
        QTest::newRow("missing key") << QStringList{u"keys"_s, u"get"_s, u"--project"_s, p}
                                     << u"Missing --key"_s;
        QTest::newRow("neither project nor org") << QStringList{u"keys"_s, u"list"_s}
                                                 << u"--project PROJECT_ID or "
                                                    u"--org ORG_ID"_s;
        QTest::newRow("both project and org")
            << QStringList{u"keys"_s, u"list"_s, u"--project"_s, p, u"--org"_s, p} << u"not both"_s;
        QTest::newRow("bad output") << QStringList{u"orgs"_s, u"list"_s, u"--output"_s, u"xml"_s}
                                    << u"\"xml\""_s;
        QTest::newRow("non-numeric rpm")
            << QStringList{u"limits"_s,      u"set"_s,   u"--project"_s, p,          u"--model-group"_s,
                           u"embed_large"_s, u"--rpm"_s, u"lots"_s,      u"--tpm"_s, u"5"_s}
            << u"--rpm: \"lots\" is not a whole number"_s;
        QTest::newRow("zero tpm") << QStringList{u"limits"_s,        u"set"_s,         u"--project"_s, p,
                                                 u"--model-group"_s, u"embed_large"_s, u"--rpm"_s,     u"5"_s,
                                                 u"--tpm=0"_s}
                                  << u"--tpm: must be at least 1"_s;
        QTest::newRow("bad project id")
            << QStringList{u"keys"_s, u"list"_s, u"--project"_s, u"123"_s} << u"not a project ID"_s;
        QTest::newRow("bad org id") << QStringList{u"projects"_s, u"list"_s, u"--org=xyz"_s}
                                    << u"not an organization ID"_s;
        QTest::newRow("empty key id")
            << QStringList{u"keys"_s, u"get"_s, u"--project"_s, p, u"--key="_s} << u"key ID is empty"_s;
        QTest::newRow("empty name") << QStringList{u"keys"_s, u"create"_s, u"--project"_s, p, u"--name="_s}
                                    << u"--name"_s;
        QTest::newRow("name too long")
            << QStringList{u"keys"_s, u"create"_s, u"--project"_s, p, u"--name"_s, QString(251, u'n')}
            << u"251"_s;
        QTest::newRow("option of another command")
            << QStringList{u"keys"_s, u"list"_s, u"--project"_s, p, u"--yes"_s} << u"--yes does not apply"_s;
        QTest::newRow("option twice")
            << QStringList{u"keys"_s, u"list"_s, u"--project"_s, p, u"--project"_s, p} << u"more than once"_s;
        QTest::newRow("value missing at the end")
            << QStringList{u"keys"_s, u"list"_s, u"--project"_s} << u"--project needs a value"_s;
        QTest::newRow("value missing before an option")
            << QStringList{u"keys"_s, u"create"_s, u"--project"_s, u"--name"_s, u"x"_s}
            << u"--project needs a value"_s;
        QTest::newRow("flag with a value")
            << QStringList{u"keys"_s, u"delete"_s, u"--project"_s, p, u"--key"_s, u"k"_s, u"--yes=no"_s}
            << u"--yes takes no value"_s;
        QTest::newRow("extra word") << QStringList{u"keys"_s, u"list"_s, u"--project"_s, p, u"extra"_s}
                                    << u"Unexpected argument \"extra\""_s;
        QTest::newRow("bad timeout") << QStringList{u"orgs"_s, u"list"_s, u"--timeout"_s, u"soon"_s}
                                     << u"--timeout"_s;
        QTest::newRow("plain http to another host")
            << QStringList{u"orgs"_s, u"list"_s, u"--base-url"_s, u"http://example.com"_s} << u"--base-url"_s;
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        // Valid credentials and a base URL where nothing listens: had anything been sent, the
        // exit code would be 1 (network error), not 2.
        const Run r = runCli(args, environmentFor(Auth::ApiKey, QUrl(u"http://127.0.0.1:9"_s)));
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.out.isEmpty(), r.describe());
        QVERIFY2(r.errText().contains(needle), qPrintable(needle + u"\n"_s + r.errText()));
        QVERIFY2(r.errText().contains(u"--help"_s), r.describe());
    }

    void environmentProblemsAreUsageErrors()
    {
        const QStringList args{u"orgs"_s, u"list"_s};
        // No credentials: every variable is named.
        Run r = runCli(args, environmentFor(Auth::None, QUrl(u"http://127.0.0.1:9"_s)));
        QVERIFY2(r.exitCode == 2, r.describe());
        for (const char *v :
             {"MONGODB_ATLAS_CLIENT_ID", "MONGODB_ATLAS_CLIENT_SECRET", "MONGODB_ATLAS_PUBLIC_API_KEY",
              "MONGODB_ATLAS_PRIVATE_API_KEY", "MONGODB_ATLAS_ACCESS_TOKEN"})
            QVERIFY2(r.err.contains(v), r.describe());

        // A half-set pair names the missing variable and never echoes the secret.
        QProcessEnvironment env = environmentFor(Auth::None, QUrl(u"http://127.0.0.1:9"_s));
        env.insert(u"MONGODB_ATLAS_CLIENT_SECRET"_s, u"mdb_sa_sk_half"_s);
        r = runCli(args, env);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.errText().contains(u"MONGODB_ATLAS_CLIENT_ID is not"_s), r.describe());
        QVERIFY(!r.err.contains("mdb_sa_sk_half"));

        // A bad base URL in the environment names the variable.
        env = environmentFor(Auth::ApiKey, QUrl());
        env.insert(u"MONGODB_ATLAS_BASE_URL"_s, u"ftp://cloud.mongodb.com"_s);
        r = runCli(args, env);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.errText().contains(u"MONGODB_ATLAS_BASE_URL"_s), r.describe());

        // A bad project default names the variable it came from.
        env = environmentFor(Auth::ApiKey, QUrl(u"http://127.0.0.1:9"_s));
        env.insert(u"MONGODB_ATLAS_PROJECT_ID"_s, u"nope"_s);
        r = runCli({u"keys"_s, u"list"_s}, env);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.errText().contains(u"MONGODB_ATLAS_PROJECT_ID: \"nope\""_s), r.describe());
    }

    void notFoundIsAnApiError()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));
        const Run r = runCli({u"keys"_s, u"get"_s, u"--project"_s, project, u"--key"_s, u"no-such-key"_s},
                             Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.errText().contains(u"404"_s), r.describe());
        QVERIFY2(r.errText().contains(u"RESOURCE_NOT_FOUND"_s), r.describe());
        // message() and hint() both
        QVERIFY2(r.errText().contains(u"It may have been deleted"_s), r.describe());

        const Run rename = runCli({u"keys"_s, u"rename"_s, u"--project"_s, project, u"--key"_s,
                                   u"no-such-key"_s, u"--name"_s, u"x"_s},
                                  Auth::ServiceAccount, sim);
        QVERIFY2(rename.exitCode == 1, rename.describe());
        QVERIFY(rename.errText().contains(u"404"_s));

        const Run group = runCli({u"limits"_s, u"set"_s, u"--project"_s, project, u"--model-group"_s,
                                  u"no_such_group"_s, u"--rpm"_s, u"1"_s, u"--tpm"_s, u"1"_s},
                                 Auth::ApiKey, sim);
        QVERIFY2(group.exitCode == 1, group.describe());
        QVERIFY(group.errText().contains(u"404"_s));
    }

    void readOnlyCreateNamesTheRole()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));
        const Run r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"nope"_s},
                             Auth::ReadOnlyApiKey, sim);
        // Atlas answers 401 USER_UNAUTHORIZED: a missing role, not wrong credentials.
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.errText().contains(u"USER_UNAUTHORIZED"_s), r.describe());
        QVERIFY2(r.errText().contains(u"Project Model Owner"_s), r.describe());
        QVERIFY2(r.errText().contains(u"signing in again will not help"_s), r.describe());
        QVERIFY2(!r.errText().contains(u"rejected the credentials"_s), r.describe());
        // ... and reading still works for that principal
        const Run list = runCli({u"keys"_s, u"list"_s, u"--project"_s, project}, Auth::ReadOnlyApiKey, sim);
        QVERIFY2(list.exitCode == 0, list.describe());
        QVERIFY(!list.outText().contains(u"nope"_s));
    }

    void ipAccessListSaysTheAddressAndWhere()
    {
        SimProcess listed({u"--access-list"_s, u"demo=10.0.0.0/8"_s});
        QVERIFY2(listed.start(), qPrintable(listed.errorString()));
        const Run r = runCli({u"orgs"_s, u"list"_s}, Auth::ApiKey, listed);
        QVERIFY2(r.exitCode == 1, r.describe());
        // What happened and the address first, then where in Atlas to add it.
        QVERIFY2(r.errText().startsWith(u"Error: Atlas refused the request from 127.0.0.1"_s), r.describe());
        QVERIFY2(r.errText().contains(u"IP_ADDRESS_NOT_ON_ACCESS_LIST"_s), r.describe());
        QVERIFY2(r.errText().contains(u"Add 127.0.0.1 to the API access list"_s), r.describe());
        QVERIFY2(r.errText().contains(u"Access Manager"_s), r.describe());

        SimProcess required({u"--require-access-list"_s});
        QVERIFY2(required.start(), qPrintable(required.errorString()));
        const Run o = runCli({u"orgs"_s, u"list"_s}, Auth::ServiceAccount, required);
        QVERIFY2(o.exitCode == 1, o.describe());
        QVERIFY2(o.errText().contains(u"the organization requires an API access list"_s), o.describe());
        QVERIFY2(o.errText().contains(u"ORG_REQUIRES_ACCESS_LIST"_s), o.describe());
        QVERIFY2(o.errText().contains(u"Add 127.0.0.1"_s), o.describe());
    }

    void deleteInAMissingProjectIsAnError()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        const QString missing = u"66a0b1c2d3e4f5a6b7c8d1ff"_s;
        const Run r = runCli({u"keys"_s, u"delete"_s, u"--project"_s, missing, u"--key"_s,
                              u"a86r5kwrfsk5r5ku5tgvhmpj"_s, u"--yes"_s},
                             Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.errText().contains(u"GROUP_NOT_FOUND"_s), r.describe());
        QVERIFY2(r.errText().contains(u"The project %1 does not exist"_s.arg(missing)), r.describe());
    }

    void unreadableCreateSaysTheKeyExists()
    {
        // The create is carried out, and its 201 comes back cut in half.
        SimProcess sim({u"--malformed-rate"_s, u"1"_s, u"--fault-match"_s,
                        u"POST /api/atlas/v2/groups/*/aiModelApiKeys"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));
        const Run r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"cut short"_s},
                             Auth::ApiKey, sim);
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.errText().contains(u"\"cut short\""_s), r.describe());
        QVERIFY2(r.errText().contains(u"was created in project %1"_s.arg(project)), r.describe());
        QVERIFY2(r.errText().contains(u"keys delete --project %1 --key "_s.arg(project)), r.describe());
        QVERIFY2(!r.errText().contains(u"base URL"_s), r.describe());
        // It does exist, under that name.
        const Run list = runCli({u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s},
                                Auth::ApiKey, sim);
        QString id;
        for (const QJsonValue &k : list.json().array()) {
            if (k.toObject().value("name"_L1).toString() == u"cut short"_s)
                id = k.toObject().value("apiKeyId"_L1).toString();
        }
        QVERIFY(!id.isEmpty());
        QVERIFY2(r.errText().contains(u"(ID %1)"_s.arg(id)), r.describe());
    }

    void lostAnswersAreCheckedAndRetried()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));
        const QJsonObject key = createKey(sim, Auth::ApiKey, project, u"to be renamed"_s);
        const QString id = key.value("apiKeyId"_L1).toString();
        QVERIFY(!id.isEmpty());

        // A rename whose 200 is unreadable happened: done.
        SimProcess cut({u"--malformed-rate"_s, u"1"_s, u"--fault-match"_s, u"PATCH *"_s});
        QVERIFY2(cut.start(), qPrintable(cut.errorString()));
        QString org2, project2;
        QVERIFY(firstOrgAndProject(cut, &org2, &project2));
        const QString id2 =
            createKey(cut, Auth::ApiKey, project2, u"before"_s).value("apiKeyId"_L1).toString();
        Run r = runCli({u"keys"_s, u"rename"_s, u"--project"_s, project2, u"--key"_s, id2, u"--name"_s,
                        u"after"_s, u"--output"_s, u"json"_s},
                       Auth::ApiKey, cut);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.json().object().value("name"_L1).toString(), u"after"_s);
        QVERIFY2(r.errText().contains(u"could not be read"_s), r.describe());

        // A delete whose first answer is dropped is retried; the retry's 404 means it was deleted.
        SimProcess dropped(
            {u"--drop-rate"_s, u"1"_s, u"--fault-count"_s, u"1"_s, u"--fault-match"_s, u"DELETE *"_s});
        QVERIFY2(dropped.start(), qPrintable(dropped.errorString()));
        QString org3, project3;
        QVERIFY(firstOrgAndProject(dropped, &org3, &project3));
        const QString id3 =
            createKey(dropped, Auth::ApiKey, project3, u"doomed"_s).value("apiKeyId"_L1).toString();
        r = runCli({u"keys"_s, u"delete"_s, u"--project"_s, project3, u"--key"_s, id3, u"--yes"_s,
                    u"--output"_s, u"json"_s},
                   Auth::ApiKey, dropped);
        QVERIFY2(r.exitCode == 0, r.describe());
        // Qt itself may resend a DELETE whose connection closed before any answer; then the one
        // retry Atlas sees answers 404 at once, and the key is reported gone either way.
        const QString result = r.json().object().value("result"_L1).toString();
        QVERIFY2(result == u"deleted"_s || result == u"alreadyGone"_s, r.describe());
        QCOMPARE(
            runCli({u"keys"_s, u"get"_s, u"--project"_s, project3, u"--key"_s, id3}, Auth::ApiKey, dropped)
                .exitCode,
            1);

        // Every answer to key requests hangs: the create's outcome is not known (exit 4, "may have").
        SimProcess hung(
            {u"--hang-rate"_s, u"1"_s, u"--fault-match"_s, u"* /api/atlas/v2/groups/*/aiModelApiKeys*"_s});
        QVERIFY2(hung.start(), qPrintable(hung.errorString()));
        QString org4, project4;
        QVERIFY(firstOrgAndProject(hung, &org4, &project4));
        r = runCli({u"--timeout"_s, u"1"_s, u"keys"_s, u"create"_s, u"--project"_s, project4, u"--name"_s,
                    u"in limbo"_s},
                   Auth::ApiKey, hung);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.errText().contains(u"may have been created"_s), r.describe());
        r = runCli({u"--timeout"_s, u"1"_s, u"keys"_s, u"delete"_s, u"--project"_s, project4, u"--key"_s,
                    u"a86r5kwrfsk5r5ku5tgvhmpj"_s, u"--yes"_s},
                   Auth::ApiKey, hung);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.errText().contains(u"may have been deleted"_s), r.describe());
    }

    void oddListItemsAreCountedNotFatal()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile seed(dir.filePath(u"seed.json"_s));
        QVERIFY(seed.open(QIODevice::WriteOnly));
        seed.write(R"({"orgs":[{"id":"5f0000000000000000000001","name":"Org"}],
            "projects":[{"id":"6a0000000000000000000001","orgId":"5f0000000000000000000001","name":"p"}],
            "keys":[{"groupId":"6a0000000000000000000001","name":"fine","lastUsedAt":"-2h"},
                    {"groupId":"6a0000000000000000000001","name":"odd","lastUsedAtRaw":"last tuesday"},
                    {"groupId":"6a0000000000000000000001","name":"odder","lastUsedAtRaw":{"when":1}}]})");
        seed.close();
        SimProcess sim({u"--data"_s, seed.fileName()});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        const Run r =
            runCli({u"keys"_s, u"list"_s, u"--project"_s, u"6a0000000000000000000001"_s}, Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.outText().contains(u"fine"_s) && r.outText().contains(u"odder"_s), r.describe());
        QVERIFY2(r.outText().contains(u"unknown"_s), r.describe());
        QVERIFY2(r.errText().contains(u"2 item(s) this program could not read completely"_s), r.describe());
        const Run j = runCli(
            {u"keys"_s, u"list"_s, u"--project"_s, u"6a0000000000000000000001"_s, u"--output"_s, u"json"_s},
            Auth::ApiKey, sim);
        QCOMPARE(j.json().array().size(), 3);
        int unknown = 0;
        for (const QJsonValue &k : j.json().array())
            unknown += k.toObject().value("lastUsedUnknown"_L1).toBool();
        QCOMPARE(unknown, 2);
    }

    void wrongCredentials_data()
    {
        QTest::addColumn<int>("auth");
        QTest::newRow("api key") << int(Auth::WrongApiKey);
        QTest::newRow("service account") << int(Auth::WrongServiceAccount);
    }
    void wrongCredentials()
    {
        QFETCH(int, auth);
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QElapsedTimer timer;
        timer.start();
        const Run r = runCli({u"orgs"_s, u"list"_s}, Auth(auth), sim, 30000);
        QVERIFY2(r.finished, "the CLI hung on wrong credentials");
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY2(r.errText().contains(u"credentials"_s), r.describe());
        QVERIFY(!r.err.contains("not-the-private-key"));
        QVERIFY(!r.err.contains("mdb_sa_sk_wrong"));
        QVERIFY2(timer.elapsed() < 20000, "wrong credentials must fail fast, not retry");
    }

    void secretFile()
    {
#ifndef Q_OS_UNIX
        QSKIP("checks Unix file modes");
#else
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"new-key.secret"_s);

        Run r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"to a file"_s,
                        u"--secret-file"_s, path, u"--output"_s, u"json"_s},
                       Auth::ServiceAccount, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0600);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        QVERIFY(contents.endsWith('\n'));
        const QByteArray secret = contents.chopped(1);
        QVERIFY2(kSecretPattern.match(QString::fromUtf8(secret)).hasMatch(), contents);
        QCOMPARE(kSecretPattern.match(QString::fromUtf8(secret)).capturedLength(), secret.size());
        // Standard output has the key and where the secret went, not the secret.
        QVERIFY(!r.out.contains(secret));
        QVERIFY(!r.err.contains(secret));
        const QJsonObject key = r.json().object();
        QVERIFY(!key.contains("secret"_L1));
        QCOMPARE(key.value("secretFile"_L1).toString(), path);
        QVERIFY(key.value("maskedSecret"_L1).toString().endsWith(QString::fromUtf8(secret.right(4))));

        // Table form says where the secret went.
        const QString path2 = dir.filePath(u"second.secret"_s);
        r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"to a file 2"_s,
                    u"--secret-file="_s + path2},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.outText().contains(path2));
        QVERIFY(!kSecretPattern.match(r.outText()).hasMatch());

        // An existing file is refused before any key is created, and left as it was.
        const QString existing = dir.filePath(u"existing.secret"_s);
        const QByteArray oldContents =
            "old contents that are longer than any secret would be, to prove nothing is reused\n";
        {
            QFile f(existing);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(oldContents);
        }
        QVERIFY(::chmod(QFile::encodeName(existing).constData(), 0644) == 0);
        const auto keyCount = [&] {
            return runCli({u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s},
                          Auth::ApiKey, sim)
                .json()
                .array()
                .size();
        };
        const qsizetype keysBeforeRefusal = keyCount();
        r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"overwrite"_s,
                    u"--secret-file"_s, existing},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.errText().contains(u"already exists"_s) && r.errText().contains(u"--force"_s) &&
                     r.errText().contains(u"No key was created"_s),
                 r.describe());
        QCOMPARE(keyCount(), keysBeforeRefusal);
        {
            QFile f(existing);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), oldContents);
        }
        QCOMPARE(::stat(QFile::encodeName(existing).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0644);
        // --force without --secret-file makes no sense: refused too.
        r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"forced"_s, u"--force"_s},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.errText().contains(u"--secret-file"_s), r.describe());
        QCOMPARE(keyCount(), keysBeforeRefusal);

        // --force replaces it with a new private file; a reader that had the old one open keeps
        // reading the old contents, never the secret.
        QFile oldReader(existing);
        QVERIFY(oldReader.open(QIODevice::ReadOnly));
        r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"overwrite"_s,
                    u"--secret-file"_s, existing, u"--force"_s},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(::stat(QFile::encodeName(existing).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0600);
        QFile again(existing);
        QVERIFY(again.open(QIODevice::ReadOnly));
        const QByteArray overwritten = again.readAll();
        QVERIFY(!overwritten.contains("old contents"));
        QVERIFY(kSecretPattern.match(QString::fromUtf8(overwritten)).hasMatch());
        QCOMPARE(oldReader.readAll(), oldContents);
        // Nothing is left behind in the folder but the files named above.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name),
                 (QStringList{u"existing.secret"_s, u"new-key.secret"_s, u"second.secret"_s}));

        // A symbolic link, or a folder that does not exist: refused before any key is created.
        const Run countBefore = runCli(
            {u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s}, Auth::ApiKey, sim);
        const QString target = dir.filePath(u"target"_s);
        const QString link = dir.filePath(u"link.secret"_s);
        QVERIFY(QFile::link(target, link));
        r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"via link"_s,
                    u"--secret-file"_s, link},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.errText().contains(u"symbolic link"_s), r.describe());
        QVERIFY(!QFile::exists(target));
        r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"nowhere"_s,
                    u"--secret-file"_s, dir.filePath(u"missing/dir/key.secret"_s)},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.errText().contains(u"No key was created"_s), r.describe());
        // A create that fails leaves an existing file as it was (even with --force), and removes one
        // it created.
        r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"refused"_s,
                    u"--secret-file"_s, existing, u"--force"_s},
                   Auth::ReadOnlyApiKey, sim);
        QVERIFY2(r.exitCode == 1, r.describe());
        QFile unchanged(existing);
        QVERIFY(unchanged.open(QIODevice::ReadOnly));
        QCOMPARE(unchanged.readAll(), overwritten);
        const QString fresh = dir.filePath(u"fresh.secret"_s);
        r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"refused"_s,
                    u"--secret-file"_s, fresh},
                   Auth::ReadOnlyApiKey, sim);
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY(!QFile::exists(fresh));
        const Run countAfter = runCli(
            {u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s}, Auth::ApiKey, sim);
        QCOMPARE(countAfter.json().array().size(), countBefore.json().array().size());
#endif
    }

    void deleteNeedsConfirmation()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));
        const QString keyId =
            createKey(sim, Auth::ApiKey, project, u"to delete"_s).value("apiKeyId"_L1).toString();
        QVERIFY(!keyId.isEmpty());

        // No terminal, no --yes: refused, nothing deleted.
        Run r =
            runCli({u"keys"_s, u"delete"_s, u"--project"_s, project, u"--key"_s, keyId}, Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.errText().contains(u"--yes"_s), r.describe());
        QCOMPARE(keyExitCode(sim, project, keyId), 0);

        // Resetting every rate limit is guarded the same way: refused without --yes, and nothing is
        // changed. Resetting one group needs no confirmation.
        const auto limitsOf = [&] {
            return runCli({u"limits"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s},
                          Auth::ApiKey, sim)
                .json()
                .array();
        };
        const QString group = limitsOf().first().toObject().value("modelGroupName"_L1).toString();
        QVERIFY(!group.isEmpty());
        const auto rpmOf = [&](const QString &g) {
            for (const QJsonValue &v : limitsOf()) {
                if (v.toObject().value("modelGroupName"_L1).toString() == g)
                    return v.toObject().value("requestsPerMinuteLimit"_L1).toInteger();
            }
            return qint64(-1);
        };
        r = runCli({u"limits"_s, u"set"_s, u"--project"_s, project, u"--model-group"_s, group, u"--rpm"_s,
                    u"11"_s, u"--tpm"_s, u"11"_s},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        r = runCli({u"limits"_s, u"reset"_s, u"--project"_s, project}, Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.errText().contains(u"--yes"_s), r.describe());
        QVERIFY2(r.errText().contains(u"--model-group"_s), r.describe());
        QCOMPARE(rpmOf(group), 11);
        r = runCli({u"limits"_s, u"reset"_s, u"--project"_s, project, u"--model-group"_s, group},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(rpmOf(group) > 11);
        r = runCli({u"limits"_s, u"set"_s, u"--project"_s, project, u"--model-group"_s, group, u"--rpm"_s,
                    u"12"_s, u"--tpm"_s, u"12"_s},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        r = runCli({u"limits"_s, u"reset"_s, u"--project"_s, project, u"--yes"_s}, Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(rpmOf(group) > 12);

        // --yes: gone.
        r = runCli({u"keys"_s, u"delete"_s, u"--yes"_s, u"--project"_s, project, u"--key"_s, keyId},
                   Auth::ServiceAccount, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(keyExitCode(sim, project, keyId), 1);

        // Already gone: said so, and still success.
        r = runCli({u"keys"_s, u"delete"_s, u"--yes"_s, u"--project"_s, project, u"--key"_s, keyId},
                   Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.outText().contains(u"already gone"_s), r.describe());
    }

    void deleteAsksOnATerminal()
    {
#ifndef Q_OS_LINUX
        QSKIP("drives a pseudo-terminal, Linux only here");
#else
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));
        const QString keyId =
            createKey(sim, Auth::ApiKey, project, u"asked about"_s).value("apiKeyId"_L1).toString();
        QVERIFY(!keyId.isEmpty());

        // Standard input is a pseudo-terminal whose other side answers.
        auto answerWith = [&](const QByteArray &answer) {
            const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
            if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
                return Run();
            const QString slave = QString::fromLocal8Bit(::ptsname(master));
            [[maybe_unused]] const ssize_t n = ::write(master, answer.constData(), size_t(answer.size()));
            const Run r = runCli({u"keys"_s, u"delete"_s, u"--project"_s, project, u"--key"_s, keyId},
                                 environmentFor(Auth::ApiKey, sim.baseUrl()), 60000, slave);
            ::close(master);
            return r;
        };

        Run r = answerWith("n\n");
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY2(r.errText().contains(u"Delete key asked about ("_s + keyId + u") in project "_s + project +
                                      u"? It stops working at once and cannot be restored. [y/N]"_s),
                 r.describe());
        QVERIFY2(r.errText().contains(u"never used"_s), r.describe()); // the key's last use is shown
        QVERIFY2(r.errText().contains(u"Nothing was deleted"_s), r.describe());
        QCOMPARE(keyExitCode(sim, project, keyId), 0);

        r = answerWith("y\n");
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(r.outText().contains(u"Deleted key asked about"_s), r.describe());
        QCOMPARE(keyExitCode(sim, project, keyId), 1);
#endif
    }

    void rateLimitIsRetried_data()
    {
        QTest::addColumn<int>("auth");
        QTest::newRow("api key") << int(Auth::ApiKey);
        QTest::newRow("service account") << int(Auth::ServiceAccount);
    }
    void rateLimitIsRetried()
    {
        QFETCH(int, auth);
        SimProcess plain;
        QVERIFY2(plain.start(), qPrintable(plain.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(plain, &org, &project));
        plain.stop();

        SimProcess sim({u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"429"_s, u"--fault-count"_s, u"1"_s,
                        u"--fault-match"_s, u"GET */aiModelApiKeys*"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        const Run r = runCli({u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s},
                             Auth(auth), sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY(r.json().isArray());
        QVERIFY(!r.json().array().isEmpty());
        // The notice is on standard error; standard output stays parseable.
        QVERIFY2(r.errText().contains(u"rate limiting"_s), r.describe());
        QVERIFY(!r.outText().contains(u"rate limiting"_s));
    }

    void orgWideListingReadsEveryPage()
    {
        SimProcess sim({u"--generate"_s, u"orgs=1,projects=20,keys=1200"_s});
        QVERIFY2(sim.start(30000), qPrintable(sim.errorString()));
        const Run orgs = runCli({u"orgs"_s, u"list"_s, u"--output"_s, u"json"_s}, Auth::ServiceAccount, sim);
        QVERIFY2(orgs.exitCode == 0, orgs.describe());
        QCOMPARE(orgs.json().array().size(), 1);
        const QString org = orgs.json().array().first().toObject().value("id"_L1).toString();

        const Run r =
            runCli({u"--output"_s, u"json"_s, u"keys"_s, u"list"_s, u"--org"_s, org}, Auth::ApiKey, sim);
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonArray keys = r.json().array();
        QCOMPARE(keys.size(), 1200);
        QSet<QString> ids;
        QSet<QString> projects;
        for (const QJsonValue &v : keys) {
            const QJsonObject o = v.toObject();
            QVERIFY(!o.contains("secret"_L1));
            ids.insert(o.value("apiKeyId"_L1).toString());
            projects.insert(o.value("groupId"_L1).toString());
        }
        QCOMPARE(ids.size(), 1200);
        QCOMPARE(projects.size(), 20);

        const Run csv =
            runCli({u"keys"_s, u"list"_s, u"--org"_s, org, u"--output"_s, u"csv"_s}, Auth::ApiKey, sim);
        QVERIFY2(csv.exitCode == 0, csv.describe());
        QCOMPARE(csv.out.count("\r\n"), 1201);
    }

    void noSecretOrCredentialReachesStandardError()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QString org, project;
        QVERIFY(firstOrgAndProject(sim, &org, &project));
        for (const Auth auth : {Auth::ApiKey, Auth::ServiceAccount}) {
            QProcessEnvironment env = environmentFor(auth, sim.baseUrl());
            env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
            const Run r = runCli({u"--verbose"_s, u"keys"_s, u"create"_s, u"--project"_s, project,
                                  u"--name"_s, u"logged %1"_s.arg(int(auth)), u"--output"_s, u"json"_s},
                                 env);
            QVERIFY2(r.exitCode == 0, r.describe());
            const QByteArray secret = r.json().object().value("secret"_L1).toString().toUtf8();
            QVERIFY(!secret.isEmpty());
            QVERIFY2(!r.err.isEmpty(), "verbose logging should say something");
            QVERIFY(!r.err.contains(secret));
            QVERIFY(!r.err.contains(secret.mid(3, 12)));
            QVERIFY(!r.err.contains("demo-private-key"));
            QVERIFY(!r.err.contains("mdb_sa_sk_demo"));
            QVERIFY(!r.err.contains("Bearer "));
        }
    }

    void timeoutAndInterrupt()
    {
        SimProcess sim(
            {u"--verbose"_s, u"--hang-rate"_s, u"1"_s, u"--fault-match"_s, u"GET /api/atlas/v2/orgs*"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));

        // A hung answer ends as a timeout (after the bounded retries), exit 1.
        const Run r = runCli({u"orgs"_s, u"list"_s, u"--timeout"_s, u"0.5"_s}, Auth::ApiKey, sim, 60000);
        QVERIFY2(r.finished, "the CLI did not give up on a hung answer");
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY2(r.errText().contains(u"in time"_s), r.describe());

#ifdef Q_OS_UNIX
        // Ctrl+C while waiting: cancelled, exit 130.
        QVERIFY(sim.syncLog()); // every line of the run above is read
        const qsizetype hungBefore = sim.standardError().count("(hung)");
        QProcess p;
        p.setProgram(SimProcess::cliExecutablePath());
        p.setArguments({u"orgs"_s, u"list"_s});
        p.setProcessEnvironment(environmentFor(Auth::ApiKey, sim.baseUrl()));
        p.start();
        QVERIFY(p.waitForStarted(10000));
        p.closeWriteChannel();
        // Once the simulator holds its request (logged as hung), the CLI is waiting for the answer.
        QTRY_VERIFY_WITH_TIMEOUT(sim.standardError().count("(hung)") > hungBefore, 20000);
        QCOMPARE(p.state(), QProcess::Running);
        QCOMPARE(::kill(pid_t(p.processId()), SIGINT), 0);
        QVERIFY2(p.waitForFinished(10000), "Ctrl+C did not end the CLI");
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(p.readAllStandardError().contains("Interrupted"));
        QVERIFY(p.readAllStandardOutput().isEmpty());
#endif
    }

    // ---- issue 11: ids that could escape their path, text that could drive the terminal

    // "keys delete --key .." would have been DELETE /groups/P: refused with a clear message, and
    // nothing at all reaches the server (it records every request).
    void dotDotKeyIdIsRefusedBeforeSending()
    {
        HostileServer server(HostileServer::Mode::Respond, HostileServer::response(204, {}, {}));
        QVERIFY(server.start());
        QProcessEnvironment env = environmentFor(Auth::None, server.url());
        env.insert(u"MONGODB_ATLAS_ACCESS_TOKEN"_s, u"a-token"_s);
        const QString project = u"32b6e34b3d91647abb20e7b8"_s;
        const QList<QStringList> commands{
            {u"keys"_s, u"delete"_s, u"--project"_s, project, u"--key"_s, u".."_s, u"--yes"_s},
            {u"keys"_s, u"rename"_s, u"--project"_s, project, u"--key"_s, u".."_s, u"--name"_s, u"x"_s},
            {u"keys"_s, u"get"_s, u"--project"_s, project, u"--key"_s, u"."_s},
            {u"keys"_s, u"get"_s, u"--project"_s, project, u"--key"_s, u"a/../b"_s},
            {u"keys"_s, u"list"_s, u"--project"_s, u"32B6E34B3D91647ABB20E7B8"_s},
            {u"limits"_s, u"set"_s, u"--project"_s, project, u"--model-group"_s, u".."_s, u"--rpm"_s, u"1"_s,
             u"--tpm"_s, u"1"_s},
        };
        for (const QStringList &args : commands) {
            const Run r = runCli(args, env);
            QVERIFY2(r.exitCode == 2, r.describe());
            QVERIFY2(r.errText().contains(u"is not a"_s), r.describe());
        }
        const Run r = runCli(commands.first(), env);
        QVERIFY2(
            r.errText().contains(u"\"..\" is not a key ID: it may hold only letters, digits, '-' and '_'"_s),
            r.describe());
        QVERIFY2(!r.outText().contains(u"Deleted"_s), r.describe());
        QVERIFY(server.requests().isEmpty());
    }

    // What a server says reaches the terminal with its escape sequences and direction overrides made
    // visible: an error's detail and reason, names and creators in tables, the printed secret. JSON stays
    // the data as it is.
    void serverTextCannotDriveTheTerminal()
    {
        const QByteArray hostile = "\\u001b]0;owned\\u0007\\u001b[2J\\u202etxt.exe\\u009b31m";
        const QByteArray key = "{\"apiKeyId\":\"a86r5kwrfsk5r5ku5tgvhmpj\",\"name\":\"abc" + hostile +
                               "\",\"groupId\":\"32b6e34b3d91647abb20e7b8\",\"createdBy\":\"" + hostile +
                               "\",\"status\":\"ACTIVE\",\"createdAt\":\"2026-01-02T03:04:05Z\"";
        const QString project = u"32b6e34b3d91647abb20e7b8"_s;
        const auto checkClean = [](const QByteArray &text) {
            return !text.contains('\x1b') && !text.contains('\x07') && !text.contains("\xe2\x80\xae") &&
                   !text.contains("\xc2\x9b");
        };
        const auto envFor = [](const QUrl &url) {
            QProcessEnvironment env = environmentFor(Auth::None, url);
            env.insert(u"MONGODB_ATLAS_ACCESS_TOKEN"_s, u"a-token"_s);
            return env;
        };

        // An error: detail and reason.
        HostileServer conflict(
            HostileServer::Mode::Respond,
            HostileServer::response(409, {"Content-Type: application/json"},
                                    "{\"error\":409,\"errorCode\":\"DUPLICATE\",\"reason\":\"Conflict" +
                                        hostile + "\",\"detail\":\"dup" + hostile + "\"}"));
        QVERIFY(conflict.start());
        Run r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"fine"_s},
                       envFor(conflict.url()));
        QVERIFY2(r.exitCode == 1, r.describe());
        QVERIFY2(checkClean(r.err), r.describe());
        QVERIFY2(r.errText().contains(u"dup\\x1b]0;owned\\x07\\x1b[2J\\u202etxt.exe\\x9b31m"_s),
                 r.describe());

        // A table and one item's details.
        HostileServer list(HostileServer::Mode::Respond,
                           HostileServer::response(200, {"Content-Type: application/json"},
                                                   "{\"results\":[" + key + "}],\"totalCount\":1}"));
        QVERIFY(list.start());
        r = runCli({u"keys"_s, u"list"_s, u"--project"_s, project}, envFor(list.url()));
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(checkClean(r.out), r.describe());
        QVERIFY2(r.outText().contains(u"abc\\x1b]0;owned"_s), r.describe());
        // JSON is data: the name as the server sent it (JSON escapes the control characters itself).
        r = runCli({u"keys"_s, u"list"_s, u"--project"_s, project, u"--output"_s, u"json"_s},
                   envFor(list.url()));
        QVERIFY2(r.exitCode == 0, r.describe());
        QCOMPARE(r.json().array().first().toObject().value("name"_L1).toString(),
                 u"abc\x1b]0;owned\x07\x1b[2J\u202etxt.exe\u009b31m"_s);

        // The new key's secret, printed once.
        HostileServer created(HostileServer::Mode::Respond,
                              HostileServer::response(201, {"Content-Type: application/json"},
                                                      key + ",\"secret\":\"al-" + hostile + "\"}"));
        QVERIFY(created.start());
        r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"fine"_s},
                   envFor(created.url()));
        QVERIFY2(r.exitCode == 0, r.describe());
        QVERIFY2(checkClean(r.out) && checkClean(r.err), r.describe());
        QVERIFY2(r.outText().contains(u"al-\\x1b]0;owned"_s), r.describe());

        // A new name with a control character is refused before anything is sent.
        HostileServer untouched(HostileServer::Mode::Respond, HostileServer::response(500, {}, {}));
        QVERIFY(untouched.start());
        r = runCli({u"keys"_s, u"create"_s, u"--project"_s, project, u"--name"_s, u"bad\x1b[2Jname"_s},
                   envFor(untouched.url()));
        QVERIFY2(r.exitCode == 2, r.describe());
        QVERIFY2(r.errText().contains(u"U+001B"_s), r.describe());
        QVERIFY2(checkClean(r.err), r.describe());
        QVERIFY(untouched.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
