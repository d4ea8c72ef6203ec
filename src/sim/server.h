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
#include <QMetaObject>
#include <QRandomGenerator>
#include <QSet>
#include <QtGlobal>

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QHttpServerResponder>

#include <map>
#include <memory>
#endif

class QTcpSocket;

namespace aikeys::sim {

class Store;
class Principals;
struct Principal;

// The HTTP face of the simulator. Built on QAbstractHttpServer with its own router because answers
// must sometimes be late (latency), never (hang) or cut off (drop), with any headers.
//
// Everything that touches Qt HttpServer's request, responder and socket types is in server_qt.cpp,
// because that API changed twice after 6.4 (the oldest Qt this project builds with):
// - 6.4: handleRequest() and missingHandler() get the QTcpSocket; answers are written to it directly
//   (6.4's QHttpServerResponder takes headers only as an initializer_list and throws on status codes
//   missing from its table).
// - 6.5 to 6.7: they get a QHttpServerResponder (missingHandler() an rvalue one) and no socket; a late
//   or missing answer keeps the responder, which holds the connection's next request back.
// - 6.8 and later: missingHandler() takes the responder by lvalue reference, the responder writes
//   QHttpHeaders, and QHttpServerRequest::headers() returns QHttpHeaders.
class SimServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    SimServer(const Options &options, Store &store, const Principals &principals, QObject *parent = nullptr);
    ~SimServer() override;

    // Renders every key and project once, in small slices between requests, once the port is known.
    void warmUpInBackground();

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &&responder) override;
#else
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#endif
#endif

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
    // 403 IP_ADDRESS_NOT_ON_ACCESS_LIST or ORG_REQUIRES_ACCESS_LIST, checked right after authentication.
    std::optional<Response> checkAccessList(const Request &request, const Principal &principal) const;
    Outcome oauthToken(const Request &request);
    Outcome oauthRevoke(const Request &request);
    Outcome embeddings(const Request &request);
    Outcome testClock(const Request &request);

    // 401 answer for the Admin API, or the principal.
    const Principal *authenticate(const Request &request, Response *refusal) const;
    // Applies a fault decided after authentication to the answer processing produced.
    Outcome withFault(FaultInjector::Kind fault, Response response) const;
    static void setRateHeaders(Response &response, const RateLimiter::Decision &decision);
    void warmUpFrom(qsizetype position);
    // Method, path, status and the time spent building and sending the answer (latency excluded).
    void log(const Request &request, const Outcome &outcome, qint64 nanoseconds) const;
    // The answer (or its absence) on the connection: at once, after --latency-ms, never, or cut off.
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    void deliver(QTcpSocket *socket, const Outcome &outcome);
#else
    void deliver(const QHttpServerRequest &request, QHttpServerResponder &responder, const Outcome &outcome);
    // The socket a request came on, found among the server's descendants (see server_qt.cpp).
    QTcpSocket *connectionOf(const QHttpServerRequest &request) const;
    void release(quint64 waitingId);
    void warnNoSocketOnce();
#endif

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
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    // Connections with a hung answer: later (pipelined) answers on them must not overtake it.
    QSet<const QTcpSocket *> m_hung;
#else
    // Answers that wait (latency) or never come (hang, and drop without a socket): their responders,
    // by serial number. Members of SimServer, so that they are gone before ~QAbstractHttpServer
    // deletes the connection objects they point into.
    struct Waiting
    {
        std::unique_ptr<QHttpServerResponder> responder;
        QMetaObject::Connection onDisconnect;
    };
    std::map<quint64, Waiting> m_waiting;
    quint64 m_lastWaitingId = 0;
    bool m_warnedNoSocket = false;
#endif
};

} // namespace aikeys::sim
