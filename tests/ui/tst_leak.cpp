#include "credentials/credentialmanager.h"
#include "credentials/memorysecretstore.h"
#include "credentials/profilestore.h"
#include "credentials/sessionopener.h"
#include "keys/keysview.h"
#include "keys/secretdialog.h"
#include "models/keytablemodel.h"
#include "security/secureclipboard.h"
#include "settings.h"
#include "simprocess.h"
#include "testenv.h"
#include "testsupport.h"
#include "window/mainwindow.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;
using namespace aikeys::test;

namespace {

const QString kProdSearch = u"66a0b1c2d3e4f5a6b7c8d101"_s;

QMutex g_mutex;
QStringList g_messages;
QSet<QString> g_categories;
QtMessageHandler g_previous = nullptr;

// Keeps everything, whatever its level and category; prints nothing (a leak must not reach the
// test log either).
void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&g_mutex);
    const QString category = QString::fromLatin1(context.category ? context.category : "default");
    g_categories.insert(category);
    g_messages << category + u": "_s + message;
}

// One form a secret can take on its way out: what to look for, and what to call it in a failure.
struct Needle
{
    QByteArray bytes;
    QString what;
    bool runOnly = false; // known to this run alone (another test cannot have written it)
};

// A secret as it is, and encoded the ways it travels: base64 alone and in a Basic header with its
// id (Authorization: Basic base64(id:secret)), URL-encoded (a form body), base64url.
QList<Needle> encodedForms(const QByteArray &secret, const QByteArray &id, const QString &what, bool runOnly)
{
    QList<Needle> forms{{secret, what, runOnly},
                        {secret.toBase64(), what + u" (base64)"_s, runOnly},
                        {secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
                         what + u" (base64url)"_s, runOnly},
                        {secret.toPercentEncoding(), what + u" (URL-encoded)"_s, runOnly}};
    if (!id.isEmpty())
        forms.append({QByteArray(id + ':' + secret).toBase64(), what + u" (Basic header)"_s, runOnly});
    QList<Needle> unique;
    for (const Needle &n : std::as_const(forms)) {
        bool seen = false;
        for (const Needle &u : std::as_const(unique))
            seen = seen || u.bytes == n.bytes;
        if (!seen)
            unique.append(n);
    }
    return unique;
}

} // namespace

// The whole flow with every logging category at debug level, for each way of signing in (service
// account, API key, access token), in the app and in the CLI: sign in, list, create, copy the secret,
// test the new key (Test Key), rename, delete, sign out, quit. Neither the new key's secret nor the
// credentials, nor the token the server issued, in any of the encodings they travel in, may reach the
// message handler, the CLI's error output, the settings file, or any file the run wrote: under its
// home folder, its temporary folder or its runtime folder (all three are this test's own).
class TestLeak : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root; // home/, tmp/ and runtime/ of this run
    QString m_home;
    QString m_outerTemp; // the temporary folder the test was started with
    QDateTime m_started;

    QString dir(const QString &name) const { return m_root.path() + u'/' + name; }

    // Files under the run's own folders holding needle, and files in the outer temporary folder that
    // changed since the test started and hold it (for needles no other test can know).
    QStringList filesWith(const QByteArray &needle, bool alsoOuterTemp) const
    {
        QStringList hits = filesContaining(m_root.path(), needle);
        if (alsoOuterTemp) {
            QDirIterator it(m_outerTemp, QDir::Files | QDir::Hidden | QDir::System,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.startsWith(m_root.path()) || it.fileInfo().lastModified() < m_started)
                    continue;
                QFile f(path);
                if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                    hits << path;
            }
        }
        return hits;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_outerTemp = QDir::tempPath();
        m_started = QDateTime::currentDateTime().addSecs(-2);
        for (const QString &d : {u"home"_s, u"tmp"_s, u"runtime"_s})
            QVERIFY(QDir().mkpath(dir(d)));
        QVERIFY(QFile::setPermissions(dir(u"runtime"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                             QFileDevice::ExeOwner));
        m_home = dir(u"home"_s);
        // A throwaway home, temporary and runtime folder: settings, caches, sockets and anything Qt,
        // the app, the CLI or the simulator write land under them (children inherit them).
        const QByteArray home = QFile::encodeName(m_home);
        qputenv("HOME", home);
        qputenv("XDG_CONFIG_HOME", QByteArray(home + "/.config"));
        qputenv("XDG_DATA_HOME", QByteArray(home + "/.local/share"));
        qputenv("XDG_CACHE_HOME", QByteArray(home + "/.cache"));
        qputenv("XDG_STATE_HOME", QByteArray(home + "/.local/state"));
        qputenv("TMPDIR", QFile::encodeName(dir(u"tmp"_s)));
        // Windows takes the home folder from USERPROFILE and the temporary one from TMP (and TEMP).
        qputenv("USERPROFILE", QFile::encodeName(QDir::toNativeSeparators(m_home)));
        qputenv("TMP", QFile::encodeName(QDir::toNativeSeparators(dir(u"tmp"_s))));
        qputenv("TEMP", QFile::encodeName(QDir::toNativeSeparators(dir(u"tmp"_s))));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir(u"runtime"_s)));
        QCOMPARE(QDir::tempPath(), dir(u"tmp"_s));
        prepareTestEnvironment();
        QLoggingCategory::setFilterRules(u"*.debug=true"_s);
        g_previous = qInstallMessageHandler(capture);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void noSecretLeaves_data()
    {
        QTest::addColumn<int>("modeValue");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("secret"); // empty: a token fetched from the simulator
        QTest::newRow("service account")
            << int(AuthMode::ServiceAccount) << u"mdb_sa_id_demo"_s << QByteArray("mdb_sa_sk_demo");
        QTest::newRow("API key") << int(AuthMode::ApiKey) << u"demo"_s << QByteArray("demo-private-key");
        QTest::newRow("access token") << int(AuthMode::AccessToken) << QString() << QByteArray();
    }

    void noSecretLeaves()
    {
        QFETCH(int, modeValue);
        const auto mode = AuthMode(modeValue);
        QFETCH(QString, id);
        QFETCH(QByteArray, secret);

        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        if (mode == AuthMode::AccessToken) {
            secret = fetchDemoAccessToken(sim.baseUrl());
            QVERIFY(!secret.isEmpty());
        }
        {
            const QMutexLocker lock(&g_mutex);
            g_messages.clear();
            g_categories.clear();
        }

        // Tokens the simulator issued during the run, as the requests carried them.
        QSet<QByteArray> issuedTokens;
        if (mode == AuthMode::AccessToken)
            issuedTokens.insert(secret);
        QList<QByteArray> newSecrets;
        QString settingsFile;

        // ---- the app
        {
            Settings settings; // the application's own settings, under the throwaway home
            settingsFile = settings.backend()->fileName();
#if !defined(Q_OS_WIN) // where they are the registry's
            QVERIFY2(settingsFile.startsWith(m_home), qPrintable(settingsFile));
#endif
            MemorySecretStore keychain;
            ProfileStore profiles(&settings);
            CredentialManager credentials(&profiles, &keychain, &settings);

            Profile profile;
            // One home for every row, so each row has a profile of its own.
            profile.name = u"Leak test "_s + QString::fromLatin1(QTest::currentDataTag());
            profile.baseUrl = sim.baseUrl();
            profile.authMode = mode;
            profile.publicId = id;
            CredentialJob *saved = credentials.save(profile, SecretBuffer(QByteArray(secret)));
            saved->setAutoDelete(false);
            QSignalSpy savedSpy(saved, &CredentialJob::finished);
            QVERIFY(savedSpy.wait(5000));
            QVERIFY(saved->succeeded());
            profile = saved->profile();
            delete saved;

            auto *opener = new SessionOpener(&credentials);
            opener->setAutoDelete(false);
            QSignalSpy opened(opener, &SessionOpener::finished);
            opener->open(profile);
            QVERIFY(opened.wait(10000));
            QVERIFY2(opener->succeeded(), qPrintable(opener->error().toString()));

            auto window = std::make_unique<MainWindow>(&settings);
            window->setCredentialManager(&credentials);
            window->show();
            QSignalSpy loaded(window.get(), &MainWindow::firstLoadFinished);
            AtlasSession *session = opener->takeSession();
            // Every bearer token a request carried: the ones the server issued to the app.
            connect(session->network(), &QNetworkAccessManager::finished, this,
                    [&issuedTokens](QNetworkReply *reply) {
                        const QByteArray authorization = reply->request().rawHeader("Authorization");
                        if (authorization.startsWith("Bearer "))
                            issuedTokens.insert(authorization.mid(7));
                    });
            window->setSession(session, profile);
            delete opener;
            QVERIFY(loaded.wait(20000));
            QVERIFY(window->selectProject(kProdSearch));
            KeysView *keys = window->keysView();
            QTRY_VERIFY_WITH_TIMEOUT(!keys->isLoading() && keys->model()->rowCount() > 0, 20000);

            // Create, read the secret, copy it, test it at its endpoint.
            QByteArray created;
            bool done = false;
            bool tested = false;
            whenModal(u"createKeyDialog"_s, [&](QWidget *dialog) {
                dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"leak test key"_s);
                whenModal(u"secretDialog"_s, [&](QWidget *secretDialog) {
                    created = secretDialog->findChild<QLineEdit *>(u"secretEdit"_s)->text().toUtf8();
                    secretDialog->findChild<QAbstractButton *>(u"copyButton"_s)->click();
                    QSignalSpy keyTested(qobject_cast<SecretDialog *>(secretDialog),
                                         &SecretDialog::keyTested);
                    auto *test = secretDialog->findChild<QAbstractButton *>(u"testButton"_s);
                    if (test && test->isVisible()) {
                        test->click();
                        tested = keyTested.wait(20000) && keyTested.first().first().toBool();
                    }
                    secretDialog->findChild<QCheckBox *>(u"storedCheck"_s)->setChecked(true);
                    secretDialog->findChild<QAbstractButton *>(u"doneButton"_s)->click();
                    done = true;
                });
                dialog->findChild<QAbstractButton *>(u"createButton"_s)->click();
            });
            keys->newKeyAction()->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
            QVERIFY(created.startsWith("al-"));
            QVERIFY2(tested, "Test Key did not succeed");
            newSecrets << created;
            QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), created);
            const std::optional<AiKey> key = keys->currentKey();
            QVERIFY(key);

            // Rename, copy its id, delete.
            whenModal(u"renameKeyDialog"_s, [](QWidget *dialog) {
                dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"leak test key renamed"_s);
                dialog->findChild<QAbstractButton *>(u"renameButton"_s)->click();
            });
            keys->renameAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(keys->model()->keyAt(keys->model()->rowOfKey(key->apiKeyId)).name,
                                      u"leak test key renamed"_s, 10000);
            keys->copyIdAction()->trigger();
            QCOMPARE(QGuiApplication::clipboard()->text(), key->apiKeyId);
            whenModal(u"deleteKeyDialog"_s, [](QWidget *dialog) {
                // Test Key used it a moment ago, and a recently used key needs its name typed.
                auto *confirm = dialog->findChild<QLineEdit *>(u"confirmEdit"_s);
                if (confirm && confirm->isVisible())
                    confirm->setText(dialog->findChild<QLabel *>(u"nameValue"_s)->text());
                dialog->findChild<QAbstractButton *>(u"deleteButton"_s)->click();
            });
            keys->deleteAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(keys->model()->rowOfKey(key->apiKeyId), -1, 10000);

            // Sign out (revokes a service account's token), then quit as a user would: the window
            // saves its state.
            QSignalSpy signedOut(window.get(), &MainWindow::signedOut);
            window->signOut();
            // Without a token to revoke, it is signed out before signOut() returns.
            QTRY_VERIFY_WITH_TIMEOUT(!signedOut.isEmpty(), 10000);
            window->close();
            window.reset();
            QVERIFY(settings.sync());
        }
        if (mode == AuthMode::ServiceAccount)
            QVERIFY2(!issuedTokens.isEmpty(), "no bearer token seen: the capture does not work");

        // The flow was logged, at debug level, by the client's own categories: the handler saw it.
        {
            const QMutexLocker lock(&g_mutex);
            QVERIFY2(g_categories.contains(u"aikeys.atlas"_s),
                     qPrintable(QStringList(g_categories.values()).join(u' ')));
            QVERIFY(g_categories.contains(u"aikeys.auth"_s) || mode != AuthMode::ServiceAccount);
            QVERIFY(g_categories.contains(u"aikeys.credentials"_s));
            QVERIFY(g_messages.size() > 20);
        }

        // ---- the CLI: the same credentials from the environment, everything logged.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &k : env.keys()) {
            if (k.startsWith(u"MONGODB_ATLAS_"_s) || k == u"ATLAS_AI_KEYS_PROFILE"_s)
                env.remove(k);
        }
        env.insert(u"QT_LOGGING_RULES"_s, u"*.debug=true"_s);
        env.insert(u"QT_MESSAGE_PATTERN"_s, u"%{category}: %{message}"_s);
        env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        env.insert(u"MONGODB_ATLAS_BASE_URL"_s, sim.baseUrl().toString());
        switch (mode) {
        case AuthMode::ServiceAccount:
            env.insert(u"MONGODB_ATLAS_CLIENT_ID"_s, id);
            env.insert(u"MONGODB_ATLAS_CLIENT_SECRET"_s, QString::fromUtf8(secret));
            break;
        case AuthMode::ApiKey:
            env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, id);
            env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, QString::fromUtf8(secret));
            break;
        case AuthMode::AccessToken:
            env.insert(u"MONGODB_ATLAS_ACCESS_TOKEN"_s, QString::fromUtf8(secret));
            break;
        }
        QList<CliRun> cliRuns;
        cliRuns << runCli({u"keys"_s, u"list"_s, u"--project"_s, kProdSearch, u"--verbose"_s}, env);
        QVERIFY2(cliRuns.last().exitCode == 0, cliRuns.last().describe().constData());
        cliRuns << runCli({u"keys"_s, u"create"_s, u"--project"_s, kProdSearch, u"--name"_s,
                           u"leak test cli key"_s, u"--output"_s, u"json"_s, u"--verbose"_s},
                          env);
        QVERIFY2(cliRuns.last().exitCode == 0, cliRuns.last().describe().constData());
        const QJsonObject createdByCli = QJsonDocument::fromJson(cliRuns.last().out).object();
        const QByteArray cliSecret = createdByCli.value("secret"_L1).toString().toUtf8();
        QVERIFY(cliSecret.startsWith("al-"));
        const QString cliKeyId = createdByCli.value("apiKeyId"_L1).toString();
        cliRuns << runCli({u"keys"_s, u"rename"_s, u"--project"_s, kProdSearch, u"--key"_s, cliKeyId,
                           u"--name"_s, u"leak test cli key renamed"_s, u"--verbose"_s},
                          env);
        QVERIFY2(cliRuns.last().exitCode == 0, cliRuns.last().describe().constData());
        cliRuns << runCli({u"keys"_s, u"delete"_s, u"--project"_s, kProdSearch, u"--key"_s, cliKeyId,
                           u"--yes"_s, u"--verbose"_s},
                          env);
        QVERIFY2(cliRuns.last().exitCode == 0, cliRuns.last().describe().constData());

        // What must appear nowhere: the credentials and every token issued, in each encoding, and the
        // new keys' secrets (their masked tails aside).
        // The demo credentials are shared with other tests; a token and a new key's secret are not.
        QList<Needle> needles =
            encodedForms(secret, id.toUtf8(), u"the credential secret"_s, mode == AuthMode::AccessToken);
        for (const QByteArray &token : std::as_const(issuedTokens))
            needles += encodedForms(token, {}, u"a token the server issued"_s, true);
        QList<Needle> newKeyNeedles;
        newSecrets << cliSecret;
        for (const QByteArray &s : std::as_const(newSecrets)) {
            newKeyNeedles += encodedForms(s, {}, u"a new key's secret"_s, true);
            newKeyNeedles.append({s.mid(3, 20), u"the start of a new key's secret"_s, true});
        }

        // The log of the app.
        {
            const QMutexLocker lock(&g_mutex);
            for (const Needle &n : needles + newKeyNeedles) {
                const QStringList hits = g_messages.filter(QString::fromLatin1(n.bytes));
                QVERIFY2(hits.isEmpty(),
                         qPrintable(n.what + u" leaked into the log: "_s + hits.join(u" | "_s)));
            }
        }
        // The CLI's error output (its log), and its standard output but for the one secret it shows.
        static const QRegularExpression tokenShape(u"[A-Za-z0-9_-]{48}"_s);
        for (const CliRun &run : std::as_const(cliRuns)) {
            QVERIFY2(run.err.contains("aikeys."),
                     QByteArray(QByteArray("the CLI logged nothing: ") + run.describe()).constData());
            for (const Needle &n : needles + newKeyNeedles)
                QVERIFY2(!run.err.contains(n.bytes), qPrintable(n.what + u" on the CLI's standard error"_s));
            for (const Needle &n : needles)
                QVERIFY2(!run.out.contains(n.bytes), qPrintable(n.what + u" on the CLI's standard output"_s));
            // The CLI's own service-account token is not known here: nothing of its shape may show.
            const QRegularExpressionMatch m = tokenShape.match(QString::fromUtf8(run.err));
            QVERIFY2(!m.hasMatch(), qPrintable(u"something token-like on standard error: "_s + m.captured()));
        }

        // The settings file exists (the window's state, the profile) and holds neither secret.
        QByteArray stored;
#if defined(Q_OS_WIN)
        // The settings are in the registry: every value, as text.
        {
            Settings settings;
            QSettings *backend = settings.backend();
            const QStringList keys = backend->allKeys();
            for (const QString &key : keys) {
                const QVariant value = backend->value(key);
                stored += key.toUtf8() + '=' + value.toByteArray() + '|' +
                          value.toStringList().join(u'|').toUtf8() + '\n';
            }
        }
#else
        QFile file(settingsFile);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settingsFile));
        stored = file.readAll();
#endif
        QVERIFY(stored.contains("Leak test")); // the profile is there...
        for (const Needle &n : needles + newKeyNeedles)
            QVERIFY2(!stored.contains(n.bytes), qPrintable(n.what + u" in the settings"_s));

#if !defined(Q_OS_WIN) // which keeps the settings in the registry, read above
        QVERIFY(!QDir(m_home).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
#endif
        // No file the run wrote holds any of them: home, temporary and runtime folders; and none in the
        // temporary folder the test was started in, for what only this run knows.
        for (const Needle &n : needles + newKeyNeedles) {
            const QStringList files = filesWith(n.bytes, n.runOnly);
            QVERIFY2(files.isEmpty(), qPrintable(n.what + u" in "_s + files.join(u", "_s)));
        }
    }
};

QTEST_MAIN(TestLeak)
#include "tst_leak.moc"
