#include "window/mainwindow.h"

#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "audit/auditview.h"
#include "audit/terraformexportdialog.h"
#include "common/messagebar.h"
#include "common/qtclipboardbackend.h"
#include "common/windowicons.h"
#include "credentials/credentialmanager.h"
#include "credentials/profilestore.h"
#include "keys/keysview.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"
#include "models/orgtreefilterproxymodel.h"
#include "models/orgtreeloader.h"
#include "models/orgtreemodel.h"
#include "ratelimits/ratelimitview.h"
#include "rotation/rotationspanel.h"
#include "rotation/rotationtracker.h"
#include "security/secureclipboard.h"
#include "settings.h"
#include "window/aboutdialog.h"
#include "window/orgtreedelegate.h"
#include "window/windowactions.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <aikeys/version.h>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

MainWindow::MainWindow(Settings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_clipboard(new SecureClipboard(std::make_unique<QtClipboardBackend>(),
                                      settings->clipboardClearSeconds(), this))
    , m_treeModel(new OrgTreeModel(this))
    , m_treeProxy(new OrgTreeFilterProxyModel(this))
    , m_loader(new OrgTreeLoader(m_treeModel, this))
{
    setObjectName(u"mainWindow"_s);

    m_keys = new KeysView(this);
    m_keys->setClipboard(m_clipboard);
    m_keys->setTreeModel(m_treeModel);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"mainTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_keys, tr("&Keys"));
    m_auditPage = addLazyPage(tr("&Audit"), u"auditPage"_s);
    m_rotationsPage = addLazyPage(tr("R&otations"), u"rotationsPage"_s);
    m_limitsPage = addLazyPage(tr("Rate &Limits"), u"rateLimitsPage"_s);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::syncCurrentPage);

    m_signedOutPage = new QWidget(this);
    m_signedOutPage->setObjectName(u"signedOutPage"_s);
    auto *signedOutLayout = new QVBoxLayout(m_signedOutPage);
    m_signedOutLabel = new QLabel(m_signedOutPage);
    m_signedOutLabel->setTextFormat(Qt::PlainText);
    m_signedOutLabel->setObjectName(u"signedOutLabel"_s);
    m_signedOutLabel->setAlignment(Qt::AlignCenter);
    m_signedOutLabel->setWordWrap(true);
    auto *signInButton = new QPushButton(tr("&Sign In\u2026"), m_signedOutPage);
    signInButton->setObjectName(u"signInButton"_s);
    signInButton->setAccessibleName(tr("Sign in"));
    connect(signInButton, &QPushButton::clicked, this, &MainWindow::signInRequested);
    signedOutLayout->addStretch(1);
    signedOutLayout->addWidget(m_signedOutLabel);
    signedOutLayout->addWidget(signInButton, 0, Qt::AlignHCenter);
    signedOutLayout->addStretch(2);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"mainStack"_s);
    m_stack->addWidget(m_signedOutPage);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    createTree();
    createActions();
    createMenus();
    createToolBar();
    createStatusBar();

    connect(m_loader, &OrgTreeLoader::loadingChanged, this, &MainWindow::scheduleIdleCheck);
    connect(m_loader, &OrgTreeLoader::failed, this, [this](const ApiError &error) {
        if (error.isUnauthorized()) {
            onUnauthorized(error);
            return;
        }
        m_keys->showNothing(tr("The organizations could not be listed."));
        m_keys->showMessage(MessageBar::Kind::Error, error.message(), error.hint(), tr("&Retry"), [this] {
            if (m_keys->scope() == Scope::None && m_treeModel->rowCount() == 0)
                m_keys->showNothing(loadingOrganizationsText());
            m_loader->load();
        });
        if (!error.request().isEmpty())
            m_keys->messageBar()->setDetails(KeysView::tr("Request: %1").arg(error.request()));
    });
    connect(m_loader, &OrgTreeLoader::organizationsLoaded, this, [this] {
        resolvePendingSelection();
        // A few organizations: open them, so their projects show at once (they are being listed anyway).
        if (m_treeModel->rowCount() <= 5 && m_treeFilter->text().isEmpty()) {
            for (int row = 0; row < m_treeProxy->rowCount(); ++row) {
                const QModelIndex index = m_treeProxy->index(row, 0);
                if (index.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>() ==
                    OrgTreeModel::NodeKind::Organization)
                    m_tree->expand(index);
            }
        }
        if (m_treeModel->rowCount() == 0)
            m_keys->showNothing(tr("This account sees no organization or project."));
        else if (m_keys->scope() == Scope::None && m_tree->selectionModel()->currentIndex() == QModelIndex())
            m_keys->showNothing(); // "Select a project..." now that there is something to select
    });
    connect(m_keys, &KeysView::loadingChanged, this, &MainWindow::scheduleIdleCheck);
    connect(m_keys, &KeysView::unauthorized, this, &MainWindow::onUnauthorized);
    connect(m_keys, &KeysView::loadProgress, this, [this](qint64 done, qint64 total) {
        m_keysDone = done;
        m_keysTotal = total;
        updateProgress();
    });
    connect(m_keys, &KeysView::countsChanged, m_counts, &QLabel::setText);
    connect(m_keys, &KeysView::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(m_keys, &KeysView::statusMessageWithdrawn, this, [this](const QString &text) {
        if (statusBar()->currentMessage() == text)
            statusBar()->clearMessage();
    });
    connect(m_keys, &KeysView::keysListed, this,
            [this](Scope scope, const QString &id, const QList<AiKey> &keys) {
                if (scope == Scope::Organization)
                    m_loader->applyKeyCounts(id, keys);
            });
    connect(m_keys, &KeysView::projectKeyCountChanged, m_loader, &OrgTreeLoader::setKeyCount);

    connect(m_clipboard, &SecureClipboard::countdown, this, [this](int seconds) {
        m_clipboardStatus->setText(tr("Clipboard clears in %1 s").arg(seconds));
        m_clipboardStatus->show();
    });
    auto clipboardDone = [this](const QString &text) {
        m_clipboardStatus->setText(text);
        QTimer::singleShot(4000, m_clipboardStatus, [this] {
            if (!m_clipboard->isCountingDown())
                m_clipboardStatus->hide();
        });
    };
    connect(m_clipboard, &SecureClipboard::cleared, this,
            [clipboardDone] { clipboardDone(tr("Clipboard cleared")); });
    connect(m_clipboard, &SecureClipboard::replaced, this, [this] { m_clipboardStatus->hide(); });

    restoreSettings();
    clearSession();
    // Quitting without closing the window (a SIGTERM, a log-out) keeps its layout too.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &MainWindow::saveSettings);
}

MainWindow::~MainWindow()
{
    // Jobs in flight belong to the session; stop them before it goes.
    m_loader->setClient(nullptr);
    m_keys->setClient(nullptr);
}

void MainWindow::createTree()
{
    m_treeProxy->setSourceModel(m_treeModel);
    m_treeProxy->sort(0);
    connect(m_treeProxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::resolvePendingSelection);

    // The dock now, its contents when signed in (or just after the first frame): signed out, the
    // window shows no tree, and its widgets are not worth delaying the first paint for.
    m_treeDock = new QDockWidget(tr("Organizations and Projects"), this);
    m_treeDock->setObjectName(u"treeDock"_s);
    m_treeDock->setFeatures(QDockWidget::NoDockWidgetFeatures);
    m_treeDock->setTitleBarWidget(new QWidget(m_treeDock));
    addDockWidget(Qt::LeftDockWidgetArea, m_treeDock);
    resizeDocks({m_treeDock}, {fontMetrics().averageCharWidth() * 38}, Qt::Horizontal);
}

void MainWindow::ensureTree()
{
    if (m_tree)
        return;
    auto *panel = new QWidget(m_treeDock);
    panel->setObjectName(u"treePanel"_s);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_treeFilter = new QLineEdit(panel);
    m_treeFilter->setObjectName(u"treeFilter"_s);
    m_treeFilter->setPlaceholderText(tr("Filter projects"));
    m_treeFilter->setAccessibleName(tr("Filter organizations and projects"));
    m_treeFilter->setClearButtonEnabled(true);
    m_treeFilter->addAction(WindowIcons::get(WindowIcons::Icon::Filter), QLineEdit::LeadingPosition);

    m_tree = new QTreeView(panel);
    m_tree->setObjectName(u"orgTree"_s);
    m_tree->setAccessibleName(tr("Organizations and projects"));
    m_tree->setModel(m_treeProxy);
    m_tree->setItemDelegate(new OrgTreeDelegate(m_tree));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::showTreeContextMenu);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onTreeCurrentChanged);
    connect(m_tree, &QTreeView::expanded, this, &MainWindow::onTreeExpanded);
    connect(m_treeFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_treeProxy->setFilterText(text);
        if (!text.trimmed().isEmpty())
            m_tree->expandAll();
    });

    layout->addWidget(m_treeFilter);
    layout->addWidget(m_tree, 1);
    m_treeDock->setWidget(panel);

    setTabOrder(m_treeFilter, m_tree);
    setTabOrder(m_tree, m_keys->filterEdit());
    setTabOrder(m_keys->filterEdit(), m_keys->table());
}

QTreeView *MainWindow::treeView()
{
    ensureTree();
    return m_tree;
}

QLineEdit *MainWindow::treeFilter()
{
    ensureTree();
    return m_treeFilter;
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_firstPaintDone) {
        m_firstPaintDone = true;
        // The rest of the window, once the first frame is on screen.
        QTimer::singleShot(0, this, [this] {
            setWindowIcon(WindowIcons::appIcon());
            ensureTree();
        });
    }
    return QMainWindow::event(event);
}

void MainWindow::createActions()
{
    auto *actions = new WindowActions(this);
    m_signIn = actions->signIn;
    m_signOut = actions->signOut;
    m_manageProfiles = actions->manageProfiles;
    m_preferences = actions->preferences;
    m_quit = actions->quit;
    m_refresh = actions->refresh;
    m_stop = actions->stop;
    m_findKeys = actions->findKeys;
    m_findProjects = actions->findProjects;
    m_manual = actions->manual;
    m_about = actions->about;
    m_rotate = actions->rotate;
    m_exportTerraform = actions->exportTerraform;
    m_windowActions = actions;

    connect(m_signIn, &QAction::triggered, this, &MainWindow::signInRequested);
    connect(m_signOut, &QAction::triggered, this, [this] { signOut(); });
    connect(m_manageProfiles, &QAction::triggered, this, &MainWindow::manageProfilesRequested);
    connect(m_preferences, &QAction::triggered, this, &MainWindow::preferencesRequested);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_stop, &QAction::triggered, this, &MainWindow::stopLoading);
    connect(m_findKeys, &QAction::triggered, m_keys, &KeysView::focusFilter);
    connect(m_findProjects, &QAction::triggered, this, [this] {
        ensureTree();
        m_treeFilter->setFocus(Qt::ShortcutFocusReason);
        m_treeFilter->selectAll();
    });
    connect(m_manual, &QAction::triggered, this, [] { QDesktopServices::openUrl(manualUrl()); });
    connect(m_rotate, &QAction::triggered, this, &MainWindow::rotateCurrentKey);
    // Rotating creates a key: allowed where renaming is.
    connect(m_keys->renameAction(), &QAction::changed, this,
            [this] { m_rotate->setEnabled(m_keys->renameAction()->isEnabled()); });
    m_keys->addContextAction(m_rotate);
    connect(m_exportTerraform, &QAction::triggered, this, &MainWindow::exportTerraform);
    connect(m_keys, &KeysView::keysListed, this,
            [this] { m_exportTerraform->setEnabled(m_keys->scope() != Scope::None); });
    m_keys->addContextAction(m_exportTerraform);
    connect(m_about, &QAction::triggered, this, &MainWindow::aboutRequested);

    // Window-wide shortcuts need the actions on the window (menus may be hidden, as on macOS' global
    // menu bar or in a screenshot).
    addActions({m_refresh, m_stop, m_findKeys, m_findProjects, m_keys->newKeyAction()});
}

void MainWindow::createMenus()
{
    m_profilesMenu = m_windowActions->fillMenuBar(menuBar(), m_keys);
    connect(m_profilesMenu, &QMenu::aboutToShow, this, &MainWindow::fillProfilesMenu);
    fillProfilesMenu();
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main Toolbar"));
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_windowActions->fillToolBar(m_toolBar, menuBar(), m_keys);
}

void MainWindow::createStatusBar()
{
    m_counts = new QLabel(this);
    m_counts->setTextFormat(Qt::PlainText);
    m_counts->setObjectName(u"countsLabel"_s);
    m_counts->setAccessibleName(tr("Key counts"));
    statusBar()->addWidget(m_counts, 1);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"loadProgress"_s);
    m_progress->setAccessibleName(tr("Loading progress"));
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 24);
    m_progress->setMaximumHeight(fontMetrics().height() + 4);
    m_progress->setTextVisible(false);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);

    m_clipboardStatus = new QLabel(this);
    m_clipboardStatus->setTextFormat(Qt::PlainText);
    m_clipboardStatus->setObjectName(u"clipboardStatus"_s);
    m_clipboardStatus->setAccessibleName(tr("Clipboard"));
    m_clipboardStatus->hide();
    statusBar()->addPermanentWidget(m_clipboardStatus);
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
    m_credentials = credentials;
    fillProfilesMenu();
}

void MainWindow::fillProfilesMenu()
{
    m_profilesMenu->clear();
    if (m_credentials) {
        auto *group = new QActionGroup(m_profilesMenu);
        const QList<Profile> &profiles = m_credentials->profiles()->profiles();
        for (const Profile &p : profiles) {
            QAction *action =
                m_profilesMenu->addAction(p.sessionOnly ? tr("%1 (this session only)").arg(p.name) : p.name);
            action->setCheckable(true);
            action->setChecked(m_session && p.id == m_profile.id);
            action->setActionGroup(group);
            const QUuid id = p.id;
            connect(action, &QAction::triggered, this, [this, id] { Q_EMIT switchProfileRequested(id); });
        }
        if (!profiles.isEmpty())
            m_profilesMenu->addSeparator();
    }
    m_profilesMenu->addAction(m_manageProfiles);
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
    connect(session, &AtlasSession::unauthorized, this, &MainWindow::onUnauthorized);

    ensureTree();
    m_treeDock->show();
    m_stack->setCurrentWidget(m_tabs);
    m_loader->setClient(m_client);
    m_keys->setClient(m_client);
    if (m_audit)
        m_audit->setClient(m_client);
    if (m_rotations) {
        // Demo rotations stay in memory: the demo's keys vanish with its simulator, and the user's
        // rotations file is not the place for them.
        m_rotations->setStoragePath(rotationsStoragePath());
        m_rotations->setClient(m_client);
    }
    if (m_limits)
        m_limits->setClient(m_client);
    // The tree is empty until the organizations arrive: nothing to select yet.
    m_keys->showNothing(loadingOrganizationsText());
    updateTitle();
    updateActions();
    if (m_pendingSelection.isEmpty() && !profile.projectId.isEmpty())
        m_pendingSelection = profile.projectId;
    m_firstLoadPending = true;
    m_loader->load();
    m_tree->setFocus();
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
    m_loader->setClient(nullptr);
    m_keys->setClient(nullptr);
    if (m_audit)
        m_audit->setClient(nullptr);
    if (m_rotations)
        m_rotations->setClient(nullptr);
    if (m_limits)
        m_limits->setClient(nullptr);
    m_scope = Scope::None;
    m_auditShows.clear();
    m_limitsShows.clear();
    if (m_session) {
        m_session->disconnect(this);
        // Not now: this may run inside one of the session's own signals.
        m_session->deleteLater();
    }
    m_session = nullptr;
    m_client = nullptr;
    m_profile = Profile();
    m_demo = false;
    m_signingOut = false;
    m_firstLoadPending = false;
    m_keysDone = m_keysTotal = 0;
    m_clipboard->clearNow();
    m_signedOutLabel->setText(message.isEmpty() ? tr("You are not signed in.") : message);
    m_stack->setCurrentWidget(m_signedOutPage);
    m_treeDock->hide();
    m_counts->clear();
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
    m_loader->setClient(nullptr);
    m_keys->setClient(nullptr);
    if (m_audit)
        m_audit->setClient(nullptr);
    if (m_rotations)
        m_rotations->setClient(nullptr);
    if (m_limits)
        m_limits->setClient(nullptr);
    m_clipboard->clearNow();
    // The window answers at once: the signed-out page says what is going on while the token is
    // revoked (AtlasSession bounds that to SessionConfig::signOutTimeoutMs).
    m_signedOutLabel->setText(name.isEmpty() ? tr("Signing out\u2026")
                                             : tr("Signing out of \u201c%1\u201d\u2026").arg(name));
    m_stack->setCurrentWidget(m_signedOutPage);
    m_treeDock->hide();
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
    // A copy: the reference may point into a loader or job that clearSession() resets.
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
    m_signIn->setVisible(!signedIn);
    m_signOut->setEnabled(signedIn);
    m_refresh->setEnabled(signedIn);
    m_stop->setEnabled(isLoading());
}

// --- Loading ----------------------------------------------------------------------------------------

bool MainWindow::isLoading() const
{
    return m_loader->isLoading() || m_keys->isLoading();
}

QString MainWindow::countsText() const
{
    return m_counts->text();
}

void MainWindow::refresh()
{
    if (!m_session)
        return;
    if (m_keys->scope() == Scope::None && m_treeModel->rowCount() == 0)
        m_keys->showNothing(loadingOrganizationsText());
    m_loader->load();
    m_keys->refresh();
    if (currentPage() == Page::Audit && m_audit)
        m_audit->refresh();
    else if (currentPage() == Page::RateLimits && m_limits)
        m_limits->reload();
    else if (currentPage() == Page::Rotations && m_rotations)
        m_rotations->refreshNow();
}

void MainWindow::stopLoading()
{
    if (!isLoading())
        return;
    m_loader->cancel();
    m_keys->cancelLoading();
    if (m_audit)
        m_audit->cancel();
    statusBar()->showMessage(tr("Loading stopped."), 5000);
    // Stopped before the organizations came: the tree is empty, and "select a project" would point
    // at nothing.
    if (m_keys->scope() == Scope::None && m_treeModel->rowCount() == 0)
        m_keys->showNothing(tr("Loading stopped. Press %1 to load again.")
                                .arg(m_refresh->shortcut().toString(QKeySequence::NativeText)));
}

QString MainWindow::loadingOrganizationsText()
{
    return tr("Loading organizations\u2026");
}

void MainWindow::updateProgress()
{
    const bool loading = isLoading();
    m_stop->setEnabled(loading);
    if (m_signingOut) {
        m_progress->setRange(0, 0); // busy until the session says it is signed out
        m_progress->show();
        return;
    }
    if (!loading) {
        m_progress->hide();
        return;
    }
    if (m_keys->isLoading() && m_keysTotal > 1) {
        m_progress->setRange(0, int(m_keysTotal));
        m_progress->setValue(int(m_keysDone));
    } else {
        m_progress->setRange(0, 0); // busy: the amount of work is not known yet
    }
    m_progress->show();
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
    if (!m_loader->hasLoaded() && !m_loader->error())
        return;
    m_firstLoadPending = false;
    // Rotations in progress keep being watched from the start, not only once their tab is opened:
    // the panel refreshes both keys' last use and suggests retiring when it is time.
    if (!m_rotations && !m_demo) {
        RotationTracker saved(RotationTracker::defaultStoragePath());
        if (saved.load() && !saved.rotations().isEmpty())
            rotationsPanel();
    }
    Q_EMIT firstLoadFinished();
}

// --- Tree -------------------------------------------------------------------------------------------

void MainWindow::onTreeCurrentChanged(const QModelIndex &current)
{
    const QModelIndex index = m_treeProxy->mapToSource(current);
    m_scope = Scope::None;
    m_scopeId.clear();
    m_scopeName.clear();
    m_scopeOrgId.clear();
    if (!index.isValid() || !m_client) {
        m_keys->showNothing();
        return;
    }
    const QString id = index.data(OrgTreeModel::IdRole).toString();
    const QString name = index.data(OrgTreeModel::NameRole).toString();
    switch (index.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>()) {
    case OrgTreeModel::NodeKind::Project:
        m_scope = Scope::Project;
        m_keys->showProject(id, name);
        break;
    case OrgTreeModel::NodeKind::Organization:
        m_scope = Scope::Organization;
        if (m_treeModel->loadState(id) == OrgTreeModel::LoadState::Failed)
            m_loader->loadProjects(id);
        m_keys->showOrganization(id, name);
        break;
    case OrgTreeModel::NodeKind::OtherGroup:
        m_keys->showNothing(tr("Select one of these projects to see its keys."));
        break;
    }
    if (m_scope != Scope::None) {
        m_scopeId = id;
        m_scopeName = name;
        m_scopeOrgId = index.data(OrgTreeModel::OrgIdRole).toString();
    }
    syncCurrentPage();
}

QWidget *MainWindow::addLazyPage(const QString &title, const QString &objectName)
{
    auto *page = new QWidget(m_tabs);
    page->setObjectName(objectName);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs->addTab(page, title);
    return page;
}

AuditView *MainWindow::auditView()
{
    if (!m_audit) {
        m_audit = new AuditView(m_client, m_settings, m_auditPage);
        m_auditPage->layout()->addWidget(m_audit);
        // Keys retired from the audit are gone from the keys page too.
        connect(m_audit, &AuditView::keysRetired, m_keys, &KeysView::refresh);
    }
    return m_audit;
}

RotationsPanel *MainWindow::rotationsPanel()
{
    if (!m_rotations) {
        m_rotations =
            new RotationsPanel(m_client, m_settings, m_clipboard, m_rotationsPage, rotationsStoragePath());
        m_rotationsPage->layout()->addWidget(m_rotations);
        connect(m_rotations, &RotationsPanel::rotationStarted, m_keys, &KeysView::refresh);
        connect(m_rotations, &RotationsPanel::oldKeyRetired, m_keys, &KeysView::refresh);
    }
    return m_rotations;
}

QString MainWindow::rotationsStoragePath() const
{
    return m_demo ? QString() : RotationTracker::defaultStoragePath();
}

RateLimitView *MainWindow::rateLimitView()
{
    if (!m_limits) {
        m_limits = new RateLimitView(m_client, m_limitsPage);
        m_limitsPage->layout()->addWidget(m_limits);
    }
    return m_limits;
}

MainWindow::Page MainWindow::currentPage() const
{
    const int index = m_tabs->currentIndex();
    return index <= 0 ? Page::Keys : Page(index);
}

void MainWindow::showPage(Page page)
{
    m_tabs->setCurrentIndex(int(page));
}

void MainWindow::syncCurrentPage()
{
    // Only the page on screen follows the tree: the others load when they are shown.
    const QString scopeKey = m_scope == Scope::Project        ? u"p:"_s + m_scopeId
                             : m_scope == Scope::Organization ? u"o:"_s + m_scopeId
                                                              : QString();
    switch (currentPage()) {
    case Page::Keys:
        break;
    case Page::Audit:
        auditView();
        if (m_client && !scopeKey.isEmpty() && scopeKey != m_auditShows) {
            m_auditShows = scopeKey;
            if (m_scope == Scope::Project)
                m_audit->showProject(m_scopeId, m_scopeName, m_scopeOrgId);
            else
                m_audit->showOrg(m_scopeId, m_scopeName);
        }
        break;
    case Page::Rotations:
        rotationsPanel();
        break;
    case Page::RateLimits:
        rateLimitView();
        if (m_client && !scopeKey.isEmpty() && scopeKey != m_limitsShows) {
            m_limitsShows = scopeKey;
            if (m_scope == Scope::Project)
                m_limits->showProject(m_scopeId, m_scopeOrgId);
            else
                m_limits->showOrg(m_scopeId, m_scopeName);
        }
        break;
    }
}

void MainWindow::rotateCurrentKey()
{
    const std::optional<AiKey> key = m_keys->currentKey();
    if (!key || !m_client)
        return;
    const QModelIndex project = m_treeModel->indexOfProject(key->groupId);
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
        dialog->setKeys(selected, m_treeModel->projectNames());
    else if (m_keys->scope() == Scope::Project)
        dialog->setProject(m_keys->scopeId(), m_keys->scopeName());
    else
        dialog->setOrg(m_keys->scopeId(), m_keys->scopeName());
    dialog->open();
}

void MainWindow::onTreeExpanded(const QModelIndex &index)
{
    const QModelIndex source = m_treeProxy->mapToSource(index);
    if (source.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>() ==
        OrgTreeModel::NodeKind::Organization)
        m_loader->countKeys(source.data(OrgTreeModel::IdRole).toString());
}

void MainWindow::showTreeContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_treeProxy->mapToSource(m_tree->indexAt(pos));
    QMenu menu(this);
    menu.setObjectName(u"treeContextMenu"_s);
    if (index.isValid() && index.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>() ==
                               OrgTreeModel::NodeKind::Organization) {
        const QString orgId = index.data(OrgTreeModel::IdRole).toString();
        QAction *reload = menu.addAction(WindowIcons::get(WindowIcons::Icon::Refresh), tr("Reload Projects"));
        connect(reload, &QAction::triggered, this, [this, orgId] { m_loader->loadProjects(orgId); });
        menu.addSeparator();
    }
    menu.addAction(m_keys->newKeyAction());
    menu.addAction(m_refresh);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

QModelIndex MainWindow::findInTree(const QString &idOrName) const
{
    const QModelIndex byProject = m_treeModel->indexOfProject(idOrName);
    if (byProject.isValid())
        return byProject;
    const QModelIndex byOrg = m_treeModel->indexOfOrganization(idOrName);
    if (byOrg.isValid())
        return byOrg;
    for (int row = 0; row < m_treeModel->rowCount(); ++row) {
        const QModelIndex org = m_treeModel->index(row, 0);
        if (org.data(OrgTreeModel::NameRole).toString() == idOrName &&
            org.data(OrgTreeModel::KindRole).value<OrgTreeModel::NodeKind>() ==
                OrgTreeModel::NodeKind::Organization)
            return org;
        for (int child = 0; child < m_treeModel->rowCount(org); ++child) {
            const QModelIndex project = m_treeModel->index(child, 0, org);
            if (project.data(OrgTreeModel::NameRole).toString() == idOrName)
                return project;
        }
    }
    return {};
}

void MainWindow::selectWhenLoaded(const QString &idOrName)
{
    m_pendingSelection = idOrName;
    resolvePendingSelection();
}

void MainWindow::resolvePendingSelection()
{
    if (m_pendingSelection.isEmpty() || !m_client)
        return;
    const QModelIndex source = findInTree(m_pendingSelection);
    if (!source.isValid())
        return;
    m_pendingSelection.clear();
    const QModelIndex index = m_treeProxy->mapFromSource(source);
    if (!index.isValid())
        return;
    m_tree->expand(index.parent());
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_tree->scrollTo(index);
}

bool MainWindow::selectProject(const QString &projectId)
{
    ensureTree();
    const QModelIndex index = m_treeProxy->mapFromSource(m_treeModel->indexOfProject(projectId));
    if (!index.isValid())
        return false;
    m_tree->expand(index.parent());
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    return true;
}

bool MainWindow::selectOrganization(const QString &orgId)
{
    ensureTree();
    const QModelIndex index = m_treeProxy->mapFromSource(m_treeModel->indexOfOrganization(orgId));
    if (!index.isValid())
        return false;
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    return true;
}

} // namespace aikeys
