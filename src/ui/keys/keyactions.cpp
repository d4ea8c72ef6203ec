#include "keys/keyactions.h"

#include "common/windowicons.h"

#include <QAction>
#include <QKeySequence>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace aikeys {

KeyActions::KeyActions(QObject *parent)
    : QObject(parent)
{
    // Those that act on a row have shortcuts that only apply while the table has the focus, so Ctrl+C and
    // Delete keep working in text fields.
    m_newKey = new QAction(WindowIcons::get(WindowIcons::Icon::NewKey), tr("&New Key\u2026"), this);
    m_newKey->setObjectName(u"newKeyAction"_s);
    m_newKey->setShortcut(QKeySequence::New);

    m_rename = new QAction(WindowIcons::get(WindowIcons::Icon::Rename), tr("&Rename\u2026"), this);
    m_rename->setObjectName(u"renameAction"_s);
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_delete = new QAction(WindowIcons::get(WindowIcons::Icon::Delete), tr("&Delete\u2026"), this);
    m_delete->setObjectName(u"deleteAction"_s);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_copyId = new QAction(WindowIcons::get(WindowIcons::Icon::Copy), tr("&Copy Key ID"), this);
    m_copyId->setObjectName(u"copyIdAction"_s);
    m_copyId->setShortcut(QKeySequence::Copy);
    m_copyId->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_copyMasked = new QAction(WindowIcons::get(WindowIcons::Icon::CopyMasked), tr("Copy &Masked Key"), this);
    m_copyMasked->setObjectName(u"copyMaskedAction"_s);
    m_copyMasked->setToolTip(tr("Copy the masked form of the key (not the secret)"));

    m_refresh = new QAction(WindowIcons::get(WindowIcons::Icon::Refresh), tr("Re&fresh"), this);
    m_refresh->setObjectName(u"refreshKeysAction"_s);

    update(State());
}

void KeyActions::update(const State &s)
{
    const bool projectDenied = !s.projectDeniedRole.isEmpty();
    m_newKey->setEnabled(s.haveScope && !projectDenied);
    m_newKey->setToolTip(projectDenied
                             ? tr("You cannot create keys here: that needs %1.").arg(s.projectDeniedRole)
                             : tr("Create a key in the selected project (%1)")
                                   .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    const bool keyDenied = s.key && !s.keyDeniedRole.isEmpty();
    const bool oneKey = s.key && s.singleSelection;
    m_rename->setEnabled(s.signedIn && oneKey && !keyDenied);
    m_delete->setEnabled(s.signedIn && oneKey && !keyDenied);
    const QString deniedTip = keyDenied ? tr("Not allowed: that needs %1.").arg(s.keyDeniedRole) : QString();
    m_rename->setToolTip(deniedTip.isEmpty() ? tr("Rename the selected key (F2)") : deniedTip);
    m_delete->setToolTip(deniedTip.isEmpty() ? tr("Delete the selected key (Del)") : deniedTip);
    m_copyId->setEnabled(oneKey && s.canCopy);
    m_copyMasked->setEnabled(oneKey && s.canCopy && !s.key->maskedSecret.isEmpty());
    m_refresh->setEnabled(s.haveScope);
}

void KeyActions::fillContextMenu(QMenu *menu, const QList<QAction *> &extra) const
{
    menu->addAction(m_newKey);
    menu->addSeparator();
    menu->addAction(m_rename);
    menu->addAction(m_delete);
    for (QAction *action : extra)
        menu->addAction(action);
    menu->addSeparator();
    menu->addAction(m_copyId);
    menu->addAction(m_copyMasked);
    menu->addSeparator();
    menu->addAction(m_refresh);
}

} // namespace aikeys
