#pragma once

#include "domain/scope.h"

#include <QPointer>
#include <QTabWidget>

namespace aikeys {

class AtlasClient;
class AuditView;
class KeysView;
class RateLimitView;
class RotationsPanel;
class SecureClipboard;
class Settings;

// The window's tabs: the keys first, then the audit, rotation and rate-limit pages. Those three are
// seldom all opened in a session and each is a sizeable view, so a page is an empty placeholder until
// its tab is first shown (or the view is asked for). The audit and rate-limit pages follow what the
// tree selects, but only while on screen: a hidden page loads when it is shown, not on every click in
// the tree.
class PageTabs : public QTabWidget
{
    Q_OBJECT

public:
    // In tab order.
    enum class Page { Keys, Audit, Rotations, RateLimits };

    // keys becomes the first tab; settings and clipboard are not owned and must outlive the tabs.
    PageTabs(KeysView *keys, Settings *settings, SecureClipboard *clipboard, QWidget *parent);

    // Not owned; null when signed out. In demo mode rotations are kept in memory: the demo's keys vanish
    // with its simulator, and the user's rotations file is not the place for them.
    void setClient(AtlasClient *client, bool demo);

    // What the tree selects (Scope::None for nothing); the page on screen follows at once.
    void setScope(Scope scope, const QString &id = {}, const QString &name = {}, const QString &orgId = {});
    // Signed out: nothing selected, and what the pages showed is not theirs to keep.
    void forgetScope();

    void showPage(Page page);
    Page currentPage() const;
    // The page's view, building it if needed.
    AuditView *auditView();
    RotationsPanel *rotationsPanel();
    RateLimitView *rateLimitView();

    // Refresh and Stop, for the page on screen (the keys tab has its own).
    void refreshCurrentPage();
    void stopLoading();
    // Rotations in progress are watched from the start, not only once their tab is opened: the panel
    // refreshes both keys' last use and suggests retiring when it is time.
    void watchSavedRotations();

private:
    QWidget *addLazyPage(const QString &title, const QString &objectName);
    void syncCurrentPage();
    // The user's file, or nowhere (memory) in demo mode.
    QString rotationsStoragePath() const;

    KeysView *m_keys;
    Settings *m_settings;
    SecureClipboard *m_clipboard;
    QPointer<AtlasClient> m_client;
    bool m_demo = false;

    QWidget *m_auditPage;
    QWidget *m_rotationsPage;
    QWidget *m_limitsPage;
    AuditView *m_audit = nullptr;
    RotationsPanel *m_rotations = nullptr;
    RateLimitView *m_limits = nullptr;

    Scope m_scope = Scope::None;
    QString m_scopeId;
    QString m_scopeName;
    QString m_scopeOrgId;
    QString m_auditShows;  // the scope the audit page last loaded ("p:<id>", "o:<id>")
    QString m_limitsShows; // the same for the rate limits
};

} // namespace aikeys
