#pragma once

#include "atlas/apierror.h"
#include "atlas/digest.h"
#include "security/secretbuffer.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

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
    // Adds what authenticates the request (sent with verb); returns it, so that a 401 invalidates
    // exactly that.
    virtual QByteArray apply(QNetworkRequest &request, const QByteArray &verb);
    // After a 401, before invalidate(): the answer's WWW-Authenticate values, from url. An error when
    // the challenge must not be answered (another origin than the session's, a scheme that would expose
    // the secret); the call then ends with it and nothing more is sent.
    virtual ApiError acceptChallenge(const QUrl &url, const QList<QByteArray> &challenges);
    // After a 401: forgets the credential that failed; true if one renewal and retry make sense.
    virtual bool invalidate(const QByteArray &used);
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
    QByteArray apply(QNetworkRequest &request, const QByteArray &verb) override;
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

// Programmatic API key over HTTP Digest (RFC 7616), computed here rather than by
// QNetworkAccessManager, which would answer any host's challenge and Basic as readily as Digest. A
// challenge is taken only from the session's own scheme, host and port, and only Digest with qop=auth
// (MD5 or SHA-256); anything else ends the call with an error that says why, and the key is never
// sent. The nonce is reused with a growing count, so after the first exchange requests go out signed
// at once. A 401 whose challenge brings no new nonce means the key is wrong: one 401, no loop.
class ApiKeyAuthenticator final : public Authenticator
{
    Q_OBJECT

public:
    ApiKeyAuthenticator(AtlasSession *session, Credentials credentials);
    AuthMode mode() const override { return AuthMode::ApiKey; }
    QByteArray apply(QNetworkRequest &request, const QByteArray &verb) override;
    ApiError acceptChallenge(const QUrl &url, const QList<QByteArray> &challenges) override;
    bool invalidate(const QByteArray &used) override;
    ApiError unauthorizedError(const ApiError &fromServer) const override;
    void signOut(QObject *context, std::function<void()> done) override;

private:
    Credentials m_credentials;
    std::optional<digest::DigestChallenge> m_challenge;
    quint32 m_nonceCount = 0;
};

// A bearer token the user already has; nothing to renew.
class AccessTokenAuthenticator final : public Authenticator
{
    Q_OBJECT

public:
    AccessTokenAuthenticator(AtlasSession *session, Credentials credentials);
    AuthMode mode() const override { return AuthMode::AccessToken; }
    void prepare(QObject *context, Done done) override;
    QByteArray apply(QNetworkRequest &request, const QByteArray &verb) override;
    ApiError unauthorizedError(const ApiError &fromServer) const override;
    void signOut(QObject *context, std::function<void()> done) override;

private:
    QByteArray m_bearer;
};

} // namespace aikeys
