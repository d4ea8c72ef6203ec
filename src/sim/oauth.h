#pragma once

#include "httpmessage.h"

namespace aikeys::sim {

struct Principal;
class Principals;
class TokenService;

// POST /api/oauth/token and /api/oauth/revoke, split in two steps so that the server can inject
// faults between authenticating the client and doing the work.
class OAuthApi
{
public:
    OAuthApi(const Principals &principals, TokenService &tokens);

    // Reads the client id from Basic credentials (for the per-client rate limit). Empty if absent.
    static QString clientIdOf(const Request &request);
    // Checks the client's credentials: the principal, or the 401 invalid_client answer.
    const Principal *authenticate(const Request &request, Response *refusal) const;

    Response token(const Request &request, const Principal &client);
    Response revoke(const Request &request, const Principal &client);

    static Response oauthError(int status, const QByteArray &error, const QString &description);

private:
    const Principals &m_principals;
    TokenService &m_tokens;
};

} // namespace aikeys::sim
