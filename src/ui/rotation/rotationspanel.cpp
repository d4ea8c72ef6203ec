#include "rotation/rotationspanel.h"

#include "ui_rotationspanel.h"

#include "atlas/atlasclient.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "domain/timeformat.h"
#include "keys/createkeydialog.h"
#include "keys/keychangeprompts.h"
#include "keys/keychanges.h"
#include "keys/secretdialog.h"
#include "models/keytablemodel.h"
#include "security/secureclipboard.h"
#include "settings.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

enum Column { OldKeyColumn, NewKeyColumn, ProjectColumn, StateColumn, ColumnCount };

// The Atlas a client is signed in to, as rotations record it (empty when signed out).
QString atlasUrlOf(const AtlasClient *client)
{
    return client && client->session() ? client->session()->config().baseUrl.toString() : QString();
}

QString everyText(int ms)
{
    const int seconds = ms / 1000;
    if (seconds < 60)
        return RotationsPanel::tr("every %n seconds", nullptr, std::max(1, seconds));
    if (seconds < 120)
        return RotationsPanel::tr("every minute");
    return RotationsPanel::tr("every %n minutes", nullptr, seconds / 60);
}

} // namespace

RotationsPanel::RotationsPanel(AtlasClient *client, Settings *settings, SecureClipboard *clipboard,
                               QWidget *parent, const QString &storagePath)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RotationsPanel>())
    , m_client(client)
    , m_settings(settings)
    , m_clipboard(clipboard)
    , m_tracker(new RotationTracker(storagePath, this))
    , m_messageBar(new MessageBar(this))
    , m_changes(new KeyChanges(nullptr, this))
{
    m_changes->setClient(client);
    connect(m_changes, &KeyChanges::busyChanged, this, [this](bool busy) {
        m_creating = busy;
        m_ui->statusLabel->setVisible(busy);
    });
    connect(m_changes, &KeyChanges::notice, this, &RotationsPanel::showChangeNotice);
    const auto refused = [this](const ApiError &e) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("The replacement could not be created: %1").arg(e.message()), e.hint());
    };
    connect(m_changes, &KeyChanges::denied, this,
            [refused](const QString &, const ApiError &e) { refused(e); });
    connect(m_changes, &KeyChanges::unauthorized, this, refused);
    // A replacement whose create's answer was lost is looked for, as in the keys table.
    connect(m_changes, &KeyChanges::lostCreate, this,
            [this](const QString &name, const std::optional<AiKey> &found, const ApiError &error) {
                if (KeyChangePrompts::lostCreate(this, name, found, error))
                    m_changes->remove(*found, true);
            });
    connect(m_changes, &KeyChanges::lostCreateUnknown, this,
            [this](const QString &name, const ApiError &error) {
                KeyChangePrompts::lostCreateUnknown(this, name, error);
            });
    m_ui->setupUi(this);
    setObjectName(u"rotationsPanel"_s);
    m_messageBar->setObjectName(u"rotationsMessageBar"_s);
    m_ui->messageLayout->addWidget(m_messageBar);
    if (m_settings)
        m_tracker->setIdleHours(m_settings->rotationIdleHours());

    QFont title = m_ui->titleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(title);
    QFont bold = m_ui->suggestionLabel->font();
    bold.setBold(true);
    m_ui->suggestionLabel->setFont(bold);

    m_ui->rotationList->setColumnCount(ColumnCount);
    m_ui->rotationList->setHeaderLabels({tr("Old key"), tr("New key"), tr("Project"), tr("State")});
    m_ui->rotationList->header()->setSectionResizeMode(StateColumn, QHeaderView::Stretch);
    m_ui->rotationList->header()->setStretchLastSection(true);
    for (int c = OldKeyColumn; c < StateColumn; ++c)
        m_ui->rotationList->setColumnWidth(c, fontMetrics().averageCharWidth() * 30);
    m_ui->retireButton->setIcon(
        QIcon::fromTheme(u"edit-delete"_s, style()->standardIcon(QStyle::SP_TrashIcon)));

    connect(m_ui->rotationList, &QTreeWidget::currentItemChanged, this, &RotationsPanel::updateDetails);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &RotationsPanel::refreshNow);
    connect(m_ui->retireButton, &QPushButton::clicked, this, &RotationsPanel::retireCurrent);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &RotationsPanel::stopCurrent);

    connect(m_tracker, &RotationTracker::rotationAdded, this, [this](const QString &id) {
        rebuildList();
        setCurrentRotation(id);
        updateTimer();
    });
    connect(m_tracker, &RotationTracker::rotationRemoved, this, [this] {
        rebuildList();
        updateTimer();
    });
    connect(m_tracker, &RotationTracker::rotationChanged, this, &RotationsPanel::updateItem);
    connect(m_tracker, &RotationTracker::reset, this, [this] {
        rebuildList();
        updateTimer();
    });
    connect(m_tracker, &RotationTracker::refreshFailed, this, [this](const QString &, const ApiError &error) {
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("A key of a rotation could not be checked: %1").arg(error.message()),
                                  error.hint());
    });
    connect(m_tracker, &RotationTracker::refreshed, this, [this] {
        m_ui->refreshButton->setEnabled(true);
        updateDetails();
    });

    m_timer.setInterval(kDefaultRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &RotationsPanel::refreshNow);
    m_clockTimer.setInterval(60 * 1000);
    connect(&m_clockTimer, &QTimer::timeout, this, [this] {
        const QList<Rotation> all = m_tracker->rotations();
        for (const Rotation &r : all)
            updateItem(r.id);
    });
    m_clockTimer.start();

    m_tracker->setAtlasUrl(atlasUrlOf(m_client));
    m_ui->statusLabel->hide();
    // The empty state reads from the top, where the list would be, not centred in the panel.
    m_ui->emptyLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_ui->emptyLabel->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    rebuildList();
    updateTimer();
    if (m_client && m_tracker->count() > 0)
        QMetaObject::invokeMethod(this, &RotationsPanel::refreshNow, Qt::QueuedConnection);
}

RotationsPanel::~RotationsPanel() = default;

void RotationsPanel::setClient(AtlasClient *client)
{
    m_client = client;
    m_changes->setClient(client);
    m_tracker->setAtlasUrl(atlasUrlOf(client));
    updateTimer();
    updateDetails();
    if (m_client && m_tracker->count() > 0)
        refreshNow();
}

void RotationsPanel::setStoragePath(const QString &path)
{
    m_tracker->setStoragePath(path);
    if (m_client && m_tracker->count() > 0)
        refreshNow();
}

void RotationsPanel::setRefreshInterval(int ms)
{
    m_timer.setInterval(std::max(1, ms));
    updateTimer();
}

void RotationsPanel::updateTimer()
{
    if (m_client && m_tracker->count() > 0) {
        if (!m_timer.isActive())
            m_timer.start();
    } else {
        m_timer.stop();
    }
}

QString RotationsPanel::currentRotationId() const
{
    const QTreeWidgetItem *item = m_ui->rotationList->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void RotationsPanel::setCurrentRotation(const QString &id)
{
    for (int i = 0; i < m_ui->rotationList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_ui->rotationList->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == id) {
            m_ui->rotationList->setCurrentItem(item);
            return;
        }
    }
}

void RotationsPanel::rebuildList()
{
    const QString current = currentRotationId();
    {
        const QSignalBlocker blocker(m_ui->rotationList);
        m_ui->rotationList->clear();
        const QList<Rotation> all = m_tracker->rotations();
        for (const Rotation &r : all) {
            auto *item = new QTreeWidgetItem(m_ui->rotationList);
            item->setData(0, Qt::UserRole, r.id);
        }
    }
    const QList<Rotation> all = m_tracker->rotations();
    for (const Rotation &r : all)
        updateItem(r.id);
    const bool empty = all.isEmpty();
    m_ui->emptyLabel->setVisible(empty);
    m_ui->rotationList->setVisible(!empty);
    m_ui->detailsBox->setVisible(!empty);
    m_ui->checkedLabel->setVisible(!empty);
    m_ui->refreshButton->setEnabled(!empty);
    if (!current.isEmpty())
        setCurrentRotation(current);
    if (!m_ui->rotationList->currentItem() && m_ui->rotationList->topLevelItemCount() > 0)
        m_ui->rotationList->setCurrentItem(m_ui->rotationList->topLevelItem(0));
    updateDetails();
}

void RotationsPanel::updateItem(const QString &id)
{
    const std::optional<Rotation> r = m_tracker->rotation(id);
    if (!r)
        return;
    for (int i = 0; i < m_ui->rotationList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_ui->rotationList->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() != id)
            continue;
        const RotationState state = m_tracker->state(*r);
        item->setText(OldKeyColumn, r->oldKeyName);
        item->setToolTip(OldKeyColumn, r->oldKeyId);
        item->setText(NewKeyColumn, r->newKeyName);
        item->setToolTip(NewKeyColumn, r->newKeyId);
        item->setText(ProjectColumn, r->projectName.isEmpty() ? r->projectId : r->projectName);
        QString stateShort = RotationTracker::stateName(state);
        if (state == RotationState::OldKeyIdle)
            stateShort =
                tr("Old key idle since %1").arg(timeformat::exact(RotationTracker::oldIdleSince(*r)));
        item->setText(StateColumn, stateShort);
        item->setToolTip(StateColumn, stateText(*r));
        QFont font = item->font(StateColumn);
        font.setBold(state == RotationState::ReadyToRetire);
        item->setFont(StateColumn, font);
        item->setIcon(
            StateColumn,
            state == RotationState::ReadyToRetire
                ? QIcon::fromTheme(u"dialog-information"_s,
                                   style()->standardIcon(QStyle::SP_MessageBoxInformation))
            : state == RotationState::NewKeyGone
                ? QIcon::fromTheme(u"dialog-warning"_s, style()->standardIcon(QStyle::SP_MessageBoxWarning))
                : QIcon());
    }
    if (id == currentRotationId())
        updateDetails();
}

QString RotationsPanel::describeKey(const QString &name, const QString &id,
                                    const std::optional<QDateTime> &lastUsed) const
{
    const QString used =
        lastUsed ? tr("last used %1 (%2)")
                       .arg(timeformat::relative(*lastUsed, m_tracker->now()), timeformat::exact(*lastUsed))
                 : tr("never used");
    return tr("%1 (%2), %3").arg(name, id, used);
}

QString RotationsPanel::stateText(const Rotation &r) const
{
    const QDateTime now = m_tracker->now();
    const RotationState state = m_tracker->state(r);
    const QDateTime idleSince = RotationTracker::oldIdleSince(r);
    const qint64 idleMs = std::max<qint64>(0, idleSince.msecsTo(now));
    const std::optional<QDateTime> suggested = RotationTracker::retireSuggestedAt(r, m_tracker->idleMs());
    QString text;
    switch (state) {
    case RotationState::WaitingForNewKey:
        text =
            tr("Waiting for the new key's first use: switch your applications to \u201c%1\u201d. The old key "
               "stays valid until you retire it.")
                .arg(r.newKeyName);
        if (r.newKeyTestedAt && r.newLastUsedAt && !m_tracker->isClientUse(r, *r.newLastUsedAt))
            text += u' ' + tr("The key test of %1 does not count as an application's use.")
                               .arg(timeformat::exact(*r.newKeyTestedAt));
        break;
    case RotationState::OldKeyStillUsed:
        text = tr("New key in use, old key still used (last %1): some applications have not switched yet.")
                   .arg(timeformat::relative(idleSince, now));
        break;
    case RotationState::OldKeyIdle:
        text = tr("New key in use. Old key idle since %1 (%2); retiring it is suggested from %3.")
                   .arg(timeformat::exact(idleSince), timeformat::duration(idleMs),
                        suggested ? timeformat::exact(*suggested) : QString());
        break;
    case RotationState::ReadyToRetire:
        text = tr("New key in use, and the old key idle since %1 (%2): retire the old key.")
                   .arg(timeformat::exact(idleSince), timeformat::duration(idleMs));
        break;
    case RotationState::OldKeyGone:
        text = tr("The old key no longer exists: the rotation is complete.");
        break;
    case RotationState::NewKeyGone:
        text = tr("The new key no longer exists, so the old key must stay. Rotate the old key again to "
                  "replace it.");
        break;
    case RotationState::InAnotherAtlas:
        text = tr("In another Atlas (%1): its keys are not checked, nor retired, from this session. Sign in "
                  "to that Atlas to continue the rotation, or stop tracking it.")
                   .arg(r.atlasUrl);
        break;
    }
    return text;
}

void RotationsPanel::updateDetails()
{
    const std::optional<Rotation> r = m_tracker->rotation(currentRotationId());
    m_ui->detailsBox->setEnabled(r.has_value());
    if (!r) {
        m_ui->oldKeyValue->clear();
        m_ui->newKeyValue->clear();
        m_ui->stateValue->clear();
        m_ui->suggestionLabel->hide();
        m_ui->checkedLabel->clear();
        return;
    }
    const RotationState state = m_tracker->state(*r);
    m_ui->oldKeyValue->setText(describeKey(r->oldKeyName, r->oldKeyId, r->oldLastUsedAt));
    m_ui->newKeyValue->setText(describeKey(r->newKeyName, r->newKeyId, r->newLastUsedAt));
    m_ui->stateValue->setText(stateText(*r));
    const bool suggested = state == RotationState::ReadyToRetire;
    m_ui->suggestionLabel->setVisible(suggested);
    if (suggested)
        m_ui->suggestionLabel->setText(
            tr("Suggested: retire the old key \u201c%1\u201d.").arg(r->oldKeyName));
    m_ui->retireButton->setText(state == RotationState::OldKeyGone ? tr("&Finish")
                                                                   : tr("&Retire Old Key\u2026"));
    const bool otherAtlas = state == RotationState::InAnotherAtlas;
    m_ui->retireButton->setEnabled(m_client && state != RotationState::NewKeyGone && !otherAtlas);
    m_ui->retireButton->setToolTip(otherAtlas ? m_tracker->retireRefusal(r->id, m_client) : QString());
    m_ui->retireButton->setDefault(suggested);
    m_ui->retireButton->setAutoDefault(suggested);
    m_ui->retireButton->setAccessibleDescription(suggested ? tr("Suggested now") : QString());
    if (otherAtlas) {
        m_ui->checkedLabel->setText(r->checkedAt.isValid()
                                        ? tr("Last checked %1, from a session of that Atlas.")
                                              .arg(timeformat::relative(r->checkedAt, m_tracker->now()))
                                        : tr("Not checked yet."));
        return;
    }
    m_ui->checkedLabel->setText(
        r->checkedAt.isValid()
            ? tr("Checked %1. Both keys are checked %2 while the app runs.")
                  .arg(timeformat::relative(r->checkedAt, m_tracker->now()), everyText(m_timer.interval()))
            : tr("Not checked yet."));
}

void RotationsPanel::refreshNow()
{
    if (!m_client)
        return;
    if (m_settings)
        m_tracker->setIdleHours(m_settings->rotationIdleHours());
    if (m_tracker->refresh(m_client))
        m_ui->refreshButton->setEnabled(false);
}

void RotationsPanel::startRotation(const AiKey &oldKey, const QString &projectName)
{
    if (!m_client) {
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("Not signed in."),
                                  tr("Sign in, then try again."));
        return;
    }
    if (m_creating)
        return;
    auto *dialog = new CreateKeyDialog(this);
    dialog->setObjectName(u"rotateKeyDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rotate Key"));
    if (auto *intro = dialog->findChild<QLabel *>(u"introLabel"_s)) {
        intro->setText(
            tr("A replacement for \u201c%1\u201d, in the same project and scope. Its secret is shown once; "
               "then the Rotations panel watches both keys and suggests retiring the old one once "
               "applications have switched.")
                .arg(oldKey.name));
    }
    dialog->createButton()->setText(tr("Create &Replacement"));
    const QString project = projectName.isEmpty() ? oldKey.groupId : projectName;
    dialog->setProjects({{oldKey.groupId, project}}, oldKey.groupId);
    KeyScope scope;
    if (!oldKey.cloud.isEmpty())
        scope.cloud = oldKey.cloud;
    if (!oldKey.geography.isEmpty())
        scope.geography = oldKey.geography;
    dialog->setScopes({scope});
    dialog->setKeyName(RotationTracker::replacementName(oldKey.name, m_tracker->now().toLocalTime().date()));

    // The names already taken, so a clash shows in the dialog rather than as a 409.
    QPointer<CreateKeyDialog> guard(dialog);
    ListJob<AiKey> *names = m_client->listProjectKeys(oldKey.groupId);
    connect(names, &Job::finished, this, [guard, names, projectId = oldKey.groupId] {
        if (!guard || !names->succeeded())
            return;
        QStringList taken;
        for (const AiKey &k : names->items())
            taken << k.name;
        guard->setExistingNames({{projectId, taken}});
    });
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, oldKey, project] { create(oldKey, project, dialog->keyName(), dialog->scope()); });
    dialog->open();
}

void RotationsPanel::create(const AiKey &oldKey, const QString &projectName, const QString &name,
                            const KeyScope &scope)
{
    if (!m_client)
        return;
    m_ui->statusLabel->setText(tr("Creating the replacement for \u201c%1\u201d\u2026").arg(oldKey.name));
    m_changes->create(
        oldKey.groupId, name, scope, [this, oldKey, projectName](const AiKey &key, SecretBuffer secret) {
            const QString id = m_tracker->add(oldKey, projectName, key, atlasUrlOf(m_client));
            Q_EMIT rotationStarted(id, key);

            // The secret goes from the create's answer straight to the dialog, once.
            SecretDialog *dialog = KeyChangePrompts::secretDialog(key, std::move(secret), m_clipboard,
                                                                  m_client && m_client->session(), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            // The test is a use of the key that Atlas records, not an application's: the rotation keeps
            // waiting for the first use after it.
            connect(dialog, &SecretDialog::keyTested, this, [this, id](bool works) {
                m_tracker->markNewKeyTested(id, m_tracker->now());
                if (works)
                    refreshNow();
            });
            dialog->open();
            m_messageBar->showMessage(
                MessageBar::Kind::Information,
                tr("Created \u201c%1\u201d. Switch your applications to it; this panel shows when "
                   "the old key can be retired.")
                    .arg(key.name));
            Q_EMIT secretDialogShown(dialog);
        });
}

void RotationsPanel::showChangeNotice(const KeyChangeNotice &notice)
{
    if (notice.kind == KeyChangeNotice::Kind::Error && notice.change == KeyChangeNotice::Change::Create) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("The replacement could not be created: %1").arg(notice.text),
                                  notice.hint);
        return;
    }
    const MessageBar::Kind kind = notice.kind == KeyChangeNotice::Kind::Error ? MessageBar::Kind::Error
                                  : notice.kind == KeyChangeNotice::Kind::Warning
                                      ? MessageBar::Kind::Warning
                                      : MessageBar::Kind::Information;
    m_messageBar->showMessage(kind, notice.text, notice.hint);
}

void RotationsPanel::retireCurrent()
{
    const QString id = currentRotationId();
    const std::optional<Rotation> r = m_tracker->rotation(id);
    if (!r || !m_client)
        return;
    const RotationState state = m_tracker->state(*r);
    const QDateTime now = m_tracker->now();
    switch (state) {
    case RotationState::InAnotherAtlas:
        MessageBox::warning(
            this, tr("Retire Old Key"),
            tr("The old key \u201c%1\u201d is not in the Atlas you are signed in to.").arg(r->oldKeyName),
            QMessageBox::Ok, QMessageBox::Ok, m_tracker->retireRefusal(id, m_client));
        return;
    case RotationState::NewKeyGone:
        MessageBox::warning(
            this, tr("Retire Old Key"),
            tr("The new key \u201c%1\u201d no longer exists, so the old key is the only one left.")
                .arg(r->newKeyName),
            QMessageBox::Ok, QMessageBox::Ok, tr("Rotate the old key again to replace it first."));
        return;
    case RotationState::OldKeyGone:
        m_tracker->remove(id);
        return;
    case RotationState::ReadyToRetire: {
        const QDateTime since = RotationTracker::oldIdleSince(*r);
        if (MessageBox::question(
                this, tr("Retire Old Key"), tr("Delete the old key \u201c%1\u201d?").arg(r->oldKeyName),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                tr("It has not been used since %1 (%2), and the new key \u201c%3\u201d is in use. "
                   "Deletion is immediate and permanent.")
                    .arg(timeformat::exact(since), timeformat::duration(since.msecsTo(now)),
                         r->newKeyName)) != QMessageBox::Yes)
            return;
        break;
    }
    case RotationState::WaitingForNewKey:
    case RotationState::OldKeyStillUsed:
    case RotationState::OldKeyIdle: {
        QString why;
        if (state == RotationState::WaitingForNewKey)
            why = tr("The new key has not been used yet: your applications may not have switched to it.");
        else if (state == RotationState::OldKeyStillUsed)
            why = tr("The old key was used %1, after the new key came into use: some applications still use "
                     "it.")
                      .arg(timeformat::relative(RotationTracker::oldIdleSince(*r), now));
        else
            why = tr("The old key has been idle for %1 only; the suggested wait is %2.")
                      .arg(timeformat::duration(RotationTracker::oldIdleSince(*r).msecsTo(now)),
                           timeformat::duration(m_tracker->idleMs()));
        if (MessageBox::warning(this, tr("Retire Old Key Early?"),
                                tr("Retiring \u201c%1\u201d now may break applications that still use it.")
                                    .arg(r->oldKeyName),
                                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel,
                                why + u"\n\n"_s +
                                    tr("Delete it anyway? Deletion is immediate and permanent.")) !=
            QMessageBox::Yes)
            return;
        break;
    }
    }

    DeleteCall *call = m_tracker->retireOldKey(m_client, id);
    if (!call)
        return;
    m_ui->retireButton->setEnabled(false);
    const Rotation rotation = *r;
    connect(call, &Job::finished, this, [this, call, rotation] {
        updateDetails();
        if (!call->succeeded()) {
            m_messageBar->showMessage(MessageBar::Kind::Error,
                                      tr("The old key could not be retired: %1").arg(call->error().message()),
                                      call->error().hint());
            return;
        }
        m_messageBar->showMessage(
            MessageBar::Kind::Information,
            tr("Retired \u201c%1\u201d: the rotation is complete, \u201c%2\u201d replaces it.")
                .arg(rotation.oldKeyName, rotation.newKeyName));
        Q_EMIT oldKeyRetired(rotation.projectId, rotation.oldKeyId);
    });
}

void RotationsPanel::stopCurrent()
{
    const QString id = currentRotationId();
    const std::optional<Rotation> r = m_tracker->rotation(id);
    if (!r)
        return;
    if (MessageBox::question(
            this, tr("Stop Tracking"), tr("Stop tracking the rotation of \u201c%1\u201d?").arg(r->oldKeyName),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
            tr("Both keys stay as they are; only this panel forgets them.")) != QMessageBox::Yes)
        return;
    m_tracker->remove(id);
}

} // namespace aikeys
