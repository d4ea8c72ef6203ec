#include "atlas/retrypolicy.h"

#include <QTest>

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
