#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "audit/auditkeymodel.h"
#include "audit/auditview.h"
#include "audit/terraformexportdialog.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "credentials/credentialmanager.h"
#include "credentials/memorysecretstore.h"
#include "credentials/profilestore.h"
#include "credentials/sessionopener.h"
#include "keys/keysview.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"
#include "models/orgtreefilterproxymodel.h"
#include "models/orgtreeloader.h"
#include "models/orgtreemodel.h"
#include "platform/clipboardhints.h"
#include "ratelimits/ratelimitview.h"
#include "rotation/rotationspanel.h"
#include "rotation/rotationtracker.h"
#include "security/secureclipboard.h"
#include "settings.h"
#include "simprocess.h"
#include "testenv.h"
#include "testsupport.h"
#include "window/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <functional>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using namespace aikeys;
using namespace aikeys::test;

namespace {

const QString kProdSearch = u"66a0b1c2d3e4f5a6b7c8d101"_s;
const QString kStagingSearch = u"66a0b1c2d3e4f5a6b7c8d102"_s;
const QString kAcme = u"65f1c0de2a9b4e0012a0c001"_s;

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>(m_settings.get());
        window->show();
        window->keysView()->messageBar()->setAnimated(false);
        return window;
    }

    // Signs the window in and waits for the organizations, the projects and the key counts.
    static bool signIn(MainWindow *window, AtlasSession *session, const Profile &profile = {},
                       bool demo = false)
    {
        QSignalSpy loaded(window, &MainWindow::firstLoadFinished);
        window->setSession(session, profile, demo);
        return loaded.wait(20000);
    }

    static bool selectAndWait(MainWindow *window, const QString &projectId)
    {
        if (!window->selectProject(projectId))
            return false;
        return waitIdle(window->keysView());
    }

    static bool waitIdle(KeysView *keys, int timeoutMs = 20000)
    {
        return QTest::qWaitFor([keys] { return !keys->isLoading() && !keys->isBusy(); }, timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        prepareTestEnvironment();
        qRegisterMetaType<aikeys::ApiError>();
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        MessageBox::clearNextAnswers();
        m_qsettings = std::make_unique<QSettings>(
            m_dir.filePath(u"settings-%1.ini"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))),
            QSettings::IniFormat);
        m_qsettings->clear();
        m_settings = std::make_unique<Settings>(m_qsettings.get());
        m_settings->setClipboardClearSeconds(30);
    }

    void cleanup()
    {
        m_settings.reset();
        m_qsettings.reset();
        QGuiApplication::clipboard()->clear();
    }

    void signedOutBeforeSignIn()
    {
        auto window = makeWindow();
        auto *stack = window->findChild<QStackedWidget *>(u"mainStack"_s);
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), u"signedOutPage"_s);
        QVERIFY(!window->keysView()->newKeyAction()->isEnabled());
        QVERIFY(!window->refreshAction()->isEnabled());
        QVERIFY(!window->signOutAction()->isEnabled());
        QSignalSpy asked(window.get(), &MainWindow::signInRequested);
        auto *button = window->findChild<QAbstractButton *>(u"signInButton"_s);
        QVERIFY(button);
        button->click();
        QCOMPARE(asked.count(), 1);
        const QStringList unnamed = unnamedInteractiveChildren(window.get());
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
    }

    // Every action of the key table's context menu has an icon from the app's set, as New Key and
    // Delete do.
    void contextMenuActionsHaveIcons()
    {
        auto window = makeWindow();
        KeysView *keys = window->keysView();
        for (QAction *action :
             {keys->newKeyAction(), keys->renameAction(), keys->deleteAction(), keys->copyIdAction(),
              keys->copyMaskedAction(), window->rotateAction(), window->exportTerraformAction()})
            QVERIFY2(!action->icon().isNull(), qPrintable(action->objectName()));
    }

    // The main flow: sign in (through SessionOpener, secret from a memory store), the tree fills, a
    // project's keys, then create, read the secret, rename, delete.
    void browseCreateRenameDelete()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));

        MemorySecretStore keychain;
        ProfileStore profiles(m_settings.get());
        CredentialManager credentials(&profiles, &keychain, m_settings.get());
        Profile profile;
        profile.name = u"Simulator"_s;
        profile.baseUrl = sim.baseUrl();
        profile.authMode = AuthMode::ServiceAccount;
        profile.publicId = u"mdb_sa_id_demo"_s;
        CredentialJob *saved = credentials.save(profile, SecretBuffer(QByteArray("mdb_sa_sk_demo")));
        saved->setAutoDelete(false);
        QSignalSpy savedSpy(saved, &CredentialJob::finished);
        QVERIFY(savedSpy.wait(5000));
        QVERIFY2(saved->succeeded(), qPrintable(saved->error().toString()));
        profile = saved->profile();
        delete saved;

        auto *opener = new SessionOpener(&credentials);
        opener->setAutoDelete(false);
        QSignalSpy opened(opener, &SessionOpener::finished);
        opener->open(profile);
        QVERIFY(opened.wait(10000));
        QVERIFY2(opener->succeeded(), qPrintable(opener->error().toString()));

        auto window = makeWindow();
        window->setCredentialManager(&credentials);
        QVERIFY(signIn(window.get(), opener->takeSession(), profile));
        delete opener;
        QVERIFY(window->windowTitle().contains(u"Simulator"_s));
        QVERIFY(!window->windowTitle().contains(u"Demo"_s));

        // The tree: three organizations, Acme's three projects, and their key counts once expanded.
        OrgTreeModel *tree = window->treeModel();
        QCOMPARE(tree->rowCount(), 3);
        const QModelIndex acme = tree->indexOfOrganization(kAcme);
        QVERIFY(acme.isValid());
        QTRY_COMPARE(tree->rowCount(acme), 3);
        QVERIFY(window->treeView()->isExpanded(window->treeProxy()->mapFromSource(acme)));
        QTRY_VERIFY(tree->indexOfProject(kProdSearch).data(OrgTreeModel::KeyCountRole).isValid());
        const qint64 prodCount =
            tree->indexOfProject(kProdSearch).data(OrgTreeModel::KeyCountRole).toLongLong();

        // The project's keys, as an independent listing sees them.
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        KeysView *keys = window->keysView();
        KeyTableModel *model = keys->model();
        const QList<AiKey> listed = listProjectKeys(window->client(), kProdSearch);
        QCOMPARE(model->rowCount(), listed.size());
        QCOMPARE(qint64(model->rowCount()), prodCount);
        QCOMPARE(model->columnCount(), int(KeyTableModel::ColumnCount) - 1);
        int never = 0;
        for (const AiKey &k : listed)
            never += k.neverUsed() ? 1 : 0;
        const QString counts = window->countsText();
        QVERIFY2(counts.contains(QString::number(listed.size())), qPrintable(counts));
        if (never > 0)
            QVERIFY2(counts.contains(u"%1 not used yet"_s.arg(never)), qPrintable(counts));

        // Sorted by name, A to Z, until the user says otherwise.
        QCOMPARE(keys->table()->horizontalHeader()->sortIndicatorSection(), int(KeyTableModel::Name));
        QCOMPARE(keys->table()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
        QVERIFY(isSorted(keys->proxy(), KeyTableModel::Name, Qt::AscendingOrder));

        // "Last used": relative words, the exact local time in the tooltip.
        for (int row = 0; row < model->rowCount(); ++row) {
            const AiKey &k = model->keyAt(row);
            const QModelIndex lastUsed = model->index(row, KeyTableModel::LastUsed);
            if (k.lastUsedAt) {
                QCOMPARE(lastUsed.data(Qt::ToolTipRole).toString(),
                         QLocale().toString(k.lastUsedAt->toLocalTime(), QLocale::LongFormat));
            } else {
                QCOMPARE(lastUsed.data().toString(), u"never"_s);
            }
        }

        // Every column sorts.
        QHeaderView *header = keys->table()->horizontalHeader();
        for (int column = 0; column < model->columnCount(); ++column) {
            header->setSortIndicator(column, Qt::DescendingOrder);
            QCOMPARE(keys->proxy()->sortColumn(), column);
            QVERIFY(isSorted(keys->proxy(), column, Qt::DescendingOrder));
        }
        header->setSortIndicator(KeyTableModel::Name, Qt::AscendingOrder);

        QVERIFY(activate(window.get()));

        // Create through the UI: the dialog, then the one-time secret dialog.
        const QString newName = u"tst window key"_s;
        QByteArray secret;
        QString dialogProject;
        bool dialogsDone = false;
        whenModal(u"createKeyDialog"_s, [&](QWidget *dialog) {
            dialogProject = dialog->findChild<QComboBox *>(u"projectCombo"_s)->currentData().toString();
            dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(newName);
            whenModal(u"secretDialog"_s, [&](QWidget *secretDialog) {
                secret = secretDialog->findChild<QLineEdit *>(u"secretEdit"_s)->text().toUtf8();
                secretDialog->findChild<QAbstractButton *>(u"copyButton"_s)->click();
                secretDialog->findChild<QCheckBox *>(u"storedCheck"_s)->setChecked(true);
                secretDialog->findChild<QAbstractButton *>(u"doneButton"_s)->click();
                dialogsDone = true;
            });
            dialog->findChild<QAbstractButton *>(u"createButton"_s)->click();
        });
        QVERIFY(keys->newKeyAction()->isEnabled());
        keys->newKeyAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(dialogsDone, 20000);
        QCOMPARE(dialogProject, kProdSearch);
        QVERIFY2(secret.startsWith("al-") && secret.size() > 20, secret.constData());

        // The secret on the clipboard, with the hint for clipboard managers, and the countdown shown in
        // the status bar.
        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->text().toUtf8(), secret);
        const QList<ClipboardFormat> hints = secretClipboardHints();
        QVERIFY(!hints.isEmpty());
        for (const ClipboardFormat &hint : hints)
            QCOMPARE(mime->data(hint.mimeType), hint.data);
        auto *clipboardStatus = window->findChild<QLabel *>(u"clipboardStatus"_s);
        QVERIFY(clipboardStatus->isVisible());
        QVERIFY2(clipboardStatus->text().contains(u"Clipboard clears in"_s),
                 qPrintable(clipboardStatus->text()));

        // The new row, from the server's answer, selected; no secret anywhere in the models or the window.
        QTRY_VERIFY(model->rowCount() == listed.size() + 1);
        const std::optional<AiKey> created = keys->currentKey();
        QVERIFY(created);
        QCOMPARE(created->name, newName);
        QVERIFY(!created->apiKeyId.isEmpty());
        QCOMPARE(created->maskedSecret.right(4), QString::fromLatin1(secret.right(4)));
        QVERIFY2(modelTexts(model).filter(QString::fromLatin1(secret)).isEmpty(), "secret in the key model");
        QVERIFY2(modelTexts(keys->proxy()).filter(QString::fromLatin1(secret)).isEmpty(),
                 "secret in the proxy");
        QVERIFY2(modelTexts(tree).filter(QString::fromLatin1(secret)).isEmpty(), "secret in the tree");
        QVERIFY(!anyContains(allTexts(window.get()), secret));
        QTRY_COMPARE(tree->indexOfProject(kProdSearch).data(OrgTreeModel::KeyCountRole).toLongLong(),
                     prodCount + 1);

        // F5: the count stays the new one (the organization is counted again, nothing older is put back).
        QSignalSpy recounted(window->treeLoader(), &OrgTreeLoader::keyCountsLoaded);
        window->refreshAction()->trigger();
        QVERIFY(recounted.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), 10000);
        QCOMPARE(tree->indexOfProject(kProdSearch).data(OrgTreeModel::KeyCountRole).toLongLong(),
                 prodCount + 1);
        QCOMPARE(keys->currentKey()->apiKeyId, created->apiKeyId); // the refresh kept the selection

        // Rename through the dialog (F2 on the table).
        const QString renamed = u"tst window key renamed"_s;
        bool renameAsked = false;
        whenModal(u"renameKeyDialog"_s, [&](QWidget *dialog) {
            dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(renamed);
            dialog->findChild<QAbstractButton *>(u"renameButton"_s)->click();
            renameAsked = true;
        });
        // The offscreen platform has no window manager to give the focus back after a dialog.
        QVERIFY(activate(window.get()));
        keys->table()->setFocus();
        QTest::keyClick(keys->table(), Qt::Key_F2);
        QTRY_VERIFY(renameAsked);
        QTRY_COMPARE_WITH_TIMEOUT(model->keyAt(model->rowOfKey(created->apiKeyId)).name, renamed, 10000);
        QCOMPARE(serverKey(window->client(), kProdSearch, created->apiKeyId).name, renamed);

        // Rename in place: the proxy's edit goes to Atlas; the row changes with the answer.
        const QString inPlace = u"tst edited in place"_s;
        const QModelIndex nameIndex = keys->proxy()->mapFromSource(
            model->index(model->rowOfKey(created->apiKeyId), KeyTableModel::Name));
        QVERIFY(keys->proxy()->flags(nameIndex).testFlag(Qt::ItemIsEditable));
        QCOMPARE(keys->proxy()->data(nameIndex, Qt::EditRole).toString(), renamed);
        QVERIFY(
            !keys->proxy()->setData(nameIndex, inPlace, Qt::EditRole)); // nothing changes until Atlas answers
        QTRY_COMPARE_WITH_TIMEOUT(model->keyAt(model->rowOfKey(created->apiKeyId)).name, inPlace, 10000);

        // Copy key ID with Ctrl+C on the row: plain text, no secret hint.
        QVERIFY(keys->selectKey(created->apiKeyId));
        QVERIFY(activate(window.get()));
        keys->table()->setFocus();
        QTest::keySequence(keys->table(), QKeySequence::Copy);
        QCOMPARE(QGuiApplication::clipboard()->text(), created->apiKeyId);
        for (const ClipboardFormat &hint : hints)
            QVERIFY(!QGuiApplication::clipboard()->mimeData()->hasFormat(hint.mimeType));
        keys->copyMaskedAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), created->maskedSecret);

        // Delete (Del on the table), confirmed in the dialog.
        bool deleteAsked = false;
        whenModal(u"deleteKeyDialog"_s, [&](QWidget *dialog) {
            dialog->findChild<QAbstractButton *>(u"deleteButton"_s)->click();
            deleteAsked = true;
        });
        QVERIFY(activate(window.get()));
        keys->table()->setFocus();
        QTest::keyClick(keys->table(), Qt::Key_Delete);
        QTRY_VERIFY(deleteAsked);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowOfKey(created->apiKeyId), -1, 10000);
        QCOMPARE(model->rowCount(), listed.size());
        QCOMPARE(listProjectKeys(window->client(), kProdSearch).size(), listed.size());
        QTRY_COMPARE(tree->indexOfProject(kProdSearch).data(OrgTreeModel::KeyCountRole).toLongLong(),
                     prodCount);

        // Every control a user reaches has a name for tests and screen readers.
        const QStringList unnamed = unnamedInteractiveChildren(window.get());
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));

        // Sign out: back to the signed-out page, the profile menu still knows the profile.
        QSignalSpy signedOut(window.get(), &MainWindow::signedOut);
        window->signOutAction()->trigger();
        QVERIFY(signedOut.wait(10000));
        QVERIFY(!window->session());
        QCOMPARE(window->findChild<QStackedWidget *>(u"mainStack"_s)->currentWidget()->objectName(),
                 u"signedOutPage"_s);
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(tree->rowCount(), 0);
    }

    void deleteOfVanishedKeySaysSo()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        QVERIFY(selectAndWait(window.get(), kStagingSearch));
        KeysView *keys = window->keysView();
        const AiKey victim = keys->model()->keyAt(0);
        QVERIFY(keys->selectKey(victim.apiKeyId));

        // Someone else deletes it first.
        QVERIFY(deleteOnServer(window->client(), kStagingSearch, victim.apiKeyId));

        whenModal(u"deleteKeyDialog"_s, [](QWidget *dialog) {
            // Recently used keys need their name typed.
            auto *confirm = dialog->findChild<QLineEdit *>(u"confirmEdit"_s);
            if (confirm && confirm->isVisible())
                confirm->setText(dialog->findChild<QLabel *>(u"nameValue"_s)->text());
            dialog->findChild<QAbstractButton *>(u"deleteButton"_s)->click();
        });
        keys->deleteAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(keys->model()->rowOfKey(victim.apiKeyId), -1, 10000);
        QTRY_VERIFY(keys->messageBar()->isVisible());
        QVERIFY2(keys->messageBar()->text().contains(u"already been deleted"_s),
                 qPrintable(keys->messageBar()->text()));
    }

    void organizationShowsAllItsKeys()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        QVERIFY(window->selectOrganization(kAcme));
        QVERIFY(waitIdle(window->keysView()));

        KeysView *keys = window->keysView();
        KeyTableModel *model = keys->model();
        QCOMPARE(keys->scope(), Scope::Organization);
        QCOMPARE(model->columnCount(), int(KeyTableModel::ColumnCount));
        QCOMPARE(model->headerData(KeyTableModel::Project, Qt::Horizontal).toString(), u"Project"_s);

        // As many keys as the projects of Acme hold, each named after its project.
        OrgTreeModel *tree = window->treeModel();
        const QModelIndex acme = tree->indexOfOrganization(kAcme);
        qint64 expected = 0;
        QHash<QString, QString> names;
        for (int row = 0; row < tree->rowCount(acme); ++row) {
            const QModelIndex project = tree->index(row, 0, acme);
            expected +=
                listProjectKeys(window->client(), project.data(OrgTreeModel::IdRole).toString()).size();
            names.insert(project.data(OrgTreeModel::IdRole).toString(),
                         project.data(OrgTreeModel::NameRole).toString());
            // The tree's counts came from the same org-wide listing.
            QVERIFY(project.data(OrgTreeModel::KeyCountRole).isValid());
        }
        QCOMPARE(qint64(model->rowCount()), expected);
        QSet<QString> seenProjects;
        for (int row = 0; row < model->rowCount(); ++row) {
            const AiKey &k = model->keyAt(row);
            QCOMPARE(model->index(row, KeyTableModel::Project).data().toString(), names.value(k.groupId));
            seenProjects.insert(k.groupId);
        }
        QVERIFY(seenProjects.size() > 1);

        // Filtering on a project name in the org view.
        keys->filterEdit()->setText(u"staging"_s);
        QVERIFY(keys->proxy()->rowCount() > 0);
        for (int row = 0; row < keys->proxy()->rowCount(); ++row) {
            const QModelIndex index = keys->proxy()->index(row, 0);
            QCOMPARE(index.data(KeyTableModel::ProjectIdRole).toString(), kStagingSearch);
        }
        QVERIFY2(window->countsText().contains(u" of "_s), qPrintable(window->countsText()));

        // Back to a project: the Project column goes.
        keys->filterEdit()->clear();
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        QCOMPARE(model->columnCount(), int(KeyTableModel::ColumnCount) - 1);
    }

    // An organization selected as soon as it is listed (--select) has its keys listed before its projects
    // arrive: the Project column still ends up with the projects' names, not their ids.
    void projectNamesFollowTheTree()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        window->selectWhenLoaded(u"Acme Analytics"_s);
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        KeysView *keys = window->keysView();
        QVERIFY(waitIdle(keys));
        QCOMPARE(keys->scope(), Scope::Organization);
        KeyTableModel *model = keys->model();
        QVERIFY(model->rowCount() > 0);
        const QHash<QString, QString> names = window->treeModel()->projectNames();
        for (int row = 0; row < model->rowCount(); ++row) {
            const AiKey &k = model->keyAt(row);
            QVERIFY(names.contains(k.groupId));
            QCOMPARE(model->index(row, KeyTableModel::Project).data().toString(), names.value(k.groupId));
        }
    }

    // Switching between a project and its organization adds and removes the Project column on an
    // emptied model; the table stays sorted as its header says, and keys that arrive later land in
    // their place.
    void sortSurvivesSwitchingScopes()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        KeysView *keys = window->keysView();
        QHeaderView *header = keys->table()->horizontalHeader();

        // The server's order is not the names' order, or a lost sort would go unnoticed.
        QStringList serverOrder;
        for (const AiKey &k : listProjectKeys(window->client(), kProdSearch))
            serverOrder << k.name;
        QStringList byName = serverOrder;
        std::sort(byName.begin(), byName.end());
        QVERIFY(serverOrder != byName);

        // What is wrong with the order, or nothing.
        auto sortProblem = [&](int column, Qt::SortOrder order) -> QString {
            if (header->sortIndicatorSection() != column || header->sortIndicatorOrder() != order)
                return u"header says column %1, order %2"_s.arg(header->sortIndicatorSection())
                    .arg(int(header->sortIndicatorOrder()));
            if (keys->proxy()->sortColumn() != column || keys->proxy()->sortOrder() != order)
                return u"proxy sorts by column %1, order %2"_s.arg(keys->proxy()->sortColumn())
                    .arg(int(keys->proxy()->sortOrder()));
            if (keys->proxy()->rowCount() < 2)
                return u"too few rows"_s;
            if (!isSorted(keys->proxy(), column, order))
                return u"rows out of order"_s;
            return {};
        };
        // True when sorted so; says what is wrong otherwise.
        auto sortedBy = [&](int column, Qt::SortOrder order) {
            const QString problem = sortProblem(column, order);
            if (!problem.isEmpty())
                qWarning("%s", qPrintable(problem));
            return problem.isEmpty();
        };

        QVERIFY(selectAndWait(window.get(), kProdSearch));
        QVERIFY(sortedBy(KeyTableModel::Name, Qt::AscendingOrder));
        QVERIFY(window->selectOrganization(kAcme));
        QVERIFY(waitIdle(keys));
        QVERIFY(sortedBy(KeyTableModel::Name, Qt::AscendingOrder));
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        QVERIFY(sortedBy(KeyTableModel::Name, Qt::AscendingOrder));

        // A key that comes with a refresh lands where its name puts it, not at the bottom.
        const QString first = u"aaa first by name"_s;
        QVERIFY(createOnServer(window->client(), kProdSearch, first));
        window->refreshAction()->trigger();
        QVERIFY(waitIdle(keys));
        QTRY_COMPARE(keys->proxy()->index(0, KeyTableModel::Name).data().toString(), first);
        QVERIFY(sortedBy(KeyTableModel::Name, Qt::AscendingOrder));

        // Another column and order survive the round trip as well.
        header->setSortIndicator(KeyTableModel::LastUsed, Qt::DescendingOrder);
        QVERIFY(sortedBy(KeyTableModel::LastUsed, Qt::DescendingOrder));
        QVERIFY(window->selectOrganization(kAcme));
        QVERIFY(waitIdle(keys));
        QVERIFY(sortedBy(KeyTableModel::LastUsed, Qt::DescendingOrder));
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        QVERIFY(sortedBy(KeyTableModel::LastUsed, Qt::DescendingOrder));

        // Sorted by Project in the org view: back in a project, whose table has no such column, by name.
        QVERIFY(window->selectOrganization(kAcme));
        QVERIFY(waitIdle(keys));
        header->setSortIndicator(KeyTableModel::Project, Qt::AscendingOrder);
        QVERIFY(sortedBy(KeyTableModel::Project, Qt::AscendingOrder));
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        QVERIFY(sortedBy(KeyTableModel::Name, Qt::AscendingOrder));
    }

    // In the org view the Project column comes right after Name, where a 1280-pixel window shows it
    // without scrolling; the model keeps it last, so the project view's columns do not move.
    void projectColumnFollowsTheName()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        window->resize(1280, 760);
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        KeysView *keys = window->keysView();
        QHeaderView *header = keys->table()->horizontalHeader();
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        for (int column = 0; column < keys->model()->columnCount(); ++column)
            QCOMPARE(header->visualIndex(column), column);

        QVERIFY(window->selectOrganization(kAcme));
        QVERIFY(waitIdle(keys));
        QCOMPARE(keys->model()->columnCount(), int(KeyTableModel::ColumnCount));
        QCOMPARE(header->visualIndex(KeyTableModel::Project), header->visualIndex(KeyTableModel::Name) + 1);
        QVERIFY(!header->isSectionHidden(KeyTableModel::Project));
        const int right = header->sectionViewportPosition(KeyTableModel::Project) +
                          header->sectionSize(KeyTableModel::Project);
        QVERIFY2(right <= header->viewport()->width(),
                 qPrintable(u"%1 > %2"_s.arg(right).arg(header->viewport()->width())));
        // Wide enough for the demo's longest project name.
        const int wanted = keys->table()->fontMetrics().horizontalAdvance(u"data-science-sandbox"_s);
        QVERIFY(header->sectionSize(KeyTableModel::Project) >= wanted);

        // Back in a project: the columns in their own order again; and again in the org view.
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        for (int column = 0; column < keys->model()->columnCount(); ++column)
            QCOMPARE(header->visualIndex(column), column);
        QVERIFY(window->selectOrganization(kAcme));
        QVERIFY(waitIdle(keys));
        QCOMPARE(header->visualIndex(KeyTableModel::Project), header->visualIndex(KeyTableModel::Name) + 1);
    }

    // An organization's tens of thousands of keys go into the table a slice per event once the last
    // page is in: the view is loading until all are in, the table then holds them sorted, and what is
    // selected meanwhile wins over the keys still on their way.
    void largeOrganizationFillsBetweenEvents()
    {
        SimProcess sim({u"--generate"_s, u"orgs=1,projects=20,keys=20000"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        OrgTreeModel *tree = window->treeModel();
        const QModelIndex org = tree->index(0, 0);
        QTRY_COMPARE(tree->rowCount(org), 20);
        const QString orgId = org.data(OrgTreeModel::IdRole).toString();
        const QString projectId = tree->index(0, 0, org).data(OrgTreeModel::IdRole).toString();
        KeysView *keys = window->keysView();

        // Right after the last page: loading, the table still empty.
        int checks = 0;
        bool loadingAfterLastPage = false;
        int rowsAfterLastPage = -1;
        std::function<void()> afterLastPage;
        connect(keys, &KeysView::loadProgress, keys, [&](qint64 done, qint64 total) {
            if (keys->scope() != Scope::Organization || total <= 0 || done < total)
                return;
            QTimer::singleShot(0, keys, [&] {
                ++checks;
                loadingAfterLastPage = keys->isLoading();
                rowsAfterLastPage = keys->model()->rowCount();
                // Once: taken out before it runs (a function must not reset itself while it runs).
                if (const std::function<void()> once = std::exchange(afterLastPage, nullptr))
                    once();
            });
        });
        QSignalSpy loading(keys, &KeysView::loadingChanged);
        QVERIFY(window->selectOrganization(orgId));
        QVERIFY(waitIdle(keys));
        QCOMPARE(checks, 1);
        QVERIFY(loadingAfterLastPage);
        QCOMPARE(rowsAfterLastPage, 0);
        QCOMPARE(loading.count(), 2);
        QCOMPARE(loading.at(1).at(0).toBool(), false);
        QCOMPARE(keys->model()->rowCount(), 20000);
        QCOMPARE(keys->proxy()->rowCount(), 20000);
        QCOMPARE(keys->proxy()->sortColumn(), int(KeyTableModel::Name));
        QVERIFY(isSorted(keys->proxy(), KeyTableModel::Name, Qt::AscendingOrder));
        QVERIFY2(keys->countsText().startsWith(u"20,000 keys"_s) ||
                     keys->countsText().startsWith(u"20000 keys"_s),
                 qPrintable(keys->countsText()));

        // Again, but a project is selected as the last page comes: its keys are what stays.
        QVERIFY(selectAndWait(window.get(), projectId));
        afterLastPage = [&] { window->selectProject(projectId); };
        checks = 0;
        QVERIFY(window->selectOrganization(orgId));
        QTRY_COMPARE(checks, 1);
        QVERIFY(loadingAfterLastPage);
        QCOMPARE(rowsAfterLastPage, 0);
        QVERIFY(waitIdle(keys));
        // A negative check: no late slice of the organization's keys may replace the project's; the loop
        // spins a moment for one to show.
        QTest::qWait(200);
        QCOMPARE(keys->scope(), Scope::Project);
        const int rows = keys->model()->rowCount();
        QVERIFY2(rows > 0 && rows < 20000, qPrintable(QString::number(rows)));
        for (int row = 0; row < rows; ++row)
            QCOMPARE(keys->model()->keyAt(row).groupId, projectId);
        QVERIFY(!keys->isLoading());
    }

    void refreshKeepsSelectionAndScroll()
    {
        SimProcess sim({u"--generate"_s, u"orgs=1,projects=2,keys=400"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        window->resize(900, 500);
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        OrgTreeModel *tree = window->treeModel();
        const QModelIndex org = tree->index(0, 0);
        QTRY_COMPARE(tree->rowCount(org), 2);
        const QString projectId = tree->index(0, 0, org).data(OrgTreeModel::IdRole).toString();
        QVERIFY(selectAndWait(window.get(), projectId));

        KeysView *keys = window->keysView();
        QTableView *table = keys->table();
        QVERIFY(keys->model()->rowCount() >= 150);
        const QModelIndex target = keys->proxy()->index(120, 0);
        const QString targetId = target.data(KeyTableModel::KeyIdRole).toString();
        QVERIFY(keys->selectKey(targetId));
        table->scrollTo(target, QAbstractItemView::PositionAtTop);
        const int scroll = table->verticalScrollBar()->value();
        QVERIFY(scroll > 0);

        // A key appears on the server; F5.
        const QString otherName = u"zzz added meanwhile"_s;
        QVERIFY(createOnServer(window->client(), projectId, otherName));
        const int before = keys->model()->rowCount();
        QSignalSpy reset(keys->model(), &QAbstractItemModel::modelReset);
        QVERIFY(activate(window.get()));
        QTest::keyClick(window.get(), Qt::Key_F5);
        QTRY_VERIFY(keys->isLoading() || keys->model()->rowCount() == before + 1);
        QVERIFY(waitIdle(keys));
        QTRY_COMPARE(keys->model()->rowCount(), before + 1);
        QCOMPARE(reset.count(), 0); // merged, not reset
        QCOMPARE(keys->currentKey()->apiKeyId, targetId);
        QCOMPARE(table->verticalScrollBar()->value(), scroll);
    }

    void escapeStopsASlowLoad()
    {
        SimProcess sim({u"--latency-ms"_s, u"1500"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        KeysView *keys = window->keysView();
        QVERIFY(window->selectProject(kProdSearch));
        QVERIFY(keys->isLoading());
        auto *progress = window->findChild<QProgressBar *>(u"loadProgress"_s);
        QVERIFY(progress->isVisible());
        QVERIFY(window->stopAction()->isEnabled());

        QElapsedTimer timer;
        timer.start();
        QVERIFY(activate(window.get()));
        QTest::keyClick(window.get(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!keys->isLoading(), 1000);
        QVERIFY2(timer.elapsed() < 1000, "the load went on after Esc");
        QVERIFY(!progress->isVisible());
        QVERIFY(!window->stopAction()->isEnabled());
        QCOMPARE(keys->model()->rowCount(), 0);
        auto *placeholder = keys->findChild<QLabel *>(u"keysPlaceholder"_s);
        QVERIFY2(placeholder->text().contains(u"stopped"_s), qPrintable(placeholder->text()));
        QVERIFY(!keys->messageBar()->isVisible()); // a cancel is not an error

        // F5 loads them after all.
        QTest::keyClick(window.get(), Qt::Key_F5);
        QVERIFY(keys->isLoading());
        QVERIFY(waitIdle(keys));
        QVERIFY(keys->model()->rowCount() > 0);
    }

    // Before the tree has anything to select, the right side says what is going on.
    void placeholderWhileOrganizationsLoad()
    {
        SimProcess sim({u"--latency-ms"_s, u"1500"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        KeysView *keys = window->keysView();
        auto *placeholder = keys->findChild<QLabel *>(u"keysPlaceholder"_s);
        QVERIFY(placeholder);
        QSignalSpy loaded(window.get(), &MainWindow::firstLoadFinished);
        window->setSession(makeSession(sim.baseUrl()), Profile());
        QVERIFY(window->isLoading());
        QCOMPARE(window->treeModel()->rowCount(), 0);
        QVERIFY2(placeholder->isVisible() && placeholder->text().contains(u"Loading organizations"_s),
                 qPrintable(placeholder->text()));

        // Esc: stopped, and how to start again.
        QVERIFY(activate(window.get()));
        QTest::keyClick(window.get(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), 2000);
        QCOMPARE(window->treeModel()->rowCount(), 0);
        QVERIFY2(placeholder->text().contains(u"Loading stopped. Press F5 to load again."_s),
                 qPrintable(placeholder->text()));

        // F5: loading again, then something to select.
        QTest::keyClick(window.get(), Qt::Key_F5);
        QVERIFY(window->isLoading());
        QVERIFY2(placeholder->text().contains(u"Loading organizations"_s), qPrintable(placeholder->text()));
        QVERIFY(loaded.wait(30000));
        QVERIFY(window->treeModel()->rowCount() > 0);
        QVERIFY2(placeholder->text().contains(u"Select a project"_s), qPrintable(placeholder->text()));
    }

    // Retries announce themselves in the status bar; once the listing has ended (here: failed for good),
    // the announcement goes, and the message bar alone says what happened.
    void retryNoticeEndsWithTheListing()
    {
        SimProcess sim({u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"503"_s, u"--fault-match"_s,
                        u"GET /api/atlas/v2/groups/*/aiModelApiKeys"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        KeysView *keys = window->keysView();
        QSignalSpy notices(keys, &KeysView::statusMessage);
        QVERIFY(window->selectProject(kProdSearch));
        QVERIFY(waitIdle(keys, 60000));
        QStringList said;
        for (const QList<QVariant> &args : std::as_const(notices))
            said << args.value(0).toString();
        QVERIFY2(!said.filter(u"trying again"_s).isEmpty(), qPrintable(said.join(u'\n')));
        QVERIFY(keys->messageBar()->isVisible());
        QCOMPARE(keys->messageBar()->kind(), MessageBar::Kind::Error);
        const QString status = window->statusBar()->currentMessage();
        QVERIFY2(!status.contains(u"trying again"_s), qPrintable(status));
    }

    void errorShowsMessageBarWithRetry()
    {
        SimProcess sim({u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"503"_s, u"--fault-count"_s, u"2"_s,
                        u"--fault-match"_s, u"GET /api/atlas/v2/groups/*/aiModelApiKeys"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl(), /*retries*/ false)));
        KeysView *keys = window->keysView();
        MessageBar *bar = keys->messageBar();

        QVERIFY(selectAndWait(window.get(), kProdSearch));
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->kind(), MessageBar::Kind::Error);
        QVERIFY2(bar->text().contains(u"503"_s), qPrintable(bar->text()));
        QVERIFY(!bar->hint().isEmpty());
        // The request is a detail: in the tooltip, not in what the bar says.
        QVERIFY2(!bar->text().contains(u"/api/"_s) && !bar->hint().contains(u"/api/"_s),
                 qPrintable(bar->text()));
        QVERIFY2(bar->details().contains(u"GET /api/atlas/v2/groups/%1/aiModelApiKeys"_s.arg(kProdSearch)),
                 qPrintable(bar->details()));
        QCOMPARE(bar->findChild<QLabel *>(u"messageText"_s)->toolTip(), bar->details());
        QCOMPARE(bar->actionText().remove(u'&'), u"Retry"_s);
        QCOMPARE(keys->model()->rowCount(), 0);

        auto *action = bar->findChild<QAbstractButton *>(u"messageAction"_s);
        QVERIFY(action && action->isVisible());
        action->click(); // the second fault
        QVERIFY(waitIdle(keys));
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(keys->model()->rowCount(), 0);

        action->click(); // the fault count is spent: this one works
        QVERIFY(waitIdle(keys));
        QTRY_VERIFY(!bar->isVisible());
        QVERIFY(keys->model()->rowCount() > 0);
    }

    void readOnlyPrincipalGetsActionsDisabled()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl(), true, AuthMode::ApiKey, u"demo-readonly"_s,
                                                 "demo-readonly-private-key")));
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        KeysView *keys = window->keysView();
        const int rows = keys->model()->rowCount();
        QVERIFY(rows > 0);
        QVERIFY(keys->selectKey(keys->model()->keyAt(0).apiKeyId));
        QVERIFY(keys->newKeyAction()->isEnabled()); // nothing said otherwise yet

        QSignalSpy signedOut(window.get(), &MainWindow::signedOut);
        whenModal(u"createKeyDialog"_s, [](QWidget *dialog) {
            dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"read only attempt"_s);
            dialog->findChild<QAbstractButton *>(u"createButton"_s)->click();
        });
        keys->newKeyAction()->trigger();
        QVERIFY(waitIdle(keys));

        // Atlas answers 401 USER_UNAUTHORIZED: a missing role, not wrong credentials. The window
        // stays signed in, the write actions for this project go, and the message names the role.
        QCOMPARE(signedOut.count(), 0);
        QVERIFY(window->session() && !window->session()->isSignedOut());
        QTRY_VERIFY(keys->isWriteDenied(kProdSearch));
        QVERIFY(!keys->newKeyAction()->isEnabled());
        QVERIFY(!keys->renameAction()->isEnabled());
        QVERIFY(!keys->deleteAction()->isEnabled());
        QVERIFY(keys->copyIdAction()->isEnabled());
        QCOMPARE(keys->deniedRole(kProdSearch), u"Project Model Owner"_s);
        MessageBar *bar = keys->messageBar();
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->hint().contains(u"Project Model Owner"_s), qPrintable(bar->hint()));
        QVERIFY(keys->renameAction()->toolTip().contains(u"Project Model Owner"_s));
        QCOMPARE(keys->model()->rowCount(), rows);
        // No in-place editing either.
        const QModelIndex name = keys->proxy()->index(0, KeyTableModel::Name);
        QVERIFY(!keys->proxy()->flags(name).testFlag(Qt::ItemIsEditable));

        // Another project is not concerned until Atlas says so.
        QVERIFY(selectAndWait(window.get(), kStagingSearch));
        QVERIFY(keys->newKeyAction()->isEnabled());
    }

    void lostCreateOffersDeletion()
    {
        SimProcess sim(
            {u"--drop-rate"_s, u"1"_s, u"--fault-match"_s, u"POST /api/atlas/v2/groups/*/aiModelApiKeys"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        KeysView *keys = window->keysView();
        const int rows = keys->model()->rowCount();

        // Keep the first lost key; delete the second one.
        for (const bool deleteIt : {false, true}) {
            const QString name = deleteIt ? u"lost and deleted"_s : u"lost and kept"_s;
            MessageBox::clearNextAnswers();
            MessageBox::setNextAnswer(deleteIt ? QMessageBox::Yes : QMessageBox::No);
            const int prompts = MessageBox::promptCount();
            bool secretShown = false;
            whenModal(u"createKeyDialog"_s, [&](QWidget *dialog) {
                dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(name);
                dialog->findChild<QAbstractButton *>(u"createButton"_s)->click();
            });
            whenModal(
                u"secretDialog"_s, [&](QWidget *) { secretShown = true; }, 3000);
            keys->newKeyAction()->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(MessageBox::promptCount() > prompts, 20000);
            QVERIFY(waitIdle(keys));
            QVERIFY(!secretShown);
            const QString asked = MessageBox::lastText();
            QVERIFY2(asked.contains(u"was created"_s), qPrintable(asked));
            QVERIFY2(asked.contains(u"cannot be recovered"_s), qPrintable(asked));
            QVERIFY2(asked.contains(name), qPrintable(asked));
            QCOMPARE(MessageBox::pendingAnswers(), 0);

            const QList<AiKey> onServer = listProjectKeys(window->client(), kProdSearch);
            const bool exists = std::any_of(onServer.cbegin(), onServer.cend(),
                                            [&](const AiKey &k) { return k.name == name; });
            QCOMPARE(exists, !deleteIt);
            bool shown = false;
            for (int row = 0; row < keys->model()->rowCount(); ++row)
                shown = shown || keys->model()->keyAt(row).name == name;
            QTRY_COMPARE(shown, !deleteIt);
        }
        QCOMPARE(keys->model()->rowCount(), rows + 1);
    }

    void duplicateOfAFreeNameIsCheckedLikeALostCreate()
    {
        // The name was free in the list the dialog checked; Atlas then says it is taken. The client
        // cannot tell its own lost first attempt from someone else's key: it re-lists and asks.
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        KeysView *keys = window->keysView();
        const QString name = u"taken meanwhile"_s;
        QVERIFY(createOnServer(window->client(), kProdSearch, name));

        MessageBox::setNextAnswer(QMessageBox::No);
        const int prompts = MessageBox::promptCount();
        whenModal(u"createKeyDialog"_s, [&](QWidget *dialog) {
            dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(name);
            dialog->findChild<QAbstractButton *>(u"createButton"_s)->click();
        });
        keys->newKeyAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(MessageBox::promptCount() > prompts, 20000);
        QVERIFY2(MessageBox::lastText().contains(u"cannot be recovered"_s),
                 qPrintable(MessageBox::lastText()));
        // The fresh list is shown, the key of that name included, and nothing was deleted.
        QVERIFY(waitIdle(keys));
        bool shown = false;
        for (int row = 0; row < keys->model()->rowCount(); ++row)
            shown = shown || keys->model()->keyAt(row).name == name;
        QVERIFY(shown);
        QCOMPARE(listProjectKeys(window->client(), kProdSearch).size(), keys->model()->rowCount());

        // A name the list already had is refused by the dialog itself, before anything is sent.
        bool refused = false;
        whenModal(u"createKeyDialog"_s, [&](QWidget *dialog) {
            dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(name);
            refused = !dialog->findChild<QAbstractButton *>(u"createButton"_s)->isEnabled();
            dialog->findChild<QAbstractButton *>(u"cancelButton"_s)->click();
        });
        keys->newKeyAction()->trigger();
        QVERIFY(refused);
    }

    void createWithoutAnswerThatDidNotHappen()
    {
        // 504 without processing: the outcome is unknown to the client, and the key is not there.
        SimProcess sim({u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"504"_s, u"--fault-match"_s,
                        u"POST /api/atlas/v2/groups/*/aiModelApiKeys"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        KeysView *keys = window->keysView();
        const int rows = keys->model()->rowCount();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        const int prompts = MessageBox::promptCount();
        whenModal(u"createKeyDialog"_s, [](QWidget *dialog) {
            dialog->findChild<QLineEdit *>(u"nameEdit"_s)->setText(u"never made"_s);
            dialog->findChild<QAbstractButton *>(u"createButton"_s)->click();
        });
        keys->newKeyAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(MessageBox::promptCount() > prompts, 20000);
        QVERIFY2(MessageBox::lastText().contains(u"was not created"_s), qPrintable(MessageBox::lastText()));
        QVERIFY2(MessageBox::lastText().contains(u"try again"_s), qPrintable(MessageBox::lastText()));
        QCOMPARE(keys->model()->rowCount(), rows);
    }

    void unauthorizedLeadsBackToSignIn()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QSignalSpy required(window.get(), &MainWindow::signInRequired);
        window->setSession(
            makeSession(sim.baseUrl(), true, AuthMode::ServiceAccount, u"mdb_sa_id_demo"_s, "wrong"),
            Profile{}, false);
        QVERIFY(required.wait(10000));
        QVERIFY(required.first().first().value<ApiError>().isUnauthorized());
        QTRY_VERIFY(!window->session());
        auto *label = window->findChild<QLabel *>(u"signedOutLabel"_s);
        QVERIFY2(label->text().contains(u"no longer accepts"_s), qPrintable(label->text()));
        QCOMPARE(window->findChild<QStackedWidget *>(u"mainStack"_s)->currentWidget()->objectName(),
                 u"signedOutPage"_s);
    }

    // The token revocation gets no answer: the window says it is signing out at once, never waits
    // in a nested loop, and is signed out within the session's sign-out bound (not 30 s x 4).
    void signOutWithAHungRevokeDoesNotHang()
    {
        SimProcess sim({u"--hang-rate"_s, u"1"_s, u"--fault-match"_s, u"POST /api/oauth/revoke"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        AtlasSession *session = makeSession(sim.baseUrl());
        session->config().transferTimeoutMs = 30000;
        session->config().signOutTimeoutMs = 1000;
        Profile profile;
        profile.name = u"Hung"_s;
        QVERIFY(signIn(window.get(), session, profile));
        QVERIFY(qobject_cast<ServiceAccountAuthenticator *>(window->session()->authenticator())->hasToken());

        QSignalSpy signedOut(window.get(), &MainWindow::signedOut);
        QElapsedTimer t;
        t.start();
        window->signOutAction()->trigger();
        // At once, before any answer: the signed-out page says what is happening, with a busy bar.
        QVERIFY(t.elapsed() < 500);
        QCOMPARE(signedOut.count(), 0);
        QCOMPARE(window->findChild<QStackedWidget *>(u"mainStack"_s)->currentWidget()->objectName(),
                 u"signedOutPage"_s);
        auto *label = window->findChild<QLabel *>(u"signedOutLabel"_s);
        QVERIFY2(label->text().contains(u"Signing out"_s), qPrintable(label->text()));
        QVERIFY2(label->text().contains(u"Hung"_s), qPrintable(label->text()));
        auto *progress = window->findChild<QProgressBar *>(u"loadProgress"_s);
        QVERIFY(progress && progress->isVisible());
        QCOMPARE(progress->maximum(), 0);
        QVERIFY(!window->signOutAction()->isEnabled());
        QVERIFY(window->isSigningOut());

        QVERIFY(signedOut.wait(10000));
        QVERIFY2(t.elapsed() < 3500, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!window->session());
        QVERIFY(!window->isSigningOut());
        QVERIFY(!progress->isVisible());
        QVERIFY2(label->text().contains(u"signed out"_s), qPrintable(label->text()));
    }

    void demoSaysDemoInTheTitle()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        Profile demo;
        demo.name = u"Demo"_s;
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl()), demo, true));
        QVERIFY2(window->windowTitle().startsWith(u"Demo"_s), qPrintable(window->windowTitle()));
        QVERIFY(window->isDemo());
    }

    void otherProjectsForProjectOnlyUsers()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl(), true, AuthMode::ApiKey, u"demo-project"_s,
                                                 "demo-project-private-key")));
        OrgTreeModel *tree = window->treeModel();
        QTRY_VERIFY(tree->otherProjectsIndex().isValid());
        const QModelIndex others = tree->otherProjectsIndex();
        QVERIFY(tree->rowCount(others) >= 2);
        QVERIFY(tree->indexOfProject(kStagingSearch).isValid());
        QVERIFY(selectAndWait(window.get(), kStagingSearch));
        QVERIFY(window->keysView()->model()->rowCount() > 0);
        // Its key count, from the project listing.
        QTRY_VERIFY(tree->indexOfProject(kStagingSearch).data(OrgTreeModel::KeyCountRole).isValid());
    }

    void layoutIsRemembered()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        // A size that fits the (offscreen) screen, so that it is restored as it was.
        const QSize available = QGuiApplication::primaryScreen()->availableGeometry().size();
        const QSize remembered = available - QSize(37, 41);
        QVERIFY(remembered.width() > 600 && remembered.height() > 400);
        {
            auto window = makeWindow();
            QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
            QVERIFY(selectAndWait(window.get(), kProdSearch));
            QHeaderView *header = window->keysView()->table()->horizontalHeader();
            header->setSectionHidden(KeyTableModel::Endpoint, true);
            header->setSortIndicator(KeyTableModel::LastUsed, Qt::DescendingOrder);
            header->resizeSection(KeyTableModel::Name, 333);
            window->resize(remembered);
            // The org view (one more column) does not change what is remembered.
            QVERIFY(window->selectOrganization(kAcme));
            QVERIFY(waitIdle(window->keysView()));
            window->close();
        }
        QVERIFY(!m_settings->keyTableHeaderState().isEmpty());
        QVERIFY(!m_settings->windowGeometry().isEmpty());

        auto window = makeWindow();
        QCOMPARE(window->size(), remembered);
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        QHeaderView *header = window->keysView()->table()->horizontalHeader();
        QVERIFY(header->isSectionHidden(KeyTableModel::Endpoint));
        QCOMPARE(header->sortIndicatorSection(), int(KeyTableModel::LastUsed));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(header->sectionSize(KeyTableModel::Name), 333);
        QVERIFY(isSorted(window->keysView()->proxy(), KeyTableModel::LastUsed, Qt::DescendingOrder));
    }

    // A geometry saved on a larger monitor opens within this one (Qt 6.4 would restore it as it was,
    // off screen; 6.8 shrinks it itself: the window does it on both).
    void largerSavedGeometryFitsTheScreen()
    {
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        {
            QWidget big;
            big.setGeometry(QRect(available.topLeft() + QPoint(300, 200), available.size() * 2));
            m_settings->setWindowGeometry(big.saveGeometry());
        }
        auto window = makeWindow();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QVERIFY2(window->width() <= available.width() && window->height() <= available.height(),
                 qPrintable(u"%1x%2 in %3x%4"_s.arg(window->width())
                                .arg(window->height())
                                .arg(available.width())
                                .arg(available.height())));
        QVERIFY(window->width() >= available.width() / 2);
        QVERIFY2(available.contains(window->frameGeometry()),
                 qPrintable(u"%1,%2 %3x%4"_s.arg(window->frameGeometry().x())
                                .arg(window->frameGeometry().y())
                                .arg(window->frameGeometry().width())
                                .arg(window->frameGeometry().height())));
    }

    void otherPagesFollowTheTree()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QCOMPARE(window->tabs()->count(), 4);
        QCOMPARE(window->tabs()->widget(0), window->keysView());
        // Built when first shown, not at start-up.
        QVERIFY(!window->findChild<AuditView *>());
        QVERIFY(!window->findChild<RateLimitView *>());
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        QVERIFY(selectAndWait(window.get(), kProdSearch));

        QSignalSpy auditLoaded(window->auditView(), &AuditView::loaded);
        window->showPage(MainWindow::Page::Audit);
        QVERIFY(auditLoaded.wait(20000));
        QVERIFY(window->auditView()->hasReport());
        QCOMPARE(window->auditView()->model()->rowCount(), window->keysView()->model()->rowCount());

        QSignalSpy limitsLoaded(window->rateLimitView(), &RateLimitView::loaded);
        window->showPage(MainWindow::Page::RateLimits);
        QVERIFY(limitsLoaded.wait(20000));
        QVERIFY(!window->rateLimitView()->rows().isEmpty());

        // Another project while the rate limits are shown: they follow; the audit waits until shown.
        QVERIFY(window->selectProject(kStagingSearch));
        QVERIFY(limitsLoaded.wait(20000));
        QCOMPARE(auditLoaded.count(), 1);
        window->showPage(MainWindow::Page::Audit);
        QVERIFY(auditLoaded.wait(20000));

        // Rotate needs a selected key the principal may replace.
        window->showPage(MainWindow::Page::Keys);
        QVERIFY(waitIdle(window->keysView()));
        QVERIFY(!window->rotateAction()->isEnabled());
        QVERIFY(window->keysView()->selectKey(window->keysView()->model()->keyAt(0).apiKeyId));
        QVERIFY(window->rotateAction()->isEnabled());
        QVERIFY(window->rotationsPanel());
    }

    void rotationsInProgressAreWatchedFromTheStart()
    {
        QFile::remove(RotationTracker::defaultStoragePath()); // a leftover of an interrupted run
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        {
            auto window = makeWindow();
            QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
            QVERIFY(!window->findChild<RotationsPanel *>()); // nothing to watch: built when first shown
        }
        RotationTracker saved(RotationTracker::defaultStoragePath());
        AiKey oldKey;
        oldKey.apiKeyId = u"oldkeyoldkeyoldkeyoldkey"_s;
        oldKey.name = u"old"_s;
        oldKey.groupId = kProdSearch;
        AiKey newKey = oldKey;
        newKey.apiKeyId = u"newkeynewkeynewkeynewkey"_s;
        newKey.name = u"new"_s;
        saved.add(oldKey, u"prod-search"_s, newKey, sim.baseUrl().toString());
        QVERIFY(saved.save());
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        QVERIFY(window->findChild<RotationsPanel *>());
        QCOMPARE(window->currentPage(), MainWindow::Page::Keys);
        QVERIFY(QFile::remove(RotationTracker::defaultStoragePath()));
    }

    void demoRotationsStayOutOfTheRotationsFile()
    {
        const QString path = RotationTracker::defaultStoragePath();
        QFile::remove(path); // a leftover of an interrupted run
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        // The user's own rotation, in the real Atlas.
        AiKey oldKey;
        oldKey.apiKeyId = u"userkeyuserkeyuserkeyold"_s;
        oldKey.name = u"user old"_s;
        oldKey.groupId = kProdSearch;
        AiKey newKey = oldKey;
        newKey.apiKeyId = u"userkeyuserkeyuserkeynew"_s;
        newKey.name = u"user new"_s;
        QString userRotation;
        {
            RotationTracker saved(path);
            userRotation = saved.add(oldKey, u"prod-search"_s, newKey, u"https://cloud.mongodb.com"_s);
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();

        auto window = makeWindow();
        Profile demo;
        demo.name = u"Demo"_s;
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl()), demo, true));
        // The user's rotations are not the demo's business: not loaded, not watched.
        QVERIFY(!window->findChild<RotationsPanel *>());
        RotationsPanel *panel = window->rotationsPanel();
        QVERIFY(panel->tracker()->storagePath().isEmpty());
        QCOMPARE(panel->tracker()->count(), 0);
        // A demo rotation lives in memory only.
        AiKey demoOld = oldKey;
        demoOld.apiKeyId = u"demokeydemokeydemokeyold"_s;
        AiKey demoNew = oldKey;
        demoNew.apiKeyId = u"demokeydemokeydemokeynew"_s;
        panel->tracker()->add(demoOld, u"prod-search"_s, demoNew, sim.baseUrl().toString());
        QCOMPARE(panel->tracker()->count(), 1);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        file.close();

        // Signed in for real in the same window: the user's file again, the demo's rotation gone.
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        QCOMPARE(panel->tracker()->storagePath(), path);
        QCOMPARE(panel->tracker()->count(), 1);
        QVERIFY(panel->tracker()->rotation(userRotation));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("demokey"));
        file.close();
        QVERIFY(QFile::remove(path));
    }

    void exportToTerraform()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(!window->exportTerraformAction()->isEnabled());
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        QVERIFY(window->exportTerraformAction()->isEnabled());
        KeysView *keys = window->keysView();

        // The whole project.
        window->exportTerraformAction()->trigger();
        auto *dialog = window->findChild<TerraformExportDialog *>(u"terraformExportDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading() && !dialog->text().isEmpty(), 20000);
        const QString all = dialog->text();
        QCOMPARE(all.count(u"resource \"mongodbatlas_ai_model_api_key\""_s), keys->model()->rowCount());
        QVERIFY(all.contains(u"id = \"%1/"_s.arg(kProdSearch)));
        dialog->close();
        QTRY_VERIFY(!window->findChild<TerraformExportDialog *>(u"terraformExportDialog"_s));

        // Two selected keys: just those; the single-key actions stand aside meanwhile.
        QItemSelectionModel *selection = keys->table()->selectionModel();
        const QModelIndex first = keys->proxy()->index(0, 0);
        const QModelIndex second = keys->proxy()->index(1, 0);
        selection->select(first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selection->select(second, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(!keys->renameAction()->isEnabled());
        QVERIFY(!keys->deleteAction()->isEnabled());
        window->exportTerraformAction()->trigger();
        dialog = window->findChild<TerraformExportDialog *>(u"terraformExportDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading() && !dialog->text().isEmpty(), 20000);
        QCOMPARE(dialog->text().count(u"resource \"mongodbatlas_ai_model_api_key\""_s), 2);
        QVERIFY(dialog->text().contains(first.data(KeyTableModel::KeyIdRole).toString()));
        QVERIFY(dialog->text().contains(second.data(KeyTableModel::KeyIdRole).toString()));
        dialog->close();
    }

    void keyboardFilter()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        auto window = makeWindow();
        QVERIFY(signIn(window.get(), makeSession(sim.baseUrl())));
        QVERIFY(selectAndWait(window.get(), kProdSearch));
        KeysView *keys = window->keysView();
        QVERIFY(activate(window.get()));
        QTest::keySequence(window.get(), QKeySequence::Find);
        QTRY_VERIFY(keys->filterEdit()->hasFocus());
        const AiKey first = keys->model()->keyAt(0);
        QTest::keyClicks(keys->filterEdit(), first.apiKeyId);
        QCOMPARE(keys->proxy()->rowCount(), 1);
        QCOMPARE(keys->proxy()->index(0, 0).data(KeyTableModel::KeyIdRole).toString(), first.apiKeyId);
        QVERIFY2(window->countsText().startsWith(u"1 of "_s), qPrintable(window->countsText()));

        // The tree's filter box.
        QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(window->treeFilter()->hasFocus());
        QTest::keyClicks(window->treeFilter(), u"rag-assist"_s);
        int visibleProjects = 0;
        for (int row = 0; row < window->treeProxy()->rowCount(); ++row)
            visibleProjects += window->treeProxy()->rowCount(window->treeProxy()->index(row, 0));
        QCOMPARE(visibleProjects, 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
