// The profiles dialog under offscreen, with a fake keychain (MemorySecretStore) behind a real
// CredentialManager on a temporary settings file, and a real atlas-sim for Test Connection. Also the
// secret prompt the main window shows when a profile's secret is missing.
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "credentials/credentialmanager.h"
#include "credentials/memorysecretstore.h"
#include "credentials/profilestore.h"
#include "profiles/profileimportdialog.h"
#include "profiles/profilesdialog.h"
#include "settings.h"
#include "simprocess.h"
#include "testenv.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::allTexts;
using aikeys::test::anyContains;
using aikeys::test::NameCheck;
using aikeys::test::SimProcess;
using aikeys::test::unnamedInteractiveChildren;

namespace {

constexpr auto kStoredSecret = "mdb_sa_sk_stored-secret-never-shown";
constexpr auto kClientId = "mdb_sa_id_demo";
const QString kOrgId = u"5e2211c17a3e5a48f5497de3"_s;

// The parts of the dialog the tests drive, found by objectName as a user's tools would.
struct Parts
{
    explicit Parts(QDialog &d)
        : list(d.findChild<QTreeWidget *>(u"profileList"_s))
        , emptyLabel(d.findChild<QLabel *>(u"emptyLabel"_s))
        , add(d.findChild<QPushButton *>(u"addButton"_s))
        , duplicate(d.findChild<QPushButton *>(u"duplicateButton"_s))
        , remove(d.findChild<QPushButton *>(u"removeButton"_s))
        , import(d.findChild<QPushButton *>(u"importButton"_s))
        , name(d.findChild<QLineEdit *>(u"nameEdit"_s))
        , endpoint(d.findChild<QComboBox *>(u"endpointCombo"_s))
        , baseUrl(d.findChild<QLineEdit *>(u"baseUrlEdit"_s))
        , auth(d.findChild<QComboBox *>(u"authCombo"_s))
        , publicIdLabel(d.findChild<QLabel *>(u"publicIdLabel"_s))
        , publicId(d.findChild<QLineEdit *>(u"publicIdEdit"_s))
        , secretLabel(d.findChild<QLabel *>(u"secretLabel"_s))
        , secret(d.findChild<QLineEdit *>(u"secretEdit"_s))
        , secretStatus(d.findChild<QLabel *>(u"secretStatusLabel"_s))
        , replace(d.findChild<QPushButton *>(u"replaceSecretButton"_s))
        , keep(d.findChild<QPushButton *>(u"keepSecretButton"_s))
        , orgId(d.findChild<QLineEdit *>(u"orgIdEdit"_s))
        , projectId(d.findChild<QLineEdit *>(u"projectIdEdit"_s))
        , validation(d.findChild<QLabel *>(u"validationLabel"_s))
        , test(d.findChild<QPushButton *>(u"testButton"_s))
        , testProgress(d.findChild<QProgressBar *>(u"testProgress"_s))
        , cancelTest(d.findChild<QPushButton *>(u"cancelTestButton"_s))
        , testResult(d.findChild<QLabel *>(u"testResultLabel"_s))
        , save(d.findChild<QPushButton *>(u"saveButton"_s))
        , revert(d.findChild<QPushButton *>(u"revertButton"_s))
        , signIn(d.findChild<QPushButton *>(u"signInButton"_s))
        , close(d.findChild<QPushButton *>(u"closeButton"_s))
        , bar(d.findChild<MessageBar *>(u"messageBar"_s))
    {}
    bool complete() const
    {
        return list && emptyLabel && add && duplicate && remove && import && name && endpoint && baseUrl &&
               auth && publicIdLabel && publicId && secretLabel && secret && secretStatus && replace &&
               keep && orgId && projectId && validation && test && testProgress && cancelTest && testResult &&
               save && revert && signIn && close && bar;
    }
    QTreeWidget *list;
    QLabel *emptyLabel;
    QPushButton *add, *duplicate, *remove, *import;
    QLineEdit *name;
    QComboBox *endpoint;
    QLineEdit *baseUrl;
    QComboBox *auth;
    QLabel *publicIdLabel;
    QLineEdit *publicId;
    QLabel *secretLabel;
    QLineEdit *secret;
    QLabel *secretStatus;
    QPushButton *replace, *keep;
    QLineEdit *orgId, *projectId;
    QLabel *validation;
    QPushButton *test;
    QProgressBar *testProgress;
    QPushButton *cancelTest;
    QLabel *testResult;
    QPushButton *save, *revert, *signIn, *close;
    MessageBar *bar;
};

// Types into a field the way a user does (textEdited fires).
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void choose(QComboBox *combo, int data)
{
    combo->setCurrentIndex(combo->findData(data));
}

QPushButton *messageAction(MessageBar *bar)
{
    return bar->findChild<QPushButton *>(u"messageAction"_s);
}

} // namespace

class TestProfilesDialog : public QObject
{
    Q_OBJECT

    Profile saveProfile(const QString &name, const QByteArray &secret, const QUrl &baseUrl = {},
                        AuthMode mode = AuthMode::ServiceAccount,
                        const QString &publicId = QString::fromLatin1(kClientId))
    {
        Profile p;
        p.name = name;
        if (baseUrl.isValid())
            p.baseUrl = baseUrl;
        p.authMode = mode;
        p.publicId = publicId;
        Profile stored;
        bool done = false;
        CredentialJob *job = m_manager->save(p, SecretBuffer(QByteArray(secret)));
        connect(job, &CredentialJob::finished, this, [&, j = job] {
            done = true;
            stored = j->profile();
            if (!j->succeeded())
                qWarning("save failed: %s", qPrintable(j->error().toString()));
        });
        if (!QTest::qWaitFor([&done] { return done; }, 5000))
            qWarning("save did not finish");
        return stored;
    }

    // A dialog on screen whose keychain checks are done.
    std::unique_ptr<ProfilesDialog> openDialog()
    {
        auto d = std::make_unique<ProfilesDialog>(m_manager.get());
        QSignalSpy checked(d.get(), &ProfilesDialog::secretStatesChecked);
        d->show();
        if (!QTest::qWaitForWindowExposed(d.get()))
            qWarning("dialog not exposed");
        if (m_store->count() > 0 && checked.isEmpty() && !checked.wait(5000))
            qWarning("keychain checks did not finish");
        const QList<MessageBar *> bars = d->findChildren<MessageBar *>();
        for (MessageBar *bar : bars)
            bar->setAnimated(false);
        return d;
    }

    QByteArray settingsFileBytes() const
    {
        m_qsettings->sync();
        QFile f(m_settingsPath);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    void fillNewServiceAccount(Parts &p, const QString &name, const QString &secret)
    {
        typeInto(p.name, name);
        typeInto(p.publicId, QString::fromLatin1(kClientId));
        typeInto(p.secret, secret);
    }

    void useSim(Parts &p)
    {
        choose(p.endpoint, int(AtlasEndpoint::Custom));
        typeInto(p.baseUrl, m_sim->baseUrl().toString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u".config"_s)));
        test::prepareTestEnvironment();
        m_sim = std::make_unique<SimProcess>();
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    void init()
    {
        MessageBox::clearNextAnswers();
        m_settingsPath = m_home.filePath(u"settings-%1.ini"_s.arg(++m_run));
        m_qsettings = std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(m_qsettings.get());
        m_store = std::make_unique<ProfileStore>(m_settings.get());
        m_keychain =
            std::make_unique<MemorySecretStore>(u"io.github.atlasaikeys.AtlasAiKeys.tst_profilesdialog"_s);
        m_manager = std::make_unique<CredentialManager>(m_store.get(), m_keychain.get(), m_settings.get());
    }

    void cleanup()
    {
        QCOMPARE(MessageBox::pendingAnswers(), 0);
        MessageBox::clearNextAnswers();
        m_manager.reset();
        m_keychain.reset();
        m_store.reset();
        m_settings.reset();
        m_qsettings.reset();
    }

    void cleanupTestCase() { m_sim.reset(); }

    void shouldHaveDefaultValues()
    {
        auto d = openDialog();
        Parts p(*d);
        QVERIFY(p.complete());
        QCOMPARE(d->windowTitle(), u"Profiles"_s);
        QVERIFY2(unnamedInteractiveChildren(d.get()).isEmpty(),
                 qPrintable(unnamedInteractiveChildren(d.get(), NameCheck::Every).join(u", "_s)));

        // First run: no list, a word on where profiles come from, and an empty form for a new one.
        QVERIFY(d->isEditingNewProfile());
        QVERIFY(!d->hasUnsavedChanges());
        QVERIFY(d->selectedProfileId().isNull());
        QVERIFY(p.list->isHidden());
        QVERIFY(!p.emptyLabel->isHidden());
        QVERIFY(p.name->text().isEmpty());
        QCOMPARE(AtlasEndpoint(p.endpoint->currentData().toInt()), AtlasEndpoint::Commercial);
        QCOMPARE(p.endpoint->count(), 3);
        QVERIFY(p.endpoint->itemText(0).contains(u"cloud.mongodb.com"_s));
        QVERIFY(p.endpoint->itemText(1).contains(u"cloud.mongodbgov.com"_s));
        QCOMPARE(d->editedProfile().baseUrl, QUrl(u"https://cloud.mongodb.com"_s));
        QVERIFY(p.baseUrl->isHidden()); // only for Custom
        QCOMPARE(AuthMode(p.auth->currentData().toInt()), AuthMode::ServiceAccount);
        QCOMPARE(p.auth->count(), 3);
        QCOMPARE(p.publicIdLabel->text(), u"&Client ID:"_s);
        QCOMPARE(p.secretLabel->text(), u"Client &secret:"_s);
        QVERIFY(!p.publicId->isHidden());
        QVERIFY(!p.secret->isHidden());
        QCOMPARE(p.secret->echoMode(), QLineEdit::Password);
        QVERIFY(p.replace->isHidden());
        QVERIFY(p.keep->isHidden());
        QVERIFY(p.orgId->text().isEmpty());
        QVERIFY(p.projectId->text().isEmpty());
        // Nothing to complain about before the user has typed anything.
        QVERIFY(p.validation->isHidden());
        QVERIFY(p.testResult->isHidden());
        QVERIFY(p.testProgress->isHidden());
        QVERIFY(p.cancelTest->isHidden());
        QVERIFY(p.bar->isHidden());
        QVERIFY(!p.duplicate->isEnabled());
        QVERIFY(!p.remove->isEnabled());
        QVERIFY(p.save->isEnabled());
        QVERIFY(p.signIn->isEnabled());
        QVERIFY(p.signIn->isDefault());
        // The import menu offers both sources.
        QVERIFY(p.import->menu());
        QVERIFY(d->findChild<QAction *>(u"importAtlasCliAction"_s));
        QVERIFY(d->findChild<QAction *>(u"importEnvironmentAction"_s));
        QCOMPARE(m_keychain->count(), 0);
    }

    void labelsFollowTheAuthMode()
    {
        auto d = openDialog();
        Parts p(*d);
        choose(p.auth, int(AuthMode::ApiKey));
        QCOMPARE(p.publicIdLabel->text(), u"&Public key:"_s);
        QCOMPARE(p.secretLabel->text(), u"Private &key:"_s);
        QVERIFY(!p.publicId->isHidden());
        choose(p.auth, int(AuthMode::AccessToken));
        QCOMPARE(p.secretLabel->text(), u"Access &token:"_s);
        QVERIFY(p.publicId->isHidden());
        QVERIFY(p.publicIdLabel->isHidden());
        choose(p.endpoint, int(AtlasEndpoint::Custom));
        QVERIFY(!p.baseUrl->isHidden());
        choose(p.endpoint, int(AtlasEndpoint::Government));
        QVERIFY(p.baseUrl->isHidden());
        QCOMPARE(d->editedProfile().baseUrl, QUrl(u"https://cloud.mongodbgov.com"_s));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("baseUrl"); // empty: Atlas
        QTest::addColumn<QString>("publicId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("message");
        QTest::newRow("plain http to another host")
            << u"Remote"_s << u"http://remote.example.com"_s << QString::fromLatin1(kClientId) << u"s"_s
            << u"Plain http:// would send credentials unencrypted"_s;
        QTest::newRow("empty client id")
            << u"No id"_s << QString() << QString() << u"s"_s << u"Enter the client id"_s;
        QTest::newRow("empty secret for a new profile")
            << u"No secret"_s << QString() << QString::fromLatin1(kClientId) << QString()
            << u"Enter the client secret."_s;
        QTest::newRow("duplicate name") << u"  existing "_s << QString() << QString::fromLatin1(kClientId)
                                        << u"s"_s << u"A profile named \"Existing\" already exists"_s;
        QTest::newRow("empty name") << QString() << QString() << QString::fromLatin1(kClientId) << u"s"_s
                                    << u"Enter a name"_s;
    }
    void validation()
    {
        QFETCH(QString, name);
        QFETCH(QString, baseUrl);
        QFETCH(QString, publicId);
        QFETCH(QString, secret);
        QFETCH(QString, message);
        const Profile existing = saveProfile(u"Existing"_s, kStoredSecret);
        auto d = openDialog();
        Parts p(*d);
        QTest::mouseClick(p.add, Qt::LeftButton);
        QVERIFY(d->isEditingNewProfile());
        if (!name.isEmpty())
            typeInto(p.name, name);
        if (!baseUrl.isEmpty()) {
            choose(p.endpoint, int(AtlasEndpoint::Custom));
            typeInto(p.baseUrl, baseUrl);
            // Shown as soon as the field was touched, before any Save.
            QTRY_VERIFY(!p.validation->isHidden());
            QVERIFY2(p.validation->text().contains(message), qPrintable(p.validation->text()));
        }
        if (!publicId.isEmpty())
            typeInto(p.publicId, publicId);
        if (!secret.isEmpty())
            typeInto(p.secret, secret);
        const int writes = m_keychain->operationCount(SecretJob::Operation::Write);
        QTest::mouseClick(p.save, Qt::LeftButton);
        QVERIFY(!p.validation->isHidden());
        QVERIFY2(p.validation->text().contains(message), qPrintable(p.validation->text()));
        QVERIFY(d->problems().join(u'\n').contains(message));
        // Refused before anything was written (a negative check: the loop spins a moment for a write).
        QTest::qWait(20);
        QCOMPARE(m_store->count(), 1);
        QCOMPARE(m_keychain->operationCount(SecretJob::Operation::Write), writes);
        QVERIFY(d->isEditingNewProfile());
        // Sign In refuses the same way.
        QTest::mouseClick(p.signIn, Qt::LeftButton);
        QVERIFY(d->isVisible());
        QCOMPARE(m_store->count(), 1);
        Q_UNUSED(existing)
    }

    void savesANewProfile()
    {
        auto d = openDialog();
        Parts p(*d);
        const QString secret = u"mdb_sa_sk_typed-in-the-dialog"_s;
        fillNewServiceAccount(p, u"Production"_s, secret);
        typeInto(p.orgId, kOrgId);
        QVERIFY(p.validation->isHidden());
        QSignalSpy saved(d.get(), &ProfilesDialog::profileSaved);
        QTest::mouseClick(p.save, Qt::LeftButton);
        QVERIFY(saved.wait(5000));
        QCOMPARE(m_store->count(), 1);
        const Profile stored = m_store->profiles().first();
        QCOMPARE(stored.name, u"Production"_s);
        QCOMPARE(stored.publicId, QString::fromLatin1(kClientId));
        QCOMPARE(stored.orgId, kOrgId);
        QCOMPARE(stored.baseUrl, QUrl(u"https://cloud.mongodb.com"_s));
        QVERIFY(m_keychain->holds(stored.secretKey(), secret.toUtf8()));
        QVERIFY(!settingsFileBytes().contains(secret.toUtf8()));
        // The editor now shows the saved profile, with its secret as a status only.
        QVERIFY(!d->isEditingNewProfile());
        QCOMPARE(d->selectedProfileId(), stored.id);
        QVERIFY(p.secret->isHidden());
        QVERIFY(p.secret->text().isEmpty());
        QCOMPARE(p.secretStatus->text(), u"Stored in the keychain"_s);
        QVERIFY(!p.replace->isHidden());
        QVERIFY(!p.list->isHidden());
        QVERIFY(p.emptyLabel->isHidden());
        QCOMPARE(p.list->topLevelItemCount(), 1);
        QCOMPARE(p.list->topLevelItem(0)->text(0), u"Production"_s);
        QCOMPARE(p.list->topLevelItem(0)->text(1), u"Service account"_s);
        QCOMPARE(p.list->topLevelItem(0)->text(2), u"https://cloud.mongodb.com"_s);
        QCOMPARE(p.list->topLevelItem(0)->text(3), u"Stored in the keychain"_s);
        QVERIFY(!anyContains(allTexts(d.get()), secret));
    }

    void storedSecretIsNeverShown()
    {
        const Profile stored = saveProfile(u"Stored"_s, kStoredSecret);
        const int readsBefore = m_keychain->operationCount(SecretJob::Operation::Read);
        auto d = openDialog();
        Parts p(*d);
        QCOMPARE(d->selectedProfileId(), stored.id);
        QCOMPARE(d->secretState(stored.id), ProfilesDialog::SecretState::Stored);
        QCOMPARE(p.secretStatus->text(), u"Stored in the keychain"_s);
        QVERIFY(p.secret->isHidden());
        QVERIFY(p.secret->text().isEmpty());
        QVERIFY(!p.replace->isHidden());
        QCOMPARE(p.list->topLevelItem(0)->text(3), u"Stored in the keychain"_s);
        // The dialog asked whether there is a secret (one read), and shows it nowhere.
        QCOMPARE(m_keychain->operationCount(SecretJob::Operation::Read), readsBefore + 1);
        QVERIFY(!anyContains(allTexts(d.get()), QString::fromLatin1(kStoredSecret)));
        // Not even after Replace.
        QTest::mouseClick(p.replace, Qt::LeftButton);
        QVERIFY(p.secret->text().isEmpty());
        QVERIFY(!anyContains(allTexts(d.get()), QString::fromLatin1(kStoredSecret)));
    }

    void replaceSecret()
    {
        const Profile stored = saveProfile(u"Rotate me"_s, kStoredSecret);
        auto d = openDialog();
        Parts p(*d);
        QTest::mouseClick(p.replace, Qt::LeftButton);
        QVERIFY(!p.secret->isHidden());
        QVERIFY(p.secret->text().isEmpty());
        QVERIFY(!p.keep->isHidden());
        QVERIFY(p.replace->isHidden());
        // Keep Stored goes back without touching the keychain.
        QTest::mouseClick(p.keep, Qt::LeftButton);
        QVERIFY(p.secret->isHidden());
        QVERIFY(!p.replace->isHidden());
        QVERIFY(!d->hasUnsavedChanges());

        QTest::mouseClick(p.replace, Qt::LeftButton);
        typeInto(p.secret, u"mdb_sa_sk_the-new-one"_s);
        QVERIFY(d->hasUnsavedChanges());
        QSignalSpy saved(d.get(), &ProfilesDialog::profileSaved);
        QTest::mouseClick(p.save, Qt::LeftButton);
        QVERIFY(saved.wait(5000));
        QVERIFY(m_keychain->holds(stored.secretKey(), "mdb_sa_sk_the-new-one"));
        QCOMPARE(m_store->count(), 1);
        QCOMPARE(m_store->profiles().first().id, stored.id);
        QVERIFY(p.secret->isHidden());
        QVERIFY(p.secret->text().isEmpty());

        // An edit without Replace keeps the stored secret.
        typeInto(p.name, u"Renamed"_s);
        QTest::mouseClick(p.save, Qt::LeftButton);
        QVERIFY(saved.wait(5000));
        QCOMPARE(m_store->profiles().first().name, u"Renamed"_s);
        QVERIFY(m_keychain->holds(stored.secretKey(), "mdb_sa_sk_the-new-one"));
    }

    void removeAsksFirst()
    {
        const Profile keep = saveProfile(u"Keep"_s, "mdb_sa_sk_keep");
        const Profile doomed = saveProfile(u"Doomed"_s, kStoredSecret);
        auto d = openDialog();
        Parts p(*d);
        d->selectProfile(doomed.id);
        QCOMPARE(d->selectedProfileId(), doomed.id);

        const int prompts = MessageBox::promptCount();
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(p.remove, Qt::LeftButton);
        QCOMPARE(MessageBox::promptCount(), prompts + 1);
        QVERIFY(MessageBox::lastText().contains(u"Remove profile \"Doomed\"?"_s));
        QVERIFY(MessageBox::lastText().contains(u"deleted from the keychain"_s));
        QCOMPARE(m_store->count(), 2);
        QVERIFY(m_keychain->contains(doomed.secretKey()));

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QSignalSpy removed(d.get(), &ProfilesDialog::profileRemoved);
        QTest::mouseClick(p.remove, Qt::LeftButton);
        QVERIFY(removed.wait(5000));
        QCOMPARE(m_store->count(), 1);
        QVERIFY(!m_store->find(doomed.id));
        QVERIFY(!m_keychain->contains(doomed.secretKey()));
        QVERIFY(m_keychain->contains(keep.secretKey()));
        QCOMPARE(p.list->topLevelItemCount(), 1);
        QCOMPARE(d->selectedProfileId(), keep.id);
        QVERIFY(!p.bar->isHidden());
        QVERIFY(p.bar->text().contains(u"Doomed"_s));
    }

    void removeWhenTheKeychainRefuses()
    {
        const Profile doomed = saveProfile(u"Stuck"_s, kStoredSecret);
        m_keychain->setFailure(SecretJob::Operation::Remove, SecretError::Locked, u"injected"_s);
        auto d = openDialog();
        Parts p(*d);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QSignalSpy busy(d.get(), &ProfilesDialog::busyChanged);
        QTest::mouseClick(p.remove, Qt::LeftButton);
        QTRY_VERIFY(!d->isBusy());
        // Kept, with what happened, what to do, and "Remove Anyway".
        QCOMPARE(m_store->count(), 1);
        QVERIFY(!p.bar->isHidden());
        QCOMPARE(p.bar->kind(), MessageBar::Kind::Error);
        QVERIFY2(p.bar->text().contains(u"locked"_s), qPrintable(p.bar->text()));
        QVERIFY(!p.bar->hint().isEmpty());
        QCOMPARE(p.bar->actionText(), u"Remove &Anyway"_s);
        QSignalSpy removed(d.get(), &ProfilesDialog::profileRemoved);
        QTest::mouseClick(messageAction(p.bar), Qt::LeftButton);
        QVERIFY(removed.wait(5000));
        QCOMPARE(m_store->count(), 0);
        // Back to the first-run form.
        QVERIFY(d->isEditingNewProfile());
        QVERIFY(p.bar->hint().contains(doomed.secretKey()));
    }

    void duplicate()
    {
        const Profile source = saveProfile(u"Prod"_s, kStoredSecret);
        auto d = openDialog();
        Parts p(*d);
        QSignalSpy saved(d.get(), &ProfilesDialog::profileSaved);
        QTest::mouseClick(p.duplicate, Qt::LeftButton);
        QVERIFY(saved.wait(5000));
        QCOMPARE(m_store->count(), 2);
        const std::optional<Profile> copy = m_store->findByName(u"Prod (copy)"_s);
        QVERIFY(copy);
        QVERIFY(copy->id != source.id);
        QCOMPARE(copy->publicId, source.publicId);
        QCOMPARE(d->selectedProfileId(), copy->id);
        QCOMPARE(p.name->text(), u"Prod (copy)"_s);
        // The secret came along, straight from keychain to keychain.
        QVERIFY(m_keychain->holds(copy->secretKey(), kStoredSecret));
        QTRY_COMPARE(d->secretState(copy->id), ProfilesDialog::SecretState::Stored);
        QCOMPARE(p.list->topLevelItemCount(), 2);
    }

    void keychainFailureOffersSessionOnly()
    {
        m_keychain->setFailure(SecretJob::Operation::Write, SecretError::NoBackend, u"injected"_s);
        auto d = openDialog();
        Parts p(*d);
        const QString secret = u"mdb_sa_sk_session-only-secret"_s;
        fillNewServiceAccount(p, u"Session"_s, secret);
        QTest::mouseClick(p.save, Qt::LeftButton);
        QTRY_VERIFY(!d->isBusy());
        QCOMPARE(m_store->count(), 0);
        QVERIFY(!p.bar->isHidden());
        QVERIFY2(p.bar->text().contains(u"no keychain service is available"_s), qPrintable(p.bar->text()));
        QVERIFY(p.bar->hint().contains(u"this session only"_s));
        QCOMPARE(p.bar->actionText(), u"Use for This &Session Only"_s);

        QSignalSpy saved(d.get(), &ProfilesDialog::profileSaved);
        QTest::mouseClick(messageAction(p.bar), Qt::LeftButton);
        QVERIFY(saved.wait(5000));
        QCOMPARE(m_store->count(), 1);
        const Profile kept = m_store->profiles().first();
        QVERIFY(kept.sessionOnly);
        QCOMPARE(d->secretState(kept.id), ProfilesDialog::SecretState::SessionOnly);
        QCOMPARE(p.list->topLevelItem(0)->text(3), u"This session only"_s);
        // In memory only: neither the keychain nor settings nor any file under HOME has it.
        QCOMPARE(m_keychain->count(), 0);
        QVERIFY(m_manager->sessionSecrets()->holds(kept.secretKey(), secret.toUtf8()));
        QVERIFY(!settingsFileBytes().contains("Session"));
        QVERIFY(test::filesContaining(m_home.path(), secret.toUtf8()).isEmpty());
    }

    void importFromAtlasCliConfig()
    {
        auto d = openDialog();
        const QString path = SimProcess::testDataDir() + u"/atlascli/apikey.toml"_s;
        ProfileImportDialog *import = d->importFromAtlasCliConfig(path);
        QVERIFY(import);
        QVERIFY(import->isVisible());
        QTreeWidget *list = import->candidateList();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), u"[default]"_s);
        QCOMPARE(list->topLevelItem(0)->text(1), u"default"_s);
        QVERIFY(list->topLevelItem(0)->text(3).contains(u"qwertyui"_s));
        QCOMPARE(list->topLevelItem(0)->checkState(0), Qt::Checked);
        // Before importing, the dialog says the file keeps its plain-text copy.
        auto *note = import->findChild<QLabel *>(u"noteLabel"_s);
        QVERIFY(note->text().contains(u"plain-text copy"_s));
        QVERIFY(note->text().contains(QDir::toNativeSeparators(path)));
        QVERIFY(!anyContains(allTexts(import), u"test-private-1"_s));
        QVERIFY2(unnamedInteractiveChildren(import).isEmpty(),
                 qPrintable(unnamedInteractiveChildren(import, NameCheck::Every).join(u", "_s)));

        MessageBox::setNextAnswer(QMessageBox::Ok);
        QSignalSpy finished(import, &ProfileImportDialog::importFinished);
        QTest::mouseClick(import->findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), true);
        // And afterwards, naming the file, the profile and the field.
        QVERIFY2(MessageBox::lastText().contains(u"plain-text copy is still in"_s),
                 qPrintable(MessageBox::lastText()));
        QVERIFY(MessageBox::lastText().contains(u"private_api_key"_s));

        QCOMPARE(m_store->count(), 1);
        const Profile imported = m_store->profiles().first();
        QCOMPARE(imported.name, u"default"_s);
        QCOMPARE(imported.authMode, AuthMode::ApiKey);
        QCOMPARE(imported.publicId, u"qwertyui"_s);
        QCOMPARE(imported.orgId, u"5e2211c17a3e5a48f5497de3"_s);
        QVERIFY(m_keychain->holds(imported.secretKey(), "0f3e8a62-4c1d-4b7e-9a55-test-private-1"));
        QTRY_COMPARE(d->selectedProfileId(), imported.id);
        QTRY_COMPARE(d->secretState(imported.id), ProfilesDialog::SecretState::Stored);
    }

    void importAsksForSecretsTheFileLacks()
    {
        auto d = openDialog();
        ProfileImportDialog *import =
            d->importFromAtlasCliConfig(SimProcess::testDataDir() + u"/atlascli/keyring.toml"_s);
        QTreeWidget *list = import->candidateList();
        QCOMPARE(list->topLevelItemCount(), 2);
        // Newer Atlas CLI versions keep the secret in their keyring: a password field per row.
        auto *first = import->findChild<QLineEdit *>(u"secretEdit0"_s);
        auto *second = import->findChild<QLineEdit *>(u"secretEdit1"_s);
        QVERIFY(first && second);
        QCOMPARE(first->echoMode(), QLineEdit::Password);
        QTest::keyClicks(first, u"typed-private-key"_s);

        MessageBox::setNextAnswer(QMessageBox::Ok);
        QSignalSpy finished(import, &ProfileImportDialog::importFinished);
        QTest::mouseClick(import->findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_store->count(), 2);
        const std::optional<Profile> withSecret = m_store->findByName(u"default"_s);
        const std::optional<Profile> without = m_store->findByName(u"robot"_s);
        QVERIFY(withSecret && without);
        QCOMPARE(without->baseUrl, QUrl(u"https://cloud.mongodbgov.com"_s));
        QVERIFY(m_keychain->holds(withSecret->secretKey(), "typed-private-key"));
        QVERIFY(!m_keychain->contains(without->secretKey()));
        QVERIFY(MessageBox::lastText().contains(u"has no client secret yet"_s));
        QTRY_COMPARE(d->secretState(without->id), ProfilesDialog::SecretState::Missing);

        // Importing the same file again offers nothing new.
        ProfileImportDialog *again =
            d->importFromAtlasCliConfig(SimProcess::testDataDir() + u"/atlascli/keyring.toml"_s);
        QCOMPARE(again->candidateList()->topLevelItem(0)->checkState(0), Qt::Unchecked);
        QVERIFY(again->candidateList()->topLevelItem(0)->text(1).contains(u"Already"_s));
        QVERIFY(!again->findChild<QPushButton *>(u"importButton"_s)->isEnabled());
        again->reject();
    }

    // The keychain refuses while importing: the dialog offers the profile editor's way out, for the
    // profile that failed and those after it, without asking again for what was typed.
    void importOffersSessionOnlyWhenTheKeychainRefuses()
    {
        m_keychain->setFailure(SecretJob::Operation::Write, SecretError::Locked, u"injected"_s);
        auto d = openDialog();
        ProfileImportDialog *import =
            d->importFromAtlasCliConfig(SimProcess::testDataDir() + u"/atlascli/keyring.toml"_s);
        QTreeWidget *list = import->candidateList();
        QCOMPARE(list->topLevelItemCount(), 2);
        QTest::keyClicks(import->findChild<QLineEdit *>(u"secretEdit0"_s), u"typed-private-key"_s);
        QSignalSpy finished(import, &ProfileImportDialog::importFinished);
        QTest::mouseClick(import->findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(m_store->count(), 0);
        auto *bar = import->findChild<MessageBar *>(u"importMessageBar"_s);
        QVERIFY(bar && !bar->isHidden());
        QVERIFY2(bar->text().contains(u"locked"_s), qPrintable(bar->text()));
        QVERIFY2(bar->hint().contains(u"this session only"_s), qPrintable(bar->hint()));
        QCOMPARE(bar->actionText(), u"Use for This &Session Only"_s);
        QCOMPARE(import->sessionOnlyCandidates(), (QList<int>{0, 1}));
        // What was typed is not shown again, and is not lost either.
        QVERIFY(!anyContains(allTexts(import), u"typed-private-key"_s));

        MessageBox::setNextAnswer(QMessageBox::Ok);
        finished.clear();
        QTest::mouseClick(messageAction(bar), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY2(MessageBox::lastText().contains(u"for this session only"_s),
                 qPrintable(MessageBox::lastText()));
        QCOMPARE(m_store->count(), 2);
        const std::optional<Profile> typed = m_store->findByName(u"default"_s);
        const std::optional<Profile> without = m_store->findByName(u"robot"_s);
        QVERIFY(typed && without);
        QVERIFY(typed->sessionOnly && without->sessionOnly);
        QVERIFY(m_manager->sessionSecrets()->holds(typed->secretKey(), "typed-private-key"));
        QCOMPARE(m_keychain->count(), 0);
        QVERIFY(!settingsFileBytes().contains("robot"));
        QVERIFY(test::filesContaining(m_home.path(), "typed-private-key").isEmpty());
        QTRY_COMPARE(d->secretState(typed->id), ProfilesDialog::SecretState::SessionOnly);
    }

    // A locked keychain is named as such, not taken for "no secret stored".
    void lockedKeychainIsNotMissingSecret()
    {
        const Profile stored = saveProfile(u"Locked away"_s, kStoredSecret);
        m_keychain->setFailure(SecretJob::Operation::Read, SecretError::Locked, u"injected"_s);
        auto d = openDialog();
        Parts p(*d);
        QTRY_COMPARE(d->secretState(stored.id), ProfilesDialog::SecretState::Locked);
        QCOMPARE(p.list->topLevelItem(0)->text(3), u"Keychain locked"_s);
        QVERIFY2(p.secretStatus->text().contains(u"locked"_s), qPrintable(p.secretStatus->text()));
        QVERIFY2(!p.secretStatus->text().contains(u"None stored"_s), qPrintable(p.secretStatus->text()));
        QVERIFY2(p.secretStatus->toolTip().contains(u"unlock"_s, Qt::CaseInsensitive),
                 qPrintable(p.secretStatus->toolTip()));
    }

    void importMalformedConfigSaysWhere()
    {
        auto d = openDialog();
        ProfileImportDialog *import =
            d->importFromAtlasCliConfig(SimProcess::testDataDir() + u"/atlascli/malformed.toml"_s);
        auto *label = import->findChild<QLabel *>(u"sourceLabel"_s);
        QVERIFY2(label->text().contains(u"line 4"_s), qPrintable(label->text()));
        QVERIFY(!import->findChild<QPushButton *>(u"importButton"_s)->isEnabled());
        import->reject();
    }

    void importFromEnvironment()
    {
        auto d = openDialog();
        QProcessEnvironment env;
        env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, u"envpublic"_s);
        env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, u"env-private-key"_s);
        ProfileImportDialog *import = d->importFromEnvironment(env);
        QCOMPARE(import->candidateList()->topLevelItemCount(), 1);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QSignalSpy finished(import, &ProfileImportDialog::importFinished);
        QTest::mouseClick(import->findChild<QPushButton *>(u"importButton"_s), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_store->count(), 1);
        QVERIFY(m_keychain->holds(m_store->profiles().first().secretKey(), "env-private-key"));
        QVERIFY(MessageBox::lastText().contains(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s));
    }

    void testConnection_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("publicId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<bool>("works");
        QTest::newRow("api key, right")
            << int(AuthMode::ApiKey) << u"demo"_s << u"demo-private-key"_s << true;
        QTest::newRow("api key, wrong") << int(AuthMode::ApiKey) << u"demo"_s << u"not-the-key"_s << false;
        QTest::newRow("service account, right")
            << int(AuthMode::ServiceAccount) << u"mdb_sa_id_demo"_s << u"mdb_sa_sk_demo"_s << true;
        QTest::newRow("service account, wrong")
            << int(AuthMode::ServiceAccount) << u"mdb_sa_id_demo"_s << u"mdb_sa_sk_wrong"_s << false;
    }
    void testConnection()
    {
        QFETCH(int, mode);
        QFETCH(QString, publicId);
        QFETCH(QString, secret);
        QFETCH(bool, works);
        auto d = openDialog();
        Parts p(*d);
        typeInto(p.name, u"Sim"_s);
        useSim(p);
        choose(p.auth, mode);
        typeInto(p.publicId, publicId);
        typeInto(p.secret, secret);
        QSignalSpy tested(d.get(), &ProfilesDialog::connectionTested);
        QTest::mouseClick(p.test, Qt::LeftButton);
        // Busy while it runs, with a way out.
        QVERIFY(d->isTesting());
        QVERIFY(!p.testProgress->isHidden());
        QVERIFY(!p.cancelTest->isHidden());
        QVERIFY(!p.test->isEnabled());
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.first().first().toBool(), works);
        QVERIFY(p.testProgress->isHidden());
        QVERIFY(p.cancelTest->isHidden());
        QVERIFY(!p.testResult->isHidden());
        if (works) {
            QVERIFY2(p.testResult->text().contains(u"Connected to"_s), qPrintable(p.testResult->text()));
            // The organizations it sees, by name.
            QVERIFY2(p.testResult->text().contains(u"Acme Analytics"_s), qPrintable(p.testResult->text()));
        } else {
            // The ApiError's message and its hint about the credentials.
            QVERIFY2(p.testResult->text().contains(u"Atlas rejected the credentials"_s),
                     qPrintable(p.testResult->text()));
            QVERIFY2(p.testResult->text().contains(u"Check the profile's credentials"_s),
                     qPrintable(p.testResult->text()));
        }
        // A test writes nothing and is not a sign-in.
        QCOMPARE(m_store->count(), 0);
        QCOMPARE(m_keychain->count(), 0);
        QVERIFY(m_settings->lastProfileId().isNull());
    }

    void testConnectionWithTheStoredSecret()
    {
        const Profile stored =
            saveProfile(u"Sim stored"_s, "demo-private-key", m_sim->baseUrl(), AuthMode::ApiKey, u"demo"_s);
        auto d = openDialog();
        Parts p(*d);
        QCOMPARE(d->selectedProfileId(), stored.id);
        QVERIFY(p.secret->isHidden());
        QSignalSpy tested(d.get(), &ProfilesDialog::connectionTested);
        QTest::mouseClick(p.test, Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.first().first().toBool(), true);
        QVERIFY(p.testResult->text().contains(u"Connected to"_s));
        QVERIFY(m_settings->lastProfileId().isNull());

        // A profile whose secret is missing says so instead of trying.
        m_keychain->clear();
        auto again = openDialog();
        Parts q(*again);
        QCOMPARE(again->secretState(stored.id), ProfilesDialog::SecretState::Missing);
        QVERIFY(!q.secret->isHidden());
        QVERIFY(q.secretStatus->text().contains(u"None stored"_s));
        QSignalSpy testedAgain(again.get(), &ProfilesDialog::connectionTested);
        QTest::mouseClick(q.test, Qt::LeftButton);
        QCOMPARE(testedAgain.count(), 1);
        QCOMPARE(testedAgain.first().first().toBool(), false);
        QVERIFY(q.testResult->text().contains(u"Enter the private key"_s));
    }

    void cancelTest()
    {
        SimProcess slow({u"--latency-ms"_s, u"5000"_s});
        QVERIFY2(slow.start(), qPrintable(slow.errorString()));
        auto d = openDialog();
        Parts p(*d);
        typeInto(p.name, u"Slow"_s);
        choose(p.endpoint, int(AtlasEndpoint::Custom));
        typeInto(p.baseUrl, slow.baseUrl().toString());
        choose(p.auth, int(AuthMode::ApiKey));
        typeInto(p.publicId, u"demo"_s);
        typeInto(p.secret, u"demo-private-key"_s);
        QSignalSpy tested(d.get(), &ProfilesDialog::connectionTested);
        QTest::mouseClick(p.test, Qt::LeftButton);
        QTRY_VERIFY(d->isTesting());
        QTest::mouseClick(p.cancelTest, Qt::LeftButton);
        QVERIFY(tested.wait(2000));
        QCOMPARE(tested.first().first().toBool(), false);
        QVERIFY(p.testResult->text().contains(u"cancelled"_s));
        QVERIFY(!d->isTesting());
    }

    void testConnectionSaysTheAccessListFirst()
    {
        SimProcess listed({u"--access-list"_s, u"demo=192.0.2.0/24"_s});
        QVERIFY2(listed.start(), qPrintable(listed.errorString()));
        auto d = openDialog();
        Parts p(*d);
        typeInto(p.name, u"Listed"_s);
        choose(p.endpoint, int(AtlasEndpoint::Custom));
        typeInto(p.baseUrl, listed.baseUrl().toString());
        choose(p.auth, int(AuthMode::ApiKey));
        typeInto(p.publicId, u"demo"_s);
        typeInto(p.secret, u"demo-private-key"_s);
        QSignalSpy tested(d.get(), &ProfilesDialog::connectionTested);
        QTest::mouseClick(p.test, Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.first().first().toBool(), false);
        // Before anything else: what happened and the address Atlas saw, then where to add it.
        const QString text = p.testResult->text();
        QVERIFY2(text.startsWith(u"Atlas refused the request from 127.0.0.1"_s), qPrintable(text));
        QVERIFY2(text.contains(u"Add 127.0.0.1 to the API access list"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"rejected the credentials"_s), qPrintable(text));
    }

    void signInSavesThenAccepts()
    {
        // First run: fill in the form and sign in straight away.
        auto d = openDialog();
        Parts p(*d);
        fillNewServiceAccount(p, u"First"_s, u"mdb_sa_sk_first"_s);
        QSignalSpy accepted(d.get(), &QDialog::accepted);
        QTest::mouseClick(p.signIn, Qt::LeftButton);
        QVERIFY(accepted.wait(5000));
        QCOMPARE(d->result(), int(QDialog::Accepted));
        QCOMPARE(m_store->count(), 1);
        QCOMPARE(d->selectedProfileId(), m_store->profiles().first().id);
        QVERIFY(p.secret->text().isEmpty());

        // An existing profile: Sign In accepts with it as it is.
        auto again = openDialog();
        Parts q(*again);
        QCOMPARE(again->selectedProfileId(), m_store->profiles().first().id);
        QSignalSpy acceptedAgain(again.get(), &QDialog::accepted);
        QTest::mouseClick(q.signIn, Qt::LeftButton);
        QCOMPARE(acceptedAgain.count(), 1);
        QCOMPARE(m_store->count(), 1);
    }

    void switchingAwayFromEditsAsks()
    {
        const Profile a = saveProfile(u"Alpha"_s, "mdb_sa_sk_a");
        const Profile b = saveProfile(u"Beta"_s, "mdb_sa_sk_b");
        auto d = openDialog();
        Parts p(*d);
        d->selectProfile(a.id);
        typeInto(p.name, u"Alpha edited"_s);
        QVERIFY(d->hasUnsavedChanges());
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        d->selectProfile(b.id);
        QCOMPARE(d->selectedProfileId(), a.id);
        QCOMPARE(p.name->text(), u"Alpha edited"_s);
        MessageBox::setNextAnswer(QMessageBox::Discard);
        d->selectProfile(b.id);
        QCOMPARE(d->selectedProfileId(), b.id);
        QCOMPARE(p.name->text(), u"Beta"_s);
        QCOMPARE(m_store->find(a.id)->name, u"Alpha"_s);
    }

    void chooseProfileReturnsNothingOnClose()
    {
        saveProfile(u"Only"_s, "mdb_sa_sk_only");
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<ProfilesDialog *>(QApplication::activeModalWidget());
            if (dialog)
                dialog->reject();
        });
        QVERIFY(!ProfilesDialog::chooseProfile(m_manager.get(), nullptr));
        const QUuid id = m_store->profiles().first().id;
        QTimer::singleShot(0, this, [] {
            if (auto *dialog = qobject_cast<ProfilesDialog *>(QApplication::activeModalWidget()))
                dialog->accept();
        });
        const std::optional<QUuid> chosen = ProfilesDialog::chooseProfile(m_manager.get(), nullptr);
        QVERIFY(chosen);
        QCOMPARE(*chosen, id);
    }
    // SecretPrompt on its own: tst_secretprompt.

private:
    QTemporaryDir m_home;
    QString m_settingsPath;
    int m_run = 0;
    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_keychain;
    std::unique_ptr<CredentialManager> m_manager;
};

QTEST_MAIN(TestProfilesDialog)
#include "tst_profilesdialog.moc"
