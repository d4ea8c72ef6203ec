#include "common/filedialog.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "credentials/atlascliimport.h"
#include "credentials/credentialmanager.h"
#include "credentials/memorysecretstore.h"
#include "credentials/profilestore.h"
#include "profiles/profileimportdialog.h"
#include "profiles/profilesdialog.h"
#include "settings.h"
#include "testenv.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::allTexts;
using aikeys::test::anyContains;
using aikeys::test::child;
using aikeys::test::SimProcess;
using aikeys::test::unnamedInteractiveChildren;

namespace {

QString dataFile(const QString &name)
{
    return SimProcess::testDataDir() + u"/atlascli/"_s + name;
}

QList<QTreeWidgetItem *> rows(QTreeWidget *list)
{
    QList<QTreeWidgetItem *> items;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        items << list->topLevelItem(i);
    return items;
}

} // namespace

// ProfileImportDialog (declared in profilesdialog.h): the profiles found in the Atlas CLI's
// config.toml or in MONGODB_ATLAS_* variables, each becoming a profile here when checked. Built
// directly on an AtlasCliImport, with the keychain in memory.
class TestProfileImportDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    int m_run = 0;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_keychain;
    std::unique_ptr<CredentialManager> m_manager;

    std::unique_ptr<ProfileImportDialog> openDialog(AtlasCliImport source)
    {
        auto d = std::make_unique<ProfileImportDialog>(std::move(source), m_manager.get());
        d->show();
        if (!QTest::qWaitForWindowExposed(d.get()))
            qWarning("dialog not exposed");
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u".config"_s)));
        test::prepareTestEnvironment();
    }

    void init()
    {
        MessageBox::clearNextAnswers();
        m_qsettings = std::make_unique<QSettings>(m_home.filePath(u"settings-%1.ini"_s.arg(++m_run)),
                                                  QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(m_qsettings.get());
        m_store = std::make_unique<ProfileStore>(m_settings.get());
        m_keychain = std::make_unique<MemorySecretStore>(
            u"io.github.atlasaikeys.AtlasAiKeys.tst_profileimportdialog"_s);
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

    void defaultState()
    {
        const QString path = dataFile(u"multiple.toml"_s);
        const qsizetype found = AtlasCliImport::fromAtlasCliConfig(path).candidates().size();
        QVERIFY(found >= 3);
        auto d = openDialog(AtlasCliImport::fromAtlasCliConfig(path));
        QCOMPARE(d->windowTitle(), u"Import from the Atlas CLI"_s);
        QVERIFY2(unnamedInteractiveChildren(d.get()).isEmpty(),
                 qPrintable(unnamedInteractiveChildren(d.get()).join(u", "_s)));
        QVERIFY(!d->isImporting());
        QVERIFY(d->sessionOnlyCandidates().isEmpty());
        QCOMPARE(d->source().path(), path);

        // The file it read, which another can replace.
        QCOMPARE(child<QLineEdit>(d.get(), "configPathEdit")->text(), QDir::toNativeSeparators(path));
        QVERIFY(child<QPushButton>(d.get(), "readButton")->isEnabled());
        QVERIFY(child<QPushButton>(d.get(), "browseButton")->isEnabled());
        QVERIFY(child<QLabel>(d.get(), "sourceLabel")->text().contains(QDir::toNativeSeparators(path)));

        // Every profile with credentials, each checked (none exists here yet), under a free name.
        QTreeWidget *list = d->candidateList();
        QCOMPARE(child<QTreeWidget>(d.get(), "candidateList"), list);
        QVERIFY(list->isEnabled());
        QCOMPARE(list->topLevelItemCount(), int(found));
        for (QTreeWidgetItem *item : rows(list))
            QCOMPARE(item->checkState(0), Qt::Checked);
        QCOMPARE(list->topLevelItem(0)->text(0), u"[default]"_s);
        QCOMPARE(list->topLevelItem(0)->text(1), u"default"_s);
        QVERIFY(list->topLevelItem(0)->text(3).contains(u"abcdefgh"_s));

        // Import is the default button; nothing is shown in the message bar; the note says the file
        // keeps its plain-text copy; no secret of the file is on screen.
        auto *import = child<QPushButton>(d.get(), "importButton");
        QVERIFY(import->isEnabled());
        QVERIFY(import->isDefault());
        QVERIFY(child<QPushButton>(d.get(), "closeButton")->isEnabled());
        QVERIFY(child<MessageBar>(d.get(), "importMessageBar")->isHidden());
        QVERIFY(child<QLabel>(d.get(), "noteLabel")->text().contains(u"plain-text copy"_s));
        const QStringList texts = allTexts(d.get());
        QVERIFY(!anyContains(texts, "test-private-2"));
        QVERIFY(!anyContains(texts, "mdb_sa_sk_test_gov_secret"));
        QVERIFY(!anyContains(texts, "test-refresh-token"));
        QCOMPARE(m_store->count(), 0);
    }

    void importButtonFollowsTheChecks()
    {
        auto d = openDialog(AtlasCliImport::fromAtlasCliConfig(dataFile(u"multiple.toml"_s)));
        auto *import = child<QPushButton>(d.get(), "importButton");
        for (QTreeWidgetItem *item : rows(d->candidateList()))
            item->setCheckState(0, Qt::Unchecked);
        QVERIFY(!import->isEnabled());
        d->candidateList()->topLevelItem(1)->setCheckState(0, Qt::Checked);
        QVERIFY(import->isEnabled());
    }

    void importsTheCheckedProfilesOnly()
    {
        auto d = openDialog(AtlasCliImport::fromAtlasCliConfig(dataFile(u"multiple.toml"_s)));
        const QList<QTreeWidgetItem *> items = rows(d->candidateList());
        for (QTreeWidgetItem *item : items)
            item->setCheckState(0, item->text(0) == u"[default]"_s ? Qt::Checked : Qt::Unchecked);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QSignalSpy imported(d.get(), &ProfileImportDialog::imported);
        QSignalSpy finished(d.get(), &ProfileImportDialog::importFinished);
        QTest::mouseClick(child<QPushButton>(d.get(), "importButton"), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(imported.count(), 1);
        const auto ids = imported.first().first().value<QList<QUuid>>();
        QCOMPARE(ids.size(), 1);
        QCOMPARE(m_store->count(), 1);
        const Profile p = m_store->profiles().first();
        QCOMPARE(p.id, ids.first());
        QCOMPARE(p.name, u"default"_s);
        QCOMPARE(p.authMode, AuthMode::ApiKey);
        QCOMPARE(p.publicId, u"abcdefgh"_s);
        QVERIFY(m_keychain->holds(p.secretKey(), "11111111-aaaa-bbbb-cccc-test-private-2"));
        QVERIFY2(MessageBox::lastText().contains(u"1 profile"_s), qPrintable(MessageBox::lastText()));
        QCOMPARE(d->result(), int(QDialog::Accepted));
        QVERIFY(!d->isImporting());

        // Read again, the imported one is there already: unchecked and said so.
        auto again = openDialog(AtlasCliImport::fromAtlasCliConfig(dataFile(u"multiple.toml"_s)));
        QTreeWidgetItem *first = again->candidateList()->topLevelItem(0);
        QCOMPARE(first->checkState(0), Qt::Unchecked);
        QVERIFY(first->text(1).contains(u"Already"_s));
    }

    void readingAnotherFileReplacesTheList()
    {
        auto d = openDialog(AtlasCliImport::fromAtlasCliConfig(dataFile(u"multiple.toml"_s)));
        auto *path = child<QLineEdit>(d.get(), "configPathEdit");
        path->setText(QDir::toNativeSeparators(dataFile(u"apikey.toml"_s)));
        QTest::mouseClick(child<QPushButton>(d.get(), "readButton"), Qt::LeftButton);
        QCOMPARE(d->source().path(), dataFile(u"apikey.toml"_s));
        QCOMPARE(d->candidateList()->topLevelItemCount(), 1);
        QVERIFY(d->candidateList()->topLevelItem(0)->text(3).contains(u"qwertyui"_s));
        QVERIFY(child<QPushButton>(d.get(), "importButton")->isEnabled());

        // A file that cannot be read: its error, no rows, nothing to import.
        d->readConfig(dataFile(u"malformed.toml"_s));
        QCOMPARE(d->candidateList()->topLevelItemCount(), 0);
        QVERIFY(!d->source().ok());
        QCOMPARE(child<QLabel>(d.get(), "sourceLabel")->text(), d->source().errorString());
        QVERIFY(!child<QPushButton>(d.get(), "importButton")->isEnabled());
        QVERIFY(!d->isImporting());
    }

    void browseChoosesAndReadsAFile()
    {
        auto d = openDialog(AtlasCliImport::fromAtlasCliConfig(dataFile(u"multiple.toml"_s)));
        const int before = d->candidateList()->topLevelItemCount();
        // Cancel first: nothing changes.
        FileDialog::setNextOpenFileName(QString());
        QTest::mouseClick(child<QPushButton>(d.get(), "browseButton"), Qt::LeftButton);
        QCOMPARE(d->source().path(), dataFile(u"multiple.toml"_s));
        QCOMPARE(d->candidateList()->topLevelItemCount(), before);
        // The dialog opened where the current file is.
        QCOMPARE(QDir(FileDialog::lastSuggestedPath()),
                 QFileInfo(dataFile(u"multiple.toml"_s)).absoluteDir());
        // A chosen file is shown in the field and read at once.
        FileDialog::setNextOpenFileName(dataFile(u"apikey.toml"_s));
        QTest::mouseClick(child<QPushButton>(d.get(), "browseButton"), Qt::LeftButton);
        QCOMPARE(d->source().path(), dataFile(u"apikey.toml"_s));
        QCOMPARE(child<QLineEdit>(d.get(), "configPathEdit")->text(),
                 QDir::toNativeSeparators(dataFile(u"apikey.toml"_s)));
        QCOMPARE(d->candidateList()->topLevelItemCount(), 1);
        FileDialog::clearNextAnswers();
    }

    void fromTheEnvironment()
    {
        QProcessEnvironment env;
        env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, u"envpublic"_s);
        env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, u"env-private-key"_s);
        auto d = openDialog(AtlasCliImport::fromEnvironment(env));
        QCOMPARE(d->windowTitle(), u"Import from Environment Variables"_s);
        // No file to choose: the form's path row is not shown.
        auto *path = d->findChild<QLineEdit *>(u"configPathEdit"_s);
        auto *read = d->findChild<QPushButton *>(u"readButton"_s);
        QVERIFY(path && read);
        QVERIFY(!path->isVisibleTo(d.get()));
        QVERIFY(!read->isVisibleTo(d.get()));
        QCOMPARE(d->candidateList()->topLevelItemCount(), 1);
        QVERIFY(d->candidateList()->topLevelItem(0)->text(3).contains(u"envpublic"_s));
        QVERIFY(!anyContains(allTexts(d.get()), "env-private-key"));
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QSignalSpy finished(d.get(), &ProfileImportDialog::importFinished);
        QTest::mouseClick(child<QPushButton>(d.get(), "importButton"), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_store->count(), 1);
        QVERIFY(m_keychain->holds(m_store->profiles().first().secretKey(), "env-private-key"));
    }

    void anEmptyEnvironmentOffersNothing()
    {
        auto d = openDialog(AtlasCliImport::fromEnvironment(QProcessEnvironment()));
        QCOMPARE(d->candidateList()->topLevelItemCount(), 0);
        const QString said = child<QLabel>(d.get(), "sourceLabel")->text();
        QVERIFY2(said.contains(u"No Atlas credentials are set in the environment"_s), qPrintable(said));
        QVERIFY(!child<QPushButton>(d.get(), "importButton")->isEnabled());
    }

    void theKeychainRefusingOffersThisSessionOnly()
    {
        m_keychain->setFailure(SecretJob::Operation::Write, SecretError::Locked, u"injected"_s);
        auto d = openDialog(AtlasCliImport::fromAtlasCliConfig(dataFile(u"apikey.toml"_s)));
        QSignalSpy finished(d.get(), &ProfileImportDialog::importFinished);
        QTest::mouseClick(child<QPushButton>(d.get(), "importButton"), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(d->isVisible());
        QCOMPARE(m_store->count(), 0);
        QCOMPARE(d->sessionOnlyCandidates(), QList<int>{0});
        auto *bar = child<MessageBar>(d.get(), "importMessageBar");
        QTRY_VERIFY(!bar->isHidden());
        QVERIFY(!bar->actionText().isEmpty());
    }
};

QTEST_MAIN(TestProfileImportDialog)
#include "tst_profileimportdialog.moc"
