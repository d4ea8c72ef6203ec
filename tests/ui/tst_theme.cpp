#include "common/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QTest>

using namespace aikeys;

class TestTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheSystemOrNot()
    {
        // Stand-in for a desktop in dark mode: what the platform gave the application at start.
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        dark.setColor(QPalette::Base, QColor(20, 20, 20));
        QApplication::setPalette(dark);
        const QString platformStyle = QApplication::style()->name();

        applyTheme(true);
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(30, 30, 30));

        applyTheme(false);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QCOMPARE(QApplication::palette().color(QPalette::Window),
                 QApplication::style()->standardPalette().color(QPalette::Window));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 128);

        applyTheme(true);
        QCOMPARE(QApplication::style()->name(), platformStyle);
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(30, 30, 30));
        QCOMPARE(QApplication::palette().color(QPalette::Base), QColor(20, 20, 20));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
