#include "audit/terraformexportdialog.h"
#include "common/filedialog.h"
#include "common/messagebar.h"
#include "testenv.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::aiKeysPage;
using aikeys::test::child;
using aikeys::test::FakeAnswer;
using aikeys::test::FakeNetwork;
using aikeys::test::TestClient;
using aikeys::test::unnamedInteractiveChildren;

namespace {

const QString kProject = u"32b6e34b3d91647abb20e7b8"_s;
const QString kOrg = u"5e2211c17a3e5a48f5497de3"_s;
const QString kKeysPath = u"/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/aiModelApiKeys"_s;
const QString kProjectPath = u"/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8"_s;
const QString kLimitsPath = u"/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/aiModelApiRateLimits"_s;

AiKey key(const QString &id, const QString &name)
{
    AiKey k;
    k.apiKeyId = id;
    k.name = name;
    k.groupId = kProject;
    k.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), QTimeZone::utc());
    k.maskedSecret = u"al-****abcd"_s;
    return k;
}

const QList<AiKey> kKeys = {key(u"a86r5kwrfsk5r5ku5tgvhmpj"_s, u"search service"_s),
                            key(u"b86r5kwrfsk5r5ku5tgvhmpj"_s, u"nightly batch"_s)};

FakeAnswer projectAnswer()
{
    return FakeAnswer::json(
        QJsonDocument(QJsonObject{{u"id"_s, kProject}, {u"name"_s, u"search-prod"_s}, {u"orgId"_s, kOrg}}));
}

FakeAnswer limitsAnswer()
{
    return FakeAnswer::page(QJsonArray{QJsonObject{{u"modelGroupName"_s, u"embed_large"_s},
                                                   {u"modelNames"_s, QJsonArray{u"voyage-3-large"_s}},
                                                   {u"requestsPerMinuteLimit"_s, 300},
                                                   {u"tokensPerMinuteLimit"_s, 600000},
                                                   {u"cloud"_s, u"ANY"_s},
                                                   {u"geography"_s, u"ANY"_s}}});
}

} // namespace

// TerraformExportDialog: the preview of the Terraform configuration that imports keys, against the
// fake Atlas network.
class TestTerraformExportDialog : public QObject
{
    Q_OBJECT

    FakeNetwork *m_net = nullptr; // owned by m_client's session
    TestClient m_client;

    std::unique_ptr<TerraformExportDialog> openDialog()
    {
        auto d = std::make_unique<TerraformExportDialog>(m_client.api.get());
        d->show();
        if (!QTest::qWaitForWindowExposed(d.get()))
            qWarning("dialog not exposed");
        return d;
    }

private Q_SLOTS:
    void initTestCase() { test::prepareTestEnvironment(); }

    void init()
    {
        FileDialog::clearNextAnswers();
        m_net = new FakeNetwork;
        m_client = test::openFakeClient(m_net);
        m_net->on("GET", kKeysPath, aiKeysPage(kKeys));
        m_net->on("GET", kProjectPath, projectAnswer());
        m_net->on("GET", kLimitsPath, limitsAnswer());
    }

    void cleanup()
    {
        m_client.api.reset(); // before the session it uses
        m_client.session.reset();
        m_net = nullptr;
    }

    void defaultState()
    {
        auto d = openDialog();
        QCOMPARE(d->objectName(), u"terraformExportDialog"_s);
        QCOMPARE(d->windowTitle(), u"Export to Terraform"_s);
        QVERIFY2(unnamedInteractiveChildren(d.get()).isEmpty(),
                 qPrintable(unnamedInteractiveChildren(d.get()).join(u", "_s)));
        // Nothing to export yet: nothing asked of Atlas, nothing to save or copy.
        QVERIFY(!d->saveButton()->isEnabled());
        QCOMPARE(child<QPushButton>(d.get(), "saveButton"), d->saveButton());
        QVERIFY(!child<QPushButton>(d.get(), "copyButton")->isEnabled());
        QVERIFY(child<QPushButton>(d.get(), "closeButton")->isEnabled());
        QVERIFY(child<QPlainTextEdit>(d.get(), "previewEdit")->toPlainText().isEmpty());
        QVERIFY(child<QPlainTextEdit>(d.get(), "previewEdit")->isReadOnly());
        QVERIFY(child<QLabel>(d.get(), "statusLabel")->isHidden());
        QVERIFY(child<MessageBar>(d.get(), "terraformMessageBar")->isHidden());
        QVERIFY(!child<QCheckBox>(d.get(), "includeLimitsCheck")->isChecked());
        QVERIFY(!d->includeRateLimits());
        QVERIFY(d->text().isEmpty());
        QVERIFY(!d->isLoading());
        QCOMPARE(m_net->requestCount(), 0);
    }

    void previewsAProjectsKeys()
    {
        auto d = openDialog();
        QSignalSpy ready(d.get(), &TerraformExportDialog::ready);
        d->setProject(kProject, u"search-prod"_s);
        QVERIFY(d->isLoading());
        QVERIFY(d->text().isEmpty());
        QVERIFY(!d->saveButton()->isEnabled());
        QVERIFY(child<QLabel>(d.get(), "sourceLabel")->text().contains(u"search-prod"_s));
        QVERIFY(ready.wait(10000));
        QVERIFY(!d->isLoading());
        const QString text = d->text();
        QCOMPARE(child<QPlainTextEdit>(d.get(), "previewEdit")->toPlainText(), text);
        QCOMPARE(text.count(u"import {"_s), 2);
        QVERIFY(text.contains(kProject + u"/a86r5kwrfsk5r5ku5tgvhmpj"_s));
        QVERIFY(text.contains(kProject + u"/b86r5kwrfsk5r5ku5tgvhmpj"_s));
        QVERIFY(text.contains(u"\"search service\""_s));
        QVERIFY(text.contains(u"search-prod"_s));       // the project's name, read from Atlas
        QVERIFY(!text.contains(u"model_group_name"_s)); // no rate limits unless asked for
        QVERIFY(d->saveButton()->isEnabled());
        QVERIFY(child<QPushButton>(d.get(), "copyButton")->isEnabled());
        QCOMPARE(child<QLabel>(d.get(), "statusLabel")->text(), u"2 keys to import."_s);
        // What it asked: the keys and the project, not the rate limits.
        QCOMPARE(m_net->recorded("GET", kKeysPath).size(), 1);
        QCOMPARE(m_net->recorded("GET", kProjectPath).size(), 1);
        QCOMPARE(m_net->recorded("GET", kLimitsPath).size(), 0);
    }

    void includingRateLimitsRebuilds()
    {
        auto d = openDialog();
        QSignalSpy ready(d.get(), &TerraformExportDialog::ready);
        d->setProject(kProject, u"search-prod"_s);
        QVERIFY(ready.wait(10000));
        const QString keysOnly = d->text();
        child<QCheckBox>(d.get(), "includeLimitsCheck")->click();
        QVERIFY(d->includeRateLimits());
        QVERIFY(d->isLoading()); // the preview is rebuilt
        QVERIFY(ready.wait(10000));
        QCOMPARE(m_net->recorded("GET", kLimitsPath).size(), 1);
        QVERIFY(d->text().size() > keysOnly.size());
        QVERIFY(d->text().contains(kProject + u"/ANY/ANY/embed_large"_s));
        QVERIFY(d->text().contains(u"requests_per_minute_limit"_s));
        QCOMPARE(child<QLabel>(d.get(), "statusLabel")->text(), u"2 keys to import, 1 rate limit."_s);
    }

    void selectedKeysNeedNoRequest()
    {
        auto d = openDialog();
        QSignalSpy ready(d.get(), &TerraformExportDialog::ready);
        d->setKeys({kKeys.first()}, {{kProject, u"search-prod"_s}});
        QVERIFY(child<QLabel>(d.get(), "sourceLabel")->text().contains(u"1 selected key"_s));
        QVERIFY(ready.wait(10000));
        QCOMPARE(d->text().count(u"import {"_s), 1);
        QCOMPARE(m_net->requestCount(), 0);
        QCOMPARE(child<QLabel>(d.get(), "statusLabel")->text(), u"1 key to import."_s);
    }

    void anErrorIsShownAndNothingCanBeSaved()
    {
        m_net->clearScript();
        m_net->on(
            "GET", kKeysPath,
            FakeAnswer::atlasError(403, "USER_UNAUTHORIZED", u"The user has no access to the project."_s));
        auto d = openDialog();
        QSignalSpy ready(d.get(), &TerraformExportDialog::ready);
        d->setProject(kProject, u"search-prod"_s);
        auto *bar = child<MessageBar>(d.get(), "terraformMessageBar");
        QTRY_VERIFY(!bar->isHidden());
        QCOMPARE(bar->kind(), MessageBar::Kind::Error);
        QVERIFY(!bar->text().isEmpty());
        QVERIFY(!d->isLoading());
        QVERIFY(d->text().isEmpty());
        QVERIFY(!d->saveButton()->isEnabled());
        QVERIFY(!child<QPushButton>(d.get(), "copyButton")->isEnabled());
        QCOMPARE(ready.count(), 0);
    }

    void withoutAClientItSaysToSignIn()
    {
        TerraformExportDialog d(nullptr);
        d.setProject(kProject, u"search-prod"_s);
        auto *bar = child<MessageBar>(&d, "terraformMessageBar");
        QCOMPARE(bar->kind(), MessageBar::Kind::Error);
        QVERIFY(bar->text().contains(u"Not signed in"_s));
        QVERIFY(!d.isLoading());
        QVERIFY(!d.saveButton()->isEnabled());
    }

    void saveWritesTheFileAndCloses()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto d = openDialog();
        QSignalSpy ready(d.get(), &TerraformExportDialog::ready);
        QSignalSpy saved(d.get(), &TerraformExportDialog::saved);
        d->setProject(kProject, u"search-prod"_s);
        QVERIFY(ready.wait(10000));
        // Cancelled in the file dialog: nothing written, the dialog stays.
        FileDialog::setNextSaveFileName(QString());
        QTest::mouseClick(d->saveButton(), Qt::LeftButton);
        QVERIFY(d->isVisible());
        QCOMPARE(saved.count(), 0);
        QVERIFY2(FileDialog::lastSuggestedPath().endsWith(u"search-prod.tf"_s),
                 qPrintable(FileDialog::lastSuggestedPath()));
        // Saved: the file holds the preview, and the dialog closes.
        const QString path = dir.filePath(u"keys.tf"_s);
        FileDialog::setNextSaveFileName(path);
        QTest::mouseClick(d->saveButton(), Qt::LeftButton);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.first().first().toString(), path);
        QCOMPARE(d->result(), int(QDialog::Accepted));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), d->text());
    }

    void copyPutsThePreviewOnTheClipboard()
    {
        auto d = openDialog();
        QSignalSpy ready(d.get(), &TerraformExportDialog::ready);
        d->setProject(kProject, u"search-prod"_s);
        QVERIFY(ready.wait(10000));
        QGuiApplication::clipboard()->clear();
        QTest::mouseClick(child<QPushButton>(d.get(), "copyButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), d->text());
        auto *bar = child<MessageBar>(d.get(), "terraformMessageBar");
        QCOMPARE(bar->kind(), MessageBar::Kind::Information);
        QVERIFY(bar->text().contains(u"Copied"_s));
    }
};

QTEST_MAIN(TestTerraformExportDialog)
#include "tst_terraformexportdialog.moc"
