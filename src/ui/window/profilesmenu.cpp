#include "window/profilesmenu.h"

#include "credentials/credentialmanager.h"
#include "credentials/profilestore.h"

#include <QActionGroup>

namespace aikeys {

ProfilesMenu::ProfilesMenu(const QString &title, QAction *manageProfiles, QWidget *parent)
    : QMenu(title, parent)
    , m_manageProfiles(manageProfiles)
{
    connect(this, &QMenu::aboutToShow, this, &ProfilesMenu::fill);
    fill();
}

void ProfilesMenu::setCredentialManager(CredentialManager *credentials)
{
    m_credentials = credentials;
    fill();
}

void ProfilesMenu::fill()
{
    clear();
    if (m_credentials) {
        auto *group = new QActionGroup(this);
        const QList<Profile> &profiles = m_credentials->profiles()->profiles();
        for (const Profile &p : profiles) {
            QAction *action = addAction(p.sessionOnly ? tr("%1 (this session only)").arg(p.name) : p.name);
            action->setCheckable(true);
            action->setChecked(!m_current.isNull() && p.id == m_current);
            action->setActionGroup(group);
            const QUuid id = p.id;
            connect(action, &QAction::triggered, this, [this, id] { Q_EMIT switchProfileRequested(id); });
        }
        if (!profiles.isEmpty())
            addSeparator();
    }
    addAction(m_manageProfiles);
}

} // namespace aikeys
