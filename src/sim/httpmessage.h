#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace aikeys::sim {

// A request copied out of Qt HttpServer's per-connection object, which is reused for the next request
// on the same connection: answers may go out later (latency), so nothing may point into it.
struct Request
{
    QByteArray method; // "GET", "PATCH", ...
    QString path;      // percent-decoded
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lowercase names
    QByteArray body;
    QHostAddress remoteAddress; // IPv4 addresses as IPv4, not IPv4-mapped IPv6

    QByteArray header(const QByteArray &lowercaseName) const { return headers.value(lowercaseName); }
    // The "METHOD PATH" that --fault-match and --verbose use.
    QString line() const { return QString::fromLatin1(method) + u' ' + path; }
};

struct Response
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    void setHeader(const QByteArray &name, const QByteArray &value);
};

QByteArray reasonPhrase(int status);

// The bytes on the wire: status line, headers, Content-Length (none for 204), body.
QByteArray serialize(const Response &response);

struct FieldViolation
{
    QString field;
    QString description;
};

// The Atlas ApiError body: {error, errorCode, detail, reason, parameters, [badRequestDetail]}, as
// application/json with the code repeated in an X-Error-Code header. parameters is what Atlas puts
// there: the ids or addresses the detail names, [] or null.
Response apiError(int status, const QString &errorCode, const QString &detail,
                  const QList<FieldViolation> &violations = {}, const QJsonValue &parameters = QJsonArray());

// The 401 Atlas sends with a Digest challenge (no credentials, wrong ones, a stale nonce), byte for
// byte: pretty-printed, no parameters, UNEXPECTED_ERROR, and no X-Error-Code.
Response digestChallengeError();

Response jsonResponse(int status, const QByteArray &contentType, const QByteArray &body);

} // namespace aikeys::sim
