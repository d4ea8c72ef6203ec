#include "window/windowactions.h"

#include "common/windowicons.h"
#include "keys/keysview.h"
#include "window/profilesmenu.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace aikeys {

WindowActions::WindowActions(QObject *parent)
    : QObject(parent)
{
    signIn = new QAction(tr("&Sign In\u2026"), this);
    signIn->setObjectName(u"signInAction"_s);

    signOut = new QAction(WindowIcons::get(WindowIcons::Icon::SignOut), tr("Sign &Out"), this);
    signOut->setObjectName(u"signOutAction"_s);
    signOut->setToolTip(tr("Sign out: revoke the session's token and forget its credentials"));

    manageProfiles =
        new QAction(WindowIcons::get(WindowIcons::Icon::Profiles), tr("&Manage Profiles\u2026"), this);
    manageProfiles->setObjectName(u"manageProfilesAction"_s);

    preferences =
        new QAction(WindowIcons::get(WindowIcons::Icon::Preferences), tr("&Preferences\u2026"), this);
    preferences->setObjectName(u"preferencesAction"_s);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    quit = new QAction(tr("&Quit"), this);
    quit->setObjectName(u"quitAction"_s);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    refresh = new QAction(WindowIcons::get(WindowIcons::Icon::Refresh), tr("&Refresh"), this);
    refresh->setObjectName(u"refreshAction"_s);
    QList<QKeySequence> refreshKeys = QKeySequence::keyBindings(QKeySequence::Refresh);
    if (!refreshKeys.contains(QKeySequence(Qt::Key_F5)))
        refreshKeys.prepend(QKeySequence(Qt::Key_F5));
    refresh->setShortcuts(refreshKeys);
    refresh->setToolTip(tr("Load the organizations, projects and keys again (%1)")
                            .arg(refreshKeys.first().toString(QKeySequence::NativeText)));

    stop = new QAction(WindowIcons::get(WindowIcons::Icon::Stop), tr("&Stop Loading"), this);
    stop->setObjectName(u"stopAction"_s);
    stop->setShortcut(QKeySequence(Qt::Key_Escape));
    stop->setToolTip(tr("Stop loading (Esc)"));
    stop->setEnabled(false);

    findKeys = new QAction(tr("&Find Keys"), this);
    findKeys->setObjectName(u"findKeysAction"_s);
    findKeys->setShortcut(QKeySequence::Find);

    findProjects = new QAction(tr("Find &Projects"), this);
    findProjects->setObjectName(u"findProjectsAction"_s);
    findProjects->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));

    manual = new QAction(WindowIcons::get(WindowIcons::Icon::Help), tr("&Manual"), this);
    manual->setObjectName(u"manualAction"_s);
    manual->setShortcut(QKeySequence::HelpContents);

    rotate = new QAction(WindowIcons::get(WindowIcons::Icon::Rotate), tr("R&otate Key\u2026"), this);
    rotate->setObjectName(u"rotateAction"_s);
    rotate->setToolTip(tr("Create a replacement for the selected key, then retire the old one once it is no "
                          "longer used"));
    rotate->setEnabled(false);

    exportTerraform =
        new QAction(WindowIcons::get(WindowIcons::Icon::Export), tr("Export to &Terraform\u2026"), this);
    exportTerraform->setObjectName(u"exportTerraformAction"_s);
    exportTerraform->setToolTip(
        tr("Write import and resource blocks for the selected keys, or for every key of the project or "
           "organization shown, so Terraform can adopt them without recreating them"));
    exportTerraform->setEnabled(false);

    about = new QAction(tr("&About Atlas AI Keys"), this);
    about->setObjectName(u"aboutAction"_s);
    about->setMenuRole(QAction::AboutRole);
}

ProfilesMenu *WindowActions::fillMenuBar(QMenuBar *bar, const KeysView *keys) const
{
    QMenu *file = bar->addMenu(tr("&File"));
    file->setObjectName(u"fileMenu"_s);
    file->addAction(keys->newKeyAction());
    file->addSeparator();
    file->addAction(signIn);
    auto *profiles = new ProfilesMenu(tr("S&witch Profile"), manageProfiles, file);
    profiles->setIcon(WindowIcons::get(WindowIcons::Icon::Profiles));
    profiles->setObjectName(u"profilesMenu"_s);
    file->addMenu(profiles);
    file->addAction(signOut);
    file->addAction(exportTerraform);
    file->addSeparator();
    file->addAction(preferences);
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = bar->addMenu(tr("&Edit"));
    edit->setObjectName(u"editMenu"_s);
    edit->addAction(keys->renameAction());
    edit->addAction(keys->deleteAction());
    edit->addAction(rotate);
    edit->addSeparator();
    edit->addAction(keys->copyIdAction());
    edit->addAction(keys->copyMaskedAction());
    edit->addSeparator();
    edit->addAction(findKeys);
    edit->addAction(findProjects);

    QMenu *view = bar->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    view->addAction(refresh);
    view->addAction(stop);

    QMenu *help = bar->addMenu(tr("&Help"));
    help->setObjectName(u"helpMenu"_s);
    help->addAction(manual);
    help->addSeparator();
    help->addAction(about);
    return profiles;
}

void WindowActions::fillToolBar(QToolBar *toolBar, QMenuBar *bar, const KeysView *keys) const
{
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(keys->newKeyAction());
    toolBar->addAction(keys->renameAction());
    toolBar->addAction(keys->deleteAction());
    toolBar->addAction(keys->copyIdAction());
    toolBar->addSeparator();
    toolBar->addAction(refresh);
    toolBar->addAction(stop);
    QMenu *view = bar->findChild<QMenu *>(u"viewMenu"_s);
    view->addSeparator();
    view->addAction(toolBar->toggleViewAction());
}

} // namespace aikeys
