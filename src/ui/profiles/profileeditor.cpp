#include "profiles/profileeditor.h"

#include "ui_profileeditor.h"

#include "common/wipelineedit.h"
#include "credentials/connectiontest.h"
#include "credentials/credentialmanager.h"
#include "credentials/profilestore.h"
#include "keys/createkeydialog.h"

#include <QStyle>
#include <QTimer>

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

ProfileEditor::ProfileEditor(QWidget *parent)
    : QGroupBox(parent)
    , m_ui(std::make_unique<Ui::ProfileEditor>())
{
    m_ui->setupUi(this);

    m_ui->endpointCombo->addItem(tr("Atlas (cloud.mongodb.com)"), int(AtlasEndpoint::Commercial));
    m_ui->endpointCombo->addItem(tr("Atlas for Government (cloud.mongodbgov.com)"),
                                 int(AtlasEndpoint::Government));
    m_ui->endpointCombo->addItem(tr("Custom"), int(AtlasEndpoint::Custom));
    for (AuthMode mode : {AuthMode::ServiceAccount, AuthMode::ApiKey, AuthMode::AccessToken})
        m_ui->authCombo->addItem(authModeDisplayName(mode), int(mode));

    // The typed secret gets most of its row; a status next to it wraps.
    m_ui->secretLayout->setStretchFactor(m_ui->secretEdit, 3);
    m_ui->secretLayout->setStretchFactor(m_ui->secretStatusLabel, 2);
    m_ui->testProgress->hide();
    m_ui->cancelTestButton->hide();
    m_ui->validationIcon->hide();
    m_ui->validationLabel->hide();
    m_ui->testResultIcon->hide();
    m_ui->testResultLabel->hide();

    connect(m_ui->saveButton, &QPushButton::clicked, this, &ProfileEditor::saveRequested);
    connect(m_ui->revertButton, &QPushButton::clicked, this, &ProfileEditor::revertRequested);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ProfileEditor::testConnection);
    connect(m_ui->cancelTestButton, &QPushButton::clicked, this, &ProfileEditor::cancelTest);
    connect(m_ui->replaceSecretButton, &QPushButton::clicked, this, &ProfileEditor::replaceSecret);
    connect(m_ui->keepSecretButton, &QPushButton::clicked, this, &ProfileEditor::keepStoredSecret);

    using Field = ProfileIssue::Field;
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, [this] { markEdited(int(Field::Name)); });
    connect(m_ui->baseUrlEdit, &QLineEdit::textEdited, this, [this] { markEdited(int(Field::BaseUrl)); });
    connect(m_ui->publicIdEdit, &QLineEdit::textEdited, this, [this] { markEdited(int(Field::PublicId)); });
    connect(m_ui->orgIdEdit, &QLineEdit::textEdited, this, [this] { markEdited(int(Field::OrgId)); });
    connect(m_ui->projectIdEdit, &QLineEdit::textEdited, this, [this] { markEdited(int(Field::ProjectId)); });
    connect(m_ui->secretEdit, &QLineEdit::textEdited, this, [this] { markEdited(kSecretField); });
    connect(m_ui->endpointCombo, &QComboBox::currentIndexChanged, this, &ProfileEditor::onEndpointChanged);
    connect(m_ui->authCombo, &QComboBox::currentIndexChanged, this, &ProfileEditor::onAuthModeChanged);
}

ProfileEditor::~ProfileEditor()
{
    wipeLineEdit(m_ui->secretEdit);
    if (m_test && m_test->isRunning()) {
        m_test->disconnect(this);
        m_test->cancel();
    }
}

void ProfileEditor::setup(CredentialManager *credentials, SecretStatus *secretStatus)
{
    Q_ASSERT(credentials && secretStatus);
    m_credentials = credentials;
    m_secretStatus = secretStatus;
    m_test = new ConnectionTest(credentials, this);
    connect(m_test, &ConnectionTest::finished, this, &ProfileEditor::onTestFinished);
    connect(m_secretStatus, &SecretStatus::checked, this, [this](const QUuid &id) {
        if (id == m_editingId && !m_isNew)
            updateSecretRow();
    });
}

bool ProfileEditor::isTesting() const
{
    return m_test && m_test->isRunning();
}

std::optional<Profile> ProfileEditor::storedProfile() const
{
    if (m_isNew || m_editingId.isNull())
        return std::nullopt;
    return m_credentials->profiles()->find(m_editingId);
}

void ProfileEditor::load(const std::optional<Profile> &profile)
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
    Q_EMIT stateChanged();
}

Profile ProfileEditor::profile() const
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

void ProfileEditor::onEndpointChanged()
{
    const bool custom = AtlasEndpoint(m_ui->endpointCombo->currentData().toInt()) == AtlasEndpoint::Custom;
    m_ui->formLayout->setRowVisible(m_ui->baseUrlEdit, custom);
    if (!m_loading) {
        if (custom)
            m_ui->baseUrlEdit->setFocus();
        markEdited(int(ProfileIssue::Field::BaseUrl));
    }
}

void ProfileEditor::onAuthModeChanged()
{
    updateLabels();
    if (!m_loading)
        markEdited(int(ProfileIssue::Field::AuthMode));
    updateSecretRow();
}

bool ProfileEditor::authModeChanged() const
{
    const std::optional<Profile> stored = storedProfile();
    return stored && stored->authMode != AuthMode(m_ui->authCombo->currentData().toInt());
}

bool ProfileEditor::secretRequired() const
{
    return m_isNew || authModeChanged();
}

void ProfileEditor::updateLabels()
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

void ProfileEditor::updateSecretRow()
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

void ProfileEditor::replaceSecret()
{
    if (m_isNew)
        return;
    m_replacingSecret = true;
    updateSecretRow();
    m_ui->secretEdit->setFocus();
}

void ProfileEditor::keepStoredSecret()
{
    m_replacingSecret = false;
    wipeLineEdit(m_ui->secretEdit);
    m_touched.remove(kSecretField);
    updateSecretRow();
    updateValidation();
    updateButtons();
    Q_EMIT stateChanged();
}

void ProfileEditor::markEdited(int field)
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
    Q_EMIT stateChanged();
}

QStringList ProfileEditor::problems() const
{
    QStringList out;
    const Profile p = profile();
    for (const ProfileIssue &issue : m_credentials->profiles()->validate(p.normalized()))
        out << issue.message;
    if (secretRequired() && m_ui->secretEdit->text().isEmpty())
        out << tr("Enter the %1.").arg(secretKindDisplayName(p.secretKind()));
    return out;
}

bool ProfileEditor::validateAll()
{
    m_showAllProblems = true;
    updateValidation();
    return problems().isEmpty();
}

void ProfileEditor::updateValidation()
{
    // Complaints only about what the user has touched, until Save or Sign In asks for everything.
    const Profile p = profile();
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

void ProfileEditor::fitContents()
{
    // After the layout has taken the new text into account.
    QTimer::singleShot(0, this, [this] { detail::growToFit(window()); });
}

void ProfileEditor::setKeychainBusy(bool busy)
{
    m_keychainBusy = busy;
    setEnabled(!busy);
    updateButtons();
}

void ProfileEditor::updateButtons()
{
    const bool busy = m_keychainBusy || isTesting();
    m_ui->saveButton->setEnabled(!busy && (m_dirty || m_isNew));
    m_ui->revertButton->setEnabled(!busy && (m_dirty || (m_isNew && m_credentials->profiles()->count() > 0)));
    m_ui->testButton->setEnabled(!busy);
    m_ui->testProgress->setVisible(isTesting());
    m_ui->cancelTestButton->setVisible(isTesting());
}

void ProfileEditor::focusName()
{
    m_ui->nameEdit->setFocus();
}

bool ProfileEditor::hasTypedSecret() const
{
    return !m_ui->secretEdit->text().isEmpty();
}

SecretBuffer ProfileEditor::typedSecret() const
{
    return SecretBuffer::fromUtf8(m_ui->secretEdit->text());
}

void ProfileEditor::wipeSecret()
{
    wipeLineEdit(m_ui->secretEdit);
}

// ---- connection test

void ProfileEditor::testConnection()
{
    if (m_keychainBusy || isTesting())
        return;
    const Profile profile = this->profile();
    const QString kind = secretKindDisplayName(profile.secretKind());
    QStringList blocking;
    for (const ProfileIssue &issue : profile.validate()) {
        if (issue.field == ProfileIssue::Field::BaseUrl || issue.field == ProfileIssue::Field::PublicId)
            blocking << issue.message;
    }
    const QString typed = m_ui->secretEdit->text();
    const SecretState state = m_isNew ? SecretState::Unknown : m_secretStatus->state(m_editingId);
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
    Q_EMIT testingChanged(true);
}

void ProfileEditor::cancelTest()
{
    m_test->cancel();
}

void ProfileEditor::onTestFinished(bool ok, const QString &text)
{
    setTestResult(ok, text);
    updateButtons();
    Q_EMIT testingChanged(false);
    Q_EMIT connectionTested(ok);
}

void ProfileEditor::setTestResult(bool ok, const QString &text)
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

} // namespace aikeys
