#include "keys/keysview.h"

#include "atlas/atlasclient.h"
#include "atlas/embeddingtest.h"
#include "atlas/session.h"
#include "keys/createkeydialog.h"
#include "keys/deletekeydialog.h"
#include "domain/keynamerules.h"
#include "keys/keycolumns.h"
#include "logging.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"
#include "models/orgtreemodel.h"
#include "keys/renamekeydialog.h"
#include "keys/secretdialog.h"
#include "security/secureclipboard.h"
#include "common/windowicons.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QShowEvent>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

// Lets the Name column be edited in place without the model ever changing on its own: an edit is
// handed to the view as a rename request, and the row changes when Atlas has answered.
class EditableKeyProxy final : public KeyFilterProxyModel
{
public:
    using RenameRequest = std::function<void(const AiKey &key, const QString &newName)>;
    using CanEdit = std::function<bool(const AiKey &key)>;

    using KeyFilterProxyModel::KeyFilterProxyModel;

    RenameRequest onRename;
    CanEdit canEdit;

    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        Qt::ItemFlags f = KeyFilterProxyModel::flags(index);
        if (index.isValid() && index.column() == KeyTableModel::Name && canEdit && canEdit(keyAt(index)))
            f |= Qt::ItemIsEditable;
        return f;
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::EditRole && index.column() == KeyTableModel::Name)
            return KeyFilterProxyModel::data(index, Qt::DisplayRole);
        return KeyFilterProxyModel::data(index, role);
    }

    bool setData(const QModelIndex &index, const QVariant &value, int role) override
    {
        if (role != Qt::EditRole || index.column() != KeyTableModel::Name || !onRename)
            return false;
        onRename(keyAt(index), value.toString());
        // Nothing changes until Atlas answers: the row is updated from the server's key.
        return false;
    }

    AiKey keyAt(const QModelIndex &index) const { return index.data(KeyTableModel::KeyRole).value<AiKey>(); }
};

// The in-place editor of the Name column checks a name as the rename dialog does (KeyNameRules)
// before anything is sent; a refused name says why in a tooltip and is not sent.
class KeyNameDelegate final : public QStyledItemDelegate
{
public:
    using NamesFor = std::function<QStringList(const QString &projectId)>;

    KeyNameDelegate(NamesFor namesFor, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_namesFor(std::move(namesFor))
    {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        editor->setObjectName(u"keyNameEditor"_s);
        editor->setAccessibleName(KeysView::tr("New key name"));
        return editor;
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        auto *edit = qobject_cast<QLineEdit *>(editor);
        if (!edit)
            return;
        const AiKey key = index.data(KeyTableModel::KeyRole).value<AiKey>();
        KeyNameRules rules;
        rules.setExistingNames(m_namesFor(key.groupId));
        rules.setCurrentName(key.name);
        const QString name = edit->text();
        const KeyNameRules::Verdict verdict = rules.check(name);
        if (verdict.problem == KeyNameRules::Problem::Unchanged)
            return;
        if (!verdict.ok()) {
            QWidget *view = edit->parentWidget();
            QToolTip::showText(view ? view->mapToGlobal(edit->geometry().bottomLeft()) : QPoint(),
                               KeysView::tr("Not renamed: %1").arg(verdict.message), view);
            return;
        }
        model->setData(index, name, Qt::EditRole);
    }

private:
    NamesFor m_namesFor;
};

// A slice of the work that fills the table with a listing's keys: short enough that the window keeps
// drawing (a frame is 16 ms) while an organization's tens of thousands of keys go in.
constexpr int kFillSliceMs = 8;

bool isDuplicateNameError(const ApiError &error, const QString &name)
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

QString noRolePhrase()
{
    return KeysView::tr("a role your account does not have in this project");
}

} // namespace

struct KeysView::PendingFill
{
    QList<AiKey> keys; // for keysListed(), once they are in the table
    KeyTableModel::Batch batch;
    bool namesRemembered = false;
};

KeysView::KeysView(QWidget *parent)
    : QWidget(parent)
    , m_model(new KeyTableModel(this))
    , m_proxy(new EditableKeyProxy(this))
    , m_selection(new QItemSelectionModel(m_proxy, this))
    , m_clock(new QTimer(this))
    , m_fillTimer(new QTimer(this))
{
    setObjectName(u"keysView"_s);
    qRegisterMetaType<aikeys::KeysView::Scope>();

    auto *proxy = static_cast<EditableKeyProxy *>(m_proxy);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(KeyTableModel::SortRole);
    proxy->setDynamicSortFilter(true);
    proxy->sort(KeyTableModel::Name, Qt::AscendingOrder);
    proxy->canEdit = [this](const AiKey &key) { return m_client && !isWriteDenied(key.groupId); };
    proxy->onRename = [this](const AiKey &key, const QString &name) {
        // Out of the delegate's commit: the editor is still closing.
        QTimer::singleShot(0, this, [this, key, name] { sendRename(key, name); });
    };

    // Actions: the window puts them in its menus and toolbar; those that act on a row have shortcuts
    // that only apply while the table has the focus, so Ctrl+C and Delete keep working in text fields.
    m_newKey = new QAction(WindowIcons::get(WindowIcons::Icon::NewKey), tr("&New Key\u2026"), this);
    m_newKey->setObjectName(u"newKeyAction"_s);
    m_newKey->setShortcut(QKeySequence::New);
    connect(m_newKey, &QAction::triggered, this, &KeysView::createKey);

    m_rename = new QAction(WindowIcons::get(WindowIcons::Icon::Rename), tr("&Rename\u2026"), this);
    m_rename->setObjectName(u"renameAction"_s);
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_rename, &QAction::triggered, this, &KeysView::renameKey);

    m_delete = new QAction(WindowIcons::get(WindowIcons::Icon::Delete), tr("&Delete\u2026"), this);
    m_delete->setObjectName(u"deleteAction"_s);
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_delete, &QAction::triggered, this, &KeysView::deleteKey);

    m_copyId = new QAction(WindowIcons::get(WindowIcons::Icon::Copy), tr("&Copy Key ID"), this);
    m_copyId->setObjectName(u"copyIdAction"_s);
    m_copyId->setShortcut(QKeySequence::Copy);
    m_copyId->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyId, &QAction::triggered, this, &KeysView::copyKeyId);

    m_copyMasked = new QAction(WindowIcons::get(WindowIcons::Icon::CopyMasked), tr("Copy &Masked Key"), this);
    m_copyMasked->setObjectName(u"copyMaskedAction"_s);
    m_copyMasked->setToolTip(tr("Copy the masked form of the key (not the secret)"));
    connect(m_copyMasked, &QAction::triggered, this, &KeysView::copyMaskedSecret);

    m_refresh = new QAction(WindowIcons::get(WindowIcons::Icon::Refresh), tr("Re&fresh"), this);
    m_refresh->setObjectName(u"refreshKeysAction"_s);
    connect(m_refresh, &QAction::triggered, this, &KeysView::refresh);

    connect(m_selection, &QItemSelectionModel::currentRowChanged, this, &KeysView::updateActions);
    connect(m_selection, &QItemSelectionModel::selectionChanged, this, &KeysView::updateActions);
    connect(m_model, &KeyTableModel::countsChanged, this, &KeysView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &KeysView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &KeysView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &KeysView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &KeysView::updateCounts);
    connect(m_model, &KeyTableModel::showProjectColumnChanged, this, [this](bool shown) {
        if (shown)
            placeProjectColumn();
    });

    m_fillTimer->setSingleShot(true);
    m_fillTimer->setInterval(0);
    connect(m_fillTimer, &QTimer::timeout, this, &KeysView::continueFill);

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
    m_table = new QTableView(this);
    m_placeholder = new QLabel(m_table->viewport());
    m_placeholder->setTextFormat(Qt::PlainText);

    m_filter->setObjectName(u"keyFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by name, key ID or creator"));
    m_filter->setAccessibleName(tr("Filter keys"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(WindowIcons::get(WindowIcons::Icon::Filter), QLineEdit::LeadingPosition);
    m_filter->setText(m_proxy->filterText());
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &KeyFilterProxyModel::setFilterText);

    m_table->setObjectName(u"keyTable"_s);
    m_table->setAccessibleName(tr("Keys"));
    m_table->setModel(m_proxy);
    // One selection for the view and for the actions, which exist before the view does.
    QItemSelectionModel *own = m_table->selectionModel();
    m_table->setSelectionModel(m_selection);
    delete own;
    m_table->setItemDelegateForColumn(
        KeyTableModel::Name,
        new KeyNameDelegate([this](const QString &p) { return namesInProject(p); }, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows may be selected for exports; the single-key actions then stand aside.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::SelectedClicked);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setObjectName(u"keyTableHeader"_s);
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    // Widths that fit typical values, and never less than the column's title with its sort arrow;
    // the Project column gets its own when it comes (the organization's keys).
    sizeKeyColumns(header, m_table->fontMetrics());
    connect(m_model, &QAbstractItemModel::columnsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                sizeKeyColumns(m_table->horizontalHeader(), m_table->fontMetrics(), first, last);
            });
    // Enabling sorting applies the header's indicator (column 0, descending, by default): keep the
    // proxy's order instead.
    const int sortColumn = m_proxy->sortColumn() >= 0 ? m_proxy->sortColumn() : int(KeyTableModel::Name);
    const Qt::SortOrder sortOrder = m_proxy->sortOrder();
    header->setSortIndicator(sortColumn, sortOrder);
    m_table->setSortingEnabled(true);
    connect(m_table, &QWidget::customContextMenuRequested, this, &KeysView::showContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &KeysView::showHeaderMenu);

    m_placeholder->setObjectName(u"keysPlaceholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_table->viewport()->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    setFocusProxy(m_table);

    // Row shortcuts live on the table; the window adds them to its menus too (they show the keys).
    m_table->addAction(m_rename);
    m_table->addAction(m_delete);
    m_table->addAction(m_copyId);

    if (!m_pendingHeaderState.isEmpty())
        restoreHeaderState(std::exchange(m_pendingHeaderState, {}));
    placeProjectColumn();
    updatePlaceholder();
}

QTableView *KeysView::table()
{
    ensureWidgets();
    return m_table;
}

void KeysView::placeProjectColumn()
{
    if (!m_table || !m_model->showProjectColumn())
        return;
    // The model appends the column (so hiding it shifts no other); on screen it comes right after the
    // name, where a 1280-pixel window still shows it, and it is wide enough for a typical project name.
    QHeaderView *header = m_table->horizontalHeader();
    const int name = header->visualIndex(KeyTableModel::Name);
    const int project = header->visualIndex(KeyTableModel::Project);
    if (name >= 0 && project >= 0 && project != name + 1)
        header->moveSection(project, project > name ? name + 1 : name);
    const QString title = m_model->headerData(KeyTableModel::Project, Qt::Horizontal).toString();
    header->resizeSection(KeyTableModel::Project,
                          std::max(m_table->fontMetrics().horizontalAdvance(u"data-science-sandbox"_s) + 16,
                                   header->fontMetrics().horizontalAdvance(title) + 36));
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
    stopListing();
}

void KeysView::stopListing()
{
    if (m_listJob) {
        m_listJob->disconnect(this);
        m_listJob->cancel();
    }
    m_fillTimer->stop();
    m_fill.reset();
}

void KeysView::setClient(AtlasClient *client)
{
    if (client == m_client)
        return;
    if (isLoading()) {
        stopListing();
        setLoading(nullptr);
    }
    m_client = client;
    m_namesByProject.clear();
    m_denied.clear();
    m_scopesFetched.clear();
    m_scopes.clear();
    // Their answers describe the previous client's Atlas.
    for (const QPointer<Job> &job : std::as_const(m_scopeJobs))
        delete job.data();
    m_scopeJobs.clear();
    if (m_messageBar)
        m_messageBar->hide();
    showNothing();
}

MessageBar *KeysView::messageBar()
{
    // Made when first needed: most sessions never show one, and building it (its icons come from the
    // icon theme) is a noticeable share of the window's start-up.
    if (!m_messageBar) {
        ensureWidgets();
        m_messageBar = new MessageBar(this);
        m_messageBar->setObjectName(u"keysMessageBar"_s);
        m_messageBar->hide();
        static_cast<QVBoxLayout *>(layout())->insertWidget(0, m_messageBar);
    }
    return m_messageBar;
}

AtlasClient *KeysView::client() const
{
    return m_client;
}

bool KeysView::isLoading() const
{
    return m_listJob || m_fill;
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
    m_scope = Scope::Project;
    m_scopeId = projectId;
    m_scopeName = projectName;
    startListing(false);
    fetchScopes(projectId);
}

void KeysView::showOrganization(const QString &orgId, const QString &orgName)
{
    if (m_scope == Scope::Organization && m_scopeId == orgId &&
        (isLoading() || (!m_listFailed && !m_listCancelled)))
        return;
    m_scope = Scope::Organization;
    m_scopeId = orgId;
    m_scopeName = orgName;
    startListing(false);
}

void KeysView::showNothing(const QString &message)
{
    if (isLoading()) {
        stopListing();
        setLoading(nullptr);
    }
    withdrawRetryMessage();
    m_scope = Scope::None;
    m_scopeId.clear();
    m_scopeName.clear();
    m_nothingMessage = message;
    m_listFailed = false;
    m_listCancelled = false;
    m_model->clear();
    m_model->setShowProjectColumn(false);
    applySort();
    if (m_errorShown)
        m_messageBar->animatedHide();
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
        m_scopesFetched.remove(m_scopeId);
        fetchScopes(m_scopeId);
    }
}

void KeysView::withdrawRetryMessage()
{
    if (!m_retryMessage.isEmpty())
        Q_EMIT statusMessageWithdrawn(std::exchange(m_retryMessage, {}));
}

void KeysView::cancelLoading()
{
    if (!m_listJob)
        return;
    // The job ends from the event loop with a Canceled error; onListed says so.
    m_listJob->cancel();
}

void KeysView::setLoading(Job *job)
{
    m_listJob = job;
    if (m_loadingSignalled != isLoading()) {
        m_loadingSignalled = isLoading();
        Q_EMIT loadingChanged(m_loadingSignalled);
    }
    updatePlaceholder();
}

void KeysView::applySort()
{
    // The header's indicator is what the user chose (and what a restored layout says); without a
    // table yet, the proxy's own.
    int column = m_proxy->sortColumn();
    Qt::SortOrder order = m_proxy->sortOrder();
    if (m_table) {
        column = m_table->horizontalHeader()->sortIndicatorSection();
        order = m_table->horizontalHeader()->sortIndicatorOrder();
    }
    if (column < 0 || column >= m_model->columnCount())
        column = KeyTableModel::Name; // its column went (Project, back in a project)
    // QSortFilterProxyModel::sort() does nothing when asked for the column and order it already has:
    // unsorted first, so that the second call sorts whatever state the proxy is in.
    m_proxy->sort(-1, order);
    m_proxy->sort(column, order);
    if (m_table && m_table->horizontalHeader()->sortIndicatorSection() != column)
        m_table->horizontalHeader()->setSortIndicator(column, order);
}

void KeysView::startListing(bool keepRows)
{
    stopListing();
    withdrawRetryMessage();
    m_listFailed = false;
    m_listCancelled = false;
    if (!keepRows) {
        m_model->clear();
        const bool org = m_scope == Scope::Organization;
        if (org && m_tree)
            m_model->setProjectNames(m_tree->projectNames());
        // The layout the user arranged is the project view's; the org view's extra column is not
        // part of what is remembered.
        if (org && !m_model->showProjectColumn() && m_table)
            m_projectHeaderState = m_table->horizontalHeader()->saveState();
        m_model->setShowProjectColumn(org);
        // A column added to or removed from the emptied model makes the proxy drop its sort column
        // (Qt 6.4 looks it up through a row that does not exist: sortColumn() becomes -1) while the
        // header still shows the indicator: rows would come in the server's order under a header that
        // says "sorted by Name", and new keys would go to the bottom.
        applySort();
        if (m_errorShown)
            m_messageBar->animatedHide();
    } else if (m_scope == Scope::Organization && m_tree) {
        m_model->setProjectNames(m_tree->projectNames());
    }
    updateActions();
    if (!m_client) {
        setLoading(nullptr);
        return;
    }

    Job *job = nullptr;
    if (m_scope == Scope::Project)
        job = m_client->listProjectKeys(m_scopeId);
    else
        job = m_client->listOrgKeys(m_scopeId);
    connect(job, &Job::progress, this, &KeysView::loadProgress);
    connect(job, &Job::retrying, this, [this](int attempt, int delayMs, const QString &) {
        m_retryMessage = tr("Atlas did not answer as expected; trying again in %1 s (attempt %2)\u2026")
                             .arg(qMax(1, (delayMs + 999) / 1000))
                             .arg(attempt + 1);
        Q_EMIT statusMessage(m_retryMessage);
    });
    connect(job, &Job::finished, this, [this, job, keepRows] { onListed(job, keepRows); });
    setLoading(job);
    Q_EMIT loadProgress(0, 0);
}

void KeysView::onListed(Job *job, bool keepRows)
{
    if (job != m_listJob)
        return;
    // Whatever the outcome, no attempt is coming any more.
    withdrawRetryMessage();
    const ApiError error = job->error();
    if (error) {
        setLoading(nullptr);
        if (error.kind() == ApiError::Kind::Canceled) {
            m_listCancelled = true;
            Q_EMIT statusMessage(tr("Loading stopped."));
        } else {
            m_listFailed = true;
            showError(error, [this] { startListing(true); });
        }
        updatePlaceholder();
        return;
    }

    const int odd = static_cast<ListJob<AiKey> *>(job)->oddItems();
    QList<AiKey> keys = static_cast<ListJob<AiKey> *>(job)->takeItems();
    if (m_errorShown)
        m_messageBar->animatedHide();
    if (odd > 0) {
        // The list is still shown: one odd item must not hide thousands of good ones.
        showMessage(MessageBar::Kind::Warning,
                    tr("Atlas sent %n key(s) this app could not read completely.", nullptr, odd),
                    tr("They are listed with the unreadable values shown as unknown (a key without an ID is "
                       "left out). Atlas may have changed its answer format: check for an update of Atlas "
                       "AI Keys."));
    }
    if (keepRows) {
        m_model->refresh(keys);
        rememberNames(keys, true);
        listingShown(keys);
        return;
    }
    // A new list goes in a slice per event (KeyTableModel::Batch), with the ranks of the column the
    // table is sorted by: tens of thousands of keys in one go would stop the window for longer than a
    // frame or three. Still loading until they are in; the job itself is done.
    m_fill = std::make_unique<PendingFill>();
    m_fill->batch = m_model->prepareKeys(keys, m_proxy->sortColumn());
    m_fill->keys = std::move(keys);
    m_listJob = nullptr;
    continueFill();
}

void KeysView::continueFill()
{
    if (!m_fill)
        return;
    QElapsedTimer slice;
    slice.start();
    // A few keys go in at once, as the listing ends; many take a slice per step.
    const auto nextSlice = [this, &slice] {
        if (slice.elapsed() < kFillSliceMs / 4)
            return false;
        m_fillTimer->start();
        return true;
    };
    if (!m_fill->batch.work(kFillSliceMs)) {
        m_fillTimer->start();
        return;
    }
    if (!m_fill->namesRemembered) {
        if (nextSlice())
            return;
        m_fill->namesRemembered = true;
        rememberNames(m_fill->keys, true);
    }
    if (nextSlice())
        return;
    m_model->setPreparedKeys(std::move(m_fill->batch));
    if (!m_fill)
        return; // something the reset set off stopped the listing
    const QList<AiKey> keys = std::move(m_fill->keys);
    m_fill.reset();
    listingShown(keys);
}

void KeysView::listingShown(const QList<AiKey> &keys)
{
    for (const AiKey &key : keys)
        addScope(key.cloud, key.geography);
    setLoading(nullptr);
    Q_EMIT keysListed(m_scope, m_scopeId, keys);
    if (m_scope == Scope::Project)
        Q_EMIT projectKeyCountChanged(m_scopeId, keys.size());
    updateActions();
    updateCounts();
}

void KeysView::showMessage(MessageBar::Kind kind, const QString &text, const QString &hint,
                           const QString &actionText, std::function<void()> action)
{
    // One message at a time: the previous one's action goes with it.
    MessageBar *bar = messageBar();
    bar->disconnect(this, nullptr);
    connect(bar, &MessageBar::hidden, this, [this] { m_errorShown = false; });
    if (action) {
        connect(bar, &MessageBar::actionTriggered, this, [bar, action] {
            bar->animatedHide();
            action();
        });
    }
    bar->showMessage(kind, text, hint, action ? actionText : QString());
    m_errorShown = true;
}

void KeysView::showError(const ApiError &error, std::function<void()> retry)
{
    if (error.isUnauthorized()) {
        Q_EMIT unauthorized(error);
        return;
    }
    showMessage(MessageBar::Kind::Error, error.message(), error.hint(), tr("&Retry"), std::move(retry));
    // The request is for whoever digs deeper, not for the sentence everyone reads.
    if (!error.request().isEmpty())
        m_messageBar->setDetails(tr("Request: %1").arg(error.request()));
}

void KeysView::showDenied(const QString &projectId, const ApiError &error)
{
    const QString role = error.requiredRole();
    m_denied.insert(projectId, role.isEmpty() ? noRolePhrase() : role);
    updateActions();
    const QString what = role.isEmpty()
                             ? tr("Creating, renaming and deleting keys in %1 needs a role your account "
                                  "does not have there.")
                                   .arg(projectName(projectId))
                             : tr("Creating, renaming and deleting keys in %1 needs the %2 role.")
                                   .arg(projectName(projectId), role);
    showMessage(
        MessageBar::Kind::Warning, tr("Atlas refused the change: %1").arg(error.message()),
        what + u' ' +
            tr("Ask an Organization Owner or Project Owner for it, or sign in with another profile. You "
               "can still view and copy keys."));
}

void KeysView::updateActions()
{
    const std::optional<AiKey> key = currentKey();
    const bool connected = bool(m_client);
    const bool haveScope = connected && m_scope != Scope::None;
    const bool projectDenied = m_scope == Scope::Project && isWriteDenied(m_scopeId);
    m_newKey->setEnabled(haveScope && !projectDenied);
    m_newKey->setToolTip(projectDenied
                             ? tr("You cannot create keys here: that needs %1.").arg(deniedRole(m_scopeId))
                             : tr("Create a key in the selected project (%1)")
                                   .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    const bool keyDenied = key && isWriteDenied(key->groupId);
    const bool single = m_selection->selectedRows().size() <= 1;
    m_rename->setEnabled(connected && key && single && !keyDenied);
    m_delete->setEnabled(connected && key && single && !keyDenied);
    const QString deniedTip =
        key && keyDenied ? tr("Not allowed: that needs %1.").arg(deniedRole(key->groupId)) : QString();
    m_rename->setToolTip(deniedTip.isEmpty() ? tr("Rename the selected key (F2)") : deniedTip);
    m_delete->setToolTip(deniedTip.isEmpty() ? tr("Delete the selected key (Del)") : deniedTip);
    m_copyId->setEnabled(key && single && m_clipboard);
    m_copyMasked->setEnabled(key && single && m_clipboard && !key->maskedSecret.isEmpty());
    m_refresh->setEnabled(haveScope);
}

void KeysView::updatePlaceholder()
{
    if (!m_placeholder)
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
    m_placeholder->setText(text);
    m_placeholder->setVisible(!text.isEmpty());
    m_placeholder->setGeometry(m_table->viewport()->rect().adjusted(16, 16, -16, -16));
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

bool KeysView::eventFilter(QObject *watched, QEvent *event)
{
    if (m_table && watched == m_table->viewport() && event->type() == QEvent::Resize)
        m_placeholder->setGeometry(m_table->viewport()->rect().adjusted(16, 16, -16, -16));
    return QWidget::eventFilter(watched, event);
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

void KeysView::rememberNames(const QList<AiKey> &keys, bool wholeScope)
{
    QHash<QString, QStringList> names;
    for (const AiKey &key : keys)
        names[key.groupId].append(key.name);
    if (wholeScope && m_scope == Scope::Project) {
        m_namesByProject.insert(m_scopeId, names.value(m_scopeId));
        return;
    }
    if (wholeScope && m_scope == Scope::Organization && m_tree) {
        // Every project of the organization was in the listing, those without keys too.
        const QModelIndex org = m_tree->indexOfOrganization(m_scopeId);
        for (int row = 0, rows = m_tree->rowCount(org); org.isValid() && row < rows; ++row) {
            const QString projectId = m_tree->index(row, 0, org).data(OrgTreeModel::IdRole).toString();
            m_namesByProject.insert(projectId, names.value(projectId));
        }
    }
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        m_namesByProject.insert(it.key(), it.value());
}

QStringList KeysView::namesInProject(const QString &projectId) const
{
    const auto it = m_namesByProject.constFind(projectId);
    if (it != m_namesByProject.cend())
        return *it;
    QStringList names;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const AiKey &key = m_model->keyAt(row);
        if (key.groupId == projectId)
            names.append(key.name);
    }
    return names;
}

QString KeysView::projectName(const QString &projectId) const
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

QList<std::pair<QString, QString>> KeysView::projectChoices(QString *preselect) const
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
    } else if (const std::optional<AiKey> key = currentKey()) {
        *preselect = key->groupId;
    }
    std::sort(choices.begin(), choices.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.second, b.second) < 0;
    });
    return choices;
}

void KeysView::fetchScopes(const QString &projectId)
{
    if (!m_client || m_scopesFetched.contains(projectId))
        return;
    m_scopesFetched.insert(projectId);
    ListJob<RateLimit> *job = m_client->listProjectRateLimits(projectId);
    job->setParent(this);
    m_scopeJobs.removeAll(nullptr);
    m_scopeJobs.append(job);
    connect(job, &Job::finished, this, [this, job] {
        if (job->error()) {
            qCDebug(lcModels).noquote() << "rate limits not read for scopes:" << job->error().message();
            return;
        }
        for (const RateLimit &limit : job->items())
            addScope(limit.cloud, limit.geography);
    });
}

void KeysView::addScope(const QString &cloud, const QString &geography)
{
    if (cloud.isEmpty() || geography.isEmpty())
        return;
    for (const KeyScope &s : std::as_const(m_scopes)) {
        if (s.cloud == cloud && s.geography == geography)
            return;
    }
    m_scopes.append(KeyScope{cloud, geography});
}

QList<KeyScope> KeysView::knownScopes() const
{
    QList<KeyScope> scopes = m_scopes;
    const KeyScope any;
    bool hasAny = false;
    for (const KeyScope &s : std::as_const(scopes))
        hasAny = hasAny || (s.cloud == any.cloud && s.geography == any.geography);
    if (!hasAny)
        scopes.prepend(any);
    // ANY/ANY first (the default), then the others in a stable order.
    std::stable_sort(scopes.begin(), scopes.end(), [&any](const KeyScope &a, const KeyScope &b) {
        const bool aAny = a.cloud == any.cloud && a.geography == any.geography;
        const bool bAny = b.cloud == any.cloud && b.geography == any.geography;
        if (aAny != bAny)
            return aAny;
        return std::pair(a.cloud, a.geography) < std::pair(b.cloud, b.geography);
    });
    return scopes;
}

bool KeysView::inScope(const AiKey &key) const
{
    if (m_scope == Scope::Project)
        return key.groupId == m_scopeId;
    if (m_scope == Scope::Organization && m_tree) {
        const QModelIndex project = m_tree->indexOfProject(key.groupId);
        return project.isValid() && project.data(OrgTreeModel::OrgIdRole).toString() == m_scopeId;
    }
    return false;
}

void KeysView::emitCount(const QString &projectId)
{
    if (!m_namesByProject.contains(projectId))
        return;
    Q_EMIT projectKeyCountChanged(projectId, m_namesByProject.value(projectId).size());
}

void KeysView::writeStarted()
{
    if (m_pendingWrites++ == 0)
        Q_EMIT busyChanged(true);
}

void KeysView::writeEnded()
{
    if (m_pendingWrites > 0 && --m_pendingWrites == 0)
        Q_EMIT busyChanged(false);
}

// --- Create -----------------------------------------------------------------------------------------

void KeysView::createKey()
{
    if (!m_client || m_scope == Scope::None || !m_newKey->isEnabled())
        return;
    QString preselect;
    const QList<std::pair<QString, QString>> choices = projectChoices(&preselect);
    if (choices.isEmpty()) {
        MessageBox::information(this, tr("New Key"),
                                tr("You cannot create keys in any project of %1.").arg(m_scopeName));
        return;
    }

    QPointer<CreateKeyDialog> dialog = new CreateKeyDialog(this);
    QList<ProjectChoice> projects;
    for (const auto &c : choices)
        projects.append(ProjectChoice{c.first, c.second});
    dialog->setProjects(projects, preselect);
    dialog->setExistingNames(m_namesByProject);
    dialog->setScopes(knownScopes());
    const int result = dialog->exec();
    if (!dialog)
        return;
    const QString projectId = dialog->projectId();
    const QString name = dialog->keyName();
    const KeyScope scope = dialog->scope();
    delete dialog;
    if (result != QDialog::Accepted || !m_client)
        return;

    // Whether the name was free in a list seen in full: a duplicate-name answer then most likely means
    // our own first attempt got through and its answer was lost.
    const auto known = m_namesByProject.constFind(projectId);
    const bool nameWasFree = known != m_namesByProject.cend() && !known->contains(name);

    CreateKeyCall *call = m_client->createKey(projectId, name, scope);
    writeStarted();
    m_newKey->setEnabled(false);
    Q_EMIT statusMessage(tr("Creating the key \u201c%1\u201d\u2026").arg(name));
    connect(call, &Job::finished, this,
            [this, call, projectId, name, nameWasFree] { onCreated(call, projectId, name, nameWasFree); });
}

void KeysView::onCreated(CreateKeyCall *call, const QString &projectId, const QString &name, bool nameWasFree)
{
    writeEnded();
    updateActions();
    const ApiError error = call->error();
    if (!error) {
        // The secret leaves the call at once, in its one buffer; the dialog opens from the event loop
        // rather than inside the call's signal (a modal loop there would run with the reply mid-finish).
        auto secret = std::make_shared<SecretBuffer>(call->takeSecret());
        const AiKey key = call->key();
        QMetaObject::invokeMethod(
            this, [this, key, secret] { showSecret(key, std::move(*secret)); }, Qt::QueuedConnection);
        return;
    }
    if (error.isMissingRole()) {
        showDenied(projectId, error);
        return;
    }
    if (error.isUnauthorized() || error.kind() == ApiError::Kind::Canceled) {
        showError(error);
        return;
    }
    // A 2xx whose answer could not be read means the key exists: find it and offer to delete it.
    if (call->createdButUnreadable() || error.outcomeUnknown() ||
        (nameWasFree && isDuplicateNameError(error, name))) {
        checkLostCreate(projectId, name, error);
        return;
    }
    // Never retried on our own, nor offered as Retry: a create is not idempotent.
    showError(error);
}

void KeysView::showSecret(const AiKey &key, SecretBuffer secret)
{
    m_namesByProject[key.groupId].append(key.name);
    if (inScope(key)) {
        m_model->upsert(key);
        selectKey(key.apiKeyId);
    }
    emitCount(key.groupId);
    Q_EMIT statusMessage(tr("Key \u201c%1\u201d created.").arg(key.name));

    // The dialog owns the secret from here and wipes it when it closes.
    auto *dialog = new SecretDialog(key, std::move(secret), m_clipboard, this);
    if (m_client) {
        // The test talks to the key's endpoint with a network manager of its own: the session's
        // credentials never go there.
        dialog->setKeyTester([](const SecretBuffer &s, const QString &endpoint) -> EmbeddingTest * {
            return new EmbeddingTest(endpoint, s);
        });
    }
    QPointer<SecretDialog> guard(dialog);
    dialog->exec();
    delete guard.data();
}

void KeysView::checkLostCreate(const QString &projectId, const QString &name, const ApiError &error)
{
    if (!m_client)
        return;
    Q_EMIT statusMessage(
        tr("No answer to the create; checking whether the key \u201c%1\u201d exists\u2026").arg(name));
    writeStarted();
    ListJob<AiKey> *list = m_client->listProjectKeys(projectId);
    connect(list, &Job::finished, this, [this, list, projectId, name, error] {
        writeEnded();
        if (list->error()) {
            const ApiError listError = list->error();
            QMetaObject::invokeMethod(
                this, [this, name, listError] { reportLostCreateUnknown(name, listError); },
                Qt::QueuedConnection);
            return;
        }
        const QList<AiKey> keys = list->items();
        std::optional<AiKey> found;
        for (const AiKey &key : keys) {
            if (key.name == name && (!found || key.createdAt > found->createdAt))
                found = key;
        }
        // The fresh list is the truth for this project.
        if (m_scope == Scope::Project && m_scopeId == projectId) {
            m_model->refresh(keys);
            rememberNames(keys, true);
        } else {
            QStringList names;
            for (const AiKey &key : keys)
                names.append(key.name);
            m_namesByProject.insert(projectId, names);
            if (found && inScope(*found))
                m_model->upsert(*found);
        }
        emitCount(projectId);
        QMetaObject::invokeMethod(
            this, [this, name, found, error] { reportLostCreate(name, found, error); }, Qt::QueuedConnection);
    });
}

void KeysView::reportLostCreateUnknown(const QString &name, const ApiError &listError)
{
    MessageBox::warning(
        this, tr("Key May Have Been Created"),
        tr("Atlas's answer to the creation of \u201c%1\u201d was lost, and the list of keys "
           "could not be read to check whether it exists.")
            .arg(name),
        QMessageBox::Ok, QMessageBox::NoButton,
        tr("%1\n\nRefresh the list before trying again. If a key named \u201c%2\u201d is there, "
           "its secret is lost: delete it and create another.")
            .arg(listError.message(), name));
}

void KeysView::reportLostCreate(const QString &name, const std::optional<AiKey> &found, const ApiError &error)
{
    if (!found && error.kind() == ApiError::Kind::InvalidResponse) {
        // Atlas said it created the key; that the list does not show it (yet) changes nothing.
        reportLostCreateUnknown(name, error);
        return;
    }
    if (!found) {
        MessageBox::information(
            this, tr("Key Not Created"), tr("The key \u201c%1\u201d was not created.").arg(name),
            QMessageBox::Ok, QMessageBox::NoButton,
            tr("Atlas did not answer (%1), and the project has no key of that name. You can "
               "try again.")
                .arg(error.message()));
        return;
    }
    if (inScope(*found))
        selectKey(found->apiKeyId);
    const MessageBox::Button answer = MessageBox::question(
        this, tr("Key Created Without Its Secret"),
        tr("The key \u201c%1\u201d was created, but Atlas's answer was lost on the way.").arg(name),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
        tr("Atlas shows a key's secret only once, in the answer to its creation, so the secret of this key "
           "cannot be recovered. Nobody can use the key without it.\n\nDelete the key now? You can then "
           "create a new one."));
    if (answer == QMessageBox::Yes)
        sendDelete(*found, true);
}

// --- Rename -----------------------------------------------------------------------------------------

void KeysView::renameKey()
{
    const std::optional<AiKey> key = currentKey();
    if (!key || !m_client || !m_rename->isEnabled())
        return;
    QPointer<RenameKeyDialog> dialog = new RenameKeyDialog(*key, namesInProject(key->groupId), this);
    const int result = dialog->exec();
    if (!dialog)
        return;
    const QString newName = dialog->newName();
    delete dialog;
    if (result == QDialog::Accepted)
        sendRename(*key, newName);
}

void KeysView::sendRename(const AiKey &key, const QString &newName)
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
            showDenied(key.groupId, error);
            return;
        }
        if (error.isItemNotFound()) {
            if (m_model->removeKey(key.apiKeyId))
                m_namesByProject[key.groupId].removeAll(key.name);
            emitCount(key.groupId);
            showMessage(MessageBar::Kind::Warning,
                        tr("The key \u201c%1\u201d no longer exists.").arg(key.name),
                        tr("Someone deleted it before it could be renamed. It was removed from the list."));
            return;
        }
        // Retries are spent, or Atlas answered 2xx unreadably: whether the rename was made is for
        // Atlas to say. The key is read back and the table shows what Atlas holds.
        const bool answered = call->httpStatus() >= 200 && call->httpStatus() < 300;
        if (error && (answered || error.outcomeUnknown())) {
            refreshKeyAfterLostChange(key, tr("rename"), error);
            return;
        }
        if (error) {
            showError(error, [this, key, newName] { sendRename(key, newName); });
            return;
        }
        const AiKey renamed = call->value();
        QStringList &names = m_namesByProject[renamed.groupId];
        names.removeAll(key.name);
        names.append(renamed.name);
        if (m_model->rowOfKey(renamed.apiKeyId) >= 0 || inScope(renamed))
            m_model->upsert(renamed);
        Q_EMIT statusMessage(tr("Renamed \u201c%1\u201d to \u201c%2\u201d.").arg(key.name, renamed.name));
        updateActions();
    });
}

// --- Delete -----------------------------------------------------------------------------------------

void KeysView::deleteKey()
{
    const std::optional<AiKey> key = currentKey();
    if (!key || !m_client || !m_delete->isEnabled())
        return;
    QPointer<DeleteKeyDialog> dialog = new DeleteKeyDialog(*key, projectName(key->groupId), this);
    const int result = dialog->exec();
    delete dialog.data();
    if (result == QDialog::Accepted)
        sendDelete(*key, false);
}

void KeysView::sendDelete(const AiKey &key, bool afterLostCreate)
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
            showDenied(key.groupId, error);
            return;
        }
        if (error && error.outcomeUnknown()) {
            refreshKeyAfterLostChange(key, tr("delete"), error);
            return;
        }
        if (error) {
            showError(error, [this, key, afterLostCreate] { sendDelete(key, afterLostCreate); });
            return;
        }
        m_model->removeKey(key.apiKeyId);
        m_namesByProject[key.groupId].removeAll(key.name);
        emitCount(key.groupId);
        updateActions();
        if (call->alreadyGone()) {
            showMessage(
                MessageBar::Kind::Information,
                tr("The key \u201c%1\u201d had already been deleted.").arg(key.name),
                tr("Someone else (or an earlier attempt whose answer was lost) deleted it first. It was "
                   "removed from the list."));
            return;
        }
        Q_EMIT statusMessage(afterLostCreate
                                 ? tr("Deleted \u201c%1\u201d. You can create a new key now.").arg(key.name)
                                 : tr("Deleted \u201c%1\u201d.").arg(key.name));
    });
}

void KeysView::refreshKeyAfterLostChange(const AiKey &key, const QString &change, const ApiError &error)
{
    if (!m_client)
        return;
    writeStarted();
    ValueCall<AiKey> *get = m_client->getProjectKey(key.groupId, key.apiKeyId);
    connect(get, &Job::finished, this, [this, get, key, change, error] {
        writeEnded();
        const ApiError getError = get->error();
        QStringList &names = m_namesByProject[key.groupId];
        if (getError.isItemNotFound()) {
            m_model->removeKey(key.apiKeyId);
            names.removeAll(key.name);
            emitCount(key.groupId);
            showMessage(MessageBar::Kind::Information,
                        tr("The key “%1” is no longer in Atlas.").arg(key.name),
                        tr("The answer to the %1 was lost; Atlas no longer has the key, so it was removed "
                           "from the list.")
                            .arg(change));
        } else if (getError) {
            showMessage(MessageBar::Kind::Warning,
                        tr("The %1 of “%2” may or may not have been made.").arg(change, key.name),
                        tr("%1 Atlas could not be asked afterwards either: refresh (F5) to see what it holds "
                           "before trying again.")
                            .arg(error.message()));
        } else {
            const AiKey now = get->value();
            names.removeAll(key.name);
            names.append(now.name);
            if (m_model->rowOfKey(now.apiKeyId) >= 0 || inScope(now))
                m_model->upsert(now);
            showMessage(MessageBar::Kind::Information,
                        tr("The answer to the %1 of “%2” was lost or unreadable.").arg(change, key.name),
                        tr("The list shows the key as Atlas holds it now (named “%1”); repeat the %2 "
                           "if it did not go through.")
                            .arg(now.name, change));
        }
        updateActions();
    });
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
    menu.addAction(m_newKey);
    menu.addSeparator();
    menu.addAction(m_rename);
    menu.addAction(m_delete);
    for (QAction *action : std::as_const(m_extraActions))
        menu.addAction(action);
    menu.addSeparator();
    menu.addAction(m_copyId);
    menu.addAction(m_copyMasked);
    menu.addSeparator();
    menu.addAction(m_refresh);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void KeysView::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    QMenu menu(this);
    menu.setObjectName(u"keyHeaderMenu"_s);
    // In the order the columns are shown (the Project column comes after Name there).
    for (int visual = 0; visual < header->count(); ++visual) {
        const int section = header->logicalIndex(visual);
        QAction *action = menu.addAction(m_model->headerData(section, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(section));
        // The name identifies a key: it always stays.
        action->setEnabled(section != KeyTableModel::Name);
        connect(action, &QAction::toggled, header,
                [header, section](bool shown) { header->setSectionHidden(section, !shown); });
    }
    menu.exec(header->mapToGlobal(pos));
}

QByteArray KeysView::headerState() const
{
    if (!m_table)
        return m_pendingHeaderState;
    if (m_model->showProjectColumn() && !m_projectHeaderState.isEmpty())
        return m_projectHeaderState;
    return m_table->horizontalHeader()->saveState();
}

void KeysView::restoreHeaderState(const QByteArray &state)
{
    if (state.isEmpty())
        return;
    if (!m_table) {
        m_pendingHeaderState = state;
        return;
    }
    QHeaderView *header = m_table->horizontalHeader();
    if (!header->restoreState(state))
        return;
    // The sort indicator came back with the state; the proxy follows it.
    m_proxy->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

} // namespace aikeys
