#pragma once

#include "atlas/apierror.h"
#include "security/secretbuffer.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAuthenticator;
class QNetworkReply;
class QNetworkRequest;

namespace aikeys {

class AtlasSession;
class ApiCall;

enum class AuthMode { ServiceAccount, ApiKey, AccessToken };

// Stable spellings used in settings and on the command line.
QString authModeId(AuthMode mode);
std::optional<AuthMode> authModeFromId(QStringView id);
QString authModeDisplayName(AuthMode mode);

// The longest token lifetime believed from a token endpoint (a day; Atlas issues one hour).
inline constexpr qint64 kMaxTokenLifetimeSeconds = 24 * 3600;

// Reads the token endpoint's answer (RFC 6749 section 5.1): the access token into token, its
// lifetime into lifetimeSeconds (3600 when absent). Returns false when it holds no access_token.
// The lifetime is the server's number and feeds clock arithmetic, so it is clamped to
// 1..kMaxTokenLifetimeSeconds.
bool readTokenAnswer(const QByteArray &body, SecretBuffer *token, qint64 *lifetimeSeconds);

struct Credentials
{
    AuthMode mode = AuthMode::ServiceAccount;
    QString id; // client id or public key; empty for an access token
    SecretBuffer secret;

    Credentials clone() const { return {mode, id, secret.clone()}; }
};

// How one session proves who it is. A strategy per auth mode, owned by the session.
class Authenticator : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ApiError &)>;

    explicit Authenticator(AtlasSession *session);
    ~Authenticator() override;

    virtual AuthMode mode() const = 0;
    // Calls done (possibly at once) when apply() can authenticate a request, or with why not.
    virtual void prepare(QObject *context, Done done);
    // Adds what authenticates the request; returns it, so that a 401 invalidates exactly that.
    virtual QByteArray apply(QNetworkRequest &request) const;
    // After a 401: forgets the credential that failed; true if one renewal and retry make sense.
    virtual bool invalidate(const QByteArray &used);
    // The Digest challenge of QNetworkAccessManager::authenticationRequired.
    virtual void answerChallenge(QNetworkReply *reply, QAuthenticator *authenticator);
    virtual ApiError unauthorizedError(const ApiError &fromServer) const = 0;
    // Revokes what can be revoked, then forgets the credentials. done is always called.
    virtual void signOut(QObject *context, std::function<void()> done);

    static std::unique_ptr<Authenticator> create(AtlasSession *session, Credentials credentials);

protected:
    AtlasSession *session() const { return m_session; }

private:
    AtlasSession *m_session;
};

// OAuth 2 client credentials: one token fetch for any number of concurrent calls, renewed shortly
// before it expires or once after a 401, revoked on sign-out.
class ServiceAccountAuthenticator final : public Authenticator
{
    Q_OBJECT

public:
    ServiceAccountAuthenticator(AtlasSession *session, Credentials credentials);
    ~ServiceAccountAuthenticator() override;

    AuthMode mode() const override { return AuthMode::ServiceAccount; }
    void prepare(QObject *context, Done done) override;
    QByteArray apply(QNetworkRequest &request) const override;
    bool invalidate(const QByteArray &used) override;
    ApiError unauthorizedError(const ApiError &fromServer) const override;
    void signOut(QObject *context, std::function<void()> done) override;

    int tokenFetchCount() const { return m_fetchCount; }
    bool hasToken() const { return !m_bearer.isEmpty(); }

private:
    bool tokenUsable() const;
    void fetchToken();
    void notifyWaiters(const ApiError &error);
    QByteArray basicAuthorization() const;
    void clearToken();

    Credentials m_credentials;
    QByteArray m_bearer; // "Bearer <token>", wiped when replaced
    QDateTime m_expiresAt;
    qint64 m_renewMarginMs = 0;
    QPointer<ApiCall> m_fetch;
    QList<std::pair<QPointer<QObject>, Done>> m_waiters;
    int m_fetchCount = 0;
};

// Programmatic API key over HTTP Digest, answered through QNetworkAccessManager's challenge. A
// second challenge for the same reply means the key is wrong: it is left unanswered, so the reply
// ends with one 401 instead of a loop.
class ApiKeyAuthenticator final : public Authenticator
{
    Q_OBJECT

public:
    ApiKeyAuthenticator(AtlasSession *session, Credentials credentials);
    AuthMode mode() const override { return AuthMode::ApiKey; }
    void answerChallenge(QNetworkReply *reply, QAuthenticator *authenticator) override;
    ApiError unauthorizedError(const ApiError &fromServer) const override;
    void signOut(QObject *context, std::function<void()> done) override;

private:
    Credentials m_credentials;
};

// A bearer token the user already has; nothing to renew.
class AccessTokenAuthenticator final : public Authenticator
{
    Q_OBJECT

public:
    AccessTokenAuthenticator(AtlasSession *session, Credentials credentials);
    AuthMode mode() const override { return AuthMode::AccessToken; }
    void prepare(QObject *context, Done done) override;
    QByteArray apply(QNetworkRequest &request) const override;
    ApiError unauthorizedError(const ApiError &fromServer) const override;
    void signOut(QObject *context, std::function<void()> done) override;

private:
    QByteArray m_bearer;
};

} // namespace aikeys
