#include "atlas/atlasclient.h"
#include "atlas/retrypolicy.h"
#include "atlas/session.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys;
using Decision = RetryPolicy::Decision;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retryableStatuses()
    {
        for (int s : {429, 500, 502, 503, 504})
            QVERIFY2(RetryPolicy::isRetryableStatus(s), qPrintable(QString::number(s)));
        for (int s : {200, 201, 204, 400, 401, 403, 404, 406, 409, 410})
            QVERIFY2(!RetryPolicy::isRetryableStatus(s), qPrintable(QString::number(s)));
    }

    void decisions()
    {
        RetryPolicy p;
        p.maxAttempts = 3;
        QCOMPARE(p.decide(true, 1, 503, QNetworkReply::NoError, false), Decision::Retry);
        QCOMPARE(p.decide(true, 2, 429, QNetworkReply::NoError, false), Decision::Retry);
        QCOMPARE(p.decide(true, 3, 503, QNetworkReply::NoError, false), Decision::Stop); // bounded
        QCOMPARE(p.decide(true, 1, 404, QNetworkReply::NoError, false), Decision::Stop);
        QCOMPARE(p.decide(true, 1, 400, QNetworkReply::NoError, false), Decision::Stop);
        // A create is never retried on its own, whatever went wrong.
        QCOMPARE(p.decide(false, 1, 503, QNetworkReply::NoError, false), Decision::Stop);
        QCOMPARE(p.decide(false, 1, 0, QNetworkReply::RemoteHostClosedError, false), Decision::Stop);
        QCOMPARE(p.decide(false, 1, 0, QNetworkReply::OperationCanceledError, true), Decision::Stop);
        // Connection problems and timeouts are retried for idempotent calls.
        QCOMPARE(p.decide(true, 1, 0, QNetworkReply::RemoteHostClosedError, false), Decision::Retry);
        QCOMPARE(p.decide(true, 1, 0, QNetworkReply::ConnectionRefusedError, false), Decision::Retry);
        QCOMPARE(p.decide(true, 1, 0, QNetworkReply::OperationCanceledError, true), Decision::Retry);
        // Not worth retrying: TLS and name resolution will not heal in a second.
        QCOMPARE(p.decide(true, 1, 0, QNetworkReply::SslHandshakeFailedError, false), Decision::Stop);
        QCOMPARE(p.decide(true, 1, 0, QNetworkReply::HostNotFoundError, false), Decision::Stop);
    }

    void retryAfterWinsAndIsCapped()
    {
        RetryPolicy p;
        p.maxRetryAfterMs = 10000;
        QCOMPARE(p.delayMs(1, 3, 0.9), 3000);
        QCOMPARE(p.delayMs(1, 0, 0.9), 0);
        QCOMPARE(p.delayMs(1, 120, 0.5), 10000);
    }

    void retryAfterAboveTheCapIsWaitedForCapped()
    {
        RetryPolicy p;
        p.maxRetryAfterMs = 10000;
        // 429 and 503 with a Retry-After beyond the cap: wait the cap, then try again.
        QCOMPARE(p.retryDelayMs(true, 1, 429, QNetworkReply::NoError, false, 120, 0.5),
                 std::optional<int>(10000));
        QCOMPARE(p.retryDelayMs(true, 2, 503, QNetworkReply::NoError, false, 86400, 0.5),
                 std::optional<int>(10000));
        QCOMPARE(p.retryDelayMs(true, 1, 429, QNetworkReply::NoError, false, 3, 0.5),
                 std::optional<int>(3000));
        // Without one, the backoff.
        QCOMPARE(p.retryDelayMs(true, 1, 503, QNetworkReply::NoError, false, std::nullopt, 0.0),
                 std::optional<int>(p.delayMs(1, std::nullopt, 0.0)));
        // Still bounded by the attempts, and never for a create.
        QCOMPARE(p.retryDelayMs(true, p.maxAttempts, 429, QNetworkReply::NoError, false, 120, 0.5),
                 std::nullopt);
        QCOMPARE(p.retryDelayMs(false, 1, 429, QNetworkReply::NoError, false, 120, 0.5), std::nullopt);
        QCOMPARE(p.retryDelayMs(true, 1, 404, QNetworkReply::NoError, false, 120, 0.5), std::nullopt);
    }

    // The same through a real call: a server that asks for two minutes gets the capped wait and a
    // second request, and the call succeeds, instead of failing at once.
    void callWaitsOutALongRetryAfter()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int requests = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [&requests, socket] {
                    const QByteArray request = socket->readAll();
                    if (!request.contains("\r\n\r\n"))
                        return;
                    ++requests;
                    const QByteArray body =
                        requests == 1
                            ? QByteArray(R"({"error":429,"errorCode":"RATE_LIMITED","detail":"Slow down."})")
                            : QByteArray(R"({"results":[{"id":"5f0000000000000000000001","name":"Org",)"
                                         R"("isDeleted":false}],"totalCount":1,"links":[]})");
                    const QByteArray head = requests == 1
                                                ? "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 120\r\n"
                                                : "HTTP/1.1 200 OK\r\n";
                    const QByteArray type =
                        requests == 1 ? "application/json" : "application/vnd.atlas.2023-01-01+json";
                    socket->write(head + "Content-Type: " + type + "\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
                });
            }
        });

        SessionConfig config;
        config.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
        config.transferTimeoutMs = 10000;
        config.retry.maxRetryAfterMs = 300;
        AtlasSession session(config,
                             Credentials{AuthMode::AccessToken, {}, SecretBuffer(QByteArray("token"))},
                             new QNetworkAccessManager);
        AtlasClient api(&session);
        auto *job = api.listOrganizations();
        job->setAutoDelete(false);
        const std::unique_ptr<Job> owned(job);
        QSignalSpy retrying(job, &Job::retrying);
        QSignalSpy finished(job, &Job::finished);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(finished.wait(10000));
        QVERIFY2(job->succeeded(), qPrintable(job->error().toString()));
        QCOMPARE(requests, 2);
        QCOMPARE(retrying.size(), 1);
        QCOMPARE(retrying.first().at(1).toInt(), 300); // the cap, not 120 s
        QVERIFY(timer.elapsed() >= 250);
    }

    void exponentialBackoffWithJitter()
    {
        RetryPolicy p;
        p.baseDelayMs = 100;
        p.maxBackoffMs = 1000;
        // Equal jitter: between half the step and the whole step.
        QCOMPARE(p.delayMs(1, std::nullopt, 0.0), 50);
        QCOMPARE(p.delayMs(1, std::nullopt, 0.999), 99);
        QCOMPARE(p.delayMs(2, std::nullopt, 0.0), 100);
        QCOMPARE(p.delayMs(3, std::nullopt, 0.0), 200);
        QCOMPARE(p.delayMs(4, std::nullopt, 0.0), 400);
        // The step stops growing at the ceiling.
        QCOMPARE(p.delayMs(10, std::nullopt, 0.0), 500);
        QVERIFY(p.delayMs(10, std::nullopt, 0.999) <= 1000);
        QVERIFY(p.delayMs(60, std::nullopt, 0.5) <= 1000);
        // Different random draws give different delays: the jitter is real.
        QVERIFY(p.delayMs(3, std::nullopt, 0.1) != p.delayMs(3, std::nullopt, 0.9));
    }

    void parseRetryAfter()
    {
        QCOMPARE(RetryPolicy::parseRetryAfter("5"), std::optional<int>(5));
        QCOMPARE(RetryPolicy::parseRetryAfter(" 0 "), std::optional<int>(0));
        QCOMPARE(RetryPolicy::parseRetryAfter(""), std::nullopt);
        QCOMPARE(RetryPolicy::parseRetryAfter("-3"), std::nullopt);
        QCOMPARE(RetryPolicy::parseRetryAfter("soon"), std::nullopt);
        QCOMPARE(RetryPolicy::parseRetryAfter("999999999"), std::optional<int>(86400));
        const QDateTime inTen = QDateTime::currentDateTimeUtc().addSecs(10);
        const QByteArray httpDate =
            QLocale::c().toString(inTen, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
        const auto fromDate = RetryPolicy::parseRetryAfter(httpDate);
        QVERIFY(fromDate.has_value());
        QVERIFY2(*fromDate >= 8 && *fromDate <= 10, qPrintable(QString::number(*fromDate)));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
