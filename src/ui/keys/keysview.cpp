#include "keys/keysview.h"

#include "atlas/atlasclient.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "common/windowicons.h"
#include "keys/editablekeyproxy.h"
#include "keys/keyactions.h"
#include "keys/keychangeprompts.h"
#include "keys/keychanges.h"
#include "keys/keylisting.h"
#include "keys/keysmessagebar.h"
#include "keys/keytablelayout.h"
#include "keys/keytableview.h"
#include "keys/knownscopes.h"
#include "keys/secretdialog.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"
#include "models/orgtreemodel.h"
#include "security/secureclipboard.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QShowEvent>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace aikeys {

KeysView::KeysView(QWidget *parent)
    : QWidget(parent)
    , m_model(new KeyTableModel(this))
    , m_proxy(new EditableKeyProxy(this))
    , m_changes(new KeyChanges(m_model, this))
    , m_scopes(new KnownScopes(this))
    , m_listing(new KeyListing(m_model, m_changes, m_proxy, this))
    , m_actions(new KeyActions(this))
    , m_selection(new QItemSelectionModel(m_proxy, this))
    , m_layout(new KeyTableLayout(m_model, m_proxy, this))
    , m_clock(new QTimer(this))
{
    setObjectName(u"keysView"_s);
    qRegisterMetaType<aikeys::Scope>();

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(KeyTableModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_proxy->sort(KeyTableModel::Name, Qt::AscendingOrder);
    m_proxy->setCanEdit([this](const AiKey &key) { return m_client && !isWriteDenied(key.groupId); });
    m_proxy->setRenameRequest([this](const AiKey &key, const QString &name) {
        // Out of the delegate's commit: the editor is still closing.
        QTimer::singleShot(0, this, [this, key, name] { m_changes->rename(key, name); });
    });

    connect(m_changes, &KeyChanges::busyChanged, this, &KeysView::busyChanged);
    connect(m_changes, &KeyChanges::statusMessage, this, &KeysView::statusMessage);
    connect(m_changes, &KeyChanges::unauthorized, this, &KeysView::unauthorized);
    connect(m_changes, &KeyChanges::projectKeyCountChanged, this, &KeysView::projectKeyCountChanged);
    connect(m_changes, &KeyChanges::changed, this, &KeysView::updateActions);
    connect(m_changes, &KeyChanges::notice, this, [this](const KeyChangeNotice &notice) {
        messageBar();
        m_messageBar->postNotice(notice);
    });
    connect(m_changes, &KeyChanges::denied, this, [this](const QString &projectId, const ApiError &error) {
        messageBar();
        m_messageBar->postDenied(m_changes->projectName(projectId), error);
    });
    connect(m_changes, &KeyChanges::lostCreate, this, &KeysView::onLostCreate);
    connect(m_changes, &KeyChanges::lostCreateUnknown, this,
            [this](const QString &name, const ApiError &listError) {
                KeyChangePrompts::lostCreateUnknown(this, name, listError);
            });

    // The window puts the actions in its menus and toolbar too.
    connect(m_actions->newKey(), &QAction::triggered, this, &KeysView::askNewKey);
    connect(m_actions->rename(), &QAction::triggered, this, &KeysView::askRename);
    connect(m_actions->remove(), &QAction::triggered, this, &KeysView::askDelete);
    connect(m_actions->copyId(), &QAction::triggered, this, &KeysView::copyKeyId);
    connect(m_actions->copyMasked(), &QAction::triggered, this, &KeysView::copyMaskedSecret);
    connect(m_actions->refresh(), &QAction::triggered, this, &KeysView::refresh);

    connect(m_selection, &QItemSelectionModel::currentRowChanged, this, &KeysView::updateActions);
    connect(m_selection, &QItemSelectionModel::selectionChanged, this, &KeysView::updateActions);
    connect(m_model, &KeyTableModel::countsChanged, this, &KeysView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &KeysView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &KeysView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &KeysView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &KeysView::updateCounts);

    connect(m_listing, &KeyListing::loadingChanged, this, &KeysView::loadingChanged);
    connect(m_listing, &KeyListing::loadingChanged, this, &KeysView::updatePlaceholder);
    connect(m_listing, &KeyListing::progress, this, &KeysView::loadProgress);
    connect(m_listing, &KeyListing::retrying, this, [this](int attempt, int delayMs) {
        m_retryMessage = tr("Atlas did not answer as expected; trying again in %1 s (attempt %2)\u2026")
                             .arg(qMax(1, (delayMs + 999) / 1000))
                             .arg(attempt + 1);
        Q_EMIT statusMessage(m_retryMessage);
    });
    connect(m_listing, &KeyListing::failed, this, &KeysView::listingFailed);
    connect(m_listing, &KeyListing::arrived, this, &KeysView::listingArrived);
    connect(m_listing, &KeyListing::listed, this, &KeysView::listingShown);

    // "5 minutes ago" goes stale while the window stays open.
    m_clock->setInterval(60 * 1000);
    connect(m_clock, &QTimer::timeout, m_model, &KeyTableModel::refreshRelativeTimes);
    m_clock->start();

    updateActions();
}

void KeysView::ensureWidgets()
{
    // The widgets come when first shown or asked for: before sign-in nobody sees them, and the first
    // line edit and table of a process are a good part of its start-up (fonts, styles, layouts).
    if (m_table)
        return;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"keyFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by name, key ID or creator"));
    m_filter->setAccessibleName(tr("Filter keys"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(WindowIcons::get(WindowIcons::Icon::Filter), QLineEdit::LeadingPosition);
    m_filter->setText(m_proxy->filterText());
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &KeyFilterProxyModel::setFilterText);

    m_table = new KeyTableView(
        m_model, m_proxy, m_selection, [this](const QString &p) { return m_changes->namesInProject(p); },
        this);
    connect(m_table, &QWidget::customContextMenuRequested, this, &KeysView::showContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    setFocusProxy(m_table);

    // Row shortcuts live on the table; the window adds them to its menus too (they show the keys).
    m_table->addAction(m_actions->rename());
    m_table->addAction(m_actions->remove());
    m_table->addAction(m_actions->copyId());

    m_layout->setTable(m_table);
    updatePlaceholder();
}

QTableView *KeysView::table()
{
    ensureWidgets();
    return m_table;
}

QLineEdit *KeysView::filterEdit()
{
    ensureWidgets();
    return m_filter;
}

void KeysView::showEvent(QShowEvent *event)
{
    ensureWidgets();
    QWidget::showEvent(event);
}

KeysView::~KeysView()
{
    m_listing->disconnect(this);
    m_listing->stop();
}

void KeysView::setClient(AtlasClient *client)
{
    if (client == m_client)
        return;
    m_listing->stop();
    m_client = client;
    m_listing->setClient(client);
    m_changes->setClient(client);
    m_scopes->setClient(client);
    if (m_messageBar)
        m_messageBar->hide();
    showNothing();
}

AtlasClient *KeysView::client() const
{
    return m_client;
}

MessageBar *KeysView::messageBar()
{
    // Made when first needed: most sessions never show one, and building it (its icons come from the
    // icon theme) is a noticeable share of the window's start-up.
    if (!m_messageBar) {
        ensureWidgets();
        m_messageBar = new KeysMessageBar(this);
        m_messageBar->hide();
        static_cast<QVBoxLayout *>(layout())->insertWidget(0, m_messageBar);
    }
    return m_messageBar;
}

void KeysView::setClipboard(SecureClipboard *clipboard)
{
    m_clipboard = clipboard;
    updateActions();
}

void KeysView::setTreeModel(OrgTreeModel *tree)
{
    if (m_tree)
        m_tree->disconnect(this);
    m_tree = tree;
    m_changes->setTree(tree);
    if (!tree)
        return;
    // An organization's keys may be listed before its projects are (selected at once, or with
    // --select): their names come into the Project column when the projects do. Key counts change
    // the tree's data too, with roles that say so; those leave the names alone.
    auto names = [this] {
        if (m_scope == Scope::Organization && m_tree)
            m_model->setProjectNames(m_tree->projectNames());
    };
    connect(tree, &QAbstractItemModel::rowsInserted, this, names);
    connect(tree, &QAbstractItemModel::modelReset, this, names);
    connect(tree, &QAbstractItemModel::dataChanged, this,
            [names](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(OrgTreeModel::NameRole))
                    names();
            });
}

void KeysView::showProject(const QString &projectId, const QString &projectName)
{
    if (m_scope == Scope::Project && m_scopeId == projectId &&
        (isLoading() || (!m_listFailed && !m_listCancelled)))
        return;
    setScope(Scope::Project, projectId, projectName);
    startListing(false);
    m_scopes->fetch(projectId);
}

void KeysView::showOrganization(const QString &orgId, const QString &orgName)
{
    if (m_scope == Scope::Organization && m_scopeId == orgId &&
        (isLoading() || (!m_listFailed && !m_listCancelled)))
        return;
    setScope(Scope::Organization, orgId, orgName);
    startListing(false);
}

void KeysView::showNothing(const QString &message)
{
    m_listing->stop();
    withdrawRetryMessage();
    setScope(Scope::None, {}, {});
    m_nothingMessage = message;
    m_listFailed = false;
    m_listCancelled = false;
    m_model->clear();
    m_model->setShowProjectColumn(false);
    m_layout->applySort();
    if (m_messageBar)
        m_messageBar->hideIfPosted();
    updateActions();
    updatePlaceholder();
    updateCounts();
}

void KeysView::refresh()
{
    if (m_scope == Scope::None || !m_client)
        return;
    startListing(true);
    if (m_scope == Scope::Project) {
        m_scopes->forget(m_scopeId);
        m_scopes->fetch(m_scopeId);
    }
}

void KeysView::withdrawRetryMessage()
{
    if (!m_retryMessage.isEmpty())
        Q_EMIT statusMessageWithdrawn(std::exchange(m_retryMessage, {}));
}

void KeysView::cancelLoading()
{
    // The listing ends from the event loop with a Canceled error; listingFailed() says so.
    m_listing->cancel();
}

void KeysView::setScope(Scope scope, const QString &id, const QString &name)
{
    m_scope = scope;
    m_scopeId = id;
    m_scopeName = name;
    m_changes->setScope(scope, id, name);
}

void KeysView::startListing(bool keepRows)
{
    m_listing->stop();
    withdrawRetryMessage();
    m_listFailed = false;
    m_listCancelled = false;
    if (!keepRows) {
        m_model->clear();
        const bool org = m_scope == Scope::Organization;
        if (org && m_tree)
            m_model->setProjectNames(m_tree->projectNames());
        if (org)
            m_layout->keepProjectLayout();
        m_model->setShowProjectColumn(org);
        // A column added to or removed from the emptied model makes the proxy drop its sort column
        // (Qt 6.4 looks it up through a row that does not exist: sortColumn() becomes -1) while the
        // header still shows the indicator: rows would come in the server's order under a header that
        // says "sorted by Name", and new keys would go to the bottom.
        m_layout->applySort();
        if (m_messageBar)
            m_messageBar->hideIfPosted();
    } else if (m_scope == Scope::Organization && m_tree) {
        m_model->setProjectNames(m_tree->projectNames());
    }
    updateActions();
    m_listing->start(m_scope, m_scopeId, keepRows);
}

void KeysView::listingFailed(const ApiError &error)
{
    // Whatever the outcome, no attempt is coming any more.
    withdrawRetryMessage();
    if (error.kind() == ApiError::Kind::Canceled) {
        m_listCancelled = true;
        Q_EMIT statusMessage(tr("Loading stopped."));
    } else {
        m_listFailed = true;
        showError(error, [this] { startListing(true); });
    }
    updatePlaceholder();
}

void KeysView::listingArrived(int oddItems)
{
    withdrawRetryMessage();
    if (m_messageBar)
        m_messageBar->hideIfPosted();
    if (oddItems > 0) {
        // The list is still shown: one odd item must not hide thousands of good ones.
        showMessage(MessageBar::Kind::Warning,
                    tr("Atlas sent %n key(s) this app could not read completely.", nullptr, oddItems),
                    tr("They are listed with the unreadable values shown as unknown (a key without an ID is "
                       "left out). Atlas may have changed its answer format: check for an update of Atlas "
                       "AI Keys."));
    }
}

void KeysView::listingShown(const QList<AiKey> &keys)
{
    m_scopes->addFrom(keys);
    Q_EMIT keysListed(m_scope, m_scopeId, keys);
    if (m_scope == Scope::Project)
        Q_EMIT projectKeyCountChanged(m_scopeId, keys.size());
    updateActions();
    updateCounts();
}

void KeysView::showMessage(MessageBar::Kind kind, const QString &text, const QString &hint,
                           const QString &actionText, std::function<void()> action)
{
    messageBar();
    m_messageBar->post(kind, text, hint, actionText, std::move(action));
}

void KeysView::showError(const ApiError &error, std::function<void()> retry)
{
    if (error.isUnauthorized()) {
        Q_EMIT unauthorized(error);
        return;
    }
    messageBar();
    m_messageBar->postError(error, std::move(retry));
}

void KeysView::updateActions()
{
    KeyActions::State state;
    state.signedIn = bool(m_client);
    state.haveScope = m_client && m_scope != Scope::None;
    if (m_scope == Scope::Project)
        state.projectDeniedRole = deniedRole(m_scopeId);
    state.key = currentKey();
    if (state.key)
        state.keyDeniedRole = deniedRole(state.key->groupId);
    state.singleSelection = m_selection->selectedRows().size() <= 1;
    state.canCopy = bool(m_clipboard);
    m_actions->update(state);
}

void KeysView::updatePlaceholder()
{
    if (!m_table)
        return;
    QString text;
    if (m_proxy->rowCount() == 0) {
        if (!m_client)
            text = tr("Not signed in.");
        else if (m_scope == Scope::None)
            text = m_nothingMessage.isEmpty() ? tr("Select a project or an organization to see its keys.")
                                              : m_nothingMessage;
        else if (isLoading())
            text = tr("Loading keys\u2026");
        else if (m_listCancelled)
            text = tr("Loading was stopped. Press %1 to load the keys.")
                       .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText));
        else if (m_listFailed)
            text = tr("The keys could not be loaded.");
        else if (m_model->rowCount() > 0)
            text = tr("No key matches \u201c%1\u201d.").arg(m_proxy->filterText());
        else if (m_scope == Scope::Project)
            text = tr("This project has no keys yet. Create one with %1.")
                       .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText));
        else
            text = tr("This organization has no keys yet.");
    }
    m_table->setPlaceholderText(text);
}

void KeysView::updateCounts()
{
    updatePlaceholder();
    Q_EMIT countsChanged(countsText());
}

QString KeysView::countsText() const
{
    if (m_scope == Scope::None || (isLoading() && m_model->rowCount() == 0))
        return {};
    const int total = m_model->totalCount();
    const int shown = m_proxy->rowCount();
    const int never = m_model->neverUsedCount();
    const QString keys =
        shown == total ? tr("%n keys", nullptr, total) : tr("%1 of %n keys shown", nullptr, total).arg(shown);
    if (never == 0)
        return keys;
    // "not used yet" as the audit's "No use yet": recently created keys are in it too, so it is not
    // the audit's Never used class.
    return tr("%1, %n not used yet", nullptr, never).arg(keys);
}

void KeysView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        updatePlaceholder();
}

std::optional<AiKey> KeysView::currentKey() const
{
    const QModelIndexList rows = m_selection->selectedRows();
    const QModelIndex index = rows.isEmpty() ? QModelIndex() : rows.first();
    if (!index.isValid())
        return std::nullopt;
    return index.data(KeyTableModel::KeyRole).value<AiKey>();
}

bool KeysView::selectKey(const QString &apiKeyId)
{
    const int row = m_model->rowOfKey(apiKeyId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, KeyTableModel::Name));
    if (!index.isValid())
        return false;
    m_selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (m_table)
        m_table->scrollTo(index);
    return true;
}

void KeysView::focusFilter()
{
    ensureWidgets();
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

// --- Changes ----------------------------------------------------------------------------------------
// Asked here, made by KeyChanges (core/keys/keychanges.cpp), sent by AtlasClient.

void KeysView::askNewKey()
{
    if (!m_client || m_scope == Scope::None || !m_actions->newKey()->isEnabled())
        return;
    QString preselect;
    const QList<std::pair<QString, QString>> choices = m_changes->projectChoices(currentKey(), &preselect);
    if (choices.isEmpty()) {
        MessageBox::information(this, tr("New Key"),
                                tr("You cannot create keys in any project of %1.").arg(m_scopeName));
        return;
    }
    const std::optional<KeyChangePrompts::NewKey> asked =
        KeyChangePrompts::askNewKey(this, choices, preselect, m_changes->names().all(), knownScopes());
    if (!asked || !m_client)
        return;
    m_actions->newKey()->setEnabled(false);
    m_changes->create(
        asked->projectId, asked->name, asked->scope, [this](const AiKey &key, SecretBuffer secret) {
            if (m_changes->inScope(key))
                selectKey(key.apiKeyId);
            QPointer<SecretDialog> dialog =
                KeyChangePrompts::secretDialog(key, std::move(secret), m_clipboard, bool(m_client), this);
            dialog->exec();
            delete dialog.data();
        });
}

void KeysView::onLostCreate(const QString &name, const std::optional<AiKey> &found, const ApiError &error)
{
    if (found && m_changes->inScope(*found))
        selectKey(found->apiKeyId);
    if (KeyChangePrompts::lostCreate(this, name, found, error))
        m_changes->remove(*found, true);
}

void KeysView::askRename()
{
    const std::optional<AiKey> key = currentKey();
    if (!key || !m_client || !m_actions->rename()->isEnabled())
        return;
    if (const auto name = KeyChangePrompts::askNewName(this, *key, m_changes->namesInProject(key->groupId)))
        m_changes->rename(*key, *name);
}

void KeysView::askDelete()
{
    const std::optional<AiKey> key = currentKey();
    if (!key || !m_client || !m_actions->remove()->isEnabled())
        return;
    if (KeyChangePrompts::confirmDelete(this, *key, m_changes->projectName(key->groupId)))
        m_changes->remove(*key);
}

// --- Copy -------------------------------------------------------------------------------------------

void KeysView::copyKeyId()
{
    const std::optional<AiKey> key = currentKey();
    if (!key || !m_clipboard)
        return;
    m_clipboard->copyPlain(key->apiKeyId);
    Q_EMIT statusMessage(tr("Key ID of \u201c%1\u201d copied.").arg(key->name));
}

void KeysView::copyMaskedSecret()
{
    const std::optional<AiKey> key = currentKey();
    if (!key || !m_clipboard || key->maskedSecret.isEmpty())
        return;
    m_clipboard->copyPlain(key->maskedSecret);
    Q_EMIT statusMessage(tr("Masked key of \u201c%1\u201d copied.").arg(key->name));
}

// --- Menus ------------------------------------------------------------------------------------------

void KeysView::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.setObjectName(u"keyContextMenu"_s);
    m_actions->fillContextMenu(&menu, m_extraActions);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

} // namespace aikeys
