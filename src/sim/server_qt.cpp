// SimServer's boundary with Qt HttpServer: reading a QHttpServerRequest, and writing an answer late,
// never or cut off. This API changed in Qt 6.5 and again in 6.8 (see server.h); every
// version-specific line of the simulator is in this file.
//
// What was verified how: the 6.4 path is built and run by the test suite (Debian 12's Qt 6.4.2).
// The 6.5+ path was written against the QtHttpServer sources and documentation of 6.5, 6.7 and 6.8
// (qabstracthttpserver.h, qhttpserverresponder.h/.cpp, qhttpserverstream.cpp,
// qhttpserverhttp1protocolhandler.cpp, qhttpserverrequest.h) but has not been compiled here.
#include "server.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
#include <QHttpHeaders>
#endif

#include <cstdio>
#include <utility>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    // default: Unknown, AnyKnown, and whatever a later Qt adds, so no -Wswitch on a newer enum.
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

void addHeader(Request &r, const QByteArray &name, const QByteArray &value)
{
    const QByteArray key = name.toLower();
    const auto it = r.headers.find(key);
    if (it == r.headers.end())
        r.headers.insert(key, value);
    else
        it.value() += ", " + value;
}

// QHttpServerRequest::headers() is a list of pairs up to Qt 6.7 and QHttpHeaders from 6.8. Overloads
// rather than a version check: whichever type headers() returns picks its reader.
[[maybe_unused]] void addHeaders(Request &r, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    for (const auto &[name, value] : headers)
        addHeader(r, name, value);
}

#if QT_VERSION >= QT_VERSION_CHECK(6, 7, 0)
[[maybe_unused]] void addHeaders(Request &r, const QHttpHeaders &headers)
{
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QLatin1StringView name = headers.nameAt(i);
        addHeader(r, QByteArray(name.data(), name.size()), headers.valueAt(i).toByteArray());
    }
}
#endif

Request copyRequest(const QHttpServerRequest &in)
{
    Request r;
    r.method = methodName(in.method());
    r.path = in.url().path(QUrl::FullyDecoded);
    r.query = in.query();
    addHeaders(r, in.headers());
    r.body = in.body();
    r.remoteAddress = in.remoteAddress();
    bool isV4 = false;
    const quint32 v4 = r.remoteAddress.toIPv4Address(&isV4);
    if (isV4)
        r.remoteAddress = QHostAddress(v4);
    return r;
}

Response notFound()
{
    return apiError(404, u"RESOURCE_NOT_FOUND"_s, u"Nothing here."_s);
}

} // namespace

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)

// ---- Qt 6.4: the socket itself ----

SimServer::~SimServer() = default;

bool SimServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    const Request r = copyRequest(request);
    const Outcome outcome = dispatch(r);
    deliver(socket, outcome);
    log(r, outcome, timer.nsecsElapsed());
    return true;
}

void SimServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() answers everything; this exists because Qt requires it.
    Outcome o;
    o.response = notFound();
    deliver(socket, o);
    log(copyRequest(request), o, 0);
}

void SimServer::deliver(QTcpSocket *socket, const Outcome &outcome)
{
    if (outcome.delivery == Delivery::Hang) {
        // The connection stays open and silent until the client gives up.
        if (!m_hung.contains(socket)) {
            m_hung.insert(socket);
            connect(socket, &QObject::destroyed, this, [this, socket] { m_hung.remove(socket); });
        }
        return;
    }
    const QPointer<QTcpSocket> target(socket);
    const bool drop = outcome.delivery == Delivery::Drop;
    QByteArray bytes = drop ? QByteArray() : serialize(outcome.response);
    const auto send = [this, target, drop, bytes] {
        // The client may have gone away while the answer waited.
        if (!target || target->state() != QAbstractSocket::ConnectedState || m_hung.contains(target.data()))
            return;
        if (drop)
            target->abort();
        else
            target->write(bytes);
    };
    if (m_options.latencyMs > 0)
        QTimer::singleShot(m_options.latencyMs, this, send);
    else
        send();
}

#else

// ---- Qt 6.5 and later: a responder, and the socket found by its addresses ----

namespace {

void writeResponse(QHttpServerResponder &responder, const Response &response)
{
    // Any number: QHttpServerResponder writes the number, and a reason phrase when it knows one.
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
    const bool noContent = response.status == 204;
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    // write() takes its headers as an initializer_list, so the answer is written in parts, the same
    // bytes serialize() makes for 6.4: Content-Type always, no Content-Length on a 204. writeBody()
    // ends the header block even when the body is empty.
    responder.writeStatusLine(status);
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    if (!noContent)
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(noContent ? QByteArray() : response.body);
#else
    // write() takes QHttpHeaders (which lower-case the names) and adds Content-Length itself, also
    // "Content-Length: 0" on a 204.
    QHttpHeaders headers;
    if (!response.contentType.isEmpty())
        headers.append(QHttpHeaders::WellKnownHeader::ContentType, response.contentType);
    for (const auto &[name, value] : response.headers)
        headers.append(name, value);
    responder.write(noContent ? QByteArray() : response.body, headers, status);
#endif
}

} // namespace

SimServer::~SimServer()
{
    // Before QAbstractHttpServer's connection objects go: a waiting responder tells its connection
    // that it is done when destroyed.
    for (auto &entry : m_waiting)
        disconnect(entry.second.onDisconnect);
    m_waiting.clear();
}

bool SimServer::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QElapsedTimer timer;
    timer.start();
    const Request r = copyRequest(request);
    const Outcome outcome = dispatch(r);
    deliver(request, responder, outcome);
    log(r, outcome, timer.nsecsElapsed());
    return true;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
void SimServer::missingHandler(const QHttpServerRequest &request, QHttpServerResponder &&responder)
#else
void SimServer::missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder)
#endif
{
    // handleRequest() answers everything; this exists because Qt requires it.
    Outcome o;
    o.response = notFound();
    deliver(request, responder, o);
    log(copyRequest(request), o, 0);
}

// From 6.5 handleRequest() no longer gets the socket. It is still a QObject descendant of the server:
// QtHttpServer makes each connection's stream (6.5-6.7) or protocol handler (6.8) a child of the
// server and reparents the QTcpSocket to it, and the request carries the socket's two addresses. That
// is an implementation detail, read in the 6.5-6.8 sources; if a later Qt breaks it, this returns
// nullptr and the callers fall back as documented in docs/simulator.md.
QTcpSocket *SimServer::connectionOf(const QHttpServerRequest &request) const
{
    const QList<QTcpSocket *> sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *s : sockets) {
        if (s->peerPort() == request.remotePort() && s->localPort() == request.localPort() &&
            s->peerAddress().isEqual(request.remoteAddress(), QHostAddress::TolerantConversion))
            return s;
    }
    return nullptr;
}

void SimServer::warnNoSocketOnce()
{
    if (m_warnedNoSocket)
        return;
    m_warnedNoSocket = true;
    std::fprintf(stderr, "atlas-sim: this Qt HttpServer does not show which connection a request came "
                         "on: dropped answers are left unanswered instead (like --hang-rate), and hung "
                         "ones are kept until the simulator stops\n");
    std::fflush(stderr);
}

void SimServer::release(quint64 waitingId)
{
    const auto it = m_waiting.find(waitingId);
    if (it == m_waiting.end())
        return;
    // Out of the map before the responder goes: its destruction lets the connection continue.
    Waiting waiting = std::move(it->second);
    m_waiting.erase(it);
    disconnect(waiting.onDisconnect);
}

void SimServer::deliver(const QHttpServerRequest &request, QHttpServerResponder &responder,
                        const Outcome &outcome)
{
    const bool drop = outcome.delivery == Delivery::Drop;
    const bool hang = outcome.delivery == Delivery::Hang;
    if (!drop && !hang && m_options.latencyMs <= 0) {
        // Qt destroys the responder when handleRequest() returns; the connection's next request
        // follows.
        writeResponse(responder, outcome.response);
        return;
    }

    // Late, never or cut off: the responder moves here. As long as it lives, Qt holds back the next
    // request on this connection, so pipelined answers keep their order, and a hung answer holds
    // back the later ones (what 6.4's m_hung does by hand).
    const quint64 id = ++m_lastWaitingId;
    Waiting &waiting = m_waiting[id];
    waiting.responder = std::make_unique<QHttpServerResponder>(std::move(responder));
    QTcpSocket *const socket = connectionOf(request);
    if (socket) {
        // A client that goes away releases what waited for it.
        waiting.onDisconnect =
            connect(socket, &QAbstractSocket::disconnected, this, [this, id] { release(id); });
    } else if (drop || hang) {
        warnNoSocketOnce();
    }
    if (hang || (drop && !socket))
        return;

    const QPointer<QTcpSocket> target(socket);
    const bool knowsSocket = socket != nullptr;
    const auto send = [this, id, target, knowsSocket, drop, response = outcome.response] {
        const auto it = m_waiting.find(id);
        if (it == m_waiting.end())
            return; // the client went away while the answer waited
        Waiting w = std::move(it->second);
        m_waiting.erase(it);
        disconnect(w.onDisconnect);
        if (drop) {
            if (target)
                target->abort();
        } else if (!knowsSocket || (target && target->state() == QAbstractSocket::ConnectedState)) {
            writeResponse(*w.responder, response);
        }
        // w.responder is destroyed here: the connection takes its next request (or, aborted, goes).
    };
    if (m_options.latencyMs > 0)
        QTimer::singleShot(m_options.latencyMs, this, send);
    else
        send();
}

#endif

} // namespace aikeys::sim
