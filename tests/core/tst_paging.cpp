#include "atlas/atlasclient.h"
#include "atlas/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <functional>
#include <memory>

// A QNetworkAccessManager whose answers come from a function, so paging and retries can be tested
// against servers that misbehave in ways a real one rarely does on cue.
struct FakeAnswer
{
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    int delayMs = 1;
};

class FakeReply : public QNetworkReply
{
    Q_OBJECT

public:
    FakeReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request, const FakeAnswer &answer,
              QObject *parent)
        : QNetworkReply(parent)
        , m_body(answer.body)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly);
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, answer.status);
        for (const auto &[name, value] : answer.headers)
            setRawHeader(name, value);
        if (answer.status >= 400)
            setError(QNetworkReply::ContentNotFoundError, QStringLiteral("error status"));
        QTimer::singleShot(answer.delayMs, this, [this] {
            if (m_aborted)
                return;
            Q_EMIT readyRead();
            setFinished(true);
            Q_EMIT finished();
        });
    }

    void abort() override
    {
        if (isFinished() || m_aborted)
            return;
        m_aborted = true;
        setError(QNetworkReply::OperationCanceledError, QStringLiteral("aborted"));
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, QVariant());
        setFinished(true);
        Q_EMIT finished();
    }
    qint64 bytesAvailable() const override { return m_body.size() - m_pos + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin<qint64>(maxSize, m_body.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_body.size() ? -1 : 0;
        memcpy(data, m_body.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }

private:
    QByteArray m_body;
    qint64 m_pos = 0;
    bool m_aborted = false;
};

class FakeNetwork : public QNetworkAccessManager
{
    Q_OBJECT

public:
    std::function<FakeAnswer(const QNetworkRequest &, const QByteArray &verb)> handler;
    int requests = 0;
    int inFlight = 0;
    int maxInFlight = 0;
    QList<int> pagesRequested;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        Q_UNUSED(outgoingData)
        ++requests;
        ++inFlight;
        maxInFlight = qMax(maxInFlight, inFlight);
        const QUrlQuery q(request.url());
        if (q.hasQueryItem(QStringLiteral("pageNum")))
            pagesRequested << q.queryItemValue(QStringLiteral("pageNum")).toInt();
        const QByteArray verb = op == GetOperation ? QByteArray("GET")
                                : op == CustomOperation
                                    ? request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray()
                                    : QByteArray("POST");
        auto *reply = new FakeReply(op, request, handler(request, verb), this);
        connect(reply, &QNetworkReply::finished, this, [this] { --inFlight; });
        return reply;
    }
};

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

QByteArray keysPage(int first, int count, std::optional<int> total)
{
    QJsonArray results;
    for (int i = first; i < first + count; ++i)
        results.append(QJsonObject{{u"apiKeyId"_s, u"key%1"_s.arg(i)}, {u"name"_s, u"Key %1"_s.arg(i)}});
    QJsonObject o{{u"results"_s, results}};
    if (total)
        o.insert(u"totalCount"_s, *total);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

int pageOf(const QNetworkRequest &r)
{
    return QUrlQuery(r.url()).queryItemValue(u"pageNum"_s).toInt();
}

// A server holding `actual` keys that reports `reported` as totalCount (nullopt: none).
std::function<FakeAnswer(const QNetworkRequest &, const QByteArray &)> server(int actual,
                                                                              std::optional<int> reported)
{
    return [actual, reported](const QNetworkRequest &r, const QByteArray &) {
        const int perPage = QUrlQuery(r.url()).queryItemValue(u"itemsPerPage"_s).toInt();
        const int page = pageOf(r);
        const int first = (page - 1) * perPage;
        const int count = qBound(0, actual - first, perPage);
        return FakeAnswer{200, keysPage(first, count, reported), {}, 2};
    };
}

} // namespace

class TestPaging : public QObject
{
    Q_OBJECT

    std::unique_ptr<AtlasSession> m_session;
    FakeNetwork *m_net = nullptr;

    ListJob<AiKey> *listKeys()
    {
        AtlasClient client(m_session.get());
        auto *job = client.listProjectKeys(u"32b6e34b3d91647abb20e7b8"_s);
        job->setAutoDelete(false);
        return job;
    }

    bool waitFor(Job *job)
    {
        QSignalSpy spy(job, &Job::finished);
        return spy.wait(10000) || job->isFinished();
    }

private Q_SLOTS:
    void init()
    {
        m_net = new FakeNetwork;
        SessionConfig config;
        config.baseUrl = QUrl(u"https://cloud.mongodb.com"_s);
        config.retry.baseDelayMs = 1;
        config.retry.maxBackoffMs = 5;
        config.maxPages = 40;
        m_session = std::make_unique<AtlasSession>(
            config, Credentials{AuthMode::AccessToken, {}, SecretBuffer(QByteArray("token"))}, m_net);
    }
    void cleanup() { m_session.reset(); }

    void sizes_data()
    {
        QTest::addColumn<int>("actual");
        QTest::addColumn<int>("expectedRequests");
        QTest::newRow("0") << 0 << 1;
        QTest::newRow("1") << 1 << 1;
        QTest::newRow("499") << 499 << 1;
        QTest::newRow("500") << 500 << 2; // a full page may have a successor: ask once more
        QTest::newRow("501") << 501 << 2;
        QTest::newRow("1200") << 1200 << 3;
        QTest::newRow("5000") << 5000 << 11;
    }
    void sizes()
    {
        QFETCH(int, actual);
        QFETCH(int, expectedRequests);
        m_net->handler = server(actual, actual);
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->items().size(), actual);
        QCOMPARE(m_net->requests, expectedRequests);
        for (int i = 0; i < actual; ++i) // in order, none missing, none twice
            QCOMPARE(job->items().at(i).apiKeyId, u"key%1"_s.arg(i));
    }

    void requestsTheLargestPages()
    {
        m_net->handler = [](const QNetworkRequest &r, const QByteArray &) {
            const QUrlQuery q(r.url());
            return FakeAnswer{
                q.queryItemValue(u"itemsPerPage"_s) == u"500"_s ? 200 : 400, keysPage(0, 0, 0), {}, 1};
        };
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QVERIFY(job->succeeded());
    }

    void fetchesConcurrentlyButBounded()
    {
        m_net->handler = server(10000, 10000);
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QSignalSpy progress(job.get(), &Job::progress);
        QVERIFY(waitFor(job.get()));
        QVERIFY(job->succeeded());
        QCOMPARE(job->items().size(), 10000);
        QCOMPARE(m_net->maxInFlight, 6);
        QCOMPARE(job->pagesFetched(),
                 21); // 20 full pages and the empty one that ends the list, fetched alongside
        QVERIFY(progress.size() >= 20);
        QCOMPARE(progress.last().at(0).toLongLong(), 21);
    }

    void totalCountLowStillReadsEverything()
    {
        m_net->handler = server(1700, 600);
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QVERIFY(job->succeeded());
        QCOMPARE(job->items().size(), 1700);
    }

    void noTotalCountStillReadsEverything()
    {
        m_net->handler = server(1234, std::nullopt);
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QVERIFY(job->succeeded());
        QCOMPARE(job->items().size(), 1234);
    }

    void totalCountHighStopsAtTheShortPage()
    {
        m_net->handler = server(1200, 50000);
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QVERIFY(job->succeeded());
        QCOMPARE(job->items().size(), 1200);
        // It may have asked for a few pages beyond, concurrently, but not the 100 announced: planned
        // pages are asked for as answers come, before they are read, up to one window (6) in flight
        // and one waiting to be read.
        QVERIFY2(m_net->requests <= 3 + 12, qPrintable(QString::number(m_net->requests)));
    }

    void repeatingServerFailsInsteadOfLooping()
    {
        m_net->handler = [](const QNetworkRequest &, const QByteArray &) {
            return FakeAnswer{200, keysPage(0, 500, 100000), {}, 1};
        };
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QVERIFY(!job->succeeded());
        QCOMPARE(job->error().kind(), ApiError::Kind::InvalidResponse);
        QVERIFY2(job->error().message().contains(u"same items"_s), qPrintable(job->error().message()));
        // Page 1, then at most one window in flight and one waiting to be read when the repeat is seen.
        QVERIFY2(m_net->requests <= 1 + 12, qPrintable(QString::number(m_net->requests)));
    }

    void endlessServerStopsAtTheBound()
    {
        m_net->handler = [](const QNetworkRequest &r, const QByteArray &) {
            const int page = pageOf(r);
            return FakeAnswer{200, keysPage((page - 1) * 500, 500, std::nullopt), {}, 1};
        };
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QVERIFY(!job->succeeded());
        QVERIFY2(job->error().message().contains(u"40 pages"_s), qPrintable(job->error().message()));
        QVERIFY(m_net->requests <= 40);
    }

    void itemsShiftingBetweenPagesAreNotDuplicated()
    {
        // Page 2 repeats the last item of page 1 (a key was deleted while paging).
        m_net->handler = [](const QNetworkRequest &r, const QByteArray &) {
            const int page = pageOf(r);
            if (page == 1)
                return FakeAnswer{200, keysPage(0, 500, 700), {}, 1};
            return FakeAnswer{200, keysPage(499, 200, 700), {}, 1};
        };
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QVERIFY(job->succeeded());
        QCOMPARE(job->items().size(), 699);
    }

    void errorOnOnePageFailsTheList()
    {
        m_net->handler = [](const QNetworkRequest &r, const QByteArray &) {
            if (pageOf(r) == 3)
                return FakeAnswer{404, R"({"error":404,"errorCode":"RESOURCE_NOT_FOUND"})", {}, 1};
            return FakeAnswer{200, keysPage((pageOf(r) - 1) * 500, 500, 5000), {}, 5};
        };
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QVERIFY(!job->succeeded());
        QVERIFY(job->error().isNotFound());
    }

    void malformedPageNamesThePage()
    {
        m_net->handler = [](const QNetworkRequest &r, const QByteArray &) {
            if (pageOf(r) == 2)
                return FakeAnswer{200, "{\"results\":[{\"apiKeyId\":", {}, 1};
            return FakeAnswer{200, keysPage(0, 500, 800), {}, 1};
        };
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QCOMPARE(job->error().kind(), ApiError::Kind::InvalidResponse);
        QVERIFY2(job->error().message().contains(u"page 2"_s), qPrintable(job->error().message()));
    }

    void retriesA503ThenSucceeds()
    {
        int failures = 0;
        m_net->handler = [&failures](const QNetworkRequest &r, const QByteArray &) {
            if (pageOf(r) == 2 && failures++ < 2)
                return FakeAnswer{
                    503, R"({"error":503,"errorCode":"SERVICE_UNAVAILABLE"})", {{"Retry-After", "0"}}, 1};
            return server(900, 900)(r, "GET");
        };
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QSignalSpy retrying(job.get(), &Job::retrying);
        QVERIFY(waitFor(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->items().size(), 900);
        QCOMPARE(retrying.size(), 2);
        QCOMPARE(failures, 3);
    }

    void givesUpAfterBoundedRetries()
    {
        m_net->handler = [](const QNetworkRequest &, const QByteArray &) {
            return FakeAnswer{503, R"({"error":503,"errorCode":"SERVICE_UNAVAILABLE"})", {}, 1};
        };
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QCOMPARE(job->error().httpStatus(), 503);
        QCOMPARE(m_net->requests, m_session->config().retry.maxAttempts);
    }

    void cancelStopsEverything()
    {
        m_net->handler = [](const QNetworkRequest &r, const QByteArray &) {
            FakeAnswer a = server(5000, 5000)(r, "GET");
            a.delayMs = 200;
            return a;
        };
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QTimer::singleShot(250, job.get(), [&job] { job->cancel(); });
        QVERIFY(waitFor(job.get()));
        QCOMPARE(job->error().kind(), ApiError::Kind::Canceled);
        QTRY_COMPARE(m_net->inFlight, 0);
        QVERIFY(m_net->requests < 11);
    }

    void badIdSendsNothing()
    {
        m_net->handler = server(1, 1);
        AtlasClient client(m_session.get());
        auto *job = client.listProjectKeys(u"not-a-project"_s);
        job->setAutoDelete(false);
        std::unique_ptr<ListJob<AiKey>> owner(job);
        QVERIFY(!job->isFinished()); // never finishes inside the call that started it
        QVERIFY(waitFor(job));
        QCOMPARE(job->error().kind(), ApiError::Kind::InvalidInput);
        QVERIFY(job->error().message().contains(u"24 hexadecimal"_s));
        QCOMPARE(m_net->requests, 0);
    }
};

QTEST_GUILESS_MAIN(TestPaging)
#include "tst_paging.moc"
