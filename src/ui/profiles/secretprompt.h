#pragma once

#include "atlas/apierror.h"
#include "atlas/auth.h"
#include "credentials/profile.h"
#include "credentials/secretstore.h"
#include "security/secretbuffer.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace aikeys {

// Asks for a profile's secret when none is stored or the keychain could not give it (what
// SessionOpener::needsSecret() reports): a password field, why it is asked, and "Remember in the
// keychain" (on by default). When the keychain itself is the problem (no keychain service, locked,
// access denied, no answer), the box is off and disabled and the dialog says that the secret is kept
// in memory for this session only.
//
// The caller then signs in with SessionOpener::openWith(profile, takeCredentials()) and, if
// rememberInKeychain(), stores the secret with CredentialManager::replaceSecret() (or save() for a
// profile that has none yet) before or after; a failure to store it need not stop the sign-in.
//
// The typed secret lives in the password field until takeSecret() or the dialog closes; the field's
// text is then overwritten in place.
class SecretPrompt : public QDialog
{
    Q_OBJECT

public:
    explicit SecretPrompt(const Profile &profile, QWidget *parent = nullptr);
    ~SecretPrompt() override;

    // Why the secret is asked for: the opener's error (its message and what to do) and the keychain's
    // part of it, which decides whether remembering is offered.
    void setReason(const ApiError &error, SecretError secretError);
    // False: the keychain cannot be used now; the secret is for this session only.
    void setKeychainAvailable(bool available);
    bool isKeychainAvailable() const { return m_keychainAvailable; }
    bool rememberInKeychain() const;

    const Profile &profile() const { return m_profile; }
    // After accept(): the typed secret, moved out; the field is wiped. Empty after the first call.
    SecretBuffer takeSecret();
    // The same, ready for SessionOpener::openWith().
    Credentials takeCredentials();

    // Whether the keychain is worth writing to after this failure: it answered (an entry was simply
    // missing), as opposed to being absent, locked, refusing or silent.
    static bool keychainUsableAfter(SecretError error);

public Q_SLOTS:
    void accept() override;
    void done(int result) override;

private:
    void updateState();
    void wipeField();

    Profile m_profile;
    QLabel *m_reasonLabel;
    QLineEdit *m_secretEdit;
    QCheckBox *m_rememberCheck;
    QLabel *m_sessionNote;
    QPushButton *m_signInButton;
    SecretBuffer m_secret;
    bool m_keychainAvailable = true;
};

} // namespace aikeys
