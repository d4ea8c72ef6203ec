#include "platform/clipboardhints.h"
#include "security/secretbuffer.h"
#include "security/secureclipboard.h"

#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

// What the fake clipboard holds, shared with the test after the backend moves into SecureClipboard.
struct ClipboardState
{
    QByteArray text;
    QList<ClipboardFormat> formats;
    int sets = 0;
    int clears = 0;
    int releases = 0;

    bool hasFormat(const QString &mime) const
    {
        for (const ClipboardFormat &f : formats) {
            if (f.mimeType == mime)
                return true;
        }
        return false;
    }
    QByteArray format(const QString &mime) const
    {
        for (const ClipboardFormat &f : formats) {
            if (f.mimeType == mime)
                return f.data;
        }
        return {};
    }
    // Another program copies something: what we put there is gone (and wiped, so a memory scan
    // finds no copy of ours here).
    void replaceBySomeoneElse(const QByteArray &other)
    {
        SecretBuffer::wipeBytes(text);
        text = other;
        formats.clear();
    }
};

class FakeBackend final : public ClipboardBackend
{
public:
    explicit FakeBackend(std::shared_ptr<ClipboardState> state)
        : m_state(std::move(state))
    {}
    void setContent(const QByteArray &utf8Text, const QList<ClipboardFormat> &extraFormats) override
    {
        SecretBuffer::wipeBytes(m_state->text);
        m_state->text = QByteArray(utf8Text.constData(), utf8Text.size());
        m_state->formats = extraFormats;
        ++m_state->sets;
    }
    QByteArray currentText() const override { return m_state->text; }
    void clear() override
    {
        SecretBuffer::wipeBytes(m_state->text);
        m_state->text = QByteArray();
        m_state->formats.clear();
        ++m_state->clears;
    }
    void release() override { ++m_state->releases; }

private:
    std::shared_ptr<ClipboardState> m_state;
};

struct Fixture
{
    std::shared_ptr<ClipboardState> state = std::make_shared<ClipboardState>();
    std::unique_ptr<SecureClipboard> clipboard;

    explicit Fixture(int seconds = 5, int tickMs = 20)
    {
        clipboard = std::make_unique<SecureClipboard>(std::make_unique<FakeBackend>(state), seconds);
        clipboard->setTickInterval(tickMs);
    }
};

QList<int> countdownValues(const QSignalSpy &spy)
{
    QList<int> values;
    for (const QList<QVariant> &args : spy)
        values << args.at(0).toInt();
    return values;
}

#ifdef Q_OS_LINUX
#if defined(__SANITIZE_ADDRESS__)
#define AIKEYS_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AIKEYS_TEST_ASAN 1
#endif
#endif

#ifdef AIKEYS_TEST_ASAN
#include <sanitizer/asan_interface.h>
// The scan reads memory ASan keeps for itself (redzones, freed blocks in quarantine, where a copy
// left behind would sit): its loads must not be checked. ASan's shadow, whose own shadow is an
// inaccessible gap, only mirrors the heap, so it is skipped.
#define AIKEYS_NO_ASAN __attribute__((no_sanitize_address))
bool isAsanShadow(quintptr begin, quintptr end)
{
    size_t scale = 0;
    size_t offset = 0;
    __asan_get_shadow_mapping(&scale, &offset);
    const quintptr shadowEnd = offset + (quintptr(1) << 47 >> scale);
    return begin < shadowEnd && end > offset;
}
#else
#define AIKEYS_NO_ASAN
bool isAsanShadow(quintptr, quintptr)
{
    return false;
}
#endif

// Counts the places in this process's writable, non-stack memory where the bytes of needle ^ mask
// appear. The needle is held masked, so the search itself adds no plaintext copy.
AIKEYS_NO_ASAN int occurrencesInMemory(const QByteArray &maskedNeedle, char mask)
{
    QFile maps(u"/proc/self/maps"_s);
    if (!maps.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = maps.readAll().split('\n');
    const qsizetype n = maskedNeedle.size();
    const char first = char(maskedNeedle.at(0) ^ mask);
    int found = 0;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 5 || !fields.at(1).startsWith("rw"))
            continue;
        const QByteArray path = fields.size() >= 6 ? fields.at(5) : QByteArray();
        // The heap and anonymous mappings (where malloc puts large blocks); not stacks or files.
        if (!path.isEmpty() && path != "[heap]")
            continue;
        const QList<QByteArray> range = fields.at(0).split('-');
        bool ok1 = false, ok2 = false;
        const quintptr begin = range.value(0).toULongLong(&ok1, 16);
        const quintptr end = range.value(1).toULongLong(&ok2, 16);
        if (!ok1 || !ok2 || end <= begin || isAsanShadow(begin, end))
            continue;
        const auto *p = reinterpret_cast<const volatile char *>(begin);
        const qsizetype size = qsizetype(end - begin);
        for (qsizetype i = 0; i + n <= size; ++i) {
            if (p[i] != first)
                continue;
            qsizetype j = 1;
            while (j < n && p[i + j] == char(maskedNeedle.at(j) ^ mask))
                ++j;
            if (j == n)
                ++found;
        }
    }
    return found;
}
#endif

} // namespace

class TestSecureClipboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Qt's Windows platform plugin logs the text of what goes on the clipboard under qt.qpa.mime at
    // debug level: with a secure clipboard in use, no rule can turn such a category on.
    void qtClipboardCategoriesStayQuiet()
    {
        QLoggingCategory mime("qt.qpa.mime");
        QLoggingCategory clipboard("qt.qpa.clipboard");
        QLoggingCategory other("qt.network.monitor");
        const Fixture f;
        QLoggingCategory::setFilterRules(u"*.debug=true"_s);
        QVERIFY(!mime.isDebugEnabled());
        QVERIFY(!mime.isInfoEnabled());
        QVERIFY(!clipboard.isDebugEnabled());
        QVERIFY(mime.isWarningEnabled());
        QVERIFY(other.isDebugEnabled());
        QLoggingCategory late("qt.qpa.mime.windows");
        QVERIFY(!late.isDebugEnabled());
        QLoggingCategory::setFilterRules(QString());
    }

    void shouldHaveDefaultValues()
    {
        auto state = std::make_shared<ClipboardState>();
        SecureClipboard clipboard(std::make_unique<FakeBackend>(state));
        QCOMPARE(clipboard.clearSeconds(), 30);
        QVERIFY(!clipboard.isCountingDown());
        QCOMPARE(clipboard.secondsLeft(), 0);
        QCOMPARE(state->sets, 0);
    }

    void clearTimeIsClamped()
    {
        auto state = std::make_shared<ClipboardState>();
        SecureClipboard low(std::make_unique<FakeBackend>(state), 1);
        QCOMPARE(low.clearSeconds(), 5);
        SecureClipboard high(std::make_unique<FakeBackend>(state), 100000);
        QCOMPARE(high.clearSeconds(), 600);
        high.setClearSeconds(42);
        QCOMPARE(high.clearSeconds(), 42);
    }

    void copySecretSetsTextAndThePlatformsHints()
    {
        Fixture f;
        const SecretBuffer secret(QByteArray("al-hint-check-0123456789"));
        f.clipboard->copySecret(secret);
        QCOMPARE(f.state->text, QByteArray("al-hint-check-0123456789"));
        QVERIFY(!f.state->formats.isEmpty());
        for (const ClipboardFormat &hint : secretClipboardHints())
            QCOMPARE(f.state->format(hint.mimeType), hint.data);
#if defined(Q_OS_MACOS)
        QVERIFY(f.state->hasFormat(u"application/x-nspasteboard-concealed-type"_s));
#elif defined(Q_OS_WIN)
        QVERIFY(f.state->hasFormat(u"ExcludeClipboardContentFromMonitorProcessing"_s));
        QCOMPARE(f.state->format(u"CanIncludeInClipboardHistory"_s), QByteArray(4, '\0'));
        QCOMPARE(f.state->format(u"CanUploadToCloudClipboard"_s), QByteArray(4, '\0'));
#else
        QCOMPARE(f.state->format(u"x-kde-passwordManagerHint"_s), QByteArray("secret"));
#endif
    }

    void countdownTicksThenClears()
    {
        Fixture f(5);
        QSignalSpy countdown(f.clipboard.get(), &SecureClipboard::countdown);
        QSignalSpy cleared(f.clipboard.get(), &SecureClipboard::cleared);
        QSignalSpy replaced(f.clipboard.get(), &SecureClipboard::replaced);
        const SecretBuffer secret(QByteArray("al-countdown-secret"));
        f.clipboard->copySecret(secret);
        // The first value comes at once, so a label can show it without waiting a second.
        QCOMPARE(countdown.size(), 1);
        QCOMPARE(countdown.at(0).at(0).toInt(), 5);
        QVERIFY(f.clipboard->isCountingDown());
        QCOMPARE(f.clipboard->secondsLeft(), 5);
        QVERIFY(cleared.wait(2000));
        QCOMPARE(countdownValues(countdown), (QList<int>{5, 4, 3, 2, 1}));
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(replaced.size(), 0);
        QVERIFY(f.state->text.isEmpty());
        QCOMPARE(f.state->clears, 1);
        QVERIFY(!f.clipboard->isCountingDown());
        QCOMPARE(f.clipboard->secondsLeft(), 0);
    }

    void countdownRunsOnceASecondByDefault()
    {
        auto state = std::make_shared<ClipboardState>();
        SecureClipboard clipboard(std::make_unique<FakeBackend>(state), 5);
        QSignalSpy countdown(&clipboard, &SecureClipboard::countdown);
        const SecretBuffer secret(QByteArray("al-real-seconds"));
        clipboard.copySecret(secret);
        // The countdown's own timer ticks: 5 at once, 4 a second later.
        QTRY_COMPARE_WITH_TIMEOUT(countdownValues(countdown), (QList<int>{5, 4}), 5000);
        clipboard.clearNow();
    }

    void doesNotClearWhenTheClipboardChanged()
    {
        Fixture f(5);
        QSignalSpy cleared(f.clipboard.get(), &SecureClipboard::cleared);
        QSignalSpy replaced(f.clipboard.get(), &SecureClipboard::replaced);
        const SecretBuffer secret(QByteArray("al-will-be-replaced"));
        f.clipboard->copySecret(secret);
        f.state->replaceBySomeoneElse("the user's own text");
        QVERIFY(replaced.wait(2000));
        QCOMPARE(cleared.size(), 0);
        QCOMPARE(f.state->text, QByteArray("the user's own text"));
        QCOMPARE(f.state->clears, 0);
        QVERIFY(f.state->releases >= 1);
    }

    void sameLengthDifferentTextIsNotOurs()
    {
        Fixture f(5);
        QSignalSpy replaced(f.clipboard.get(), &SecureClipboard::replaced);
        const SecretBuffer secret(QByteArray("al-AAAAAAAA"));
        f.clipboard->copySecret(secret);
        f.state->replaceBySomeoneElse("al-AAAAAAAB");
        QVERIFY(replaced.wait(2000));
        QCOMPARE(f.state->text, QByteArray("al-AAAAAAAB"));
    }

    void clearNowClearsAtOnce()
    {
        Fixture f(600, 1000);
        QSignalSpy cleared(f.clipboard.get(), &SecureClipboard::cleared);
        const SecretBuffer secret(QByteArray("al-clear-now"));
        f.clipboard->copySecret(secret);
        f.clipboard->clearNow();
        QCOMPARE(cleared.size(), 1);
        QVERIFY(f.state->text.isEmpty());
        QVERIFY(!f.clipboard->isCountingDown());
        // Nothing pending any more: a second call does nothing.
        f.clipboard->clearNow();
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(f.state->clears, 1);
    }

    void clearNowLeavesSomeoneElsesText()
    {
        Fixture f(600, 1000);
        const SecretBuffer secret(QByteArray("al-clear-now-2"));
        f.clipboard->copySecret(secret);
        f.state->replaceBySomeoneElse("mine");
        f.clipboard->clearNow();
        QCOMPARE(f.state->text, QByteArray("mine"));
        QCOMPARE(f.state->clears, 0);
    }

    void quittingClearsTheClipboard()
    {
        Fixture f(600, 1000);
        QSignalSpy cleared(f.clipboard.get(), &SecureClipboard::cleared);
        const SecretBuffer secret(QByteArray("al-quit"));
        f.clipboard->copySecret(secret);
        // exec() returns at once and emits aboutToQuit on the way out, as when the app quits.
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        QCoreApplication::exec();
        QCOMPARE(cleared.size(), 1);
        QVERIFY(f.state->text.isEmpty());
    }

    void destroyingTheObjectClears()
    {
        auto state = std::make_shared<ClipboardState>();
        {
            SecureClipboard clipboard(std::make_unique<FakeBackend>(state), 600);
            const SecretBuffer secret(QByteArray("al-destroyed"));
            clipboard.copySecret(secret);
        }
        QVERIFY(state->text.isEmpty());
        QCOMPARE(state->clears, 1);
    }

    void copyPlainHasNoHintsAndNoCountdown()
    {
        Fixture f(5);
        QSignalSpy countdown(f.clipboard.get(), &SecureClipboard::countdown);
        QSignalSpy cleared(f.clipboard.get(), &SecureClipboard::cleared);
        f.clipboard->copyPlain(u"a86r5kwrfsk5r5ku5tgvhmpj"_s);
        QCOMPARE(f.state->text, QByteArray("a86r5kwrfsk5r5ku5tgvhmpj"));
        QVERIFY(f.state->formats.isEmpty());
        QVERIFY(!f.clipboard->isCountingDown());
        // A negative check: no countdown and no clearing may start; the loop spins a moment.
        QTest::qWait(300);
        QCOMPARE(countdown.size(), 0);
        QCOMPARE(cleared.size(), 0);
        QCOMPARE(f.state->text, QByteArray("a86r5kwrfsk5r5ku5tgvhmpj"));
    }

    void copyPlainEndsASecretsCountdown()
    {
        Fixture f(600, 1000);
        QSignalSpy replaced(f.clipboard.get(), &SecureClipboard::replaced);
        const SecretBuffer secret(QByteArray("al-then-plain"));
        f.clipboard->copySecret(secret);
        f.clipboard->copyPlain(u"al-****lain"_s);
        QCOMPARE(replaced.size(), 1);
        QVERIFY(!f.clipboard->isCountingDown());
        QCOMPARE(f.state->text, QByteArray("al-****lain"));
        QVERIFY(f.state->formats.isEmpty());
    }

    void copyingAgainRestartsTheCountdown()
    {
        Fixture f(5, 1000);
        QSignalSpy countdown(f.clipboard.get(), &SecureClipboard::countdown);
        const SecretBuffer one(QByteArray("al-first"));
        const SecretBuffer two(QByteArray("al-second"));
        f.clipboard->copySecret(one);
        f.clipboard->copySecret(two);
        QCOMPARE(countdownValues(countdown), (QList<int>{5, 5}));
        QCOMPARE(f.state->text, QByteArray("al-second"));
        f.clipboard->clearNow();
        QVERIFY(f.state->text.isEmpty());
    }

    void decisionDoesNotNeedTheCallersBuffer()
    {
        // The caller wipes its buffer right after copying; the clipboard must still recognise what it
        // put there, so it kept something of its own: only a digest (see the memory test below).
        Fixture f(5);
        QSignalSpy cleared(f.clipboard.get(), &SecureClipboard::cleared);
        {
            SecretBuffer secret(QByteArray("al-wiped-by-the-caller"));
            f.clipboard->copySecret(secret);
            secret.wipe();
        }
        QVERIFY(cleared.wait(2000));
        QVERIFY(f.state->text.isEmpty());
    }

    void keepsNoPlaintextAfterCopying()
    {
#ifndef Q_OS_LINUX
        QSKIP("Scans /proc/self/maps");
#else
        const char mask = char(0x5a);
        const QByteArray alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
        // Built in place and moved into the SecretBuffer: one buffer, and a masked needle to look for.
        QByteArray bytes(43, Qt::Uninitialized);
        QByteArray masked(43, Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const char c = alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size())));
            bytes[i] = c;
            masked[i] = char(c ^ mask);
        }
        SecretBuffer secret(std::move(bytes));

        Fixture f(600, 1000);
        f.clipboard->copySecret(secret);
        // The scanner works: the caller's buffer and the fake clipboard's copy are both found.
        QCOMPARE(occurrencesInMemory(masked, mask), 2);

        secret.wipe();
        f.state->replaceBySomeoneElse("something else");
        // What is left is whatever SecureClipboard kept while counting down: no plaintext.
        QVERIFY(f.clipboard->isCountingDown());
        QCOMPARE(occurrencesInMemory(masked, mask), 0);
        f.clipboard->clearNow();
#endif
    }
};

QTEST_GUILESS_MAIN(TestSecureClipboard)
#include "tst_secureclipboard.moc"
