// The audit report: classification edge cases as keys arrive from the API (JSON with its timestamp
// forms), the summary, CSV (RFC 4180, formula injection, UTC times) and JSON exports, and the audit
// table model with its class column.
#include "audit/auditkeymodel.h"
#include "audit/auditreport.h"
#include "audit/csvwriter.h"
#include "domain/json.h"
#include "domain/timestamp.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <cstdlib>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

const QDateTime kNow(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
constexpr qint64 kDay = KeyClassifier::kMsPerDay;

// A key as the API describes it; times are strings in any of the API's forms, or null.
AiKey apiKey(const QString &id, const QJsonValue &createdAt, const QJsonValue &lastUsedAt,
             const QString &group = u"32b6e34b3d91647abb20e7b8"_s, const QString &name = {})
{
    const QJsonObject o{{u"apiKeyId"_s, id},           {u"name"_s, name.isEmpty() ? id : name},
                        {u"groupId"_s, group},         {u"cloud"_s, u"ANY"_s},
                        {u"geography"_s, u"ANY"_s},    {u"endpoint"_s, u"ai.mongodb.com"_s},
                        {u"createdAt"_s, createdAt},   {u"createdBy"_s, u"Ana Souza"_s},
                        {u"lastUsedAt"_s, lastUsedAt}, {u"maskedSecret"_s, u"al-****odu2"_s},
                        {u"status"_s, u"ACTIVE"_s}};
    Result<AiKey> k = json::aiKey(o);
    if (!k)
        qFatal("bad test key: %s", qPrintable(k.error()));
    return k.value();
}

// "2026-01-15T16:47:49.855000+00:00", the API's own form.
QString apiTime(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz000+00:00"_s);
}

// The same instant written with another offset.
QString offsetTime(const QDateTime &t, int offsetSeconds)
{
    return t.toTimeZone(QTimeZone(offsetSeconds)).toString(Qt::ISODateWithMs);
}

// The audit's CSV as rows of cells through CsvWriter, the columns as docs/audit.md lists them.
QByteArray csvThroughCsvWriter(const AuditReport &r, bool withByteOrderMark)
{
    const QStringList header = AuditReport::csvHeader();
    CsvWriter writer;
    for (const char *numeric : {"daysSinceLastUse", "graceDays", "staleDays"})
        writer.setNumericColumn(int(header.indexOf(QLatin1StringView(numeric))));
    writer.writeRow(header);
    const auto time = [](const QDateTime &t) { return t.isValid() ? formatTimestampUtc(t) : QString(); };
    for (int i = 0; i < r.size(); ++i) {
        const AiKey &k = r.keys().at(i);
        const std::optional<qint64> days = r.daysSinceLastUse(i);
        writer.writeRow({KeyClassifier::id(r.keyClass(i)),
                         k.name,
                         k.apiKeyId,
                         k.groupId,
                         r.projectNameOf(k.groupId),
                         r.orgId(),
                         r.orgName(),
                         k.status,
                         time(k.createdAt),
                         k.createdBy,
                         time(k.lastUsedAt.value_or(QDateTime())),
                         days ? QString::number(*days) : QString(),
                         KeyClassifier::id(r.bucket(i)),
                         k.maskedSecret,
                         k.cloud,
                         k.geography,
                         k.endpoint,
                         time(r.generatedAt()),
                         QString::number(r.thresholds().graceDays),
                         QString::number(r.thresholds().staleDays)});
    }
    return (withByteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray()) + writer.toUtf8();
}

AuditReport report(const QList<AiKey> &keys, AuditThresholds t = {})
{
    return AuditReport::build(Scope::Organization, keys, {{u"32b6e34b3d91647abb20e7b8"_s, u"search-prod"_s}},
                              t, kNow);
}

// RFC 4180 reader for the test: fields, quotes doubled inside quoted fields, CRLF records.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row << field;
        rows << row;
    }
    return rows;
}

} // namespace

class TestAuditReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classification_data()
    {
        QTest::addColumn<QJsonValue>("created");
        QTest::addColumn<QJsonValue>("lastUsed");
        QTest::addColumn<KeyClass>("expected");
        const QJsonValue null(QJsonValue::Null);
        const QJsonValue longAgo = apiTime(kNow.addDays(-400));

        QTest::newRow("null last use, created 8 days ago")
            << QJsonValue(apiTime(kNow.addDays(-8))) << null << KeyClass::NeverUsed;
        QTest::newRow("null last use, created exactly 7 days ago")
            << QJsonValue(apiTime(kNow.addMSecs(-7 * kDay))) << null << KeyClass::RecentlyCreated;
        QTest::newRow("null last use, created 7 days and 1 ms ago")
            << QJsonValue(apiTime(kNow.addMSecs(-7 * kDay - 1))) << null << KeyClass::NeverUsed;
        QTest::newRow("null last use, created in the future")
            << QJsonValue(apiTime(kNow.addDays(2))) << null << KeyClass::RecentlyCreated;
        QTest::newRow("null last use, creation time missing") << null << null << KeyClass::NeverUsed;
        QTest::newRow("last used exactly 90 days ago")
            << longAgo << QJsonValue(apiTime(kNow.addMSecs(-90 * kDay))) << KeyClass::Active;
        QTest::newRow("last used 90 days and 1 ms ago")
            << longAgo << QJsonValue(apiTime(kNow.addMSecs(-90 * kDay - 1))) << KeyClass::Stale;
        QTest::newRow("last used in the future (clock skew)")
            << longAgo << QJsonValue(apiTime(kNow.addSecs(3600))) << KeyClass::Active;
        QTest::newRow("last used just now") << longAgo << QJsonValue(apiTime(kNow)) << KeyClass::Active;
        // Offsets change how a time is written, never the instant.
        QTest::newRow("exactly 90 days, written at +05:30")
            << longAgo << QJsonValue(offsetTime(kNow.addMSecs(-90 * kDay), 5 * 3600 + 1800))
            << KeyClass::Active;
        QTest::newRow("90 days and 1 s, written at +14:00")
            << longAgo << QJsonValue(offsetTime(kNow.addMSecs(-90 * kDay - 1000), 14 * 3600))
            << KeyClass::Stale;
        QTest::newRow("90 days and 1 s, written at -11:00")
            << longAgo << QJsonValue(offsetTime(kNow.addMSecs(-90 * kDay - 1000), -11 * 3600))
            << KeyClass::Stale;
        QTest::newRow("exactly 7 days, Z form, no fraction")
            << QJsonValue(kNow.addDays(-7).toString(Qt::ISODate)) << null << KeyClass::RecentlyCreated;
    }

    void classification()
    {
        QFETCH(QJsonValue, created);
        QFETCH(QJsonValue, lastUsed);
        QFETCH(KeyClass, expected);
        const AuditReport r = report({apiKey(u"k1"_s, created, lastUsed)});
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.keyClass(0), expected);
        QCOMPARE(r.summary().count(expected), 1);
        QCOMPARE(r.hasFindings(), expected == KeyClass::Stale || expected == KeyClass::NeverUsed);
    }

    void machineTimeZoneChangesNothing()
    {
        const QList<AiKey> keys{
            apiKey(u"a"_s, apiTime(kNow.addDays(-400)), offsetTime(kNow.addMSecs(-90 * kDay), 9 * 3600)),
            apiKey(u"b"_s, apiTime(kNow.addDays(-400)), offsetTime(kNow.addMSecs(-90 * kDay - 1), -5 * 3600)),
            apiKey(u"c"_s, offsetTime(kNow.addMSecs(-7 * kDay), 12 * 3600), QJsonValue(QJsonValue::Null)),
            apiKey(u"d"_s, apiTime(kNow.addDays(-1)), apiTime(kNow.addMSecs(-kDay))),
        };
        const QByteArray original = qgetenv("TZ");
        QList<QList<int>> results;
        for (const char *zone : {"UTC", "Pacific/Kiritimati", "America/Adak", "Asia/Kolkata"}) {
            qputenv("TZ", zone);
            tzset();
            const AuditReport r = report(keys);
            QList<int> classes;
            for (int i = 0; i < r.size(); ++i)
                classes << int(r.keyClass(i)) << int(r.bucket(i));
            results << classes;
        }
        if (original.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", original);
        tzset();
        for (const QList<int> &r : std::as_const(results))
            QCOMPARE(r, results.first());
        QCOMPARE(KeyClass(results.first().at(0)), KeyClass::Active);
        QCOMPARE(KeyClass(results.first().at(2)), KeyClass::Stale);
        QCOMPARE(KeyClass(results.first().at(4)), KeyClass::RecentlyCreated);
        QCOMPARE(LastUseBucket(results.first().at(7)), LastUseBucket::Today); // exactly 24 h: still today
    }

    void thresholdsStandInTheReport()
    {
        const QList<AiKey> keys{apiKey(u"a"_s, apiTime(kNow.addDays(-40)), apiTime(kNow.addDays(-31))),
                                apiKey(u"b"_s, apiTime(kNow.addDays(-3)), QJsonValue(QJsonValue::Null))};
        const AuditReport loose = report(keys);
        QCOMPARE(loose.keyClass(0), KeyClass::Active);
        QCOMPARE(loose.keyClass(1), KeyClass::RecentlyCreated);
        const AuditReport strict = report(keys, {2, 30});
        QCOMPARE(strict.thresholds().graceDays, 2);
        QCOMPARE(strict.thresholds().staleDays, 30);
        QCOMPARE(strict.keyClass(0), KeyClass::Stale);
        QCOMPARE(strict.keyClass(1), KeyClass::NeverUsed);
        // Negative thresholds read as 0, as the classifier reads them.
        QCOMPARE(report(keys, {-3, 90}).thresholds().graceDays, 0);
    }

    void summary()
    {
        const QString p1 = u"32b6e34b3d91647abb20e7b8"_s;
        const QString p2 = u"42b6e34b3d91647abb20e7b9"_s;
        const QList<AiKey> keys{
            apiKey(u"today"_s, apiTime(kNow.addDays(-10)), apiTime(kNow.addSecs(-60)), p1),
            apiKey(u"week"_s, apiTime(kNow.addDays(-10)), apiTime(kNow.addDays(-5)), p1),
            apiKey(u"month"_s, apiTime(kNow.addDays(-100)), apiTime(kNow.addDays(-20)), p2),
            apiKey(u"quarter"_s, apiTime(kNow.addDays(-100)), apiTime(kNow.addDays(-60)), p2),
            apiKey(u"old"_s, apiTime(kNow.addDays(-400)), apiTime(kNow.addDays(-200)), p2),
            apiKey(u"never"_s, apiTime(kNow.addDays(-30)), QJsonValue(QJsonValue::Null), p2),
            apiKey(u"new"_s, apiTime(kNow.addDays(-1)), QJsonValue(QJsonValue::Null),
                   u"52b6e34b3d91647abb20e7ba"_s),
        };
        AuditReport r = AuditReport::build(Scope::Organization, keys,
                                           {{p1, u"search-prod"_s}, {p2, u"analytics"_s}}, {}, kNow);
        r.setOrg(u"5f0000000000000000000001"_s, u"Acme"_s);
        const AuditSummary &s = r.summary();
        QCOMPARE(s.total, 7);
        QCOMPARE(s.count(KeyClass::Active), 4);
        QCOMPARE(s.count(KeyClass::Stale), 1);
        QCOMPARE(s.count(KeyClass::NeverUsed), 1);
        QCOMPARE(s.count(KeyClass::RecentlyCreated), 1);
        for (const LastUseBucket b :
             {LastUseBucket::Today, LastUseBucket::Within7Days, LastUseBucket::Within30Days,
              LastUseBucket::Within90Days, LastUseBucket::Older})
            QCOMPARE(s.count(b), 1);
        QCOMPARE(s.count(LastUseBucket::Never), 2);
        QVERIFY(s.oldestLastUse.has_value());
        QCOMPARE(*s.oldestLastUse, kNow.addDays(-200));
        QCOMPARE(s.oldestLastUseKeyId, u"old"_s);

        const QList<AuditReport::ProjectCount> perProject = r.keysPerProject();
        QCOMPARE(perProject.size(), 3);
        QCOMPARE(perProject.at(0).projectName, u"analytics"_s);
        QCOMPARE(perProject.at(0).keys, 4);
        QCOMPARE(perProject.at(1).projectName, u"search-prod"_s);
        QCOMPARE(perProject.at(1).keys, 2);
        // A project whose name is unknown is named by its id.
        QCOMPARE(perProject.at(2).projectName, u"52b6e34b3d91647abb20e7ba"_s);

        QVERIFY(r.hasFindings());
        QStringList candidates;
        for (const AiKey &k : r.retireCandidates())
            candidates << k.apiKeyId;
        QCOMPARE(candidates, (QStringList{u"old"_s, u"never"_s}));

        r.removeKeys({u"old"_s, u"never"_s});
        QCOMPARE(r.size(), 5);
        QVERIFY(!r.hasFindings());
        QCOMPARE(r.summary().count(LastUseBucket::Older), 0);
        QCOMPARE(r.summary().oldestLastUseKeyId, u"quarter"_s);
        QCOMPARE(r.generatedAt(), kNow);
    }

    void emptyAudit()
    {
        const AuditReport r = report({});
        QCOMPARE(r.summary().total, 0);
        QVERIFY(!r.summary().oldestLastUse);
        QVERIFY(!r.hasFindings());
        QCOMPARE(parseCsv(QString::fromUtf8(r.toCsv())).size(), 1); // the header alone
        QCOMPARE(r.toJson().value(u"keys"_s).toArray().size(), 0);
    }

    void csvQuotingAndInjection()
    {
        const QList<AiKey> keys{
            apiKey(u"k1"_s, apiTime(kNow.addDays(-400)), apiTime(kNow.addDays(-100)),
                   u"32b6e34b3d91647abb20e7b8"_s, u"=HYPERLINK(\"http://evil.example\",\"click\")"_s),
            apiKey(u"k2"_s, apiTime(kNow.addDays(-400)), QJsonValue(QJsonValue::Null),
                   u"32b6e34b3d91647abb20e7b8"_s, u"search, \"prod\"\nsecond line"_s),
            apiKey(u"k3"_s, apiTime(kNow.addDays(-2)), apiTime(kNow.addDays(-1)),
                   u"32b6e34b3d91647abb20e7b8"_s, u"+1 555"_s),
            apiKey(u"k4"_s, apiTime(kNow.addDays(-2)), apiTime(kNow.addDays(-1)),
                   u"32b6e34b3d91647abb20e7b8"_s, u"@SUM(A1:A9)"_s),
            apiKey(u"k5"_s, apiTime(kNow.addDays(-2)), apiTime(kNow.addDays(-1)),
                   u"32b6e34b3d91647abb20e7b8"_s, u"-2"_s),
        };
        AuditReport r = report(keys, {7, 90});
        r.setOrg(u"5f0000000000000000000001"_s, u"Acme, Inc."_s);

        const QByteArray bytes = r.toCsv(true);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(!r.toCsv(false).startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.contains("\r\n"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes.mid(3)));
        QCOMPARE(rows.size(), 1 + keys.size());
        const QStringList header = rows.first();
        QCOMPARE(header, AuditReport::csvHeader());
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), header.size()); // quoting kept commas and newlines inside their cells
        const auto cell = [&](int row, const QString &column) {
            return rows.at(row).at(header.indexOf(column));
        };

        // Formula starters are made inert with a leading quote; the text is otherwise intact.
        QCOMPARE(cell(1, u"name"_s), u"'=HYPERLINK(\"http://evil.example\",\"click\")"_s);
        QCOMPARE(cell(3, u"name"_s), u"'+1 555"_s);
        QCOMPARE(cell(4, u"name"_s), u"'@SUM(A1:A9)"_s);
        QCOMPARE(cell(5, u"name"_s), u"'-2"_s);
        QCOMPARE(cell(2, u"name"_s), u"search, \"prod\"\nsecond line"_s);
        QVERIFY(bytes.contains("\"search, \"\"prod\"\"\nsecond line\""));

        QCOMPARE(cell(1, u"class"_s), u"stale"_s);
        QCOMPARE(cell(2, u"class"_s), u"never-used"_s);
        QCOMPARE(cell(1, u"daysSinceLastUse"_s), u"100"_s);
        QCOMPARE(cell(2, u"daysSinceLastUse"_s), QString());
        QCOMPARE(cell(2, u"lastUsedAt"_s), QString());
        QCOMPARE(cell(1, u"lastUseBucket"_s), u"older"_s);
        QCOMPARE(cell(1, u"orgName"_s), u"Acme, Inc."_s);
        QCOMPARE(cell(1, u"projectName"_s), u"search-prod"_s);
        QCOMPARE(cell(1, u"graceDays"_s), u"7"_s);
        QCOMPARE(cell(1, u"staleDays"_s), u"90"_s);
        QCOMPARE(cell(1, u"maskedSecret"_s), u"al-****odu2"_s);
        // ISO 8601 in UTC, whatever offset the API used.
        QCOMPARE(cell(1, u"generatedAt"_s), u"2026-03-01T12:00:00.000Z"_s);
        QCOMPARE(cell(1, u"lastUsedAt"_s), formatTimestampUtc(kNow.addDays(-100)));
        QVERIFY(cell(1, u"createdAt"_s).endsWith(u'Z'));
        // Nothing secret: there is no such column, and no cell holds more than the masked form.
        QVERIFY(!header.contains(u"secret"_s));
    }

    void jsonShape()
    {
        const QString p1 = u"32b6e34b3d91647abb20e7b8"_s;
        AuditReport r = AuditReport::build(
            Scope::Project,
            {apiKey(u"k1"_s, apiTime(kNow.addDays(-400)), offsetTime(kNow.addDays(-100), 3600), p1,
                    u"old key"_s),
             apiKey(u"k2"_s, apiTime(kNow.addDays(-1)), QJsonValue(QJsonValue::Null), p1, u"new key"_s)},
            {}, {5, 60}, kNow);
        r.setProject(p1, u"search-prod"_s);
        r.setOrg(u"5f0000000000000000000001"_s, {});
        r.addWarning(u"a warning"_s);
        const QJsonDocument doc = QJsonDocument::fromJson(r.toJsonBytes());
        QVERIFY(doc.isObject());
        const QJsonObject o = doc.object();
        QCOMPARE(o.value(u"format"_s).toString(), u"atlas-ai-keys-audit/1"_s);
        QCOMPARE(o.value(u"generatedAt"_s).toString(), u"2026-03-01T12:00:00.000Z"_s);
        QCOMPARE(o.value(u"scope"_s).toString(), u"project"_s);
        QCOMPARE(o.value(u"project"_s).toObject().value(u"name"_s).toString(), u"search-prod"_s);
        QCOMPARE(o.value(u"project"_s).toObject().value(u"id"_s).toString(), p1);
        QCOMPARE(o.value(u"organization"_s).toObject().value(u"id"_s).toString(),
                 u"5f0000000000000000000001"_s);
        QVERIFY(o.value(u"organization"_s).toObject().value(u"name"_s).isNull());
        QCOMPARE(o.value(u"thresholds"_s).toObject(),
                 (QJsonObject{{u"graceDays"_s, 5}, {u"staleDays"_s, 60}}));
        QCOMPARE(o.value(u"warnings"_s).toArray(), QJsonArray{u"a warning"_s});

        const QJsonObject summary = o.value(u"summary"_s).toObject();
        QCOMPARE(summary.value(u"total"_s).toInt(), 2);
        QCOMPARE(summary.value(u"byClass"_s).toObject(),
                 (QJsonObject{
                     {u"never-used"_s, 0}, {u"stale"_s, 1}, {u"recently-created"_s, 1}, {u"active"_s, 0}}));
        QCOMPARE(summary.value(u"byLastUse"_s).toObject().keys(),
                 (QStringList{u"30d"_s, u"7d"_s, u"90d"_s, u"never"_s, u"older"_s, u"today"_s}));
        QCOMPARE(summary.value(u"byLastUse"_s).toObject().value(u"older"_s).toInt(), 1);
        QCOMPARE(summary.value(u"oldestLastUse"_s).toString(), formatTimestampUtc(kNow.addDays(-100)));
        QCOMPARE(summary.value(u"oldestLastUseKeyId"_s).toString(), u"k1"_s);
        QCOMPARE(summary.value(u"keysPerProject"_s).toArray(),
                 (QJsonArray{QJsonObject{
                     {u"projectId"_s, p1}, {u"projectName"_s, u"search-prod"_s}, {u"keys"_s, 2}}}));

        const QJsonArray keys = o.value(u"keys"_s).toArray();
        QCOMPARE(keys.size(), 2);
        const QJsonObject k1 = keys.at(0).toObject();
        const QStringList expectedFields{
            u"apiKeyId"_s,         u"class"_s,        u"cloud"_s,     u"createdAt"_s,   u"createdBy"_s,
            u"daysSinceLastUse"_s, u"endpoint"_s,     u"geography"_s, u"groupId"_s,     u"lastUseBucket"_s,
            u"lastUsedAt"_s,       u"maskedSecret"_s, u"name"_s,      u"projectName"_s, u"status"_s};
        QCOMPARE(k1.keys(), expectedFields);
        QCOMPARE(k1.value(u"class"_s).toString(), u"stale"_s);
        QCOMPARE(k1.value(u"daysSinceLastUse"_s).toInt(), 100);
        QCOMPARE(k1.value(u"lastUsedAt"_s).toString(), formatTimestampUtc(kNow.addDays(-100)));
        QCOMPARE(k1.value(u"projectName"_s).toString(), u"search-prod"_s);
        const QJsonObject k2 = keys.at(1).toObject();
        QVERIFY(k2.value(u"lastUsedAt"_s).isNull());
        QVERIFY(k2.value(u"daysSinceLastUse"_s).isNull());
        QCOMPARE(k2.value(u"class"_s).toString(), u"recently-created"_s);
        QVERIFY(!r.toJsonBytes().contains("\"secret\""));
    }

    // The streamed JSON is what QJsonDocument writes for toJson(), byte for byte: org and project
    // audits, empty and large, keys with awkward text, unknown and never-used last use, warnings.
    void streamedJsonIsQtsJson()
    {
        const QList<QString> texts = {u"prod"_s,          u"say \"hi\"\n"_s,      u"\\é\U0001F511"_s,
                                      u"\x1b[2J\u202e"_s, QString(QChar(0xd800)), QString()};
        QList<AiKey> keys;
        for (int i = 0; i < 600; ++i) {
            AiKey k = apiKey(u"k%1"_s.arg(i), apiTime(kNow.addDays(-i)),
                             i % 3 ? QJsonValue(apiTime(kNow.addDays(-i * 2))) : QJsonValue(),
                             i % 4 ? u"32b6e34b3d91647abb20e7b8"_s : u"other%1"_s.arg(i % 7),
                             texts.at(i % texts.size()) + QString::number(i));
            k.createdBy = texts.at((i / 2) % texts.size());
            k.lastUsedUnknown = i % 11 == 0 && !k.lastUsedAt;
            if (i % 13 == 0)
                k.createdAt = QDateTime();
            keys << k;
        }
        for (const int count : {0, 1, 600}) {
            AuditReport org = report(keys.mid(0, count));
            org.setOrg(u"a1b2c3d4e5f6a1b2c3d4e5f6"_s, u"=Acme, \"Labs\""_s);
            QCOMPARE(org.toCsv(true), csvThroughCsvWriter(org, true));
            QCOMPARE(org.toCsv(false), csvThroughCsvWriter(org, false));
            qsizetype largestCsv = 0;
            org.writeCsv([&](QByteArrayView piece) { largestCsv = qMax(largestCsv, piece.size()); });
            QVERIFY2(largestCsv < 80 * 1024, qPrintable(QString::number(largestCsv)));
            org.addWarning(u"project names could not be read"_s);
            QCOMPARE(org.toJsonBytes(), QJsonDocument(org.toJson()).toJson(QJsonDocument::Indented));
            AuditReport project = AuditReport::build(Scope::Project, keys.mid(0, count), {}, {}, kNow);
            project.setProject(u"32b6e34b3d91647abb20e7b8"_s, u"search-prod"_s);
            QCOMPARE(project.toJsonBytes(), QJsonDocument(project.toJson()).toJson(QJsonDocument::Indented));
            // In pieces of about 64 KiB, never one document.
            qsizetype largest = 0;
            QByteArray joined;
            org.writeJson([&](QByteArrayView piece) {
                largest = qMax(largest, piece.size());
                joined += piece;
            });
            QCOMPARE(joined, org.toJsonBytes());
            QVERIFY2(largest < 80 * 1024, qPrintable(QString::number(largest)));
        }
    }

    void auditModelClassColumn()
    {
        AuditKeyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClock([] { return kNow; });
        model.setThresholds({7, 90});
        const QString p1 = u"32b6e34b3d91647abb20e7b8"_s;
        model.setKeys({apiKey(u"active"_s, apiTime(kNow.addDays(-10)), apiTime(kNow.addDays(-1)), p1),
                       apiKey(u"stale"_s, apiTime(kNow.addDays(-400)), apiTime(kNow.addDays(-200)), p1),
                       apiKey(u"never"_s, apiTime(kNow.addDays(-30)), QJsonValue(QJsonValue::Null), p1),
                       apiKey(u"recent"_s, apiTime(kNow.addDays(-2)), QJsonValue(QJsonValue::Null), p1)});
        QCOMPARE(model.columnCount(), int(KeyTableModel::ColumnCount)); // project column hidden, class added
        QCOMPARE(model.classColumn(), int(KeyTableModel::ColumnCount) - 1);
        QCOMPARE(model.headerData(model.classColumn(), Qt::Horizontal).toString(), u"Class"_s);
        QCOMPARE(model.data(model.index(0, model.classColumn())).toString(), u"Active"_s);
        QCOMPARE(model.data(model.index(1, model.classColumn()), AuditKeyModel::ClassRole).toInt(),
                 int(KeyClass::Stale));
        QCOMPARE(model.data(model.index(2, model.classColumn()), KeyTableModel::KeyIdRole).toString(),
                 u"never"_s);
        QVERIFY(model.data(model.index(2, model.classColumn()), Qt::ToolTipRole)
                    .toString()
                    .contains(u"7 days"_s));

        // The class column follows the Project column when it appears.
        model.setShowProjectColumn(true);
        QCOMPARE(model.classColumn(), int(KeyTableModel::ColumnCount));
        QCOMPARE(model.data(model.index(3, model.classColumn())).toString(), u"Recently created"_s);

        // New thresholds reclassify, with a change signal for the column.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setThresholds({1, 90});
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.data(model.index(3, model.classColumn())).toString(), u"Never used"_s);

        // Sorting the class column: never used, stale, recently created, active.
        model.setThresholds({7, 90});
        AuditFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(model.classColumn(), Qt::AscendingOrder);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order << proxy.data(proxy.index(row, 0), KeyTableModel::KeyIdRole).toString();
        QCOMPARE(order, (QStringList{u"never"_s, u"stale"_s, u"recent"_s, u"active"_s}));

        // The predicate filter the chart uses.
        proxy.setKeyPredicate([](const AiKey &k) { return k.neverUsed(); });
        QCOMPARE(proxy.rowCount(), 2);
        model.removeKey(u"never"_s);
        QCOMPARE(proxy.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAuditReport)
#include "tst_auditreport.moc"
