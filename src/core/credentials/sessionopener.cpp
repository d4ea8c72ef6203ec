#include "credentials/sessionopener.h"

#include "atlas/atlasclient.h"
#include "atlas/requestdefaults.h"
#include "credentials/credentialmanager.h"
#include "credentials/profilestore.h"
#include "logging.h"

#include <QNetworkAccessManager>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
// A discarded session gets this long to revoke its token before it is deleted regardless.
constexpr int kDiscardTimeoutMs = 10000;
} // namespace

SessionOpener::SessionOpener(CredentialManager *credentials, QObject *parent)
    : Job(parent)
    , m_credentials(credentials)
{}

SessionOpener::~SessionOpener()
{
    if (m_verifyJob) {
        disconnect(m_verifyJob, nullptr, this, nullptr);
        m_verifyJob->cancel();
    }
    discardSession();
}

SessionConfig SessionOpener::configFor(const Profile &profile)
{
    SessionConfig config;
    if (const Result<QUrl> url = normalizeBaseUrl(profile.baseUrl.toString()))
        config.baseUrl = url.value();
    return config;
}

bool SessionOpener::start(const Profile &profile)
{
    Q_ASSERT(!m_started);
    if (m_started) {
        qCWarning(lcCredentials) << "SessionOpener reused; start a new one per attempt";
        return false;
    }
    m_started = true;
    m_profile = profile;
    m_config = configFor(profile);
    if (m_transferTimeoutMs > 0)
        m_config.transferTimeoutMs = m_transferTimeoutMs;

    // Only what stops a sign-in: a base URL that would leak the credentials or cannot work, or no
    // public half. A bad default org id or a missing name do not.
    QStringList problems;
    for (const ProfileIssue &issue : profile.validate()) {
        if (issue.field == ProfileIssue::Field::BaseUrl || issue.field == ProfileIssue::Field::PublicId)
            problems << issue.message;
    }
    if (!problems.isEmpty()) {
        const ApiError error = ApiError::invalidInput(problems.join(u'\n'));
        QMetaObject::invokeMethod(
            this, [this, error] { fail(error); }, Qt::QueuedConnection);
        return false;
    }
    qCInfo(lcCredentials).noquote() << "Signing in with profile" << profile.name
                                    << profileIdString(profile.id) << "to"
                                    << m_config.baseUrl.toDisplayString();
    return true;
}

void SessionOpener::open(const Profile &profile)
{
    if (!start(profile))
        return;
    const QString kind = secretKindDisplayName(profile.secretKind());
    const std::optional<Profile> stored =
        m_credentials && !profile.id.isNull() ? m_credentials->profiles()->find(profile.id) : std::nullopt;
    if (!stored) {
        const ApiError error = ApiError::keychain(
            tr("No %1 is stored for profile \"%2\": it has not been saved.").arg(kind, profile.name),
            tr("Enter the %1 to sign in.").arg(kind));
        QMetaObject::invokeMethod(
            this, [this, error] { fail(error, true, SecretError::NotFound); }, Qt::QueuedConnection);
        return;
    }
    if (stored->secretKind() != profile.secretKind()) {
        const ApiError error = ApiError::keychain(
            tr("Profile \"%1\" now signs in with a %2, and the stored %3 does not work with it.")
                .arg(profile.name, authModeDisplayName(profile.authMode).toLower(),
                     secretKindDisplayName(stored->secretKind())),
            tr("Enter the %1 to sign in.").arg(kind));
        QMetaObject::invokeMethod(
            this, [this, error] { fail(error, true, SecretError::NotFound); }, Qt::QueuedConnection);
        return;
    }

    CredentialJob *job = m_credentials->loadCredentials(profile.id);
    m_loadJob = job;
    connect(job, &CredentialJob::finished, this, [this, j = job] {
        m_loadJob = nullptr;
        if (isFinished() || m_canceling)
            return; // cancelled while the keychain was busy; the job wipes what it read
        if (!j->succeeded()) {
            const bool keychain = j->error().kind() == ApiError::Kind::Keychain;
            fail(j->error(), keychain, j->secretError());
            return;
        }
        Credentials credentials = j->takeCredentials();
        // The profile's fields as given win over the stored ones (an unsaved edit of the public
        // half, for a connection test); the secret's kind was checked above.
        credentials.mode = m_profile.authMode;
        credentials.id =
            m_profile.authMode == AuthMode::AccessToken ? QString() : m_profile.publicId.trimmed();
        build(std::move(credentials));
    });
}

void SessionOpener::openWith(const Profile &profile, Credentials credentials)
{
    if (!start(profile)) {
        credentials.secret.wipe();
        return;
    }
    if (credentials.secret.isEmpty()) {
        const QString kind = secretKindDisplayName(profile.secretKind());
        const ApiError error =
            ApiError::keychain(tr("No %1 was entered.").arg(kind), tr("Enter the %1 to sign in.").arg(kind));
        QMetaObject::invokeMethod(
            this, [this, error] { fail(error, true, SecretError::NotFound); }, Qt::QueuedConnection);
        return;
    }
    // Credentials are move-only: hold them here until the event loop turns, so that finished()
    // never comes from inside this call.
    auto held = std::make_shared<Credentials>(std::move(credentials));
    QMetaObject::invokeMethod(
        this,
        [this, held] {
            if (isFinished() || m_canceling) {
                held->secret.wipe();
                return;
            }
            build(std::move(*held));
        },
        Qt::QueuedConnection);
}

void SessionOpener::build(Credentials credentials)
{
    auto *session =
        new AtlasSession(m_config, std::move(credentials), requestdefaults::newNetworkManager(), this);
    m_session = session;
    if (!m_verify) {
        succeed();
        return;
    }
    AtlasClient client(session);
    ListJob<Organization> *job = client.listOrganizations();
    m_verifyJob = job;
    connect(job, &Job::finished, this, [this, job] {
        m_verifyJob = nullptr;
        if (isFinished())
            return;
        if (job->error()) {
            fail(job->error());
            return;
        }
        m_organizations = job->items();
        qCInfo(lcCredentials).noquote() << "Credentials of profile" << m_profile.name << "accepted;"
                                        << m_organizations.size() << "organization(s) visible";
        succeed();
    });
}

void SessionOpener::cancel()
{
    if (!m_started || isFinished() || m_canceling)
        return;
    if (m_verifyJob) {
        disconnect(m_verifyJob, nullptr, this, nullptr);
        m_verifyJob->cancel();
        m_verifyJob = nullptr;
    }
    if (m_loadJob) {
        disconnect(m_loadJob, nullptr, this, nullptr);
        m_loadJob->cancel();
        m_loadJob = nullptr;
    }
    // Queued, so that finished() never comes from inside the call; meanwhile a keychain answer or a
    // typed secret arriving is ignored.
    m_canceling = true;
    QMetaObject::invokeMethod(
        this, [this] { fail(ApiError::canceled()); }, Qt::QueuedConnection);
}

void SessionOpener::fail(const ApiError &error, bool needsSecret, SecretError secretError)
{
    if (isFinished())
        return;
    m_needsSecret = needsSecret;
    m_secretError = secretError;
    qCInfo(lcCredentials).noquote() << "Sign-in with profile" << m_profile.name
                                    << "failed:" << error.message();
    discardSession();
    finishWith(error);
}

void SessionOpener::succeed()
{
    if (isFinished())
        return;
    if (m_recordUse && m_credentials)
        m_credentials->markUsed(m_profile.id);
    finishWith({});
}

AtlasSession *SessionOpener::takeSession()
{
    if (!succeeded() || !m_session)
        return nullptr;
    AtlasSession *session = m_session;
    m_session = nullptr;
    session->setParent(nullptr);
    return session;
}

void SessionOpener::discardSession()
{
    AtlasSession *session = m_session;
    m_session = nullptr;
    if (!session)
        return;
    // A service account may hold a token by now (a 403 after the token was issued): revoke it
    // rather than let it live on at Atlas until it expires.
    session->setParent(nullptr);
    connect(session, &AtlasSession::signedOut, session, &QObject::deleteLater);
    QTimer::singleShot(kDiscardTimeoutMs, session, &QObject::deleteLater);
    session->signOut();
}

} // namespace aikeys
