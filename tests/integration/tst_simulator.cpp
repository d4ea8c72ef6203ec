// Contract test of atlas-sim: a real simulator process spoken to over raw HTTP with a plain
// QNetworkAccessManager (never the project's client library), so that the simulator's reading of the
// Atlas Admin API contract is checked on its own.
#include "simprocess.h"

#include <QAuthenticator>
#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using aikeys::test::SimProcess;

namespace {

const QByteArray kV2023 = "application/vnd.atlas.2023-01-01+json";
const QByteArray kV2025 = "application/vnd.atlas.2025-03-12+json";
// What Atlas labels its answers with (mongodb/mongodb-atlas-cli's recorded e2e answers).
const QByteArray kV2023Answer = kV2023 + ";charset=utf-8";
const QByteArray kV2025Answer = kV2025 + ";charset=utf-8";
// The body of every Digest 401, byte for byte as recorded from Atlas.
const QByteArray kDigest401Body =
    "{\n  \"error\" : 401,\n  \"reason\" : \"Unauthorized\",\n  \"detail\" : \"You are "
    "not authorized for this resource.\",\n  \"errorCode\" : \"UNEXPECTED_ERROR\"\n}";

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lowercase names
    bool timedOut = false;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QString errorCode() const { return json().value(u"errorCode"_s).toString(); }
    QJsonArray results() const { return json().value(u"results"_s).toArray(); }
};

// A QNetworkAccessManager that answers Digest challenges with fixed credentials (when given) and
// waits for each reply in a local event loop.
class Http
{
public:
    explicit Http(QUrl base, QString user = {}, QString password = {})
        : m_base(std::move(base))
        , m_user(std::move(user))
        , m_password(std::move(password))
    {
        QObject::connect(&m_nam, &QNetworkAccessManager::authenticationRequired, &m_nam,
                         [this](QNetworkReply *reply, QAuthenticator *auth) {
                             ++prompts;
                             // Answer twice at most per reply, so a wrong password ends instead of looping.
                             const int seen = reply->property("prompts").toInt() + 1;
                             reply->setProperty("prompts", seen);
                             if (m_user.isEmpty() || seen > 2)
                                 return;
                             auth->setUser(m_user);
                             auth->setPassword(m_password);
                         });
    }

    QUrl url(const QString &pathAndQuery) const
    {
        QUrl u = m_base;
        const qsizetype q = pathAndQuery.indexOf(u'?');
        u.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
        if (q >= 0)
            u.setQuery(pathAndQuery.mid(q + 1));
        return u;
    }

    Reply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &accept = {},
               const QByteArray &body = {}, const QByteArray &contentType = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {}, int transferTimeoutMs = 15000)
    {
        QNetworkRequest request(url(pathAndQuery));
        if (!accept.isEmpty())
            request.setRawHeader("Accept", accept);
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer);
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        request.setTransferTimeout(transferTimeoutMs);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer guard;
        guard.setSingleShot(true);
        QObject::connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
        guard.start(transferTimeoutMs + 5000);
        loop.exec();
        Reply r;
        r.timedOut = !reply->isFinished();
        if (r.timedOut)
            reply->abort();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.error = reply->error();
        if (reply->isOpen())
            r.body = reply->readAll();
        for (const auto &pair : reply->rawHeaderPairs())
            r.headers.insert(pair.first.toLower(), pair.second);
        reply->deleteLater();
        return r;
    }

    Reply get(const QString &pathAndQuery, const QByteArray &accept)
    {
        return send("GET", pathAndQuery, accept);
    }

    QByteArray bearer;
    int prompts = 0;

private:
    QUrl m_base;
    QString m_user;
    QString m_password;
    QNetworkAccessManager m_nam;
};

QByteArray basic(const QByteArray &user, const QByteArray &password)
{
    const QByteArray pair = user + ':' + password;
    return "Basic " + pair.toBase64();
}

QByteArray fetchToken(Http &http, const QByteArray &clientId, const QByteArray &secret, int *status = nullptr)
{
    const Reply r =
        http.send("POST", u"/api/oauth/token"_s, "application/json", "grant_type=client_credentials",
                  "application/x-www-form-urlencoded", {{"Authorization", basic(clientId, secret)}});
    if (status)
        *status = r.status;
    return r.json().value(u"access_token"_s).toString().toLatin1();
}

// Digest parameters from a WWW-Authenticate header.
QHash<QByteArray, QByteArray> challengeParams(const QByteArray &header)
{
    QHash<QByteArray, QByteArray> out;
    static const QRegularExpression param(u"(\\w+)=(\"([^\"]*)\"|[^,\\s]+)"_s);
    auto it = param.globalMatch(QString::fromLatin1(header));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString value = m.captured(3).isNull() ? m.captured(2) : m.captured(3);
        out.insert(m.captured(1).toLatin1(), value.toLatin1());
    }
    return out;
}

QByteArray md5(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

// An Authorization: Digest header computed by hand, to control the nonce.
QByteArray digestHeader(const QByteArray &user, const QByteArray &password, const QByteArray &method,
                        const QByteArray &uri, const QByteArray &nonce, int nc)
{
    const QByteArray realm = "MMS Public API";
    const QByteArray cnonce = "0a4f113b";
    const QByteArray ncText = QByteArray::number(nc, 16).rightJustified(8, '0');
    const QByteArray ha1 = md5(user + ':' + realm + ':' + password);
    const QByteArray ha2 = md5(method + ':' + uri);
    const QByteArray response = md5(ha1 + ':' + nonce + ':' + ncText + ':' + cnonce + ":auth:" + ha2);
    return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" +
           uri + "\", algorithm=MD5, qop=auth, nc=" + ncText + ", cnonce=\"" + cnonce + "\", response=\"" +
           response + '"';
}

QString projectIdByName(Http &http, const QString &name)
{
    const Reply r = http.get(u"/api/atlas/v2/groups?itemsPerPage=500"_s, kV2023);
    for (const QJsonValue &v : r.results()) {
        if (v.toObject().value(u"name"_s).toString() == name)
            return v.toObject().value(u"id"_s).toString();
    }
    return {};
}

QString orgIdByName(Http &http, const QString &name)
{
    const Reply r = http.get(u"/api/atlas/v2/orgs"_s, kV2023);
    for (const QJsonValue &v : r.results()) {
        if (v.toObject().value(u"name"_s).toString() == name)
            return v.toObject().value(u"id"_s).toString();
    }
    return {};
}

Reply createKey(Http &http, const QString &groupId, const QString &name)
{
    const QJsonObject body{{u"name"_s, name}, {u"cloud"_s, u"ANY"_s}, {u"geography"_s, u"ANY"_s}};
    return http.send("POST", u"/api/atlas/v2/groups/%1/aiModelApiKeys"_s.arg(groupId), kV2025,
                     QJsonDocument(body).toJson(QJsonDocument::Compact), kV2025);
}

QStringList linkRels(const Reply &r)
{
    QStringList rels;
    for (const QJsonValue &l : r.json().value(u"links"_s).toArray())
        rels.append(l.toObject().value(u"rel"_s).toString());
    return rels;
}

QStringList fieldNames(const Reply &r)
{
    QStringList fields;
    const QJsonArray list = r.json().value(u"badRequestDetail"_s).toObject().value(u"fields"_s).toArray();
    for (const QJsonValue &f : list)
        fields.append(f.toObject().value(u"field"_s).toString());
    return fields;
}

Reply embed(Http &http, const QByteArray &secret)
{
    const QJsonObject body{{u"input"_s, QJsonArray{u"hello simulator"_s}}, {u"model"_s, u"voyage-3.5"_s}};
    return http.send("POST", u"/v1/embeddings"_s, "application/json", QJsonDocument(body).toJson(),
                     "application/json", {{"Authorization", "Bearer " + secret}});
}

} // namespace

class tst_Simulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void unauthenticatedRequestGetsDigestChallenge();
    void digestWithQAuthenticatorSucceeds();
    void wrongDigestPasswordIsRefused();
    void staleNonceIsReportedAndRecovered();
    void wrongAcceptIs406();
    void retiredVersionIs410();

    void serviceAccountTokenFlowAndRevoke();
    void expiredTokenIsRefused();
    void testClockOnlyWhenAskedFor();
    void tokenEndpointIsRateLimited();

    void readOnlyPrincipalCannotWrite();
    void apiAccessListRefusesOtherAddresses();
    void orgRequiringAccessListRefusesPrincipalsWithout();
    void projectScopedPrincipalSeesOnlyItsProjects();

    void createReturnsSecretOnlyOnce();
    void duplicateNameConflicts();
    void nameLengthIsCountedInUtf16Units();
    void invalidBodiesAreRejected();
    void deleteThenNotFound();
    void unknownPathsAndMethods();
    void pipelinedAnswersKeepTheirOrder();

    void pagingOverGeneratedOrg();
    void brokenPagingFault();
    void requestRateLimitAnswers429();

    void failStatusFaultThenNormalService();
    void dropFaultLosesTheAnswerNotTheCreate();
    void hangAndMalformedFaults();

    void rateLimitEndpoints();
    void embeddingsUpdateLastUsedAt();
    void statePersistsAcrossRestart();
    void seedFileDataAndPrincipals();
    void commandLineErrorsExitWithCode2();
    void exitWithParentStopsAtEndOfInput();
    void predictableSecretsRepeat();
};

void tst_Simulator::initTestCase()
{
    QVERIFY2(QFile::exists(SimProcess::executablePath()), qPrintable(SimProcess::executablePath()));
}

void tst_Simulator::unauthenticatedRequestGetsDigestChallenge()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl());
    const Reply r = http.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.error, QNetworkReply::AuthenticationRequiredError);
    const QByteArray challenge = r.header("WWW-Authenticate");
    QVERIFY2(challenge.startsWith("Digest "), challenge.constData());
    const auto params = challengeParams(challenge);
    QCOMPARE(params.value("realm"), QByteArray("MMS Public API"));
    QCOMPARE(params.value("qop"), QByteArray("auth"));
    QCOMPARE(params.value("algorithm"), QByteArray("MD5"));
    QCOMPARE(params.value("stale"), QByteArray("false"));
    QVERIFY(challenge.contains("domain=\"\""));
    QVERIFY(!params.value("nonce").isEmpty());
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    QCOMPARE(r.body, kDigest401Body);
    QVERIFY(r.header("X-Error-Code").isEmpty());
    QVERIFY(!r.header("RateLimit-Limit").isEmpty());
    QVERIFY(!r.header("RateLimit-Remaining").isEmpty());
}

void tst_Simulator::digestWithQAuthenticatorSucceeds()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    const Reply r = http.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), kV2023Answer);
    QVERIFY(r.header("RateLimit-Limit").toInt() > 0);
    QVERIFY(!r.header("RateLimit-Remaining").isEmpty());
    QVERIFY(r.results().size() >= 2);
    QCOMPARE(r.json().value(u"totalCount"_s).toInt(), r.results().size());
    static const QRegularExpression hex24(u"^[0-9a-f]{24}$"_s);
    for (const QJsonValue &org : r.results())
        QVERIFY(hex24.match(org.toObject().value(u"id"_s).toString()).hasMatch());

    // Name prefix filter, case-insensitive.
    const Reply filtered = http.get(u"/api/atlas/v2/orgs?name=acme"_s, kV2023);
    QCOMPARE(filtered.results().size(), 1);
    QCOMPARE(filtered.results().at(0).toObject().value(u"name"_s).toString(), u"Acme Analytics"_s);

    // Later requests are pre-authenticated: no further prompt.
    QCOMPARE(http.get(u"/api/atlas/v2/groups"_s, kV2023).status, 200);
    QCOMPARE(http.prompts, 1);
}

void tst_Simulator::wrongDigestPasswordIsRefused()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"not-the-private-key"_s);
    const Reply r = http.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.error, QNetworkReply::AuthenticationRequiredError);
    QCOMPARE(r.body, kDigest401Body);
    QVERIFY(r.header("WWW-Authenticate").contains("stale=false"));
}

void tst_Simulator::staleNonceIsReportedAndRecovered()
{
    SimProcess sim({u"--nonce-ttl"_s, u"2"_s, u"--test-clock"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));

    Http raw(sim.baseUrl());
    const QByteArray uri = "/api/atlas/v2/orgs?itemsPerPage=5";
    const Reply challenge = raw.get(QString::fromLatin1(uri), kV2023);
    const QByteArray nonce = challengeParams(challenge.header("WWW-Authenticate")).value("nonce");
    QVERIFY(!nonce.isEmpty());

    const auto signedGet = [&](const QByteArray &password, const QByteArray &n, int nc) {
        return raw.send("GET", QString::fromLatin1(uri), kV2023, {}, {},
                        {{"Authorization", digestHeader("demo", password, "GET", uri, n, nc)}});
    };
    QCOMPARE(signedGet("demo-private-key", nonce, 1).status, 200);

    QVERIFY(sim.advanceClock(3));
    const Reply stale = signedGet("demo-private-key", nonce, 2);
    QCOMPARE(stale.status, 401);
    const auto staleParams = challengeParams(stale.header("WWW-Authenticate"));
    QCOMPARE(staleParams.value("stale"), QByteArray("true"));
    QVERIFY(staleParams.value("nonce") != nonce);
    QCOMPARE(stale.body, kDigest401Body);

    // The same expired nonce with the wrong password is not "stale": the credentials are wrong.
    const Reply wrong = signedGet("wrong", nonce, 3);
    QCOMPARE(wrong.status, 401);
    QCOMPARE(challengeParams(wrong.header("WWW-Authenticate")).value("stale"), QByteArray("false"));

    // A fresh nonce works again.
    QCOMPARE(signedGet("demo-private-key", staleParams.value("nonce"), 1).status, 200);

    // QNetworkAccessManager rotates to the new nonce by itself.
    Http qt(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    QCOMPARE(qt.get(u"/api/atlas/v2/orgs"_s, kV2023).status, 200);
    QVERIFY(sim.advanceClock(3));
    QCOMPARE(qt.get(u"/api/atlas/v2/orgs"_s, kV2023).status, 200);
}

void tst_Simulator::wrongAcceptIs406()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);

    const Reply plain = http.get(u"/api/atlas/v2/orgs"_s, "application/json");
    QCOMPARE(plain.status, 406);
    QVERIFY(plain.header("Content-Type").startsWith("application/json"));
    QCOMPARE(plain.errorCode(), u"NOT_ACCEPTABLE"_s);
    QCOMPARE(plain.json().value(u"error"_s).toInt(), 406);

    // A real version, but not one this resource has.
    const Reply otherVersion = http.get(u"/api/atlas/v2/orgs"_s, kV2025);
    QCOMPARE(otherVersion.status, 406);
    QCOMPARE(otherVersion.errorCode(), u"INVALID_VERSION_DATE"_s);

    const QString groupId = projectIdByName(http, u"prod-search"_s);
    QVERIFY(!groupId.isEmpty());
    const Reply keysOldType = http.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys"_s.arg(groupId), kV2023);
    QCOMPARE(keysOldType.status, 406);
    QCOMPARE(http.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys"_s.arg(groupId), kV2025).status, 200);
}

void tst_Simulator::retiredVersionIs410()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    const Reply r = http.get(u"/api/atlas/v2/orgs"_s, "application/vnd.atlas.2022-06-01+json");
    QCOMPARE(r.status, 410);
    QCOMPARE(r.errorCode(), u"VERSION_GONE"_s);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
}

void tst_Simulator::serviceAccountTokenFlowAndRevoke()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl());

    const Reply token = http.send("POST", u"/api/oauth/token"_s, "application/json",
                                  "grant_type=client_credentials", "application/x-www-form-urlencoded",
                                  {{"Authorization", basic("mdb_sa_id_demo", "mdb_sa_sk_demo")}});
    QCOMPARE(token.status, 200);
    QCOMPARE(token.json().value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(token.json().value(u"expires_in"_s).toInt(), 3600);
    const QByteArray accessToken = token.json().value(u"access_token"_s).toString().toLatin1();
    QVERIFY(accessToken.size() >= 20);

    http.bearer = accessToken;
    QCOMPARE(http.get(u"/api/atlas/v2/orgs"_s, kV2023).status, 200);
    http.bearer.clear();

    const Reply badClient =
        http.send("POST", u"/api/oauth/token"_s, "application/json", "grant_type=client_credentials",
                  "application/x-www-form-urlencoded", {{"Authorization", basic("mdb_sa_id_demo", "wrong")}});
    QCOMPARE(badClient.status, 401);
    QCOMPARE(badClient.json().value(u"error"_s).toString(), u"invalid_client"_s);

    const Reply badGrant = http.send("POST", u"/api/oauth/token"_s, "application/json", "grant_type=password",
                                     "application/x-www-form-urlencoded",
                                     {{"Authorization", basic("mdb_sa_id_demo", "mdb_sa_sk_demo")}});
    QCOMPARE(badGrant.status, 400);
    QCOMPARE(badGrant.json().value(u"error"_s).toString(), u"unsupported_grant_type"_s);

    const Reply revoked = http.send("POST", u"/api/oauth/revoke"_s, "application/json",
                                    "token=" + accessToken + "&token_type_hint=access_token",
                                    "application/x-www-form-urlencoded",
                                    {{"Authorization", basic("mdb_sa_id_demo", "mdb_sa_sk_demo")}});
    QCOMPARE(revoked.status, 200);

    http.bearer = accessToken;
    const Reply afterRevoke = http.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(afterRevoke.status, 401);
    QCOMPARE(afterRevoke.errorCode(), u"INVALID_TOKEN"_s);

    http.bearer = "not-a-token";
    QCOMPARE(http.get(u"/api/atlas/v2/orgs"_s, kV2023).errorCode(), u"INVALID_TOKEN"_s);
}

void tst_Simulator::expiredTokenIsRefused()
{
    SimProcess sim({u"--token-ttl"_s, u"2"_s, u"--test-clock"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl());
    http.bearer = fetchToken(http, "mdb_sa_id_demo", "mdb_sa_sk_demo");
    QVERIFY(!http.bearer.isEmpty());
    QCOMPARE(http.get(u"/api/atlas/v2/orgs"_s, kV2023).status, 200);
    QVERIFY(sim.advanceClock(3));
    const Reply r = http.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"INVALID_TOKEN"_s);
    QVERIFY(r.json().value(u"detail"_s).toString().contains(u"expired"_s));
}

// The test clock is there only with --test-clock, only by POST, and only moves forward.
void tst_Simulator::testClockOnlyWhenAskedFor()
{
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Http http(sim.baseUrl());
        const Reply r = http.send("POST", u"/sim/test/clock?advanceSeconds=10"_s);
        QCOMPARE(r.status, 404);
        QVERIFY(!sim.advanceClock(10));
    }
    SimProcess sim({u"--test-clock"_s, u"--token-ttl"_s, u"1000"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl());
    QCOMPARE(http.send("GET", u"/sim/test/clock?advanceSeconds=10"_s).status, 405);
    QCOMPARE(http.send("POST", u"/sim/test/clock?advanceSeconds=-5"_s).status, 400);
    QCOMPARE(http.send("POST", u"/sim/test/clock?advanceSeconds=soon"_s).status, 400);
    http.bearer = fetchToken(http, "mdb_sa_id_demo", "mdb_sa_sk_demo");
    QVERIFY(!http.bearer.isEmpty());
    const Reply moved = http.send("POST", u"/sim/test/clock?advanceSeconds=990"_s);
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.json().value(u"advancedSeconds"_s).toInt(), 990);
    QCOMPARE(http.get(u"/api/atlas/v2/orgs"_s, kV2023).status, 200); // 10 s of 1000 left
    QVERIFY(sim.advanceClock(10));
    QCOMPARE(http.get(u"/api/atlas/v2/orgs"_s, kV2023).errorCode(), u"INVALID_TOKEN"_s);
}

void tst_Simulator::tokenEndpointIsRateLimited()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl());
    for (int i = 0; i < 50; ++i) {
        int status = 0;
        fetchToken(http, "mdb_sa_id_demo", "mdb_sa_sk_demo", &status);
        QCOMPARE(status, 200);
    }
    const Reply limited = http.send("POST", u"/api/oauth/token"_s, "application/json",
                                    "grant_type=client_credentials", "application/x-www-form-urlencoded",
                                    {{"Authorization", basic("mdb_sa_id_demo", "mdb_sa_sk_demo")}});
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.errorCode(), u"RATE_LIMITED"_s);
    const int retryAfter = limited.header("Retry-After").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 60, limited.header("Retry-After").constData());

    // Another client has its own budget.
    int other = 0;
    fetchToken(http, "mdb_sa_id_readonly", "mdb_sa_sk_readonly", &other);
    QCOMPARE(other, 200);
}

void tst_Simulator::readOnlyPrincipalCannotWrite()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http reader(sim.baseUrl(), u"demo-readonly"_s, u"demo-readonly-private-key"_s);
    const QString groupId = projectIdByName(reader, u"prod-search"_s);
    QVERIFY(!groupId.isEmpty());
    const Reply list = reader.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys"_s.arg(groupId), kV2025);
    QCOMPARE(list.status, 200);
    QVERIFY(!list.results().isEmpty());

    // Atlas answers a missing role with 401 USER_UNAUTHORIZED, not 403, and without a challenge.
    const Reply create = createKey(reader, groupId, u"should-not-exist"_s);
    QCOMPARE(create.status, 401);
    QCOMPARE(create.json().value(u"error"_s).toInt(), 401);
    QCOMPARE(create.errorCode(), u"USER_UNAUTHORIZED"_s);
    QCOMPARE(create.header("X-Error-Code"), QByteArray("USER_UNAUTHORIZED"));
    QCOMPARE(create.json().value(u"detail"_s).toString(),
             u"Current user is not authorized to perform this action."_s);
    QVERIFY(create.json().value(u"parameters"_s).isArray());
    QVERIFY(create.header("WWW-Authenticate").isEmpty());

    // The read-only service account, through a token.
    Http saHttp(sim.baseUrl());
    saHttp.bearer = fetchToken(saHttp, "mdb_sa_id_readonly", "mdb_sa_sk_readonly");
    QVERIFY(!saHttp.bearer.isEmpty());
    const QString keyId = list.results().at(0).toObject().value(u"apiKeyId"_s).toString();
    const Reply del =
        saHttp.send("DELETE", u"/api/atlas/v2/groups/%1/aiModelApiKeys/%2"_s.arg(groupId, keyId), kV2025);
    QCOMPARE(del.status, 401);
    QCOMPARE(del.errorCode(), u"USER_UNAUTHORIZED"_s);
    const Reply patch = saHttp.send(
        "PATCH",
        u"/api/atlas/v2/groups/%1/aiModelApiClouds/ANY/geographies/ANY/modelGroupNames/embed_large/rateLimits"_s
            .arg(groupId),
        kV2025, R"({"requestsPerMinuteLimit":10,"tokensPerMinuteLimit":10})", kV2025);
    QCOMPARE(patch.status, 401);
    QCOMPARE(saHttp.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys/%2"_s.arg(groupId, keyId), kV2025).status,
             200);
}

void tst_Simulator::apiAccessListRefusesOtherAddresses()
{
    // demo-readonly may call only from 10.0.0.0/8; this test calls from 127.0.0.1.
    SimProcess sim({u"--access-list"_s, u"demo-readonly=10.0.0.0/8,192.0.2.1"_s, u"--access-list"_s,
                    u"demo=127.0.0.1"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http outside(sim.baseUrl(), u"demo-readonly"_s, u"demo-readonly-private-key"_s);
    const Reply refused = outside.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), u"IP_ADDRESS_NOT_ON_ACCESS_LIST"_s);
    QCOMPARE(refused.header("X-Error-Code"), QByteArray("IP_ADDRESS_NOT_ON_ACCESS_LIST"));
    QCOMPARE(refused.json().value(u"detail"_s).toString(),
             u"IP address 127.0.0.1 is not allowed to access this resource."_s);
    QCOMPARE(refused.json().value(u"parameters"_s).toArray(), QJsonArray{u"127.0.0.1"_s});

    Http inside(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    QCOMPARE(inside.get(u"/api/atlas/v2/orgs"_s, kV2023).status, 200);

    // A seed file says the same with "accessList".
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString seed = dir.filePath(u"seed.json"_s);
    QFile f(seed);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"orgs":[{"id":"5f0000000000000000000001","name":"Org"}],
        "principals":[{"type":"apiKey","publicKey":"far","privateKey":"far-key",
                       "accessList":["203.0.113.0/24"],
                       "roles":[{"orgId":"*","roleName":"ORG_OWNER"}]}]})");
    f.close();
    SimProcess seeded({u"--data"_s, seed});
    QVERIFY2(seeded.start(), qPrintable(seeded.errorString()));
    Http far(seeded.baseUrl(), u"far"_s, u"far-key"_s);
    QCOMPARE(far.get(u"/api/atlas/v2/orgs"_s, kV2023).errorCode(), u"IP_ADDRESS_NOT_ON_ACCESS_LIST"_s);

    // A bad entry is a command-line error.
    QProcess bad;
    bad.start(SimProcess::executablePath(), {u"--access-list"_s, u"demo=not-an-address"_s});
    QVERIFY(bad.waitForFinished(10000));
    QCOMPARE(bad.exitCode(), 2);
}

void tst_Simulator::orgRequiringAccessListRefusesPrincipalsWithout()
{
    SimProcess sim({u"--require-access-list"_s, u"--access-list"_s, u"demo-readonly=127.0.0.0/8"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    // Already at sign-in's first call.
    Http none(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    const Reply refused = none.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode(), u"ORG_REQUIRES_ACCESS_LIST"_s);
    QCOMPARE(refused.json().value(u"detail"_s).toString(),
             u"This organization requires access through an access list of ip ranges."_s);
    QCOMPARE(refused.json().value(u"parameters"_s).toArray(), QJsonArray{u"127.0.0.1"_s});
    // A principal whose list includes the caller passes.
    Http listed(sim.baseUrl(), u"demo-readonly"_s, u"demo-readonly-private-key"_s);
    QCOMPARE(listed.get(u"/api/atlas/v2/orgs"_s, kV2023).status, 200);
}

void tst_Simulator::projectScopedPrincipalSeesOnlyItsProjects()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http admin(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    const QString acme = orgIdByName(admin, u"Acme Analytics"_s);
    const QString prodSearch = projectIdByName(admin, u"prod-search"_s);
    const QString staging = projectIdByName(admin, u"staging-search"_s);
    const QString partner = projectIdByName(admin, u"partner-integration"_s);
    QVERIFY(!acme.isEmpty() && !prodSearch.isEmpty() && !staging.isEmpty() && !partner.isEmpty());

    Http scoped(sim.baseUrl(), u"demo-project"_s, u"demo-project-private-key"_s);
    const Reply orgs = scoped.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(orgs.status, 200);
    QVERIFY(orgs.results().isEmpty());
    QCOMPARE(orgs.json().value(u"totalCount"_s).toInt(-1), 0);

    QCOMPARE(scoped.get(u"/api/atlas/v2/orgs/%1/groups"_s.arg(acme), kV2023).status, 401);
    QCOMPARE(scoped.get(u"/api/atlas/v2/orgs/%1/aiModelApiKeys"_s.arg(acme), kV2025).status, 401);

    const Reply groups = scoped.get(u"/api/atlas/v2/groups"_s, kV2023);
    QCOMPARE(groups.status, 200);
    QSet<QString> ids;
    for (const QJsonValue &g : groups.results())
        ids.insert(g.toObject().value(u"id"_s).toString());
    QVERIFY(ids.contains(staging));
    QVERIFY(ids.contains(partner)); // in an organization it cannot see
    QVERIFY(!ids.contains(prodSearch));
    QCOMPARE(groups.json().value(u"totalCount"_s).toInt(), ids.size());

    QCOMPARE(scoped.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys"_s.arg(partner), kV2025).status, 200);
    QCOMPARE(scoped.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys"_s.arg(prodSearch), kV2025).errorCode(),
             u"USER_UNAUTHORIZED"_s);
    const Reply created = createKey(scoped, staging, u"scoped-key"_s);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json().value(u"createdBy"_s).toString(), u"Project Developer"_s);
}

void tst_Simulator::createReturnsSecretOnlyOnce()
{
    SimProcess sim({u"--verbose"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    const QString groupId = projectIdByName(http, u"prod-search"_s);
    const QString orgId = orgIdByName(http, u"Acme Analytics"_s);

    const Reply created = createKey(http, groupId, u"contract-test-key"_s);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.header("Content-Type"), kV2025Answer);
    const QJsonObject key = created.json();
    const QString secret = key.value(u"secret"_s).toString();
    QVERIFY2(QRegularExpression(u"^al-[A-Za-z0-9]{43}$"_s).match(secret).hasMatch(), qPrintable(secret));
    QCOMPARE(key.value(u"maskedSecret"_s).toString(), u"al-****"_s + secret.right(4));
    const QString id = key.value(u"apiKeyId"_s).toString();
    QVERIFY2(QRegularExpression(u"^[a-z0-9]{24}$"_s).match(id).hasMatch(), qPrintable(id));
    QCOMPARE(key.value(u"name"_s).toString(), u"contract-test-key"_s);
    QCOMPARE(key.value(u"groupId"_s).toString(), groupId);
    QCOMPARE(key.value(u"createdBy"_s).toString(), u"Demo Admin"_s);
    QCOMPARE(key.value(u"status"_s).toString(), u"ACTIVE"_s);
    QCOMPARE(key.value(u"cloud"_s).toString(), u"ANY"_s);
    QCOMPARE(key.value(u"geography"_s).toString(), u"ANY"_s);
    QCOMPARE(key.value(u"endpoint"_s).toString(), u"127.0.0.1:%1"_s.arg(sim.port()));
    QVERIFY(key.contains(u"lastUsedAt"_s));
    QVERIFY(key.value(u"lastUsedAt"_s).isNull());
    QVERIFY2(QRegularExpression(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+00:00$"_s)
                 .match(key.value(u"createdAt"_s).toString())
                 .hasMatch(),
             qPrintable(key.value(u"createdAt"_s).toString()));

    const Reply one = http.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys/%2"_s.arg(groupId, id), kV2025);
    QCOMPARE(one.status, 200);
    QVERIFY(!one.json().contains(u"secret"_s));
    QVERIFY(!one.body.contains(secret.toLatin1()));
    QCOMPARE(one.json().value(u"maskedSecret"_s).toString(), key.value(u"maskedSecret"_s).toString());

    const Reply list =
        http.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys?itemsPerPage=500"_s.arg(groupId), kV2025);
    QCOMPARE(list.status, 200);
    QVERIFY(!list.body.contains(secret.toLatin1()));
    bool found = false;
    for (const QJsonValue &v : list.results()) {
        QVERIFY(!v.toObject().contains(u"secret"_s));
        found = found || v.toObject().value(u"apiKeyId"_s).toString() == id;
    }
    QVERIFY(found);
    // Creation order: the new key comes last.
    QCOMPARE(list.results().last().toObject().value(u"apiKeyId"_s).toString(), id);

    const Reply viaOrg = http.get(u"/api/atlas/v2/orgs/%1/aiModelApiKeys/%2"_s.arg(orgId, id), kV2025);
    QCOMPARE(viaOrg.status, 200);
    QCOMPARE(viaOrg.json().value(u"groupId"_s).toString(), groupId);
    QVERIFY(!viaOrg.json().contains(u"secret"_s));

    // --verbose logs the request line, never the secret or the credentials.
    const QByteArray log = sim.standardError();
    const QByteArray line = "POST /api/atlas/v2/groups/" + groupId.toLatin1() + "/aiModelApiKeys 201";
    QVERIFY2(log.contains(line), log.constData());
    QVERIFY(!log.contains(secret.toLatin1()));
    QVERIFY(!log.contains("demo-private-key"));
}

void tst_Simulator::duplicateNameConflicts()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    const QString prod = projectIdByName(http, u"prod-search"_s);
    const QString staging = projectIdByName(http, u"staging-search"_s);

    QCOMPARE(createKey(http, prod, u"twin"_s).status, 201);
    const Reply again = createKey(http, prod, u"twin"_s);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), u"DUPLICATE_AI_MODEL_API_KEY_NAME"_s);
    QCOMPARE(again.json().value(u"reason"_s).toString(), u"Conflict"_s);

    // Unique within a project only.
    QCOMPARE(createKey(http, staging, u"twin"_s).status, 201);

    // Renaming onto a taken name conflicts too; renaming to one's own name does not.
    const Reply other = createKey(http, prod, u"sibling"_s);
    const QString otherId = other.json().value(u"apiKeyId"_s).toString();
    const QString path = u"/api/atlas/v2/groups/%1/aiModelApiKeys/%2"_s.arg(prod, otherId);
    QCOMPARE(http.send("PATCH", path, kV2025, R"({"name":"twin"})", kV2025).status, 409);
    QCOMPARE(http.send("PATCH", path, kV2025, R"({"name":"sibling"})", kV2025).status, 200);
    const Reply renamed = http.send("PATCH", path, kV2025, R"({"name":"sibling renamed"})", kV2025);
    QCOMPARE(renamed.status, 200);
    QCOMPARE(renamed.json().value(u"name"_s).toString(), u"sibling renamed"_s);
    QVERIFY(!renamed.json().contains(u"secret"_s));
}

void tst_Simulator::nameLengthIsCountedInUtf16Units()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    const QString groupId = projectIdByName(http, u"data-science-sandbox"_s);

    QCOMPARE(createKey(http, groupId, QString(250, u'a')).status, 201);
    const Reply tooLong = createKey(http, groupId, QString(251, u'b'));
    QCOMPARE(tooLong.status, 400);
    QCOMPARE(tooLong.errorCode(), u"VALIDATION_ERROR"_s);
    QCOMPARE(fieldNames(tooLong), QStringList{u"name"_s});

    // Lengths are UTF-16 code units, as Java (Atlas) and the client count them: a key emoji outside
    // the BMP counts twice. 125 of them are 250 units: accepted; 250 are 500 units: refused.
    const QString key = QString::fromUcs4(U"\U0001F511", 1);
    QCOMPARE(key.size(), 2);
    const QString emoji125 = key.repeated(125);
    QCOMPARE(createKey(http, groupId, emoji125).status, 201);
    const Reply emoji250 = createKey(http, groupId, key.repeated(250));
    QCOMPARE(emoji250.status, 400);
    QCOMPARE(emoji250.errorCode(), u"VALIDATION_ERROR"_s);
    QCOMPARE(fieldNames(emoji250), QStringList{u"name"_s});
    QVERIFY2(emoji250.body.contains("(it is 500)"), emoji250.body.constData());
    // One unit over: 124 emoji and three letters are 251 units.
    QCOMPARE(createKey(http, groupId, key.repeated(124) + u"abc"_s).status, 400);
    QCOMPARE(createKey(http, groupId, key.repeated(124) + u"ab"_s).status, 201);
    // A rename is held to the same rule.
    const QString renamePath = u"/api/atlas/v2/groups/%1/aiModelApiKeys/%2"_s.arg(
        groupId, createKey(http, groupId, u"to rename"_s).json().value(u"apiKeyId"_s).toString());
    const QByteArray longEmojiName =
        QJsonDocument(QJsonObject{{u"name"_s, key.repeated(126)}}).toJson(QJsonDocument::Compact);
    QCOMPARE(http.send("PATCH", renamePath, kV2025, longEmojiName, kV2025).status, 400);

    const Reply empty = createKey(http, groupId, QString());
    QCOMPARE(empty.status, 400);
    QCOMPARE(fieldNames(empty), QStringList{u"name"_s});

    // Characters JSON must escape come back intact.
    const QString tricky = u"quote \" backslash \\ tab \t caf\u00e9"_s;
    const Reply created = createKey(http, groupId, tricky);
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(u"apiKeyId"_s).toString();
    const Reply back = http.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys/%2"_s.arg(groupId, id), kV2025);
    QCOMPARE(back.json().value(u"name"_s).toString(), tricky);
}

void tst_Simulator::invalidBodiesAreRejected()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    const QString groupId = projectIdByName(http, u"prod-search"_s);
    const QString path = u"/api/atlas/v2/groups/%1/aiModelApiKeys"_s.arg(groupId);

    const Reply missing = http.send("POST", path, kV2025, R"({"name":"x","cloud":"ANY"})", kV2025);
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.errorCode(), u"VALIDATION_ERROR"_s);
    QCOMPARE(fieldNames(missing), QStringList{u"geography"_s});

    const Reply wrongCloud =
        http.send("POST", path, kV2025, R"({"name":"x","cloud":"AWS","geography":"ANY"})", kV2025);
    QCOMPARE(wrongCloud.status, 400);
    QCOMPARE(fieldNames(wrongCloud), QStringList{u"cloud"_s});

    const Reply malformed = http.send("POST", path, kV2025, R"({"name": "x",)", kV2025);
    QCOMPARE(malformed.status, 400);
    QCOMPARE(malformed.errorCode(), u"MALFORMED_REQUEST"_s);

    const Reply wrongType = http.send("POST", path, kV2025, R"({"name":"x","cloud":"ANY","geography":"ANY"})",
                                      "application/json");
    QCOMPARE(wrongType.status, 415);

    const Reply created = createKey(http, groupId, u"patch-me"_s);
    const QString keyPath = path + u'/' + created.json().value(u"apiKeyId"_s).toString();
    const Reply patchCloud = http.send("PATCH", keyPath, kV2025, R"({"name":"y","cloud":"ANY"})", kV2025);
    QCOMPARE(patchCloud.status, 400);
    QCOMPARE(fieldNames(patchCloud), QStringList{u"cloud"_s});
    QCOMPARE(http.send("PATCH", keyPath, kV2025, R"({})", kV2025).status, 400);
}

void tst_Simulator::deleteThenNotFound()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    const QString groupId = projectIdByName(http, u"rag-assistant-prod"_s);
    const Reply created = createKey(http, groupId, u"short-lived"_s);
    QCOMPARE(created.status, 201);
    const QString path = u"/api/atlas/v2/groups/%1/aiModelApiKeys/%2"_s.arg(
        groupId, created.json().value(u"apiKeyId"_s).toString());

    const Reply deleted = http.send("DELETE", path, kV2025);
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(deleted.header("Content-Type"), kV2025Answer); // Atlas labels a 204 too

    const QString keyId = created.json().value(u"apiKeyId"_s).toString();
    const Reply gone = http.get(path, kV2025);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.errorCode(), u"RESOURCE_NOT_FOUND"_s);
    QCOMPARE(gone.header("X-Error-Code"), QByteArray("RESOURCE_NOT_FOUND"));
    QCOMPARE(gone.json().value(u"parameters"_s).toArray().first().toString(), keyId);
    QCOMPARE(http.send("DELETE", path, kV2025).status, 404);

    // A missing project is not a missing key: GROUP_NOT_FOUND, with the id in parameters.
    const QString noProject = u"66a0b1c2d3e4f5a6b7c8d1ff"_s;
    const Reply noGroup =
        http.send("DELETE", u"/api/atlas/v2/groups/%1/aiModelApiKeys/%2"_s.arg(noProject, keyId), kV2025);
    QCOMPARE(noGroup.status, 404);
    QCOMPARE(noGroup.errorCode(), u"GROUP_NOT_FOUND"_s);
    QCOMPARE(noGroup.header("X-Error-Code"), QByteArray("GROUP_NOT_FOUND"));
    QCOMPARE(noGroup.json().value(u"detail"_s).toString(), u"No group with ID %1 exists."_s.arg(noProject));
    QCOMPARE(noGroup.json().value(u"parameters"_s).toArray(), QJsonArray{noProject});
    const Reply noOrg = http.get(u"/api/atlas/v2/orgs/65f1c0de2a9b4e0012a0c0ff/aiModelApiKeys"_s, kV2025);
    QCOMPARE(noOrg.status, 404);
    QCOMPARE(noOrg.errorCode(), u"ORG_NOT_FOUND"_s);
    QCOMPARE(noOrg.json().value(u"parameters"_s).toArray(), QJsonArray{u"65f1c0de2a9b4e0012a0c0ff"_s});

    // The name is free again.
    QCOMPARE(createKey(http, groupId, u"short-lived"_s).status, 201);
}

void tst_Simulator::unknownPathsAndMethods()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);

    const Reply badId = http.get(u"/api/atlas/v2/groups/not-an-id/aiModelApiKeys"_s, kV2025);
    QCOMPARE(badId.status, 400);
    QCOMPARE(badId.errorCode(), u"INVALID_GROUP_ID"_s);
    const Reply badOrg = http.get(u"/api/atlas/v2/orgs/XYZ/aiModelApiKeys"_s, kV2025);
    QCOMPARE(badOrg.status, 400);
    QCOMPARE(badOrg.errorCode(), u"INVALID_ORG_ID"_s);
    const Reply unknownGroup =
        http.get(u"/api/atlas/v2/groups/0123456789abcdef01234567/aiModelApiKeys"_s, kV2025);
    QCOMPARE(unknownGroup.status, 404);
    QCOMPARE(unknownGroup.errorCode(), u"GROUP_NOT_FOUND"_s);

    const Reply unknownPath = http.get(u"/api/atlas/v2/clusters"_s, kV2023);
    QCOMPARE(unknownPath.status, 404);
    QCOMPARE(unknownPath.errorCode(), u"RESOURCE_NOT_FOUND"_s);

    const Reply wrongMethod = http.send("PUT", u"/api/atlas/v2/orgs"_s, kV2023, "{}", kV2023);
    QCOMPARE(wrongMethod.status, 405);
    QCOMPARE(wrongMethod.header("Allow"), QByteArray("GET"));
}

void tst_Simulator::pipelinedAnswersKeepTheirOrder()
{
    SimProcess sim({u"--latency-ms"_s, u"100"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl());
    http.bearer = fetchToken(http, "mdb_sa_id_demo", "mdb_sa_sk_demo");
    const Reply groups = http.get(u"/api/atlas/v2/groups"_s, kV2023);
    QStringList ids;
    for (const QJsonValue &g : groups.results())
        ids.append(g.toObject().value(u"id"_s).toString());
    QVERIFY(ids.size() >= 3);

    // Three requests written at once on one keep-alive connection, answered in the same order.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, sim.port());
    QVERIFY(socket.waitForConnected(5000));
    QByteArray requests;
    for (int i = 0; i < 3; ++i) {
        requests += "GET /api/atlas/v2/groups/" + ids.at(i).toLatin1() +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + kV2023 + "\r\nAuthorization: Bearer " +
                    http.bearer + "\r\n\r\n";
    }
    socket.write(requests);
    QByteArray received;
    QByteArrayList bodies;
    // Splits what has arrived into complete answers, by Content-Length.
    const auto complete = [&] {
        received += socket.readAll();
        bodies.clear();
        qsizetype at = 0;
        while (true) {
            const qsizetype headerEnd = received.indexOf("\r\n\r\n", at);
            if (headerEnd < 0)
                return bodies.size();
            const QByteArray head = received.mid(at, headerEnd - at).toLower();
            const qsizetype lengthAt = head.indexOf("content-length: ");
            if (lengthAt < 0)
                return bodies.size();
            const qsizetype length = head.mid(lengthAt + 16).split('\r').constFirst().toLongLong();
            if (received.size() < headerEnd + 4 + length)
                return bodies.size();
            bodies.append(received.mid(headerEnd + 4, length));
            at = headerEnd + 4 + length;
        }
    };
    QTRY_COMPARE_WITH_TIMEOUT(complete(), 3, 10000);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(QJsonDocument::fromJson(bodies.at(i)).object().value(u"id"_s).toString(), ids.at(i));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void tst_Simulator::pagingOverGeneratedOrg()
{
    SimProcess sim({u"--generate"_s, u"orgs=1,projects=3,keys=1200"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl());
    http.bearer = fetchToken(http, "mdb_sa_id_demo", "mdb_sa_sk_demo");

    const Reply orgs = http.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(orgs.results().size(), 1);
    const QString orgId = orgs.results().at(0).toObject().value(u"id"_s).toString();
    const QString base = u"/api/atlas/v2/orgs/%1/aiModelApiKeys"_s.arg(orgId);

    const Reply first = http.get(base, kV2025);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.results().size(), 100);
    QCOMPARE(first.json().value(u"totalCount"_s).toInt(), 1200);
    QCOMPARE(linkRels(first), (QStringList{u"self"_s, u"next"_s}));
    const QJsonArray links = first.json().value(u"links"_s).toArray();
    QVERIFY(links.at(1).toObject().value(u"href"_s).toString().contains(u"pageNum=2"_s));

    const Reply third = http.get(base + u"?itemsPerPage=500&pageNum=3"_s, kV2025);
    QCOMPARE(third.results().size(), 200);
    QCOMPARE(linkRels(third), (QStringList{u"self"_s, u"previous"_s}));
    QCOMPARE(http.get(base + u"?itemsPerPage=500&pageNum=4"_s, kV2025).results().size(), 0);

    for (const QString &bad :
         {u"itemsPerPage=0"_s, u"itemsPerPage=501"_s, u"itemsPerPage=ten"_s, u"pageNum=0"_s}) {
        const Reply r = http.get(base + u'?' + bad, kV2025);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), u"VALIDATION_ERROR"_s);
    }
    QCOMPARE(http.get(base + u"?itemsPerPage=1"_s, kV2025).results().size(), 1);
    QCOMPARE(http.get(base + u"?itemsPerPage=500"_s, kV2025).results().size(), 500);

    const Reply noCount = http.get(base + u"?includeCount=false"_s, kV2025);
    QCOMPARE(noCount.status, 200);
    QVERIFY(!noCount.json().contains(u"totalCount"_s));

    // Reading every page twice gives every key once, in the same stable order.
    QStringList pass1;
    QStringList pass2;
    for (int page = 1; page <= 3; ++page) {
        for (const QJsonValue &v :
             http.get(base + u"?itemsPerPage=500&pageNum=%1"_s.arg(page), kV2025).results())
            pass1.append(v.toObject().value(u"apiKeyId"_s).toString());
    }
    for (int page = 1; page <= 12; ++page) {
        for (const QJsonValue &v : http.get(base + u"?pageNum=%1"_s.arg(page), kV2025).results())
            pass2.append(v.toObject().value(u"apiKeyId"_s).toString());
    }
    QCOMPARE(pass1.size(), 1200);
    QCOMPARE(QSet<QString>(pass1.cbegin(), pass1.cend()).size(), 1200);
    QCOMPARE(pass1, pass2);

    // Project lists are paged the same way.
    const Reply projects = http.get(u"/api/atlas/v2/orgs/%1/groups"_s.arg(orgId), kV2023);
    QCOMPARE(projects.json().value(u"totalCount"_s).toInt(), 3);
    const QString groupId = projects.results().at(0).toObject().value(u"id"_s).toString();
    const Reply groupKeys =
        http.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys?itemsPerPage=500"_s.arg(groupId), kV2025);
    QCOMPARE(groupKeys.json().value(u"totalCount"_s).toInt(), 400);
    QCOMPARE(groupKeys.results().size(), 400);
}

void tst_Simulator::brokenPagingFault()
{
    SimProcess sim({u"--generate"_s, u"orgs=1,projects=1,keys=30"_s, u"--paging-fault"_s, u"repeat"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl());
    http.bearer = fetchToken(http, "mdb_sa_id_demo", "mdb_sa_sk_demo");
    const QString orgId =
        http.get(u"/api/atlas/v2/orgs"_s, kV2023).results().at(0).toObject().value(u"id"_s).toString();
    const QString base = u"/api/atlas/v2/orgs/%1/aiModelApiKeys?itemsPerPage=10&pageNum="_s.arg(orgId);
    const Reply p1 = http.get(base + u'1', kV2025);
    const Reply p2 = http.get(base + u'2', kV2025);
    QCOMPARE(p1.results().size(), 10);
    QCOMPARE(p2.results(), p1.results());
    QVERIFY(linkRels(p2).contains(u"previous"_s));

    SimProcess under({u"--generate"_s, u"orgs=1,projects=1,keys=30"_s, u"--paging-fault"_s, u"undercount"_s});
    QVERIFY2(under.start(), qPrintable(under.errorString()));
    Http http2(under.baseUrl());
    http2.bearer = fetchToken(http2, "mdb_sa_id_demo", "mdb_sa_sk_demo");
    const QString org2 =
        http2.get(u"/api/atlas/v2/orgs"_s, kV2023).results().at(0).toObject().value(u"id"_s).toString();
    const Reply counted = http2.get(u"/api/atlas/v2/orgs/%1/aiModelApiKeys"_s.arg(org2), kV2025);
    QCOMPARE(counted.results().size(), 30);
    QCOMPARE(counted.json().value(u"totalCount"_s).toInt(), 15);
}

void tst_Simulator::requestRateLimitAnswers429()
{
    SimProcess sim({u"--rate-limit"_s, u"5"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl());
    http.bearer = fetchToken(http, "mdb_sa_id_demo", "mdb_sa_sk_demo");
    QVERIFY(!http.bearer.isEmpty());
    for (int i = 0; i < 5; ++i) {
        const Reply r = http.get(u"/api/atlas/v2/orgs"_s, kV2023);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("RateLimit-Limit"), QByteArray("5"));
        QCOMPARE(r.header("RateLimit-Remaining").toInt(), 4 - i);
    }
    const Reply limited = http.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.error, QNetworkReply::UnknownContentError);
    QCOMPARE(limited.errorCode(), u"RATE_LIMITED"_s);
    const int retryAfter = limited.header("Retry-After").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 60, limited.header("Retry-After").constData());
    QCOMPARE(limited.header("RateLimit-Remaining"), QByteArray("0"));

    // The budget is per principal.
    Http other(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    QCOMPARE(other.get(u"/api/atlas/v2/orgs"_s, kV2023).status, 200);
}

void tst_Simulator::failStatusFaultThenNormalService()
{
    SimProcess sim({u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"503"_s, u"--fault-count"_s, u"1"_s,
                    u"--fault-match"_s, u"GET /api/atlas/v2/orgs"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);

    // Not matched by the glob: served.
    QCOMPARE(http.get(u"/api/atlas/v2/groups"_s, kV2023).status, 200);

    const Reply failed = http.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(failed.status, 503);
    QCOMPARE(failed.errorCode(), u"SERVICE_UNAVAILABLE"_s);
    QCOMPARE(failed.json().value(u"error"_s).toInt(), 503);
    QCOMPARE(failed.header("Retry-After"), QByteArray("1"));
    QVERIFY(failed.header("Content-Type").startsWith("application/json"));

    // --fault-count 1: the next one is served normally.
    QCOMPARE(http.get(u"/api/atlas/v2/orgs"_s, kV2023).status, 200);
}

void tst_Simulator::dropFaultLosesTheAnswerNotTheCreate()
{
    SimProcess sim({u"--drop-rate"_s, u"1"_s, u"--fault-count"_s, u"1"_s, u"--fault-match"_s,
                    u"POST /api/atlas/v2/groups/*/aiModelApiKeys"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl());
    http.bearer = fetchToken(http, "mdb_sa_id_demo", "mdb_sa_sk_demo");
    const QString groupId = projectIdByName(http, u"internal-tools"_s);

    // Over a bare socket (no client-side resend): the connection closes and not one byte comes back.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, sim.port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray body = R"({"name":"lost-create","cloud":"ANY","geography":"ANY"})";
    socket.write("POST /api/atlas/v2/groups/" + groupId.toLatin1() +
                 "/aiModelApiKeys HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 "Authorization: Bearer " +
                 http.bearer + "\r\nAccept: " + kV2025 + "\r\nContent-Type: " + kV2025 +
                 "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY(socket.waitForBytesWritten(5000));
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(socket.readAll().isEmpty());

    // The key was created all the same: a client must look before it creates again.
    const auto countNamed = [&](const QString &name) {
        int n = 0;
        const Reply list =
            http.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys?itemsPerPage=500"_s.arg(groupId), kV2025);
        for (const QJsonValue &v : list.results())
            n += v.toObject().value(u"name"_s).toString() == name ? 1 : 0;
        return n;
    };
    QCOMPARE(countNamed(u"lost-create"_s), 1);
    const Reply again = createKey(http, groupId, u"lost-create"_s);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), u"DUPLICATE_AI_MODEL_API_KEY_NAME"_s);

    // Through QNetworkAccessManager: Qt resends a request whose connection closed before any answer,
    // even a POST, so the caller sees either the network error or the 409 of its own resent create.
    SimProcess sim2({u"--drop-rate"_s, u"1"_s, u"--fault-count"_s, u"1"_s, u"--fault-match"_s,
                     u"POST /api/atlas/v2/groups/*/aiModelApiKeys"_s});
    QVERIFY2(sim2.start(), qPrintable(sim2.errorString()));
    Http qt(sim2.baseUrl());
    qt.bearer = fetchToken(qt, "mdb_sa_id_demo", "mdb_sa_sk_demo");
    const Reply lost = createKey(qt, groupId, u"lost-create-2"_s);
    QVERIFY2((lost.status == 0 && lost.error == QNetworkReply::RemoteHostClosedError) ||
                 (lost.status == 409 && lost.errorCode() == "DUPLICATE_AI_MODEL_API_KEY_NAME"_L1),
             qPrintable(u"status %1, error %2"_s.arg(lost.status).arg(int(lost.error))));
    int created = 0;
    const Reply list =
        qt.get(u"/api/atlas/v2/groups/%1/aiModelApiKeys?itemsPerPage=500"_s.arg(groupId), kV2025);
    for (const QJsonValue &v : list.results())
        created += v.toObject().value(u"name"_s).toString() == "lost-create-2"_L1 ? 1 : 0;
    QCOMPARE(created, 1);
}

void tst_Simulator::hangAndMalformedFaults()
{
    SimProcess hang({u"--hang-rate"_s, u"1"_s, u"--fault-count"_s, u"1"_s, u"--fault-match"_s, u"GET *"_s});
    QVERIFY2(hang.start(), qPrintable(hang.errorString()));
    Http http(hang.baseUrl());
    http.bearer = fetchToken(http, "mdb_sa_id_demo", "mdb_sa_sk_demo");
    const Reply hung = http.send("GET", u"/api/atlas/v2/orgs"_s, kV2023, {}, {}, {}, 800);
    QCOMPARE(hung.status, 0);
    QCOMPARE(hung.error, QNetworkReply::OperationCanceledError);
    QCOMPARE(http.get(u"/api/atlas/v2/orgs"_s, kV2023).status, 200);

    SimProcess broken(
        {u"--malformed-rate"_s, u"1"_s, u"--fault-count"_s, u"1"_s, u"--fault-match"_s, u"GET *"_s});
    QVERIFY2(broken.start(), qPrintable(broken.errorString()));
    Http http2(broken.baseUrl());
    http2.bearer = fetchToken(http2, "mdb_sa_id_demo", "mdb_sa_sk_demo");
    const Reply truncated = http2.get(u"/api/atlas/v2/orgs"_s, kV2023);
    QCOMPARE(truncated.status, 200);
    QJsonParseError error;
    QJsonDocument::fromJson(truncated.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QCOMPARE(http2.get(u"/api/atlas/v2/orgs"_s, kV2023).json().value(u"totalCount"_s).toInt(), 3);
}

void tst_Simulator::rateLimitEndpoints()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    const QString groupId = projectIdByName(http, u"ml-platform-dev"_s);
    const QString orgId = orgIdByName(http, u"Globex Research"_s);

    const Reply list = http.get(u"/api/atlas/v2/groups/%1/aiModelApiRateLimits"_s.arg(groupId), kV2025);
    QCOMPARE(list.status, 200);
    QVERIFY(list.results().size() >= 4);
    QStringList names;
    for (const QJsonValue &v : list.results()) {
        const QJsonObject o = v.toObject();
        names.append(o.value(u"modelGroupName"_s).toString());
        QVERIFY(o.value(u"requestsPerMinuteLimit"_s).toInt() > 0);
        QVERIFY(o.value(u"tokensPerMinuteLimit"_s).toDouble() > 0);
        QVERIFY(!o.value(u"modelNames"_s).toArray().isEmpty());
        QCOMPARE(o.value(u"cloud"_s).toString(), u"ANY"_s);
    }
    QVERIFY(names.contains(u"embed_large"_s) && names.contains(u"rerank"_s));

    const QString one =
        u"/api/atlas/v2/groups/%1/aiModelApiClouds/ANY/geographies/ANY/modelGroupNames/embed_large/rateLimits"_s
            .arg(groupId);
    const Reply before = http.get(one, kV2025);
    QCOMPARE(before.status, 200);
    const int defaultRpm = before.json().value(u"requestsPerMinuteLimit"_s).toInt();

    const Reply ceiling = http.get(
        u"/api/atlas/v2/orgs/%1/aiModelApiClouds/ANY/geographies/ANY/modelGroupNames/embed_large/rateLimits"_s
            .arg(orgId),
        kV2025);
    QCOMPARE(ceiling.status, 200);
    const qint64 maxRpm = ceiling.json().value(u"requestsPerMinuteLimit"_s).toInteger();
    const qint64 maxTpm = ceiling.json().value(u"tokensPerMinuteLimit"_s).toInteger();

    const auto patch = [&](qint64 rpm, qint64 tpm) {
        return http.send(
            "PATCH", one, kV2025,
            QJsonDocument(QJsonObject{{u"requestsPerMinuteLimit"_s, rpm}, {u"tokensPerMinuteLimit"_s, tpm}})
                .toJson(QJsonDocument::Compact),
            kV2025);
    };
    const Reply above = patch(maxRpm + 1, maxTpm);
    QCOMPARE(above.status, 400);
    QCOMPARE(above.errorCode(), u"VALIDATION_ERROR"_s);
    QCOMPARE(fieldNames(above), QStringList{u"requestsPerMinuteLimit"_s});
    const Reply zero = patch(0, 10);
    QCOMPARE(zero.status, 400);
    QCOMPARE(zero.errorCode(), u"BAD_REQUEST"_s);
    QCOMPARE(http.send("PATCH", one, kV2025, R"({"requestsPerMinuteLimit":10})", kV2025).status, 400);

    const Reply changed = patch(123, 45678);
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.json().value(u"requestsPerMinuteLimit"_s).toInt(), 123);
    QCOMPARE(http.get(one, kV2025).json().value(u"requestsPerMinuteLimit"_s).toInt(), 123);

    const Reply reset = http.send("POST", one + u":reset"_s, kV2025);
    QCOMPARE(reset.status, 200);
    QCOMPARE(reset.json().value(u"requestsPerMinuteLimit"_s).toInt(), defaultRpm);

    QCOMPARE(patch(200, 300).status, 200);
    const Reply resetAll =
        http.send("POST", u"/api/atlas/v2/groups/%1/aiModelApiRateLimits:reset"_s.arg(groupId), kV2025);
    QCOMPARE(resetAll.status, 200);
    QCOMPARE(resetAll.results().size(), list.results().size());
    QCOMPARE(http.get(one, kV2025).json().value(u"requestsPerMinuteLimit"_s).toInt(), defaultRpm);

    QString unknown = one;
    unknown.replace(u"embed_large"_s, u"no_such_group"_s);
    const Reply notFound = http.get(unknown, kV2025);
    QCOMPARE(notFound.status, 404);
    QCOMPARE(notFound.errorCode(), u"RESOURCE_NOT_FOUND"_s);
    QString aws = one;
    aws.replace(u"aiModelApiClouds/ANY"_s, u"aiModelApiClouds/AWS"_s);
    QCOMPARE(http.get(aws, kV2025).status, 400);

    const Reply orgLimits = http.get(u"/api/atlas/v2/orgs/%1/aiModelApiRateLimits"_s.arg(orgId), kV2025);
    QCOMPARE(orgLimits.status, 200);
    QCOMPARE(orgLimits.results().size(), list.results().size());
}

void tst_Simulator::embeddingsUpdateLastUsedAt()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    const QString groupId = projectIdByName(http, u"prod-search"_s);
    const Reply created = createKey(http, groupId, u"embedding-caller"_s);
    QCOMPARE(created.status, 201);
    const QByteArray secret = created.json().value(u"secret"_s).toString().toLatin1();
    const QString keyPath = u"/api/atlas/v2/groups/%1/aiModelApiKeys/%2"_s.arg(
        groupId, created.json().value(u"apiKeyId"_s).toString());
    QVERIFY(http.get(keyPath, kV2025).json().value(u"lastUsedAt"_s).isNull());

    Http voyage(sim.baseUrl());
    const Reply r = embed(voyage, secret);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"object"_s).toString(), u"list"_s);
    const QJsonObject item = r.json().value(u"data"_s).toArray().at(0).toObject();
    QCOMPARE(item.value(u"object"_s).toString(), u"embedding"_s);
    QCOMPARE(item.value(u"index"_s).toInt(), 0);
    QVERIFY(!item.value(u"embedding"_s).toArray().isEmpty());
    QVERIFY(r.json().value(u"usage"_s).toObject().value(u"total_tokens"_s).toInt() > 0);

    const QString lastUsed = http.get(keyPath, kV2025).json().value(u"lastUsedAt"_s).toString();
    QVERIFY2(!lastUsed.isEmpty(), "lastUsedAt still null after a call");
    const QDateTime when = QDateTime::fromString(lastUsed.left(19) + u'Z', Qt::ISODate);
    QVERIFY(qAbs(when.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    const Reply wrong = embed(voyage, "al-thisIsNotAKeyThisIsNotAKeyThisIsNotAKey1");
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.json().value(u"detail"_s).toString(), u"Provided API key is invalid."_s);

    QCOMPARE(http.send("DELETE", keyPath, kV2025).status, 204);
    QCOMPARE(embed(voyage, secret).status, 401);
}

void tst_Simulator::statePersistsAcrossRestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString stateFile = dir.filePath(u"state.json"_s);
    QString keyPath;
    QString limitPath;
    QByteArray secret;
    QString lastUsed;
    {
        SimProcess sim({u"--state"_s, stateFile});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
        const QString groupId = projectIdByName(http, u"staging-search"_s);
        const Reply created = createKey(http, groupId, u"survives restarts"_s);
        QCOMPARE(created.status, 201);
        secret = created.json().value(u"secret"_s).toString().toLatin1();
        keyPath = u"/api/atlas/v2/groups/%1/aiModelApiKeys/%2"_s.arg(
            groupId, created.json().value(u"apiKeyId"_s).toString());
        QCOMPARE(embed(http, secret).status, 200);
        lastUsed = http.get(keyPath, kV2025).json().value(u"lastUsedAt"_s).toString();
        QVERIFY(!lastUsed.isEmpty());
        limitPath =
            u"/api/atlas/v2/groups/%1/aiModelApiClouds/ANY/geographies/ANY/modelGroupNames/rerank/rateLimits"_s
                .arg(groupId);
        QCOMPARE(http.send("PATCH", limitPath, kV2025,
                           R"({"requestsPerMinuteLimit":77,"tokensPerMinuteLimit":7777})", kV2025)
                     .status,
                 200);
        sim.stop();
    }
    QFile file(stateFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(saved.contains("survives restarts"));
    QVERIFY2(!saved.contains(secret), "the state file holds a plaintext secret");
    QVERIFY(!saved.contains("demo-private-key"));

    {
        SimProcess sim({u"--state"_s, stateFile});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
        const Reply key = http.get(keyPath, kV2025);
        QCOMPARE(key.status, 200);
        QCOMPARE(key.json().value(u"name"_s).toString(), u"survives restarts"_s);
        QCOMPARE(key.json().value(u"lastUsedAt"_s).toString(), lastUsed);
        QCOMPARE(key.json().value(u"endpoint"_s).toString(), u"127.0.0.1:%1"_s.arg(sim.port()));
        QCOMPARE(http.get(limitPath, kV2025).json().value(u"requestsPerMinuteLimit"_s).toInt(), 77);
        // Only the hash was kept, and it still authenticates the key.
        QCOMPARE(embed(http, secret).status, 200);
        QCOMPARE(http.send("DELETE", keyPath, kV2025).status, 204);
        sim.stop();
    }
    {
        SimProcess sim({u"--state"_s, stateFile});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
        QCOMPARE(http.get(keyPath, kV2025).status, 404);
    }
}

void tst_Simulator::seedFileDataAndPrincipals()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray seed = R"({
      "format": "atlas-sim/1",
      "orgs": [ { "id": "5f0000000000000000000001", "name": "Seeded Org" } ],
      "projects": [ { "id": "6a0000000000000000000001", "orgId": "5f0000000000000000000001", "name": "seeded" } ],
      "keys": [
        { "groupId": "6a0000000000000000000001", "name": "known secret", "createdAt": "-3d", "lastUsedAt": null,
          "secret": "al-SeedSecretSeedSecretSeedSecretSeedSecret12", "status": "SUSPENDED_FOR_TEST" },
        { "groupId": "6a0000000000000000000001", "name": "used", "apiKeyId": "k7d2m9x4p1q8r5s3t6u0v2w4",
          "createdAt": "2025-06-01T12:00:00.123456+00:00", "lastUsedAt": "2025-07-01T08:00:00Z" }
      ],
      "principals": [
        { "type": "apiKey", "publicKey": "alice", "privateKey": "alice-private", "displayName": "Alice",
          "roles": [ { "groupId": "6a0000000000000000000001", "roleName": "GROUP_READ_ONLY" } ] }
      ]
    })";
    const QString path = dir.filePath(u"seed.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(seed);
    file.close();

    SimProcess sim({u"--data"_s, path});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    Http alice(sim.baseUrl(), u"alice"_s, u"alice-private"_s);
    const Reply keys = alice.get(u"/api/atlas/v2/groups/6a0000000000000000000001/aiModelApiKeys"_s, kV2025);
    QCOMPARE(keys.status, 200);
    QCOMPARE(keys.results().size(), 2);
    const QJsonObject first = keys.results().at(0).toObject();
    QCOMPARE(first.value(u"name"_s).toString(), u"known secret"_s);
    QCOMPARE(first.value(u"status"_s).toString(), u"SUSPENDED_FOR_TEST"_s);
    QCOMPARE(first.value(u"maskedSecret"_s).toString(), u"al-****et12"_s);
    const QJsonObject second = keys.results().at(1).toObject();
    QCOMPARE(second.value(u"apiKeyId"_s).toString(), u"k7d2m9x4p1q8r5s3t6u0v2w4"_s);
    QCOMPARE(second.value(u"createdAt"_s).toString(), u"2025-06-01T12:00:00.123456+00:00"_s);
    QCOMPARE(second.value(u"lastUsedAt"_s).toString(), u"2025-07-01T08:00:00.000000+00:00"_s);
    // Read only on the project, nothing on the org: Atlas answers a missing role with 401
    // USER_UNAUTHORIZED, not 403.
    QCOMPARE(createKey(alice, u"6a0000000000000000000001"_s, u"nope"_s).status, 401);
    QCOMPARE(alice.get(u"/api/atlas/v2/orgs/5f0000000000000000000001/aiModelApiKeys"_s, kV2025).status, 401);

    // The seed's secret authenticates its key (on a connection of its own, as a Voyage client has:
    // Qt would otherwise put alice's cached Digest answer in place of the bearer header); the demo
    // principals still exist.
    Http voyageClient(sim.baseUrl());
    QCOMPARE(embed(voyageClient, "al-SeedSecretSeedSecretSeedSecretSeedSecret12").status, 200);
    Http admin(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
    QCOMPARE(admin.get(u"/api/atlas/v2/orgs"_s, kV2023).results().size(), 1);

    // A seed with a broken reference stops the simulator with code 2 and names the item.
    QFile bad(dir.filePath(u"bad.json"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(
        R"({"orgs": [], "projects": [ { "id": "6a0000000000000000000001", "orgId": "5f0000000000000000000009", "name": "x" } ]})");
    bad.close();
    QProcess p;
    p.start(SimProcess::executablePath(), {u"--data"_s, bad.fileName()});
    QVERIFY(p.waitForFinished(15000));
    QCOMPARE(p.exitCode(), 2);
    const QByteArray unknownOrg = p.readAllStandardError();
    QVERIFY2(unknownOrg.contains("projects[0]: "), unknownOrg.constData());
    // ... and says why, not only where (the reason comes from the store, after the call).
    QVERIFY2(unknownOrg.contains("5f0000000000000000000009"), unknownOrg.constData());

    // A duplicate key name: the third key is refused, with the store's reason after its index.
    QFile duplicate(dir.filePath(u"duplicate.json"_s));
    QVERIFY(duplicate.open(QIODevice::WriteOnly));
    duplicate.write(R"({
      "orgs": [ { "id": "5f0000000000000000000001", "name": "Seeded Org" } ],
      "projects": [ { "id": "6a0000000000000000000001", "orgId": "5f0000000000000000000001", "name": "p" } ],
      "keys": [
        { "groupId": "6a0000000000000000000001", "name": "first" },
        { "groupId": "6a0000000000000000000001", "name": "second" },
        { "groupId": "6a0000000000000000000001", "name": "first" }
      ]
    })");
    duplicate.close();
    p.start(SimProcess::executablePath(), {u"--data"_s, duplicate.fileName()});
    QVERIFY(p.waitForFinished(15000));
    QCOMPARE(p.exitCode(), 2);
    const QByteArray err = p.readAllStandardError();
    // The file by its name (Windows tests run a Linux simulator, which knows the file by a Linux path).
    QVERIFY2(err.startsWith("atlas-sim: "), err.constData());
    const QByteArray expected = QFile::encodeName(QFileInfo(duplicate.fileName()).fileName()) +
                                ": keys[2]: key \"first\" in project 6a0000000000000000000001: names must "
                                "be non-empty and unique within a project";
    QVERIFY2(err.contains(expected), err.constData());
}

void tst_Simulator::commandLineErrorsExitWithCode2()
{
    const auto run = [](const QStringList &args, QByteArray *out, QByteArray *err) {
        QProcess p;
        p.start(SimProcess::executablePath(), args);
        if (!p.waitForFinished(15000))
            return -1;
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QByteArray out;
    QByteArray err;
    QCOMPARE(run({u"--latency-ms"_s, u"soon"_s}, &out, &err), 2);
    QVERIFY2(err.contains("--latency-ms"), err.constData());
    QCOMPARE(run({u"--fail-rate"_s, u"1.5"_s}, &out, &err), 2);
    QCOMPARE(run({u"--paging-fault"_s, u"sideways"_s}, &out, &err), 2);
    QCOMPARE(run({u"--generate"_s, u"orgs=two"_s}, &out, &err), 2);
    QCOMPARE(run({u"--no-such-option"_s}, &out, &err), 2);
    QCOMPARE(run({u"--data"_s, u"/nonexistent/seed.json"_s}, &out, &err), 2);

    QCOMPARE(run({u"--help"_s}, &out, &err), 0);
    QVERIFY(out.contains("demo-private-key"));
    QVERIFY(out.contains("mdb_sa_sk_demo"));
    QVERIFY(out.contains("demo-readonly"));
    QCOMPARE(run({u"--version"_s}, &out, &err), 0);
    QVERIFY(out.startsWith("atlas-sim "));
}

void tst_Simulator::exitWithParentStopsAtEndOfInput()
{
    // Its standard input is the pipe SimProcess's QProcess made; closing our end is what a parent's end
    // does to it, however the parent ends.
    SimProcess sim({u"--exit-with-parent"_s});
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    QProcess *process = sim.process();
    process->write("anything the parent writes is ignored\n");
    QVERIFY(process->waitForBytesWritten(5000));
    QVERIFY(!process->waitForFinished(300));
    process->closeWriteChannel();
    QVERIFY(process->waitForFinished(5000));
    QCOMPARE(process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(process->exitCode(), 0);

    // Without the option it stays, whatever happens to its input.
    SimProcess stays;
    QVERIFY2(stays.start(), qPrintable(stays.errorString()));
    stays.process()->closeWriteChannel();
    QVERIFY(!stays.process()->waitForFinished(500));
    QVERIFY(stays.isRunning());
}

void tst_Simulator::predictableSecretsRepeat()
{
    const auto firstSecret = [](const QStringList &args) {
        SimProcess sim(args);
        if (!sim.start())
            return QString();
        Http http(sim.baseUrl(), u"demo"_s, u"demo-private-key"_s);
        const Reply created = createKey(http, projectIdByName(http, u"prod-search"_s), u"repeatable"_s);
        return created.json().value(u"secret"_s).toString();
    };
    const QString a = firstSecret({u"--predictable-secrets"_s});
    QVERIFY2(a.startsWith(u"al-"_s), qPrintable(a));
    QCOMPARE(firstSecret({u"--predictable-secrets"_s}), a);
    QVERIFY(firstSecret({u"--predictable-secrets"_s, u"--seed"_s, u"2"_s}) != a);
    // By default secrets come from the system's generator, whatever the seed.
    QVERIFY(firstSecret({}) != firstSecret({}));
}

QTEST_GUILESS_MAIN(tst_Simulator)
#include "tst_simulator.moc"
