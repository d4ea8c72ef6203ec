#include "common/messagebox.h"
#include "credentials/credentialmanager.h"
#include "credentials/memorysecretstore.h"
#include "credentials/profilestore.h"
#include "keys/keysview.h"
#include "models/keytablemodel.h"
#include "models/orgtreemodel.h"
#include "settings.h"
#include "simprocess.h"
#include "testenv.h"
#include "testsupport.h"
#include "window/appcontroller.h"
#include "window/mainwindow.h"

#include <QMenu>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;
using namespace aikeys::test;

namespace {

const QString kProdSearch = u"66a0b1c2d3e4f5a6b7c8d101"_s;

// A profile stored the way the app stores them (settings + secret store), before the app starts.
Profile storeProfile(MemorySecretStore *store, const QString &name, const QUrl &baseUrl,
                     const QByteArray &secret)
{
    Settings settings;
    ProfileStore profiles(&settings);
    CredentialManager credentials(&profiles, store, &settings);
    Profile profile;
    profile.name = name;
    profile.baseUrl = baseUrl;
    profile.authMode = AuthMode::ServiceAccount;
    profile.publicId = u"mdb_sa_id_demo"_s;
    CredentialJob *job = credentials.save(profile, SecretBuffer(QByteArray(secret)));
    job->setAutoDelete(false);
    QSignalSpy done(job, &CredentialJob::finished);
    done.wait(5000);
    profile = job->profile();
    if (!job->succeeded())
        qWarning() << "profile not saved:" << job->error().toString();
    delete job;
    settings.sync();
    return profile;
}

} // namespace

// The application around the window: --profile, the secret prompt when the keychain has no (working)
// secret, the profile chooser, demo mode, and the simulator stopped on quit.
class TestMainWindowApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        prepareTestEnvironment();
        qputenv("AIKEYS_SIM", QFile::encodeName(SimProcess::executablePath()));
    }

    void init()
    {
        MessageBox::clearNextAnswers();
        Settings settings;
        settings.backend()->clear();
        settings.sync();
    }

    void profileByNameSignsIn()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto keychain = std::make_unique<MemorySecretStore>();
        storeProfile(keychain.get(), u"Sim A"_s, sim.baseUrl(), "mdb_sa_sk_demo");

        AppOptions options;
        options.profileName = u"Sim A"_s;
        options.select = u"prod-search"_s;
        AppController app(options, std::move(keychain));
        QSignalSpy loaded(app.window(), &MainWindow::firstLoadFinished);
        app.start();
        QVERIFY(loaded.wait(20000));
        QVERIFY2(app.window()->windowTitle().startsWith(u"Sim A"_s), qPrintable(app.window()->windowTitle()));
        KeysView *keys = app.window()->keysView();
        QCOMPARE(keys->scopeId(), kProdSearch); // --select
        QTRY_VERIFY(!keys->isLoading() && keys->model()->rowCount() > 0);
        QCOMPARE(app.credentials()->lastUsedProfile()->name, u"Sim A"_s);
        QCOMPARE(app.exitCode(), 0);
    }

    void switchProfileSignsOutThenIn()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto keychain = std::make_unique<MemorySecretStore>();
        storeProfile(keychain.get(), u"First"_s, sim.baseUrl(), "mdb_sa_sk_demo");
        storeProfile(keychain.get(), u"Second"_s, sim.baseUrl(), "mdb_sa_sk_demo");

        AppOptions options;
        options.profileName = u"First"_s;
        AppController app(options, std::move(keychain));
        QSignalSpy loaded(app.window(), &MainWindow::firstLoadFinished);
        app.start();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(app.window()->profile().name, u"First"_s);

        // File > Switch Profile lists both, the current one checked.
        auto *menu = app.window()->findChild<QMenu *>(u"profilesMenu"_s);
        QVERIFY(menu);
        Q_EMIT menu->aboutToShow();
        QAction *second = nullptr;
        QStringList names;
        for (QAction *action : menu->actions()) {
            names << action->text();
            if (action->text() == u"First"_s)
                QVERIFY(action->isChecked());
            if (action->text() == u"Second"_s)
                second = action;
        }
        QVERIFY2(second, qPrintable(names.join(u", "_s)));
        QVERIFY(!second->isChecked());

        QSignalSpy signedOut(app.window(), &MainWindow::signedOut);
        second->trigger();
        QVERIFY(signedOut.wait(10000));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(app.window()->profile().name, u"Second"_s);
        QVERIFY(app.window()->windowTitle().startsWith(u"Second"_s));
        QCOMPARE(app.credentials()->lastUsedProfile()->name, u"Second"_s);
    }

    void missingSecretIsAskedForAndStored()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto keychain = std::make_unique<MemorySecretStore>();
        MemorySecretStore *store = keychain.get();
        // Imported profiles may have no secret yet.
        const Profile profile = storeProfile(store, u"Sim B"_s, sim.baseUrl(), QByteArray());
        QVERIFY(!store->contains(profile.secretKey()));

        AppOptions options;
        options.profileName = u"Sim B"_s;
        AppController app(options, std::move(keychain));
        bool asked = false;
        whenModal(u"secretPrompt"_s, [&](QWidget *prompt) {
            asked = true;
            prompt->findChild<QLineEdit *>(u"secretEdit"_s)->setText(u"mdb_sa_sk_demo"_s);
            prompt->findChild<QAbstractButton *>(u"signInButton"_s)->click();
        });
        QSignalSpy loaded(app.window(), &MainWindow::firstLoadFinished);
        app.start();
        QVERIFY(loaded.wait(20000));
        QVERIFY(asked);
        QVERIFY(app.window()->session());
        // Remembered once it proved right.
        QTRY_VERIFY(store->holds(profile.secretKey(), "mdb_sa_sk_demo"));
    }

    void rejectedSecretIsAskedForAgain()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto keychain = std::make_unique<MemorySecretStore>();
        MemorySecretStore *store = keychain.get();
        const Profile profile = storeProfile(store, u"Sim C"_s, sim.baseUrl(), "rotated-away");

        AppOptions options;
        options.profileName = u"Sim C"_s;
        AppController app(options, std::move(keychain));
        QString reason;
        whenModal(u"secretPrompt"_s, [&](QWidget *prompt) {
            reason = prompt->findChild<QLabel *>(u"reasonLabel"_s)->text();
            prompt->findChild<QLineEdit *>(u"secretEdit"_s)->setText(u"mdb_sa_sk_demo"_s);
            prompt->findChild<QAbstractButton *>(u"signInButton"_s)->click();
        });
        QSignalSpy loaded(app.window(), &MainWindow::firstLoadFinished);
        app.start();
        QVERIFY(loaded.wait(20000));
        QVERIFY2(!reason.isEmpty(), "the prompt did not say why");
        QTRY_VERIFY(store->holds(profile.secretKey(), "mdb_sa_sk_demo"));
        QVERIFY(!store->holds(profile.secretKey(), "rotated-away"));
    }

    void unknownProfileFallsBackToTheChooser()
    {
        AppOptions options;
        options.profileName = u"nobody"_s;
        AppController app(options, std::make_unique<MemorySecretStore>());
        MessageBox::setNextAnswer(QMessageBox::Ok);
        bool chooser = false;
        whenModal(u"profilesDialog"_s, [&](QWidget *dialog) {
            chooser = true;
            dialog->findChild<QAbstractButton *>(u"closeButton"_s)->click();
        });
        app.start();
        QTRY_VERIFY_WITH_TIMEOUT(chooser, 10000);
        QVERIFY2(MessageBox::lastText().contains(u"nobody"_s), qPrintable(MessageBox::lastText()));
        QVERIFY(!app.window()->session());
        QCOMPARE(app.window()->findChild<QStackedWidget *>(u"mainStack"_s)->currentWidget()->objectName(),
                 u"signedOutPage"_s);
    }

    // Switch Profile keeps session-only secrets; an explicit Sign Out wipes them (the profiles stay).
    void signOutForgetsSessionOnlySecrets()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto keychain = std::make_unique<MemorySecretStore>();
        storeProfile(keychain.get(), u"Kept"_s, sim.baseUrl(), "mdb_sa_sk_demo");
        AppOptions options;
        options.profileName = u"Kept"_s;
        AppController app(options, std::move(keychain));
        QSignalSpy loaded(app.window(), &MainWindow::firstLoadFinished);
        app.start();
        QVERIFY(loaded.wait(20000));

        Profile temp;
        temp.name = u"Temp"_s;
        temp.baseUrl = sim.baseUrl();
        temp.authMode = AuthMode::ServiceAccount;
        temp.publicId = u"mdb_sa_id_demo"_s;
        CredentialJob *job = app.credentials()->save(temp, SecretBuffer(QByteArray("mdb_sa_sk_demo")),
                                                     CredentialManager::Storage::SessionOnly);
        job->setAutoDelete(false);
        QSignalSpy saved(job, &CredentialJob::finished);
        QVERIFY(saved.wait(5000));
        QVERIFY(job->succeeded());
        temp = job->profile();
        delete job;
        const QString tempKey = temp.secretKey();
        MemorySecretStore *session = app.credentials()->sessionSecrets();
        QVERIFY(session->holds(tempKey, "mdb_sa_sk_demo"));

        // Switch to it and back: kept.
        QSignalSpy signedOut(app.window(), &MainWindow::signedOut);
        Q_EMIT app.window()->switchProfileRequested(temp.id);
        QVERIFY(signedOut.wait(10000));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(app.window()->profile().name, u"Temp"_s);
        Q_EMIT app.window()->switchProfileRequested(app.credentials()->profiles()->findByName(u"Kept"_s)->id);
        QVERIFY(signedOut.wait(10000));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(app.window()->profile().name, u"Kept"_s);
        QVERIFY(session->holds(tempKey, "mdb_sa_sk_demo"));

        // Sign Out: wiped, though the profile is still offered.
        bool chooser = false;
        whenModal(u"profilesDialog"_s, [&](QWidget *dialog) {
            chooser = true;
            dialog->findChild<QAbstractButton *>(u"closeButton"_s)->click();
        });
        app.window()->signOutAction()->trigger();
        QVERIFY(signedOut.wait(10000));
        QTRY_VERIFY(chooser);
        QCOMPARE(session->count(), 0);
        QVERIFY(app.credentials()->profiles()->contains(temp.id));
    }

    // The signed-in profile edited outside the chooser: a new secret signs in again; a rename only
    // renames the window.
    void currentProfileEditsReachTheSession()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto keychain = std::make_unique<MemorySecretStore>();
        MemorySecretStore *store = keychain.get();
        const Profile live = storeProfile(store, u"Live"_s, sim.baseUrl(), "mdb_sa_sk_demo");
        AppOptions options;
        options.profileName = u"Live"_s;
        AppController app(options, std::move(keychain));
        QSignalSpy loaded(app.window(), &MainWindow::firstLoadFinished);
        app.start();
        QVERIFY(loaded.wait(20000));
        const AtlasSession *first = app.window()->session();

        QSignalSpy signedOut(app.window(), &MainWindow::signedOut);
        QVERIFY(app.credentials()->rename(live.id, u"Live, renamed"_s));
        QTRY_VERIFY(app.window()->windowTitle().startsWith(u"Live, renamed"_s));
        // A negative check: a rename must not sign out. Nothing marks "it did not happen", so the loop
        // spins a moment for a wrongly queued sign-out to show.
        QTest::qWait(200);
        QCOMPARE(signedOut.count(), 0);
        QCOMPARE(app.window()->session(), first);

        app.credentials()->replaceSecret(live.id, SecretBuffer(QByteArray("mdb_sa_sk_demo")));
        QVERIFY(signedOut.wait(10000));
        QVERIFY(loaded.wait(20000));
        QVERIFY(app.window()->session());
        QCOMPARE(signedOut.count(), 1);
        QVERIFY2(app.window()->statusBar()->currentMessage().contains(u"Signed in again"_s),
                 qPrintable(app.window()->statusBar()->currentMessage()));
    }

    // Manage Profiles: the connection of the signed-in profile changed (another Atlas), then the
    // profile removed. The session follows once the dialog closes.
    void manageProfilesChangesReachTheSession()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimProcess other;
        QVERIFY2(other.start(), qPrintable(other.errorString()));
        auto keychain = std::make_unique<MemorySecretStore>();
        const Profile live = storeProfile(keychain.get(), u"Moving"_s, sim.baseUrl(), "mdb_sa_sk_demo");
        AppOptions options;
        options.profileName = u"Moving"_s;
        AppController app(options, std::move(keychain));
        QSignalSpy loaded(app.window(), &MainWindow::firstLoadFinished);
        app.start();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(app.window()->profile().baseUrl, sim.baseUrl());

        QSignalSpy signedOut(app.window(), &MainWindow::signedOut);
        bool edited = false;
        whenModal(u"profilesDialog"_s, [&](QWidget *dialog) {
            Profile moved = live;
            moved.baseUrl = other.baseUrl();
            CredentialJob *job = app.credentials()->save(moved, SecretBuffer());
            QObject::connect(job, &CredentialJob::finished, dialog, [&edited, dialog, j = job] {
                edited = j->succeeded();
                // Still open while the edit lands: nothing happens to the session yet.
                dialog->findChild<QAbstractButton *>(u"closeButton"_s)->click();
            });
        });
        Q_EMIT app.window()->manageProfilesRequested();
        QVERIFY(edited);
        QVERIFY(signedOut.count() == 1 || signedOut.wait(10000));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(app.window()->profile().baseUrl, other.baseUrl());
        QCOMPARE(app.window()->session()->config().baseUrl, other.baseUrl());

        // Removed: signed out, and the chooser the user just closed is not shown again.
        bool removed = false;
        whenModal(u"profilesDialog"_s, [&](QWidget *dialog) {
            CredentialJob *job = app.credentials()->remove(live.id);
            QObject::connect(job, &CredentialJob::finished, dialog, [&removed, dialog, j = job] {
                removed = j->succeeded();
                dialog->findChild<QAbstractButton *>(u"closeButton"_s)->click();
            });
        });
        signedOut.clear();
        Q_EMIT app.window()->manageProfilesRequested();
        QVERIFY(removed);
        QVERIFY(signedOut.count() == 1 || signedOut.wait(10000));
        QVERIFY(!app.window()->session());
        auto *label = app.window()->findChild<QLabel *>(u"signedOutLabel"_s);
        QVERIFY2(label->text().contains(u"was removed"_s), qPrintable(label->text()));
        // A negative check: no dialog may pop up after the removal; the loop spins a moment for one to show.
        QTest::qWait(300);
        QVERIFY(!QApplication::activeModalWidget());
    }

    void demoModeSignsInAndStopsTheSimulator()
    {
        QUrl demoUrl;
        {
            AppOptions options;
            options.demo = true;
            AppController app(options, std::make_unique<MemorySecretStore>());
            QSignalSpy loaded(app.window(), &MainWindow::firstLoadFinished);
            app.start();
            QVERIFY(loaded.wait(30000));
            QVERIFY2(app.window()->windowTitle().startsWith(u"Demo"_s),
                     qPrintable(app.window()->windowTitle()));
            QVERIFY(app.window()->isDemo());
            QVERIFY(app.window()->profile().sessionOnly);
            QCOMPARE(app.window()->treeModel()->rowCount(), 3);
            demoUrl = app.window()->profile().baseUrl;
            QVERIFY(demoUrl.isValid());
            // Nothing about the demo profile reaches the settings.
            QVERIFY(!Settings().backend()->allKeys().join(u' ').contains(u"Demo"_s));

            // Sign out: the chooser, which lists the demo profile for this session.
            bool chooser = false;
            whenModal(u"profilesDialog"_s, [&](QWidget *dialog) {
                chooser = true;
                dialog->findChild<QAbstractButton *>(u"closeButton"_s)->click();
            });
            QSignalSpy signedOut(app.window(), &MainWindow::signedOut);
            app.window()->signOutAction()->trigger();
            QVERIFY(signedOut.wait(10000));
            QTRY_VERIFY(chooser);
            QVERIFY(!app.window()->session());
        }
        // The application is gone, and so is its simulator.
        QTcpSocket socket;
        socket.connectToHost(demoUrl.host(), quint16(demoUrl.port()));
        QVERIFY(!socket.waitForConnected(2000));
    }
};

QTEST_MAIN(TestMainWindowApp)
#include "tst_mainwindowapp.moc"
