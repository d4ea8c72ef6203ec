#include "common/symbolicon.h"
#include "common/symbols.h"
#include "common/windowicons.h"

#include <QApplication>
#include <QSet>
#include <QTest>

#include <cstdlib>

using namespace aikeys;
using namespace Qt::StringLiterals;

class TestSymbols : public QObject
{
    Q_OBJECT

private:
    // Pixels with any coverage, and whether every one of them has the colour's hue (else the first
    // that has not, in *wrong).
    static int coveredPixels(const QImage &image, const QColor &color, bool *onlyThatColour,
                             QString *wrong = nullptr)
    {
        const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
        int covered = 0;
        *onlyThatColour = true;
        for (int y = 0; y < argb.height(); ++y) {
            for (int x = 0; x < argb.width(); ++x) {
                const QColor pixel = QColor::fromRgba(argb.pixel(x, y));
                if (pixel.alpha() == 0)
                    continue;
                ++covered;
                if (pixel.alpha() > 64 &&
                    (std::abs(pixel.red() - color.red()) > 8 || std::abs(pixel.green() - color.green()) > 8 ||
                     std::abs(pixel.blue() - color.blue()) > 8) &&
                    *onlyThatColour) {
                    *onlyThatColour = false;
                    if (wrong)
                        *wrong = u"%1 at (%2, %3) in %4 image format %5"_s.arg(pixel.name(QColor::HexArgb))
                                     .arg(x)
                                     .arg(y)
                                     .arg(image.width())
                                     .arg(int(image.format()));
                }
            }
        }
        return covered;
    }

private Q_SLOTS:
    void everyIconHasADrawing()
    {
        QSet<QString> names;
        for (const symbols::Symbol &symbol : symbols::all()) {
            QVERIFY2(!names.contains(symbol.name), qPrintable(symbol.name));
            names.insert(symbol.name);
            QVERIFY(symbol.svg.startsWith("<svg"));
            QVERIFY(symbol.svg.contains("COLOR"));
        }
        for (int i = 0; i <= int(WindowIcons::Icon::SaveToFile); ++i) {
            const QString name = WindowIcons::symbolName(WindowIcons::Icon(i));
            QVERIFY2(names.contains(name), qPrintable(u"icon %1: %2"_s.arg(i).arg(name)));
            QVERIFY(!WindowIcons::builtIn(WindowIcons::Icon(i)).isNull());
        }
        QCOMPARE(symbols::svg(u"no-such-symbol"_s), QByteArray());
        QVERIFY(symbols::render(u"no-such-symbol"_s, QSize(16, 16), Qt::black).isNull());
    }

    void drawsInTheColourAskedFor_data()
    {
        QTest::addColumn<QString>("name");
        for (const symbols::Symbol &symbol : symbols::all())
            QTest::newRow(qPrintable(symbol.name)) << symbol.name;
    }

    void drawsInTheColourAskedFor()
    {
        QFETCH(QString, name);
        for (const QColor &color : {QColor(200, 30, 30), QColor(240, 240, 240)}) {
            for (const int size : {16, 24, 48}) {
                const QImage image = symbols::render(name, QSize(size, size), color);
                QCOMPARE(image.size(), QSize(size, size));
                bool onlyThatColour = false;
                QString wrong;
                const int covered = coveredPixels(image, color, &onlyThatColour, &wrong);
                // An outline: some pixels, far from all of them.
                QVERIFY2(covered > size, qPrintable(u"%1 px at %2"_s.arg(covered).arg(size)));
                QVERIFY2(covered < size * size * 3 / 4, qPrintable(u"%1 px at %2"_s.arg(covered).arg(size)));
                QVERIFY2(onlyThatColour, qPrintable(color.name() + u": "_s + wrong));
            }
        }
    }

    void secretDialogSymbolsAreDrawn()
    {
        const QIcon icon = SymbolIcon::builtIn(SymbolIcon::Symbol::Reveal, QColor(10, 120, 10));
        QVERIFY(!icon.isNull());
        bool onlyThatColour = false;
        QVERIFY(coveredPixels(icon.pixmap(QSize(24, 24)).toImage(), QColor(10, 120, 10), &onlyThatColour) >
                24);
        QVERIFY(onlyThatColour);
    }

    void appIconLoads()
    {
        const QIcon icon = WindowIcons::appIcon();
        QVERIFY(!icon.isNull());
        const QImage image = icon.pixmap(QSize(64, 64)).toImage();
        QCOMPARE(image.size(), QSize(64, 64));
        bool ignored = false;
        QVERIFY(coveredPixels(image, Qt::black, &ignored) > 64 * 64 / 4);
    }

#ifdef AIKEYS_SYMBOL_MASK_DIR
    // The masks that builds without Qt Svg draw from must still be the SVGs' renderings:
    // scripts/render-symbol-masks.sh makes them again after a drawing changes. Another Qt version
    // may anti-alias an edge pixel differently, hence a tolerance far below a changed line.
    void masksMatchTheDrawings_data()
    {
        drawsInTheColourAskedFor_data();
    }
    void masksMatchTheDrawings()
    {
        QFETCH(QString, name);
        const QString path = QStringLiteral(AIKEYS_SYMBOL_MASK_DIR) + u'/' + name + u".png"_s;
        const QImage mask(path);
        QVERIFY2(!mask.isNull(), qPrintable(path + u" is missing: run scripts/render-symbol-masks.sh"_s));
        const QImage fresh = symbols::render(name, QSize(symbols::kMaskSize, symbols::kMaskSize), Qt::black)
                                 .convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(mask.size(), fresh.size());
        const QImage committed = mask.convertToFormat(QImage::Format_ARGB32);
        int differing = 0;
        for (int y = 0; y < fresh.height(); ++y) {
            for (int x = 0; x < fresh.width(); ++x) {
                if (std::abs(qAlpha(fresh.pixel(x, y)) - qAlpha(committed.pixel(x, y))) > 48)
                    ++differing;
            }
        }
        QVERIFY2(
            differing <= 12,
            qPrintable(
                u"%1 pixels differ from %2: run scripts/render-symbol-masks.sh"_s.arg(differing).arg(path)));
    }
#endif
};

QTEST_MAIN(TestSymbols)
#include "tst_symbols.moc"
