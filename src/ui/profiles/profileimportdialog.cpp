#include "profiles/profileimportdialog.h"

#include "ui_profileimportdialog.h"

#include "common/filedialog.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "common/wipelineedit.h"
#include "credentials/credentialmanager.h"
#include "credentials/profilestore.h"
#include "keys/createkeydialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
// The list's column where a secret is shown or typed.
constexpr int kSecretColumn = 2;

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}
} // namespace

ProfileImportDialog::ProfileImportDialog(AtlasCliImport source, CredentialManager *credentials,
                                         QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ProfileImportDialog>())
    , m_source(std::make_unique<AtlasCliImport>(std::move(source)))
    , m_credentials(credentials)
{
    m_ui->setupUi(this);
    m_messageBar = m_ui->importMessageBar;
    m_list = m_ui->candidateList;
    const bool cli = m_source->origin() == AtlasCliImport::Origin::AtlasCliConfig;
    setWindowTitle(cli ? tr("Import from the Atlas CLI") : tr("Import from Environment Variables"));

    m_messageBar->setAnimated(false);
    m_messageBar->hide();
    connect(m_messageBar, &MessageBar::actionTriggered, this, &ProfileImportDialog::importForSessionOnly);
    // Wide enough for a row (source, new name, account, Atlas, secret) without scrolling sideways.
    m_ui->sourceLabel->setMinimumWidth(fontMetrics().averageCharWidth() * 150);

    m_ui->pathRow->setVisible(cli);
    if (cli) {
        m_pathEdit = m_ui->configPathEdit;
        m_pathEdit->setText(QDir::toNativeSeparators(m_source->path()));
        const auto readTyped = [this] { readConfig(QDir::fromNativeSeparators(m_pathEdit->text())); };
        connect(m_ui->readButton, &QPushButton::clicked, this, readTyped);
        connect(m_pathEdit, &QLineEdit::returnPressed, this, readTyped);
        connect(m_ui->browseButton, &QPushButton::clicked, this, [this] {
            const QString start = QFileInfo(QDir::fromNativeSeparators(m_pathEdit->text())).absolutePath();
            const QString path = FileDialog::getOpenFileName(this, tr("Atlas CLI Configuration"), start,
                                                             tr("TOML files (*.toml);;All files (*)"));
            if (path.isEmpty())
                return;
            m_pathEdit->setText(QDir::toNativeSeparators(path));
            readConfig(path);
        });
    }

    m_list->setMinimumHeight((fontMetrics().height() + 10) * 5);
    // The secret's column comes early and has a fixed width: it is where a missing secret is typed.
    m_list->header()->setStretchLastSection(true);
    for (int c : {0, 1, 3})
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(kSecretColumn, QHeaderView::Fixed);
    m_list->header()->resizeSection(kSecretColumn, fontMetrics().averageCharWidth() * 36);
    connect(m_list, &QTreeWidget::itemChanged, this, [this] {
        bool any = false;
        for (int i = 0; i < m_list->topLevelItemCount(); ++i)
            any = any || m_list->topLevelItem(i)->checkState(0) == Qt::Checked;
        m_importButton->setEnabled(any && !m_importing);
    });

    m_importButton = m_ui->buttonBox->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(u"importButton"_s);
    m_importButton->setAccessibleName(tr("Import the checked profiles"));
    m_importButton->setDefault(true);
    QPushButton *close = m_ui->buttonBox->button(QDialogButtonBox::Close);
    close->setObjectName(u"closeButton"_s);
    close->setAccessibleName(tr("Close"));
    close->setAutoDefault(false);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfileImportDialog::startImport);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    fill();
}

ProfileImportDialog::~ProfileImportDialog()
{
    wipeSecretFields();
}

void ProfileImportDialog::readConfig(const QString &path)
{
    if (m_importing)
        return;
    m_sessionCandidates.clear();
    m_heldSecrets.clear();
    m_source = std::make_unique<AtlasCliImport>(AtlasCliImport::fromAtlasCliConfig(path));
    m_messageBar->animatedHide();
    fill();
}

void ProfileImportDialog::fill()
{
    wipeSecretFields();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const bool cli = m_source->origin() == AtlasCliImport::Origin::AtlasCliConfig;
    const QString path = QDir::toNativeSeparators(m_source->path());
    const QList<ImportCandidate> &candidates = m_source->candidates();

    if (!m_source->ok()) {
        m_ui->sourceLabel->setText(m_source->errorString());
    } else if (candidates.isEmpty()) {
        m_ui->sourceLabel->setText(cli ? tr("%1 holds no Atlas CLI profile with credentials.").arg(path)
                                       : tr("No MONGODB_ATLAS_* credentials are set in this environment."));
    } else {
        m_ui->sourceLabel->setText(
            cli ? tr("%n profile(s) found in %1. Each checked one becomes a profile here:", nullptr,
                     int(candidates.size()))
                      .arg(path)
                : tr("Credentials found in the MONGODB_ATLAS_* environment variables:"));
    }

    QStringList warnings;
    bool anyChecked = false;
    for (int i = 0; i < candidates.size(); ++i) {
        const ImportCandidate &c = candidates.at(i);
        const Profile &p = c.profile;
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, Qt::UserRole, i);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setText(0, cli ? u'[' + c.sourceName + u']' : tr("environment"));
        const std::optional<Profile> existing =
            AtlasCliImport::existingProfileFor(*m_credentials->profiles(), c);
        item->setCheckState(0, existing ? Qt::Unchecked : Qt::Checked);
        anyChecked = anyChecked || !existing;
        item->setText(1, existing ? tr("Already profile \"%1\"").arg(existing->name)
                                  : m_credentials->profiles()->uniqueName(p.name));
        item->setText(3, p.publicId.isEmpty() ? authModeDisplayName(p.authMode)
                                              : authModeDisplayName(p.authMode) + u": "_s + p.publicId);
        item->setText(4, p.baseUrl.toDisplayString());
        const QString kind = secretKindDisplayName(p.secretKind());
        if (c.secretInSource) {
            item->setText(kSecretColumn,
                          cli ? tr("In the file (plain text)") : tr("In %1").arg(c.secretField));
            item->setToolTip(kSecretColumn,
                             cli ? tr("The %1 is in the file in plain text (%2); it moves into your "
                                      "keychain, and the file keeps its copy.")
                                       .arg(kind, c.secretField)
                                 : tr("The %1 is in %2; it moves into your keychain, and the "
                                      "variable keeps its copy.")
                                       .arg(kind, c.secretField));
        } else {
            auto *edit = new QLineEdit(m_list);
            edit->setObjectName(u"secretEdit%1"_s.arg(i));
            edit->setEchoMode(QLineEdit::Password);
            edit->setAccessibleName(tr("%1 for %2").arg(capitalized(kind), item->text(0)));
            edit->setPlaceholderText(tr("Type the %1, or add it later").arg(kind));
            edit->setToolTip(
                tr("The %1 is not in the file: newer Atlas CLI versions keep it in the system keyring.")
                    .arg(kind));
            m_list->setItemWidget(item, kSecretColumn, edit);
        }
        if (!c.warnings.isEmpty()) {
            item->setToolTip(0, c.warnings.join(u'\n'));
            for (const QString &w : c.warnings)
                warnings << item->text(0) + u": "_s + w;
        }
    }
    m_ui->warningsLabel->setText(warnings.join(u'\n'));
    m_ui->warningsLabel->setVisible(!warnings.isEmpty());
    const bool anyInSource = std::any_of(candidates.cbegin(), candidates.cend(),
                                         [](const ImportCandidate &c) { return c.secretInSource; });
    if (candidates.isEmpty()) {
        m_ui->noteLabel->clear();
    } else if (!anyInSource) {
        // The warnings above already say that the secrets are not in the file.
        m_ui->noteLabel->clear();
    } else if (cli) {
        m_ui->noteLabel->setText(
            tr("Secrets move into your keychain. %1 keeps its plain-text copy: delete those lines "
               "once the Atlas CLI no longer needs them, so that the keychain holds the only copy.")
                .arg(path));
    } else {
        m_ui->noteLabel->setText(
            tr("Secrets move into your keychain. The variables keep their copy: unset them, and "
               "remove them from your shell start-up files and scripts."));
    }
    m_ui->noteLabel->setVisible(!m_ui->noteLabel->text().isEmpty());
    m_list->setVisible(!candidates.isEmpty());
    m_importButton->setEnabled(anyChecked && !m_importing);
}

void ProfileImportDialog::startImport()
{
    if (m_importing)
        return;
    m_queue.clear();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->checkState(0) == Qt::Checked)
            m_queue << item->data(0, Qt::UserRole).toInt();
    }
    if (m_queue.isEmpty())
        return;
    m_sessionOnly = false;
    m_sessionCandidates.clear();
    beginImport();
}

void ProfileImportDialog::importForSessionOnly()
{
    if (m_importing || m_sessionCandidates.isEmpty())
        return;
    m_queue = std::exchange(m_sessionCandidates, {});
    m_sessionOnly = true;
    beginImport();
}

void ProfileImportDialog::beginImport()
{
    m_importing = true;
    m_stopped = false;
    m_importedIds.clear();
    m_notices.clear();
    m_errors.clear();
    m_importButton->setEnabled(false);
    m_list->setEnabled(false);
    m_messageBar->animatedHide();
    importNext();
}

SecretBuffer ProfileImportDialog::takeEnteredSecret(int index)
{
    if (auto held = m_heldSecrets.find(index); held != m_heldSecrets.end()) {
        SecretBuffer secret = std::move(held->second);
        m_heldSecrets.erase(held);
        return secret;
    }
    SecretBuffer entered;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toInt() != index)
            continue;
        if (auto *edit = qobject_cast<QLineEdit *>(m_list->itemWidget(item, kSecretColumn))) {
            entered = SecretBuffer::fromUtf8(edit->text());
            wipeLineEdit(edit);
        }
    }
    return entered;
}

void ProfileImportDialog::importNext()
{
    if (m_queue.isEmpty() || m_stopped) {
        finishImport();
        return;
    }
    const int index = m_queue.takeFirst();
    SecretBuffer entered = takeEnteredSecret(index);
    const QString source = m_source->origin() == AtlasCliImport::Origin::AtlasCliConfig
                               ? u'[' + m_source->candidates().at(index).sourceName + u']'
                               : tr("environment");
    CredentialJob *job =
        m_source->importCandidate(*m_credentials, index, {}, std::move(entered), m_sessionOnly);
    connect(job, &CredentialJob::finished, this, [this, source, index, j = job] {
        if (j->succeeded()) {
            m_importedIds << j->profile().id;
            m_notices << j->notices();
        } else {
            QString text = source + u": "_s + j->error().message();
            if (!j->error().hint().isEmpty())
                text += u' ' + j->error().hint();
            m_errors << text;
            // The keychain failing for one would fail for the others too.
            m_stopped = j->error().kind() == ApiError::Kind::Keychain;
            if (m_stopped && j->canKeepForSession()) {
                // The way out the profile editor offers too: this one and the rest, for this session
                // only. What the user typed is kept (in memory) so nobody types it again.
                SecretBuffer handedBack = j->takeSecret();
                if (!m_source->candidates().at(index).secretInSource && !handedBack.isEmpty())
                    m_heldSecrets.insert_or_assign(index, std::move(handedBack));
                m_sessionCandidates = QList<int>{index} + m_queue;
                for (const int rest : std::as_const(m_queue)) {
                    SecretBuffer typed = takeEnteredSecret(rest);
                    if (!typed.isEmpty())
                        m_heldSecrets.insert_or_assign(rest, std::move(typed));
                }
            }
        }
        importNext();
    });
}

void ProfileImportDialog::finishImport()
{
    m_importing = false;
    m_list->setEnabled(true);
    if (!m_importedIds.isEmpty())
        Q_EMIT imported(m_importedIds);
    if (m_errors.isEmpty()) {
        MessageBox::information(
            this, tr("Profiles Imported"),
            m_sessionOnly
                ? tr("Imported %n profile(s) for this session only.", nullptr, int(m_importedIds.size()))
                : tr("Imported %n profile(s).", nullptr, int(m_importedIds.size())),
            QMessageBox::Ok, QMessageBox::NoButton, m_notices.join(u"\n\n"_s));
        Q_EMIT importFinished(true);
        accept();
        return;
    }
    fill();
    QString hint = tr("Nothing was written to a file.");
    if (!m_importedIds.isEmpty())
        hint += u' ' + tr("%n profile(s) were imported before that.", nullptr, int(m_importedIds.size()));
    if (!m_notices.isEmpty())
        hint += u'\n' + m_notices.join(u'\n');
    QString action;
    if (!m_sessionCandidates.isEmpty()) {
        // The profiles that are left (the one that failed and those after it) stay checked.
        const QSignalBlocker blocker(m_list);
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_list->topLevelItem(i);
            const int index = item->data(0, Qt::UserRole).toInt();
            item->setCheckState(0, m_sessionCandidates.contains(index) ? Qt::Checked : Qt::Unchecked);
            if (m_heldSecrets.count(index) > 0) {
                if (auto *edit = qobject_cast<QLineEdit *>(m_list->itemWidget(item, kSecretColumn))) {
                    edit->setPlaceholderText(tr("Kept from your input"));
                    edit->setEnabled(false);
                }
            }
        }
        hint +=
            u'\n' +
            tr("Or import %n profile(s) for this session only: their secrets stay in memory until you quit "
               "and are never written anywhere. Import them again once the keychain works to keep them.",
               nullptr, int(m_sessionCandidates.size()));
        action = tr("Use for This &Session Only");
        m_importButton->setEnabled(true);
    }
    m_messageBar->showMessage(MessageBar::Kind::Error, m_errors.join(u'\n'), hint, action);
    QTimer::singleShot(0, this, [this] { detail::growToFit(this); });
    Q_EMIT importFinished(false);
}

void ProfileImportDialog::wipeSecretFields()
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (auto *edit =
                qobject_cast<QLineEdit *>(m_list->itemWidget(m_list->topLevelItem(i), kSecretColumn)))
            wipeLineEdit(edit);
    }
}

void ProfileImportDialog::done(int result)
{
    wipeSecretFields();
    m_heldSecrets.clear();
    QDialog::done(result);
}

} // namespace aikeys
