#include "atlas/auth.h"
#include "domain/json.h"
#include "domain/keypage.h"
#include "domain/timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {
// JSON fixtures written with single quotes, which read better in C++ than escaped double quotes.
QByteArray j(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

// page<AiKey> through QJsonDocument alone: any parser but &json::aiKey itself skips the plain reader.
Result<json::Page<AiKey>> generalKeyPage(const QByteArray &body)
{
    return json::page<AiKey>(
        body, +[](const QJsonObject &o, QStringList *odd) { return json::aiKey(o, odd); });
}

// Where the two readers differ, the first field that does.
QString difference(const json::Page<AiKey> &a, const json::Page<AiKey> &b)
{
    if (a.results.size() != b.results.size())
        return u"%1 keys against %2"_s.arg(a.results.size()).arg(b.results.size());
    if (a.totalCount != b.totalCount || a.oddItems != b.oddItems || a.firstOddItem != b.firstOddItem)
        return u"envelope"_s;
    if (a.links.size() != b.links.size())
        return u"links"_s;
    for (qsizetype i = 0; i < a.links.size(); ++i) {
        if (a.links.at(i).href != b.links.at(i).href || a.links.at(i).rel != b.links.at(i).rel)
            return u"link %1"_s.arg(i);
    }
    for (qsizetype i = 0; i < a.results.size(); ++i) {
        const AiKey &x = a.results.at(i);
        const AiKey &y = b.results.at(i);
        const QStringList xs{x.apiKeyId, x.name,      x.groupId,      x.cloud, x.geography,
                             x.endpoint, x.createdBy, x.maskedSecret, x.status};
        const QStringList ys{y.apiKeyId, y.name,      y.groupId,      y.cloud, y.geography,
                             y.endpoint, y.createdBy, y.maskedSecret, y.status};
        if (xs != ys)
            return u"key %1: %2 against %3"_s.arg(i).arg(xs.join(u'|'), ys.join(u'|'));
        if (x.createdAt != y.createdAt || x.lastUsedAt != y.lastUsedAt ||
            x.lastUsedUnknown != y.lastUsedUnknown)
            return u"key %1: times"_s.arg(i);
    }
    return {};
}
} // namespace

class TestJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyFullRecord()
    {
        const QByteArray body =
            j("{'apiKeyId':'a86r5kwrfsk5r5ku5tgvhmpj','name':'Production key',"
              "'groupId':'69681d39c9e8cfd375386316','cloud':'ANY','geography':'ANY','endpoint':'ai.mongodb."
              "com',"
              "'createdAt':'2026-01-15T16:47:49.855000+00:00','createdBy':'John Doe',"
              "'lastUsedAt':'2026-02-01T08:00:00Z','maskedSecret':'al-****odu2','status':'ACTIVE',"
              "'somethingNew':{'nested':[1,2,3]}}");
        const auto key = json::single<AiKey>(body, &json::aiKey);
        QVERIFY2(key.ok(), qPrintable(key.error()));
        QCOMPARE(key.value().apiKeyId, u"a86r5kwrfsk5r5ku5tgvhmpj"_s);
        QCOMPARE(key.value().name, u"Production key"_s);
        QCOMPARE(key.value().groupId, u"69681d39c9e8cfd375386316"_s);
        QCOMPARE(key.value().endpoint, u"ai.mongodb.com"_s);
        QCOMPARE(key.value().createdBy, u"John Doe"_s);
        QCOMPARE(key.value().maskedSecret, u"al-****odu2"_s);
        QCOMPARE(key.value().status, u"ACTIVE"_s);
        QCOMPARE(key.value().createdAt.toUTC(),
                 QDateTime(QDate(2026, 1, 15), QTime(16, 47, 49, 855), QTimeZone::utc()));
        QVERIFY(key.value().lastUsedAt.has_value());
        QCOMPARE(key.value().lastUsedAt->toUTC(),
                 QDateTime(QDate(2026, 2, 1), QTime(8, 0), QTimeZone::utc()));
    }

    void keyNullLastUsedIsNever()
    {
        const auto key =
            json::single<AiKey>(j("{'apiKeyId':'x','name':'n','lastUsedAt':null}"), &json::aiKey);
        QVERIFY(key.ok());
        QVERIFY(key.value().neverUsed());
        const auto absent = json::single<AiKey>(j("{'apiKeyId':'x','name':'n'}"), &json::aiKey);
        QVERIFY(absent.ok());
        QVERIFY(absent.value().neverUsed());
    }

    void missingRequiredFieldIsNamed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("no id") << QByteArray(j("{'name':'n'}")) << u"apiKeyId"_s;
        QTest::newRow("no name") << QByteArray(j("{'apiKeyId':'x'}")) << u"name"_s;
        QTest::newRow("name not string") << QByteArray(j("{'apiKeyId':'x','name':5}")) << u"name"_s;
        QTest::newRow("bad timestamp")
            << QByteArray(j("{'apiKeyId':'x','name':'n','createdAt':'yesterday'}")) << u"createdAt"_s;
    }
    void missingRequiredFieldIsNamed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const auto key = json::single<AiKey>(body, &json::aiKey);
        QVERIFY(!key.ok());
        QVERIFY2(key.error().contains(u'"' + field + u'"'), qPrintable(key.error()));
    }

    void pageEnvelope()
    {
        const QByteArray body =
            j("{'results':[{'id':'32b6e34b3d91647abb20e7b8','name':'Org A','isDeleted':false},"
              "{'id':'32b6e34b3d91647abb20e7b9','name':'Org B'}],'totalCount':2,"
              "'links':[{'href':'https://cloud.mongodb.com/api/atlas/v2/orgs?pageNum=1','rel':'self'}]}");
        const auto page = json::page<Organization>(body, &json::organization);
        QVERIFY2(page.ok(), qPrintable(page.error()));
        QCOMPARE(page.value().results.size(), 2);
        QCOMPARE(page.value().results.at(1).name, u"Org B"_s);
        QCOMPARE(page.value().totalCount, std::optional<qint64>(2));
        QCOMPARE(page.value().links.size(), 1);
        QCOMPARE(page.value().links.first().rel, u"self"_s);
    }

    void pageWithoutCount()
    {
        const auto page = json::page<Organization>(j("{'results':[]}"), &json::organization);
        QVERIFY(page.ok());
        QVERIFY(!page.value().totalCount.has_value());
        QVERIFY(page.value().results.isEmpty());
    }

    void oddItemsAreKeptOrSkippedAndCounted()
    {
        // One good key, one with an unreadable lastUsedAt, one with a name of the wrong type, one
        // without an id, and one that is not an object: the page still reads.
        const auto page =
            json::page<AiKey>(j("{'results':["
                                "{'apiKeyId':'k1','name':'good','lastUsedAt':'2026-02-01T08:00:00Z'},"
                                "{'apiKeyId':'k2','name':'odd time','lastUsedAt':'last "
                                "tuesday','createdAt':'2026-01-01T00:00:00Z'},"
                                "{'apiKeyId':'k3','name':7,'status':'ACTIVE'},"
                                "{'name':'no id'},"
                                "42],'totalCount':5}"),
                              &json::aiKey);
        QVERIFY2(page.ok(), qPrintable(page.error()));
        const auto &keys = page.value().results;
        QCOMPARE(keys.size(), 3);
        QCOMPARE(page.value().oddItems, 4);
        QVERIFY2(page.value().firstOddItem.startsWith(u"results[1]: field \"lastUsedAt\""_s),
                 qPrintable(page.value().firstOddItem));
        QVERIFY(!keys.at(0).lastUsedUnknown);
        // Unknown is not "never used": such a key must not look unused.
        QVERIFY(keys.at(1).lastUsedUnknown);
        QVERIFY(!keys.at(1).neverUsed());
        QVERIFY(keys.at(1).createdAt.isValid());
        QCOMPARE(keys.at(2).apiKeyId, u"k3"_s);
        QVERIFY(keys.at(2).name.isEmpty());
        QCOMPARE(keys.at(2).status, u"ACTIVE"_s);
        QCOMPARE(json::toJson(keys.at(1)).value(u"lastUsedUnknown"_s).toBool(), true);
        QVERIFY(!json::toJson(keys.at(0)).contains(u"lastUsedUnknown"_s));
    }

    void pageOfProjectsWithOddItem()
    {
        const auto page =
            json::page<Project>(j("{'results':[{'id':'32b6e34b3d91647abb20e7b8','name':'p','"
                                  "orgId':'32b6e34b3d91647abb20e7b9'},{'id':'x','clusterCount':'two'}]}"),
                                &json::project);
        QVERIFY2(page.ok(), qPrintable(page.error()));
        QCOMPARE(page.value().results.size(), 2);
        QCOMPARE(page.value().oddItems, 1);
        QVERIFY2(page.value().firstOddItem.contains(u"\"name\""_s), qPrintable(page.value().firstOddItem));
    }

    void malformedJson()
    {
        const auto page = json::page<AiKey>(j("{'results':[{'apiKeyId':'x',"), &json::aiKey);
        QVERIFY(!page.ok());
        QVERIFY(page.error().contains(u"not valid JSON"_s));
        QVERIFY(!json::page<AiKey>("[1,2]", &json::aiKey).ok());
        QVERIFY(!json::page<AiKey>(j("{'results':{}}"), &json::aiKey).ok());
        QVERIFY(!json::page<AiKey>(j("{'totalCount':3}"), &json::aiKey).ok());
    }

    void rateLimit()
    {
        const auto limit = json::single<RateLimit>(
            j("{'modelGroupName':'embed_large','modelNames':['voyage-3-large','voyage-code-3'],"
              "'requestsPerMinuteLimit':2000,'tokensPerMinuteLimit':3e+06,'cloud':'ANY','geography':'ANY'}"),
            &json::rateLimit);
        QVERIFY2(limit.ok(), qPrintable(limit.error()));
        QCOMPARE(limit.value().modelNames, QStringList({u"voyage-3-large"_s, u"voyage-code-3"_s}));
        QCOMPARE(limit.value().requestsPerMinuteLimit, 2000);
        QCOMPARE(limit.value().tokensPerMinuteLimit, 3000000);
        QVERIFY(
            !json::single<RateLimit>(j("{'modelGroupName':'g','requestsPerMinuteLimit':1}"), &json::rateLimit)
                 .ok());
    }

    void toJsonUsesApiFieldNames()
    {
        AiKey k;
        k.apiKeyId = u"abc"_s;
        k.name = u"n"_s;
        k.groupId = u"32b6e34b3d91647abb20e7b8"_s;
        k.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
        const QJsonObject o = json::toJson(k);
        for (const char *field : {"apiKeyId", "name", "groupId", "status", "createdAt", "createdBy",
                                  "lastUsedAt", "maskedSecret", "cloud", "geography", "endpoint"})
            QVERIFY2(o.contains(QLatin1StringView(field)), field);
        QVERIFY(!o.contains("secret"_L1));
        QVERIFY(o.value("lastUsedAt"_L1).isNull());
        QCOMPARE(o.value("createdAt"_L1).toString(), u"2026-01-02T03:04:05.000Z"_s);
        // A round trip through the mapping keeps every field.
        const auto back = json::aiKey(o);
        QVERIFY(back.ok());
        QCOMPARE(back.value().createdAt, k.createdAt);
    }

    void requestBodies()
    {
        const QJsonObject create = QJsonDocument::fromJson(json::createKeyBody(u"my \"key\""_s, {})).object();
        QCOMPARE(create.value("name"_L1).toString(), u"my \"key\""_s);
        QCOMPARE(create.value("cloud"_L1).toString(), u"ANY"_s);
        QCOMPARE(create.value("geography"_L1).toString(), u"ANY"_s);
        const QJsonObject rename = QJsonDocument::fromJson(json::renameKeyBody(u"new"_s)).object();
        QCOMPARE(rename.keys(), QStringList{u"name"_s});
        const QJsonObject limits = QJsonDocument::fromJson(json::rateLimitBody(10, 20)).object();
        QCOMPARE(limits.value("requestsPerMinuteLimit"_L1).toInt(), 10);
        QCOMPARE(limits.value("tokensPerMinuteLimit"_L1).toInt(), 20);
    }

    void extractSecretCutsItOut()
    {
        const QByteArray secret = "al-jZsluhPMzPM9CFXepRWwMwvpZDDra6tZMgoAZKdodu2";
        // Plain literals: moc 6.4 misreads raw strings that contain backslashes.
        QByteArray body = "{\"apiKeyId\":\"k1\",\"name\":\"with \\\"secret\\\" in it\","
                          "\"nested\":{\"secret\":\"decoy\"},\"secret\":\"" +
                          secret + "\",\"maskedSecret\":\"al-****odu2\"}";
        const qsizetype size = body.size();
        const QByteArray got = json::extractSecret(body);
        QCOMPARE(got, secret);
        QCOMPARE(body.size(), size);
        QVERIFY(!body.contains(secret));
        // What is left still parses, and the key is intact.
        const auto key = json::single<AiKey>(body, &json::aiKey);
        QVERIFY2(key.ok(), qPrintable(key.error()));
        QCOMPARE(key.value().maskedSecret, u"al-****odu2"_s);
        QCOMPARE(key.value().name, u"with \"secret\" in it"_s);
        QVERIFY(QJsonDocument::fromJson(body).object().value("secret"_L1).isNull());
    }

    void extractSecretEdgeCases()
    {
        QByteArray none = j("{'apiKeyId':'k1','name':'n'}");
        QVERIFY(json::extractSecret(none).isEmpty());
        QByteArray nullSecret = j("{'secret':null,'name':'n'}");
        QVERIFY(json::extractSecret(nullSecret).isEmpty());
        QByteArray escaped = "{\"secret\":\"a\\\"b\\\\c\\u0041\"}";
        QCOMPARE(json::extractSecret(escaped), QByteArray("a\"b\\cA"));
        QVERIFY(QJsonDocument::fromJson(escaped).isObject());
        QByteArray shortOne = j("{'secret':'ab','x':1}");
        QCOMPARE(json::extractSecret(shortOne), QByteArray("ab"));
        QVERIFY(QJsonDocument::fromJson(shortOne).isObject());
        QByteArray broken = j("{'secret':'unterminated");
        QVERIFY(json::extractSecret(broken).isEmpty());
        QByteArray notObject = j("['secret','x']");
        QVERIFY(json::extractSecret(notObject).isEmpty());
        // Found by fuzz_json: a repeated "secret" stayed in the body, where a parser (last key wins)
        // read it afterwards. Every one is overwritten; the last is the secret, as a parser sees it.
        QByteArray twice = j("{'secret':'first-one','name':'n','secret':'second-one'}");
        QCOMPARE(json::extractSecret(twice), QByteArray("second-one"));
        QVERIFY(!twice.contains("first-one") && !twice.contains("second-one"));
        QVERIFY(QJsonDocument::fromJson(twice).object().value("secret"_L1).isNull());
        // An escaped name is still "secret" to a parser.
        QByteArray escapedName = j("{'secr\\u0065t':'hidden-one','name':'n'}");
        QCOMPARE(json::extractSecret(escapedName), QByteArray("hidden-one"));
        QVERIFY(!escapedName.contains("hidden-one"));
        QVERIFY(QJsonDocument::fromJson(escapedName).isObject());
    }

    void numbersBeyondTheRangeSaturate()
    {
        // Found by fuzz_json: 1e118 was converted to an integer unchecked (undefined behaviour).
        const auto page = json::page<Project>(
            j("{'results':[{'id':'p','name':'n','orgId':'o','clusterCount':1e300}],'totalCount':-1e118}"),
            &json::project);
        QVERIFY2(page.ok(), qPrintable(page.error()));
        QCOMPARE(page.value().totalCount, std::optional<qint64>(std::numeric_limits<qint64>::min()));
        QCOMPARE(page.value().results.first().clusterCount, std::numeric_limits<qint64>::max());
    }

    void tokenAnswer_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("lifetime");
        QTest::newRow("as Atlas answers")
            << j("{'access_token':'tok','token_type':'Bearer','expires_in':3600}") << true << qint64(3600);
        QTest::newRow("no lifetime: an hour") << j("{'access_token':'tok'}") << true << qint64(3600);
        QTest::newRow("zero: one second") << j("{'access_token':'tok','expires_in':0}") << true << qint64(1);
        QTest::newRow("negative: one second")
            << j("{'access_token':'tok','expires_in':-5}") << true << qint64(1);
        // 2^62 s once overflowed the milliseconds the authenticator computes from it.
        QTest::newRow("huge: a day") << j("{'access_token':'tok','expires_in':4611686018427387904}") << true
                                     << kMaxTokenLifetimeSeconds;
        QTest::newRow("no token") << j("{'expires_in':3600}") << false << qint64(3600);
        QTest::newRow("token not a string") << j("{'access_token':42}") << false << qint64(3600);
        QTest::newRow("not JSON") << QByteArray("<html>") << false << qint64(3600);
    }

    void tokenAnswer()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(qint64, lifetime);
        SecretBuffer token;
        qint64 seconds = 0;
        QCOMPARE(readTokenAnswer(body, &token, &seconds), ok);
        QCOMPARE(seconds, lifetime);
        QCOMPARE(token.reveal(), ok ? QByteArray("tok") : QByteArray());
    }

    // The plain reader (keypage.h) takes the pages Atlas sends and gives what the general reader
    // gives.
    void plainKeyPageMatchesGeneralReader_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("atlas page") << j(
            "{'links':[{'href':'https://cloud.mongodb.com/api/atlas/v2/orgs/o/aiModelApiKeys?pageNum=1',"
            "'rel':'self'}],'results':[{'apiKeyId':'h8gzjpr6vcuzvvkg2zgmbytu','cloud':'ANY',"
            "'createdAt':'2024-06-26T17:02:25.855Z','createdBy':'Mei Lin','endpoint':'ai.mongodb.com',"
            "'geography':'ANY','groupId':'1a198e64db4d1074e818dab9','lastUsedAt':'2025-07-31T08:27:30.643Z',"
            "'maskedSecret':'al-****yRwu','name':'chatbot','status':'ACTIVE'},{'apiKeyId':'k2','name':'ci',"
            "'status':'ACTIVE','lastUsedAt':null,'createdAt':'2026-01-15T16:47:49.855000+00:00'}],"
            "'totalCount':2}");
        QTest::newRow("pretty, empty") << j("  {\n  'results' : [ ] ,\n\t'totalCount' : 0\r\n}\n");
        QTest::newRow("no count, null count")
            << j("{'results':[{'apiKeyId':'a','name':'b'}],'totalCount':null}");
        QTest::newRow("unicode") << QByteArray(
            "{\"results\":[{\"apiKeyId\":\"a\",\"name\":\"Schl\xc3\xbcssel "
            "\xf0\x9f\x94\x91 \xe4\xb8\xad\",\"createdBy\":\"Zo\xc3\xab\"}]}");
        QTest::newRow("escapes") << QByteArray(
            "{\"results\":[{\"apiKeyId\":\"a\\/"
            "b\",\"name\":\"q\\\"\\\\\\b\\f\\n\\r\\t\\u00e9\\u4e2d\\u0000\\u007f\",\"status\":"
            "\"\\u0041CTIVE\"}]}");
        QTest::newRow("escaped field name")
            << QByteArray("{\"res\\u0075lts\":[{\"api\\u004BeyId\":\"a\",\"name\":\"n\"}]}");
        QTest::newRow("unknown fields")
            << j("{'results':[{'apiKeyId':'a','name':'n','extra':{'deep':[1,-2,true,false,null,{'x':'y'}]},"
                 "'n':-0,'s':'\\u2028'}],'meta':[[],{}],'totalCount':-1}");
        QTest::newRow("control character C1 and DEL")
            << QByteArray("{\"results\":[{\"apiKeyId\":\"a\",\"name\":\"\xc2\x85\x7f\"}]}");
        QTest::newRow("edges of the calendar") << j(
            "{'results':[{'apiKeyId':'a','name':'n','createdAt':'1970-01-01T00:00:00.000Z',"
            "'lastUsedAt':'2024-02-29T23:59:59.999Z'},{'apiKeyId':'b','name':'n','createdAt':"
            "'2100-02-28T12:00:00.000Z','lastUsedAt':'9999-12-31T23:59:59.999Z'},{'apiKeyId':'c','name':'n',"
            "'createdAt':'1969-12-31T23:59:59.999Z','lastUsedAt':'2026-06-30T23:59:60.000Z'},{'apiKeyId':'d',"
            "'name':'n','createdAt':'2026-01-15T16:47:49.855000+00:00','lastUsedAt':'2026-01-15T16:47:49.8+"
            "00:00'},"
            "{'apiKeyId':'e','name':'n','createdAt':'2026-01-15T16:47:49Z','lastUsedAt':"
            "'2026-01-15T16:47:49.123456789+01:00'}]}");
        QTest::newRow("repeated values")
            << j("{'results':[{'apiKeyId':'a','name':'n','status':'ACTIVE','cloud':''},"
                 "{'apiKeyId':'b','name':'n','status':'ACTIVE','cloud':''}]}");
    }
    void plainKeyPageMatchesGeneralReader()
    {
        QFETCH(QByteArray, body);
        const std::optional<json::Page<AiKey>> plain = json::plainKeyPage(body);
        const auto general = generalKeyPage(body);
        QVERIFY2(general.ok(), qPrintable(general.error()));
        QVERIFY2(plain.has_value(), "the plain reader left an ordinary page to the general one");
        QCOMPARE(difference(*plain, general.value()), QString());
        // What the client calls takes the plain path and gives the same.
        const auto viaPage = json::page<AiKey>(body, &json::aiKey);
        QVERIFY(viaPage.ok());
        QCOMPARE(difference(viaPage.value(), general.value()), QString());
    }

    // Everything outside the plain form goes to the general reader, which reports it as before.
    void plainKeyPageLeavesTheRestToGeneralReader_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no id") << j("{'results':[{'name':'n'}]}");
        QTest::newRow("null name") << j("{'results':[{'apiKeyId':'a','name':null}]}");
        QTest::newRow("number for a name") << j("{'results':[{'apiKeyId':'a','name':7}]}");
        QTest::newRow("repeated field") << j("{'results':[{'apiKeyId':'a','name':'n','name':'m'}]}");
        QTest::newRow("bad time") << j(
            "{'results':[{'apiKeyId':'a','name':'n','lastUsedAt':'last tuesday'}]}");
        QTest::newRow("no such day") << j(
            "{'results':[{'apiKeyId':'a','name':'n','createdAt':'2100-02-29T00:00:00.000Z'}]}");
        QTest::newRow("item not an object") << j("{'results':[42]}");
        QTest::newRow("surrogate escape")
            << QByteArray("{\"results\":[{\"apiKeyId\":\"a\",\"name\":\"\\ud83d\\udd11\"}]}");
        QTest::newRow("lone surrogate")
            << QByteArray("{\"results\":[{\"apiKeyId\":\"a\",\"name\":\"\\ud83d\"}]}");
        QTest::newRow("bad utf-8") << QByteArray("{\"results\":[{\"apiKeyId\":\"a\",\"name\":\"\xc3\"}]}");
        QTest::newRow("overlong utf-8")
            << QByteArray("{\"results\":[{\"apiKeyId\":\"a\",\"name\":\"\xc0\xaf\"}]}");
        QTest::newRow("noncharacter")
            << QByteArray("{\"results\":[{\"apiKeyId\":\"a\",\"name\":\"\xef\xbf\xbe\"}]}");
        QTest::newRow("raw newline in a string")
            << QByteArray("{\"results\":[{\"apiKeyId\":\"a\",\"name\":\"x\ny\"}]}");
        QTest::newRow("trailing comma") << j("{'results':[{'apiKeyId':'a','name':'n'},]}");
        QTest::newRow("garbage after") << j("{'results':[]} x");
        QTest::newRow("fraction in an unknown field")
            << j("{'results':[{'apiKeyId':'a','name':'n','x':3.5e0}]}");
        QTest::newRow("fraction count") << j("{'results':[],'totalCount':2.5}");
        QTest::newRow("huge count") << j("{'results':[],'totalCount':1e118}");
        QTest::newRow("results missing") << j("{'totalCount':0}");
        QTest::newRow("results null") << j("{'results':null}");
        QTest::newRow("not json") << QByteArray("<html>");
        QTest::newRow("bom") << QByteArray("\xef\xbb\xbf{\"results\":[]}");
        QTest::newRow("deep") << QByteArray("{\"results\":[],\"x\":") + QByteArray(40, '[') +
                                     QByteArray(40, ']') + "}";
        QTest::newRow("link not an object") << j("{'results':[],'links':['x']}");
    }
    void plainKeyPageLeavesTheRestToGeneralReader()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!json::plainKeyPage(body).has_value());
        const auto general = generalKeyPage(body);
        const auto viaPage = json::page<AiKey>(body, &json::aiKey);
        QCOMPARE(viaPage.ok(), general.ok());
        if (general.ok())
            QCOMPARE(difference(viaPage.value(), general.value()), QString());
        else
            QCOMPARE(viaPage.error(), general.error());
    }

    // Projects the same way: an ordinary page is read by the plain reader and gives what the general
    // one gives; anything odd is left to the general reader.
    void plainProjectPage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("plain");
        QTest::newRow("atlas page")
            << j("{'links':[{'href':'https://x/groups?pageNum=1','rel':'self'}],'results':[{"
                 "'clusterCount':3,'created':'2024-01-15T16:47:49Z','id':"
                 "'32b6e34b3d91647abb20e7b8','links':[],'name':'search-prod','orgId':"
                 "'a1b2c3d4e5f6a1b2c3d4e5f6','tags':[{'key':'env','value':'prod'},{'key':"
                 "'team','value':'S\u00fcd'}]},{'id':'p2','name':'b','orgId':'o','tags':null,"
                 "'clusterCount':null,'created':null}],'totalCount':2}")
            << true;
        QTest::newRow("no name") << j("{'results':[{'id':'p','orgId':'o'}]}") << false;
        QTest::newRow("no org") << j("{'results':[{'id':'p','name':'n'}]}") << false;
        QTest::newRow("tags not a list")
            << j("{'results':[{'id':'p','name':'n','orgId':'o','tags':'x'}]}") << false;
        QTest::newRow("tag not an object")
            << j("{'results':[{'id':'p','name':'n','orgId':'o','tags':[1]}]}") << false;
        QTest::newRow("fraction clusters")
            << j("{'results':[{'id':'p','name':'n','orgId':'o','clusterCount':1.5}]}") << false;
        QTest::newRow("bad time") << j("{'results':[{'id':'p','name':'n','orgId':'o','created':'soon'}]}")
                                  << false;
    }
    void plainProjectPage()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, plain);
        const std::optional<json::Page<Project>> fast = json::plainProjectPage(body);
        QCOMPARE(fast.has_value(), plain);
        const auto general = json::page<Project>(
            body, +[](const QJsonObject &o, QStringList *odd) { return json::project(o, odd); });
        const auto viaPage = json::page<Project>(body, &json::project);
        QCOMPARE(viaPage.ok(), general.ok());
        if (!general.ok())
            return;
        for (const json::Page<Project> *p : {fast ? &*fast : &viaPage.value(), &viaPage.value()}) {
            QCOMPARE(p->results.size(), general.value().results.size());
            QCOMPARE(p->totalCount, general.value().totalCount);
            QCOMPARE(p->oddItems, general.value().oddItems);
            for (qsizetype i = 0; i < p->results.size(); ++i) {
                const Project &a = p->results.at(i);
                const Project &b = general.value().results.at(i);
                QCOMPARE(a.id, b.id);
                QCOMPARE(a.name, b.name);
                QCOMPARE(a.orgId, b.orgId);
                QCOMPARE(a.created, b.created);
                QCOMPARE(a.clusterCount, b.clusterCount);
                QCOMPARE(a.tags.size(), b.tags.size());
                for (qsizetype t = 0; t < a.tags.size(); ++t) {
                    QCOMPARE(a.tags.at(t).key, b.tags.at(t).key);
                    QCOMPARE(a.tags.at(t).value, b.tags.at(t).value);
                }
            }
        }
    }

    // Pages written by Qt from keys with every kind of text, compact and indented.
    void plainKeyPageOnWrittenPages()
    {
        const QList<QString> pieces = {u"prod"_s, u"a,b"_s, u"say \"hi\""_s, u"line\nbreak"_s,
                                       u"\\"_s,   u"é"_s,   u"\U0001F511"_s, u"\u202e"_s,
                                       u"\x1b"_s, u""_s,    u"/"_s,          u"\u4e2d"_s};
        quint64 state = 7;
        const auto next = [&state](quint32 bound) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            return quint32(state >> 33) % bound;
        };
        for (int round = 0; round < 40; ++round) {
            QJsonArray results;
            for (int i = 0; i < 30; ++i) {
                AiKey k;
                k.apiKeyId = u"id%1-%2"_s.arg(round).arg(i);
                for (QString *field : {&k.name, &k.groupId, &k.cloud, &k.geography, &k.endpoint, &k.createdBy,
                                       &k.maskedSecret, &k.status}) {
                    for (quint32 n = next(3); n > 0; --n)
                        *field += pieces.at(next(quint32(pieces.size())));
                }
                k.createdAt =
                    QDateTime::fromMSecsSinceEpoch(qint64(next(2000000000)) * 1000, QTimeZone::utc());
                if (next(2))
                    k.lastUsedAt = k.createdAt.addDays(next(400));
                results.append(json::toJson(k));
            }
            const QJsonObject envelope{{u"results"_s, results}, {u"totalCount"_s, 30 * 40}};
            for (const auto format : {QJsonDocument::Compact, QJsonDocument::Indented}) {
                const QByteArray body = QJsonDocument(envelope).toJson(format);
                const std::optional<json::Page<AiKey>> plain = json::plainKeyPage(body);
                const auto general = generalKeyPage(body);
                QVERIFY(general.ok());
                if (!plain) {
                    // Qt escapes nothing the plain reader refuses except what it is told to.
                    QVERIFY2(body.contains("\\ud"), body.left(300).constData());
                    continue;
                }
                QCOMPARE(difference(*plain, general.value()), QString());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
