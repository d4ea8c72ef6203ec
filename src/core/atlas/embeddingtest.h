#pragma once

#include "atlas/apicall.h"
#include "domain/result.h"

#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

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
class EmbeddingTest final : public Job
{
    Q_OBJECT

public:
    static constexpr auto kModel = "voyage-3.5-lite";
    static constexpr auto kInput = "Atlas AI Keys connection test";
    static constexpr int kTimeoutMs = 20000;

    // Nothing is sent until start(). The secret is copied into the request header here, so the
    // caller's buffer may be wiped as soon as this returns.
    EmbeddingTest(QNetworkAccessManager *nam, const QString &endpoint, const SecretBuffer &secret,
                  QObject *parent = nullptr);
    ~EmbeddingTest() override;

    // Sends from the event loop.
    void start();
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

    QPointer<QNetworkAccessManager> m_nam;
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
