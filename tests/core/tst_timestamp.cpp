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

    // The direct formatter against Qt's own, over instants spread from 1970 to past 9999 (where it
    // hands over to Qt), day and year boundaries, leap days, and times before 1970 and in other zones.
    void directFormattingMatchesQt()
    {
        QList<QDateTime> times;
        const QTimeZone utc = QTimeZone::utc();
        times << QDateTime::fromMSecsSinceEpoch(0, utc) << QDateTime::fromMSecsSinceEpoch(-1, utc)
              << QDateTime(QDate(2000, 2, 29), QTime(23, 59, 59, 999), utc)
              << QDateTime(QDate(2100, 3, 1), QTime(0, 0), utc)
              << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), utc)
              << QDateTime(QDate(10000, 1, 1), QTime(0, 0), utc)
              << QDateTime(QDate(1969, 12, 31), QTime(12, 0), utc)
              << QDateTime(QDate(2026, 3, 29), QTime(1, 30), QTimeZone(3600 * 5 + 1800)) << QDateTime();
        quint64 state = 0x9E3779B97F4A7C15ull;
        for (int i = 0; i < 20000; ++i) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            // Up to about year 10400, so both sides of the hand-over are covered.
            const qint64 ms = qint64(state >> 17) % 265000000000000ll;
            times << QDateTime::fromMSecsSinceEpoch(ms, utc);
        }
        for (const QDateTime &t : std::as_const(times)) {
            const QString qt = t.toUTC().toString(Qt::ISODateWithMs);
            QCOMPARE(formatTimestampUtc(t), qt);
            QByteArray appended = "x";
            appendTimestampUtc(appended, t);
            QCOMPARE(appended, "x" + qt.toUtf8());
            QByteArray date;
            appendDateUtc(date, t);
            QCOMPARE(date, t.isValid() ? t.toUTC().toString(u"yyyy-MM-dd"_s).toUtf8() : QByteArray());
        }
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
