#include "profiles/secretprompt.h"

#include "keys/createkeydialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}
} // namespace

SecretPrompt::SecretPrompt(const Profile &profile, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
{
    setObjectName(u"secretPrompt"_s);
    const QString kind = secretKindDisplayName(profile.secretKind());
    setWindowTitle(tr("Sign In to %1").arg(profile.name));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(
        QIcon::fromTheme(u"dialog-password"_s, style()->standardIcon(QStyle::SP_MessageBoxQuestion))
            .pixmap(QSize(size, size), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    auto *texts = new QVBoxLayout;
    auto *title = new QLabel(tr("Enter the %1 of profile \"%2\"").arg(kind, profile.name), this);
    title->setObjectName(u"titleLabel"_s);
    title->setWordWrap(true);
    title->setTextFormat(Qt::PlainText);
    title->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    texts->addWidget(title);
    auto *account = new QLabel(
        tr("%1 at %2").arg(authModeDisplayName(profile.authMode), profile.baseUrl.toDisplayString()), this);
    account->setObjectName(u"accountLabel"_s);
    account->setWordWrap(true);
    account->setTextFormat(Qt::PlainText);
    texts->addWidget(account);
    m_reasonLabel = new QLabel(this);
    m_reasonLabel->setObjectName(u"reasonLabel"_s);
    m_reasonLabel->setWordWrap(true);
    m_reasonLabel->setTextFormat(Qt::PlainText);
    m_reasonLabel->hide();
    texts->addWidget(m_reasonLabel);
    top->addLayout(texts, 1);
    layout->addLayout(top);

    auto *form = new QFormLayout;
    m_secretEdit = new QLineEdit(this);
    m_secretEdit->setObjectName(u"secretEdit"_s);
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setAccessibleName(capitalized(kind));
    auto *label = new QLabel(capitalized(kind) + u':', this);
    label->setBuddy(m_secretEdit);
    form->addRow(label, m_secretEdit);
    layout->addLayout(form);

    m_rememberCheck = new QCheckBox(tr("&Remember in the keychain"), this);
    m_rememberCheck->setObjectName(u"rememberCheck"_s);
    m_rememberCheck->setAccessibleName(tr("Remember the secret in the keychain"));
    m_rememberCheck->setChecked(true);
    layout->addWidget(m_rememberCheck);

    m_sessionNote = new QLabel(this);
    m_sessionNote->setObjectName(u"sessionNote"_s);
    m_sessionNote->setWordWrap(true);
    m_sessionNote->setTextFormat(Qt::PlainText);
    layout->addWidget(m_sessionNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signInButton = buttons->addButton(tr("Sign &In"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(u"signInButton"_s);
    m_signInButton->setAccessibleName(tr("Sign in"));
    m_signInButton->setDefault(true);
    QPushButton *cancel = buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SecretPrompt::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_secretEdit, &QLineEdit::textChanged, this, &SecretPrompt::updateState);
    connect(m_rememberCheck, &QCheckBox::toggled, this, &SecretPrompt::updateState);

    m_secretEdit->setFocus();
    updateState();
}

SecretPrompt::~SecretPrompt()
{
    wipeField();
}

bool SecretPrompt::keychainUsableAfter(SecretError error)
{
    return error == SecretError::None || error == SecretError::NotFound;
}

void SecretPrompt::setReason(const ApiError &error, SecretError secretError)
{
    QString text = error.message();
    if (!error.hint().isEmpty())
        text += u'\n' + error.hint();
    m_reasonLabel->setText(text);
    m_reasonLabel->setVisible(!text.isEmpty());
    setKeychainAvailable(keychainUsableAfter(secretError));
    // A dialog on screen keeps its size when a wrapped line appears; grow it instead.
    QTimer::singleShot(0, this, [this] { detail::growToFit(this); });
}

void SecretPrompt::setKeychainAvailable(bool available)
{
    m_keychainAvailable = available;
    m_rememberCheck->setEnabled(available);
    m_rememberCheck->setChecked(available);
    updateState();
}

bool SecretPrompt::rememberInKeychain() const
{
    return m_keychainAvailable && m_rememberCheck->isChecked();
}

void SecretPrompt::updateState()
{
    m_signInButton->setEnabled(!m_secretEdit->text().isEmpty());
    if (!m_keychainAvailable) {
        m_sessionNote->setText(
            tr("The keychain cannot be used right now, so the %1 is kept in memory for this "
               "session only: it is never written anywhere, and you will be asked again next "
               "time.")
                .arg(secretKindDisplayName(m_profile.secretKind())));
    } else if (!m_rememberCheck->isChecked()) {
        m_sessionNote->setText(tr("It is kept in memory for this session only and never written anywhere."));
    } else {
        m_sessionNote->setText(tr("It is stored in your system's keychain, never in a file."));
    }
}

void SecretPrompt::accept()
{
    if (m_secretEdit->text().isEmpty())
        return;
    m_secret = SecretBuffer::fromUtf8(m_secretEdit->text());
    QDialog::accept();
}

void SecretPrompt::done(int result)
{
    wipeField();
    if (result != QDialog::Accepted)
        m_secret.wipe();
    QDialog::done(result);
}

SecretBuffer SecretPrompt::takeSecret()
{
    return std::move(m_secret);
}

Credentials SecretPrompt::takeCredentials()
{
    return Credentials{m_profile.authMode,
                       m_profile.authMode == AuthMode::AccessToken ? QString() : m_profile.publicId.trimmed(),
                       takeSecret()};
}

void SecretPrompt::wipeField()
{
    const QString text = m_secretEdit->text();
    if (text.isEmpty())
        return;
    // Text set from a literal lives in read-only memory and was never typed: nothing to overwrite.
    if (!text.data_ptr().isMutable()) {
        m_secretEdit->clear();
        return;
    }
    // The line edit's own buffer, shared with text: overwritten in place, then released.
    volatile char16_t *p = reinterpret_cast<volatile char16_t *>(const_cast<QChar *>(text.constData()));
    for (qsizetype i = 0; i < text.size(); ++i)
        p[i] = 0;
    m_secretEdit->clear();
}

} // namespace aikeys
