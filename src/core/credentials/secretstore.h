#pragma once

#include "atlas/apierror.h"
#include "atlas/job.h"
#include "security/secretbuffer.h"

#include <QObject>
#include <QTimer>

namespace aikeys {

class SecretStore;

// What went wrong with a keychain operation, as far as the backend lets us tell.
enum class SecretError {
    None,
    NotFound,     // no such entry (the keychain is not known to be locked)
    NoBackend,    // no keychain service: no Secret Service on the session bus, no KWallet...
    Locked,       // the keychain is locked (or has no default keyring to write into); on Linux also
                  // a read or delete that saw nothing while the Secret Service's keyring is locked
    AccessDenied, // the user dismissed the prompt, or the app is not allowed in
    TimedOut,     // no answer within the job's timeout: a prompt may be waiting, or the bus is stuck
    Other,
};
// A stable spelling for logs and tests ("no-backend").
QString secretErrorId(SecretError error);

// One asynchronous keychain operation. Jobs come started from a SecretStore and keep the Job contract;
// they finish at the latest when their own timeout fires. error() is the failure in words for the
// user (a Kind::Keychain ApiError with message() and hint()); secretError() is what the backend let us
// tell, for the code that decides what to offer.
class SecretJob : public Job
{
    Q_OBJECT

public:
    enum class Operation { Read, Write, Remove };

    ~SecretJob() override;

    Operation operation() const { return m_operation; }
    // "read", "write", "remove": for logs.
    static const char *operationName(Operation operation);
    const QString &key() const { return m_key; }
    const QString &service() const { return m_service; }
    int timeoutMs() const { return m_timeoutMs; }

    SecretError secretError() const { return m_secretError; }
    // What happened, in words for the user.
    QString message() const;
    // What to do about it (with the session-only way out when the store offers it).
    QString hint() const;
    // Whether hint() offers signing in for this session only.
    bool hintOffersSessionOnly() const;
    // message() and hint() in one line.
    QString errorString() const;
    // The backend's own words (QtKeychain's errorString()), for logs and "details"; never secret.
    const QString &backendDetail() const { return m_backendDetail; }
    // A read's secret, moved out: empty on failure and after the first call.
    SecretBuffer takeSecret() { return std::move(m_secret); }

    // Stops waiting for the backend, as a timeout does: a write already handed to it may still land.
    void cancel() override;

protected:
    // With the store's service and timeout; toWrite is what a write stores (empty otherwise).
    SecretJob(const SecretStore *store, Operation operation, QString key, SecretBuffer toWrite);

    // Does the work; called from the event loop once the job has started. Ends with finish().
    virtual void run() = 0;
    // The timeout fired: stop caring about the backend's answer (it may still come, or never).
    virtual void abandon() {}
    // The first call wins; later ones (a late backend answer after the timeout) are ignored.
    void finish(SecretError error, const QString &backendDetail = {});
    void finishRead(SecretBuffer secret);
    void afterFinished() override;

    // A write's secret, until the backend has it; the job wipes what is left when it is deleted.
    SecretBuffer m_toWrite;

private:
    friend class SecretStore;
    void start();

    Operation m_operation;
    QString m_service;
    QString m_key;
    int m_timeoutMs;
    QTimer m_timeout;
    SecretError m_secretError = SecretError::None;
    QString m_backendDetail;
    SecretBuffer m_secret;
    bool m_sessionOnlyAdvice = true;
};

// Where secrets live: a key per entry, "<application id>/<profile uuid>/<kind>" (see
// Profile::secretKey()), under one service name. Every operation returns a started SecretJob with its
// own timeout: a keychain call may otherwise wait forever on a prompt nobody sees or on a broken
// session bus.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 10000;
    // The application id: what the keychain shows as the owner of our entries.
    static QString defaultService();

    ~SecretStore() override;

    const QString &service() const { return m_service; }
    int timeoutMs() const { return m_timeoutMs; }
    // For the jobs started from now on. 0 or less: no timeout of our own (never in production).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Whether hints offer signing in "for this session only" (the desktop app does); the CLI turns it
    // off, since it has no such thing (its way out is the MONGODB_ATLAS_* variables).
    void setSessionOnlyAdvice(bool on) { m_sessionOnlyAdvice = on; }
    bool sessionOnlyAdvice() const { return m_sessionOnlyAdvice; }

    // True when entries outlive the process (the OS keychain); false for memory.
    virtual bool isPersistent() const = 0;
    // "Secret Service", "macOS Keychain", "memory"...: for messages and logs.
    virtual QString backendName() const = 0;

    SecretJob *read(const QString &key);
    // Takes the secret; it is wiped once the backend no longer needs it.
    SecretJob *write(const QString &key, SecretBuffer secret);
    // Removing an entry that does not exist succeeds.
    SecretJob *remove(const QString &key);

    // What a failure means and what to do, shared by every backend so the user reads the same
    // advice whatever the store.
    static QString errorMessage(SecretError error, SecretJob::Operation operation,
                                const QString &backendDetail, int timeoutMs);
    static QString errorHint(SecretError error, SecretJob::Operation operation,
                             bool sessionOnlyAdvice = true);
    // Whether errorHint() ends with the "for this session only" way out.
    static bool hintOffersSessionOnly(SecretError error, SecretJob::Operation operation,
                                      bool sessionOnlyAdvice);

protected:
    explicit SecretStore(QString service, QObject *parent = nullptr);

    // One job of the backend's, not started yet; secret is what a write stores (empty otherwise).
    virtual SecretJob *createJob(SecretJob::Operation operation, const QString &key, SecretBuffer secret) = 0;

private:
    SecretJob *started(SecretJob *job);

    QString m_service;
    int m_timeoutMs = kDefaultTimeoutMs;
    bool m_sessionOnlyAdvice = true;
};

} // namespace aikeys
