#include "credentials/credentialmanager.h"
#include "credentials/memorysecretstore.h"
#include "credentials/profilestore.h"
#include "credentials/sessionopener.h"
#include "keysview.h"
#include "mainwindow.h"
#include "models/keytablemodel.h"
#include "security/secureclipboard.h"
#include "settings.h"
#include "simprocess.h"
#include "testenv.h"
#include "tst_mainwindow_support.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QLoggingCategory>
#include <QMutex>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;
using namespace aikeys::test;

namespace {

const QString kProdSearch = u"66a0b1c2d3e4f5a6b7c8d101"_s;
// The profile's credentials: a service account of the simulator's demo data.
const QByteArray kClientId = "mdb_sa_id_demo";
const QByteArray kClientSecret = "mdb_sa_sk_demo";

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

} // namespace

// The whole flow with every logging category at debug level: sign in, list, create, copy the secret,
// rename, delete, sign out, quit. Neither the new key's secret nor the profile's client secret may
// reach the message handler, the settings file, or any file under the test's home directory.
class TestLeak : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // A throwaway home: settings, caches and anything Qt writes land under it.
        const QByteArray home = QFile::encodeName(m_home.path());
        qputenv("HOME", home);
        qputenv("XDG_CONFIG_HOME", QByteArray(home + "/.config"));
        qputenv("XDG_DATA_HOME", QByteArray(home + "/.local/share"));
        qputenv("XDG_CACHE_HOME", QByteArray(home + "/.cache"));
        qputenv("XDG_STATE_HOME", QByteArray(home + "/.local/state"));
        prepareTestEnvironment();
        QLoggingCategory::setFilterRules(u"*.debug=true"_s);
        g_previous = qInstallMessageHandler(capture);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void noSecretLeaves()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));

        QByteArray secret;
        QString settingsFile;
        {
            Settings settings; // the application's own settings, under the throwaway home
            settingsFile = settings.backend()->fileName();
            QVERIFY2(settingsFile.startsWith(m_home.path()), qPrintable(settingsFile));
            MemorySecretStore keychain;
            ProfileStore profiles(&settings);
            CredentialManager credentials(&profiles, &keychain, &settings);

            Profile profile;
            profile.name = u"Leak test"_s;
            profile.baseUrl = sim.baseUrl();
            profile.authMode = AuthMode::ServiceAccount;
            profile.publicId = QString::fromLatin1(kClientId);
            CredentialJob *saved = credentials.save(profile, SecretBuffer(QByteArray(kClientSecret)));
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
            window->setSession(opener->takeSession(), profile);
            delete opener;
            QVERIFY(loaded.wait(20000));
            QVERIFY(window->selectProject(kProdSearch));
            KeysView *keys = window->keysView();
            QTRY_VERIFY_WITH_TIMEOUT(!keys->isLoading() && keys->model()->rowCount() > 0, 20000);

            // Create, read the secret, copy it.
            bool done = false;
            whenModal(u"createKeyDialog"_s, [&](QWidget *dialog) {
                dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"leak test key"_s);
                whenModal(u"secretDialog"_s, [&](QWidget *secretDialog) {
                    secret = secretDialog->findChild<QLineEdit *>(u"secretEdit"_s)->text().toUtf8();
                    secretDialog->findChild<QAbstractButton *>(u"copyButton"_s)->click();
                    secretDialog->findChild<QCheckBox *>(u"storedCheck"_s)->setChecked(true);
                    secretDialog->findChild<QAbstractButton *>(u"doneButton"_s)->click();
                    done = true;
                });
                dialog->findChild<QAbstractButton *>(u"createButton"_s)->click();
            });
            keys->newKeyAction()->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
            QVERIFY(secret.startsWith("al-"));
            QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(), secret);
            const std::optional<AiKey> created = keys->currentKey();
            QVERIFY(created);

            // Rename, copy its id, delete.
            whenModal(u"renameKeyDialog"_s, [](QWidget *dialog) {
                dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"leak test key renamed"_s);
                dialog->findChild<QAbstractButton *>(u"renameButton"_s)->click();
            });
            keys->renameAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(keys->model()->keyAt(keys->model()->rowOfKey(created->apiKeyId)).name,
                                      u"leak test key renamed"_s, 10000);
            keys->copyIdAction()->trigger();
            QCOMPARE(QGuiApplication::clipboard()->text(), created->apiKeyId);
            whenModal(u"deleteKeyDialog"_s, [](QWidget *dialog) {
                dialog->findChild<QAbstractButton *>(u"deleteButton"_s)->click();
            });
            keys->deleteAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(keys->model()->rowOfKey(created->apiKeyId), -1, 10000);

            // Sign out (revokes the token), then quit as a user would: the window saves its state.
            QSignalSpy signedOut(window.get(), &MainWindow::signedOut);
            window->signOut();
            QVERIFY(signedOut.wait(10000));
            window->close();
            window.reset();
            QVERIFY(settings.sync());
        }

        // The flow was logged, at debug level, by the client's own categories: the handler saw it.
        {
            const QMutexLocker lock(&g_mutex);
            QVERIFY2(g_categories.contains(u"aikeys.atlas"_s),
                     qPrintable(QStringList(g_categories.values()).join(u' ')));
            QVERIFY(g_categories.contains(u"aikeys.auth"_s));
            QVERIFY(g_categories.contains(u"aikeys.credentials"_s));
            QVERIFY(g_messages.size() > 20);
            for (const QByteArray &needle : {secret, kClientSecret}) {
                const QStringList hits = g_messages.filter(QString::fromLatin1(needle));
                QVERIFY2(hits.isEmpty(), qPrintable(u"leaked into the log: "_s + hits.join(u" | "_s)));
            }
            // The secret's tail is in its masked form; the rest of it must never be.
            QVERIFY(g_messages.filter(QString::fromLatin1(secret.mid(3, 20))).isEmpty());
        }

        // The settings file exists (the window's state, the profile) and holds neither secret.
        QFile file(settingsFile);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settingsFile));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains(kClientId));      // the profile is there...
        QVERIFY(!stored.contains(kClientSecret)); // ...without its secret
        QVERIFY(!stored.contains(secret));

        // No file under the home directory holds either.
        QVERIFY(!QDir(m_home.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
        for (const QByteArray &needle : {secret, kClientSecret, secret.mid(3, 20)}) {
            const QStringList files = filesContaining(m_home.path(), needle);
            QVERIFY2(files.isEmpty(), qPrintable(files.join(u", "_s)));
        }
    }
};

QTEST_MAIN(TestLeak)
#include "tst_leak.moc"
