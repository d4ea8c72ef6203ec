#include "credentials/secretstore.h"

#include "logging.h"
#include "settings.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace aikeys {

const char *SecretJob::operationName(Operation op)
{
    switch (op) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Remove:
        return "remove";
    }
    return "?";
}

QString secretErrorId(SecretError error)
{
    switch (error) {
    case SecretError::None:
        return u"none"_s;
    case SecretError::NotFound:
        return u"not-found"_s;
    case SecretError::NoBackend:
        return u"no-backend"_s;
    case SecretError::Locked:
        return u"locked"_s;
    case SecretError::AccessDenied:
        return u"access-denied"_s;
    case SecretError::TimedOut:
        return u"timed-out"_s;
    case SecretError::Other:
        return u"other"_s;
    }
    return {};
}

SecretJob::SecretJob(const SecretStore *store, Operation operation, QString key, SecretBuffer toWrite)
    : Job(nullptr)
    , m_toWrite(std::move(toWrite))
    , m_operation(operation)
    , m_service(store->service())
    , m_key(std::move(key))
    , m_timeoutMs(store->timeoutMs())
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        abandon();
        finish(SecretError::TimedOut);
    });
}

SecretJob::~SecretJob() = default;

void SecretJob::start()
{
    if (m_timeoutMs > 0)
        m_timeout.start(m_timeoutMs);
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!isFinished())
                run();
        },
        Qt::QueuedConnection);
}

void SecretJob::finish(SecretError error, const QString &backendDetail)
{
    if (isFinished())
        return;
    m_timeout.stop();
    m_secretError = error;
    m_backendDetail = backendDetail;
    if (error == SecretError::None)
        qCDebug(lcCredentials).noquote() << "Secret" << operationName(m_operation) << m_key << "ok";
    else
        qCInfo(lcCredentials).noquote() << "Secret" << operationName(m_operation) << m_key
                                        << "failed:" << secretErrorId(error) << backendDetail;
    finishWith(error == SecretError::None ? ApiError() : ApiError::keychain(message(), hint()));
}

void SecretJob::afterFinished()
{
    // Nobody took a read's secret: do not keep it around until deleteLater runs.
    m_secret.wipe();
}

void SecretJob::cancel()
{
    if (isFinished())
        return;
    m_timeout.stop();
    abandon();
    finishLater(ApiError::canceled());
}

void SecretJob::finishRead(SecretBuffer secret)
{
    if (isFinished())
        return;
    m_secret = std::move(secret);
    finish(SecretError::None);
}

QString SecretJob::message() const
{
    return SecretStore::errorMessage(m_secretError, m_operation, m_backendDetail, m_timeoutMs);
}

QString SecretJob::hint() const
{
    return SecretStore::errorHint(m_secretError, m_operation, m_sessionOnlyAdvice);
}

bool SecretJob::hintOffersSessionOnly() const
{
    return SecretStore::hintOffersSessionOnly(m_secretError, m_operation, m_sessionOnlyAdvice);
}

QString SecretJob::errorString() const
{
    if (m_secretError == SecretError::None)
        return {};
    return message() + u' ' + hint();
}

QString SecretStore::defaultService()
{
    return QString::fromLatin1(Settings::kAppId);
}

SecretStore::SecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

SecretStore::~SecretStore() = default;

SecretJob *SecretStore::started(SecretJob *job)
{
    job->m_sessionOnlyAdvice = m_sessionOnlyAdvice;
    job->start();
    return job;
}

SecretJob *SecretStore::read(const QString &key)
{
    return started(createJob(SecretJob::Operation::Read, key, {}));
}

SecretJob *SecretStore::write(const QString &key, SecretBuffer secret)
{
    return started(createJob(SecretJob::Operation::Write, key, std::move(secret)));
}

SecretJob *SecretStore::remove(const QString &key)
{
    return started(createJob(SecretJob::Operation::Remove, key, {}));
}

QString SecretStore::errorMessage(SecretError error, SecretJob::Operation operation,
                                  const QString &backendDetail, int timeoutMs)
{
    QString what;
    switch (operation) {
    case SecretJob::Operation::Read:
        what = tr("The secret could not be read from the keychain");
        break;
    case SecretJob::Operation::Write:
        what = tr("The secret could not be stored in the keychain");
        break;
    case SecretJob::Operation::Remove:
        what = tr("The secret could not be deleted from the keychain");
        break;
    }
    QString why;
    switch (error) {
    case SecretError::None:
        return {};
    case SecretError::NotFound:
        why = tr("there is no entry for this profile");
        break;
    case SecretError::NoBackend:
        why = tr("no keychain service is available (no Secret Service such as gnome-keyring or KWallet is "
                 "running in this session)");
        break;
    case SecretError::Locked:
        why = operation == SecretJob::Operation::Write
                  ? tr("the keychain is locked, or it has no default keyring to store into")
                  : tr("the keychain is locked, so its entries can be neither read nor deleted");
        break;
    case SecretError::AccessDenied:
        why = tr(
            "access was denied (the prompt was dismissed, or this app is not allowed to use the keychain; a "
            "locked keychain can also answer this way)");
        break;
    case SecretError::TimedOut:
        why = tr("the keychain did not answer within %1 seconds").arg(timeoutMs / 1000.0, 0, 'g', 3);
        break;
    case SecretError::Other:
        why = tr("the keychain reported an error");
        break;
    }
    QString text = tr("%1: %2.").arg(what, why);
    if (!backendDetail.isEmpty())
        text += u' ' + tr("(Keychain said: %1)").arg(backendDetail.left(300));
    return text;
}

bool SecretStore::hintOffersSessionOnly(SecretError error, SecretJob::Operation operation,
                                        bool sessionOnlyAdvice)
{
    if (!sessionOnlyAdvice || operation == SecretJob::Operation::Remove)
        return false;
    switch (error) {
    case SecretError::None:
        return false;
    case SecretError::NotFound:
        // A missing secret is entered again; keeping it in memory would not bring it back.
        return false;
    default:
        return true;
    }
}

QString SecretStore::errorHint(SecretError error, SecretJob::Operation operation, bool sessionOnlyAdvice)
{
    QString hint;
    switch (error) {
    case SecretError::None:
        return {};
    case SecretError::NotFound:
        if (operation != SecretJob::Operation::Read)
            return tr("Nothing to do.");
        hint = tr("Enter the secret again in the profile.");
        break;
    case SecretError::NoBackend:
        hint = tr("Install and start a keychain service (gnome-keyring or KWallet) and log in to a desktop "
                  "session.");
        break;
    case SecretError::Locked:
        hint = tr("Unlock your keyring, then try again: log out and in again (logging in unlocks it), or "
                  "unlock it in your desktop's password manager (Passwords and Keys, also called Seahorse; "
                  "KWallet Manager; Keychain Access).");
        break;
    case SecretError::AccessDenied:
        hint = tr("Try again and allow Atlas AI Keys when the keychain asks; if the keychain is locked, "
                  "unlock it in your desktop's password manager.");
        break;
    case SecretError::TimedOut:
        hint = tr("A keychain prompt may be waiting behind other windows: look for it, answer it, then try "
                  "again. If there is none, the keychain service may be stuck: restart it (or log out and "
                  "in).");
        break;
    case SecretError::Other:
        hint = tr("Try again. If it keeps failing, check your keychain service (gnome-keyring, KWallet, "
                  "Keychain Access, Windows Credential Manager).");
        break;
    }
    if (hintOffersSessionOnly(error, operation, sessionOnlyAdvice))
        hint += u' ' + tr("Or sign in for this session only: the secret is then kept in memory until the app "
                          "quits and is never written anywhere.");
    return hint;
}

} // namespace aikeys
