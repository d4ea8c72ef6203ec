#include "oauth.h"

#include "auth.h"
#include "principals.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

bool isFormEncoded(const Request &request)
{
    QByteArray type = request.header("content-type");
    if (const qsizetype semicolon = type.indexOf(';'); semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower() == "application/x-www-form-urlencoded";
}

// Form values: '+' is a space, then percent-decoding (QUrlQuery alone leaves '+' as it is).
QString formValue(const Request &request, const QString &name)
{
    QByteArray body = request.body;
    body.replace('+', ' ');
    const QUrlQuery form(QString::fromUtf8(body));
    return form.queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

OAuthApi::OAuthApi(const Principals &principals, TokenService &tokens)
    : m_principals(principals)
    , m_tokens(tokens)
{}

Response OAuthApi::oauthError(int status, const QByteArray &error, const QString &description)
{
    const QJsonObject o{{u"error"_s, QString::fromLatin1(error)}, {u"error_description"_s, description}};
    Response r = jsonResponse(status, "application/json", QJsonDocument(o).toJson(QJsonDocument::Compact));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

QString OAuthApi::clientIdOf(const Request &request)
{
    QString user;
    QByteArray password;
    return parseBasic(request.header("authorization"), &user, &password) ? user : QString();
}

const Principal *OAuthApi::authenticate(const Request &request, Response *refusal) const
{
    QString user;
    QByteArray password;
    if (parseBasic(request.header("authorization"), &user, &password)) {
        // RFC 6749 form-encodes id and secret before Basic; most clients send them raw. Accept both.
        const Principal *p = m_principals.serviceAccount(user);
        if (!p)
            p = m_principals.serviceAccount(QUrl::fromPercentEncoding(user.toUtf8()));
        if (p && (constantTimeEquals(p->secret, password) ||
                  constantTimeEquals(p->secret, QByteArray::fromPercentEncoding(password)))) {
            return p;
        }
    }
    *refusal =
        oauthError(401, "invalid_client", u"Client authentication failed: unknown client or wrong secret."_s);
    refusal->setHeader("WWW-Authenticate", "Basic realm=\"MMS Public API\"");
    return nullptr;
}

Response OAuthApi::token(const Request &request, const Principal &client)
{
    if (!isFormEncoded(request))
        return oauthError(400, "invalid_request", u"Send the body as application/x-www-form-urlencoded."_s);
    const QString grant = formValue(request, u"grant_type"_s);
    if (grant.isEmpty())
        return oauthError(400, "invalid_request", u"grant_type is missing."_s);
    if (grant != "client_credentials"_L1)
        return oauthError(400, "unsupported_grant_type",
                          u"Only grant_type=client_credentials is supported."_s);
    const QByteArray token = m_tokens.issue(client);
    const QJsonObject o{{u"access_token"_s, QString::fromLatin1(token)},
                        {u"token_type"_s, u"Bearer"_s},
                        {u"expires_in"_s, m_tokens.ttlSeconds()}};
    Response r = jsonResponse(200, "application/json", QJsonDocument(o).toJson(QJsonDocument::Compact));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

Response OAuthApi::revoke(const Request &request, const Principal &client)
{
    if (!isFormEncoded(request))
        return oauthError(400, "invalid_request", u"Send the body as application/x-www-form-urlencoded."_s);
    const QString token = formValue(request, u"token"_s);
    if (token.isEmpty())
        return oauthError(400, "invalid_request", u"token is missing."_s);
    // RFC 7009: an unknown token is not an error; someone else's token is not ours to revoke.
    if (!m_tokens.revoke(token.toLatin1(), client))
        return oauthError(400, "invalid_request", u"That token was issued to another client."_s);
    Response r;
    r.status = 200;
    r.setHeader("Cache-Control", "no-store");
    return r;
}

} // namespace aikeys::sim
