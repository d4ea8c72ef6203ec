#pragma once

#include "credentials/profile.h"
#include "credentials/secretstatus.h"
#include "security/secretbuffer.h"

#include <QGroupBox>
#include <QSet>
#include <QUuid>

#include <memory>
#include <optional>

namespace Ui {
class ProfileEditor;
}

namespace aikeys {

class ConnectionTest;
class CredentialManager;

// The profiles dialog's form for one profile: its fields, what is wrong with them, where its secret
// is, and Test Connection. It knows what the user typed and whether it differs from what is stored;
// storing it (the keychain jobs) and the list of profiles are the dialog's, which hears of changes
// through stateChanged() and of Save and Revert through their signals.
//
// A stored secret is never read into the form: it says "Stored in the keychain" and offers Replace,
// which shows an empty password field. A typed secret lives in that field until wipeSecret(), which
// overwrites its text in place (also when the form is destroyed).
class ProfileEditor : public QGroupBox
{
    Q_OBJECT

public:
    // setup() must follow before the form is used (the form is built by the dialog's own form).
    explicit ProfileEditor(QWidget *parent = nullptr);
    ~ProfileEditor() override;

    // Neither is owned; both must outlive the form.
    void setup(CredentialManager *credentials, SecretStatus *secretStatus);

    // Shows the profile, or an empty form for a new one, as not edited.
    void load(const std::optional<Profile> &profile);
    bool isNew() const { return m_isNew; }
    // The stored profile shown; null for a new one.
    QUuid profileId() const { return m_editingId; }
    bool isDirty() const { return m_dirty; }
    std::optional<Profile> storedProfile() const;
    // The form's profile, without its secret.
    Profile profile() const;
    // What keeps the profile from being saved (every problem, shown or not yet).
    QStringList problems() const;
    // Shows every problem, touched or not, as Save and Sign In do; true when there is none.
    bool validateAll();

    bool hasTypedSecret() const;
    SecretBuffer typedSecret() const;
    void wipeSecret();

    bool isTesting() const;
    // A keychain job of the dialog is using what the form holds: the form is disabled until it ends.
    void setKeychainBusy(bool busy);
    void focusName();

public Q_SLOTS:
    void testConnection();
    void cancelTest();
    void replaceSecret();
    void keepStoredSecret();

Q_SIGNALS:
    // Something the dialog's buttons depend on changed (another profile, an edit).
    void stateChanged();
    void saveRequested();
    void revertRequested();
    void testingChanged(bool testing);
    void connectionTested(bool ok);

private:
    void onEndpointChanged();
    void onAuthModeChanged();
    void markEdited(int field);
    void updateLabels();
    void updateSecretRow();
    void updateValidation();
    void updateButtons();
    bool secretRequired() const;
    bool authModeChanged() const;
    void onTestFinished(bool ok, const QString &text);
    void setTestResult(bool ok, const QString &text);
    // Grows the dialog to what its layout needs once a message or result appeared.
    void fitContents();

    const std::unique_ptr<Ui::ProfileEditor> m_ui;
    CredentialManager *m_credentials = nullptr;
    SecretStatus *m_secretStatus = nullptr;
    ConnectionTest *m_test = nullptr;
    QUuid m_editingId;
    bool m_isNew = false;
    bool m_dirty = false;
    bool m_loading = false;
    bool m_replacingSecret = false;
    bool m_showAllProblems = false;
    bool m_keychainBusy = false;
    QSet<int> m_touched;
};

} // namespace aikeys
