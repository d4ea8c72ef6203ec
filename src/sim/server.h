#pragma once

#include "atlasapi.h"
#include "auth.h"
#include "embeddings.h"
#include "faults.h"
#include "httpmessage.h"
#include "oauth.h"
#include "options.h"
#include "ratelimiter.h"

#include <QAbstractHttpServer>
#include <QRandomGenerator>
#include <QSet>

namespace aikeys::sim {

class Store;
class Principals;

// The HTTP face of the simulator. Built on QAbstractHttpServer (Qt 6.4) with its own router because
// answers must sometimes be late (latency), never (hang) or cut off (drop), with any headers.
// Answers are written to the socket directly: 6.4's QHttpServerResponder takes headers only as an
// initializer_list and throws on status codes missing from its table.
class SimServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    SimServer(const Options &options, Store &store, const Principals &principals, QObject *parent = nullptr);

    // Renders every key and project once, in small slices between requests, once the port is known.
    void warmUpInBackground();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    enum class Delivery { Answer, Drop, Hang };
    struct Outcome
    {
        Response response;
        Delivery delivery = Delivery::Answer;
        bool malformed = false;
    };

    Outcome dispatch(const Request &request);
    Outcome atlas(const Request &request);
    Outcome oauthToken(const Request &request);
    Outcome oauthRevoke(const Request &request);
    Outcome embeddings(const Request &request);

    // 401 answer for the Admin API, or the principal.
    const Principal *authenticate(const Request &request, Response *refusal) const;
    // Applies a fault decided after authentication to the answer processing produced.
    Outcome withFault(FaultInjector::Kind fault, Response response) const;
    static void setRateHeaders(Response &response, const RateLimiter::Decision &decision);
    void deliver(QTcpSocket *socket, const Outcome &outcome);
    // Method, path, status and the time spent building and sending the answer (latency excluded).
    void warmUpFrom(qsizetype position);
    void log(const Request &request, const Outcome &outcome, qint64 nanoseconds) const;

    const Options m_options;
    Store &m_store;
    const Principals &m_principals;
    QRandomGenerator m_idRng;
    DigestAuth m_digest;
    TokenService m_tokens;
    RateLimiter m_requestLimiter;
    RateLimiter m_tokenEndpointLimiter;
    FaultInjector m_faults;
    AtlasApi m_atlas;
    OAuthApi m_oauth;
    EmbeddingsApi m_embeddings;
    // Connections with a hung answer: later (pipelined) answers on them must not overtake it.
    QSet<const QTcpSocket *> m_hung;
};

} // namespace aikeys::sim
