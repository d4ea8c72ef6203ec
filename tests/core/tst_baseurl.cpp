#include "atlas/baseurl.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;

class TestBaseUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("atlas") << u"https://cloud.mongodb.com"_s << u"https://cloud.mongodb.com"_s;
        QTest::newRow("trailing slash") << u"https://cloud.mongodb.com/"_s << u"https://cloud.mongodb.com"_s;
        QTest::newRow("gov") << u" https://cloud.mongodbgov.com "_s << u"https://cloud.mongodbgov.com"_s;
        QTest::newRow("proxy path") << u"https://proxy.example.com/atlas/"_s
                                    << u"https://proxy.example.com/atlas"_s;
        QTest::newRow("upper scheme") << u"HTTPS://cloud.mongodb.com"_s << u"https://cloud.mongodb.com"_s;
        QTest::newRow("loopback http") << u"http://127.0.0.1:8080"_s << u"http://127.0.0.1:8080"_s;
        QTest::newRow("localhost http") << u"http://localhost:9000/"_s << u"http://localhost:9000"_s;
        QTest::newRow("ipv6 loopback") << u"http://[::1]:9000"_s << u"http://[::1]:9000"_s;
        QTest::newRow("127/8") << u"http://127.0.0.2:1"_s << u"http://127.0.0.2:1"_s;
    }
    void accepts()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalized);
        const auto url = normalizeBaseUrl(input);
        QVERIFY2(url.ok(), qPrintable(url.error()));
        QCOMPARE(url.value().toString(), normalized);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("needle");
        QTest::newRow("empty") << u""_s << u"Enter"_s;
        QTest::newRow("no scheme") << u"cloud.mongodb.com"_s << u"https://"_s;
        QTest::newRow("http remote") << u"http://cloud.mongodb.com"_s << u"unencrypted"_s;
        QTest::newRow("http lookalike") << u"http://127.0.0.1.evil.com"_s << u"unencrypted"_s;
        QTest::newRow("ftp") << u"ftp://cloud.mongodb.com"_s << u"https://"_s;
        QTest::newRow("user info") << u"https://user:pw@cloud.mongodb.com"_s << u"credentials"_s;
        QTest::newRow("query") << u"https://cloud.mongodb.com?x=1"_s << u"query"_s;
        QTest::newRow("fragment") << u"https://cloud.mongodb.com#top"_s << u"fragment"_s;
        QTest::newRow("garbage") << u"https://exa mple.com"_s << u"valid"_s;
        // Found by fuzz_baseurl: QUrl writes noncharacters so that they read back as other characters.
        QTest::newRow("noncharacter U+FFFE") << u"https://cloud.mongodb.com/a\uFFFE"_s << u"cannot be sent"_s;
        QTest::newRow("noncharacter U+7FFFF")
            << u"https://cloud.mongodb.com/"_s + QString::fromUcs4(U"\U0007FFFF", 1) << u"cannot be sent"_s;
    }
    void rejects()
    {
        QFETCH(QString, input);
        QFETCH(QString, needle);
        const auto url = normalizeBaseUrl(input);
        QVERIFY(!url.ok());
        QVERIFY2(url.error().contains(needle), qPrintable(url.error()));
    }

    void objectIds()
    {
        QVERIFY(isAtlasObjectId(u"32b6e34b3d91647abb20e7b8"));
        QVERIFY(!isAtlasObjectId(u"32b6e34b3d91647abb20e7b"));
        QVERIFY(!isAtlasObjectId(u"32b6e34b3d91647abb20e7b8a"));
        QVERIFY(!isAtlasObjectId(u"a86r5kwrfsk5r5ku5tgvhmpj")); // an API key id is not an object id
        QVERIFY(!isAtlasObjectId(u""));
    }

    void keyNames()
    {
        QVERIFY(validateKeyName(u"prod search"_s).isEmpty());
        QVERIFY(validateKeyName(QString(250, u'x')).isEmpty());
        QVERIFY(validateKeyName(QString(251, u'x')).contains(u"251"_s));
        QVERIFY(!validateKeyName(u""_s).isEmpty());
        QVERIFY(!validateKeyName(u"   "_s).isEmpty());
        QVERIFY(validateKeyName(u"Schlüssel für Ana 🔑"_s).isEmpty());
        // UTF-16 code units, as Atlas (Java) and atlas-sim count them: an emoji outside the BMP is 2.
        const QString key = QString::fromUcs4(U"\U0001F511", 1);
        QVERIFY(validateKeyName(key.repeated(125)).isEmpty());
        QVERIFY(validateKeyName(key.repeated(126)).contains(u"252"_s));
        QVERIFY(validateKeyName(key.repeated(250)).contains(u"500"_s));
    }
};

QTEST_GUILESS_MAIN(TestBaseUrl)
#include "tst_baseurl.moc"
