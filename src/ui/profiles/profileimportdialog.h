#pragma once

#include "credentials/atlascliimport.h"
#include "security/secretbuffer.h"

#include <QDialog>
#include <QList>
#include <QStringList>
#include <QUuid>

#include <map>
#include <memory>

class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Ui {
class ProfileImportDialog;
}

namespace aikeys {

class CredentialManager;
class MessageBar;

// Lists what a source holds (the Atlas CLI's config.toml, or the MONGODB_ATLAS_* variables) and what
// each entry becomes, imports the checked ones through the CredentialManager (secrets into the
// keychain), asks for the secrets a newer Atlas CLI keeps in its own keyring, and says that the
// source keeps its plain-text copy.
class ProfileImportDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileImportDialog(AtlasCliImport source, CredentialManager *credentials, QWidget *parent = nullptr);
    ~ProfileImportDialog() override;

    const AtlasCliImport &source() const { return *m_source; }
    // Reads another config.toml (the path field's Read button).
    void readConfig(const QString &path);
    QTreeWidget *candidateList() const { return m_list; }
    bool isImporting() const { return m_importing; }

    // After the keychain refused a secret: the candidates the "Use for This Session Only" action
    // would import (the one that failed and those after it).
    const QList<int> &sessionOnlyCandidates() const { return m_sessionCandidates; }

public Q_SLOTS:
    // Imports the checked candidates, one after the other.
    void startImport();
    // The way out when the keychain refused: imports what is left for this session only (the
    // profiles and their secrets in memory; nothing written anywhere).
    void importForSessionOnly();
    void done(int result) override;

Q_SIGNALS:
    // Emitted once per import run, with the profiles created.
    void imported(const QList<QUuid> &ids);
    void importFinished(bool ok);

private:
    void fill();
    void beginImport();
    void importNext();
    void finishImport();
    void wipeSecretFields();
    // The secret typed (or kept from an earlier try) for a candidate the file has none for.
    SecretBuffer takeEnteredSecret(int index);

    const std::unique_ptr<Ui::ProfileImportDialog> m_ui;
    std::unique_ptr<AtlasCliImport> m_source;
    CredentialManager *m_credentials;
    MessageBar *m_messageBar;        // in m_ui
    QLineEdit *m_pathEdit = nullptr; // in m_ui, for a config.toml only
    QTreeWidget *m_list;             // in m_ui
    QPushButton *m_importButton;
    QList<int> m_queue;
    QList<QUuid> m_importedIds;
    QStringList m_notices;
    QStringList m_errors;
    QList<int> m_sessionCandidates;
    // Secrets typed for candidates whose import the keychain refused, for the session-only retry;
    // wiped when the dialog goes.
    std::map<int, SecretBuffer> m_heldSecrets;
    bool m_importing = false;
    bool m_stopped = false;
    bool m_sessionOnly = false;
};

} // namespace aikeys
