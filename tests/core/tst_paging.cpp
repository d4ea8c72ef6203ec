#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "fakenetwork.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::FakeAnswer;
using aikeys::test::FakeNetwork;

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
        QCOMPARE(m_net->requestCount(), expectedRequests);
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
        QCOMPARE(m_net->maxInFlight(), 6);
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
        QVERIFY2(m_net->requestCount() <= 3 + 12, qPrintable(QString::number(m_net->requestCount())));
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
        QVERIFY2(m_net->requestCount() <= 1 + 12, qPrintable(QString::number(m_net->requestCount())));
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
        QVERIFY(m_net->requestCount() <= 40);
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
                return FakeAnswer{404, "{\"error\":404,\"errorCode\":\"RESOURCE_NOT_FOUND\"}", {}, 1};
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
                    503, "{\"error\":503,\"errorCode\":\"SERVICE_UNAVAILABLE\"}", {{"Retry-After", "0"}}, 1};
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
            return FakeAnswer{503, "{\"error\":503,\"errorCode\":\"SERVICE_UNAVAILABLE\"}", {}, 1};
        };
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QCOMPARE(job->error().httpStatus(), 503);
        QCOMPARE(m_net->requestCount(), m_session->config().retry.maxAttempts);
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
        QTRY_COMPARE(m_net->inFlight(), 0);
        QVERIFY(m_net->requestCount() < 11);
    }

    // The fake network's script: answers per method and path, in order, the last one repeating; and
    // what the client sent, recorded.
    void scriptedAnswersAndRecordedRequests()
    {
        const QString keysPath = u"/api/atlas/v2/groups/*/aiModelApiKeys"_s;
        m_net->on("GET", keysPath, FakeAnswer::atlasError(503, "SERVICE_UNAVAILABLE"));
        m_net->on("GET", keysPath, FakeAnswer{200, keysPage(0, 3, 3), {}, 0});
        std::unique_ptr<ListJob<AiKey>> job(listKeys());
        QVERIFY(waitFor(job.get()));
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        QCOMPARE(job->items().size(), 3);
        QCOMPARE(m_net->requestCount(), 2);
        const auto sent = m_net->recorded("GET", keysPath);
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent.at(1).path(), u"/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/aiModelApiKeys"_s);
        QCOMPARE(sent.at(1).header("authorization"), QByteArray("Bearer token"));
        QVERIFY2(sent.at(1).header("Accept").startsWith("application/vnd.atlas."),
                 sent.at(1).header("Accept").constData());
        QCOMPARE(m_net->pagesRequested(), QList<int>({1, 1}));
        // Nothing scripted for this path: Atlas's 404 for an unknown endpoint.
        AtlasClient client(m_session.get());
        std::unique_ptr<ListJob<Organization>> orgs(client.listOrganizations());
        orgs->setAutoDelete(false);
        QVERIFY(waitFor(orgs.get()));
        QVERIFY(orgs->error().isNotFound());
        QCOMPARE(m_net->recorded().last().path(), u"/api/atlas/v2/orgs"_s);
    }

    // A POST's body reaches the record, and the queue answers in order once each.
    void queuedAnswersAndRecordedBody()
    {
        m_net->enqueue(
            FakeAnswer::json(QJsonDocument(QJsonObject{{u"apiKeyId"_s, u"65a7c2c1d3f1e2a3b4c5d6e7"_s},
                                                       {u"name"_s, u"queued"_s},
                                                       {u"secret"_s, u"al-fake-secret-0123456789"_s}}),
                             201));
        AtlasClient client(m_session.get());
        std::unique_ptr<CreateKeyCall> created(client.createKey(u"32b6e34b3d91647abb20e7b8"_s, u"queued"_s));
        created->setAutoDelete(false);
        QVERIFY(waitFor(created.get()));
        QVERIFY2(created->succeeded(), qPrintable(created->error().toString()));
        SecretBuffer secret = created->takeSecret();
        QCOMPARE(m_net->requestCount(), 1);
        const auto &sent = m_net->recorded().first();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(QJsonDocument::fromJson(sent.body).object().value(u"name"_s).toString(), u"queued"_s);
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
        QCOMPARE(m_net->requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPaging)
#include "tst_paging.moc"
