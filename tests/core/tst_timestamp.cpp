#include "domain/timestamp.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace aikeys;

class TestTimestamp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lenient_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QTimeZone utc = QTimeZone::utc();
        QTest::newRow("contract form") << u"2026-01-15T16:47:49.855000+00:00"_s
                                       << QDateTime(QDate(2026, 1, 15), QTime(16, 47, 49, 855), utc);
        QTest::newRow("Z") << u"2026-01-15T16:47:49Z"_s
                           << QDateTime(QDate(2026, 1, 15), QTime(16, 47, 49), utc);
        QTest::newRow("millis Z") << u"2026-01-15T16:47:49.5Z"_s
                                  << QDateTime(QDate(2026, 1, 15), QTime(16, 47, 49, 500), utc);
        QTest::newRow("nanos") << u"2026-01-15T16:47:49.123456789Z"_s
                               << QDateTime(QDate(2026, 1, 15), QTime(16, 47, 49, 123), utc);
        QTest::newRow("no zone = UTC")
            << u"2026-01-15T16:47:49"_s << QDateTime(QDate(2026, 1, 15), QTime(16, 47, 49), utc);
        QTest::newRow("offset") << u"2026-01-15T18:47:49+02:00"_s
                                << QDateTime(QDate(2026, 1, 15), QTime(16, 47, 49), utc);
        QTest::newRow("negative offset, no colon")
            << u"2026-01-15T11:47:49-0500"_s << QDateTime(QDate(2026, 1, 15), QTime(16, 47, 49), utc);
        QTest::newRow("hour offset") << u"2026-01-15T17:47:49+01"_s
                                     << QDateTime(QDate(2026, 1, 15), QTime(16, 47, 49), utc);
        QTest::newRow("space, no seconds")
            << u"2026-01-15 16:47"_s << QDateTime(QDate(2026, 1, 15), QTime(16, 47), utc);
        QTest::newRow("date only") << u"2026-01-15"_s << QDateTime(QDate(2026, 1, 15), QTime(0, 0), utc);
        QTest::newRow("crosses midnight")
            << u"2026-01-01T01:00:00+02:00"_s << QDateTime(QDate(2025, 12, 31), QTime(23, 0), utc);
    }
    void lenient()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const auto parsed = parseTimestamp(text);
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(parsed->toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        for (const QString &s : {u""_s, u"yesterday"_s, u"2026-13-01"_s, u"2026-02-30T00:00:00Z"_s,
                                 u"2026-01-15T25:00:00Z"_s, u"2026-01-15T16:47:49.Z"_s,
                                 u"2026-01-15T16:47:49+2"_s, u"2026-01-15T16:47:49Zjunk"_s, u"26-01-15"_s})
            QTest::newRow(qPrintable(s.isEmpty() ? u"empty"_s : s)) << s;
    }
    void rejects()
    {
        QFETCH(QString, text);
        QVERIFY(!parseTimestamp(text).has_value());
    }

    void formatsUtc()
    {
        const QDateTime t(QDate(2026, 3, 4), QTime(5, 6, 7, 89), QTimeZone::utc());
        QCOMPARE(formatTimestampUtc(t), u"2026-03-04T05:06:07.089Z"_s);
        QCOMPARE(formatTimestampUtc(t.toOffsetFromUtc(3600)), u"2026-03-04T05:06:07.089Z"_s);
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
