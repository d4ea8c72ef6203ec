#pragma once

#include "atlas/apierror.h"
#include "atlas/job.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

#include <optional>

class QNetworkReply;

namespace aikeys {

class AtlasSession;

enum class MediaType { Atlas20230101, Atlas20250312, Json };
QByteArray mediaTypeName(MediaType type);

// One Admin API operation as data: what to send and how it may be retried.
struct ApiRequest
{
    QByteArray verb = "GET";
    QString path; // percent-encoded, from the host's root: "/api/atlas/v2/orgs"
    QUrlQuery query;
    MediaType mediaType = MediaType::Atlas20230101;
    QByteArray body;
    QByteArray contentType;                           // only to override the media type (form posts)
    QList<std::pair<QByteArray, QByteArray>> headers; // extra headers; never logged
    bool authenticated = true;
    bool idempotent = true;     // creates are not: they are never retried on their own
    bool secretBearing = false; // the answer holds a secret: its buffer is wiped after parsing
    QString requiredRole;       // named in the 403 message
    // A cheap read sent first when the request must not be repeated and Digest auth is in use.
    QString primingPath;
    QUrlQuery primingQuery;
    // Per-request bounds, for the calls that must end quickly whatever the session's settings (the
    // token revocation on sign-out): 0 takes the session's transfer timeout and retry policy.
    int transferTimeoutMs = 0;
    int maxAttempts = 0;
    // 0 takes the session's answer size cap (SessionConfig::maxResponseBytes); smaller for answers
    // that are small by nature (a token).
    qint64 maxResponseBytes = 0;
};

// The dynamic property of a QNetworkReply that points at its OneShotBody, if any.
extern const char *const kUploadBodyProperty;

// One HTTP exchange with the Admin API: authentication, media type, transfer timeout, bounded
// retries with backoff for idempotent requests, and error mapping. Subclasses read the body.
class ApiCall : public Job
{
    Q_OBJECT

public:
    ApiCall(AtlasSession *session, ApiRequest request, QObject *parent = nullptr);
    ~ApiCall() override;

    // Starts from the event loop; connect to finished() first or after, either works.
    void start();
    // Finishes with a validation error, without sending anything.
    void failBeforeSending(const ApiError &error);
    void cancel() override;

    const ApiRequest &request() const { return m_request; }
    int httpStatus() const { return m_status; }
    int attempts() const { return m_attempts; }
    // True once an attempt was retried after an answer that was lost or a server error: the server
    // may have acted on it. A 401 handshake or a 429 does not count.
    bool earlierAttemptMayHaveActed() const { return m_mayHaveActed; }
    std::optional<int> rateLimitRemaining() const { return m_rateLimitRemaining; }
    // The raw body of a successful answer, for subclasses that do not parse (and for tests).
    const QByteArray &body() const { return m_body; }

protected:
    // Reads a 2xx body. Returns an error if the body cannot be understood.
    virtual ApiError parse(QByteArray &body);
    // Lets an operation turn an error answer into success (a DELETE's 404 about the key: gone).
    virtual bool acceptError(const ApiError &error);

private:
    void attempt();
    void send();
    void onReplyFinished();
    void retryOrFinish(const ApiError &error, int status, QNetworkReply::NetworkError networkError,
                       bool timedOut);
    QString describe() const;
    int transferTimeoutMs() const;
    int attemptDeadlineMs() const;
    qint64 maxResponseBytes() const;
    // Bounds a reply: aborted when it grows past maxResponseBytes() or outlives the deadline.
    void watch(QNetworkReply *reply);

    QPointer<AtlasSession> m_session;
    ApiRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QTimer m_deadline;
    enum class Cut { None, TooLarge, Deadline };
    Cut m_cut = Cut::None;
    QByteArray m_body;
    QByteArray m_usedAuthorization;
    int m_status = 0;
    int m_attempts = 0;
    bool m_renewedAuth = false;
    bool m_mayHaveActed = false;
    bool m_canceled = false;
    bool m_started = false;
    bool m_primed = false;
    std::optional<int> m_rateLimitRemaining;
};

} // namespace aikeys
