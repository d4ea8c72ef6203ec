#include "common/messagebox.h"
#include "keys/deletekeydialog.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::NameCheck;
using aikeys::test::unnamedInteractiveChildren;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 10), QTime(12, 0), QTimeZone::utc());

AiKey key(std::optional<QDateTime> lastUsed)
{
    AiKey k;
    k.apiKeyId = u"a86r5kwrfsk5r5ku5tgvhmpj"_s;
    k.name = u"prod search"_s;
    k.groupId = u"6a7b8c9d0e1f2a3b4c5d6e7f"_s;
    k.createdAt = kNow.addDays(-90);
    k.lastUsedAt = lastUsed;
    return k;
}

QString text(QWidget &d, const char *name)
{
    auto *label = d.findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : u"<no %1>"_s.arg(QString::fromLatin1(name));
}

} // namespace

class TestDeleteKeyDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHaveDefaultValues()
    {
        DeleteKeyDialog d(key(std::nullopt), u"Search"_s);
        d.setNow(kNow);
        QCOMPARE(d.windowTitle(), u"Delete Key"_s);
        QCOMPARE(text(d, "nameValue"), u"prod search"_s);
        QCOMPARE(text(d, "keyIdValue"), u"a86r5kwrfsk5r5ku5tgvhmpj"_s);
        QCOMPARE(text(d, "projectValue"), u"Search (6a7b8c9d0e1f2a3b4c5d6e7f)"_s);
        QCOMPARE(text(d, "lastUsedValue"), u"never"_s);
        QVERIFY(text(d, "createdValue").startsWith(u"3 months ago ("_s));
        QVERIFY(text(d, "headlineLabel").contains(u"prod search"_s));
        const QString permanence = text(d, "permanenceLabel");
        QVERIFY(permanence.contains(u"immediate and permanent"_s));
        QVERIFY(permanence.contains(u"stops working at once"_s));
        QVERIFY(permanence.contains(u"nothing can restore it"_s));

        // Never used: no typed confirmation, Delete enabled, but never the default button.
        QVERIFY(!d.requiresTypedName());
        QVERIFY(d.findChild<QWidget *>(u"confirmPanel"_s)->isHidden());
        QPushButton *del = d.deleteButton();
        QCOMPARE(del, d.findChild<QPushButton *>(u"deleteButton"_s));
        QVERIFY(del->isEnabled());
        QVERIFY(!del->isDefault());
        QVERIFY(!del->autoDefault());
        QCOMPARE(d.findChild<QDialogButtonBox *>(u"buttonBox"_s)->buttonRole(del),
                 QDialogButtonBox::DestructiveRole);
        QVERIFY(d.findChild<QPushButton *>(u"cancelButton"_s)->isDefault());
        QCOMPARE(unnamedInteractiveChildren(&d, NameCheck::Every).join(u", "_s), QString());
    }

    void projectWithoutAName()
    {
        DeleteKeyDialog d(key(std::nullopt), QString());
        QCOMPARE(text(d, "projectValue"), u"6a7b8c9d0e1f2a3b4c5d6e7f"_s);
    }

    void recentUseNeedsTheTypedName()
    {
        DeleteKeyDialog d(key(kNow.addDays(-2)), u"Search"_s);
        d.setNow(kNow);
        QVERIFY(d.requiresTypedName());
        QVERIFY(!d.findChild<QWidget *>(u"confirmPanel"_s)->isHidden());
        QVERIFY(text(d, "lastUsedValue").startsWith(u"2 days ago ("_s));
        QVERIFY(text(d, "confirmLabel").contains(u"used 2 days ago"_s));
        auto *confirm = d.findChild<QLineEdit *>(u"confirmEdit"_s);
        QVERIFY(confirm);
        QVERIFY(!d.deleteButton()->isEnabled());
        confirm->setText(u"prod"_s);
        QVERIFY(!d.deleteButton()->isEnabled());
        confirm->setText(u"Prod Search"_s);
        QVERIFY(!d.deleteButton()->isEnabled());
        confirm->setText(u"prod search "_s);
        QVERIFY(!d.deleteButton()->isEnabled());
        confirm->setText(u"prod search"_s);
        QVERIFY(d.deleteButton()->isEnabled());
        QVERIFY(d.canDelete());
        // Clicking a disabled path is refused too.
        confirm->clear();
        d.deleteButton()->click();
        QVERIFY(d.result() != int(QDialog::Accepted));
    }

    void recentMeansSevenDays_data()
    {
        QTest::addColumn<int>("hoursAgo");
        QTest::addColumn<bool>("typed");
        QTest::newRow("an hour") << 1 << true;
        QTest::newRow("6 days 23 hours") << 6 * 24 + 23 << true;
        QTest::newRow("7 days") << 7 * 24 << false;
        QTest::newRow("30 days") << 30 * 24 << false;
        QTest::newRow("in the future") << -5 << true;
    }
    void recentMeansSevenDays()
    {
        QFETCH(int, hoursAgo);
        QFETCH(bool, typed);
        DeleteKeyDialog d(key(kNow.addSecs(-qint64(hoursAgo) * 3600)), u"Search"_s);
        d.setNow(kNow);
        QCOMPARE(d.requiresTypedName(), typed);
        QCOMPARE(d.deleteButton()->isEnabled(), !typed);
    }

    void enterNeverDeletes()
    {
        DeleteKeyDialog d(key(kNow.addDays(-1)), u"Search"_s);
        d.setNow(kNow);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        auto *confirm = d.findChild<QLineEdit *>(u"confirmEdit"_s);
        confirm->setFocus();
        QTest::keyClicks(confirm, u"prod search"_s);
        QVERIFY(d.deleteButton()->isEnabled());
        // In the confirmation field Enter does nothing at all.
        QTest::keyClick(confirm, Qt::Key_Return);
        QVERIFY(d.isVisible());
        // On the Delete button itself, Enter goes to the default button: Cancel.
        d.deleteButton()->setFocus();
        QTest::keyClick(d.deleteButton(), Qt::Key_Return);
        QVERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));
    }

    void clickingDeleteAccepts()
    {
        DeleteKeyDialog d(key(std::nullopt), u"Search"_s);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.deleteButton()->click();
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.key().apiKeyId, u"a86r5kwrfsk5r5ku5tgvhmpj"_s);
    }

    // A name is text, never markup: HTML in it is shown as typed, in the dialog and in a message box.
    void htmlInANameShowsLiterally()
    {
        AiKey k = key(std::nullopt);
        k.name = u"<b>prod</b><img src=\"file:///etc/passwd\"><span style=\"display:none\">x</span>"_s;
        DeleteKeyDialog d(k, u"<i>Search</i>"_s);
        d.setNow(kNow);
        int shown = 0;
        const QList<QLabel *> labels = d.findChildren<QLabel *>();
        for (QLabel *label : labels) {
            if (!label->text().contains(u"<b>prod</b>"_s) && !label->text().contains(u"<i>Search</i>"_s))
                continue;
            ++shown;
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
        }
        QVERIFY(shown >= 3); // the headline, the name and the project

        // The message boxes the views build from names.
        Qt::TextFormat textFormat = Qt::AutoText;
        Qt::TextFormat informativeFormat = Qt::AutoText;
        QString shownText;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            if (auto *text = box->findChild<QLabel *>(u"qt_msgbox_label"_s)) {
                textFormat = text->textFormat();
                shownText = text->text();
            }
            if (auto *informative = box->findChild<QLabel *>(u"qt_msgbox_informativelabel"_s))
                informativeFormat = informative->textFormat();
            box->reject();
        });
        MessageBox::question(&d, u"Delete Key"_s, u"Delete %1?"_s.arg(k.name),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No, k.name);
        QCOMPARE(textFormat, Qt::PlainText);
        QCOMPARE(informativeFormat, Qt::PlainText);
        QVERIFY(shownText.contains(u"<b>prod</b>"_s));
    }
};

QTEST_MAIN(TestDeleteKeyDialog)
#include "tst_deletekeydialog.moc"
