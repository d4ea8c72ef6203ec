// symbols::render without Qt Svg: the symbol's mask (resources/symbols/<name>.png, rendered from the
// same SVG by scripts/render-symbol-masks.sh; tst_symbols checks that they still match) scaled down
// to the size, then painted in the colour.
#include "common/symbols.h"

#include <QImage>

using namespace Qt::StringLiterals;

namespace aikeys::symbols {

QImage render(const QString &name, const QSize &pixelSize, const QColor &color)
{
    if (svg(name).isEmpty() || pixelSize.isEmpty())
        return {};
    const QImage mask(u":/symbols/%1.png"_s.arg(name));
    if (mask.isNull())
        return {};
    const QImage coverage = mask.scaled(pixelSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                .convertToFormat(QImage::Format_ARGB32);
    // The mask's coverage, in the colour (and the colour's own alpha), pixel by pixel: the obvious
    // fill with CompositionMode_SourceIn came out unpremultiplied, too bright, from the MinGW build
    // of Qt 6.8 under Wine.
    QImage image(coverage.size(), QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < coverage.height(); ++y) {
        const auto *in = reinterpret_cast<const QRgb *>(coverage.constScanLine(y));
        auto *out = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < coverage.width(); ++x) {
            const int alpha = qAlpha(in[x]) * color.alpha() / 255;
            out[x] = qPremultiply(qRgba(color.red(), color.green(), color.blue(), alpha));
        }
    }
    return image;
}

} // namespace aikeys::symbols
