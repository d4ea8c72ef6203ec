#include "audit/csvwriter.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encodesCells_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("plain") << u"prod-search"_s << u"prod-search"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("spaces kept") << u" padded "_s << u" padded "_s;
        QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
        QTest::newRow("quote doubled") << u"say \"hi\""_s << u"\"say \"\"hi\"\"\""_s;
        QTest::newRow("lf") << u"two\nlines"_s << u"\"two\nlines\""_s;
        QTest::newRow("crlf") << u"two\r\nlines"_s << u"\"two\r\nlines\""_s;
        QTest::newRow("unicode") << u"clé ☃"_s << u"clé ☃"_s;
        // Formula injection: a leading quote makes spreadsheets show the text.
        QTest::newRow("equals") << u"=HYPERLINK(\"http://x\")"_s << u"\"'=HYPERLINK(\"\"http://x\"\")\""_s;
        QTest::newRow("plus") << u"+1+2"_s << u"'+1+2"_s;
        QTest::newRow("minus") << u"-2+3"_s << u"'-2+3"_s;
        QTest::newRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
        QTest::newRow("tab") << u"\t=1"_s << u"'\t=1"_s;
        QTest::newRow("cr") << u"\r=1"_s << u"\"'\r=1\""_s;
        QTest::newRow("formula with comma") << u"=1,2"_s << u"\"'=1,2\""_s;
        QTest::newRow("equals later is fine") << u"a=b"_s << u"a=b"_s;
        QTest::newRow("negative number in a text column") << u"-5"_s << u"'-5"_s;
        // Whitespace first: some spreadsheets skip it and still read a formula.
        QTest::newRow("space then equals") << u" =1+2"_s << u"' =1+2"_s;
        QTest::newRow("spaces then plus") << u"   +1"_s << u"'   +1"_s;
        QTest::newRow("space then minus") << u" -2+3"_s << u"' -2+3"_s;
        QTest::newRow("space then at") << u" @SUM(A1)"_s << u"' @SUM(A1)"_s;
        QTest::newRow("lf then equals") << u"\n=1"_s << u"\"'\n=1\""_s;
        QTest::newRow("crlf then equals") << u"\r\n=1"_s << u"\"'\r\n=1\""_s;
        QTest::newRow("no-break space then equals") << u"\u00a0=1"_s << u"'\u00a0=1"_s;
        QTest::newRow("ideographic space then at") << u"\u3000@x"_s << u"'\u3000@x"_s;
        QTest::newRow("vertical tab then equals") << u"\v=1"_s << u"'\v=1"_s;
        // A tab or a CR first is neutralised whatever follows (OWASP).
        QTest::newRow("tab alone") << u"\tx"_s << u"'\tx"_s;
        QTest::newRow("cr alone") << u"\rx"_s << u"\"'\rx\""_s;
        // Whitespace before ordinary text, or only whitespace, is left alone.
        QTest::newRow("space then text") << u" a=b"_s << u" a=b"_s;
        QTest::newRow("only spaces") << u"   "_s << u"   "_s;
        QTest::newRow("lf then text") << u"\nx"_s << u"\"\nx\""_s;
        QTest::newRow("emoji first") << u"🔑=1"_s << u"🔑=1"_s;
    }
    void encodesCells()
    {
        QFETCH(QString, cell);
        QFETCH(QString, encoded);
        QCOMPARE(CsvWriter::encodeCell(cell), encoded);
        // The byte version used for secrets agrees with the QString one.
        QCOMPARE(CsvWriter::encodeCell(cell.toUtf8()), encoded.toUtf8());
    }

    void bytesDecodeInPlace()
    {
        // Malformed UTF-8 cannot hide a formula, nor make one up.
        QVERIFY(!CsvWriter::looksLikeFormula(QByteArray("\xC2")));
        QVERIFY(!CsvWriter::looksLikeFormula(QByteArray("\xFF=1")));
        QVERIFY(!CsvWriter::looksLikeFormula(QByteArray("\xE3\x80=1")));
        QVERIFY(CsvWriter::looksLikeFormula(QByteArray("\xE3\x80\x80=1"))); // U+3000
        QVERIFY(CsvWriter::looksLikeFormula(QByteArray(" \t-1")));
        QVERIFY(!CsvWriter::looksLikeFormula(QByteArray()));
        QVERIFY(!CsvWriter::looksLikeFormula(QStringView()));
    }

    void neutralizationCanBeTurnedOff()
    {
        QCOMPARE(CsvWriter::encodeCell(u"=1+2"_s, false), u"=1+2"_s);
        QCOMPARE(CsvWriter::encodeCell(u"=1,2"_s, false), u"\"=1,2\""_s);
        QCOMPARE(CsvWriter::encodeCell(QByteArray("-3"), false), QByteArray("-3"));

        CsvWriter writer;
        writer.setNeutralizeFormulas(false);
        writer.writeRow({u"=A1"_s, u"@x"_s});
        QCOMPARE(writer.text(), u"=A1,@x\r\n"_s);
    }

    void writesRowsWithCrlf()
    {
        CsvWriter writer;
        writer.writeRow({u"id"_s, u"name"_s, u"note"_s});
        writer.writeRow({u"1"_s, u"a,b"_s, QString()});
        writer.writeRow({});
        QCOMPARE(writer.text(), u"id,name,note\r\n1,\"a,b\",\r\n\r\n"_s);
        QCOMPARE(writer.toUtf8(), writer.text().toUtf8());
    }

    void numericColumnsKeepNumbers()
    {
        CsvWriter writer;
        writer.setNumericColumn(1);
        writer.setNumericColumn(2);
        writer.writeRow({u"-5"_s, u"-5"_s, u"+2.50"_s});
        // A number column still protects cells that are not plain numbers.
        writer.writeRow({u"x"_s, u"-1+cmd|' /C calc'!A0"_s, u"=2"_s});
        writer.writeRow({u"x"_s, u"-"_s, u"1."_s});
        QCOMPARE(writer.text(), u"'-5,-5,+2.50\r\n"
                                u"x,'-1+cmd|' /C calc'!A0,'=2\r\n"
                                u"x,'-,1.\r\n"_s);

        writer.setNumericColumn(1, false);
        CsvWriter again;
        again.setNumericColumn(0);
        again.setNumericColumn(0, false);
        again.writeRow({u"-5"_s});
        QCOMPARE(again.text(), u"'-5\r\n"_s);
    }

    void plainNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("number");
        QTest::newRow("int") << u"42"_s << true;
        QTest::newRow("negative") << u"-42"_s << true;
        QTest::newRow("plus") << u"+42"_s << true;
        QTest::newRow("decimal") << u"-4.25"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("sign only") << u"-"_s << false;
        QTest::newRow("trailing dot") << u"4."_s << false;
        QTest::newRow("leading dot") << u".5"_s << false;
        QTest::newRow("exponent") << u"1e5"_s << false;
        QTest::newRow("expression") << u"-1+2"_s << false;
        QTest::newRow("space") << u" 1"_s << false;
    }
    void plainNumbers()
    {
        QFETCH(QString, text);
        QFETCH(bool, number);
        QCOMPARE(CsvWriter::isPlainNumber(text), number);
    }

    void writesToADevice()
    {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        CsvWriter writer(&buffer);
        writer.writeRow({u"name"_s});
        writer.writeRow({u"clé,1"_s});
        QVERIFY(writer.ok());
        QCOMPARE(buffer.data(), QByteArray("name\r\n\"cl\xc3\xa9,1\"\r\n"));
        // Rows written to a device are not also kept in memory.
        QVERIFY(writer.text().isEmpty());

        QBuffer closed;
        CsvWriter failing(&closed);
        failing.writeRow({u"x"_s});
        QVERIFY(!failing.ok());
    }

    // appendCell's shortcut for plain cells writes what encodeCell gives, for cells built from every
    // character the two protections look at.
    void appendCellIsEncodeCell()
    {
        const QList<QString> pieces = {
            u"a"_s,      u","_s, u"\""_s, u"\r"_s, u"\n"_s, u"\t"_s, u" "_s,          u"\u00a0"_s,
            u"\u3000"_s, u"="_s, u"+"_s,  u"-"_s,  u"@"_s,  u"é"_s,  u"\U0001F511"_s, QString(QChar(0xd800)),
            u"1"_s,      u"'"_s};
        quint64 state = 3;
        for (int round = 0; round < 20000; ++round) {
            QString cell;
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            for (int n = int(state >> 61); n > 0; --n) {
                state = state * 6364136223846793005ull + 1442695040888963407ull;
                cell += pieces.at(qsizetype((state >> 33) % quint64(pieces.size())));
            }
            for (const bool neutralize : {true, false}) {
                QByteArray out = "x";
                CsvWriter::appendCell(out, cell, neutralize);
                QCOMPARE(out, "x" + CsvWriter::encodeCell(cell, neutralize).toUtf8());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
