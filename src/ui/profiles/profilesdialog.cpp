#include "profiles/profilesdialog.h"

#include "ui_profilesdialog.h"

#include "atlas/session.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "credentials/credentialmanager.h"
#include "credentials/profilestore.h"
#include "keys/createkeydialog.h"
#include "profiles/profileimportdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

ProfilesDialog::ProfilesDialog(CredentialManager *credentials, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfilesDialog>())
    , m_credentials(credentials)
    , m_secretStatus(new SecretStatus(credentials, this))
{
    Q_ASSERT(credentials);
    m_ui->setupUi(this);
    m_editor = m_ui->editorGroup;
    m_editor->setup(credentials, m_secretStatus);
    connect(m_editor, &ProfileEditor::stateChanged, this, &ProfilesDialog::updateButtons);
    connect(m_editor, &ProfileEditor::saveRequested, this, &ProfilesDialog::saveProfile);
    connect(m_editor, &ProfileEditor::revertRequested, this, &ProfilesDialog::revertChanges);
    connect(m_editor, &ProfileEditor::testingChanged, this, [this](bool testing) {
        updateButtons();
        Q_EMIT busyChanged(testing);
    });
    connect(m_editor, &ProfileEditor::connectionTested, this, &ProfilesDialog::connectionTested);
    connect(m_secretStatus, &SecretStatus::checked, this, &ProfilesDialog::onSecretChecked);
    connect(m_secretStatus, &SecretStatus::allChecked, this, &ProfilesDialog::secretStatesChecked);
    setObjectName(u"profilesDialog"_s);

    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(u"messageBar"_s);
    // The dialog grows to fit what the bar says; an animated bar would be measured half open.
    m_messageBar->setAnimated(false);
    m_ui->mainLayout->insertWidget(1, m_messageBar);
    connect(m_messageBar, &MessageBar::actionTriggered, this, &ProfilesDialog::onMessageAction);

    m_signInButton = m_ui->buttonBox->addButton(tr("Sign &In"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(u"signInButton"_s);
    m_signInButton->setAccessibleName(tr("Sign in with the selected profile"));
    m_signInButton->setDefault(true);
    QPushButton *close = m_ui->buttonBox->button(QDialogButtonBox::Close);
    close->setObjectName(u"closeButton"_s);
    close->setAccessibleName(tr("Close"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfilesDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ProfilesDialog::reject);

    // Enter in a field must not sign in by surprise while a form is half filled in: only the
    // buttons do. (QDialog sends Enter to the default button.)
    for (QPushButton *b : findChildren<QPushButton *>()) {
        if (b != m_signInButton)
            b->setAutoDefault(false);
    }

    auto *importMenu = new QMenu(m_ui->importButton);
    QAction *fromCli = importMenu->addAction(tr("From Atlas CLI Config..."));
    fromCli->setObjectName(u"importAtlasCliAction"_s);
    QAction *fromEnv = importMenu->addAction(tr("From Environment Variables..."));
    fromEnv->setObjectName(u"importEnvironmentAction"_s);
    m_ui->importButton->setMenu(importMenu);
    connect(fromCli, &QAction::triggered, this, [this] { importFromAtlasCliConfig(); });
    connect(fromEnv, &QAction::triggered, this, [this] { importFromEnvironment(); });

    QHeaderView *header = m_ui->profileList->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    // Room for a handful of profiles without scrolling, and never squeezed below four: the editor
    // is what matters, but the list must stay readable when messages push the editor down.
    const int row = fontMetrics().height() + 4;
    m_ui->profileList->setMinimumHeight(row * 5 + header->sizeHint().height());
    m_ui->profileList->setMaximumHeight(row * 9 + header->sizeHint().height());
    // Wide enough for the list's four columns with typical names and URLs.
    m_ui->introLabel->setMinimumWidth(fontMetrics().averageCharWidth() * 112);

    connect(m_ui->profileList, &QTreeWidget::itemSelectionChanged, this, &ProfilesDialog::onSelectionChanged);
    connect(m_ui->addButton, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_ui->duplicateButton, &QPushButton::clicked, this, &ProfilesDialog::duplicateProfile);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ProfilesDialog::removeProfile);

    reloadList();
    checkSecrets();
    // The profile to offer first: the last used, else the default, else the only one, else the
    // first; with none at all, the first-run form.
    std::optional<Profile> first = m_credentials->preferredProfile();
    if (!first && m_credentials->profiles()->count() > 0)
        first = m_credentials->profiles()->profiles().first();
    if (first)
        selectProfile(first->id);
    else
        addProfile();
}

// The editor wipes the typed secret and stops a test when it goes.
ProfilesDialog::~ProfilesDialog() = default;

std::optional<QUuid> ProfilesDialog::chooseProfile(CredentialManager *credentials, QWidget *parent)
{
    ProfilesDialog dialog(credentials, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const QUuid id = dialog.selectedProfileId();
    if (id.isNull())
        return std::nullopt;
    return id;
}

QUuid ProfilesDialog::selectedProfileId() const
{
    return m_editor->isNew() ? QUuid() : m_editor->profileId();
}

bool ProfilesDialog::isBusy() const
{
    return m_busyJob || isTesting();
}

bool ProfilesDialog::isTesting() const
{
    return m_editor->isTesting();
}

bool ProfilesDialog::isEditingNewProfile() const
{
    return m_editor->isNew();
}

bool ProfilesDialog::hasUnsavedChanges() const
{
    return m_editor->isDirty();
}

Profile ProfilesDialog::editedProfile() const
{
    return m_editor->profile();
}

QStringList ProfilesDialog::problems() const
{
    return m_editor->problems();
}

// ---- the list

QTreeWidgetItem *ProfilesDialog::itemFor(const QUuid &id) const
{
    QTreeWidget *list = m_ui->profileList;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = list->topLevelItem(i);
        if (QUuid(item->data(0, Qt::UserRole).toString()) == id)
            return item;
    }
    return nullptr;
}

void ProfilesDialog::refreshListItem(QTreeWidgetItem *item, const Profile &profile)
{
    const SecretState state = m_secretStatus->state(profile);
    item->setText(0, profile.name);
    item->setText(1, authModeDisplayName(profile.authMode));
    item->setText(2, profile.baseUrl.toDisplayString());
    item->setText(3, SecretStatus::text(state));
    item->setToolTip(3, m_secretStatus->problem(profile.id));
    item->setData(0, Qt::UserRole, profileIdString(profile.id));
}

void ProfilesDialog::reloadList()
{
    QTreeWidget *list = m_ui->profileList;
    {
        const QSignalBlocker blocker(list);
        list->clear();
        for (const Profile &p : m_credentials->profiles()->profiles())
            refreshListItem(new QTreeWidgetItem(list), p);
        const bool any = list->topLevelItemCount() > 0;
        if (m_editor->isNew() && any) {
            auto *placeholder = new QTreeWidgetItem(list);
            placeholder->setText(0, tr("New profile"));
            placeholder->setText(3, tr("Not saved yet"));
            QFont italic = placeholder->font(0);
            italic.setItalic(true);
            for (int c = 0; c < list->columnCount(); ++c)
                placeholder->setFont(c, italic);
        }
        QTreeWidgetItem *current = m_editor->isNew()
                                       ? (any ? list->topLevelItem(list->topLevelItemCount() - 1) : nullptr)
                                       : itemFor(m_editor->profileId());
        list->setCurrentItem(current);
        if (current)
            current->setSelected(true);
    }
    // First run: the form alone, with a word on where profiles come from.
    const bool any = m_credentials->profiles()->count() > 0;
    m_ui->profileList->setVisible(any);
    m_ui->emptyLabel->setVisible(!any);
    // With nothing to select, only Import means anything there.
    m_ui->addButton->setVisible(any);
    m_ui->duplicateButton->setVisible(any);
    m_ui->removeButton->setVisible(any);
    updateButtons();
}

void ProfilesDialog::checkSecrets()
{
    m_secretStatus->checkAll();
}

void ProfilesDialog::checkSecret(const QUuid &id)
{
    m_secretStatus->check(id);
}

void ProfilesDialog::onSecretChecked(const QUuid &id)
{
    if (QTreeWidgetItem *item = itemFor(id)) {
        if (const std::optional<Profile> p = m_credentials->profiles()->find(id))
            refreshListItem(item, *p);
    }
}

void ProfilesDialog::selectProfile(const QUuid &id)
{
    QTreeWidgetItem *item = itemFor(id);
    if (!item)
        return;
    if (m_ui->profileList->currentItem() != item) {
        // Emits itemSelectionChanged: onSelectionChanged() loads it, or asks about unsaved edits.
        m_ui->profileList->setCurrentItem(item);
        return;
    }
    // Already current (the list was rebuilt under the editor): make sure the editor shows it.
    if (m_editor->isNew() || m_editor->profileId() != id)
        onSelectionChanged();
}

void ProfilesDialog::onSelectionChanged()
{
    QTreeWidgetItem *item = m_ui->profileList->currentItem();
    if (!item)
        return;
    const QUuid id(item->data(0, Qt::UserRole).toString());
    if (id.isNull() || (!m_editor->isNew() && id == m_editor->profileId()))
        return;
    if (!confirmDiscard()) {
        // Back to what the editor shows.
        const QSignalBlocker blocker(m_ui->profileList);
        QTreeWidgetItem *shown =
            m_editor->isNew() ? m_ui->profileList->topLevelItem(m_ui->profileList->topLevelItemCount() - 1)
                              : itemFor(m_editor->profileId());
        m_ui->profileList->setCurrentItem(shown);
        if (shown)
            shown->setSelected(true);
        return;
    }
    const bool wasNew = m_editor->isNew();
    m_editor->load(m_credentials->profiles()->find(id));
    if (wasNew)
        reloadList(); // drops the "New profile" row
}

bool ProfilesDialog::confirmDiscard()
{
    if (!m_editor->isDirty())
        return true;
    const QString text = m_editor->isNew() ? tr("Discard the new profile?")
                                           : tr("Discard your changes to profile \"%1\"?")
                                                 .arg(m_editor->storedProfile().value_or(Profile{}).name);
    return MessageBox::question(this, tr("Discard Changes"), text, QMessageBox::Discard | QMessageBox::Cancel,
                                QMessageBox::Cancel) == QMessageBox::Discard;
}

// ---- the editor

void ProfilesDialog::revertChanges()
{
    if (isBusy())
        return;
    if (m_editor->isNew() && m_credentials->profiles()->count() > 0) {
        std::optional<Profile> back = m_credentials->preferredProfile();
        if (!back)
            back = m_credentials->profiles()->profiles().first();
        m_editor->load(back);
        reloadList();
        return;
    }
    m_editor->load(m_editor->storedProfile());
}

void ProfilesDialog::addProfile()
{
    if (isBusy() || !confirmDiscard())
        return;
    m_editor->load(std::nullopt);
    reloadList();
    m_editor->focusName();
}

void ProfilesDialog::updateButtons()
{
    const bool busy = isBusy();
    const bool saved = !m_editor->isNew() && !m_editor->profileId().isNull();
    m_ui->profileList->setEnabled(!busy);
    m_ui->addButton->setEnabled(!busy);
    m_ui->duplicateButton->setEnabled(!busy && saved);
    m_ui->removeButton->setEnabled(!busy && saved);
    m_ui->importButton->setEnabled(!busy);
    m_editor->setKeychainBusy(!m_busyJob.isNull());
    m_signInButton->setEnabled(!busy && (saved || m_editor->isNew()));
}

// ---- keychain operations

void ProfilesDialog::setBusyJob(CredentialJob *job)
{
    m_busyJob = job;
    m_messageBar->animatedHide();
    m_pendingAction = PendingAction::None;
    updateButtons();
    Q_EMIT busyChanged(true);
}

void ProfilesDialog::saveProfile()
{
    if (isBusy())
        return;
    if (!m_editor->validateAll())
        return;
    const Profile profile = m_editor->profile();
    CredentialJob *job = m_credentials->save(profile, m_editor->typedSecret());
    setBusyJob(job);
    connect(job, &CredentialJob::finished, this, [this, j = job] { onSaved(j, false); });
}

void ProfilesDialog::accept()
{
    if (isBusy())
        return;
    if (m_editor->isNew() || m_editor->isDirty()) {
        if (!m_editor->validateAll())
            return;
        CredentialJob *job = m_credentials->save(m_editor->profile(), m_editor->typedSecret());
        setBusyJob(job);
        connect(job, &CredentialJob::finished, this, [this, j = job] { onSaved(j, true); });
        return;
    }
    if (selectedProfileId().isNull())
        return;
    QDialog::accept();
}

void ProfilesDialog::onSaved(CredentialJob *job, bool acceptAfter)
{
    m_busyJob = nullptr;
    Q_EMIT busyChanged(false);
    if (!job->succeeded()) {
        const ApiError &error = job->error();
        if (job->canKeepForSession()) {
            m_pendingAction = PendingAction::KeepForSession;
            m_pendingProfile = job->profile();
            m_pendingAcceptAfter = acceptAfter;
            QString hint = error.hint();
            if (!job->hintOffersSessionOnly())
                hint += u' ' +
                        tr("Or use the profile for this session only: its secret stays in memory until you "
                           "quit and is never written anywhere.");
            showMessage(MessageBar::Kind::Error, error.message(), hint, tr("Use for This &Session Only"));
        } else {
            showMessage(MessageBar::Kind::Error, error.message(), error.hint());
        }
        updateButtons();
        return;
    }
    const Profile saved = job->profile();
    const bool wroteSecret = m_editor->hasTypedSecret();
    m_editor->wipeSecret();
    if (saved.sessionOnly)
        m_secretStatus->set(saved.id, SecretState::SessionOnly);
    else if (wroteSecret)
        m_secretStatus->set(saved.id, SecretState::Stored);
    else if (!m_secretStatus->isKnown(saved.id))
        checkSecret(saved.id);
    m_editor->load(saved);
    reloadList();
    showInfo(saved.sessionOnly
                 ? tr("Profile \"%1\" is kept for this session only: nothing was written. Save it "
                      "again once the keychain works to keep it.")
                       .arg(saved.name)
                 : tr("Profile \"%1\" saved.").arg(saved.name),
             job->notices());
    Q_EMIT profileSaved(saved.id);
    if (acceptAfter)
        QDialog::accept();
}

void ProfilesDialog::duplicateProfile()
{
    if (isBusy() || m_editor->isNew() || m_editor->profileId().isNull() || !confirmDiscard())
        return;
    CredentialJob *job = m_credentials->duplicate(m_editor->profileId(), {}, true);
    setBusyJob(job);
    connect(job, &CredentialJob::finished, this, [this, job] { onDuplicated(job); });
}

void ProfilesDialog::onDuplicated(CredentialJob *job)
{
    m_busyJob = nullptr;
    Q_EMIT busyChanged(false);
    if (!job->succeeded()) {
        showMessage(MessageBar::Kind::Error, job->error().message(), job->error().hint());
        updateButtons();
        return;
    }
    const Profile copy = job->profile();
    const QString source = m_editor->storedProfile().value_or(Profile{}).name;
    checkSecret(copy.id);
    m_editor->load(copy);
    reloadList();
    showInfo(tr("Profile \"%1\" duplicated as \"%2\".").arg(source, copy.name), job->notices());
    Q_EMIT profileSaved(copy.id);
}

void ProfilesDialog::removeProfile()
{
    const std::optional<Profile> p = m_editor->storedProfile();
    if (isBusy() || !p)
        return;
    const QString informative = p->sessionOnly
                                    ? tr("It was kept for this session only; its secret is forgotten.")
                                    : tr("Its %1 is deleted from the keychain too. Nothing changes in Atlas: "
                                         "the account and its keys "
                                         "stay as they are.")
                                          .arg(secretKindDisplayName(p->secretKind()));
    if (MessageBox::question(this, tr("Remove Profile"), tr("Remove profile \"%1\"?").arg(p->name),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                             informative) != QMessageBox::Yes)
        return;
    CredentialJob *job = m_credentials->remove(p->id);
    setBusyJob(job);
    connect(job, &CredentialJob::finished, this, [this, job] { onRemoved(job); });
}

void ProfilesDialog::onRemoved(CredentialJob *job)
{
    m_busyJob = nullptr;
    Q_EMIT busyChanged(false);
    const Profile removed = job->profile();
    if (!job->succeeded()) {
        if (job->error().kind() == ApiError::Kind::Keychain) {
            m_pendingAction = PendingAction::RemoveAnyway;
            m_pendingProfile = removed;
            showMessage(MessageBar::Kind::Error, job->error().message(), job->error().hint(),
                        tr("Remove &Anyway"));
        } else {
            showMessage(MessageBar::Kind::Error, job->error().message(), job->error().hint());
        }
        updateButtons();
        return;
    }
    m_secretStatus->forget(removed.id);
    std::optional<Profile> next = m_credentials->preferredProfile();
    if (!next && m_credentials->profiles()->count() > 0)
        next = m_credentials->profiles()->profiles().first();
    m_editor->load(next);
    reloadList();
    showInfo(removed.sessionOnly
                 ? tr("Profile \"%1\" removed.").arg(removed.name)
                 : tr("Profile \"%1\" removed; its secret was deleted from the keychain.").arg(removed.name),
             job->notices());
    Q_EMIT profileRemoved(removed.id);
}

void ProfilesDialog::onMessageAction()
{
    const PendingAction action = std::exchange(m_pendingAction, PendingAction::None);
    switch (action) {
    case PendingAction::None:
        return;
    case PendingAction::KeepForSession: {
        if (isBusy())
            return;
        CredentialJob *job = m_credentials->save(m_pendingProfile, m_editor->typedSecret(),
                                                 CredentialManager::Storage::SessionOnly);
        const bool acceptAfter = m_pendingAcceptAfter;
        setBusyJob(job);
        connect(job, &CredentialJob::finished, this,
                [this, acceptAfter, j = job] { onSaved(j, acceptAfter); });
        return;
    }
    case PendingAction::RemoveAnyway: {
        if (isBusy())
            return;
        CredentialJob *job =
            m_credentials->remove(m_pendingProfile.id, CredentialManager::RemoveMode::EvenIfSecretRemains);
        setBusyJob(job);
        connect(job, &CredentialJob::finished, this, [this, job] { onRemoved(job); });
        return;
    }
    }
}

void ProfilesDialog::showMessage(MessageBar::Kind kind, const QString &text, const QString &hint,
                                 const QString &action)
{
    m_messageBar->showMessage(kind, text, hint, action);
    fitContents();
}

void ProfilesDialog::fitContents()
{
    // After the layout has taken the new text into account.
    QTimer::singleShot(0, this, [this] { detail::growToFit(this); });
}

void ProfilesDialog::showInfo(const QString &text, const QStringList &notices)
{
    showMessage(notices.isEmpty() ? MessageBar::Kind::Information : MessageBar::Kind::Warning, text,
                notices.join(u'\n'));
}

// ---- import

ProfileImportDialog *ProfilesDialog::importFromAtlasCliConfig(const QString &path)
{
    return openImportDialog(AtlasCliImport::fromAtlasCliConfig(path));
}

ProfileImportDialog *ProfilesDialog::importFromEnvironment(const QProcessEnvironment &env)
{
    return openImportDialog(AtlasCliImport::fromEnvironment(env));
}

ProfileImportDialog *ProfilesDialog::openImportDialog(AtlasCliImport source)
{
    auto *dialog = new ProfileImportDialog(std::move(source), m_credentials, this);
    dialog->setObjectName(u"importDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileImportDialog::imported, this, [this](const QList<QUuid> &ids) {
        for (const QUuid &id : ids)
            checkSecret(id);
        reloadList();
        if (!ids.isEmpty())
            selectProfile(ids.last());
    });
    dialog->open();
    return dialog;
}

void ProfilesDialog::reject()
{
    QDialog::reject();
}

void ProfilesDialog::done(int result)
{
    m_editor->wipeSecret();
    m_editor->cancelTest();
    QDialog::done(result);
}

} // namespace aikeys
