#pragma once

#include "domain/types.h"

#include <QList>
#include <QObject>

#include <optional>

class QAction;
class QMenu;

namespace aikeys {

// The keys table's actions, which the window also puts in its menus and toolbar: what each is called,
// its icon and shortcut, and when it is enabled and what its tooltip says.
class KeyActions final : public QObject
{
    Q_OBJECT

public:
    explicit KeyActions(QObject *parent);

    QAction *newKey() const { return m_newKey; }
    QAction *rename() const { return m_rename; }
    QAction *remove() const { return m_delete; }
    QAction *copyId() const { return m_copyId; }
    QAction *copyMasked() const { return m_copyMasked; }
    QAction *refresh() const { return m_refresh; }

    struct State
    {
        bool signedIn = false;
        bool haveScope = false; // a project or an organization is shown
        // The role a write in the shown project needs, once Atlas refused one there.
        QString projectDeniedRole;
        std::optional<AiKey> key; // the current row's
        QString keyDeniedRole;    // the role a write in the current key's project needs, if refused
        bool singleSelection = true;
        bool canCopy = false; // a clipboard is there
    };
    void update(const State &state);

    // The table's context menu: these actions and extra (the window's Rotate Key).
    void fillContextMenu(QMenu *menu, const QList<QAction *> &extra) const;

private:
    QAction *m_newKey;
    QAction *m_rename;
    QAction *m_delete;
    QAction *m_copyId;
    QAction *m_copyMasked;
    QAction *m_refresh;
};

} // namespace aikeys
