#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QQueue>
#include <QUrl>

#include <functional>
#include <optional>
#include <utility>

namespace aikeys::test {

using RawHeaders = QList<std::pair<QByteArray, QByteArray>>;

// One scripted answer of the fake Atlas network.
struct FakeAnswer
{
    int status = 200;
    QByteArray body;
    RawHeaders headers;
    // When the answer arrives, in event-loop time: 0 is the next turn of the loop, never inside the call
    // that sent the request (as with a real network).
    int delayMs = 0;

    // A JSON answer with the media type Atlas sends.
    static FakeAnswer json(const QJsonDocument &document, int status = 200);
    // An Atlas error answer: {"error": status, "errorCode": code, "detail": detail}.
    static FakeAnswer atlasError(int status, const QByteArray &errorCode, const QString &detail = {});
    // One page of an Atlas list: {"results": [...], "totalCount": n}, n the number of results unless
    // given.
    static FakeAnswer page(const QJsonArray &results, std::optional<int> totalCount = std::nullopt);
};

// What the code under test sent.
struct RecordedRequest
{
    QByteArray method;
    QUrl url;
    RawHeaders headers;
    QByteArray body;

    QString path() const { return url.path(); }
    // The value of a header (case-insensitive name), empty if it was not sent.
    QByteArray header(const QByteArray &name) const;
};

// A reply that delivers a FakeAnswer after its delay; abort() ends it at once as a cancelled reply.
class FakeReply : public QNetworkReply
{
    Q_OBJECT

public:
    FakeReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request, const FakeAnswer &answer,
              QObject *parent);

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    QByteArray m_body;
    qint64 m_pos = 0;
    bool m_aborted = false;
};

// A QNetworkAccessManager standing in for Atlas, for any test that needs answers on cue (paging,
// retries, a view waiting for a list) without a simulator process. Each request is answered by, in
// this order:
//   1. the answers scripted with on() for its method and path (in order; the last one repeats),
//   2. the queue filled with enqueue() (each answer used once),
//   3. handler, when set,
//   4. otherwise a 404 RESOURCE_NOT_FOUND, as Atlas answers an unknown path.
// Every request is recorded (method, URL, headers, body) before it is answered.
class FakeNetwork : public QNetworkAccessManager
{
    Q_OBJECT

public:
    using Handler = std::function<FakeAnswer(const QNetworkRequest &, const QByteArray &verb)>;

    explicit FakeNetwork(QObject *parent = nullptr);

    // path is the URL path; a '*' in it stands for one path segment ("/api/atlas/v2/groups/*/x").
    void on(const QByteArray &method, const QString &path, const FakeAnswer &answer);
    void enqueue(const FakeAnswer &answer);
    void clearScript();

    Handler handler;

    const QList<RecordedRequest> &recorded() const { return m_recorded; }
    // The recorded requests with this method and path (same '*' rule as on()).
    QList<RecordedRequest> recorded(const QByteArray &method, const QString &path) const;
    int requestCount() const { return int(m_recorded.size()); }
    int inFlight() const { return m_inFlight; }
    int maxInFlight() const { return m_maxInFlight; }
    // The pageNum query item of every request that had one, in the order they were sent.
    QList<int> pagesRequested() const;

    static bool pathMatches(const QString &pattern, const QString &path);

Q_SIGNALS:
    // A request was recorded (before it is answered).
    void requested();

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    struct Route
    {
        QByteArray method;
        QString path;
        QList<FakeAnswer> answers;
        qsizetype next = 0;
    };
    FakeAnswer answerFor(const QNetworkRequest &request, const QByteArray &verb);

    QList<Route> m_routes;
    QQueue<FakeAnswer> m_queue;
    QList<RecordedRequest> m_recorded;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};

} // namespace aikeys::test
