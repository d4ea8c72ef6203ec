#pragma once

#include "atlas/apierror.h"
#include "common/messagebar.h"
#include "domain/scope.h"
#include "domain/types.h"
#include "keys/editablekeyproxy.h"
#include "keys/keyactions.h"
#include "keys/keychanges.h"
#include "keys/keylisting.h"
#include "keys/keytablelayout.h"
#include "keys/knownscopes.h"
#include "security/secretbuffer.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QItemSelectionModel;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QTimer;

namespace aikeys {

class AtlasClient;
class Job;
class KeyTableView;
class KeysMessageBar;
class KeyTableModel;
class OrgTreeModel;
class SecureClipboard;
class SecretDialog;

// The right-hand side of the main window: the keys of one project or of a whole organization in a
// sortable, filterable table, with everything a user does to them: create (then the one-time secret
// dialog), rename (dialog, or in place in the Name column), delete, copy the id or the masked key.
// Errors go to the message bar above the table, with a Retry where retrying makes sense.
//
// The view asks and shows; KeyChanges (core/keys/keychanges.h) makes every change and keeps the model
// true to Atlas's answers. The secret of a created key goes from the create's answer straight into the
// SecretDialog, never through the model, a signal or a QVariant.
//
// Nothing here talks to the network but through the AtlasClient it is given.
class KeysView : public QWidget
{
    Q_OBJECT

public:
    explicit KeysView(QWidget *parent = nullptr);
    ~KeysView() override;

    // Not owned. Another client (or none: signed out) stops what is in flight and empties the table.
    void setClient(AtlasClient *client);
    AtlasClient *client() const;
    // Not owned; may be null (copy actions are then disabled).
    void setClipboard(SecureClipboard *clipboard);
    // The navigation tree: project names for the Project column and the projects a new key may go in.
    void setTreeModel(OrgTreeModel *tree);

    void showProject(const QString &projectId, const QString &projectName);
    void showOrganization(const QString &orgId, const QString &orgName);
    // No keys to show; message says why ("Select a project...").
    void showNothing(const QString &message = {});
    Scope scope() const { return m_scope; }
    QString scopeId() const { return m_scopeId; }
    QString scopeName() const { return m_scopeName; }

    bool isLoading() const { return m_listing->isLoading(); }
    // A create, rename or delete is waiting for Atlas.
    bool isBusy() const { return m_changes->isBusy(); }

    KeyTableModel *model() const { return m_model; }
    KeyFilterProxyModel *proxy() const { return m_proxy; }
    KeyChanges *changes() const { return m_changes; }
    // The widgets are built when first shown or asked for.
    QTableView *table();
    // Created on first use.
    MessageBar *messageBar();
    QLineEdit *filterEdit();

    QAction *newKeyAction() const { return m_actions->newKey(); }
    QAction *renameAction() const { return m_actions->rename(); }
    QAction *deleteAction() const { return m_actions->remove(); }
    QAction *copyIdAction() const { return m_actions->copyId(); }
    QAction *copyMaskedAction() const { return m_actions->copyMasked(); }

    // Appended to the table's context menu (the window's Rotate Key).
    void addContextAction(QAction *action) { m_extraActions.append(action); }

    // The key of the current row, if any.
    std::optional<AiKey> currentKey() const;
    bool selectKey(const QString &apiKeyId);
    // "24 keys, 3 never used"; "5 of 24 keys shown" while the filter hides some.
    QString countsText() const;
    // The role Atlas said is needed to change keys in the project, once a write there was refused
    // (403); empty when none was refused. Non-empty also when Atlas named no role (then a general
    // phrase).
    QString deniedRole(const QString &projectId) const { return m_changes->deniedRole(projectId); }
    bool isWriteDenied(const QString &projectId) const { return m_changes->isWriteDenied(projectId); }
    // The cloud/geography pairs seen on keys and rate limits so far; ANY/ANY when none was seen.
    QList<KeyScope> knownScopes() const { return m_scopes->list(); }

    // Shows a message above the table; action, if any, runs when its button is clicked (the bar then
    // hides). Replaces the message shown before, and its action.
    void showMessage(MessageBar::Kind kind, const QString &text, const QString &hint = {},
                     const QString &actionText = {}, std::function<void()> action = {});

    // The table's columns as the user arranged them, for the settings.
    QByteArray headerState() const { return m_layout->state(); }
    void restoreHeaderState(const QByteArray &state) { m_layout->restore(state); }

public Q_SLOTS:
    void refresh();
    void cancelLoading();
    // Ask for what the change needs (a dialog) and hand it to KeyChanges.
    void askNewKey();
    void askRename();
    void askDelete();
    void copyKeyId();
    void copyMaskedSecret();
    void focusFilter();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loadProgress(qint64 done, qint64 total);
    void countsChanged(const QString &text);
    // A listing arrived: an organization's (every key of it) or a project's.
    void keysListed(aikeys::Scope scope, const QString &scopeId, const QList<aikeys::AiKey> &keys);
    // A create or delete changed how many keys a project has.
    void projectKeyCountChanged(const QString &projectId, qint64 count);
    // Short news for the status bar ("Key renamed.").
    void statusMessage(const QString &text);
    // A status message said earlier no longer holds (a retry countdown whose listing has ended): take
    // it away if it is still shown.
    void statusMessageWithdrawn(const QString &text);
    void busyChanged(bool busy);
    // Atlas refused the credentials themselves (401, or a token that cannot be had): the session is
    // over. Nothing is shown here; the session reports the refusal too (AtlasSession::unauthorized),
    // and the window signs out on that.
    void unauthorized(const aikeys::ApiError &error);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void ensureWidgets();
    void startListing(bool keepRows);
    void listingFailed(const ApiError &error);
    void listingArrived(int oddItems);
    void listingShown(const QList<AiKey> &keys);
    void withdrawRetryMessage();
    void setScope(Scope scope, const QString &id, const QString &name);
    void showError(const ApiError &error, std::function<void()> retry = {});
    void onLostCreate(const QString &name, const std::optional<AiKey> &found, const ApiError &error);
    void updateActions();
    void updatePlaceholder();
    void updateCounts();
    void showContextMenu(const QPoint &pos);

    QPointer<AtlasClient> m_client;
    QPointer<SecureClipboard> m_clipboard;
    QPointer<OrgTreeModel> m_tree;
    KeyTableModel *m_model;
    EditableKeyProxy *m_proxy;
    KeyChanges *m_changes;
    KnownScopes *m_scopes;
    KeyListing *m_listing;
    KeysMessageBar *m_messageBar = nullptr;
    KeyActions *m_actions;
    QItemSelectionModel *m_selection;
    KeyTableLayout *m_layout;
    QLineEdit *m_filter = nullptr;
    KeyTableView *m_table = nullptr;
    QTimer *m_clock;

    Scope m_scope = Scope::None;
    QString m_scopeId;
    QString m_scopeName;
    QString m_nothingMessage;
    bool m_listFailed = false;
    bool m_listCancelled = false;
    QList<QAction *> m_extraActions;
    QString m_retryMessage; // the listing's "trying again in..." in the status bar, while it may be shown
};

} // namespace aikeys
