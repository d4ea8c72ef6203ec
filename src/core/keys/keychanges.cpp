#include "keys/keychanges.h"

#include "atlas/atlasclient.h"
#include "keys/lostcreatecheck.h"
#include "models/keytablemodel.h"
#include "models/orgtreemodel.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace aikeys {

KeyChanges::KeyChanges(KeyTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{}

KeyChanges::~KeyChanges() = default;

void KeyChanges::setClient(AtlasClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    m_names.clear();
    m_denied.clear();
    Q_EMIT changed();
}

AtlasClient *KeyChanges::client() const
{
    return m_client;
}

void KeyChanges::setTree(OrgTreeModel *tree)
{
    m_tree = tree;
}

void KeyChanges::setScope(Scope scope, const QString &id, const QString &name)
{
    m_scope = scope;
    m_scopeId = id;
    m_scopeName = name;
}

bool KeyChanges::inScope(const AiKey &key) const
{
    if (m_scope == Scope::Project)
        return key.groupId == m_scopeId;
    if (m_scope == Scope::Organization && m_tree) {
        const QModelIndex project = m_tree->indexOfProject(key.groupId);
        return project.isValid() && project.data(OrgTreeModel::OrgIdRole).toString() == m_scopeId;
    }
    return false;
}

QString KeyChanges::projectName(const QString &projectId) const
{
    if (m_scope == Scope::Project && projectId == m_scopeId && !m_scopeName.isEmpty())
        return m_scopeName;
    if (m_tree) {
        const QModelIndex index = m_tree->indexOfProject(projectId);
        if (index.isValid())
            return index.data(OrgTreeModel::NameRole).toString();
    }
    return projectId;
}

QList<std::pair<QString, QString>> KeyChanges::projectChoices(const std::optional<AiKey> &currentKey,
                                                              QString *preselect) const
{
    QList<std::pair<QString, QString>> choices;
    QModelIndex parent;
    if (m_tree) {
        if (m_scope == Scope::Project)
            parent = m_tree->indexOfProject(m_scopeId).parent();
        else if (m_scope == Scope::Organization)
            parent = m_tree->indexOfOrganization(m_scopeId);
    }
    if (m_tree && parent.isValid()) {
        for (int row = 0, rows = m_tree->rowCount(parent); row < rows; ++row) {
            const QModelIndex p = m_tree->index(row, 0, parent);
            const QString id = p.data(OrgTreeModel::IdRole).toString();
            if (!isWriteDenied(id))
                choices.append({id, p.data(OrgTreeModel::NameRole).toString()});
        }
    }
    if (m_scope == Scope::Project) {
        *preselect = m_scopeId;
        bool listed = false;
        for (const auto &c : std::as_const(choices))
            listed = listed || c.first == m_scopeId;
        if (!listed)
            choices.prepend({m_scopeId, m_scopeName});
    } else if (currentKey) {
        *preselect = currentKey->groupId;
    }
    std::sort(choices.begin(), choices.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.second, b.second) < 0;
    });
    return choices;
}

QStringList KeyChanges::namesInProject(const QString &projectId) const
{
    if (m_names.isKnown(projectId))
        return m_names.names(projectId);
    QStringList names;
    for (int row = 0, rows = m_model ? m_model->rowCount() : 0; row < rows; ++row) {
        const AiKey &key = m_model->keyAt(row);
        if (key.groupId == projectId)
            names.append(key.name);
    }
    return names;
}

void KeyChanges::listed(const QList<AiKey> &keys)
{
    QStringList covered;
    if (m_scope == Scope::Project) {
        covered << m_scopeId;
    } else if (m_scope == Scope::Organization && m_tree) {
        // Every project of the organization was in the listing, those without keys too.
        const QModelIndex org = m_tree->indexOfOrganization(m_scopeId);
        for (int row = 0, rows = m_tree->rowCount(org); org.isValid() && row < rows; ++row)
            covered << m_tree->index(row, 0, org).data(OrgTreeModel::IdRole).toString();
    }
    m_names.remember(keys, covered);
}

bool KeyChanges::isDuplicateNameError(const ApiError &error, const QString &name)
{
    if (error.kind() != ApiError::Kind::Http)
        return false;
    if (error.httpStatus() == 409)
        return true;
    // The live service may answer 400 for a duplicate name (the contract does not say).
    return error.httpStatus() == 400 &&
           (error.errorCode().contains(u"DUPLICATE"_s) ||
            (!name.isEmpty() && (error.detail().contains(name) || error.reason().contains(name))));
}

void KeyChanges::fail(KeyChangeNotice::Change change, const ApiError &error, std::function<void()> retry)
{
    if (error.isUnauthorized()) {
        Q_EMIT unauthorized(error);
        return;
    }
    KeyChangeNotice n;
    n.kind = KeyChangeNotice::Kind::Error;
    n.change = change;
    n.text = error.message();
    n.hint = error.hint();
    n.retry = std::move(retry);
    n.request = error.request();
    Q_EMIT notice(n);
}

void KeyChanges::tell(KeyChangeNotice::Kind kind, KeyChangeNotice::Change change, const QString &text,
                      const QString &hint)
{
    KeyChangeNotice n;
    n.kind = kind;
    n.change = change;
    n.text = text;
    n.hint = hint;
    Q_EMIT notice(n);
}

void KeyChanges::deny(const QString &projectId, const ApiError &error)
{
    const QString role = error.requiredRole();
    m_denied.insert(projectId,
                    role.isEmpty() ? tr("a role your account does not have in this project") : role);
    Q_EMIT changed();
    Q_EMIT denied(projectId, error);
}

void KeyChanges::upsertIfShown(const AiKey &key)
{
    if (m_model && (m_model->rowOfKey(key.apiKeyId) >= 0 || inScope(key)))
        m_model->upsert(key);
}

void KeyChanges::emitCount(const QString &projectId)
{
    if (m_names.isKnown(projectId))
        Q_EMIT projectKeyCountChanged(projectId, m_names.names(projectId).size());
}

void KeyChanges::writeStarted()
{
    if (m_pendingWrites++ == 0)
        Q_EMIT busyChanged(true);
}

void KeyChanges::writeEnded()
{
    if (m_pendingWrites > 0 && --m_pendingWrites == 0)
        Q_EMIT busyChanged(false);
}

// --- Create -----------------------------------------------------------------------------------------

void KeyChanges::create(const QString &projectId, const QString &name, const KeyScope &scope,
                        SecretReceiver onCreated)
{
    if (!m_client)
        return;
    const bool nameWasFree = m_names.wasFree(projectId, name);
    CreateKeyCall *call = m_client->createKey(projectId, name, scope);
    writeStarted();
    Q_EMIT statusMessage(tr("Creating the key \u201c%1\u201d\u2026").arg(name));
    connect(call, &Job::finished, this, [this, call, projectId, name, nameWasFree, onCreated] {
        createFinished(call, projectId, name, nameWasFree, onCreated);
    });
}

void KeyChanges::createFinished(CreateKeyCall *call, const QString &projectId, const QString &name,
                                bool nameWasFree, const SecretReceiver &receiver)
{
    writeEnded();
    Q_EMIT changed();
    const ApiError error = call->error();
    if (!error) {
        const AiKey key = call->key();
        m_names.added(key);
        upsertIfShown(key);
        emitCount(key.groupId);
        Q_EMIT statusMessage(tr("Key \u201c%1\u201d created.").arg(key.name));
        // The secret leaves the call at once, in its one buffer; the receiver runs from the event loop
        // rather than inside the call's signal (a modal loop there would run with the reply mid-finish).
        auto secret = std::make_shared<SecretBuffer>(call->takeSecret());
        QMetaObject::invokeMethod(
            this, [key, secret, receiver] { receiver(key, std::move(*secret)); }, Qt::QueuedConnection);
        return;
    }
    if (error.isMissingRole()) {
        deny(projectId, error);
        return;
    }
    if (error.isUnauthorized() || error.kind() == ApiError::Kind::Canceled) {
        fail(KeyChangeNotice::Change::Create, error);
        return;
    }
    // A 2xx whose answer could not be read means the key exists: find it and offer to delete it.
    if (call->createdButUnreadable() || error.outcomeUnknown() ||
        (nameWasFree && isDuplicateNameError(error, name))) {
        checkLostCreate(projectId, name, error);
        return;
    }
    // Never retried on our own, nor offered as Retry: a create is not idempotent.
    fail(KeyChangeNotice::Change::Create, error);
}

void KeyChanges::checkLostCreate(const QString &projectId, const QString &name, const ApiError &error)
{
    if (!m_client)
        return;
    Q_EMIT statusMessage(
        tr("No answer to the create; checking whether the key \u201c%1\u201d exists\u2026").arg(name));
    writeStarted();
    auto *check = new LostCreateCheck(m_client, projectId, name, this);
    connect(check, &Job::finished, this, [this, check, error] {
        writeEnded();
        const QString name = check->name();
        if (check->error()) {
            const ApiError listError = check->error();
            QMetaObject::invokeMethod(
                this, [this, name, listError] { Q_EMIT lostCreateUnknown(name, listError); },
                Qt::QueuedConnection);
            return;
        }
        const QString projectId = check->projectId();
        const std::optional<AiKey> found = check->found();
        // The fresh list is the truth for this project.
        if (m_model && m_scope == Scope::Project && m_scopeId == projectId) {
            m_model->refresh(check->keys());
            listed(check->keys());
        } else {
            m_names.setProject(projectId, check->keys());
            if (found && m_model && inScope(*found))
                m_model->upsert(*found);
        }
        emitCount(projectId);
        Q_EMIT changed();
        QMetaObject::invokeMethod(
            this, [this, name, found, error] { Q_EMIT lostCreate(name, found, error); },
            Qt::QueuedConnection);
    });
}

// --- Rename -----------------------------------------------------------------------------------------

void KeyChanges::rename(const AiKey &key, const QString &newName)
{
    if (!m_client)
        return;
    ValueCall<AiKey> *call = m_client->renameKey(key.groupId, key.apiKeyId, newName);
    writeStarted();
    Q_EMIT statusMessage(tr("Renaming \u201c%1\u201d\u2026").arg(key.name));
    connect(call, &Job::finished, this, [this, call, key, newName] {
        writeEnded();
        const ApiError error = call->error();
        if (error.isMissingRole()) {
            deny(key.groupId, error);
            return;
        }
        if (error.isItemNotFound()) {
            if (m_model && m_model->removeKey(key.apiKeyId))
                m_names.removed(key);
            emitCount(key.groupId);
            Q_EMIT changed();
            tell(KeyChangeNotice::Kind::Warning, KeyChangeNotice::Change::Rename,
                 tr("The key \u201c%1\u201d no longer exists.").arg(key.name),
                 tr("Someone deleted it before it could be renamed. It was removed from the list."));
            return;
        }
        // Retries are spent, or Atlas answered 2xx unreadably: whether the rename was made is for
        // Atlas to say. The key is read back and the table shows what Atlas holds.
        const bool answered = call->httpStatus() >= 200 && call->httpStatus() < 300;
        if (error && (answered || error.outcomeUnknown())) {
            readBackAfterLostChange(key, KeyChangeNotice::Change::Rename, error);
            return;
        }
        if (error) {
            fail(KeyChangeNotice::Change::Rename, error, [this, key, newName] { rename(key, newName); });
            return;
        }
        const AiKey renamed = call->value();
        m_names.renamed(key, renamed);
        upsertIfShown(renamed);
        Q_EMIT statusMessage(tr("Renamed \u201c%1\u201d to \u201c%2\u201d.").arg(key.name, renamed.name));
        Q_EMIT changed();
    });
}

// --- Delete -----------------------------------------------------------------------------------------

void KeyChanges::remove(const AiKey &key, bool afterLostCreate)
{
    if (!m_client)
        return;
    DeleteCall *call = m_client->deleteKey(key.groupId, key.apiKeyId);
    writeStarted();
    Q_EMIT statusMessage(tr("Deleting \u201c%1\u201d\u2026").arg(key.name));
    connect(call, &Job::finished, this, [this, call, key, afterLostCreate] {
        writeEnded();
        const ApiError error = call->error();
        if (error.isMissingRole()) {
            deny(key.groupId, error);
            return;
        }
        if (error && error.outcomeUnknown()) {
            readBackAfterLostChange(key, KeyChangeNotice::Change::Delete, error);
            return;
        }
        if (error) {
            fail(KeyChangeNotice::Change::Delete, error,
                 [this, key, afterLostCreate] { remove(key, afterLostCreate); });
            return;
        }
        if (m_model)
            m_model->removeKey(key.apiKeyId);
        m_names.removed(key);
        emitCount(key.groupId);
        Q_EMIT changed();
        if (call->alreadyGone()) {
            tell(KeyChangeNotice::Kind::Information, KeyChangeNotice::Change::Delete,
                 tr("The key \u201c%1\u201d had already been deleted.").arg(key.name),
                 tr("Someone else (or an earlier attempt whose answer was lost) deleted it first. It "
                    "was removed from the list."));
            return;
        }
        Q_EMIT statusMessage(afterLostCreate
                                 ? tr("Deleted \u201c%1\u201d. You can create a new key now.").arg(key.name)
                                 : tr("Deleted \u201c%1\u201d.").arg(key.name));
    });
}

void KeyChanges::readBackAfterLostChange(const AiKey &key, KeyChangeNotice::Change kind,
                                         const ApiError &error)
{
    if (!m_client)
        return;
    const QString change = kind == KeyChangeNotice::Change::Rename ? tr("rename") : tr("delete");
    writeStarted();
    ValueCall<AiKey> *get = m_client->getProjectKey(key.groupId, key.apiKeyId);
    connect(get, &Job::finished, this, [this, get, key, kind, change, error] {
        writeEnded();
        const ApiError getError = get->error();
        if (getError.isItemNotFound()) {
            if (m_model)
                m_model->removeKey(key.apiKeyId);
            m_names.removed(key);
            emitCount(key.groupId);
            tell(KeyChangeNotice::Kind::Information, kind,
                 tr("The key \u201c%1\u201d is no longer in Atlas.").arg(key.name),
                 tr("The answer to the %1 was lost; Atlas no longer has the key, so it was removed "
                    "from the list.")
                     .arg(change));
        } else if (getError) {
            tell(KeyChangeNotice::Kind::Warning, kind,
                 tr("The %1 of \u201c%2\u201d may or may not have been made.").arg(change, key.name),
                 tr("%1 Atlas could not be asked afterwards either: refresh (F5) to see what it holds "
                    "before trying again.")
                     .arg(error.message()));
        } else {
            const AiKey now = get->value();
            m_names.renamed(key, now);
            upsertIfShown(now);
            tell(KeyChangeNotice::Kind::Information, kind,
                 tr("The answer to the %1 of \u201c%2\u201d was lost or unreadable.").arg(change, key.name),
                 tr("The list shows the key as Atlas holds it now (named \u201c%1\u201d); repeat the "
                    "%2 if it did not go through.")
                     .arg(now.name, change));
        }
        Q_EMIT changed();
    });
}

} // namespace aikeys
