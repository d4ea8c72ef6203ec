#include "atlas/atlasclient.h"
#include "atlas/embeddingtest.h"
#include "atlas/session.h"
#include "common/filedialog.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "common/qtclipboardbackend.h"
#include "keys/secretdialog.h"
#include "platform/clipboardhints.h"
#include "security/secureclipboard.h"
#include "simprocess.h"
#include "testenv.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::allTexts;
using aikeys::test::anyContains;
using aikeys::test::NameCheck;
using aikeys::test::SimProcess;
using aikeys::test::unnamedInteractiveChildren;

namespace {

const QByteArray kSecret = "al-Q2xpcGJvYXJkVGVzdFNlY3JldDAxMjM0NTY3ODlhYmNk";

AiKey sampleKey()
{
    AiKey key;
    key.apiKeyId = u"a86r5kwrfsk5r5ku5tgvhmpj"_s;
    key.name = u"search service"_s;
    key.groupId = u"32b6e34b3d91647abb20e7b8"_s;
    key.cloud = u"ANY"_s;
    key.geography = u"ANY"_s;
    key.endpoint = u"127.0.0.1:9"_s;
    key.maskedSecret = u"al-****abcd"_s;
    key.status = u"ACTIVE"_s;
    key.createdAt = QDateTime::currentDateTimeUtc();
    return key;
}

QStringList g_messages;
void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages << message;
}

template <typename J>
std::unique_ptr<J> finished(J *job)
{
    job->setAutoDelete(false);
    if (!job->isFinished()) {
        QSignalSpy spy(job, &Job::finished);
        spy.wait(20000);
    }
    return std::unique_ptr<J>(job);
}

} // namespace

class TestSecretDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<SecureClipboard> m_clipboard;

    std::unique_ptr<SecretDialog> makeDialog(const AiKey &key = sampleKey(),
                                             const QByteArray &secret = kSecret)
    {
        return std::make_unique<SecretDialog>(key, SecretBuffer(QByteArray(secret)), m_clipboard.get());
    }

    template <typename T>
    static T *child(QWidget *dialog, const char *name)
    {
        T *w = dialog->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        aikeys::test::prepareTestEnvironment();
        m_clipboard = std::make_unique<SecureClipboard>(std::make_unique<QtClipboardBackend>(), 5);
    }

    void init()
    {
        MessageBox::clearNextAnswers();
        FileDialog::clearNextAnswers();
        m_clipboard->clearNow();
        QGuiApplication::clipboard()->clear();
    }

    void cleanup()
    {
        QCOMPARE(MessageBox::pendingAnswers(), 0);
        MessageBox::clearNextAnswers();
        FileDialog::clearNextAnswers();
    }

    void shouldHaveDefaultValues()
    {
        auto dialog = makeDialog();
        auto *edit = child<QLineEdit>(dialog.get(), "secretEdit");
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(edit->isReadOnly());
        QCOMPARE(edit->text(), QString::fromLatin1(kSecret));
        QVERIFY(!edit->displayText().contains(QString::fromLatin1(kSecret.left(8))));
        QVERIFY(dialog->holdsSecret());
        QVERIFY(!dialog->isRevealed());

        auto *done = child<QPushButton>(dialog.get(), "doneButton");
        QVERIFY(done);
        QCOMPARE(done, dialog->doneButton());
        QVERIFY(!done->isEnabled());
        auto *stored = child<QCheckBox>(dialog.get(), "storedCheck");
        QVERIFY(stored);
        QVERIFY(!stored->isChecked());
        QVERIFY(stored->text().contains(u"stored this key somewhere"_s));

        auto *bar = child<MessageBar>(dialog.get(), "onlyOnceBar");
        QVERIFY(bar);
        QVERIFY(!bar->isHidden());
        QCOMPARE(bar->kind(), MessageBar::Kind::Warning);
        QVERIFY(bar->text().contains(u"only time"_s));
        QVERIFY(!bar->isCloseButtonVisible());

        QVERIFY(child<QLabel>(dialog.get(), "headlineLabel")->text().contains(u"search service"_s));
        QCOMPARE(child<QLabel>(dialog.get(), "nameValue")->text(), u"search service"_s);
        QCOMPARE(child<QLabel>(dialog.get(), "keyIdValue")->text(), u"a86r5kwrfsk5r5ku5tgvhmpj"_s);
        QCOMPARE(child<QLabel>(dialog.get(), "maskedValue")->text(), u"al-****abcd"_s);
        QCOMPARE(child<QLabel>(dialog.get(), "endpointValue")->text(), u"127.0.0.1:9"_s);
        QVERIFY(child<QLabel>(dialog.get(), "clipboardLabel")->text().isEmpty());

        QCOMPARE(child<QToolButton>(dialog.get(), "revealButton")->text(), u"&Reveal"_s);
        // Icons from the theme, or the built-in SVGs where the theme has none.
        QVERIFY(!child<QToolButton>(dialog.get(), "revealButton")->icon().isNull());
        QVERIFY(!child<QToolButton>(dialog.get(), "copyIdButton")->icon().isNull());
        QCOMPARE(child<QPushButton>(dialog.get(), "copyButton")->text(), u"&Copy"_s);
        QVERIFY(child<QPushButton>(dialog.get(), "saveButton")->text().startsWith(u"Save to &File"_s));
        // No tester, no Test button.
        QVERIFY(child<QPushButton>(dialog.get(), "testButton")->isHidden());
        dialog->setKeyTester([](const SecretBuffer &, const QString &) { return nullptr; });
        QVERIFY(!child<QPushButton>(dialog.get(), "testButton")->isHidden());

        QCOMPARE(unnamedInteractiveChildren(dialog.get(), NameCheck::Every).join(u", "_s), QString());
        // The secret appears nowhere but in the line edit's own text.
        QStringList texts = allTexts(dialog.get());
        texts.removeAll(QString::fromLatin1(kSecret));
        QVERIFY(!anyContains(texts, kSecret));
    }

    // Save to File and Test Key carry icons drawn like the app's others (no raster floppy disk, and
    // not nothing), and the labels' column leaves room before the values.
    void iconsAndSpacing()
    {
        auto dialog = makeDialog();
        dialog->setKeyTester([](const SecretBuffer &, const QString &) { return nullptr; });
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        for (const char *name : {"saveButton", "testButton"}) {
            const QIcon icon = child<QPushButton>(dialog.get(), name)->icon();
            QVERIFY2(!icon.isNull(), name);
            QVERIFY2(icon.name().isEmpty() || QIcon::hasThemeIcon(icon.name()), name);
        }
        for (QAbstractButton *b : child<QDialogButtonBox>(dialog.get(), "buttonBox")->buttons()) {
            if (b->objectName() != u"doneButton"_s)
                QVERIFY2(b->icon().isNull(), qPrintable(b->text()));
        }
        const QWidget *label = child<QLabel>(dialog.get(), "maskedLabel");
        const QWidget *value = child<QLabel>(dialog.get(), "maskedValue");
        const int gap = value->geometry().left() - label->geometry().right() - 1;
        QVERIFY2(gap >= dialog->fontMetrics().averageCharWidth() * 2, qPrintable(QString::number(gap)));
    }

    void revealToggles()
    {
        auto dialog = makeDialog();
        auto *edit = child<QLineEdit>(dialog.get(), "secretEdit");
        auto *reveal = child<QToolButton>(dialog.get(), "revealButton");
        reveal->click();
        QVERIFY(dialog->isRevealed());
        QCOMPARE(edit->echoMode(), QLineEdit::Normal);
        QCOMPARE(edit->displayText(), QString::fromLatin1(kSecret));
        QVERIFY(reveal->isChecked());
        QCOMPARE(reveal->text(), u"Hide"_s);
        reveal->click();
        QVERIFY(!dialog->isRevealed());
        QCOMPARE(edit->echoMode(), QLineEdit::Password);

        // Alt+R in both states, though the button's text changes.
        dialog->show();
        QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
        // A button's shortcut animates a click, which lands a moment later.
        QTest::keyClick(dialog.get(), Qt::Key_R, Qt::AltModifier);
        QTRY_VERIFY(dialog->isRevealed());
        QTest::keyClick(dialog.get(), Qt::Key_R, Qt::AltModifier);
        QTRY_VERIFY(!dialog->isRevealed());

        // A revealed secret cannot be selected, so it never reaches the primary selection unhinted.
        reveal->click();
        edit->selectAll();
        QVERIFY(!edit->hasSelectedText());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog->close();
    }

    void copyPutsTheSecretAndHintsOnTheClipboard()
    {
        auto dialog = makeDialog();
        auto *label = child<QLabel>(dialog.get(), "clipboardLabel");
        child<QPushButton>(dialog.get(), "copyButton")->click();

        const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime);
        QCOMPARE(mime->data(u"text/plain"_s), kSecret);
        QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(kSecret));
        for (const ClipboardFormat &hint : secretClipboardHints())
            QCOMPARE(mime->data(hint.mimeType), hint.data);
        QCOMPARE(label->text(), u"Clipboard clears in 5 s"_s);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), u"Clipboard clears in 4 s"_s, 2500);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), u"Clipboard cleared."_s, 6000);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog->reject();
    }

    void ctrlCInTheFieldCopiesSecurely()
    {
        auto dialog = makeDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
        auto *edit = child<QLineEdit>(dialog.get(), "secretEdit");
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_C, Qt::ControlModifier);
        QVERIFY(m_clipboard->isCountingDown());
        QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(u"text/plain"_s), kSecret);
        QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(
            secretClipboardHints().constFirst().mimeType));
        m_clipboard->clearNow();
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

        // Elsewhere in the dialog too.
        child<QCheckBox>(dialog.get(), "storedCheck")->setFocus();
        QTest::keyClick(dialog.get(), Qt::Key_C, Qt::ControlModifier);
        QVERIFY(m_clipboard->isCountingDown());
        m_clipboard->clearNow();
        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog->close();
    }

    void copyingTheIdIsPlain()
    {
        auto dialog = makeDialog();
        child<QToolButton>(dialog.get(), "copyIdButton")->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"a86r5kwrfsk5r5ku5tgvhmpj"_s);
        QVERIFY(!QGuiApplication::clipboard()->mimeData()->hasFormat(
            secretClipboardHints().constFirst().mimeType));
        QVERIFY(!m_clipboard->isCountingDown());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog->reject();
    }

    void closingWithoutTheTickAsks()
    {
        auto dialog = makeDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        const int asked = MessageBox::promptCount();

        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        QCOMPARE(MessageBox::promptCount(), asked + 1);
        QVERIFY(MessageBox::lastText().contains(u"You will not see this secret again. Close anyway?"_s));
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->holdsSecret());

        // The window's close button goes the same way.
        MessageBox::setNextAnswer(QMessageBox::No);
        QVERIFY(!dialog->close());
        QCOMPARE(MessageBox::promptCount(), asked + 2);
        QVERIFY(dialog->isVisible());

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        QCOMPARE(MessageBox::promptCount(), asked + 3);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Rejected));
        QVERIFY(!dialog->holdsSecret());
    }

    void tickingEnablesDone()
    {
        auto dialog = makeDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        const int asked = MessageBox::promptCount();
        auto *stored = child<QCheckBox>(dialog.get(), "storedCheck");
        auto *done = dialog->doneButton();
        // Done while disabled does nothing, even through accept().
        dialog->accept();
        QVERIFY(dialog->isVisible());
        stored->click();
        QVERIFY(done->isEnabled());
        stored->click();
        QVERIFY(!done->isEnabled());
        stored->click();
        done->click();
        QVERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(MessageBox::promptCount(), asked);
        QVERIFY(!dialog->holdsSecret());
    }

    void tickedEscapeClosesWithoutAsking()
    {
        auto dialog = makeDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        const int asked = MessageBox::promptCount();
        child<QCheckBox>(dialog.get(), "storedCheck")->setChecked(true);
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(MessageBox::promptCount(), asked);
    }

    void saveToFileWritesAnOwnerOnlyFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"voyage.env"_s);
        auto dialog = makeDialog();
        FileDialog::setNextSaveFileName(path);
        child<QPushButton>(dialog.get(), "saveButton")->click();
        QVERIFY(FileDialog::lastSuggestedPath().endsWith(u"search-service.env"_s));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("VOYAGE_API_KEY=" + kSecret + "\n"));
#ifdef Q_OS_UNIX
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
#endif
        auto *status = child<QLabel>(dialog.get(), "statusLabel");
        QVERIFY(!status->isHidden());
        QVERIFY2(status->text().startsWith(u"Saved to "_s), qPrintable(status->text()));
        QVERIFY(!status->text().contains(QString::fromLatin1(kSecret)));

#ifdef Q_OS_UNIX
        // Saving again over an existing, world-readable file (the file dialog has confirmed it):
        // a new private file takes its place; a reader of the old one never sees the secret.
        const QString shared = dir.filePath(u"shared.env"_s);
        {
            QFile f(shared);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("OLD=1\n");
        }
        QCOMPARE(::chmod(QFile::encodeName(shared).constData(), 0644), 0);
        QFile reader(shared);
        QVERIFY(reader.open(QIODevice::ReadOnly));
        FileDialog::setNextSaveFileName(shared);
        child<QPushButton>(dialog.get(), "saveButton")->click();
        QCOMPARE(::stat(QFile::encodeName(shared).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QFile replaced(shared);
        QVERIFY(replaced.open(QIODevice::ReadOnly));
        QCOMPARE(replaced.readAll(), QByteArray("VOYAGE_API_KEY=" + kSecret + "\n"));
        QCOMPARE(reader.readAll(), QByteArray("OLD=1\n"));
#endif

        // Cancel writes nothing.
        FileDialog::setNextSaveFileName(QString());
        const QString other = dir.filePath(u"other.env"_s);
        child<QPushButton>(dialog.get(), "saveButton")->click();
        QVERIFY(!QFile::exists(other));

        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog->reject();
    }

    void saveToFileReportsFailure()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"missing/folder/voyage.env"_s);
        auto dialog = makeDialog();
        const int asked = MessageBox::promptCount();
        FileDialog::setNextSaveFileName(path);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        child<QPushButton>(dialog.get(), "saveButton")->click();
        QCOMPARE(MessageBox::promptCount(), asked + 1);
        QVERIFY(MessageBox::lastText().contains(u"was not saved"_s));
        QVERIFY(!QFile::exists(path));
        QVERIFY(child<QLabel>(dialog.get(), "statusLabel")->text().startsWith(u"Could not save"_s));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog->reject();
    }

    void closingWipesEverything()
    {
        auto dialog = makeDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        auto *edit = child<QLineEdit>(dialog.get(), "secretEdit");
        child<QToolButton>(dialog.get(), "revealButton")->click();
        QCOMPARE(edit->displayText(), QString::fromLatin1(kSecret));
        // Shares the line edit's own buffer (implicit sharing): it shows whether that buffer was
        // overwritten in place, rather than merely let go. Taken masked: switching to Password mode
        // makes QLineEdit reserve() its text, which would detach it from a copy taken before.
        child<QToolButton>(dialog.get(), "revealButton")->click();
        const QString shared = edit->text();
        child<QCheckBox>(dialog.get(), "storedCheck")->click();
        dialog->doneButton()->click();
        QCOMPARE(shared, QString(kSecret.size(), QChar(u'\0')));

        QVERIFY(!dialog->holdsSecret());
        QVERIFY(edit->text().isEmpty());
        QVERIFY(edit->displayText().isEmpty());
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(!anyContains(allTexts(dialog.get()), kSecret));
        QVERIFY(!child<QPushButton>(dialog.get(), "copyButton")->isEnabled());
        QVERIFY(!child<QPushButton>(dialog.get(), "saveButton")->isEnabled());
        // Nothing left to copy.
        dialog->copySecret();
        QVERIFY(!m_clipboard->isCountingDown());
    }

    void embeddingUrls()
    {
        QCOMPARE(EmbeddingTest::urlForEndpoint(u"ai.mongodb.com"_s).value(),
                 QUrl(u"https://ai.mongodb.com/v1/embeddings"_s));
        QCOMPARE(EmbeddingTest::urlForEndpoint(u"127.0.0.1:8123"_s).value(),
                 QUrl(u"http://127.0.0.1:8123/v1/embeddings"_s));
        QCOMPARE(EmbeddingTest::urlForEndpoint(u"localhost:80"_s).value(),
                 QUrl(u"http://localhost:80/v1/embeddings"_s));
        QCOMPARE(EmbeddingTest::urlForEndpoint(u"https://eu.ai.mongodb.com"_s).value(),
                 QUrl(u"https://eu.ai.mongodb.com/v1/embeddings"_s));
        QVERIFY(!EmbeddingTest::urlForEndpoint(QString()).ok());
        QVERIFY(!EmbeddingTest::urlForEndpoint(u"http://ai.mongodb.com"_s).ok());
        QVERIFY(!EmbeddingTest::urlForEndpoint(u"ai.mongodb.com/other/path"_s).ok());
        QVERIFY(!EmbeddingTest::urlForEndpoint(u"user:pw@ai.mongodb.com"_s).ok());
        QCOMPARE(EmbeddingTest::requestBody(),
                 QByteArray("{\"input\":[\"Atlas AI Keys connection test\"],\"model\":\"voyage-3.5-lite\"}"));
    }

    void testKeyAgainstTheSimulator()
    {
        SimProcess sim({u"--latency-ms"_s, u"5"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SessionConfig config;
        config.baseUrl = sim.baseUrl();
        AtlasSession session(
            config,
            {AuthMode::ServiceAccount, u"mdb_sa_id_demo"_s, SecretBuffer(QByteArray("mdb_sa_sk_demo"))},
            new QNetworkAccessManager);
        AtlasClient api(&session);

        auto orgs = finished(api.listOrganizations());
        QVERIFY2(orgs->succeeded(), qPrintable(orgs->error().toString()));
        auto projects = finished(api.listProjects(orgs->items().first().id));
        QVERIFY2(projects->succeeded(), qPrintable(projects->error().toString()));
        const QString projectId = projects->items().first().id;
        auto created = finished(api.createKey(projectId, u"dialog test key"_s));
        QVERIFY2(created->succeeded(), qPrintable(created->error().toString()));
        const AiKey key = created->key();
        QVERIFY(key.neverUsed());
        QVERIFY(key.endpoint.startsWith(u"127.0.0.1:"_s));
        SecretBuffer secret = created->takeSecret();
        const QByteArray secretCopyForChecks = secret.reveal();
        QVERIFY(!secretCopyForChecks.isEmpty());

        // Every category at debug while the test runs: neither the secret nor the body may be logged.
        g_messages.clear();
        QLoggingCategory::setFilterRules(u"aikeys.*=true"_s);
        const QtMessageHandler previous = qInstallMessageHandler(captureMessages);

        SecretDialog dialog(key, std::move(secret), m_clipboard.get());
        QStringList endpoints;
        dialog.setKeyTester([&endpoints](const SecretBuffer &s, const QString &endpoint) {
            endpoints << endpoint;
            return new EmbeddingTest(endpoint, s);
        });
        QSignalSpy tested(&dialog, &SecretDialog::keyTested);
        auto *status = child<QLabel>(&dialog, "statusLabel");
        auto *button = child<QPushButton>(&dialog, "testButton");
        button->click();
        QCOMPARE(status->text(), u"Testing\u2026"_s);
        QVERIFY(!button->isEnabled());
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.first().first().toBool(), true);
        QVERIFY2(status->text().startsWith(u"The key works"_s), qPrintable(status->text()));
        QVERIFY(button->isEnabled());
        QCOMPARE(endpoints, QStringList{key.endpoint});

        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!g_messages.isEmpty()); // the categories were on
        for (const QString &m : std::as_const(g_messages)) {
            QVERIFY2(!m.contains(QString::fromLatin1(secretCopyForChecks)), "the secret was logged");
            QVERIFY2(!m.contains(u"connection test"_s), "the request body was logged");
        }

        auto after = finished(api.getProjectKey(projectId, key.apiKeyId));
        QVERIFY2(after->succeeded(), qPrintable(after->error().toString()));
        QVERIFY(!after->value().neverUsed());

        // A wrong secret for the same endpoint: refused, said plainly.
        SecretDialog wrong(key, SecretBuffer(QByteArray("al-ThisIsNotTheSecretOfAnyKeyAtAll000000000")),
                           m_clipboard.get());
        wrong.setKeyTester(
            [](const SecretBuffer &s, const QString &endpoint) { return new EmbeddingTest(endpoint, s); });
        QSignalSpy refused(&wrong, &SecretDialog::keyTested);
        child<QPushButton>(&wrong, "testButton")->click();
        QVERIFY(refused.wait(20000));
        QCOMPARE(refused.first().first().toBool(), false);
        const QString text = child<QLabel>(&wrong, "statusLabel")->text();
        QVERIFY2(text.contains(u"refused"_s), qPrintable(text));

        // Nothing listening: the test ends as a network error, in words.
        AiKey nowhere = key;
        nowhere.endpoint = u"127.0.0.1:1"_s;
        SecretDialog unreachable(nowhere, SecretBuffer(QByteArray("al-x")), m_clipboard.get());
        unreachable.setKeyTester(
            [](const SecretBuffer &s, const QString &endpoint) { return new EmbeddingTest(endpoint, s); });
        QSignalSpy failed(&unreachable, &SecretDialog::keyTested);
        child<QPushButton>(&unreachable, "testButton")->click();
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.first().first().toBool(), false);
        QVERIFY2(
            child<QLabel>(&unreachable, "statusLabel")->text().startsWith(u"Could not reach 127.0.0.1:1"_s),
            qPrintable(child<QLabel>(&unreachable, "statusLabel")->text()));

        for (SecretDialog *d : {&dialog, &wrong, &unreachable}) {
            d->findChild<QCheckBox *>(u"storedCheck"_s)->setChecked(true);
            d->accept();
        }
    }
};

QTEST_MAIN(TestSecretDialog)
#include "tst_secretdialog.moc"
