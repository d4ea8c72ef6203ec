#pragma once

#include <QMenu>
#include <QPointer>
#include <QUuid>

namespace aikeys {

class CredentialManager;

// File > Switch Profile. It is filled again each time it opens, so that it lists the profiles as they
// are then (Manage Profiles or an import may have changed them), with the signed-in one checked.
class ProfilesMenu : public QMenu
{
    Q_OBJECT

public:
    // manageProfiles ends the menu; it is not owned.
    ProfilesMenu(const QString &title, QAction *manageProfiles, QWidget *parent);

    // Not owned; may be null (the menu then only has Manage Profiles).
    void setCredentialManager(CredentialManager *credentials);
    // The signed-in profile; null when signed out.
    void setCurrentProfile(const QUuid &id) { m_current = id; }

Q_SIGNALS:
    void switchProfileRequested(const QUuid &profileId);

private:
    void fill();

    QPointer<CredentialManager> m_credentials;
    QAction *m_manageProfiles;
    QUuid m_current;
};

} // namespace aikeys
