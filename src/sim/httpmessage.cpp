#include "httpmessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

void Response::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 423:
        return "Locked";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status >= 500 ? "Server Error" : "Client Error";
    }
}

QByteArray serialize(const Response &response)
{
    QByteArray out;
    out.reserve(response.body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    // Atlas sends its Content-Type on a 204 as well.
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (response.status != 204)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "\r\n";
    if (response.status != 204)
        out += response.body;
    return out;
}

Response apiError(int status, const QString &errorCode, const QString &detail,
                  const QList<FieldViolation> &violations, const QJsonValue &parameters)
{
    QJsonObject o{{u"error"_s, status},
                  {u"errorCode"_s, errorCode},
                  {u"detail"_s, detail},
                  {u"reason"_s, QString::fromLatin1(reasonPhrase(status))},
                  {u"parameters"_s, parameters.isArray() ? parameters : QJsonValue(QJsonValue::Null)}};
    if (!violations.isEmpty()) {
        QJsonArray fields;
        for (const FieldViolation &v : violations)
            fields.append(QJsonObject{{u"field"_s, v.field}, {u"description"_s, v.description}});
        o.insert(u"badRequestDetail"_s, QJsonObject{{u"fields"_s, fields}});
    }
    Response r = jsonResponse(status, "application/json", QJsonDocument(o).toJson(QJsonDocument::Compact));
    r.setHeader("X-Error-Code", errorCode.toLatin1());
    return r;
}

Response digestChallengeError()
{
    // Jackson's pretty printer, as recorded from the live service: " : " and two-space indents.
    return jsonResponse(
        401, "application/json",
        "{\n  \"error\" : 401,\n  \"reason\" : \"Unauthorized\",\n  \"detail\" : \"You are not "
        "authorized for this resource.\",\n  \"errorCode\" : \"UNEXPECTED_ERROR\"\n}");
}

Response jsonResponse(int status, const QByteArray &contentType, const QByteArray &body)
{
    Response r;
    r.status = status;
    r.contentType = contentType;
    r.body = body;
    return r;
}

} // namespace aikeys::sim
