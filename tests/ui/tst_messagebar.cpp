#include "common/messagebar.h"

#include <QAccessible>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

struct Host
{
    QWidget window;
    MessageBar *bar;
    Host()
        : bar(new MessageBar(&window))
    {
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(bar);
        layout->addStretch();
        window.resize(480, 240);
    }
};

} // namespace

class TestMessageBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHaveDefaultValues()
    {
        Host h;
        h.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.window));
        MessageBar *bar = h.bar;
        QCOMPARE(bar->objectName(), u"messageBar"_s);
        QVERIFY(!bar->isVisible());
        QCOMPARE(bar->kind(), MessageBar::Kind::Information);
        QVERIFY(bar->text().isEmpty());
        QVERIFY(bar->hint().isEmpty());
        QVERIFY(bar->actionText().isEmpty());
        QVERIFY(bar->isCloseButtonVisible());
        QVERIFY(bar->findChild<QPushButton *>(u"messageAction"_s)->isHidden());
        QVERIFY(bar->findChild<QLabel *>(u"messageHint"_s)->isHidden());
        auto *close = bar->findChild<QToolButton *>(u"messageClose"_s);
        QVERIFY(close);
        QCOMPARE(close->accessibleName(), u"Close message"_s);
    }

    void showsAMessageWithHintAndAction()
    {
        Host h;
        h.bar->setAnimated(false);
        h.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.window));
        h.bar->showMessage(MessageBar::Kind::Error, u"Atlas rejected the credentials."_s,
                           u"Sign in again with a new client secret."_s, u"Sign &In Again"_s);
        QVERIFY(h.bar->isVisible());
        QCOMPARE(h.bar->kind(), MessageBar::Kind::Error);
        QCOMPARE(h.bar->findChild<QLabel *>(u"messageText"_s)->text(), u"Atlas rejected the credentials."_s);
        auto *hint = h.bar->findChild<QLabel *>(u"messageHint"_s);
        QVERIFY(hint->isVisible());
        QCOMPARE(hint->text(), u"Sign in again with a new client secret."_s);
        auto *action = h.bar->findChild<QPushButton *>(u"messageAction"_s);
        QVERIFY(action->isVisible());
        QCOMPARE(action->text(), u"Sign &In Again"_s);
        QCOMPARE(action->accessibleName(), u"Sign In Again"_s);
        QVERIFY(!action->autoDefault());
        // Read as one alert: kind and message, the hint as its description.
        QCOMPARE(h.bar->accessibleName(), u"Error: Atlas rejected the credentials."_s);
        QCOMPARE(h.bar->accessibleDescription(), u"Sign in again with a new client secret."_s);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(h.bar);
        QVERIFY(iface);
        QCOMPARE(iface->role(), QAccessible::AlertMessage);
        QVERIFY(!h.bar->findChild<QLabel *>(u"messageIcon"_s)->pixmap().isNull());

        QSignalSpy triggered(h.bar, &MessageBar::actionTriggered);
        action->click();
        QCOMPARE(triggered.size(), 1);
        QVERIFY(h.bar->isVisible());

        // A later message without hint or action hides them.
        h.bar->showMessage(MessageBar::Kind::Information, u"Refreshed."_s);
        QVERIFY(hint->isHidden());
        QVERIFY(action->isHidden());
        QCOMPARE(h.bar->accessibleName(), u"Information: Refreshed."_s);
    }

    void closeButtonHides()
    {
        Host h;
        h.bar->setAnimated(false);
        h.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.window));
        h.bar->showMessage(MessageBar::Kind::Warning, u"Rate limited."_s);
        QSignalSpy closed(h.bar, &MessageBar::closed);
        QSignalSpy hidden(h.bar, &MessageBar::hidden);
        h.bar->findChild<QToolButton *>(u"messageClose"_s)->click();
        QCOMPARE(closed.size(), 1);
        QCOMPARE(hidden.size(), 1);
        QVERIFY(!h.bar->isVisible());

        h.bar->setCloseButtonVisible(false);
        h.bar->showMessage(MessageBar::Kind::Warning, u"Rate limited."_s);
        QVERIFY(h.bar->findChild<QToolButton *>(u"messageClose"_s)->isHidden());
    }

    void animatesInAndOut()
    {
        Host h;
        h.bar->setAnimated(true);
        h.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.window));
        h.bar->showMessage(MessageBar::Kind::Information, u"Loading keys for 3 projects."_s);
        QVERIFY(h.bar->isVisible());
        QTRY_COMPARE(h.bar->maximumHeight(), QWIDGETSIZE_MAX);
        QTRY_VERIFY(h.bar->height() >= h.bar->findChild<QLabel *>(u"messageText"_s)->height());
        QSignalSpy hidden(h.bar, &MessageBar::hidden);
        h.bar->animatedHide();
        QVERIFY(h.bar->isVisible()); // still sliding out
        QVERIFY(hidden.wait(2000));
        QVERIFY(!h.bar->isVisible());
        QCOMPARE(h.bar->maximumHeight(), QWIDGETSIZE_MAX);
    }

    void tintFollowsKindAndPalette()
    {
        Host h;
        h.bar->setAnimated(false);
        QPalette palette = h.window.palette();
        palette.setColor(QPalette::Highlight, QColor(0, 0, 230));
        palette.setColor(QPalette::Window, QColor(250, 250, 250));
        h.window.setPalette(palette);
        h.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&h.window));

        h.bar->showMessage(MessageBar::Kind::Information, u"Information."_s);
        QImage info = h.bar->grab().toImage();
        const QColor infoBorder = info.pixelColor(info.width() / 2, 0);
        const QColor infoFill = info.pixelColor(info.width() / 2, info.height() - 4);
        QVERIFY2(infoBorder.blue() > infoBorder.red() + 100, qPrintable(infoBorder.name()));
        // The fill is a light wash: close to the window colour, tinted towards the accent.
        QVERIFY2(infoFill.blue() > infoFill.red(), qPrintable(infoFill.name()));
        QVERIFY2(infoFill.lightness() > 150, qPrintable(infoFill.name()));

        h.bar->showMessage(MessageBar::Kind::Error, u"Error."_s);
        QImage error = h.bar->grab().toImage();
        const QColor errorBorder = error.pixelColor(error.width() / 2, 0);
        QVERIFY2(errorBorder.red() > errorBorder.blue() + 100, qPrintable(errorBorder.name()));

        // A dark palette gives a dark fill: the text colour of that palette stays readable on it.
        palette.setColor(QPalette::Window, QColor(30, 30, 30));
        palette.setColor(QPalette::WindowText, QColor(240, 240, 240));
        h.window.setPalette(palette);
        QImage dark = h.bar->grab().toImage();
        QVERIFY(dark.pixelColor(dark.width() / 2, dark.height() - 4).lightness() < 100);
    }
};

QTEST_MAIN(TestMessageBar)
#include "tst_messagebar.moc"
