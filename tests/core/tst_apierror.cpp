#include "atlas/apierror.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noError()
    {
        const ApiError e;
        QVERIFY(!e.isError());
        QVERIFY(!e);
        QVERIFY(e.message().isEmpty());
    }

    void parsesAtlasBody()
    {
        const QByteArray body =
            R"({"error":404,"errorCode":"RESOURCE_NOT_FOUND","detail":"No AI model API key with ID abc exists.",
            "reason":"Not Found","parameters":[]})";
        const ApiError e =
            ApiError::fromHttp(404, body, "DELETE", u"/api/atlas/v2/groups/g/aiModelApiKeys/abc"_s);
        QVERIFY(e.isError());
        QVERIFY(e.isNotFound());
        QCOMPARE(e.errorCode(), u"RESOURCE_NOT_FOUND"_s);
        QCOMPARE(e.detail(), u"No AI model API key with ID abc exists."_s);
        QVERIFY(e.message().contains(u"404 Not Found"_s));
        // The request is a detail, kept out of the sentence a person reads.
        QVERIFY2(!e.message().contains(u"/api/atlas"_s), qPrintable(e.message()));
        QCOMPARE(e.request(), u"DELETE /api/atlas/v2/groups/g/aiModelApiKeys/abc"_s);
        QVERIFY(e.toString().contains(u"DELETE /api/atlas/v2/groups/g/aiModelApiKeys/abc"_s));
        QVERIFY(e.message().contains(u"No AI model API key with ID abc exists."_s));
        QVERIFY(e.message().contains(u"RESOURCE_NOT_FOUND"_s));
        QVERIFY(e.hint().contains(u"refresh"_s));
    }

    void fieldViolations()
    {
        const QByteArray body = R"({"error":400,"errorCode":"VALIDATION_ERROR","detail":"Invalid request.",
            "badRequestDetail":{"fields":[{"field":"name","description":"must be at most 250 characters"}]}})";
        const ApiError e = ApiError::fromHttp(400, body, "POST", u"/x"_s);
        QCOMPARE(e.fieldViolations().size(), 1);
        QCOMPARE(e.fieldViolations().first().field, u"name"_s);
        QVERIFY(e.message().contains(u"name: must be at most 250 characters"_s));
    }

    void hintsSayWhatToDo_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("needle");
        QTest::newRow("401") << 401 << u"credentials"_s;
        QTest::newRow("403") << 403 << u"access list"_s;
        QTest::newRow("404") << 404 << u"refresh"_s;
        QTest::newRow("409") << 409 << u"refresh"_s;
        QTest::newRow("410") << 410 << u"update the app"_s;
        QTest::newRow("429") << 429 << u"wait"_s;
        QTest::newRow("500") << 500 << u"try again"_s;
        QTest::newRow("503") << 503 << u"try again"_s;
    }
    void hintsSayWhatToDo()
    {
        QFETCH(int, status);
        QFETCH(QString, needle);
        const ApiError e = ApiError::fromHttp(status, "not json at all", "GET", u"/p"_s);
        QVERIFY2(e.hint().contains(needle), qPrintable(e.hint()));
        QVERIFY(!e.message().isEmpty());
    }

    void missingRoleIsNotWrongCredentials()
    {
        // As Atlas answers a principal without the role or outside the project.
        ApiError role = ApiError::fromHttp(
            401,
            R"({"detail":"Current user is not authorized to perform this action.","error":401,)"
            R"("errorCode":"USER_UNAUTHORIZED","parameters":[],"reason":"Unauthorized"})",
            "DELETE", u"/p"_s);
        role.setRequiredRole(u"Project Model Owner"_s);
        QVERIFY(role.isMissingRole());
        QVERIFY(role.isAccessDenied());
        QVERIFY(!role.isUnauthorized());
        QVERIFY(role.hint().contains(u"Project Model Owner"_s));
        QVERIFY(role.hint().contains(u"signing in again will not help"_s));
        // The Digest challenge's body (recorded from Atlas) is wrong credentials.
        const ApiError digest = ApiError::fromHttp(
            401,
            "{\n  \"error\" : 401,\n  \"reason\" : \"Unauthorized\",\n  \"detail\" : \"You are not "
            "authorized for this resource.\",\n  \"errorCode\" : \"UNEXPECTED_ERROR\"\n}",
            "GET", u"/p"_s);
        QVERIFY(digest.isUnauthorized());
        QVERIFY(!digest.isMissingRole());
        QCOMPARE(digest.detail(), u"You are not authorized for this resource."_s);
    }

    void ipAccessListSaysTheAddress_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("address");
        QTest::newRow("not on list")
            << QByteArray(
                   R"({"detail":"IP address 203.0.113.9 is not allowed to access this resource.","error":403,)"
                   R"("errorCode":"IP_ADDRESS_NOT_ON_ACCESS_LIST","parameters":["203.0.113.9"],"reason":"Forbidden"})")
            << QByteArray() << u"203.0.113.9"_s;
        QTest::newRow("org requires")
            << QByteArray(
                   R"({"detail":"This organization requires access through an access list of ip ranges.","error":403,)"
                   R"("errorCode":"ORG_REQUIRES_ACCESS_LIST","parameters":["198.51.100.4"],"reason":"Forbidden"})")
            << QByteArray() << u"198.51.100.4"_s;
        // No body to read: the code from X-Error-Code, no address known.
        QTest::newRow("header only") << QByteArray() << QByteArray("IP_ADDRESS_NOT_ON_ACCESS_LIST")
                                     << QString();
    }
    void ipAccessListSaysTheAddress()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, header);
        QFETCH(QString, address);
        const ApiError e = ApiError::fromHttp(403, body, "GET", u"/api/atlas/v2/orgs"_s, header);
        QVERIFY(e.isIpAccessList());
        QVERIFY(!e.isMissingRole());
        QCOMPARE(e.accessListAddress(), address);
        // The address comes first in what the user reads, then where to add it.
        const QString shown = address.isEmpty() ? u"this computer's address"_s : address;
        QVERIFY2(e.message().startsWith(u"Atlas refused the request from "_s + shown),
                 qPrintable(e.message()));
        QVERIFY2(e.hint().contains(u"API Access List"_s), qPrintable(e.hint()));
        QVERIFY2(e.hint().contains(u"Access Manager"_s), qPrintable(e.hint()));
    }

    void parametersArrayOrNull()
    {
        const ApiError filled = ApiError::fromHttp(
            404, R"({"error":404,"errorCode":"GROUP_NOT_FOUND","parameters":["66a0b1c2d3e4f5a6b7c8d1ff"]})",
            "DELETE", u"/p"_s);
        QCOMPARE(filled.parameters(), QStringList{u"66a0b1c2d3e4f5a6b7c8d1ff"_s});
        QVERIFY(filled.isContainerNotFound());
        QVERIFY(!filled.isItemNotFound());
        QVERIFY(filled.hint().contains(u"66a0b1c2d3e4f5a6b7c8d1ff"_s));
        const ApiError null = ApiError::fromHttp(
            404, R"({"error":404,"errorCode":"RESOURCE_NOT_FOUND","parameters":null})", "DELETE", u"/p"_s);
        QVERIFY(null.parameters().isEmpty());
        QVERIFY(null.isItemNotFound());
        // A 404 without an Atlas code (a proxy's page) says nothing about the key.
        QVERIFY(!ApiError::fromHttp(404, "<html>Not Found</html>", "DELETE", u"/p"_s).isItemNotFound());
        // The header stands in for a body without a code.
        QCOMPARE(ApiError::fromHttp(404, "", "DELETE", u"/p"_s, "ORG_NOT_FOUND").errorCode(),
                 u"ORG_NOT_FOUND"_s);
    }

    void forbiddenNamesTheRole()
    {
        ApiError e =
            ApiError::fromHttp(403, R"({"error":403,"errorCode":"USER_UNAUTHORIZED"})", "POST", u"/p"_s);
        e.setRequiredRole(u"Project Model Owner"_s);
        QVERIFY(e.isForbidden());
        QVERIFY(e.hint().contains(u"Project Model Owner"_s));
    }

    void rateLimitedSaysHowLong()
    {
        ApiError e = ApiError::fromHttp(429, R"({"error":429,"errorCode":"RATE_LIMITED"})", "GET", u"/p"_s);
        e.setRetryAfterSeconds(7);
        QVERIFY(e.isRateLimited());
        QVERIFY2(e.hint().contains(u"7 second"_s), qPrintable(e.hint()));
    }

    void networkAndTimeout()
    {
        const ApiError net = ApiError::network(QNetworkReply::ConnectionRefusedError, u"Connection refused"_s,
                                               "GET", u"/api/atlas/v2/orgs"_s);
        QCOMPARE(net.kind(), ApiError::Kind::Network);
        QVERIFY(net.message().contains(u"Connection refused"_s));
        QVERIFY(net.hint().contains(u"network"_s));
        QVERIFY(!net.outcomeUnknown()); // refused: never sent
        const ApiError reset =
            ApiError::network(QNetworkReply::RemoteHostClosedError, u"closed"_s, "POST", u"/p"_s);
        QVERIFY(reset.outcomeUnknown());
        const ApiError timeout = ApiError::timeout(30000, "POST", u"/p"_s);
        QCOMPARE(timeout.kind(), ApiError::Kind::Timeout);
        QVERIFY(timeout.outcomeUnknown());
        QVERIFY(timeout.message().contains(u"30"_s));
        QVERIFY(!ApiError::fromHttp(400, {}, "POST", u"/p"_s).outcomeUnknown());
    }

    void wrongCredentials()
    {
        const ApiError e = ApiError::wrongCredentials(u"the key was refused."_s);
        QVERIFY(e.isUnauthorized());
        QVERIFY(e.hint().contains(u"credentials"_s));
        QVERIFY(e.toString().startsWith(e.message()));
        QVERIFY(e.request().isEmpty()); // nothing was sent
    }

    void requestIsADetail()
    {
        const ApiError net = ApiError::network(QNetworkReply::ConnectionRefusedError, u"Connection refused"_s,
                                               "GET", u"/api/atlas/v2/orgs"_s);
        QCOMPARE(net.message(), u"Could not reach Atlas: Connection refused."_s);
        QCOMPARE(net.request(), u"GET /api/atlas/v2/orgs"_s);
        const ApiError timeout = ApiError::timeout(30000, "POST", u"/api/atlas/v2/groups/g/aiModelApiKeys"_s);
        QVERIFY2(!timeout.message().contains(u"/api/"_s), qPrintable(timeout.message()));
        QVERIFY2(timeout.toString().endsWith(u"(request: POST /api/atlas/v2/groups/g/aiModelApiKeys)"_s),
                 qPrintable(timeout.toString()));
        const ApiError unreadable =
            ApiError::invalidResponse(u"not JSON"_s, "GET", u"/api/atlas/v2/groups"_s);
        QVERIFY2(!unreadable.message().contains(u"/api/"_s), qPrintable(unreadable.message()));
    }

    void messageAndHintAreSentences()
    {
        // Qt's network error strings have no full stop: the message adds one, so that the hint that
        // follows is a sentence of its own.
        const ApiError net = ApiError::network(QNetworkReply::ConnectionRefusedError, u"Connection refused"_s,
                                               "GET", u"/api/atlas/v2/orgs"_s);
        QCOMPARE(net.message(), u"Could not reach Atlas: Connection refused."_s);
        QCOMPARE(net.toString(),
                 net.message() + u" "_s + net.hint() + u" (request: GET /api/atlas/v2/orgs)"_s);
        QVERIFY2(net.toString().contains(u"Connection refused. Check the network"_s),
                 qPrintable(net.toString()));
        // A message that already ends a sentence gets no second full stop.
        const ApiError dotted =
            ApiError::network(QNetworkReply::RemoteHostClosedError, u"Connection closed."_s, "GET", u"/p"_s);
        QVERIFY2(dotted.toString().contains(u"Connection closed. Check"_s), qPrintable(dotted.toString()));
        const ApiError found = ApiError::fromHttp(
            404,
            R"({"error":404,"errorCode":"RESOURCE_NOT_FOUND","detail":"No such key.","reason":"Not Found"})",
            "GET", u"/k"_s);
        QVERIFY2(found.toString().contains(u"No such key. (RESOURCE_NOT_FOUND) It may have been deleted"_s),
                 qPrintable(found.toString()));
        // A detail without one: the full stop goes after the error code, before the hint.
        const ApiError busy = ApiError::fromHttp(
            503, R"({"error":503,"errorCode":"SERVICE_UNAVAILABLE","detail":"Try later","reason":"x"})",
            "GET", u"/k"_s);
        QVERIFY2(busy.toString().contains(u"Try later (SERVICE_UNAVAILABLE). Atlas had a problem"_s),
                 qPrintable(busy.toString()));
        const ApiError credentials = ApiError::wrongCredentials(u"the key was refused"_s);
        QVERIFY2(credentials.toString().contains(u"the key was refused. Check"_s),
                 qPrintable(credentials.toString()));
        // Nothing to add after a message without a hint.
        QCOMPARE(ApiError::canceled().toString(), ApiError::canceled().message());
    }

    void htmlBodyIsIgnored()
    {
        const ApiError e = ApiError::fromHttp(502, "<html><body>Bad gateway</body></html>", "GET", u"/p"_s);
        QVERIFY(e.errorCode().isEmpty());
        QVERIFY(e.message().contains(u"502"_s));
        QVERIFY(!e.message().contains(u"<html>"_s));
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
