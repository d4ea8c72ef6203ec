#include "keys/renamekeydialog.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::NameCheck;
using aikeys::test::unnamedInteractiveChildren;

namespace {

AiKey key()
{
    AiKey k;
    k.apiKeyId = u"a86r5kwrfsk5r5ku5tgvhmpj"_s;
    k.name = u"staging"_s;
    k.groupId = u"6a7b8c9d0e1f2a3b4c5d6e7f"_s;
    return k;
}

// The project's names, the key's own among them.
const QStringList kNames{u"prod search"_s, u"staging"_s, u"batch"_s};

} // namespace

class TestRenameKeyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHaveDefaultValues()
    {
        RenameKeyDialog d(key(), kNames);
        auto *edit = d.findChild<QLineEdit *>(u"nameEdit"_s);
        auto *rename = d.findChild<QPushButton *>(u"renameButton"_s);
        auto *message = d.findChild<QLabel *>(u"nameMessage"_s);
        auto *counter = d.findChild<QLabel *>(u"nameCounter"_s);
        QVERIFY(edit && rename && message && counter);
        QCOMPARE(rename, d.renameButton());
        QCOMPARE(edit->text(), u"staging"_s);
        QCOMPARE(edit->selectedText(), u"staging"_s);
        QCOMPARE(d.findChild<QLabel *>(u"currentNameValue"_s)->text(), u"staging"_s);
        QCOMPARE(counter->text(), u"7 / 250"_s);
        // Unchanged: not sendable, but not an error shown before the user did anything.
        QVERIFY(!rename->isEnabled());
        QVERIFY(!d.isValid());
        QCOMPARE(d.problem(), u"The name has not changed: type a new name."_s);
        QVERIFY(message->text().isEmpty());
        QCOMPARE(d.windowTitle(), u"Rename Key"_s);
        QCOMPARE(unnamedInteractiveChildren(&d, NameCheck::Every).join(u", "_s), QString());
    }

    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("counter");
        QTest::newRow("empty") << QString() << false << u"Enter a name for the key."_s << u"0 / 250"_s;
        QTest::newRow("spaces") << u"  "_s << false << u"The name cannot be only spaces."_s << u"2 / 250"_s;
        QTest::newRow("new name") << u"staging 2"_s << true << QString() << u"9 / 250"_s;
        QTest::newRow("250") << QString(250, u'r') << true << QString() << u"250 / 250"_s;
        QTest::newRow("251") << QString(251, u'r') << false
                             << u"The name is 251 characters long; the limit is 250."_s << u"251 / 250"_s;
        QTest::newRow("another key's name")
            << u"prod search"_s << false
            << u"This project already has a key with this name: choose another."_s << u"11 / 250"_s;
        QTest::newRow("only the case changes") << u"Staging"_s << true << QString() << u"7 / 250"_s;
    }
    void validation()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QFETCH(QString, message);
        QFETCH(QString, counter);
        RenameKeyDialog d(key(), kNames);
        d.setNewName(name);
        QCOMPARE(d.isValid(), valid);
        QCOMPARE(d.renameButton()->isEnabled(), valid);
        QCOMPARE(d.findChild<QLabel *>(u"nameMessage"_s)->text(), message);
        QCOMPARE(d.problem(), message);
        QCOMPARE(d.findChild<QLabel *>(u"nameCounter"_s)->text(), counter);
    }

    void backToTheCurrentNameIsRefused()
    {
        RenameKeyDialog d(key(), kNames);
        d.setNewName(u"staging 2"_s);
        QVERIFY(d.isValid());
        d.setNewName(u"staging"_s);
        QVERIFY(!d.isValid());
        QVERIFY(!d.renameButton()->isEnabled());
        QCOMPARE(d.problem(), u"The name has not changed: type a new name."_s);
    }

    void resultIsTheNewName()
    {
        RenameKeyDialog d(key(), kNames);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto *edit = d.findChild<QLineEdit *>(u"nameEdit"_s);
        // The whole name is selected: typing replaces it.
        QTest::keyClicks(edit, u"staging (old cluster)"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.newName(), u"staging (old cluster)"_s);
        QCOMPARE(d.key().apiKeyId, u"a86r5kwrfsk5r5ku5tgvhmpj"_s);
    }

    void enterWithAnUnchangedNameDoesNothing()
    {
        RenameKeyDialog d(key(), kNames);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QTest::keyClick(d.findChild<QLineEdit *>(u"nameEdit"_s), Qt::Key_Return);
        QVERIFY(d.isVisible());
    }
};

QTEST_MAIN(TestRenameKeyDialog)
#include "tst_renamekeydialog.moc"
