#pragma once

#include "atlas/apierror.h"
#include "domain/scope.h"
#include "domain/types.h"
#include "keys/projectkeynames.h"
#include "security/secretbuffer.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace aikeys {

class AtlasClient;
class CreateKeyCall;
class KeyTableModel;
class OrgTreeModel;

// What a change to keys has to tell the user beyond the status bar: a message for the view's message
// bar, with a Retry when retrying makes sense.
struct KeyChangeNotice
{
    enum class Kind { Information, Warning, Error };
    enum class Change { Create, Rename, Delete };
    Kind kind = Kind::Information;
    Change change = Change::Create;
    QString text;
    QString hint;
    // Offered as Retry when set.
    std::function<void()> retry;
    // The failed request, for an Error: shown as details.
    QString request;
};

// Every change to keys goes through here: create, rename and delete over the AtlasClient, and the
// read-backs that settle an outcome that Atlas's answer left unknown. It keeps the key model and the
// index of each project's key names true to what Atlas said (a created or renamed key is upserted from
// the server's answer, a deleted one removed once Atlas said so); views ask the user and show what
// comes back.
//
// The secret of a created key goes from the CreateKeyCall straight to the receiver given to create(),
// never through the model, a signal or a QVariant.
class KeyChanges : public QObject
{
    Q_OBJECT

public:
    // model (may be null: nothing is shown) shows the keys of the scope set with setScope().
    explicit KeyChanges(KeyTableModel *model, QObject *parent = nullptr);
    ~KeyChanges() override;

    // Not owned. Another client (or none) forgets what was learnt from the last one.
    void setClient(AtlasClient *client);
    AtlasClient *client() const;
    // Not owned: the organizations' projects (names, and which projects an organization has).
    void setTree(OrgTreeModel *tree);
    // What the model shows: the keys of a project or of an organization.
    void setScope(Scope scope, const QString &id, const QString &name);

    bool inScope(const AiKey &key) const;
    QString projectName(const QString &projectId) const;
    // The projects a new key may go in: those of the scope's organization where writes were not refused,
    // by name; preselect gets the scope's project, or the current key's.
    QList<std::pair<QString, QString>> projectChoices(const std::optional<AiKey> &currentKey,
                                                      QString *preselect) const;

    const ProjectKeyNames &names() const { return m_names; }
    // The names of a project's keys: from its whole listing when it was seen, else those in the model.
    QStringList namesInProject(const QString &projectId) const;
    // A listing of the scope came in full.
    void listed(const QList<AiKey> &keys);

    // The role Atlas said is needed to change keys in the project, once a write there was refused; a
    // general phrase when Atlas named none. Empty when none was refused.
    QString deniedRole(const QString &projectId) const { return m_denied.value(projectId); }
    bool isWriteDenied(const QString &projectId) const { return m_denied.contains(projectId); }

    bool isBusy() const { return m_pendingWrites > 0; }

    using SecretReceiver = std::function<void(const AiKey &key, SecretBuffer secret)>;
    // Sends the create. On success the key goes into the model and onCreated gets it with its secret,
    // from the event loop (it may open a modal dialog). A lost or unreadable answer is checked with a
    // LostCreateCheck; lostCreate() or lostCreateUnknown() says what it found.
    void create(const QString &projectId, const QString &name, const KeyScope &scope,
                SecretReceiver onCreated);
    void rename(const AiKey &key, const QString &newName);
    // afterLostCreate: the key was found after its create's answer was lost (the message says so).
    void remove(const AiKey &key, bool afterLostCreate = false);

    // Whether an error answer to a create is Atlas refusing the name as a duplicate.
    static bool isDuplicateNameError(const ApiError &error, const QString &name);

Q_SIGNALS:
    void busyChanged(bool busy);
    // Short news for the status bar ("Key renamed.").
    void statusMessage(const QString &text);
    void notice(const aikeys::KeyChangeNotice &notice);
    // A write was refused for a missing role: the project is now write-denied.
    void denied(const QString &projectId, const aikeys::ApiError &error);
    // Atlas refused the credentials themselves: the session is over.
    void unauthorized(const aikeys::ApiError &error);
    // A create's answer was lost or unreadable, and the project's keys were read again: found is the
    // key of that name, if any (then without its secret). Emitted from the event loop.
    void lostCreate(const QString &name, const std::optional<aikeys::AiKey> &found,
                    const aikeys::ApiError &error);
    // ...and the keys could not be read either: whether the key exists is not known.
    void lostCreateUnknown(const QString &name, const aikeys::ApiError &listError);
    // The model or the write-denied projects changed: actions may need updating.
    void changed();
    // A project's number of keys is known anew.
    void projectKeyCountChanged(const QString &projectId, qint64 count);

private:
    void createFinished(CreateKeyCall *call, const QString &projectId, const QString &name, bool nameWasFree,
                        const SecretReceiver &receiver);
    void checkLostCreate(const QString &projectId, const QString &name, const ApiError &error);
    // After a rename or delete whose answer stayed lost (or was unreadable): reads the key back and
    // shows what Atlas holds, instead of assuming either outcome.
    void readBackAfterLostChange(const AiKey &key, KeyChangeNotice::Change kind, const ApiError &error);
    void fail(KeyChangeNotice::Change change, const ApiError &error, std::function<void()> retry = {});
    void tell(KeyChangeNotice::Kind kind, KeyChangeNotice::Change change, const QString &text,
              const QString &hint);
    void deny(const QString &projectId, const ApiError &error);
    void upsertIfShown(const AiKey &key);
    void emitCount(const QString &projectId);
    void writeStarted();
    void writeEnded();

    KeyTableModel *m_model;
    QPointer<AtlasClient> m_client;
    QPointer<OrgTreeModel> m_tree;
    Scope m_scope = Scope::None;
    QString m_scopeId;
    QString m_scopeName;
    ProjectKeyNames m_names;
    QHash<QString, QString> m_denied; // project id -> role needed to write there
    int m_pendingWrites = 0;
};

} // namespace aikeys
