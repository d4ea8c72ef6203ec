#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUuid>

namespace aikeys {

class CredentialManager;
struct Profile;

// Where a profile's secret is, as far as the keychain said.
enum class SecretState { Unknown, Checking, Stored, SessionOnly, Missing, Unavailable, Locked };

// What the keychain holds for each profile, asked once per profile and remembered: the profiles
// dialog's list and editor, and the CLI's `profiles list`, read the same states and words.
class SecretStatus : public QObject
{
    Q_OBJECT

public:
    explicit SecretStatus(CredentialManager *credentials, QObject *parent = nullptr);

    // Asks the keychain (a session-only profile needs no asking).
    void check(const QUuid &id);
    void checkAll();
    bool isChecking() const { return m_pending > 0; }

    // A session-only profile's state is SessionOnly whatever was learnt before.
    SecretState state(const Profile &profile) const;
    SecretState state(const QUuid &id) const { return m_states.value(id, SecretState::Unknown); }
    bool isKnown(const QUuid &id) const { return m_states.contains(id); }
    // Why the keychain could not say (its error), for a tooltip.
    QString problem(const QUuid &id) const { return m_problems.value(id); }
    // After a save or a removal, what the caller knows without asking.
    void set(const QUuid &id, SecretState state);
    void forget(const QUuid &id);

    // "Stored in the keychain", "No secret"...
    static QString text(SecretState state);
    // The word the CLI prints: stored, none, locked or unknown.
    static QString machineName(SecretState state);

Q_SIGNALS:
    void checked(const QUuid &id);
    // The last check asked for has answered.
    void allChecked();

private:
    QPointer<CredentialManager> m_credentials;
    QHash<QUuid, SecretState> m_states;
    QHash<QUuid, QString> m_problems;
    int m_pending = 0;
};

} // namespace aikeys
