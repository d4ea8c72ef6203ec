#include "credentials/environment.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

QProcessEnvironment envOf(const QStringList &assignments)
{
    QProcessEnvironment env;
    for (const QString &a : assignments) {
        const qsizetype eq = a.indexOf(u'=');
        env.insert(a.left(eq), a.mid(eq + 1));
    }
    return env;
}

} // namespace

class TestEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chooses_data()
    {
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("mode"); // authModeId, or "" for none
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QStringList>("ignored");

        QTest::newRow("nothing") << QStringList() << QString() << QString() << QByteArray() << QStringList();
        QTest::newRow("unrelated only")
            << QStringList{u"HOME=/root"_s, u"MONGODB_ATLAS_ORG_ID=5f8d0a1b2c3d4e5f6a7b8c9d"_s} << QString()
            << QString() << QByteArray() << QStringList();
        QTest::newRow("service account")
            << QStringList{u"MONGODB_ATLAS_CLIENT_ID=mdb_sa_id_x"_s,
                           u"MONGODB_ATLAS_CLIENT_SECRET=mdb_sa_sk_x"_s}
            << u"service-account"_s << u"mdb_sa_id_x"_s << QByteArray("mdb_sa_sk_x") << QStringList();
        QTest::newRow("api key") << QStringList{u"MONGODB_ATLAS_PUBLIC_API_KEY=pub"_s,
                                                u"MONGODB_ATLAS_PRIVATE_API_KEY=priv"_s}
                                 << u"api-key"_s << u"pub"_s << QByteArray("priv") << QStringList();
        QTest::newRow("api key, older spelling")
            << QStringList{u"MONGODB_ATLAS_PUBLIC_KEY=pub"_s, u"MONGODB_ATLAS_PRIVATE_KEY=priv"_s}
            << u"api-key"_s << u"pub"_s << QByteArray("priv") << QStringList();
        QTest::newRow("api key, mixed spellings")
            << QStringList{u"MONGODB_ATLAS_PUBLIC_API_KEY=pub"_s, u"MONGODB_ATLAS_PRIVATE_KEY=priv"_s}
            << u"api-key"_s << u"pub"_s << QByteArray("priv") << QStringList();
        QTest::newRow("api key, new spelling wins")
            << QStringList{u"MONGODB_ATLAS_PUBLIC_API_KEY=new"_s, u"MONGODB_ATLAS_PRIVATE_API_KEY=newpriv"_s,
                           u"MONGODB_ATLAS_PUBLIC_KEY=old"_s, u"MONGODB_ATLAS_PRIVATE_KEY=oldpriv"_s}
            << u"api-key"_s << u"new"_s << QByteArray("newpriv") << QStringList();
        QTest::newRow("access token") << QStringList{u"MONGODB_ATLAS_ACCESS_TOKEN=tok"_s} << u"access-token"_s
                                      << QString() << QByteArray("tok") << QStringList();
        QTest::newRow("service account beats api key and token")
            << QStringList{u"MONGODB_ATLAS_CLIENT_ID=sa"_s, u"MONGODB_ATLAS_CLIENT_SECRET=sasecret"_s,
                           u"MONGODB_ATLAS_PUBLIC_API_KEY=pub"_s, u"MONGODB_ATLAS_PRIVATE_API_KEY=priv"_s,
                           u"MONGODB_ATLAS_ACCESS_TOKEN=tok"_s}
            << u"service-account"_s << u"sa"_s << QByteArray("sasecret")
            << QStringList{u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, u"MONGODB_ATLAS_ACCESS_TOKEN"_s};
        QTest::newRow("api key beats token")
            << QStringList{u"MONGODB_ATLAS_PUBLIC_KEY=pub"_s, u"MONGODB_ATLAS_PRIVATE_KEY=priv"_s,
                           u"MONGODB_ATLAS_ACCESS_TOKEN=tok"_s}
            << u"api-key"_s << u"pub"_s << QByteArray("priv") << QStringList{u"MONGODB_ATLAS_ACCESS_TOKEN"_s};
        QTest::newRow("empty values count as unset")
            << QStringList{u"MONGODB_ATLAS_CLIENT_ID="_s, u"MONGODB_ATLAS_CLIENT_SECRET="_s,
                           u"MONGODB_ATLAS_ACCESS_TOKEN=tok"_s}
            << u"access-token"_s << QString() << QByteArray("tok") << QStringList();
        QTest::newRow("secret with spaces and unicode kept as is")
            << QStringList{u"MONGODB_ATLAS_ACCESS_TOKEN= tök en "_s} << u"access-token"_s << QString()
            << QByteArray(" t\xc3\xb6k en ") << QStringList();
    }
    void chooses()
    {
        QFETCH(QStringList, vars);
        QFETCH(QString, mode);
        QFETCH(QString, id);
        QFETCH(QByteArray, secret);
        QFETCH(QStringList, ignored);

        const EnvironmentCredentials env = readAtlasEnvironment(envOf(vars));
        QVERIFY2(env.problem.isEmpty(), qPrintable(env.problem));
        QCOMPARE(env.hasCredentials(), !mode.isEmpty());
        if (mode.isEmpty())
            return;
        QCOMPARE(authModeId(env.credentials->mode), mode);
        QCOMPARE(env.credentials->id, id);
        QCOMPARE(env.credentials->secret.reveal(), secret);
        QCOMPARE(env.ignoredKinds, ignored);
    }

    void halfSetPairsAreProblems_data()
    {
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("missing");
        QTest::addColumn<QString>("present");

        QTest::newRow("client id without secret")
            << QStringList{u"MONGODB_ATLAS_CLIENT_ID=sa"_s} << u"MONGODB_ATLAS_CLIENT_SECRET"_s
            << u"MONGODB_ATLAS_CLIENT_ID"_s;
        QTest::newRow("client secret without id")
            << QStringList{u"MONGODB_ATLAS_CLIENT_SECRET=s"_s} << u"MONGODB_ATLAS_CLIENT_ID"_s
            << u"MONGODB_ATLAS_CLIENT_SECRET"_s;
        QTest::newRow("public key without private")
            << QStringList{u"MONGODB_ATLAS_PUBLIC_API_KEY=pub"_s} << u"MONGODB_ATLAS_PRIVATE_API_KEY"_s
            << u"MONGODB_ATLAS_PUBLIC_API_KEY"_s;
        QTest::newRow("older public key names the older private spelling")
            << QStringList{u"MONGODB_ATLAS_PUBLIC_KEY=pub"_s} << u"MONGODB_ATLAS_PRIVATE_KEY"_s
            << u"MONGODB_ATLAS_PUBLIC_KEY"_s;
        QTest::newRow("private key without public")
            << QStringList{u"MONGODB_ATLAS_PRIVATE_API_KEY=p"_s} << u"MONGODB_ATLAS_PUBLIC_API_KEY"_s
            << u"MONGODB_ATLAS_PRIVATE_API_KEY"_s;
        QTest::newRow("older private key without public")
            << QStringList{u"MONGODB_ATLAS_PRIVATE_KEY=p"_s} << u"MONGODB_ATLAS_PUBLIC_KEY"_s
            << u"MONGODB_ATLAS_PRIVATE_KEY"_s;
        QTest::newRow("client id with empty secret")
            << QStringList{u"MONGODB_ATLAS_CLIENT_ID=sa"_s, u"MONGODB_ATLAS_CLIENT_SECRET="_s}
            << u"MONGODB_ATLAS_CLIENT_SECRET"_s << u"MONGODB_ATLAS_CLIENT_ID"_s;
        // A typo in one kind must not silently sign in as another principal.
        QTest::newRow("half service account beside a full api key")
            << QStringList{u"MONGODB_ATLAS_CLIENT_ID=sa"_s, u"MONGODB_ATLAS_PUBLIC_API_KEY=pub"_s,
                           u"MONGODB_ATLAS_PRIVATE_API_KEY=priv"_s}
            << u"MONGODB_ATLAS_CLIENT_SECRET"_s << u"MONGODB_ATLAS_CLIENT_ID"_s;
        QTest::newRow("half api key beside a full service account")
            << QStringList{u"MONGODB_ATLAS_CLIENT_ID=sa"_s, u"MONGODB_ATLAS_CLIENT_SECRET=s"_s,
                           u"MONGODB_ATLAS_PUBLIC_API_KEY=pub"_s}
            << u"MONGODB_ATLAS_PRIVATE_API_KEY"_s << u"MONGODB_ATLAS_PUBLIC_API_KEY"_s;
        QTest::newRow("half pair beside a token")
            << QStringList{u"MONGODB_ATLAS_PRIVATE_API_KEY=p"_s, u"MONGODB_ATLAS_ACCESS_TOKEN=t"_s}
            << u"MONGODB_ATLAS_PUBLIC_API_KEY"_s << u"MONGODB_ATLAS_PRIVATE_API_KEY"_s;
    }
    void halfSetPairsAreProblems()
    {
        QFETCH(QStringList, vars);
        QFETCH(QString, missing);
        QFETCH(QString, present);

        const EnvironmentCredentials env = readAtlasEnvironment(envOf(vars));
        QVERIFY(!env.hasCredentials());
        QVERIFY2(env.problem.contains(missing + u" is not"_s), qPrintable(env.problem));
        QVERIFY2(env.problem.contains(present + u" is set"_s), qPrintable(env.problem));
    }

    void bothPairsHalfSetAreBothReported()
    {
        const EnvironmentCredentials env = readAtlasEnvironment(
            envOf({u"MONGODB_ATLAS_CLIENT_ID=sa"_s, u"MONGODB_ATLAS_PUBLIC_API_KEY=pub"_s}));
        QVERIFY(!env.hasCredentials());
        QVERIFY(env.problem.contains(u"MONGODB_ATLAS_CLIENT_SECRET"_s));
        QVERIFY(env.problem.contains(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s));
    }

    void problemsNeverQuoteSecrets()
    {
        const EnvironmentCredentials env =
            readAtlasEnvironment(envOf({u"MONGODB_ATLAS_CLIENT_SECRET=hunter2-very-secret"_s,
                                        u"MONGODB_ATLAS_PRIVATE_KEY=s3cr3t-key"_s}));
        QVERIFY(!env.problem.isEmpty());
        QVERIFY(!env.problem.contains(u"hunter2"_s));
        QVERIFY(!env.problem.contains(u"s3cr3t"_s));
    }

    void readsDefaults()
    {
        const EnvironmentCredentials env = readAtlasEnvironment(envOf(
            {u"MONGODB_ATLAS_BASE_URL= http://127.0.0.1:8080 "_s,
             u"MONGODB_ATLAS_ORG_ID=5f8d0a1b2c3d4e5f6a7b8c9d"_s,
             u"MONGODB_ATLAS_PROJECT_ID=66a0b1c2d3e4f5a6b7c8d101"_s, u"MONGODB_ATLAS_ACCESS_TOKEN=t"_s}));
        QCOMPARE(env.baseUrl, u"http://127.0.0.1:8080"_s);
        QCOMPARE(env.orgId, u"5f8d0a1b2c3d4e5f6a7b8c9d"_s);
        QCOMPARE(env.projectId, u"66a0b1c2d3e4f5a6b7c8d101"_s);
        QVERIFY(env.hasCredentials());

        // Defaults are read even when the credentials have a problem, and are never validated here.
        const EnvironmentCredentials bad = readAtlasEnvironment(
            envOf({u"MONGODB_ATLAS_PROJECT_ID=not-an-id"_s, u"MONGODB_ATLAS_CLIENT_ID=x"_s}));
        QCOMPARE(bad.projectId, u"not-an-id"_s);
        QVERIFY(!bad.problem.isEmpty());

        const EnvironmentCredentials none = readAtlasEnvironment(QProcessEnvironment());
        QVERIFY(none.baseUrl.isEmpty());
        QVERIFY(none.orgId.isEmpty());
        QVERIFY(none.projectId.isEmpty());
        QVERIFY(none.problem.isEmpty());
        QVERIFY(!none.hasCredentials());
    }

    void listsEveryCredentialVariable()
    {
        const QStringList vars = atlasCredentialVariables();
        for (const char *name :
             {atlasenv::kClientId, atlasenv::kClientSecret, atlasenv::kPublicApiKey, atlasenv::kPrivateApiKey,
              atlasenv::kPublicKeyOld, atlasenv::kPrivateKeyOld, atlasenv::kAccessToken})
            QVERIFY2(vars.contains(QString::fromLatin1(name)), name);
        QCOMPARE(vars.size(), 7);
    }
};

QTEST_GUILESS_MAIN(TestEnvironment)
#include "tst_environment.moc"
