// The About dialog: product, versions, licence, application id, icon and the manual's link, and
// where Help > Manual finds the README installed with the program.
#include "window/aboutdialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
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
        // The manual: an installed README.md, or the repository's README; opened by the system.
        QLabel *manual = label("manualLabel");
        QVERIFY(manual->openExternalLinks());
        QVERIFY(
            manual->text().contains(AboutDialog::manualUrl().toString(QUrl::FullyEncoded).toHtmlEscaped()));
        auto *close = d.findChild<QPushButton *>(u"closeButton"_s);
        QVERIFY(close);
        QVERIFY(!close->accessibleName().isEmpty());
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(!d.isVisible());
        QCOMPARE(d.result(), int(QDialog::Rejected));
    }

    void manualFallsBackToTheProjectPage()
    {
        const QUrl online = AboutDialog::onlineManualUrl();
        QCOMPARE(online.scheme(), u"https"_s);
        QCOMPARE(online.host(), u"github.com"_s);
        QCOMPARE(online.fragment(), u"readme"_s);
        // The test runs from the build tree, where no README.md is installed beside it.
        QVERIFY(AboutDialog::localManual(QCoreApplication::applicationDirPath()).isEmpty());
        QCOMPARE(AboutDialog::manualUrl(), online);
        QVERIFY(AboutDialog::localManual(QString()).isEmpty());
    }

    void manualFoundWherePackagesInstallIt_data()
    {
        QTest::addColumn<QString>("executableDir"); // relative to a temporary install root
        QTest::addColumn<QString>("readme");        // where the package put README.md, or ""

        QTest::newRow("linux") << u"usr/bin"_s << u"usr/share/doc/atlas-ai-keys/README.md"_s;
        QTest::newRow("appimage-or-flatpak") << u"app/bin"_s << u"app/share/doc/atlas-ai-keys/README.md"_s;
        QTest::newRow("windows") << u"Atlas AI Keys/bin"_s << u"Atlas AI Keys/bin/README.md"_s;
        QTest::newRow("macos") << u"atlas-ai-keys.app/Contents/MacOS"_s
                               << u"atlas-ai-keys.app/Contents/Resources/README.md"_s;
        QTest::newRow("none") << u"usr/bin"_s << QString();
        QTest::newRow("a folder is not a file")
            << u"usr/bin"_s << u"usr/share/doc/atlas-ai-keys/README.md/"_s;
    }

    void manualFoundWherePackagesInstallIt()
    {
        QFETCH(QString, executableDir);
        QFETCH(QString, readme);
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QDir dir(root.path());
        QVERIFY(dir.mkpath(executableDir));
        // A decoy that must never be taken for the manual: a README beside the install root.
        QFile decoy(dir.filePath(u"README.md"_s));
        QVERIFY(decoy.open(QIODevice::WriteOnly));
        decoy.close();

        QString expected;
        if (readme.endsWith(u'/')) {
            QVERIFY(dir.mkpath(readme));
        } else if (!readme.isEmpty()) {
            QVERIFY(dir.mkpath(QFileInfo(dir.filePath(readme)).path()));
            QFile f(dir.filePath(readme));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.write("# Atlas AI Keys\n") > 0);
            f.close();
            expected = QFileInfo(f.fileName()).absoluteFilePath();
        }
        const QString appDir = dir.filePath(executableDir);
        QCOMPARE(AboutDialog::localManual(appDir), expected);
        for (const QString &candidate : AboutDialog::localManualCandidates(appDir)) {
            QVERIFY2(QDir::isAbsolutePath(candidate), qPrintable(candidate));
            QVERIFY2(candidate.startsWith(root.path()), qPrintable(candidate));
        }
        if (!expected.isEmpty())
            QVERIFY(AboutDialog::localManualCandidates(appDir).contains(expected));
    }

    void versionTexts()
    {
        QCOMPARE(AboutDialog::keychainVersionText(), QString::fromLatin1(AIKEYS_QT_KEYCHAIN_VERSION));
        QVERIFY(AboutDialog::qtVersionText().contains(QString::fromLatin1(qVersion())));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
