#include "audit/bulkretiredialog.h"
#include "domain/timeformat.h"
#include "models/keytablemodel.h"
#include "testenv.h"
#include "testsupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::child;
using aikeys::test::FakeClock;
using aikeys::test::unnamedInteractiveChildren;

namespace {

const QString kSearch = u"32b6e34b3d91647abb20e7b8"_s;
const QString kBilling = u"5f1b2c3d4e5f60718293a4b5"_s;

AiKey key(const QString &id, const QString &name, const QString &project, const QDateTime &created,
          std::optional<QDateTime> lastUsed)
{
    AiKey k;
    k.apiKeyId = id;
    k.name = name;
    k.groupId = project;
    k.createdAt = created;
    k.lastUsedAt = lastUsed;
    k.maskedSecret = u"al-****abcd"_s;
    return k;
}

// Against a fixed "now": one key never used, one stale, one active (in use).
QList<AiKey> threeKeys(const QDateTime &now)
{
    return {
        key(u"a86r5kwrfsk5r5ku5tgvhmpj"_s, u"old batch job"_s, kSearch, now.addDays(-200), std::nullopt),
        key(u"b86r5kwrfsk5r5ku5tgvhmpj"_s, u"stale search"_s, kSearch, now.addDays(-300), now.addDays(-120)),
        key(u"c86r5kwrfsk5r5ku5tgvhmpj"_s, u"billing live"_s, kBilling, now.addDays(-30), now.addDays(-1))};
}

QString rowText(QTreeWidget *list, const QString &name, int column)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(0) == name)
            return list->topLevelItem(i)->text(column);
    }
    return u"(no row %1)"_s.arg(name);
}

} // namespace

// BulkRetireDialog: the preview and typed confirmation before several keys are deleted at once.
class TestBulkRetireDialog : public QObject
{
    Q_OBJECT

    FakeClock m_clock;

private Q_SLOTS:
    void initTestCase() { test::prepareTestEnvironment(); }

    void defaultState()
    {
        const QDateTime now = m_clock.now();
        BulkRetireDialog d(threeKeys(now), {{kSearch, u"search-prod"_s}}, AuditThresholds{}, now);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QCOMPARE(d.objectName(), u"bulkRetireDialog"_s);
        QCOMPARE(d.windowTitle(), u"Retire Keys"_s);
        QVERIFY2(unnamedInteractiveChildren(&d).isEmpty(),
                 qPrintable(unnamedInteractiveChildren(&d).join(u", "_s)));
        QCOMPARE(child<QLabel>(&d, "headlineLabel")->text(), u"Delete 3 keys?"_s);

        // Retire is off until the count is typed, and never the default button: Enter cancels.
        auto *retire = child<QPushButton>(&d, "retireButton");
        auto *cancel = child<QPushButton>(&d, "cancelButton");
        QCOMPARE(d.retireButton(), retire);
        QVERIFY(!retire->isEnabled());
        QVERIFY(!retire->isDefault());
        QVERIFY(!retire->autoDefault());
        QVERIFY(cancel->isEnabled());
        QVERIFY(cancel->isDefault());
        QVERIFY(retire->text().contains(u"3"_s));
        auto *confirm = child<QLineEdit>(&d, "confirmEdit");
        QVERIFY(confirm->text().isEmpty());
        QCOMPARE(QApplication::focusWidget(), confirm);
        QCOMPARE(d.expectedConfirmation(), u"3"_s);
        QVERIFY(!d.canRetire());
        QVERIFY(child<QLabel>(&d, "confirmLabel")->text().contains(u"(3)"_s));

        // The preview: every key, its project by name (or id when unknown), its class and last use.
        auto *list = child<QTreeWidget>(&d, "keyList");
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(d.keys().size(), 3);
        QCOMPARE(rowText(list, u"old batch job"_s, 1), u"search-prod"_s);
        QCOMPARE(rowText(list, u"billing live"_s, 1), kBilling);
        QCOMPARE(rowText(list, u"old batch job"_s, 2), KeyClassifier::name(KeyClass::NeverUsed));
        QCOMPARE(rowText(list, u"stale search"_s, 2), KeyClassifier::name(KeyClass::Stale));
        QCOMPARE(rowText(list, u"billing live"_s, 2), KeyClassifier::name(KeyClass::Active));
        QCOMPARE(rowText(list, u"stale search"_s, 3), timeformat::relative(now.addDays(-120), now));
        QCOMPARE(list->topLevelItem(0)->toolTip(0), u"a86r5kwrfsk5r5ku5tgvhmpj"_s);

        // The active key is counted out loud.
        QCOMPARE(d.inUseCount(), 1);
        auto *inUse = child<QLabel>(&d, "inUseLabel");
        QVERIFY(!inUse->isHidden());
        QVERIFY2(inUse->text().contains(u"1 of these keys is in use"_s), qPrintable(inUse->text()));
    }

    void typingTheCountEnablesRetire()
    {
        const QDateTime now = m_clock.now();
        BulkRetireDialog d(threeKeys(now), {}, AuditThresholds{}, now);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto *confirm = child<QLineEdit>(&d, "confirmEdit");
        auto *retire = child<QPushButton>(&d, "retireButton");
        QTest::keyClicks(confirm, u"2"_s);
        QVERIFY(!retire->isEnabled());
        confirm->clear();
        QTest::keyClicks(confirm, u"33"_s);
        QVERIFY(!retire->isEnabled());
        confirm->clear();
        QTest::keyClicks(confirm, u" 3 "_s); // spaces around the number do not matter
        QVERIFY(retire->isEnabled());
        QVERIFY(d.canRetire());
        QTest::mouseClick(retire, Qt::LeftButton);
        QCOMPARE(d.result(), int(QDialog::Accepted));
    }

    void enterInTheConfirmationFieldDoesNothing()
    {
        const QDateTime now = m_clock.now();
        BulkRetireDialog d(threeKeys(now), {}, AuditThresholds{}, now);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto *confirm = child<QLineEdit>(&d, "confirmEdit");
        QTest::keyClicks(confirm, u"3"_s);
        QTest::keyClick(confirm, Qt::Key_Return);
        QTest::keyClick(confirm, Qt::Key_Enter);
        QVERIFY(d.isVisible());
        QCOMPARE(d.result(), 0);
        QCOMPARE(confirm->text(), u"3"_s);
        // Escape (or Cancel) gives up.
        QTest::keyClick(confirm, Qt::Key_Escape);
        QCOMPARE(d.result(), int(QDialog::Rejected));
    }

    void cancelRejects()
    {
        const QDateTime now = m_clock.now();
        BulkRetireDialog d(threeKeys(now), {}, AuditThresholds{}, now);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QTest::mouseClick(child<QPushButton>(&d, "cancelButton"), Qt::LeftButton);
        QCOMPARE(d.result(), int(QDialog::Rejected));
    }

    // The classes follow the thresholds and the "now" the dialog is given, not the machine's clock.
    void classesFollowThresholdsAndNow()
    {
        const QList<AiKey> keys = threeKeys(m_clock.now());
        // A year later, with a stale threshold of 10 days, nothing is in use.
        FakeClock later(m_clock.now());
        later.advanceDays(365);
        BulkRetireDialog d(keys, {}, AuditThresholds{7, 10}, later.now());
        QCOMPARE(d.inUseCount(), 0);
        QVERIFY(child<QLabel>(&d, "inUseLabel")->isHidden());
        auto *list = child<QTreeWidget>(&d, "keyList");
        QCOMPARE(rowText(list, u"billing live"_s, 2), KeyClassifier::name(KeyClass::Stale));
    }

    void oneKeyIsSingular()
    {
        const QDateTime now = m_clock.now();
        BulkRetireDialog d({threeKeys(now).first()}, {}, AuditThresholds{}, now);
        QCOMPARE(child<QLabel>(&d, "headlineLabel")->text(), u"Delete 1 key?"_s);
        QVERIFY2(d.retireButton()->text().contains(u"1 Key"_s), qPrintable(d.retireButton()->text()));
        QCOMPARE(d.expectedConfirmation(), u"1"_s);
    }

    void noKeysCannotBeRetired()
    {
        BulkRetireDialog d({}, {}, AuditThresholds{}, m_clock.now());
        QTest::keyClicks(child<QLineEdit>(&d, "confirmEdit"), u"0"_s);
        QVERIFY(!d.canRetire());
        QVERIFY(!d.retireButton()->isEnabled());
    }
};

QTEST_MAIN(TestBulkRetireDialog)
#include "tst_bulkretiredialog.moc"
