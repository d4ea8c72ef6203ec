#include "window/pagetabs.h"

#include "atlas/atlasclient.h"
#include "audit/auditview.h"
#include "keys/keysview.h"
#include "ratelimits/ratelimitview.h"
#include "rotation/rotationspanel.h"
#include "rotation/rotationtracker.h"

#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace aikeys {

PageTabs::PageTabs(KeysView *keys, Settings *settings, SecureClipboard *clipboard, QWidget *parent)
    : QTabWidget(parent)
    , m_keys(keys)
    , m_settings(settings)
    , m_clipboard(clipboard)
{
    setObjectName(u"mainTabs"_s);
    setDocumentMode(true);
    addTab(m_keys, tr("&Keys"));
    m_auditPage = addLazyPage(tr("&Audit"), u"auditPage"_s);
    m_rotationsPage = addLazyPage(tr("R&otations"), u"rotationsPage"_s);
    m_limitsPage = addLazyPage(tr("Rate &Limits"), u"rateLimitsPage"_s);
    connect(this, &QTabWidget::currentChanged, this, &PageTabs::syncCurrentPage);
}

QWidget *PageTabs::addLazyPage(const QString &title, const QString &objectName)
{
    auto *page = new QWidget(this);
    page->setObjectName(objectName);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    addTab(page, title);
    return page;
}

void PageTabs::setClient(AtlasClient *client, bool demo)
{
    m_client = client;
    m_demo = demo;
    if (m_audit)
        m_audit->setClient(client);
    if (m_rotations) {
        if (client)
            m_rotations->setStoragePath(rotationsStoragePath());
        m_rotations->setClient(client);
    }
    if (m_limits)
        m_limits->setClient(client);
}

void PageTabs::setScope(Scope scope, const QString &id, const QString &name, const QString &orgId)
{
    m_scope = scope;
    m_scopeId = id;
    m_scopeName = name;
    m_scopeOrgId = orgId;
    syncCurrentPage();
}

void PageTabs::forgetScope()
{
    m_scope = Scope::None;
    m_auditShows.clear();
    m_limitsShows.clear();
}

AuditView *PageTabs::auditView()
{
    if (!m_audit) {
        m_audit = new AuditView(m_client, m_settings, m_auditPage);
        m_auditPage->layout()->addWidget(m_audit);
        // Keys retired from the audit are gone from the keys page too.
        connect(m_audit, &AuditView::keysRetired, m_keys, &KeysView::refresh);
    }
    return m_audit;
}

RotationsPanel *PageTabs::rotationsPanel()
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

QString PageTabs::rotationsStoragePath() const
{
    return m_demo ? QString() : RotationTracker::defaultStoragePath();
}

RateLimitView *PageTabs::rateLimitView()
{
    if (!m_limits) {
        m_limits = new RateLimitView(m_client, m_limitsPage);
        m_limitsPage->layout()->addWidget(m_limits);
    }
    return m_limits;
}

PageTabs::Page PageTabs::currentPage() const
{
    const int index = currentIndex();
    return index <= 0 ? Page::Keys : Page(index);
}

void PageTabs::showPage(Page page)
{
    setCurrentIndex(int(page));
}

void PageTabs::refreshCurrentPage()
{
    if (currentPage() == Page::Audit && m_audit)
        m_audit->refresh();
    else if (currentPage() == Page::RateLimits && m_limits)
        m_limits->reload();
    else if (currentPage() == Page::Rotations && m_rotations)
        m_rotations->refreshNow();
}

void PageTabs::stopLoading()
{
    if (m_audit)
        m_audit->cancel();
}

void PageTabs::watchSavedRotations()
{
    if (m_rotations || m_demo)
        return;
    RotationTracker saved(RotationTracker::defaultStoragePath());
    if (saved.load() && !saved.rotations().isEmpty())
        rotationsPanel();
}

void PageTabs::syncCurrentPage()
{
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

} // namespace aikeys
