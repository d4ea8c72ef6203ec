#include "atlas/apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

// Ends text as a sentence: adds a full stop unless it already ends with one (or "!", "?", "…"),
// looking past a closing quote and past an error code in parentheses ("... exists.
// (RESOURCE_NOT_FOUND)" is complete). Qt's network error strings ("Connection refused") and some
// server details have no full stop; without one, a hint after them runs on as the same sentence.
QString asSentence(const QString &text)
{
    QStringView t = QStringView(text).trimmed();
    if (t.endsWith(u')')) {
        const qsizetype open = t.lastIndexOf(u'(');
        if (open > 0)
            t = t.left(open).trimmed();
    }
    if (t.endsWith(u'"') || t.endsWith(u'\u201d'))
        t.chop(1);
    if (t.isEmpty() || t.endsWith(u'.') || t.endsWith(u'!') || t.endsWith(u'?') || t.endsWith(u'\u2026'))
        return text;
    return text + u'.';
}

QString statusText(int status)
{
    switch (status) {
    case 400:
        return u"Bad Request"_s;
    case 401:
        return u"Unauthorized"_s;
    case 403:
        return u"Forbidden"_s;
    case 404:
        return u"Not Found"_s;
    case 405:
        return u"Method Not Allowed"_s;
    case 406:
        return u"Not Acceptable"_s;
    case 409:
        return u"Conflict"_s;
    case 410:
        return u"Gone"_s;
    case 415:
        return u"Unsupported Media Type"_s;
    case 429:
        return u"Too Many Requests"_s;
    case 500:
        return u"Internal Server Error"_s;
    case 502:
        return u"Bad Gateway"_s;
    case 503:
        return u"Service Unavailable"_s;
    case 504:
        return u"Gateway Timeout"_s;
    default:
        return {};
    }
}
} // namespace

ApiError ApiError::fromHttp(int status, const QByteArray &body, const QByteArray &verb, const QString &path,
                            const QByteArray &errorCodeHeader)
{
    ApiError e;
    e.m_kind = Kind::Http;
    e.m_status = status;
    e.m_verb = verb;
    e.m_path = path;
    // Error bodies are plain JSON; anything else (an HTML page from a proxy) is simply ignored.
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        e.m_errorCode = o.value("errorCode"_L1).toString();
        e.m_detail = o.value("detail"_L1).toString();
        e.m_reason = o.value("reason"_L1).toString();
        const QJsonArray fields = o.value("badRequestDetail"_L1).toObject().value("fields"_L1).toArray();
        for (const QJsonValue &f : fields) {
            const QJsonObject fo = f.toObject();
            e.m_fields.append({fo.value("field"_L1).toString(), fo.value("description"_L1).toString()});
        }
        // A filled array, [] or null; items are usually strings, sometimes numbers.
        const QJsonArray parameters = o.value("parameters"_L1).toArray();
        for (const QJsonValue &p : parameters) {
            if (p.isString())
                e.m_parameters.append(p.toString());
            else if (p.isDouble())
                e.m_parameters.append(QString::number(p.toDouble(), 'g', 17));
        }
    }
    if (e.m_errorCode.isEmpty() && !errorCodeHeader.isEmpty())
        e.m_errorCode = QString::fromLatin1(errorCodeHeader).trimmed();
    return e;
}

ApiError ApiError::network(QNetworkReply::NetworkError code, const QString &qtMessage, const QByteArray &verb,
                           const QString &path)
{
    ApiError e;
    e.m_kind = Kind::Network;
    e.m_networkError = code;
    e.m_networkMessage = qtMessage;
    e.m_verb = verb;
    e.m_path = path;
    return e;
}

ApiError ApiError::timeout(int timeoutMs, const QByteArray &verb, const QString &path)
{
    ApiError e;
    e.m_kind = Kind::Timeout;
    e.m_networkError = QNetworkReply::TimeoutError;
    e.m_detail = tr("No answer within %1 seconds.").arg(timeoutMs / 1000.0, 0, 'g', 3);
    e.m_verb = verb;
    e.m_path = path;
    return e;
}

ApiError ApiError::deadline(int deadlineMs, const QByteArray &verb, const QString &path)
{
    ApiError e = timeout(deadlineMs, verb, path);
    e.m_detail = tr("The answer was not complete within %1 seconds.").arg(deadlineMs / 1000.0, 0, 'g', 3);
    return e;
}

ApiError ApiError::tooLarge(qint64 maxBytes, const QByteArray &verb, const QString &path)
{
    const QString size = maxBytes >= 1024 * 1024 ? tr("%1 MiB").arg(maxBytes / (1024.0 * 1024.0), 0, 'g', 3)
                                                 : tr("%1 KiB").arg(maxBytes / 1024.0, 0, 'g', 3);
    return invalidResponse(
        tr("the answer is larger than %1, far more than this request ever needs; it was cut off there.")
            .arg(size),
        verb, path);
}

ApiError ApiError::canceled()
{
    ApiError e;
    e.m_kind = Kind::Canceled;
    e.m_networkError = QNetworkReply::OperationCanceledError;
    return e;
}

ApiError ApiError::invalidResponse(const QString &what, const QByteArray &verb, const QString &path)
{
    ApiError e;
    e.m_kind = Kind::InvalidResponse;
    e.m_detail = what;
    e.m_verb = verb;
    e.m_path = path;
    return e;
}

ApiError ApiError::wrongCredentials(const QString &what)
{
    ApiError e;
    e.m_kind = Kind::WrongCredentials;
    e.m_status = 401;
    e.m_detail = what;
    return e;
}

ApiError ApiError::invalidInput(const QString &what)
{
    ApiError e;
    e.m_kind = Kind::InvalidInput;
    e.m_detail = what;
    return e;
}

ApiError ApiError::keychain(const QString &what, const QString &hint)
{
    ApiError e;
    e.m_kind = Kind::Keychain;
    e.m_detail = what;
    e.m_hintOverride = hint;
    return e;
}

bool ApiError::isMissingRole() const
{
    if (m_kind != Kind::Http)
        return false;
    if (m_status == 403)
        return !isIpAccessList();
    // USER_UNAUTHORIZED is what Atlas answers for a principal without the role or the project;
    // NOT_ORG_GROUP_CREATOR is the spec's own 401 example, also about a role.
    return m_status == 401 &&
           (m_errorCode == "USER_UNAUTHORIZED"_L1 || m_errorCode == "NOT_ORG_GROUP_CREATOR"_L1);
}

bool ApiError::isIpAccessList() const
{
    return m_kind == Kind::Http && m_status == 403 &&
           (m_errorCode == "IP_ADDRESS_NOT_ON_ACCESS_LIST"_L1 ||
            m_errorCode == "ORG_REQUIRES_ACCESS_LIST"_L1);
}

QString ApiError::accessListAddress() const
{
    if (!isIpAccessList())
        return {};
    for (const QString &p : m_parameters) {
        if (!p.trimmed().isEmpty())
            return p.trimmed();
    }
    return {};
}

bool ApiError::isContainerNotFound() const
{
    return m_kind == Kind::Http && m_status == 404 &&
           (m_errorCode == "GROUP_NOT_FOUND"_L1 || m_errorCode == "ORG_NOT_FOUND"_L1);
}

bool ApiError::outcomeUnknown() const
{
    switch (m_kind) {
    case Kind::Timeout:
        return true;
    case Kind::Network:
        // Refused or unresolvable: the request never left. Anything else may have been processed.
        return m_networkError != QNetworkReply::ConnectionRefusedError &&
               m_networkError != QNetworkReply::HostNotFoundError &&
               m_networkError != QNetworkReply::SslHandshakeFailedError &&
               m_networkError != QNetworkReply::ProxyConnectionRefusedError &&
               m_networkError != QNetworkReply::ProxyNotFoundError;
    case Kind::Http:
        return m_status == 502 || m_status == 504;
    default:
        return false;
    }
}

QString ApiError::request() const
{
    if (m_verb.isEmpty())
        return {};
    return QString::fromLatin1(m_verb) + u' ' + m_path;
}

QString ApiError::message() const
{
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Http: {
        if (isIpAccessList()) {
            // Said first and plainly: it is the one refusal the user can fix from the Atlas UI alone.
            const QString address = accessListAddress();
            const QString who = address.isEmpty() ? tr("this computer's address") : address;
            QString out = m_errorCode == "ORG_REQUIRES_ACCESS_LIST"_L1
                              ? tr("Atlas refused the request from %1: the organization requires an API "
                                   "access list, and these credentials have none that includes this address.")
                                    .arg(who)
                              : tr("Atlas refused the request from %1: the address is not on the API access "
                                   "list of these credentials.")
                                    .arg(who);
            return out + u" ("_s + m_errorCode + u")"_s;
        }
        QString text = m_detail.isEmpty() ? m_reason : m_detail;
        const QString status = u"%1 %2"_s.arg(m_status).arg(statusText(m_status)).trimmed();
        QString out = text.isEmpty() ? tr("Atlas answered %1.").arg(status)
                                     : tr("Atlas answered %1: %2").arg(status, text);
        if (!m_errorCode.isEmpty())
            out += u" ("_s + m_errorCode + u")"_s;
        for (const FieldViolation &f : m_fields)
            out += u"\n  "_s + f.field + u": "_s + f.description;
        return out;
    }
    case Kind::Network:
        return tr("Could not reach Atlas: %1").arg(asSentence(m_networkMessage));
    case Kind::Timeout:
        return tr("Atlas did not answer in time. %1").arg(m_detail);
    case Kind::Canceled:
        return tr("Cancelled.");
    case Kind::InvalidResponse:
        return tr("Atlas sent an answer this app cannot read: %1").arg(m_detail);
    case Kind::WrongCredentials:
        return tr("Atlas rejected the credentials: %1").arg(m_detail);
    case Kind::InvalidInput:
        return m_detail;
    case Kind::Keychain:
        return m_detail;
    }
    return {};
}

QString ApiError::hint() const
{
    if (!m_hintOverride.isEmpty())
        return m_hintOverride;
    switch (m_kind) {
    case Kind::None:
    case Kind::Canceled:
    case Kind::InvalidInput:
    case Kind::Keychain:
        return {};
    case Kind::Network:
        return tr(
            "Check the network connection, any proxy settings and the profile's base URL, then try again.");
    case Kind::Timeout:
        return tr("Check the network connection and try again; if the request changed something, refresh "
                  "first to see whether it went through.");
    case Kind::InvalidResponse:
        return tr("Check that the base URL points at the Atlas Administration API, not a web page or a "
                  "proxy's login page.");
    case Kind::WrongCredentials:
        return tr(
            "Check the profile's credentials: the client ID and secret of a service account, the public "
            "and private key of an API key, or get a new access token.");
    case Kind::Http:
        break;
    }
    if (isIpAccessList()) {
        const QString address = accessListAddress();
        return tr("Add %1 to the API access list of these credentials in Atlas: Organization > Access "
                  "Manager > Applications > Service Accounts (or API Keys) > Edit > API Access List, or ask "
                  "an organization owner to. Behind a proxy or VPN the address Atlas sees is the proxy's.")
            .arg(address.isEmpty() ? tr("this computer's public IP address") : address);
    }
    if (isContainerNotFound()) {
        const QString id = m_parameters.value(0);
        if (m_errorCode == "ORG_NOT_FOUND"_L1)
            return tr("The organization %1 does not exist, or no longer: check the ID and refresh the list.")
                .arg(id)
                .simplified();
        return tr("The project %1 does not exist, or no longer: check the ID and refresh the list.")
            .arg(id)
            .simplified();
    }
    switch (m_status) {
    case 400:
        return tr("Check the values you entered and try again.");
    case 401:
        if (isMissingRole()) {
            if (!m_requiredRole.isEmpty())
                return tr("The credentials were accepted, but they lack the %1 role (or access to this "
                          "project). Ask an organization owner to grant it; signing in again will not help.")
                    .arg(m_requiredRole);
            return tr("The credentials were accepted, but they lack the role or the project access this "
                      "needs. Ask an organization owner to grant it; signing in again will not help.");
        }
        return tr("Check the profile's credentials; an access token may have expired. Sign in again.");
    case 403:
        if (!m_requiredRole.isEmpty())
            return tr("This needs the %1 role, or this computer's IP address is not on the organization's "
                      "API "
                      "access list. Ask an organization owner.")
                .arg(m_requiredRole);
        return tr("The account lacks the role this needs, or this computer's IP address is not on the "
                  "organization's API access list. Ask an organization owner.");
    case 404:
        return tr("It may have been deleted, or this account cannot see it: refresh the list.");
    case 406:
    case 410:
    case 415:
        return tr("This version of Atlas AI Keys speaks an API version the server does not accept: update "
                  "the app.");
    case 409:
        return tr("It conflicts with the current state: refresh and try again.");
    case 429:
        if (m_retryAfter)
            return tr("Atlas is limiting the request rate: wait %n second(s) and try again.", nullptr,
                      *m_retryAfter);
        return tr("Atlas is limiting the request rate: wait a minute and try again.");
    default:
        if (m_status >= 500)
            return tr("Atlas had a problem on its side: try again in a moment.");
        return {};
    }
}

QString ApiError::toString() const
{
    QString out = message();
    const QString h = hint();
    if (!h.isEmpty())
        out = asSentence(out) + u' ' + h;
    const QString r = request();
    if (!r.isEmpty())
        out += u' ' + tr("(request: %1)").arg(r);
    return out;
}

} // namespace aikeys
