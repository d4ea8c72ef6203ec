#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace aikeys::sim {

struct Principal;
class Principals;

// HTTP Digest (RFC 7616 subset: MD5, qop="auth") as the Atlas Admin API speaks it for API keys.
class DigestAuth
{
public:
    static constexpr auto kRealm = "MMS Public API";

    enum class Outcome { Ok, Missing, Malformed, WrongCredentials, Stale };

    DigestAuth(const Principals &principals, int nonceTtlSeconds);

    // The WWW-Authenticate value with a fresh nonce.
    QByteArray challenge(bool stale) const;

    // method is the request method; target is the request's path and query, to compare with "uri".
    Outcome verify(const QByteArray &method, const QByteArray &authorization, const QString &path,
                   const Principal **principal) const;

private:
    QByteArray makeNonce(qint64 issuedMs) const;
    // Nonces carry their issue time and an HMAC of it, so no table of nonces can grow without bound.
    bool nonceGenuine(const QByteArray &nonce, qint64 *issuedMs) const;

    const Principals &m_principals;
    qint64 m_nonceTtlMs;
    QByteArray m_nonceKey;
};

// OAuth client-credentials tokens for service accounts.
class TokenService
{
public:
    enum class State { Valid, Unknown, Expired, Revoked };

    explicit TokenService(int ttlSeconds);

    int ttlSeconds() const { return m_ttlSeconds; }
    QByteArray issue(const Principal &principal);
    State check(const QByteArray &token, const Principal **principal) const;
    // True when the token belonged to this client (now revoked) or was unknown; false when it was
    // issued to another client.
    bool revoke(const QByteArray &token, const Principal &client);

private:
    struct Token
    {
        const Principal *principal = nullptr;
        qint64 expiresMs = 0;
        bool revoked = false;
    };
    void prune(qint64 nowMs);

    int m_ttlSeconds;
    QHash<QByteArray, Token> m_tokens;
};

// Authorization header helpers shared by the token endpoint and the embeddings endpoint.
bool parseBasic(const QByteArray &authorization, QString *user, QByteArray *password);
QByteArray bearerToken(const QByteArray &authorization);
// Length-independent comparison for secrets and hashes.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace aikeys::sim
