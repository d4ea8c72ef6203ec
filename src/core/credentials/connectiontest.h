#pragma once

#include "credentials/profile.h"
#include "security/secretbuffer.h"

#include <QObject>
#include <QPointer>

namespace aikeys {

class CredentialManager;
class SessionOpener;

// Test Connection of the profile editor: opens a session with a profile (the secret typed in the
// editor, or the stored one), lists the organizations it sees, and ends the session again. It is not a
// sign-in: the profile the app offers first stays what it was.
class ConnectionTest : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionTest(CredentialManager *credentials, QObject *parent = nullptr);

    // typed empty: the stored secret.
    void start(const Profile &profile, SecretBuffer typed);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    // text says what was found (the organizations seen), or what went wrong and what to do.
    void finished(bool ok, const QString &text);

private:
    void onOpened();

    CredentialManager *m_credentials;
    QPointer<SessionOpener> m_opener;
};

} // namespace aikeys
