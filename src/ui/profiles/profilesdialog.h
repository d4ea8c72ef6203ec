#pragma once

#include "common/messagebar.h"
#include "credentials/atlascliimport.h"
#include "credentials/profile.h"
#include "credentials/secretstatus.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QProcessEnvironment>
#include <QUuid>

#include <map>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Ui {
class ProfilesDialog;
}

namespace aikeys {

class CredentialJob;
class CredentialManager;
class ProfileEditor;
class ProfileImportDialog;

// The first-run and "Manage profiles" dialog: the profiles (name, account kind, base URL, where the
// secret is) and an editor for one of them (ProfileEditor, with Test Connection). Add, Duplicate,
// Remove, Save, and Import from the Atlas CLI's config.toml or the MONGODB_ATLAS_* variables. "Sign In"
// accepts with the selected profile (saving it first if it was edited); the caller signs in with it.
//
// A stored secret is never read into this dialog (see ProfileEditor); a typed one is saved from the
// editor's field and wiped when saved or when the dialog closes. When the keychain refuses a new
// profile's secret, the dialog offers to keep the profile for this session only (in memory; nothing
// is written anywhere).
class ProfilesDialog : public QDialog
{
    Q_OBJECT

public:
    // Where a profile's secret is, as far as the dialog knows.
    using SecretState = aikeys::SecretState;

    explicit ProfilesDialog(CredentialManager *credentials, QWidget *parent = nullptr);
    ~ProfilesDialog() override;

    // Runs the dialog; the profile chosen with Sign In, or nullopt after Close.
    static std::optional<QUuid> chooseProfile(CredentialManager *credentials, QWidget *parent);

    // The saved profile selected in the list (null while a new one is being edited).
    QUuid selectedProfileId() const;
    void selectProfile(const QUuid &id);

    bool isEditingNewProfile() const;
    bool hasUnsavedChanges() const;
    // A keychain operation or a connection test is running.
    bool isBusy() const;
    bool isTesting() const;
    SecretState secretState(const QUuid &id) const { return m_secretStatus->state(id); }
    // The editor's profile, without its secret.
    Profile editedProfile() const;
    // What keeps the edited profile from being saved (every problem, shown or not yet).
    QStringList problems() const;

    // The import dialog on that source; shown window-modal and deleted when closed.
    ProfileImportDialog *importFromAtlasCliConfig(const QString &path = {});
    ProfileImportDialog *
    importFromEnvironment(const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

private:
    ProfileImportDialog *openImportDialog(AtlasCliImport source);

public Q_SLOTS:
    // An empty editor for a new profile (Atlas, service account).
    void addProfile();
    void saveProfile();
    void duplicateProfile();
    // Asks first; deletes the keychain entry too.
    void removeProfile();
    void revertChanges();
    // Sign In: saves first when the profile was edited, then accepts.
    void accept() override;
    void reject() override;
    void done(int result) override;

Q_SIGNALS:
    void profileSaved(const QUuid &id);
    void profileRemoved(const QUuid &id);
    void connectionTested(bool ok);
    void busyChanged(bool busy);
    void secretStatesChecked();

private:
    enum class PendingAction { None, KeepForSession, RemoveAnyway };

    void reloadList();
    void refreshListItem(QTreeWidgetItem *item, const Profile &profile);
    QTreeWidgetItem *itemFor(const QUuid &id) const;
    void checkSecrets();
    void checkSecret(const QUuid &id);
    void onSecretChecked(const QUuid &id);
    void onSelectionChanged();
    bool confirmDiscard();
    void updateButtons();
    void setBusyJob(CredentialJob *job);
    void onSaved(CredentialJob *job, bool acceptAfter);
    void onRemoved(CredentialJob *job);
    void onDuplicated(CredentialJob *job);
    void onMessageAction();
    void showMessage(MessageBar::Kind kind, const QString &text, const QString &hint = {},
                     const QString &action = {});
    void showInfo(const QString &text, const QStringList &notices = {});
    // Grows the dialog to what its layout needs once a message or result appeared.
    void fitContents();

    const std::unique_ptr<Ui::ProfilesDialog> m_ui;
    CredentialManager *m_credentials;
    MessageBar *m_messageBar;
    QPushButton *m_signInButton;
    SecretStatus *m_secretStatus;
    ProfileEditor *m_editor;
    QPointer<CredentialJob> m_busyJob;
    PendingAction m_pendingAction = PendingAction::None;
    Profile m_pendingProfile;
    bool m_pendingAcceptAfter = false;
};

} // namespace aikeys
