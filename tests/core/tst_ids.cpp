// What may go into a URL path (atlas/ids.h), and that AtlasClient refuses the rest before sending.
#include "atlas/atlasclient.h"
#include "atlas/ids.h"
#include "testsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;

class TestIds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void objectIds()
    {
        QVERIFY(isAtlasObjectId(u"32b6e34b3d91647abb20e7b8"));
        QVERIFY(!isAtlasObjectId(u"32B6E34B3D91647ABB20E7B8")); // Atlas writes them in lowercase
        QVERIFY(!isAtlasObjectId(u"32b6e34b3d91647abb20e7b"));
        QVERIFY(!isAtlasObjectId(u"32b6e34b3d91647abb20e7bg"));
        QVERIFY(!isAtlasObjectId(u".."));
        QVERIFY(!isAtlasObjectId(u""));
    }

    void pathSegmentIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("ok");
        QTest::newRow("key id") << u"a86r5kwrfsk5r5ku5tgvhmpj"_s << true;
        QTest::newRow("cloud") << u"AWS"_s << true;
        QTest::newRow("model group") << u"embed_large"_s << true;
        QTest::newRow("dashes") << u"us-east-1"_s << true;
        QTest::newRow("dot-dot") << u".."_s << false;
        QTest::newRow("dot") << u"."_s << false;
        QTest::newRow("dot inside") << u"a.b"_s << false;
        QTest::newRow("slash") << u"a/b"_s << false;
        QTest::newRow("encoded dot") << u"%2e%2e"_s << false;
        QTest::newRow("space") << u"a b"_s << false;
        QTest::newRow("query") << u"a?b"_s << false;
        QTest::newRow("escape") << u"a\x1b"_s << false;
        QTest::newRow("non-ASCII letter") << u"\u00e9"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("200") << QString(200, u'a') << true;
        QTest::newRow("201") << QString(201, u'a') << false;
    }
    void pathSegmentIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, ok);
        QCOMPARE(isPathSegmentId(id), ok);
        QCOMPARE(validateId(IdKind::ApiKey, id).isEmpty(), ok);
    }

    void messagesSayWhatIsExpected()
    {
        QVERIFY(validateId(IdKind::Project, u"32b6e34b3d91647abb20e7b8"_s).isEmpty());
        QCOMPARE(validateId(IdKind::ApiKey, u""_s), u"The key ID is empty."_s);
        const QString key = validateId(IdKind::ApiKey, u".."_s);
        QVERIFY2(key.contains(u"\"..\" is not a key ID"_s) && key.contains(u"letters, digits, '-' and '_'"_s),
                 qPrintable(key));
        const QString project = validateId(IdKind::Project, u"../../orgs"_s);
        QVERIFY2(project.contains(u"24 hexadecimal digits"_s), qPrintable(project));
        // What the message quotes cannot drive a terminal.
        const QString quoted = validateId(IdKind::Geography, u"\x1b]0;x\x07"_s);
        QVERIFY2(!quoted.contains(QChar(0x1b)) && quoted.contains(u"\\x1b"_s), qPrintable(quoted));
    }

    void dotSegments()
    {
        QVERIFY(hasDotSegment(u"/api/atlas/v2/groups/x/aiModelApiKeys/.."));
        QVERIFY(hasDotSegment(u"/api/atlas/v2/groups/x/./y"));
        QVERIFY(hasDotSegment(u"/a/%2E%2e/b"));
        QVERIFY(hasDotSegment(u"/a/.%2e"));
        QVERIFY(!hasDotSegment(u"/a/..b/c"));
        QVERIFY(!hasDotSegment(u"/a/b?x=.."));
        QVERIFY(!hasDotSegment(u"/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/aiModelApiKeys"));
    }

    // Every client method that takes an id refuses a bad one without sending: the session points at
    // a port where nothing listens, so anything sent would end as a network error instead.
    void clientRefusesBeforeSending()
    {
        test::TestClient c = test::openTestClient(QUrl(u"http://127.0.0.1:9"_s), test::demoApiKey(), 2000, 1);
        const QString project = u"32b6e34b3d91647abb20e7b8"_s;
        const QString org = u"5f8d0a1b2c3d4e5f6a7b8c9d"_s;
        const KeyScope badScope{u"AWS"_s, u"../x"_s};
        const QList<Job *> jobs{
            c.api->deleteKey(project, u".."_s),
            c.api->renameKey(project, u"."_s, u"new name"_s),
            c.api->getProjectKey(project, u"a/b"_s),
            c.api->getOrgKey(org, u".."_s),
            c.api->listProjectKeys(u"32B6E34B3D91647ABB20E7B8"_s),
            c.api->listProjects(u".."_s),
            c.api->getProjectRateLimit(project, KeyScope{u".."_s, u"US"_s}, u"embed_large"_s),
            c.api->getOrgRateLimit(org, badScope, u"embed_large"_s),
            c.api->updateProjectRateLimit(project, KeyScope{}, u".."_s, 10, 10),
            c.api->resetProjectRateLimit(project, KeyScope{}, u"x y"_s),
            c.api->createKey(project, u"name"_s, badScope),
        };
        for (Job *job : jobs) {
            job->setAutoDelete(false);
            QVERIFY(test::finishes(job, 5000));
            QCOMPARE(job->error().kind(), ApiError::Kind::InvalidInput);
            delete job;
        }
    }
};

QTEST_GUILESS_MAIN(TestIds)
#include "tst_ids.moc"
