#include "security/secretbuffer.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace aikeys;

class TestSecretBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takeFromWipesTheSource()
    {
        QByteArray source("al-supersecret");
        const char *storage = source.constData();
        SecretBuffer s = SecretBuffer::takeFrom(source);
        QCOMPARE(s.reveal(), QByteArray("al-supersecret"));
        QVERIFY(source.isEmpty());
        Q_UNUSED(storage)
    }

    void wipeOverwritesInPlace()
    {
        QByteArray bytes("al-0123456789");
        char *data = bytes.data();
        SecretBuffer::wipeBytes(bytes);
        for (int i = 0; i < 13; ++i)
            QCOMPARE(data[i], '\0');
    }

    void sharedDataIsReleasedNotCorrupted()
    {
        QByteArray a("shared-secret");
        QByteArray b = a; // implicitly shared
        SecretBuffer::wipeBytes(b);
        QCOMPARE(a, QByteArray("shared-secret"));
        QVERIFY(b.isEmpty());
    }

    void moveLeavesNothingBehind()
    {
        SecretBuffer a(QByteArray("abc"));
        SecretBuffer b(std::move(a));
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): the point of the test
        QCOMPARE(b.reveal(), QByteArray("abc"));
        SecretBuffer c;
        c = std::move(b);
        QVERIFY(b.isEmpty()); // NOLINT(bugprone-use-after-move)
        QCOMPARE(c.size(), 3);
        c.wipe();
        QVERIFY(c.isEmpty());
    }

    void cloneAndCompare()
    {
        const SecretBuffer a(QByteArray("xyz"));
        const SecretBuffer b = a.clone();
        QVERIFY(a.equals(b));
        QVERIFY(a.reveal().constData() != b.reveal().constData());
        QVERIFY(!a.equals(SecretBuffer(QByteArray("xyw"))));
        QVERIFY(!a.equals(SecretBuffer(QByteArray("xy"))));
    }

    void wipeString()
    {
        QString s = QStringLiteral("token-value");
        s.detach();
        SecretBuffer::wipeString(s);
        QVERIFY(s.isEmpty());
    }

    // The secret's pages are left out of core dumps: /proc/self/smaps flags the mapping that holds
    // them "dd" (VM_DONTDUMP).
    void memoryIsExcludedFromDumps()
    {
#if defined(Q_OS_LINUX)
        const SecretBuffer secret(QByteArray("a secret kept out of core dumps"));
        const auto address = quintptr(secret.reveal().constData());
        QFile smaps(u"/proc/self/smaps"_s);
        QVERIFY(smaps.open(QIODevice::ReadOnly));
        bool inside = false;
        QByteArray flags;
        for (const QByteArray &line : smaps.readAll().split('\n')) {
            const qsizetype dash = line.indexOf('-');
            const qsizetype space = line.indexOf(' ');
            bool okBegin = false;
            bool okEnd = false;
            const quintptr begin = dash > 0 ? line.left(dash).toULongLong(&okBegin, 16) : 0;
            const quintptr end =
                dash > 0 && space > dash ? line.mid(dash + 1, space - dash - 1).toULongLong(&okEnd, 16) : 0;
            if (okBegin && okEnd)
                inside = address >= begin && address < end;
            else if (inside && line.startsWith("VmFlags:"))
                flags = line;
        }
        QVERIFY2(flags.contains(" dd"), flags.constData());
#else
        QSKIP("reads /proc/self/smaps");
#endif
    }
};

QTEST_GUILESS_MAIN(TestSecretBuffer)
#include "tst_secretbuffer.moc"
