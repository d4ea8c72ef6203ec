// What reaches a terminal from a server or another user (domain/terminaltext.h), and the key-name
// rule built on it.
#include "atlas/baseurl.h"
#include "domain/keynamerules.h"
#include "domain/terminaltext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;

class TestTerminalText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesWhatDrivesATerminal_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"prod search \u00e9\U0001F600"_s << u"prod search \u00e9\U0001F600"_s;
        QTest::newRow("title and clear") << u"\x1b]0;owned\x07\x1b[2J"_s << u"\\x1b]0;owned\\x07\\x1b[2J"_s;
        QTest::newRow("C1 CSI") << u"a\u009b31mb"_s << u"a\\x9b31mb"_s;
        QTest::newRow("DEL") << u"a\x7f"_s << u"a\\x7f"_s;
        QTest::newRow("RLO") << u"abc\u202etxt.exe"_s << u"abc\\u202etxt.exe"_s;
        QTest::newRow("isolates") << u"\u2066x\u2069"_s << u"\\u2066x\\u2069"_s;
        QTest::newRow("marks") << u"\u200e\u200f\u061c"_s << u"\\u200e\\u200f\\u061c"_s;
        QTest::newRow("line separator") << u"a\u2028b"_s << u"a\\u2028b"_s;
        QTest::newRow("newline in a cell") << u"a\nb\tc\r"_s << u"a\\x0ab\\x09c\\x0d"_s;
    }
    void escapesWhatDrivesATerminal()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(sanitizeForTerminal(input), expected);
        QCOMPARE(QString::fromUtf8(sanitizeUtf8ForTerminal(input.toUtf8())), expected);
        QCOMPARE(indexOfUnsafeForDisplay(input) >= 0, input != expected);
    }

    void multiLineKeepsLines()
    {
        QCOMPARE(sanitizeForTerminal(u"Error: x\n\tdetail \x1b[2J\r"_s, TerminalText::MultiLine),
                 u"Error: x\n\tdetail \\x1b[2J\\x0d"_s);
    }

    void bytesThatAreNotUtf8AreEscaped()
    {
        QCOMPARE(sanitizeUtf8ForTerminal(QByteArray("al-\xff\xc0\xaf-ok")),
                 QByteArray("al-\\xff\\xc0\\xaf-ok"));
        // A C1 control spelled in UTF-8, and one spelled overlong.
        QCOMPARE(sanitizeUtf8ForTerminal(QByteArray("\xc2\x9b"
                                                    "1m")),
                 QByteArray("\\x9b1m"));
        QCOMPARE(sanitizeUtf8ForTerminal(QByteArray("\xe0\x80\x9b")), QByteArray("\\xe0\\x80\\x9b"));
        // A truncated sequence at the end.
        QCOMPARE(sanitizeUtf8ForTerminal(QByteArray("ab\xe2\x80")), QByteArray("ab\\xe2\\x80"));
        QCOMPARE(sanitizeUtf8ForTerminal(QByteArray("al-abc123")), QByteArray("al-abc123"));
    }

    void keyNamesWithControlCharactersAreRefused()
    {
        QVERIFY(validateKeyName(u"prod search"_s).isEmpty());
        QVERIFY(validateKeyName(u"caf\u00e9 \U0001F600"_s).isEmpty());
        const QString esc = validateKeyName(u"prod\x1b[2J"_s);
        QVERIFY2(esc.contains(u"U+001B"_s) && esc.contains(u"position 5"_s), qPrintable(esc));
        QVERIFY(!validateKeyName(u"abc\u202etxt"_s).isEmpty());
        QVERIFY(!validateKeyName(u"a\nb"_s).isEmpty());
        QVERIFY(!validateKeyName(u"a\u0085"_s).isEmpty());
        // The dialogs say the same.
        const KeyNameRules::Verdict verdict = KeyNameRules().check(u"abc\u2066x"_s);
        QCOMPARE(verdict.problem, KeyNameRules::Problem::UnsafeCharacter);
        QVERIFY(verdict.message.contains(u"U+2066"_s));
    }
};

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
