#include "keys/createkeydialog.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProxyStyle>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::NameCheck;
using aikeys::test::unnamedInteractiveChildren;

namespace {

const QString kAlpha = u"5f1b2c3d4e5f60718293a4b5"_s;
const QString kBeta = u"6a7b8c9d0e1f2a3b4c5d6e7f"_s;

} // namespace

class TestCreateKeyDialog : public QObject
{
    Q_OBJECT

    struct Parts
    {
        QComboBox *project;
        QLineEdit *name;
        QLabel *message;
        QLabel *counter;
        QComboBox *cloud;
        QComboBox *geography;
        QPushButton *create;
    };

    static Parts parts(CreateKeyDialog &d)
    {
        return {d.findChild<QComboBox *>(u"projectCombo"_s),  d.findChild<QLineEdit *>(u"nameEdit"_s),
                d.findChild<QLabel *>(u"nameMessage"_s),      d.findChild<QLabel *>(u"nameCounter"_s),
                d.findChild<QComboBox *>(u"cloudCombo"_s),    d.findChild<QComboBox *>(u"geographyCombo"_s),
                d.findChild<QPushButton *>(u"createButton"_s)};
    }

    // A dialog as the main window fills it: two projects, Beta preselected, today's only scope.
    static void fill(CreateKeyDialog &d)
    {
        d.setProjects({{kAlpha, u"Alpha"_s}, {kBeta, u"Beta"_s}}, kBeta);
        d.setExistingNames({{kAlpha, {u"shared name"_s}}, {kBeta, {u"prod search"_s, u"staging"_s}}});
        d.setScopes({KeyScope{}});
    }

private Q_SLOTS:
    void shouldHaveDefaultValues()
    {
        CreateKeyDialog d;
        const Parts p = parts(d);
        QVERIFY(p.project && p.name && p.message && p.counter && p.cloud && p.geography && p.create);
        QCOMPARE(p.create, d.createButton());
        QCOMPARE(p.create->text(), u"Create &Key"_s);
        QCOMPARE(p.project->count(), 0);
        QCOMPARE(p.cloud->count(), 0);
        QCOMPARE(p.geography->count(), 0);
        QVERIFY(p.name->text().isEmpty());
        QCOMPARE(p.counter->text(), u"0 / 250"_s);
        QVERIFY(!p.create->isEnabled());
        QVERIFY(!d.isValid());
        QVERIFY(d.projectId().isEmpty());
        QCOMPARE(d.windowTitle(), u"Create Key"_s);
        QCOMPARE(unnamedInteractiveChildren(&d, NameCheck::Every).join(u", "_s), QString());
    }

    // Plain Create and Cancel buttons, even under a style that puts pictures on dialog buttons (a
    // green tick, a red cross): the app's dialogs show icons only on their own actions.
    void noStylePicturesOnTheButtons()
    {
        class IconsOnButtonsStyle final : public QProxyStyle
        {
        public:
            using QProxyStyle::QProxyStyle;
            int styleHint(StyleHint hint, const QStyleOption *option, const QWidget *widget,
                          QStyleHintReturn *returnData) const override
            {
                if (hint == SH_DialogButtonBox_ButtonsHaveIcons)
                    return 1;
                return QProxyStyle::styleHint(hint, option, widget, returnData);
            }
        };
        const QString previous = QApplication::style()->name();
        QApplication::setStyle(new IconsOnButtonsStyle(QStyleFactory::create(u"fusion"_s)));
        {
            QDialogButtonBox probe(QDialogButtonBox::Cancel);
            const bool styleDoesIt = !probe.button(QDialogButtonBox::Cancel)->icon().isNull();
            CreateKeyDialog d;
            const QList<QAbstractButton *> buttons = d.findChild<QDialogButtonBox *>()->buttons();
            QApplication::setStyle(QStyleFactory::create(previous));
            QVERIFY(styleDoesIt);
            QCOMPARE(buttons.size(), 2);
            for (QAbstractButton *b : buttons)
                QVERIFY2(b->icon().isNull(), qPrintable(b->text()));
        }
    }

    void filledByTheCaller()
    {
        CreateKeyDialog d;
        fill(d);
        const Parts p = parts(d);
        QCOMPARE(p.project->count(), 2);
        QCOMPARE(p.project->currentText(), u"Beta"_s);
        QCOMPARE(d.projectId(), kBeta);
        // Scope values are data: what the caller passed, nothing more.
        QCOMPARE(p.cloud->count(), 1);
        QCOMPARE(p.cloud->currentText(), u"ANY"_s);
        QCOMPARE(p.geography->count(), 1);
        QCOMPARE(p.geography->currentText(), u"ANY"_s);
        // An untouched empty name is not an error yet, only not sendable.
        QVERIFY(p.message->text().isEmpty());
        QVERIFY(!p.create->isEnabled());
        QCOMPARE(d.problem(), u"Enter a name for the key."_s);
    }

    void unknownPreselectionFallsBackToTheFirst()
    {
        CreateKeyDialog d;
        d.setProjects({{kAlpha, u"Alpha"_s}, {kBeta, u"Beta"_s}}, u"nope"_s);
        QCOMPARE(d.projectId(), kAlpha);
    }

    void scopesComeFromTheCaller()
    {
        CreateKeyDialog d;
        fill(d);
        d.setScopes({KeyScope{}, {u"AWS"_s, u"US_EAST_1"_s}, {u"AWS"_s, u"EU_WEST_1"_s}});
        const Parts p = parts(d);
        QCOMPARE(p.cloud->count(), 2);
        QVERIFY(p.cloud->isEnabled());
        p.cloud->setCurrentIndex(p.cloud->findText(u"AWS"_s));
        QCOMPARE(p.geography->count(), 2);
        p.geography->setCurrentIndex(1);
        d.setKeyName(u"regional"_s);
        QCOMPARE(d.scope().cloud, u"AWS"_s);
        QCOMPARE(d.scope().geography, u"EU_WEST_1"_s);

        d.setScopes({});
        QVERIFY(!d.isValid());
        QVERIFY(!p.create->isEnabled());
        QVERIFY(p.message->text().contains(u"scope"_s));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("counter");
        QTest::newRow("empty") << QString() << false << u"Enter a name for the key."_s << u"0 / 250"_s;
        QTest::newRow("spaces") << u"   "_s << false << u"The name cannot be only spaces."_s << u"3 / 250"_s;
        QTest::newRow("12 characters") << u"search index"_s << true << QString() << u"12 / 250"_s;
        QTest::newRow("250") << QString(250, u'k') << true << QString() << u"250 / 250"_s;
        QTest::newRow("251") << QString(251, u'k') << false
                             << u"The name is 251 characters long; the limit is 250."_s << u"251 / 250"_s;
        QTest::newRow("duplicate") << u"prod search"_s << false
                                   << u"This project already has a key with this name: choose another."_s
                                   << u"11 / 250"_s;
        QTest::newRow("other project's name") << u"shared name"_s << true << QString() << u"11 / 250"_s;
        QTest::newRow("case differs") << u"Prod Search"_s << true << QString() << u"11 / 250"_s;
        QTest::newRow("leading space kept") << u" staging"_s << true << QString() << u"8 / 250"_s;
    }
    void validation()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QFETCH(QString, message);
        QFETCH(QString, counter);
        CreateKeyDialog d;
        fill(d);
        const Parts p = parts(d);
        QSignalSpy validity(&d, &CreateKeyDialog::validityChanged);
        // As typed: the field is edited, then set.
        QTest::keyClicks(p.name, u"x"_s);
        p.name->setText(name);
        QCOMPARE(d.isValid(), valid);
        QCOMPARE(p.create->isEnabled(), valid);
        QCOMPARE(p.message->text(), message);
        QCOMPARE(d.problem(), message);
        QCOMPARE(p.counter->text(), counter);
        QCOMPARE(p.counter->font().bold(), name.size() > 250);
        if (valid)
            QCOMPARE(validity.size(), 1);
    }

    void switchingProjectRechecksDuplicates()
    {
        CreateKeyDialog d;
        fill(d);
        const Parts p = parts(d);
        d.setKeyName(u"shared name"_s);
        QVERIFY(d.isValid());
        p.project->setCurrentIndex(p.project->findData(kAlpha));
        QVERIFY(!d.isValid());
        QVERIFY(p.message->text().contains(u"already has a key"_s));
        p.project->setCurrentIndex(p.project->findData(kBeta));
        QVERIFY(d.isValid());
        QVERIFY(p.message->text().isEmpty());
    }

    void enterDoesNothingWhileInvalid()
    {
        CreateKeyDialog d;
        fill(d);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const Parts p = parts(d);
        p.name->setFocus();
        QTest::keyClicks(p.name, u"prod search"_s);
        QTest::keyClick(p.name, Qt::Key_Return);
        QVERIFY(d.isVisible());
        QTest::keyClicks(p.name, u" 2"_s);
        QTest::keyClick(p.name, Qt::Key_Return);
        QVERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.keyName(), u"prod search 2"_s);
    }

    void resultsAfterCreate()
    {
        CreateKeyDialog d;
        fill(d);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const Parts p = parts(d);
        QTest::keyClicks(p.name, u"batch embeddings"_s);
        p.create->click();
        QCOMPARE(d.result(), int(QDialog::Accepted));
        QCOMPARE(d.projectId(), kBeta);
        QCOMPARE(d.keyName(), u"batch embeddings"_s);
        QCOMPARE(d.scope().cloud, u"ANY"_s);
        QCOMPARE(d.scope().geography, u"ANY"_s);
    }

    void cancelRejects()
    {
        CreateKeyDialog d;
        fill(d);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        d.findChild<QPushButton *>(u"cancelButton"_s)->click();
        QCOMPARE(d.result(), int(QDialog::Rejected));
    }
};

QTEST_MAIN(TestCreateKeyDialog)
#include "tst_createkeydialog.moc"
