#pragma once

#include <QObject>

class QAction;
class QMenu;
class QMenuBar;
class QToolBar;

namespace aikeys {

class KeysView;
class ProfilesMenu;

// The main window's own actions (the keys table's are KeyActions) with their names, icons, shortcuts
// and tooltips, and where they go in the menus and the toolbar. What they do is the window's.
class WindowActions final : public QObject
{
    Q_OBJECT

public:
    explicit WindowActions(QObject *parent);

    QAction *signIn;
    QAction *signOut;
    QAction *manageProfiles;
    QAction *preferences;
    QAction *quit;
    QAction *refresh;
    QAction *stop;
    QAction *findKeys;
    QAction *findProjects;
    QAction *manual;
    QAction *about;
    QAction *rotate;
    QAction *exportTerraform;

    // File, Edit, View and Help, with the keys table's actions among them; returns File's Switch
    // Profile menu, which the window gives the profiles.
    ProfilesMenu *fillMenuBar(QMenuBar *bar, const KeysView *keys) const;
    // The toolbar; its toggle goes to the View menu.
    void fillToolBar(QToolBar *toolBar, QMenuBar *bar, const KeysView *keys) const;
};

} // namespace aikeys
