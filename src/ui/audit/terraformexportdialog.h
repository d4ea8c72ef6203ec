#pragma once

#include "domain/scope.h"
#include "domain/types.h"
#include "export/terraformexportjob.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

#include <memory>

class QPushButton;

namespace Ui {
class TerraformExportDialog;
}

namespace aikeys {

class AtlasClient;
class MessageBar;
class TerraformExportJob;

// "Export to Terraform...": previews the configuration that imports keys (and, on request, their
// projects' rate limits) into Terraform, and saves it to a .tf file (through the FileDialog seam) or
// copies it. The keys are the ones selected, a project's, or an organization's; the text comes from
// TerraformExportJob, so the dialog itself never talks to the network.
//
// Embedding: `auto *d = new TerraformExportDialog(client, this); d->setProject(id, name); d->open();`
// (it deletes itself when closed if WA_DeleteOnClose is set by the caller).
class TerraformExportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TerraformExportDialog(AtlasClient *client, QWidget *parent = nullptr);
    ~TerraformExportDialog() override;

    // What to export; each (re)builds the preview.
    void setKeys(const QList<AiKey> &keys, const QHash<QString, QString> &projectNames);
    void setProject(const QString &projectId, const QString &projectName);
    void setOrg(const QString &orgId, const QString &orgName);

    void setIncludeRateLimits(bool on);
    bool includeRateLimits() const;

    // The configuration shown (empty while it is being made).
    QString text() const;
    bool isLoading() const;
    QPushButton *saveButton() const { return m_save; }

    // Asks where to save (FileDialog seam) and writes the file. Returns the path, or empty.
    QString save();

Q_SIGNALS:
    void ready();
    void saved(const QString &path);

private:
    void rebuild();

    const std::unique_ptr<Ui::TerraformExportDialog> m_ui;
    QPointer<AtlasClient> m_client;
    MessageBar *m_messageBar;
    QPushButton *m_save = nullptr;
    QPushButton *m_copy = nullptr;
    QPointer<TerraformExportJob> m_job;
    Scope m_scope = Scope::None;
    QString m_id;
    QString m_name;
    QList<AiKey> m_keys;
    QHash<QString, QString> m_projectNames;
};

} // namespace aikeys
