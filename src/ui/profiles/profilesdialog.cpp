#include "profiles/profilesdialog.h"

#include "ui_profilesdialog.h"

#include "atlas/session.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "common/wipelineedit.h"
#include "credentials/connectiontest.h"
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
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

// The secret's field in the validation bookkeeping, next to ProfileIssue::Field's values.
constexpr int kSecretField = 100;
QPixmap statusPixmap(QWidget *widget, const QString &themeName, QStyle::StandardPixmap fallback)
{
    const int size = widget->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, widget);
    const QIcon icon = QIcon::fromTheme(themeName, widget->style()->standardIcon(fallback));
    return icon.pixmap(QSize(size, size), widget->devicePixelRatioF());
}

} // namespace

ProfilesDialog::ProfilesDialog(CredentialManager *credentials, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfilesDialog>())
    , m_credentials(credentials)
    , m_secretStatus(new SecretStatus(credentials, this))
    , m_test(new ConnectionTest(credentials, this))
{
    connect(m_test, &ConnectionTest::finished, this, &ProfilesDialog::onTestFinished);
    Q_ASSERT(credentials);
    m_ui->setupUi(this);
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

    m_ui->endpointCombo->addItem(tr("Atlas (cloud.mongodb.com)"), int(AtlasEndpoint::Commercial));
    m_ui->endpointCombo->addItem(tr("Atlas for Government (cloud.mongodbgov.com)"),
                                 int(AtlasEndpoint::Government));
    m_ui->endpointCombo->addItem(tr("Custom"), int(AtlasEndpoint::Custom));
    for (AuthMode mode : {AuthMode::ServiceAccount, AuthMode::ApiKey, AuthMode::AccessToken})
        m_ui->authCombo->addItem(authModeDisplayName(mode), int(mode));

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
    // The typed secret gets most of its row; a status next to it wraps.
    m_ui->secretLayout->setStretchFactor(m_ui->secretEdit, 3);
    m_ui->secretLayout->setStretchFactor(m_ui->secretStatusLabel, 2);
    m_ui->testProgress->hide();
    m_ui->cancelTestButton->hide();
    m_ui->validationIcon->hide();
    m_ui->validationLabel->hide();
    m_ui->testResultIcon->hide();
    m_ui->testResultLabel->hide();

    connect(m_ui->profileList, &QTreeWidget::itemSelectionChanged, this, &ProfilesDialog::onSelectionChanged);
    connect(m_ui->addButton, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_ui->duplicateButton, &QPushButton::clicked, this, &ProfilesDialog::duplicateProfile);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ProfilesDialog::removeProfile);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &ProfilesDialog::saveProfile);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &ProfilesDialog::revertChanges);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ProfilesDialog::testConnection);
    connect(m_ui->cancelTestButton, &QPushButton::clicked, this, &ProfilesDialog::cancelTest);
    connect(m_ui->replaceSecretButton, &QPushButton::clicked, this, &ProfilesDialog::replaceSecret);
    connect(m_ui->keepSecretButton, &QPushButton::clicked, this, &ProfilesDialog::keepStoredSecret);

    using Field = ProfileIssue::Field;
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, [this] { markEdited(int(Field::Name)); });
    connect(m_ui->baseUrlEdit, &QLineEdit::textEdited, this, [this] { markEdited(int(Field::BaseUrl)); });
    connect(m_ui->publicIdEdit, &QLineEdit::textEdited, this, [this] { markEdited(int(Field::PublicId)); });
    connect(m_ui->orgIdEdit, &QLineEdit::textEdited, this, [this] { markEdited(int(Field::OrgId)); });
    connect(m_ui->projectIdEdit, &QLineEdit::textEdited, this, [this] { markEdited(int(Field::ProjectId)); });
    connect(m_ui->secretEdit, &QLineEdit::textEdited, this, [this] { markEdited(kSecretField); });
    connect(m_ui->endpointCombo, &QComboBox::currentIndexChanged, this, &ProfilesDialog::onEndpointChanged);
    connect(m_ui->authCombo, &QComboBox::currentIndexChanged, this, &ProfilesDialog::onAuthModeChanged);

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

ProfilesDialog::~ProfilesDialog()
{
    wipeLineEdit(m_ui->secretEdit);
    if (m_test->isRunning()) {
        m_test->disconnect(this);
        m_test->cancel();
    }
}

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
    return m_isNew ? QUuid() : m_editingId;
}

bool ProfilesDialog::isBusy() const
{
    return m_busyJob || isTesting();
}

bool ProfilesDialog::isTesting() const
{
    return m_test->isRunning();
}

std::optional<Profile> ProfilesDialog::storedProfile() const
{
    if (m_isNew || m_editingId.isNull())
        return std::nullopt;
    return m_credentials->profiles()->find(m_editingId);
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
        if (m_isNew && any) {
            auto *placeholder = new QTreeWidgetItem(list);
            placeholder->setText(0, tr("New profile"));
            placeholder->setText(3, tr("Not saved yet"));
            QFont italic = placeholder->font(0);
            italic.setItalic(true);
            for (int c = 0; c < list->columnCount(); ++c)
                placeholder->setFont(c, italic);
        }
        QTreeWidgetItem *current = m_isNew
                                       ? (any ? list->topLevelItem(list->topLevelItemCount() - 1) : nullptr)
                                       : itemFor(m_editingId);
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
    if (id == m_editingId && !m_isNew)
        updateSecretRow();
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
    if (m_isNew || m_editingId != id)
        onSelectionChanged();
}

void ProfilesDialog::onSelectionChanged()
{
    QTreeWidgetItem *item = m_ui->profileList->currentItem();
    if (!item)
        return;
    const QUuid id(item->data(0, Qt::UserRole).toString());
    if (id.isNull() || (!m_isNew && id == m_editingId))
        return;
    if (!confirmDiscard()) {
        // Back to what the editor shows.
        const QSignalBlocker blocker(m_ui->profileList);
        QTreeWidgetItem *shown =
            m_isNew ? m_ui->profileList->topLevelItem(m_ui->profileList->topLevelItemCount() - 1)
                    : itemFor(m_editingId);
        m_ui->profileList->setCurrentItem(shown);
        if (shown)
            shown->setSelected(true);
        return;
    }
    const bool wasNew = m_isNew;
    loadEditor(m_credentials->profiles()->find(id));
    if (wasNew)
        reloadList(); // drops the "New profile" row
}

bool ProfilesDialog::confirmDiscard()
{
    if (!m_dirty)
        return true;
    const QString text =
        m_isNew ? tr("Discard the new profile?")
                : tr("Discard your changes to profile \"%1\"?").arg(storedProfile().value_or(Profile{}).name);
    return MessageBox::question(this, tr("Discard Changes"), text, QMessageBox::Discard | QMessageBox::Cancel,
                                QMessageBox::Cancel) == QMessageBox::Discard;
}

// ---- the editor

void ProfilesDialog::loadEditor(const std::optional<Profile> &profile)
{
    m_loading = true;
    const Profile p = profile.value_or(Profile{});
    m_isNew = !profile;
    m_editingId = profile ? profile->id : QUuid();
    m_ui->nameEdit->setText(p.name);
    const AtlasEndpoint endpoint = p.endpoint();
    m_ui->endpointCombo->setCurrentIndex(m_ui->endpointCombo->findData(int(endpoint)));
    m_ui->baseUrlEdit->setText(endpoint == AtlasEndpoint::Custom ? p.baseUrl.toDisplayString() : QString());
    m_ui->authCombo->setCurrentIndex(m_ui->authCombo->findData(int(p.authMode)));
    m_ui->publicIdEdit->setText(p.publicId);
    m_ui->orgIdEdit->setText(p.orgId);
    m_ui->projectIdEdit->setText(p.projectId);
    wipeLineEdit(m_ui->secretEdit);
    m_replacingSecret = false;
    m_dirty = false;
    m_touched.clear();
    m_showAllProblems = false;
    onEndpointChanged();
    updateLabels();
    m_loading = false;
    updateSecretRow();
    setTestResult(false, {});
    updateValidation();
    updateButtons();
}

Profile ProfilesDialog::editedProfile() const
{
    Profile p = storedProfile().value_or(Profile{});
    p.name = m_ui->nameEdit->text();
    switch (AtlasEndpoint(m_ui->endpointCombo->currentData().toInt())) {
    case AtlasEndpoint::Commercial:
        p.baseUrl = QUrl(QString::fromLatin1(kAtlasCommercialUrl));
        break;
    case AtlasEndpoint::Government:
        p.baseUrl = QUrl(QString::fromLatin1(kAtlasGovernmentUrl));
        break;
    case AtlasEndpoint::Custom:
        p.baseUrl = QUrl(m_ui->baseUrlEdit->text().trimmed());
        break;
    }
    p.authMode = AuthMode(m_ui->authCombo->currentData().toInt());
    p.publicId = p.authMode == AuthMode::AccessToken ? QString() : m_ui->publicIdEdit->text();
    p.orgId = m_ui->orgIdEdit->text();
    p.projectId = m_ui->projectIdEdit->text();
    return p;
}

void ProfilesDialog::onEndpointChanged()
{
    const bool custom = AtlasEndpoint(m_ui->endpointCombo->currentData().toInt()) == AtlasEndpoint::Custom;
    m_ui->formLayout->setRowVisible(m_ui->baseUrlEdit, custom);
    if (!m_loading) {
        if (custom)
            m_ui->baseUrlEdit->setFocus();
        markEdited(int(ProfileIssue::Field::BaseUrl));
    }
}

void ProfilesDialog::onAuthModeChanged()
{
    updateLabels();
    if (!m_loading)
        markEdited(int(ProfileIssue::Field::AuthMode));
    updateSecretRow();
}

bool ProfilesDialog::authModeChanged() const
{
    const std::optional<Profile> stored = storedProfile();
    return stored && stored->authMode != AuthMode(m_ui->authCombo->currentData().toInt());
}

bool ProfilesDialog::secretRequired() const
{
    return m_isNew || authModeChanged();
}

void ProfilesDialog::updateLabels()
{
    const AuthMode mode = AuthMode(m_ui->authCombo->currentData().toInt());
    switch (mode) {
    case AuthMode::ServiceAccount:
        m_ui->publicIdLabel->setText(tr("&Client ID:"));
        m_ui->publicIdEdit->setAccessibleName(tr("Client ID"));
        m_ui->publicIdEdit->setPlaceholderText(tr("mdb_sa_id_..."));
        m_ui->secretLabel->setText(tr("Client &secret:"));
        m_ui->secretEdit->setAccessibleName(tr("Client secret"));
        break;
    case AuthMode::ApiKey:
        m_ui->publicIdLabel->setText(tr("&Public key:"));
        m_ui->publicIdEdit->setAccessibleName(tr("Public key"));
        m_ui->publicIdEdit->setPlaceholderText(tr("The API key's public key, for example abcdefgh"));
        m_ui->secretLabel->setText(tr("Private &key:"));
        m_ui->secretEdit->setAccessibleName(tr("Private key"));
        break;
    case AuthMode::AccessToken:
        m_ui->secretLabel->setText(tr("Access &token:"));
        m_ui->secretEdit->setAccessibleName(tr("Access token"));
        break;
    }
    m_ui->formLayout->setRowVisible(m_ui->publicIdEdit, mode != AuthMode::AccessToken);
}

void ProfilesDialog::updateSecretRow()
{
    const std::optional<Profile> stored = storedProfile();
    const SecretState state = stored ? m_secretStatus->state(*stored) : SecretState::Unknown;
    const QString kind =
        secretKindDisplayName(secretKindFor(AuthMode(m_ui->authCombo->currentData().toInt())));
    const bool known = state == SecretState::Stored || state == SecretState::SessionOnly ||
                       state == SecretState::Checking || state == SecretState::Unknown;
    const bool ask = m_isNew || m_replacingSecret || authModeChanged() || !known;

    QString status;
    if (!m_isNew) {
        if (authModeChanged())
            status = tr("Enter the %1 for the new sign-in method.").arg(kind);
        else if (m_replacingSecret)
            status.clear();
        else if (state == SecretState::Stored)
            status = tr("Stored in the keychain");
        else if (state == SecretState::SessionOnly)
            status = tr("Kept in memory for this session only");
        else if (state == SecretState::Missing)
            status = tr("None stored: enter it to sign in.");
        else if (state == SecretState::Unavailable)
            status = tr("The keychain could not be read.");
        else if (state == SecretState::Locked)
            status = tr("The keychain is locked: unlock your keyring (log in again, or open Passwords and "
                        "Keys), then open this dialog again.");
        else
            status = tr("Checking the keychain...");
    }
    m_ui->secretEdit->setVisible(ask);
    m_ui->secretEdit->setPlaceholderText(m_replacingSecret ? tr("The new %1").arg(kind) : QString());
    if (!ask)
        wipeLineEdit(m_ui->secretEdit);
    m_ui->secretStatusLabel->setText(status);
    m_ui->secretStatusLabel->setToolTip(stored ? m_secretStatus->problem(stored->id) : QString());
    m_ui->secretStatusLabel->setVisible(!status.isEmpty());
    m_ui->replaceSecretButton->setVisible(!ask);
    m_ui->keepSecretButton->setVisible(m_replacingSecret && !authModeChanged());
}

void ProfilesDialog::replaceSecret()
{
    if (m_isNew)
        return;
    m_replacingSecret = true;
    updateSecretRow();
    m_ui->secretEdit->setFocus();
}

void ProfilesDialog::keepStoredSecret()
{
    m_replacingSecret = false;
    wipeLineEdit(m_ui->secretEdit);
    m_touched.remove(kSecretField);
    updateSecretRow();
    updateValidation();
    updateButtons();
}

void ProfilesDialog::markEdited(int field)
{
    if (m_loading)
        return;
    m_touched.insert(field);
    m_dirty = true;
    // A result of the fields as they were.
    if (!isTesting())
        setTestResult(false, {});
    updateValidation();
    updateButtons();
}

QStringList ProfilesDialog::problems() const
{
    QStringList out;
    const Profile p = editedProfile();
    for (const ProfileIssue &issue : m_credentials->profiles()->validate(p.normalized()))
        out << issue.message;
    if (secretRequired() && m_ui->secretEdit->text().isEmpty())
        out << tr("Enter the %1.").arg(secretKindDisplayName(p.secretKind()));
    return out;
}

void ProfilesDialog::updateValidation()
{
    // Complaints only about what the user has touched, until Save or Sign In asks for everything.
    const Profile p = editedProfile();
    QStringList shown;
    for (const ProfileIssue &issue : m_credentials->profiles()->validate(p.normalized())) {
        if (m_showAllProblems || m_touched.contains(int(issue.field)))
            shown << issue.message;
    }
    if (secretRequired() && m_ui->secretEdit->text().isEmpty() &&
        (m_showAllProblems || m_touched.contains(kSecretField)))
        shown << tr("Enter the %1.").arg(secretKindDisplayName(p.secretKind()));
    const QString text = shown.join(u'\n');
    m_ui->validationLabel->setText(text);
    m_ui->validationLabel->setAccessibleName(text);
    m_ui->validationLabel->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        m_ui->validationIcon->setPixmap(
            statusPixmap(m_ui->validationIcon, u"dialog-warning"_s, QStyle::SP_MessageBoxWarning));
    m_ui->validationIcon->setVisible(!text.isEmpty());
    fitContents();
}

void ProfilesDialog::fitContents()
{
    // After the layout has taken the new text into account.
    QTimer::singleShot(0, this, [this] { detail::growToFit(this); });
}

void ProfilesDialog::updateButtons()
{
    const bool busy = isBusy();
    const bool jobRunning = !m_busyJob.isNull();
    const bool saved = !m_isNew && !m_editingId.isNull();
    m_ui->profileList->setEnabled(!busy);
    m_ui->addButton->setEnabled(!busy);
    m_ui->duplicateButton->setEnabled(!busy && saved);
    m_ui->removeButton->setEnabled(!busy && saved);
    m_ui->importButton->setEnabled(!busy);
    m_ui->editorGroup->setEnabled(!jobRunning);
    m_ui->saveButton->setEnabled(!busy && (m_dirty || m_isNew));
    m_ui->revertButton->setEnabled(!busy && (m_dirty || (m_isNew && m_credentials->profiles()->count() > 0)));
    m_ui->testButton->setEnabled(!busy);
    m_ui->testProgress->setVisible(isTesting());
    m_ui->cancelTestButton->setVisible(isTesting());
    m_signInButton->setEnabled(!busy && (saved || m_isNew));
}

void ProfilesDialog::revertChanges()
{
    if (isBusy())
        return;
    if (m_isNew && m_credentials->profiles()->count() > 0) {
        std::optional<Profile> back = m_credentials->preferredProfile();
        if (!back)
            back = m_credentials->profiles()->profiles().first();
        loadEditor(back);
        reloadList();
        return;
    }
    loadEditor(storedProfile());
}

void ProfilesDialog::addProfile()
{
    if (isBusy() || !confirmDiscard())
        return;
    loadEditor(std::nullopt);
    reloadList();
    m_ui->nameEdit->setFocus();
}

void ProfilesDialog::wipeSecretField()
{
    wipeLineEdit(m_ui->secretEdit);
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
    m_showAllProblems = true;
    updateValidation();
    if (!problems().isEmpty())
        return;
    const Profile profile = editedProfile();
    CredentialJob *job = m_credentials->save(profile, SecretBuffer::fromUtf8(m_ui->secretEdit->text()));
    setBusyJob(job);
    connect(job, &CredentialJob::finished, this, [this, j = job] { onSaved(j, false); });
}

void ProfilesDialog::accept()
{
    if (isBusy())
        return;
    if (m_isNew || m_dirty) {
        m_showAllProblems = true;
        updateValidation();
        if (!problems().isEmpty())
            return;
        CredentialJob *job =
            m_credentials->save(editedProfile(), SecretBuffer::fromUtf8(m_ui->secretEdit->text()));
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
    const bool wroteSecret = !m_ui->secretEdit->text().isEmpty();
    wipeLineEdit(m_ui->secretEdit);
    if (saved.sessionOnly)
        m_secretStatus->set(saved.id, SecretState::SessionOnly);
    else if (wroteSecret)
        m_secretStatus->set(saved.id, SecretState::Stored);
    else if (!m_secretStatus->isKnown(saved.id))
        checkSecret(saved.id);
    loadEditor(saved);
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
    if (isBusy() || m_isNew || m_editingId.isNull() || !confirmDiscard())
        return;
    CredentialJob *job = m_credentials->duplicate(m_editingId, {}, true);
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
    const QString source = storedProfile().value_or(Profile{}).name;
    checkSecret(copy.id);
    loadEditor(copy);
    reloadList();
    showInfo(tr("Profile \"%1\" duplicated as \"%2\".").arg(source, copy.name), job->notices());
    Q_EMIT profileSaved(copy.id);
}

void ProfilesDialog::removeProfile()
{
    const std::optional<Profile> p = storedProfile();
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
    loadEditor(next);
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
        CredentialJob *job =
            m_credentials->save(m_pendingProfile, SecretBuffer::fromUtf8(m_ui->secretEdit->text()),
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

void ProfilesDialog::showInfo(const QString &text, const QStringList &notices)
{
    showMessage(notices.isEmpty() ? MessageBar::Kind::Information : MessageBar::Kind::Warning, text,
                notices.join(u'\n'));
}

// ---- connection test

void ProfilesDialog::testConnection()
{
    if (isBusy())
        return;
    const Profile profile = editedProfile();
    const QString kind = secretKindDisplayName(profile.secretKind());
    QStringList blocking;
    for (const ProfileIssue &issue : profile.validate()) {
        if (issue.field == ProfileIssue::Field::BaseUrl || issue.field == ProfileIssue::Field::PublicId)
            blocking << issue.message;
    }
    const QString typed = m_ui->secretEdit->text();
    const SecretState state = m_isNew ? SecretState::Unknown : secretState(m_editingId);
    const bool canUseStored = !m_isNew && !authModeChanged() && state != SecretState::Missing &&
                              state != SecretState::Unavailable && state != SecretState::Locked;
    if (typed.isEmpty() && !canUseStored)
        blocking << tr("Enter the %1 to test the connection.").arg(kind);
    if (!blocking.isEmpty()) {
        setTestResult(false, blocking.join(u'\n'));
        Q_EMIT connectionTested(false);
        return;
    }

    m_test->start(profile, typed.isEmpty() ? SecretBuffer() : SecretBuffer::fromUtf8(typed));
    m_ui->testResultIcon->hide();
    m_ui->testResultLabel->setText(tr("Connecting to %1...").arg(profile.baseUrl.toDisplayString()));
    m_ui->testResultLabel->show();
    updateButtons();
    Q_EMIT busyChanged(true);
}

void ProfilesDialog::cancelTest()
{
    m_test->cancel();
}

void ProfilesDialog::onTestFinished(bool ok, const QString &text)
{
    setTestResult(ok, text);
    updateButtons();
    Q_EMIT busyChanged(false);
    Q_EMIT connectionTested(ok);
}

void ProfilesDialog::setTestResult(bool ok, const QString &text)
{
    m_ui->testResultLabel->setText(text);
    m_ui->testResultLabel->setAccessibleName(text);
    m_ui->testResultLabel->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        m_ui->testResultIcon->setPixmap(
            ok ? statusPixmap(m_ui->testResultIcon, u"dialog-ok"_s, QStyle::SP_DialogApplyButton)
               : statusPixmap(m_ui->testResultIcon, u"dialog-error"_s, QStyle::SP_MessageBoxCritical));
    }
    m_ui->testResultIcon->setVisible(!text.isEmpty());
    fitContents();
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
    wipeLineEdit(m_ui->secretEdit);
    m_test->cancel();
    QDialog::done(result);
}

} // namespace aikeys
