#include "atlas/auth.h"

#include "atlas/apicall.h"
#include "atlas/session.h"
#include "logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

QString authModeId(AuthMode mode)
{
    switch (mode) {
    case AuthMode::ServiceAccount:
        return u"service-account"_s;
    case AuthMode::ApiKey:
        return u"api-key"_s;
    case AuthMode::AccessToken:
        return u"access-token"_s;
    }
    return {};
}

std::optional<AuthMode> authModeFromId(QStringView id)
{
    if (id == u"service-account")
        return AuthMode::ServiceAccount;
    if (id == u"api-key")
        return AuthMode::ApiKey;
    if (id == u"access-token")
        return AuthMode::AccessToken;
    return std::nullopt;
}

QString authModeDisplayName(AuthMode mode)
{
    switch (mode) {
    case AuthMode::ServiceAccount:
        return QCoreApplication::translate("aikeys::Auth", "Service account");
    case AuthMode::ApiKey:
        return QCoreApplication::translate("aikeys::Auth", "Programmatic API key");
    case AuthMode::AccessToken:
        return QCoreApplication::translate("aikeys::Auth", "Access token");
    }
    return {};
}

Authenticator::Authenticator(AtlasSession *session)
    : QObject(nullptr)
    , m_session(session)
{}

Authenticator::~Authenticator() = default;

void Authenticator::prepare(QObject *context, Done done)
{
    Q_UNUSED(context)
    done(ApiError());
}

QByteArray Authenticator::apply(QNetworkRequest &request, const QByteArray &verb)
{
    Q_UNUSED(request)
    Q_UNUSED(verb)
    return {};
}

ApiError Authenticator::acceptChallenge(const QUrl &url, const QList<QByteArray> &challenges)
{
    Q_UNUSED(url)
    Q_UNUSED(challenges)
    return {};
}

bool Authenticator::invalidate(const QByteArray &used)
{
    Q_UNUSED(used)
    return false;
}

void Authenticator::signOut(QObject *context, std::function<void()> done)
{
    Q_UNUSED(context)
    done();
}

bool readTokenAnswer(const QByteArray &body, SecretBuffer *token, qint64 *lifetimeSeconds)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QString accessToken = o.value("access_token"_L1).toString();
    // A lifetime of 2^62 seconds once overflowed the milliseconds computed from it.
    *lifetimeSeconds =
        std::clamp<qint64>(o.value("expires_in"_L1).toInteger(3600), 1, kMaxTokenLifetimeSeconds);
    if (accessToken.isEmpty())
        return false;
    *token = SecretBuffer::fromUtf8(accessToken);
    SecretBuffer::wipeString(accessToken);
    return true;
}

std::unique_ptr<Authenticator> Authenticator::create(AtlasSession *session, Credentials credentials)
{
    switch (credentials.mode) {
    case AuthMode::ServiceAccount:
        return std::make_unique<ServiceAccountAuthenticator>(session, std::move(credentials));
    case AuthMode::ApiKey:
        return std::make_unique<ApiKeyAuthenticator>(session, std::move(credentials));
    case AuthMode::AccessToken:
        return std::make_unique<AccessTokenAuthenticator>(session, std::move(credentials));
    }
    return nullptr;
}

// ---- service account

namespace {
// Renew this long before the server's expiry (a quarter of a short lifetime), so a call never goes
// out with a dying token.
constexpr qint64 kRenewMarginSeconds = 60;
// A token answer is a few hundred bytes of JSON (an error page a few KiB).
constexpr qint64 kMaxTokenAnswerBytes = 64 * 1024;

class TokenCall final : public ApiCall
{
public:
    using ApiCall::ApiCall;
    SecretBuffer token;
    qint64 expiresIn = 0;

protected:
    ApiError parse(QByteArray &body) override
    {
        if (!readTokenAnswer(body, &token, &expiresIn))
            return ApiError::invalidResponse(tr("the token endpoint's answer holds no access_token"),
                                             request().verb, request().path);
        return {};
    }
};
} // namespace

ServiceAccountAuthenticator::ServiceAccountAuthenticator(AtlasSession *session, Credentials credentials)
    : Authenticator(session)
    , m_credentials(std::move(credentials))
{}

ServiceAccountAuthenticator::~ServiceAccountAuthenticator()
{
    clearToken();
}

QByteArray ServiceAccountAuthenticator::basicAuthorization() const
{
    QByteArray pair = m_credentials.id.toUtf8() + ':' + m_credentials.secret.reveal();
    QByteArray header = "Basic " + pair.toBase64();
    SecretBuffer::wipeBytes(pair);
    return header;
}

bool ServiceAccountAuthenticator::tokenUsable() const
{
    if (m_bearer.isEmpty())
        return false;
    return nowFrom(session()->config().clock).msecsTo(m_expiresAt) > m_renewMarginMs;
}

void ServiceAccountAuthenticator::clearToken()
{
    SecretBuffer::wipeBytes(m_bearer);
    m_bearer.clear();
    m_expiresAt = QDateTime();
}

void ServiceAccountAuthenticator::prepare(QObject *context, Done done)
{
    if (tokenUsable()) {
        done(ApiError());
        return;
    }
    m_waiters.append({QPointer<QObject>(context), std::move(done)});
    if (!m_fetch)
        fetchToken();
}

void ServiceAccountAuthenticator::fetchToken()
{
    ++m_fetchCount;
    ApiRequest req;
    req.verb = "POST";
    req.path = u"/api/oauth/token"_s;
    req.mediaType = MediaType::Json;
    req.contentType = "application/x-www-form-urlencoded";
    req.body = "grant_type=client_credentials";
    req.headers.append({"Authorization", basicAuthorization()});
    req.authenticated = false;
    req.idempotent = true; // asking for a token twice creates nothing
    req.secretBearing = true;
    req.maxResponseBytes = kMaxTokenAnswerBytes;
    auto *call = new TokenCall(session(), req, this);
    m_fetch = call;
    qCInfo(lcAuth) << "requesting a service-account token";
    connect(call, &Job::finished, this, [this, call] {
        m_fetch = nullptr;
        ApiError error = call->error();
        if (!error) {
            clearToken();
            m_bearer = "Bearer " + call->token.reveal();
            const qint64 lifetime = call->expiresIn;
            m_expiresAt = nowFrom(session()->config().clock).addSecs(lifetime);
            m_renewMarginMs = qMin(kRenewMarginSeconds * 1000, lifetime * 1000 / 4);
            call->token.wipe();
            qCInfo(lcAuth) << "service-account token valid for" << call->expiresIn << "s";
        } else if (error.kind() == ApiError::Kind::Http &&
                   (error.httpStatus() == 400 || error.httpStatus() == 401)) {
            error = ApiError::wrongCredentials(
                tr("the service account's client ID or secret was not accepted by the token endpoint."));
        }
        notifyWaiters(error);
    });
    call->start();
}

void ServiceAccountAuthenticator::notifyWaiters(const ApiError &error)
{
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &[context, done] : waiters) {
        if (context)
            done(error);
    }
}

QByteArray ServiceAccountAuthenticator::apply(QNetworkRequest &request, const QByteArray &verb)
{
    Q_UNUSED(verb)
    request.setRawHeader("Authorization", m_bearer);
    return m_bearer;
}

bool ServiceAccountAuthenticator::invalidate(const QByteArray &used)
{
    // Only forget the token if it is the one that failed: a newer one may already be here.
    if (!used.isEmpty() && used == m_bearer)
        clearToken();
    return true;
}

ApiError ServiceAccountAuthenticator::unauthorizedError(const ApiError &fromServer) const
{
    Q_UNUSED(fromServer)
    return ApiError::wrongCredentials(
        tr("a freshly issued service-account token was refused. The service account may have been "
           "deleted or lack access, or its secret revoked."));
}

void ServiceAccountAuthenticator::signOut(QObject *context, std::function<void()> done)
{
    if (m_fetch)
        m_fetch->cancel();
    if (m_bearer.isEmpty()) {
        m_credentials.secret.wipe();
        done();
        return;
    }
    ApiRequest req;
    req.verb = "POST";
    req.path = u"/api/oauth/revoke"_s;
    req.mediaType = MediaType::Json;
    req.contentType = "application/x-www-form-urlencoded";
    QByteArray token = m_bearer.mid(int(qstrlen("Bearer ")));
    req.body = "token=" + token.toPercentEncoding() + "&token_type_hint=access_token";
    SecretBuffer::wipeBytes(token);
    req.headers.append({"Authorization", basicAuthorization()});
    req.authenticated = false;
    req.idempotent = true;
    req.secretBearing = true;
    req.maxResponseBytes = kMaxTokenAnswerBytes;
    // Signing out must not keep the user waiting: one try, bounded; the token expires anyway.
    req.transferTimeoutMs =
        std::min(session()->config().signOutTimeoutMs, session()->config().transferTimeoutMs);
    req.maxAttempts = 1;
    auto *call = new ApiCall(session(), req, this);
    QPointer<QObject> ctx(context);
    connect(call, &Job::finished, this, [this, call, ctx, done] {
        if (call->error())
            qCInfo(lcAuth).noquote() << "token revocation failed:" << call->error().message();
        else
            qCInfo(lcAuth) << "service-account token revoked";
        clearToken();
        m_credentials.secret.wipe();
        if (ctx)
            done();
    });
    call->start();
}

// ---- API key (Digest)

ApiKeyAuthenticator::ApiKeyAuthenticator(AtlasSession *session, Credentials credentials)
    : Authenticator(session)
    , m_credentials(std::move(credentials))
{}

namespace {
bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto port = [](const QUrl &u) { return u.port(u.scheme() == u"https"_s ? 443 : 80); };
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           port(a) == port(b);
}
} // namespace

QByteArray ApiKeyAuthenticator::apply(QNetworkRequest &request, const QByteArray &verb)
{
    // Until the server has issued a nonce the request goes unsigned; its 401 brings one.
    if (!m_challenge || m_credentials.secret.isEmpty())
        return {};
    const QUrl url = request.url();
    QByteArray uri = url.path(QUrl::FullyEncoded).toLatin1();
    if (url.hasQuery())
        uri += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    const QByteArray cnonce = QByteArray::number(QRandomGenerator::system()->generate64(), 16) +
                              QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    const QByteArray header = digest::authorization(*m_challenge, verb, uri, m_credentials.id.toUtf8(),
                                                    m_credentials.secret.reveal(), cnonce, ++m_nonceCount);
    request.setRawHeader("Authorization", header);
    return header;
}

ApiError ApiKeyAuthenticator::acceptChallenge(const QUrl &url, const QList<QByteArray> &challenges)
{
    const QUrl base = session()->config().baseUrl;
    if (!sameOrigin(url, base)) {
        qCInfo(lcAuth).noquote() << "refused an authentication challenge from" << url.host();
        return ApiError::invalidResponse(
            tr("%1 asked for the API key, which is sent only to %2; it was not sent.")
                .arg(url.authority(), base.authority()));
    }
    QString why;
    const std::optional<digest::DigestChallenge> chosen =
        digest::chooseDigest(digest::parseChallenges(challenges), &why);
    if (!chosen) {
        qCInfo(lcAuth).noquote() << "did not answer the challenge:" << why;
        return ApiError::invalidResponse(tr("the API key was not sent: %1 Check the base URL; a proxy that "
                                            "inspects HTTPS traffic can also "
                                            "change how the server asks.")
                                             .arg(why));
    }
    if (!m_challenge || m_challenge->nonce != chosen->nonce) {
        m_challenge = chosen;
        m_nonceCount = 0;
    }
    return {};
}

bool ApiKeyAuthenticator::invalidate(const QByteArray &used)
{
    // Worth one more try only with a nonce the failed request did not use (the first exchange, or a
    // stale nonce replaced); the same nonce refused again means the key itself is wrong.
    if (!m_challenge)
        return false;
    return used.isEmpty() || !used.contains(QByteArray("nonce=\"" + m_challenge->nonce + '"'));
}

ApiError ApiKeyAuthenticator::unauthorizedError(const ApiError &fromServer) const
{
    Q_UNUSED(fromServer)
    return ApiError::wrongCredentials(
        tr("the programmatic API key (public key \"%1\" and its private key) was "
           "refused.")
            .arg(m_credentials.id));
}

void ApiKeyAuthenticator::signOut(QObject *context, std::function<void()> done)
{
    Q_UNUSED(context)
    m_credentials.secret.wipe();
    done();
}

// ---- access token

AccessTokenAuthenticator::AccessTokenAuthenticator(AtlasSession *session, Credentials credentials)
    : Authenticator(session)
    , m_bearer("Bearer " + credentials.secret.reveal())
{
    credentials.secret.wipe();
}

void AccessTokenAuthenticator::prepare(QObject *context, Done done)
{
    Q_UNUSED(context)
    if (m_bearer.isEmpty())
        done(ApiError::wrongCredentials(tr("there is no access token.")));
    else
        done(ApiError());
}

QByteArray AccessTokenAuthenticator::apply(QNetworkRequest &request, const QByteArray &verb)
{
    Q_UNUSED(verb)
    request.setRawHeader("Authorization", m_bearer);
    return m_bearer;
}

ApiError AccessTokenAuthenticator::unauthorizedError(const ApiError &fromServer) const
{
    Q_UNUSED(fromServer)
    return ApiError::wrongCredentials(
        tr("the access token was refused; access tokens are short-lived, so it has probably expired. Get a "
           "new one, or sign in with a service account instead."));
}

void AccessTokenAuthenticator::signOut(QObject *context, std::function<void()> done)
{
    Q_UNUSED(context)
    SecretBuffer::wipeBytes(m_bearer);
    m_bearer.clear();
    done();
}

} // namespace aikeys
