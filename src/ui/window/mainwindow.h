#pragma once

#include "atlas/apierror.h"
#include "credentials/profile.h"
#include "domain/scope.h"
#include "window/orgtreepane.h"
#include "window/pagetabs.h"

#include <QMainWindow>
#include <QPointer>
#include <QUuid>

#include <memory>

class QAction;
class QLineEdit;
class QStackedWidget;
class QTabWidget;
class QToolBar;
class QTreeView;

namespace aikeys {

class AtlasClient;
class AtlasSession;
class AuditView;
class RateLimitView;
class RotationsPanel;
class CredentialManager;
class KeysView;
class WindowActions;
class OrgTreeFilterProxyModel;
class OrgTreeLoader;
class OrgTreeModel;
class ProfilesMenu;
class SecureClipboard;
class Settings;
class SignedOutPage;
class WindowStatusBar;

// The application's window: organizations and projects on the left (OrgTreePane), their keys on the
// right (KeysView, the first of the PageTabs, which the audit, rotation and rate-limit views join), a
// status bar with the counts, the loading progress and the clipboard's countdown.
//
// It shows whatever session it is given and knows nothing of how one is obtained: signing in (profiles,
// keychain, secret prompts, demo mode) is the application's business (AppController), which listens to
// signInRequested, signInRequired (the server refused the credentials), switchProfileRequested and
// signedOut. Before a session is set it shows a "not signed in" page; that is also what its first
// paint shows at start-up.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // settings is not owned and must outlive the window.
    explicit MainWindow(Settings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Takes ownership of the session (reparented), replacing any previous one, and starts loading the
    // organizations. The profile names the window and decides what is selected first (its default
    // project). demo says "Demo" in the title.
    void setSession(AtlasSession *session, const Profile &profile, bool demo = false);
    AtlasSession *session() const;
    AtlasClient *client() const { return m_client; }
    const Profile &profile() const { return m_profile; }
    // The signed-in profile was edited in ways that keep the session (its name, default organization
    // or project): the window's title follows. Ignored for another profile.
    void updateProfile(const Profile &profile);
    bool isDemo() const { return m_demo; }
    // Back to the signed-out page without telling Atlas (the session is dropped, nothing is sent).
    // message, if any, says why on that page.
    void clearSession(const QString &message = {});
    // Revokes the session's token (service accounts; one try, bounded by the session's
    // signOutTimeoutMs), wipes its credentials and caches, then clears it; signedOut() follows. The
    // window shows the signed-out page with "Signing out..." and a busy progress bar meanwhile, and
    // never waits in a nested event loop. message, if any, is what the signed-out page says afterwards.
    void signOut(const QString &message = {});
    bool isSigningOut() const { return m_signingOut; }

    // For the File > Switch Profile menu; not owned, may be null (the menu then only has "Manage").
    void setCredentialManager(CredentialManager *credentials);
    // Reads the preferences that apply at once (clipboard clear time).
    void applySettings();

    // Selects a project (or an organization) by id or name as soon as the tree has it.
    void selectWhenLoaded(const QString &idOrName) { m_tree->selectWhenLoaded(idOrName); }
    bool selectProject(const QString &projectId) { return m_tree->selectProject(projectId); }
    bool selectOrganization(const QString &orgId) { return m_tree->selectOrganization(orgId); }

    // The pages beside "Keys", in tab order. Each view is built the first time its tab is shown.
    using Page = PageTabs::Page;
    void showPage(Page page) { m_tabs->showPage(page); }
    Page currentPage() const { return m_tabs->currentPage(); }
    // The page's view, building it if needed.
    AuditView *auditView() { return m_tabs->auditView(); }
    RotationsPanel *rotationsPanel() { return m_tabs->rotationsPanel(); }
    RateLimitView *rateLimitView() { return m_tabs->rateLimitView(); }

    bool isLoading() const;
    QString countsText() const;

    SecureClipboard *clipboard() const { return m_clipboard; }
    KeysView *keysView() const { return m_keys; }
    // The tree's widgets are built at sign-in, or just after the window's first frame.
    QTreeView *treeView() { return m_tree->view(); }
    QLineEdit *treeFilter() { return m_tree->filterEdit(); }
    OrgTreeModel *treeModel() const { return m_tree->model(); }
    OrgTreeFilterProxyModel *treeProxy() const { return m_tree->proxy(); }
    OrgTreeLoader *treeLoader() const { return m_tree->loader(); }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *refreshAction() const;
    QAction *stopAction() const;
    QAction *signOutAction() const;
    QAction *rotateAction() const;
    QAction *exportTerraformAction() const;

    // The manual (the README) on the project's site, as Help > Manual opens it.
    static QUrl manualUrl();

public Q_SLOTS:
    void refresh();
    void stopLoading();

Q_SIGNALS:
    // The user asked to sign in (signed-out page, File > Sign In, the message after a 401).
    void signInRequested();
    // Atlas refused the session's credentials (401): the session is gone; sign in again.
    void signInRequired(const aikeys::ApiError &error);
    void switchProfileRequested(const QUuid &profileId);
    void manageProfilesRequested();
    void preferencesRequested();
    void aboutRequested();
    // signOut() finished; the window is back to its signed-out page.
    void signedOut();
    // The first load after setSession() ended (tree and keys idle), with success or not.
    void firstLoadFinished();

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void restoreSettings();
    void fitIntoScreen();
    void saveSettings();
    void updateTitle();
    void updateActions();
    void updateProgress();
    void scheduleIdleCheck();
    void checkIdle();
    void onTreeCurrentChanged(const QModelIndex &source);
    void onOrganizationsFailed(const ApiError &error);
    void onOrganizationsShown();
    // Atlas refused the session's credentials; the one way that news reaches the window, whichever
    // request heard it (AtlasSession::unauthorized).
    void onUnauthorized(const ApiError &error);
    void rotateCurrentKey();
    // The selected keys (two or more), else the project or organization shown, as Terraform.
    void exportTerraform();
    static QString loadingOrganizationsText();

    Settings *m_settings;
    QPointer<AtlasSession> m_session;
    AtlasClient *m_client = nullptr;
    Profile m_profile;
    bool m_demo = false;

    SecureClipboard *m_clipboard;
    OrgTreePane *m_tree = nullptr;
    QStackedWidget *m_stack = nullptr;
    SignedOutPage *m_signedOutPage = nullptr;
    PageTabs *m_tabs = nullptr;
    KeysView *m_keys = nullptr;
    QToolBar *m_toolBar = nullptr;

    WindowStatusBar *m_status = nullptr;

    // Every action of the window's menus and toolbar.
    WindowActions *m_actions = nullptr;
    ProfilesMenu *m_profilesMenu = nullptr;

    qint64 m_keysDone = 0;
    qint64 m_keysTotal = 0;
    bool m_firstLoadPending = false;
    bool m_idleCheckScheduled = false;
    bool m_signingOut = false;
    bool m_firstPaintDone = false;
    bool m_shownOnce = false;
};

} // namespace aikeys
