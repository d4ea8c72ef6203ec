#include "window/mainwindow.h"

#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "audit/terraformexportdialog.h"
#include "common/messagebar.h"
#include "common/qtclipboardbackend.h"
#include "common/windowicons.h"
#include "keys/keysview.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"
#include "models/orgtreeloader.h"
#include "models/orgtreemodel.h"
#include "rotation/rotationspanel.h"
#include "security/secureclipboard.h"
#include "settings.h"
#include "window/aboutdialog.h"
#include "window/orgtreepane.h"
#include "window/profilesmenu.h"
#include "window/signedoutpage.h"
#include "window/windowactions.h"
#include "window/windowstatusbar.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QLineEdit>
#include <QMenuBar>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

#include <aikeys/version.h>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

MainWindow::MainWindow(Settings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_clipboard(new SecureClipboard(std::make_unique<QtClipboardBackend>(),
                                      settings->clipboardClearSeconds(), this))
{
    setObjectName(u"mainWindow"_s);

    m_keys = new KeysView(this);
    m_keys->setClipboard(m_clipboard);
    m_tabs = new PageTabs(m_keys, m_settings, m_clipboard, this);

    m_signedOutPage = new SignedOutPage(this);
    connect(m_signedOutPage, &SignedOutPage::signInRequested, this, &MainWindow::signInRequested);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"mainStack"_s);
    m_stack->addWidget(m_signedOutPage);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    m_tree = new OrgTreePane(this);
    addDockWidget(Qt::LeftDockWidgetArea, m_tree);
    resizeDocks({m_tree}, {fontMetrics().averageCharWidth() * 38}, Qt::Horizontal);
    m_keys->setTreeModel(m_tree->model());
    // Tab goes on from the tree to the keys.
    connect(m_tree, &OrgTreePane::widgetsCreated, this, [this] {
        setTabOrder(m_tree->view(), m_keys->filterEdit());
        setTabOrder(m_keys->filterEdit(), m_keys->table());
    });
    connect(m_tree, &OrgTreePane::currentChanged, this, &MainWindow::onTreeCurrentChanged);
    connect(m_tree, &OrgTreePane::organizationsShown, this, &MainWindow::onOrganizationsShown);

    createActions();
    createMenus();
    createToolBar();
    m_status = new WindowStatusBar(m_clipboard, this);
    setStatusBar(m_status);

    OrgTreeLoader *loader = m_tree->loader();
    connect(loader, &OrgTreeLoader::loadingChanged, this, &MainWindow::scheduleIdleCheck);
    connect(loader, &OrgTreeLoader::failed, this, &MainWindow::onOrganizationsFailed);
    connect(m_keys, &KeysView::loadingChanged, this, &MainWindow::scheduleIdleCheck);
    connect(m_keys, &KeysView::loadProgress, this, [this](qint64 done, qint64 total) {
        m_keysDone = done;
        m_keysTotal = total;
        updateProgress();
    });
    connect(m_keys, &KeysView::countsChanged, m_status, &WindowStatusBar::setCountsText);
    connect(m_keys, &KeysView::statusMessage, this,
            [this](const QString &text) { m_status->showMessage(text, 5000); });
    connect(m_keys, &KeysView::statusMessageWithdrawn, m_status, &WindowStatusBar::withdrawMessage);
    connect(m_keys, &KeysView::keysListed, this,
            [loader](Scope scope, const QString &id, const QList<AiKey> &keys) {
                if (scope == Scope::Organization)
                    loader->applyKeyCounts(id, keys);
            });
    connect(m_keys, &KeysView::projectKeyCountChanged, loader, &OrgTreeLoader::setKeyCount);

    restoreSettings();
    clearSession();
    // Quitting without closing the window (a SIGTERM, a log-out) keeps its layout too.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &MainWindow::saveSettings);
}

MainWindow::~MainWindow()
{
    // Jobs in flight belong to the session; stop them before it goes.
    m_tree->loader()->setClient(nullptr);
    m_keys->setClient(nullptr);
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_firstPaintDone) {
        m_firstPaintDone = true;
        // The rest of the window, once the first frame is on screen.
        QTimer::singleShot(0, this, [this] {
            setWindowIcon(WindowIcons::appIcon());
            m_tree->ensureWidgets();
        });
    }
    return QMainWindow::event(event);
}

QAction *MainWindow::refreshAction() const
{
    return m_actions->refresh;
}

QAction *MainWindow::stopAction() const
{
    return m_actions->stop;
}

QAction *MainWindow::signOutAction() const
{
    return m_actions->signOut;
}

QAction *MainWindow::rotateAction() const
{
    return m_actions->rotate;
}

QAction *MainWindow::exportTerraformAction() const
{
    return m_actions->exportTerraform;
}

void MainWindow::createActions()
{
    m_actions = new WindowActions(this);

    connect(m_actions->signIn, &QAction::triggered, this, &MainWindow::signInRequested);
    connect(m_actions->signOut, &QAction::triggered, this, [this] { signOut(); });
    connect(m_actions->manageProfiles, &QAction::triggered, this, &MainWindow::manageProfilesRequested);
    connect(m_actions->preferences, &QAction::triggered, this, &MainWindow::preferencesRequested);
    connect(m_actions->quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions->refresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_actions->stop, &QAction::triggered, this, &MainWindow::stopLoading);
    connect(m_actions->findKeys, &QAction::triggered, m_keys, &KeysView::focusFilter);
    connect(m_actions->findProjects, &QAction::triggered, m_tree, &OrgTreePane::focusFilter);
    connect(m_actions->manual, &QAction::triggered, this, [] { QDesktopServices::openUrl(manualUrl()); });
    connect(m_actions->rotate, &QAction::triggered, this, &MainWindow::rotateCurrentKey);
    // Rotating creates a key: allowed where renaming is.
    connect(m_keys->renameAction(), &QAction::changed, this,
            [this] { m_actions->rotate->setEnabled(m_keys->renameAction()->isEnabled()); });
    m_keys->addContextAction(m_actions->rotate);
    connect(m_actions->exportTerraform, &QAction::triggered, this, &MainWindow::exportTerraform);
    connect(m_keys, &KeysView::keysListed, this,
            [this] { m_actions->exportTerraform->setEnabled(m_keys->scope() != Scope::None); });
    m_keys->addContextAction(m_actions->exportTerraform);
    connect(m_actions->about, &QAction::triggered, this, &MainWindow::aboutRequested);

    // Window-wide shortcuts need the actions on the window (menus may be hidden, as on macOS' global
    // menu bar or in a screenshot).
    addActions({m_actions->refresh, m_actions->stop, m_actions->findKeys, m_actions->findProjects,
                m_keys->newKeyAction()});
    m_tree->setContextActions({m_keys->newKeyAction(), m_actions->refresh});
}

void MainWindow::createMenus()
{
    m_profilesMenu = m_actions->fillMenuBar(menuBar(), m_keys);
    connect(m_profilesMenu, &ProfilesMenu::switchProfileRequested, this, &MainWindow::switchProfileRequested);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main Toolbar"));
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_actions->fillToolBar(m_toolBar, menuBar(), m_keys);
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = m_settings->windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 760);
    fitIntoScreen();
    const QByteArray state = m_settings->windowState();
    if (!state.isEmpty())
        restoreState(state);
    m_keys->restoreHeaderState(m_settings->keyTableHeaderState());
}

// The window frame is only known once the window exists: fit again, frame included.
void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_shownOnce && !isMaximized() && !isFullScreen()) {
        m_shownOnce = true;
        fitIntoScreen();
    }
}

// A geometry saved on a larger monitor would otherwise open partly off screen. Qt 6.8's
// restoreGeometry() already shrinks such a window, Qt 6.4's does not: doing it here gives one
// behaviour on both.
void MainWindow::fitIntoScreen()
{
    const QScreen *screen = this->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize frameExtra = frameGeometry().size() - geometry().size();
    const QSize room = available.size() - frameExtra;
    if (room.isEmpty())
        return;
    const QSize fitted = size().boundedTo(room).expandedTo(minimumSize());
    if (fitted != size())
        resize(fitted);
    QRect frame = frameGeometry();
    if (!available.contains(frame)) {
        frame.moveLeft(std::clamp(frame.left(), available.left(),
                                  std::max(available.left(), available.right() - frame.width() + 1)));
        frame.moveTop(std::clamp(frame.top(), available.top(),
                                 std::max(available.top(), available.bottom() - frame.height() + 1)));
        move(frame.topLeft());
    }
}

void MainWindow::saveSettings()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setKeyTableHeaderState(m_keys->headerState());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    // The secret must not outlive the window on the clipboard.
    m_clipboard->clearNow();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        updateTitle();
}

void MainWindow::applySettings()
{
    m_clipboard->setClearSeconds(m_settings->clipboardClearSeconds());
}

QUrl MainWindow::manualUrl()
{
    return AboutDialog::manualUrl();
}

void MainWindow::setCredentialManager(CredentialManager *credentials)
{
    m_profilesMenu->setCredentialManager(credentials);
}

// --- Session ----------------------------------------------------------------------------------------

void MainWindow::setSession(AtlasSession *session, const Profile &profile, bool demo)
{
    clearSession();
    if (!session)
        return;
    m_session = session;
    session->setParent(this);
    m_client = new AtlasClient(session, session);
    m_profile = profile;
    m_demo = demo;
    m_signingOut = false;
    m_profilesMenu->setCurrentProfile(profile.id);
    connect(session, &AtlasSession::unauthorized, this, &MainWindow::onUnauthorized);

    m_tree->ensureWidgets();
    m_tree->show();
    m_stack->setCurrentWidget(m_tabs);
    m_tree->loader()->setClient(m_client);
    m_keys->setClient(m_client);
    m_tabs->setClient(m_client, demo);
    // The tree is empty until the organizations arrive: nothing to select yet.
    m_keys->showNothing(loadingOrganizationsText());
    updateTitle();
    updateActions();
    if (!m_tree->hasPendingSelection() && !profile.projectId.isEmpty())
        m_tree->selectWhenLoaded(profile.projectId);
    m_firstLoadPending = true;
    m_tree->loader()->load();
    m_tree->view()->setFocus();
}

void MainWindow::updateProfile(const Profile &profile)
{
    if (!m_session || profile.id != m_profile.id)
        return;
    m_profile = profile;
    updateTitle();
}

AtlasSession *MainWindow::session() const
{
    return m_session;
}

void MainWindow::clearSession(const QString &message)
{
    m_tree->loader()->setClient(nullptr);
    m_keys->setClient(nullptr);
    m_tabs->setClient(nullptr, false);
    m_tabs->forgetScope();
    if (m_session) {
        m_session->disconnect(this);
        // Not now: this may run inside one of the session's own signals.
        m_session->deleteLater();
    }
    m_session = nullptr;
    m_client = nullptr;
    m_profile = Profile();
    m_profilesMenu->setCurrentProfile({});
    m_demo = false;
    m_signingOut = false;
    m_firstLoadPending = false;
    m_keysDone = m_keysTotal = 0;
    m_clipboard->clearNow();
    m_signedOutPage->setMessage(message.isEmpty() ? tr("You are not signed in.") : message);
    m_stack->setCurrentWidget(m_signedOutPage);
    m_tree->hide();
    m_status->setCountsText({});
    updateTitle();
    updateActions();
    updateProgress();
}

void MainWindow::signOut(const QString &message)
{
    if (!m_session || m_signingOut)
        return;
    m_signingOut = true;
    QPointer<AtlasSession> session = m_session;
    const QString name = m_profile.name;
    // Nothing more is sent in this session's name.
    m_tree->loader()->setClient(nullptr);
    m_keys->setClient(nullptr);
    m_tabs->setClient(nullptr, m_demo);
    m_clipboard->clearNow();
    // The window answers at once: the signed-out page says what is going on while the token is
    // revoked (AtlasSession bounds that to SessionConfig::signOutTimeoutMs).
    m_signedOutPage->setMessage(name.isEmpty() ? tr("Signing out\u2026")
                                               : tr("Signing out of \u201c%1\u201d\u2026").arg(name));
    m_stack->setCurrentWidget(m_signedOutPage);
    m_tree->hide();
    updateActions();
    updateProgress();
    statusBar()->showMessage(tr("Signing out\u2026"));
    const QString done = message.isEmpty() ? tr("You signed out.") : message;
    connect(session, &AtlasSession::signedOut, this, [this, session, done] {
        if (session != m_session)
            return;
        m_signingOut = false;
        clearSession(done);
        statusBar()->showMessage(tr("Signed out."), 5000);
        Q_EMIT signedOut();
    });
    session->signOut();
}

void MainWindow::onUnauthorized(const ApiError &reported)
{
    if (!m_session || m_signingOut)
        return;
    // A copy: the reference may point into the job that reported it, which clearSession() cancels.
    const ApiError error = reported;
    const QString name = m_profile.name;
    clearSession(
        tr("Atlas no longer accepts the credentials of %1.\n%2")
            .arg(name.isEmpty() ? tr("this profile") : u"\u201c"_s + name + u"\u201d"_s, error.message()));
    Q_EMIT signInRequired(error);
}

void MainWindow::updateTitle()
{
    const QString app = QApplication::applicationDisplayName().isEmpty()
                            ? QStringLiteral(AIKEYS_PRODUCT_NAME)
                            : QApplication::applicationDisplayName();
    if (!m_session)
        setWindowTitle(app);
    else if (m_demo)
        setWindowTitle(tr("Demo \u2014 %1").arg(app));
    else
        setWindowTitle(tr("%1 \u2014 %2").arg(m_profile.name, app));
}

void MainWindow::updateActions()
{
    const bool signedIn = m_session && !m_signingOut;
    m_actions->signIn->setVisible(!signedIn);
    m_actions->signOut->setEnabled(signedIn);
    m_actions->refresh->setEnabled(signedIn);
    m_actions->stop->setEnabled(isLoading());
}

// --- Loading ----------------------------------------------------------------------------------------

bool MainWindow::isLoading() const
{
    return m_tree->loader()->isLoading() || m_keys->isLoading();
}

QString MainWindow::countsText() const
{
    return m_status->countsText();
}

void MainWindow::refresh()
{
    if (!m_session)
        return;
    if (m_keys->scope() == Scope::None && m_tree->model()->rowCount() == 0)
        m_keys->showNothing(loadingOrganizationsText());
    m_tree->loader()->load();
    m_keys->refresh();
    m_tabs->refreshCurrentPage();
}

void MainWindow::stopLoading()
{
    if (!isLoading())
        return;
    m_tree->loader()->cancel();
    m_keys->cancelLoading();
    m_tabs->stopLoading();
    statusBar()->showMessage(tr("Loading stopped."), 5000);
    // Stopped before the organizations came: the tree is empty, and "select a project" would point
    // at nothing.
    if (m_keys->scope() == Scope::None && m_tree->model()->rowCount() == 0)
        m_keys->showNothing(tr("Loading stopped. Press %1 to load again.")
                                .arg(m_actions->refresh->shortcut().toString(QKeySequence::NativeText)));
}

QString MainWindow::loadingOrganizationsText()
{
    return tr("Loading organizations\u2026");
}

void MainWindow::updateProgress()
{
    const bool loading = isLoading();
    m_actions->stop->setEnabled(loading);
    if (m_signingOut)
        m_status->showProgress(); // busy until the session says it is signed out
    else if (!loading)
        m_status->hideProgress();
    else if (m_keys->isLoading() && m_keysTotal > 1)
        m_status->showProgress(m_keysDone, m_keysTotal);
    else
        m_status->showProgress(); // busy: the amount of work is not known yet
}

void MainWindow::scheduleIdleCheck()
{
    updateProgress();
    if (m_idleCheckScheduled)
        return;
    m_idleCheckScheduled = true;
    // Once the dust settles: a finished project list may select a project whose keys then load.
    QMetaObject::invokeMethod(this, &MainWindow::checkIdle, Qt::QueuedConnection);
}

void MainWindow::checkIdle()
{
    m_idleCheckScheduled = false;
    updateProgress();
    if (isLoading() || !m_session || !m_firstLoadPending)
        return;
    if (!m_tree->loader()->hasLoaded() && !m_tree->loader()->error())
        return;
    m_firstLoadPending = false;
    m_tabs->watchSavedRotations();
    Q_EMIT firstLoadFinished();
}

// --- Tree -------------------------------------------------------------------------------------------

void MainWindow::onOrganizationsFailed(const ApiError &error)
{
    // Refused credentials reached the window through the session already (onUnauthorized).
    if (error.isUnauthorized())
        return;
    m_keys->showNothing(tr("The organizations could not be listed."));
    m_keys->showMessage(MessageBar::Kind::Error, error.message(), error.hint(), tr("&Retry"), [this] {
        if (m_keys->scope() == Scope::None && m_tree->model()->rowCount() == 0)
            m_keys->showNothing(loadingOrganizationsText());
        m_tree->loader()->load();
    });
    if (!error.request().isEmpty())
        m_keys->messageBar()->setDetails(KeysView::tr("Request: %1").arg(error.request()));
}

void MainWindow::onOrganizationsShown()
{
    if (m_tree->model()->rowCount() == 0)
        m_keys->showNothing(tr("This account sees no organization or project."));
    else if (m_keys->scope() == Scope::None &&
             m_tree->view()->selectionModel()->currentIndex() == QModelIndex())
        m_keys->showNothing(); // "Select a project..." now that there is something to select
}

void MainWindow::onTreeCurrentChanged(const QModelIndex &index)
{
    if (!index.isValid() || !m_client) {
        m_keys->showNothing();
        m_tabs->setScope(Scope::None);
        return;
    }
    const QString id = index.data(OrgTreeModel::IdRole).toString();
    const QString name = index.data(OrgTreeModel::NameRole).toString();
    const QString orgId = index.data(OrgTreeModel::OrgIdRole).toString();
    switch (index.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>()) {
    case OrgTreeModel::NodeKind::Project:
        m_keys->showProject(id, name);
        m_tabs->setScope(Scope::Project, id, name, orgId);
        break;
    case OrgTreeModel::NodeKind::Organization:
        m_keys->showOrganization(id, name);
        m_tabs->setScope(Scope::Organization, id, name, orgId);
        break;
    case OrgTreeModel::NodeKind::OtherGroup:
        m_keys->showNothing(tr("Select one of these projects to see its keys."));
        m_tabs->setScope(Scope::None);
        break;
    }
}

void MainWindow::rotateCurrentKey()
{
    const std::optional<AiKey> key = m_keys->currentKey();
    if (!key || !m_client)
        return;
    const QModelIndex project = m_tree->model()->indexOfProject(key->groupId);
    const QString projectName =
        project.isValid() ? project.data(OrgTreeModel::NameRole).toString() : QString();
    showPage(Page::Rotations);
    rotationsPanel()->startRotation(*key, projectName);
}

void MainWindow::exportTerraform()
{
    if (!m_client || m_keys->scope() == Scope::None)
        return;
    auto *dialog = new TerraformExportDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QList<AiKey> selected;
    if (QItemSelectionModel *selection = m_keys->table()->selectionModel()) {
        const QModelIndexList rows = selection->selectedRows();
        for (const QModelIndex &row : rows)
            selected << m_keys->model()->keyAt(m_keys->proxy()->mapToSource(row).row());
    }
    if (selected.size() > 1)
        dialog->setKeys(selected, m_tree->model()->projectNames());
    else if (m_keys->scope() == Scope::Project)
        dialog->setProject(m_keys->scopeId(), m_keys->scopeName());
    else
        dialog->setOrg(m_keys->scopeId(), m_keys->scopeName());
    dialog->open();
}

} // namespace aikeys
