#pragma once

#include <QCoreApplication>
#include <QList>
#include <QNetworkReply>
#include <QString>
#include <QStringList>

#include <optional>

namespace aikeys {

struct FieldViolation
{
    QString field;
    QString description;
};

// Everything that can go wrong with one Admin API call, as one value. message() says what happened
// in words a person understands, hint() what to do next; neither ever holds a credential.
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind {
        None,
        Http,             // the server answered with an error status
        Network,          // no answer: refused, reset, DNS, TLS, proxy...
        Timeout,          // no answer within the transfer timeout
        Canceled,         // the user (or the app) cancelled
        InvalidResponse,  // an answer we cannot read (malformed JSON, missing field, bad status)
        WrongCredentials, // the server rejected the credentials themselves
        InvalidInput,     // refused before sending: a bad name, id, URL...
        Keychain          // credentials could not be read from or written to the OS keychain
    };

    ApiError() = default;

    // errorCodeHeader is the answer's X-Error-Code, used when the body names no code (an empty or
    // non-JSON body).
    static ApiError fromHttp(int status, const QByteArray &body, const QByteArray &verb, const QString &path,
                             const QByteArray &errorCodeHeader = {});
    static ApiError network(QNetworkReply::NetworkError code, const QString &qtMessage,
                            const QByteArray &verb, const QString &path);
    static ApiError timeout(int timeoutMs, const QByteArray &verb, const QString &path);
    // The answer was still coming when the attempt's overall deadline passed (a trickle).
    static ApiError deadline(int deadlineMs, const QByteArray &verb, const QString &path);
    // The answer was cut off at maxBytes (Kind::InvalidResponse).
    static ApiError tooLarge(qint64 maxBytes, const QByteArray &verb, const QString &path);
    static ApiError canceled();
    static ApiError invalidResponse(const QString &what, const QByteArray &verb = {},
                                    const QString &path = {});
    static ApiError wrongCredentials(const QString &what);
    static ApiError invalidInput(const QString &what);
    static ApiError keychain(const QString &what, const QString &hint);

    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_status; }
    const QString &errorCode() const { return m_errorCode; }
    const QString &detail() const { return m_detail; }
    const QString &reason() const { return m_reason; }
    const QList<FieldViolation> &fieldViolations() const { return m_fields; }
    // The error's "parameters" as text (Atlas sends a filled array or null): the address for an
    // access-list refusal, the id for GROUP_NOT_FOUND...
    const QStringList &parameters() const { return m_parameters; }
    QNetworkReply::NetworkError networkError() const { return m_networkError; }
    std::optional<int> retryAfterSeconds() const { return m_retryAfter; }
    const QByteArray &verb() const { return m_verb; }
    const QString &path() const { return m_path; }
    const QString &requiredRole() const { return m_requiredRole; }

    void setRetryAfterSeconds(std::optional<int> s) { m_retryAfter = s; }
    void setRequiredRole(const QString &role) { m_requiredRole = role; }
    void setHint(const QString &hint) { m_hintOverride = hint; }

    bool isNotFound() const { return m_kind == Kind::Http && m_status == 404; }
    // The credentials themselves were refused: sign in again. A 401 that says the principal lacks a
    // role or project access (isAccessDenied) is not this.
    bool isUnauthorized() const
    {
        return m_kind == Kind::WrongCredentials ||
               (m_kind == Kind::Http && m_status == 401 && !isMissingRole());
    }
    // Valid credentials without the role or project access: Atlas answers 401 USER_UNAUTHORIZED.
    bool isMissingRole() const;
    // 403: the answer of a project or org the principal may not use, or an IP access list.
    bool isForbidden() const { return m_kind == Kind::Http && m_status == 403; }
    // Either kind of "you may not": a missing role (401 or 403) or an access list (403).
    bool isAccessDenied() const { return isMissingRole() || isForbidden(); }
    // 403 IP_ADDRESS_NOT_ON_ACCESS_LIST or ORG_REQUIRES_ACCESS_LIST: this computer's address is not
    // on the credential's API access list. accessListAddress() is the address Atlas saw.
    bool isIpAccessList() const;
    QString accessListAddress() const;
    // 404 GROUP_NOT_FOUND or ORG_NOT_FOUND: the project or organization, not the item asked for.
    bool isContainerNotFound() const;
    // A 404 about the item asked for itself (a key): Atlas's own code, and not about its project or
    // organization. A 404 without an Atlas code (a proxy, a wrong base URL) is not this.
    bool isItemNotFound() const { return isNotFound() && !isContainerNotFound() && !m_errorCode.isEmpty(); }
    bool isRateLimited() const { return m_kind == Kind::Http && m_status == 429; }
    // True when the request may have reached the server and been carried out, with the answer lost.
    bool outcomeUnknown() const;

    // What happened, for a person ("Atlas answered 404 Not Found: No AI model API key ...
    // (RESOURCE_NOT_FOUND)"). It does not name the request: that is request()'s, a detail for whoever
    // digs deeper (a tooltip, a log, the CLI's line).
    QString message() const;
    // What to do next ("It may have been deleted: refresh the list.").
    QString hint() const;
    // The request that failed ("GET /api/atlas/v2/orgs"); empty when none was sent.
    QString request() const;
    // message(), hint() and the request together, for one line of a CLI or a log.
    QString toString() const;

private:
    Kind m_kind = Kind::None;
    int m_status = 0;
    QString m_errorCode;
    QString m_detail;
    QString m_reason;
    QList<FieldViolation> m_fields;
    QStringList m_parameters;
    QNetworkReply::NetworkError m_networkError = QNetworkReply::NoError;
    QString m_networkMessage;
    std::optional<int> m_retryAfter;
    QByteArray m_verb;
    QString m_path;
    QString m_requiredRole;
    QString m_hintOverride;
};

} // namespace aikeys

Q_DECLARE_METATYPE(aikeys::ApiError)
