#include "audit/terraformexportdialog.h"

#include "ui_terraformexportdialog.h"

#include "atlas/atlasclient.h"
#include "common/filedialog.h"
#include "common/messagebar.h"
#include "export/terraformexport.h"
#include "export/terraformexportjob.h"

#include <QClipboard>
#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace aikeys {

TerraformExportDialog::TerraformExportDialog(AtlasClient *client, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::TerraformExportDialog>())
    , m_client(client)
    , m_messageBar(new MessageBar(this))
{
    m_ui->setupUi(this);
    setObjectName(u"terraformExportDialog"_s);
    setWindowTitle(tr("Export to Terraform"));
    m_messageBar->setObjectName(u"terraformMessageBar"_s);
    m_ui->messageLayout->addWidget(m_messageBar);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->previewEdit->setFont(fixed);
    // The generated lines are at most 100 columns: all of a line shows without scrolling.
    const QFontMetrics fm(fixed);
    m_ui->previewEdit->setMinimumSize(fm.horizontalAdvance(QString(102, u'x')) + 30, fm.height() * 24);

    m_save = m_ui->buttonBox->addButton(tr("&Save As\u2026"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"saveButton"_s);
    m_save->setAccessibleName(tr("Save the configuration to a file"));
    m_copy = m_ui->buttonBox->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(u"copyButton"_s);
    m_copy->setAccessibleName(tr("Copy the configuration"));
    QPushButton *close = m_ui->buttonBox->button(QDialogButtonBox::Close);
    close->setObjectName(u"closeButton"_s);
    close->setAccessibleName(tr("Close"));
    // Save keeps the dialog open if the user cancels the file dialog; it closes once saved.
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!save().isEmpty())
            accept();
    });
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(text());
        m_messageBar->showMessage(MessageBar::Kind::Information, tr("Copied the configuration."));
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->includeLimitsCheck, &QCheckBox::toggled, this, &TerraformExportDialog::rebuild);
    m_ui->statusLabel->hide();
    m_save->setEnabled(false);
    m_copy->setEnabled(false);
}

TerraformExportDialog::~TerraformExportDialog()
{
    if (m_job)
        m_job->cancel();
}

void TerraformExportDialog::setKeys(const QList<AiKey> &keys, const QHash<QString, QString> &projectNames)
{
    m_scope = Scope::Keys;
    m_keys = keys;
    m_projectNames = projectNames;
    const int n = int(keys.size());
    m_ui->sourceLabel->setText(n == 1 ? tr("%n selected key.", nullptr, n)
                                      : tr("%n selected keys.", nullptr, n));
    rebuild();
}

void TerraformExportDialog::setProject(const QString &projectId, const QString &projectName)
{
    m_scope = Scope::Project;
    m_id = projectId;
    m_name = projectName;
    m_ui->sourceLabel->setText(
        tr("Every key of project %1.").arg(projectName.isEmpty() ? projectId : projectName));
    rebuild();
}

void TerraformExportDialog::setOrg(const QString &orgId, const QString &orgName)
{
    m_scope = Scope::Organization;
    m_id = orgId;
    m_name = orgName;
    m_ui->sourceLabel->setText(tr("Every key of organization %1.").arg(orgName.isEmpty() ? orgId : orgName));
    rebuild();
}

void TerraformExportDialog::setIncludeRateLimits(bool on)
{
    m_ui->includeLimitsCheck->setChecked(on);
}

bool TerraformExportDialog::includeRateLimits() const
{
    return m_ui->includeLimitsCheck->isChecked();
}

QString TerraformExportDialog::text() const
{
    return isLoading() ? QString() : m_ui->previewEdit->toPlainText();
}

bool TerraformExportDialog::isLoading() const
{
    return m_job && !m_job->isFinished();
}

void TerraformExportDialog::rebuild()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job = nullptr;
    }
    m_messageBar->hide();
    m_ui->previewEdit->clear();
    m_save->setEnabled(false);
    m_copy->setEnabled(false);
    if (m_scope == Scope::None)
        return;
    if (!m_client) {
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("Not signed in."),
                                  tr("Sign in, then try again."));
        return;
    }
    switch (m_scope) {
    case Scope::None:
        return;
    case Scope::Keys:
        m_job = TerraformExportJob::forKeys(m_client, m_keys, m_projectNames, this);
        break;
    case Scope::Project:
        m_job = TerraformExportJob::forProject(m_client, m_id, this);
        break;
    case Scope::Organization:
        m_job = TerraformExportJob::forOrganization(m_client, m_id, this);
        break;
    }
    m_job->setAutoDelete(false);
    m_job->setIncludeRateLimits(includeRateLimits());
    m_ui->statusLabel->setText(tr("Reading\u2026"));
    m_ui->statusLabel->show();
    connect(m_job, &Job::progress, this, [this](qint64 done, qint64 total) {
        m_ui->statusLabel->setText(tr("Reading rate limits: %1 of %2 projects\u2026").arg(done).arg(total));
    });
    TerraformExportJob *job = m_job;
    connect(job, &Job::finished, this, [this, job] {
        job->deleteLater();
        m_job = nullptr;
        m_ui->statusLabel->hide();
        if (!job->succeeded()) {
            if (job->error().kind() != ApiError::Kind::Canceled)
                m_messageBar->showMessage(MessageBar::Kind::Error, job->error().message(),
                                          job->error().hint());
            return;
        }
        m_ui->previewEdit->setPlainText(job->text());
        if (!job->warnings().isEmpty())
            m_messageBar->showMessage(MessageBar::Kind::Warning, job->warnings().join(u'\n'));
        const int keys = job->result().keyCount();
        const int limits = job->result().rateLimitCount();
        QString status =
            keys == 1 ? tr("%n key to import", nullptr, keys) : tr("%n keys to import", nullptr, keys);
        if (includeRateLimits())
            status += u", "_s + (limits == 1 ? tr("%n rate limit", nullptr, limits)
                                             : tr("%n rate limits", nullptr, limits));
        m_ui->statusLabel->setText(status + u'.');
        m_ui->statusLabel->show();
        m_save->setEnabled(true);
        m_copy->setEnabled(true);
        Q_EMIT ready();
    });
}

QString TerraformExportDialog::save()
{
    const QString content = text();
    if (content.isEmpty())
        return {};
    QString base;
    for (const QChar c : m_name.isEmpty() ? m_id : m_name) {
        if (c.isLetterOrNumber())
            base += c.toLower();
        else if (!base.isEmpty() && !base.endsWith(u'-'))
            base += u'-';
    }
    if (base.isEmpty())
        base = u"ai-model-api-keys"_s;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialog::getSaveFileName(this, tr("Save the Terraform Configuration"),
                                                     QDir(dir).filePath(base + u".tf"_s),
                                                     tr("Terraform files (*.tf);;All files (*)"));
    if (path.isEmpty())
        return {};
    const QByteArray data = content.toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("Could not save %1.").arg(QDir::toNativeSeparators(path)),
                                  file.errorString());
        return {};
    }
    Q_EMIT saved(path);
    return path;
}

} // namespace aikeys
