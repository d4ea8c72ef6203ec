#pragma once

#include "atlas/apierror.h"
#include "domain/types.h"
#include "security/secretbuffer.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

class QWidget;

namespace aikeys {

class SecretDialog;
class SecureClipboard;

// What the keys table and the Rotations panel ask and tell the user about a change KeyChanges made
// or could not settle: the same words and the same choices wherever a key is created.
class KeyChangePrompts
{
    Q_DECLARE_TR_FUNCTIONS(aikeys::KeyChangePrompts)

public:
    struct NewKey
    {
        QString projectId;
        QString name;
        KeyScope scope;
    };
    // The New Key dialog: a project among choices (id, name), a name free in names, a scope. Nothing
    // when the user cancels.
    static std::optional<NewKey> askNewKey(QWidget *parent, const QList<std::pair<QString, QString>> &choices,
                                           const QString &preselect, const QHash<QString, QStringList> &names,
                                           const QList<KeyScope> &scopes);
    // The Rename dialog; the new name, free among names.
    static std::optional<QString> askNewName(QWidget *parent, const AiKey &key, const QStringList &names);
    static bool confirmDelete(QWidget *parent, const AiKey &key, const QString &projectName);

    // The one-time secret dialog of a created key (not yet shown). The dialog owns the secret and wipes
    // it when it closes; its Test Key talks to the key's endpoint with a network manager of its own, so
    // that the session's credentials never go there.
    static SecretDialog *secretDialog(const AiKey &key, SecretBuffer secret, SecureClipboard *clipboard,
                                      bool canTest, QWidget *parent);
    // After KeyChanges::lostCreate(): says what the read-back found. Returns true when the user wants
    // the key that lost its secret deleted.
    static bool lostCreate(QWidget *parent, const QString &name, const std::optional<AiKey> &found,
                           const ApiError &error);
    // After KeyChanges::lostCreateUnknown().
    static void lostCreateUnknown(QWidget *parent, const QString &name, const ApiError &listError);
};

} // namespace aikeys
