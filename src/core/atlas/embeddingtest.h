#pragma once

#include "atlas/apicall.h"
#include "domain/result.h"

#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace aikeys {

class SecretBuffer;

// Tries a newly created key the way an application would: one small embeddings request,
// POST <scheme>://<endpoint>/v1/embeddings with the key's secret as a bearer token. Success means the
// key authenticates at its endpoint (and, as a side effect, its lastUsedAt is set). Plain http only
// when the endpoint's host is loopback (the simulator names 127.0.0.1:PORT); https otherwise.
//
// A Job: finished() from the event loop, error() as an ApiError value (Http with the status, Network,
// Timeout, Canceled, InvalidInput, InvalidResponse), and deletes itself after finished() unless told
// not to. message() and hint() word the outcome for this endpoint (ApiError's own words are about
// Atlas's Administration API, which this is not).
//
// The secret is copied once into the request's Authorization header; neither the header nor the
// request body is ever logged. What this does not protect against: the network stack's own copies
// of the header.
//
// The endpoint is another host than Atlas: the test has a network manager of its own, which holds
// none of the profile's credentials and answers no authentication challenge, so a server there that
// asks for Basic or Digest authentication gets nothing but the new key's bearer header. The answer is
// bounded: cut off past kMaxAnswerBytes, and given up kTimeoutMs after sending however it trickles.
class EmbeddingTest final : public Job
{
    Q_OBJECT

public:
    static constexpr auto kModel = "voyage-3.5-lite";
    static constexpr auto kInput = "Atlas AI Keys connection test";
    static constexpr int kTimeoutMs = 20000;
    // An embedding of the one short input is a few KiB of JSON.
    static constexpr qint64 kMaxAnswerBytes = 1024 * 1024;

    // Nothing is sent until start(). The secret is copied into the request header here, so the
    // caller's buffer may be wiped as soon as this returns.
    EmbeddingTest(const QString &endpoint, const SecretBuffer &secret, QObject *parent = nullptr);
    ~EmbeddingTest() override;

    // Sends from the event loop.
    void start();
    // For tests: a shorter overall deadline and a smaller answer cap. Before start().
    void setLimits(int deadlineMs, qint64 maxAnswerBytes);
    void cancel() override;

    QString endpoint() const { return m_endpoint; }
    int httpStatus() const { return m_status; }
    // The key was refused (401): it does not exist, was deleted, or the secret is wrong.
    bool keyRefused() const { return m_status == 401; }
    // "The key works: ..." or what went wrong, for a person; empty until finished.
    QString message() const;
    // What to do next; empty on success.
    QString hint() const;

    // https://host/v1/embeddings, or http:// for a loopback host; a failure says what is wrong with
    // the endpoint (empty, a path, user info...).
    static Result<QUrl> urlForEndpoint(const QString &endpoint);
    // {"input":["Atlas AI Keys connection test"],"model":"voyage-3.5-lite"}
    static QByteArray requestBody();

private:
    void send();
    void onFinished();

    QNetworkAccessManager *m_nam; // our own: no credentials of any profile
    QTimer *m_deadline;
    int m_deadlineMs = kTimeoutMs;
    qint64 m_maxAnswerBytes = kMaxAnswerBytes;
    bool m_tooLarge = false;
    bool m_pastDeadline = false;
    QString m_endpoint;
    Result<QUrl> m_url;
    QByteArray m_authorization; // "Bearer <secret>", wiped once sent
    QPointer<QNetworkReply> m_reply;
    // The endpoint's own explanation of a refusal ({"detail": ...}), or the network error.
    QString m_detail;
    int m_status = 0;
    bool m_started = false;
    bool m_canceled = false;
};

} // namespace aikeys
