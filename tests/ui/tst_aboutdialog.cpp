// The About dialog: product, versions, licence, application id, icon and the manual's link.
#include "aboutdialog.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

#include <aikeys/version.h>

using namespace Qt::StringLiterals;
using namespace aikeys;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldHaveDefaultValues()
    {
        AboutDialog d;
        const auto label = [&d](const char *name) {
            return d.findChild<QLabel *>(QString::fromLatin1(name));
        };
        QVERIFY(label("productLabel") && label("versionLabel") && label("qtVersionLabel") &&
                label("keychainVersionLabel") && label("appIdLabel") && label("licenseLabel") &&
                label("manualLabel") && label("iconLabel"));
        QCOMPARE(d.windowTitle(), u"About Atlas AI Keys"_s);
        QCOMPARE(label("productLabel")->text(), u"Atlas AI Keys"_s);
        QCOMPARE(label("versionLabel")->text(), u"Version "_s + QString::fromLatin1(AIKEYS_VERSION));
        QVERIFY(label("qtVersionLabel")->text().startsWith(QString::fromLatin1(qVersion())));
        QCOMPARE(label("keychainVersionLabel")->text(), QString::fromLatin1(AIKEYS_QT_KEYCHAIN_VERSION));
        QVERIFY(!label("keychainVersionLabel")->text().isEmpty());
        QCOMPARE(label("appIdLabel")->text(), u"io.github.atlasaikeys.AtlasAiKeys"_s);
        QVERIFY(label("licenseLabel")->text().contains(u"MIT"_s));
        QVERIFY(label("licenseLabel")->text().contains(u"LICENSE"_s));
        // The icon from the resources, not an empty pixmap.
        QVERIFY(!label("iconLabel")->pixmap().isNull());
        QVERIFY(label("iconLabel")->pixmap().width() >= 64);
        // The manual: the repository's README, opened in the browser.
        QLabel *manual = label("manualLabel");
        QVERIFY(manual->openExternalLinks());
        QVERIFY(manual->text().contains(AboutDialog::manualUrl().toString(QUrl::FullyEncoded)));
        QCOMPARE(AboutDialog::manualUrl().scheme(), u"https"_s);
        QCOMPARE(AboutDialog::manualUrl().host(), u"github.com"_s);
        QCOMPARE(AboutDialog::manualUrl().fragment(), u"readme"_s);
        auto *close = d.findChild<QPushButton *>(u"closeButton"_s);
        QVERIFY(close);
        QVERIFY(!close->accessibleName().isEmpty());
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));
    }

    void versionTexts()
    {
        QCOMPARE(AboutDialog::keychainVersionText(), QString::fromLatin1(AIKEYS_QT_KEYCHAIN_VERSION));
        QVERIFY(AboutDialog::qtVersionText().contains(QString::fromLatin1(qVersion())));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
