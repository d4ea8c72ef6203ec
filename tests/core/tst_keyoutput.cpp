// The CLI's one-pass key writers (src/cli/keyoutput.h) against the general renderers they replace
// for keys: Qt's own JSON writer, CsvWriter and renderTable. Same bytes for keys with every kind of
// awkward text a server could send.
#include "commandline.h"
#include "console.h"
#include "domain/json.h"
#include "keyoutput.h"
#include "output.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace aikeys;
using namespace aikeys::cli;

namespace {

// A deterministic generator, so a failure can be replayed.
class Draw
{
public:
    explicit Draw(quint64 seed)
        : m_state(seed)
    {}
    quint32 next(quint32 bound)
    {
        m_state = m_state * 6364136223846793005ull + 1442695040888963407ull;
        return quint32(m_state >> 33) % bound;
    }

    QString text()
    {
        static const QList<QString> pieces = {u"prod"_s,
                                              u"a,b"_s,
                                              u"say \"hi\""_s,
                                              u"line\nbreak"_s,
                                              u"cr\r"_s,
                                              u"tab\t"_s,
                                              u"=SUM(A1)"_s,
                                              u"+1"_s,
                                              u"-5"_s,
                                              u"@x"_s,
                                              u"  =lead"_s,
                                              u"\u00a0-nbsp"_s,
                                              u"\\back"_s,
                                              u"é"_s,
                                              u"Schlüssel"_s,
                                              u"\u202eevil"_s,
                                              u"\x1b[2J"_s,
                                              u"\x7f"_s,
                                              u"\u0085"_s,
                                              u"\U0001F511"_s,
                                              QString(QChar(0xd800)),
                                              QString(QChar(0xdc00)),
                                              u"\u2028"_s,
                                              u"trailing  "_s,
                                              u" "_s,
                                              u"/"_s,
                                              u"\u4e2d\u6587"_s};
        QString s;
        const quint32 n = next(4);
        for (quint32 i = 0; i < n; ++i)
            s += pieces.at(next(quint32(pieces.size())));
        return s;
    }

    QDateTime time()
    {
        switch (next(6)) {
        case 0:
            return {};
        case 1:
            // Before year 1970 and far after, where the writers hand over to Qt.
            return QDateTime(QDate(1, 1, 1), QTime(0, 0), QTimeZone::utc()).addSecs(-3600);
        default:
            return QDateTime::fromMSecsSinceEpoch(qint64(next(2000000000)) * 1000 + next(1000),
                                                  QTimeZone::utc());
        }
    }

    AiKey key()
    {
        AiKey k;
        k.apiKeyId = text();
        k.name = text();
        k.groupId = text();
        k.cloud = next(2) ? u"ANY"_s : text();
        k.geography = text();
        k.endpoint = text();
        k.createdAt = time();
        k.createdBy = text();
        switch (next(3)) {
        case 0:
            k.lastUsedAt = std::nullopt;
            k.lastUsedUnknown = next(2) == 0;
            break;
        default:
            k.lastUsedAt = time();
        }
        k.maskedSecret = text();
        k.status = next(2) ? u"ACTIVE"_s : text();
        return k;
    }

private:
    quint64 m_state;
};

// A file of its own for standard output (in a temporary folder: std::tmpfile writes to the drive's
// root on Windows).
std::FILE *scratchFile(const QTemporaryDir &dir)
{
    return std::fopen(QFile::encodeName(dir.filePath(u"out"_s)).constData(), "w+b");
}

template <typename Write>
QByteArray captured(Write write)
{
    QTemporaryDir dir;
    std::FILE *file = scratchFile(dir);
    if (!file)
        return "no temporary file";
    {
        Console console(file, stderr);
        OutputBuffer out(console);
        write(out);
    }
    std::fflush(file);
    QByteArray bytes;
    std::rewind(file);
    char chunk[4096];
    size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, file)) > 0)
        bytes.append(chunk, qsizetype(n));
    std::fclose(file);
    return bytes;
}

QList<AiKey> drawKeys(quint64 seed, int count)
{
    Draw draw(seed);
    QList<AiKey> keys;
    for (int i = 0; i < count; ++i)
        keys << draw.key();
    return keys;
}

QString dateCell(const std::optional<QDateTime> &when, const AiKey &k)
{
    if (k.lastUsedUnknown)
        return Cli::tr("unknown");
    if (!when)
        return Cli::tr("never");
    return displayDate(*when);
}

} // namespace

class TestKeyOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsGeneralRenderers_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<int>("count");
        QTest::newRow("none") << quint64(1) << 0;
        QTest::newRow("one") << quint64(2) << 1;
        // Enough to cross the 64 KiB chunks of OutputBuffer several times.
        for (quint64 seed = 3; seed < 8; ++seed)
            QTest::addRow("seed %llu", seed) << seed << 1500;
    }
    void sameAsGeneralRenderers()
    {
        QFETCH(quint64, seed);
        QFETCH(int, count);
        const QList<AiKey> keys = drawKeys(seed, count);

        QJsonArray array;
        for (const AiKey &k : keys)
            array.append(json::toJson(k));
        QCOMPARE(captured([&](OutputBuffer &out) { writeKeysJson(out, keys); }), renderJson(array));

        QCOMPARE(captured([&](OutputBuffer &out) { writeKeysCsv(out, keys); }), renderCsv(csvRows(keys)));

        for (const KeyScopeColumns scope : {KeyScopeColumns::Project, KeyScopeColumns::Org}) {
            Rows rows;
            rows.headers = {Cli::tr("NAME"),          Cli::tr("ID"),      Cli::tr("STATUS"),
                            Cli::tr("LAST USED"),     Cli::tr("CREATED"), Cli::tr("CREATED BY"),
                            Cli::tr("MASKED SECRET"), Cli::tr("ENDPOINT")};
            if (scope == KeyScopeColumns::Org)
                rows.headers << Cli::tr("PROJECT");
            for (const AiKey &k : keys) {
                QStringList row{k.name,
                                k.apiKeyId,
                                k.status,
                                dateCell(k.lastUsedAt, k),
                                displayDate(k.createdAt),
                                k.createdBy,
                                k.maskedSecret,
                                k.endpoint};
                if (scope == KeyScopeColumns::Org)
                    row << k.groupId;
                rows.rows << row;
            }
            // What Console::out makes of renderTable's text.
            const QByteArray expected =
                sanitizeForTerminal(renderTable(rows), TerminalText::MultiLine).toUtf8();
            QCOMPARE(captured([&](OutputBuffer &out) { writeKeysTable(out, keys, scope); }), expected);
        }
    }

    // The listing reaches standard output in chunks while it is written, not as one document.
    void writesInChunks()
    {
        const QList<AiKey> keys = drawKeys(11, 3000);
        QTemporaryDir dir;
        std::FILE *file = scratchFile(dir);
        QVERIFY(file);
        long written = 0;
        qsizetype held = 0;
        {
            Console console(file, stderr);
            OutputBuffer out(console);
            writeKeysJson(out, keys);
            std::fflush(file);
            written = std::ftell(file);
            held = out.bytes().size();
        }
        std::fclose(file);
        QVERIFY2(written > 0, "nothing reached the console before the end of the listing");
        QVERIFY2(held < 2 * 64 * 1024, qPrintable(u"%1 bytes held back"_s.arg(held)));
    }
};

QTEST_GUILESS_MAIN(TestKeyOutput)
#include "tst_keyoutput.moc"
