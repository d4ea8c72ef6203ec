#include "auth.h"

#include "principals.h"
#include "timeutil.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(out.data()), n / 4);
    return out;
}

// Splits `a="x", b=y, c="with \"escape\""` into a map with lowercase keys.
bool parseAuthParams(const QByteArray &text, QHash<QByteArray, QByteArray> *out)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && (text[i] == ' ' || text[i] == ',' || text[i] == '\t'))
            ++i;
        if (i >= n)
            break;
        const qsizetype keyStart = i;
        while (i < n && text[i] != '=' && text[i] != ',' && text[i] != ' ')
            ++i;
        const QByteArray key = text.mid(keyStart, i - keyStart).toLower();
        while (i < n && text[i] == ' ')
            ++i;
        if (i >= n || text[i] != '=' || key.isEmpty())
            return false;
        ++i;
        while (i < n && text[i] == ' ')
            ++i;
        QByteArray value;
        if (i < n && text[i] == '"') {
            ++i;
            bool closed = false;
            while (i < n) {
                if (text[i] == '\\' && i + 1 < n) {
                    value.append(text[i + 1]);
                    i += 2;
                } else if (text[i] == '"') {
                    closed = true;
                    ++i;
                    break;
                } else {
                    value.append(text[i++]);
                }
            }
            if (!closed)
                return false;
        } else {
            const qsizetype valueStart = i;
            while (i < n && text[i] != ',' && text[i] != ' ')
                ++i;
            value = text.mid(valueStart, i - valueStart);
        }
        out->insert(key, value);
    }
    return true;
}

} // namespace

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

DigestAuth::DigestAuth(const Principals &principals, int nonceTtlSeconds)
    : m_principals(principals)
    , m_nonceTtlMs(qint64(nonceTtlSeconds) * 1000)
    , m_nonceKey(randomBytes(32))
{}

QByteArray DigestAuth::makeNonce(qint64 issuedMs) const
{
    const QByteArray stamp = QByteArray::number(issuedMs, 16).rightJustified(12, '0');
    const QByteArray mac = QMessageAuthenticationCode::hash(stamp, m_nonceKey, QCryptographicHash::Sha256);
    return stamp + mac.toHex().left(32);
}

bool DigestAuth::nonceGenuine(const QByteArray &nonce, qint64 *issuedMs) const
{
    if (nonce.size() != 44)
        return false;
    const QByteArray stamp = nonce.left(12);
    const QByteArray expected =
        QMessageAuthenticationCode::hash(stamp, m_nonceKey, QCryptographicHash::Sha256).toHex().left(32);
    bool ok = false;
    *issuedMs = stamp.toLongLong(&ok, 16);
    return ok && constantTimeEquals(expected, nonce.mid(12));
}

QByteArray DigestAuth::challenge(bool stale) const
{
    return "Digest realm=\"" + QByteArray(kRealm) + "\", domain=\"\", nonce=\"" + makeNonce(nowMs()) +
           "\", algorithm=MD5, qop=\"auth\", stale=" + (stale ? "true" : "false");
}

DigestAuth::Outcome DigestAuth::verify(const QByteArray &method, const QByteArray &authorization,
                                       const QString &path, const Principal **principal) const
{
    if (authorization.isEmpty())
        return Outcome::Missing;
    if (!authorization.startsWith("Digest ") && !authorization.startsWith("digest "))
        return Outcome::Missing;

    QHash<QByteArray, QByteArray> params;
    if (!parseAuthParams(authorization.mid(7), &params))
        return Outcome::Malformed;
    const QByteArray username = params.value("username");
    const QByteArray nonce = params.value("nonce");
    const QByteArray uri = params.value("uri");
    const QByteArray response = params.value("response").toLower();
    const QByteArray qop = params.value("qop");
    const QByteArray algorithm = params.value("algorithm", "MD5");
    if (username.isEmpty() || nonce.isEmpty() || uri.isEmpty() || response.isEmpty())
        return Outcome::Malformed;
    if (params.value("realm") != kRealm || algorithm.compare("MD5", Qt::CaseInsensitive) != 0)
        return Outcome::WrongCredentials;
    if (!qop.isEmpty() && (qop != "auth" || !params.contains("nc") || !params.contains("cnonce")))
        return Outcome::Malformed;

    // The uri signed must be this request's target. Qt signs path and query, curl too; compare paths.
    const QByteArray uriPath = uri.left(uri.indexOf('?') < 0 ? uri.size() : uri.indexOf('?'));
    if (QUrl::fromPercentEncoding(uriPath) != path)
        return Outcome::WrongCredentials;

    const Principal *p = m_principals.apiKey(QString::fromUtf8(username));
    if (!p)
        return Outcome::WrongCredentials;

    const QByteArray ha1 = md5Hex(username + ':' + kRealm + ':' + p->secret);
    const QByteArray ha2 = md5Hex(method + ':' + uri);
    const QByteArray expected = qop.isEmpty() ? md5Hex(ha1 + ':' + nonce + ':' + ha2)
                                              : md5Hex(ha1 + ':' + nonce + ':' + params.value("nc") + ':' +
                                                       params.value("cnonce") + ':' + qop + ':' + ha2);
    if (!constantTimeEquals(expected, response))
        return Outcome::WrongCredentials;

    // Right credentials on a nonce we did not issue (a restart) or one that has expired: tell the client
    // to sign again with a fresh nonce, without asking the user for the password.
    qint64 issuedMs = 0;
    if (!nonceGenuine(nonce, &issuedMs) || nowMs() - issuedMs > m_nonceTtlMs)
        return Outcome::Stale;

    *principal = p;
    return Outcome::Ok;
}

TokenService::TokenService(int ttlSeconds)
    : m_ttlSeconds(ttlSeconds)
{}

QByteArray TokenService::issue(const Principal &principal)
{
    const qint64 now = nowMs();
    prune(now);
    const QByteArray token =
        randomBytes(36).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    m_tokens.insert(token, Token{&principal, now + qint64(m_ttlSeconds) * 1000, false});
    return token;
}

TokenService::State TokenService::check(const QByteArray &token, const Principal **principal) const
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.cend())
        return State::Unknown;
    if (it->revoked)
        return State::Revoked;
    if (nowMs() >= it->expiresMs)
        return State::Expired;
    *principal = it->principal;
    return State::Valid;
}

bool TokenService::revoke(const QByteArray &token, const Principal &client)
{
    const auto it = m_tokens.find(token);
    if (it == m_tokens.end())
        return true;
    if (it->principal != &client)
        return false;
    it->revoked = true;
    return true;
}

void TokenService::prune(qint64 nowMs)
{
    // Expired tokens are kept one more TTL so that their callers still hear "expired", then forgotten.
    if (m_tokens.size() < 1024)
        return;
    const qint64 grace = qint64(m_ttlSeconds) * 1000;
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (it->expiresMs + grace < nowMs)
            it = m_tokens.erase(it);
        else
            ++it;
    }
}

bool parseBasic(const QByteArray &authorization, QString *user, QByteArray *password)
{
    if (!authorization.startsWith("Basic ") && !authorization.startsWith("basic "))
        return false;
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(authorization.mid(6).trimmed());
    if (!decoded)
        return false;
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (colon < 0)
        return false;
    *user = QString::fromUtf8(decoded.decoded.left(colon));
    *password = decoded.decoded.mid(colon + 1);
    return true;
}

QByteArray bearerToken(const QByteArray &authorization)
{
    if (!authorization.startsWith("Bearer ") && !authorization.startsWith("bearer "))
        return {};
    return authorization.mid(7).trimmed();
}

} // namespace aikeys::sim
