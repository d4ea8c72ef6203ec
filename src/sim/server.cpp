#include "server.h"

#include "principals.h"
#include "store.h"
#include "timeutil.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

constexpr auto kAtlasPrefix = "/api/atlas/v2";
constexpr int kTokenRequestsPerMinute = 50;

} // namespace

SimServer::SimServer(const Options &options, Store &store, const Principals &principals, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(options)
    , m_store(store)
    , m_principals(principals)
    , m_idRng(quint32(options.seed ^ (options.seed >> 32)) ^ 0x1d5u)
    , m_digest(principals, options.nonceTtlSeconds)
    , m_tokens(options.tokenTtlSeconds)
    , m_requestLimiter(options.rateLimit)
    , m_tokenEndpointLimiter(kTokenRequestsPerMinute)
    , m_faults(options)
    , m_atlas(store, options.pagingFault, m_idRng)
    , m_oauth(principals, m_tokens)
    , m_embeddings(store)
{}

SimServer::Outcome SimServer::dispatch(const Request &request)
{
    const QString &path = request.path;
    if (path == QLatin1StringView(kAtlasPrefix) || path.startsWith(QLatin1StringView(kAtlasPrefix) + u'/'))
        return atlas(request);
    if (path == "/api/oauth/token"_L1)
        return oauthToken(request);
    if (path == "/api/oauth/revoke"_L1)
        return oauthRevoke(request);
    if (path == "/v1/embeddings"_L1)
        return embeddings(request);
    if (m_options.testClock && path == "/sim/test/clock"_L1)
        return testClock(request);
    Outcome o;
    o.response = apiError(404, u"RESOURCE_NOT_FOUND"_s, u"There is no endpoint at %1."_s.arg(path));
    setRateHeaders(o.response, m_requestLimiter.peek());
    return o;
}

// Tests move the simulator's clock forward instead of sleeping until a token or nonce expires. It
// changes what every client sees, so only the machine itself may ask.
SimServer::Outcome SimServer::testClock(const Request &request)
{
    Outcome o;
    if (!request.remoteAddress.isLoopback()) {
        o.response = apiError(403, u"FORBIDDEN"_s, u"The test clock answers requests from loopback only."_s);
        return o;
    }
    if (request.method != "POST") {
        o.response = apiError(405, u"METHOD_NOT_ALLOWED"_s, u"Use POST."_s);
        o.response.setHeader("Allow", "POST");
        return o;
    }
    bool ok = false;
    const qint64 seconds = request.query.queryItemValue(u"advanceSeconds"_s).toLongLong(&ok);
    if (!ok || seconds < 0 || seconds > 100000000) {
        o.response = apiError(400, u"INVALID_PARAMETER"_s,
                              u"advanceSeconds must be a whole number of seconds from 0 to 100000000."_s);
        return o;
    }
    advanceClock(seconds * 1000);
    o.response = jsonResponse(200, "application/json",
                              "{\"advancedSeconds\":" + QByteArray::number(clockAdvanceMs() / 1000) + "}");
    return o;
}

const Principal *SimServer::authenticate(const Request &request, Response *refusal) const
{
    const QByteArray authorization = request.header("authorization");
    const QByteArray bearer = bearerToken(authorization);
    if (!bearer.isEmpty()) {
        const Principal *p = nullptr;
        switch (m_tokens.check(bearer, &p)) {
        case TokenService::State::Valid:
            return p;
        case TokenService::State::Expired:
            *refusal =
                apiError(401, u"INVALID_TOKEN"_s, u"The access token has expired; request a new one."_s);
            break;
        case TokenService::State::Revoked:
            *refusal = apiError(401, u"INVALID_TOKEN"_s, u"The access token has been revoked."_s);
            break;
        case TokenService::State::Unknown:
            *refusal = apiError(401, u"INVALID_TOKEN"_s, u"The access token is not valid."_s);
            break;
        }
        refusal->setHeader("WWW-Authenticate", "Bearer realm=\"MMS Public API\", error=\"invalid_token\"");
        return nullptr;
    }

    const Principal *p = nullptr;
    const DigestAuth::Outcome outcome = m_digest.verify(request.method, authorization, request.path, &p);
    if (outcome == DigestAuth::Outcome::Ok)
        return p;
    // Missing, malformed or wrong credentials and a stale nonce all get the same answer from Atlas:
    // the challenge (stale=true for the last) and one fixed body.
    *refusal = digestChallengeError();
    refusal->setHeader("WWW-Authenticate", m_digest.challenge(outcome == DigestAuth::Outcome::Stale));
    return nullptr;
}

SimServer::Outcome SimServer::atlas(const Request &request)
{
    Outcome o;
    const Principal *principal = authenticate(request, &o.response);
    if (!principal) {
        setRateHeaders(o.response, m_requestLimiter.peek());
        return o;
    }
    if (std::optional<Response> refused = checkAccessList(request, *principal)) {
        o.response = *refused;
        setRateHeaders(o.response, m_requestLimiter.peek());
        return o;
    }
    const QString caller =
        (principal->kind == Principal::Kind::ApiKey ? u"key:"_s : u"sa:"_s) + principal->id;
    const RateLimiter::Decision limit = m_requestLimiter.take(caller, nowMs());
    if (!limit.allowed) {
        o.response = apiError(429, u"RATE_LIMITED"_s,
                              u"More than %1 requests in a minute; retry after %2 s."_s.arg(limit.limit)
                                  .arg(limit.retryAfterSeconds));
        o.response.setHeader("Retry-After", QByteArray::number(limit.retryAfterSeconds));
        setRateHeaders(o.response, limit);
        return o;
    }

    const QString line = request.line();
    const FaultInjector::Kind fault = m_faults.roll(line);
    Response response = fault == FaultInjector::Kind::Fail
                            ? m_faults.failure()
                            : m_atlas.handle(request, request.path.mid(qsizetype(qstrlen(kAtlasPrefix))),
                                             *principal, m_faults.matches(line));
    setRateHeaders(response, limit);
    return withFault(fault, std::move(response));
}

std::optional<Response> SimServer::checkAccessList(const Request &request, const Principal &principal) const
{
    const QString address = request.remoteAddress.toString();
    if (!principal.accessList.isEmpty()) {
        for (const auto &range : principal.accessList) {
            if (request.remoteAddress.isInSubnet(range))
                return std::nullopt;
        }
        return apiError(403, u"IP_ADDRESS_NOT_ON_ACCESS_LIST"_s,
                        u"IP address %1 is not allowed to access this resource."_s.arg(address), {},
                        QJsonArray{address});
    }
    const QSet<QString> &requiring = m_principals.orgsRequiringAccessList;
    if (requiring.isEmpty())
        return std::nullopt;
    bool required = requiring.contains(u"*"_s);
    for (auto it = principal.orgRoles.cbegin(); !required && it != principal.orgRoles.cend(); ++it)
        required = it.key() == "*"_L1 || requiring.contains(it.key());
    for (auto it = principal.projectRoles.cbegin(); !required && it != principal.projectRoles.cend(); ++it) {
        const Project *project = m_store.project(it.key());
        required = project && requiring.contains(project->orgId);
    }
    if (!required)
        return std::nullopt;
    return apiError(403, u"ORG_REQUIRES_ACCESS_LIST"_s,
                    u"This organization requires access through an access list of ip ranges."_s, {},
                    QJsonArray{address});
}

SimServer::Outcome SimServer::oauthToken(const Request &request)
{
    Outcome o;
    if (request.method != "POST") {
        o.response = OAuthApi::oauthError(405, "invalid_request", u"Use POST."_s);
        o.response.setHeader("Allow", "POST");
        setRateHeaders(o.response, m_tokenEndpointLimiter.peek());
        return o;
    }
    const QString clientId = OAuthApi::clientIdOf(request);
    RateLimiter::Decision limit = m_tokenEndpointLimiter.peek();
    if (!clientId.isEmpty()) {
        limit = m_tokenEndpointLimiter.take(clientId, nowMs());
        if (!limit.allowed) {
            o.response =
                apiError(429, u"RATE_LIMITED"_s,
                         u"Too many token requests for this client (%1 a minute); cache the token."_s.arg(
                             limit.limit));
            o.response.setHeader("Retry-After", QByteArray::number(limit.retryAfterSeconds));
            setRateHeaders(o.response, limit);
            return o;
        }
    }
    const Principal *client = m_oauth.authenticate(request, &o.response);
    if (!client) {
        setRateHeaders(o.response, limit);
        return o;
    }
    const FaultInjector::Kind fault = m_faults.roll(request.line());
    Response response =
        fault == FaultInjector::Kind::Fail ? m_faults.failure() : m_oauth.token(request, *client);
    setRateHeaders(response, limit);
    return withFault(fault, std::move(response));
}

SimServer::Outcome SimServer::oauthRevoke(const Request &request)
{
    Outcome o;
    if (request.method != "POST") {
        o.response = OAuthApi::oauthError(405, "invalid_request", u"Use POST."_s);
        o.response.setHeader("Allow", "POST");
        setRateHeaders(o.response, m_requestLimiter.peek());
        return o;
    }
    const Principal *client = m_oauth.authenticate(request, &o.response);
    if (!client) {
        setRateHeaders(o.response, m_requestLimiter.peek());
        return o;
    }
    const FaultInjector::Kind fault = m_faults.roll(request.line());
    Response response =
        fault == FaultInjector::Kind::Fail ? m_faults.failure() : m_oauth.revoke(request, *client);
    setRateHeaders(response, m_requestLimiter.peek());
    return withFault(fault, std::move(response));
}

SimServer::Outcome SimServer::embeddings(const Request &request)
{
    // The embedding service is not the Admin API: no rate limit here, so report the large one.
    const RateLimiter::Decision unlimited;
    Outcome o;
    if (request.method != "POST") {
        o.response = EmbeddingsApi::detailError(405, u"Method Not Allowed"_s);
        o.response.setHeader("Allow", "POST");
        setRateHeaders(o.response, unlimited);
        return o;
    }
    AiKey *key = m_embeddings.authenticate(request, &o.response);
    if (!key) {
        setRateHeaders(o.response, unlimited);
        return o;
    }
    const FaultInjector::Kind fault = m_faults.roll(request.line());
    Response response =
        fault == FaultInjector::Kind::Fail ? m_faults.failure() : m_embeddings.embed(request, *key);
    setRateHeaders(response, unlimited);
    return withFault(fault, std::move(response));
}

SimServer::Outcome SimServer::withFault(FaultInjector::Kind fault, Response response) const
{
    Outcome o;
    switch (fault) {
    case FaultInjector::Kind::Drop:
        o.delivery = Delivery::Drop;
        break;
    case FaultInjector::Kind::Hang:
        o.delivery = Delivery::Hang;
        break;
    case FaultInjector::Kind::Malformed:
        response = FaultInjector::malformed(response);
        o.malformed = true;
        break;
    case FaultInjector::Kind::None:
    case FaultInjector::Kind::Fail:
        break;
    }
    o.response = std::move(response);
    return o;
}

void SimServer::warmUpInBackground()
{
    QTimer::singleShot(0, this, [this] { warmUpFrom(0); });
}

void SimServer::warmUpFrom(qsizetype position)
{
    // Slices of a few milliseconds, so that a request arriving meanwhile waits no longer than one.
    constexpr qsizetype kSlice = 500;
    const qsizetype next = m_atlas.warmCaches(position, kSlice);
    if (next >= 0)
        QTimer::singleShot(0, this, [this, next] { warmUpFrom(next); });
}

void SimServer::setRateHeaders(Response &response, const RateLimiter::Decision &decision)
{
    response.setHeader("RateLimit-Limit", QByteArray::number(decision.limit));
    response.setHeader("RateLimit-Remaining", QByteArray::number(decision.remaining));
}

void SimServer::log(const Request &request, const Outcome &outcome, qint64 nanoseconds) const
{
    if (!m_options.verbose)
        return;
    // Method, path and status only: never headers (credentials) or bodies (secrets).
    const char *note = outcome.delivery == Delivery::Drop   ? " (dropped)"
                       : outcome.delivery == Delivery::Hang ? " (hung)"
                       : outcome.malformed                  ? " (malformed)"
                                                            : "";
    std::fprintf(stderr, "%s %s %d%s %.2f ms\n", request.method.constData(), qPrintable(request.path),
                 outcome.response.status, note, double(nanoseconds) / 1e6);
    std::fflush(stderr);
}

} // namespace aikeys::sim
