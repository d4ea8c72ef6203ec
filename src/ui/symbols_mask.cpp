// symbols::render without Qt Svg: the symbol's mask (resources/symbols/<name>.png, rendered from the
// same SVG by scripts/render-symbol-masks.sh; tst_symbols checks that they still match) scaled down
// to the size, then painted in the colour.
#include "symbols.h"

#include <QPainter>

using namespace Qt::StringLiterals;

namespace aikeys::symbols {

QImage render(const QString &name, const QSize &pixelSize, const QColor &color)
{
    if (svg(name).isEmpty() || pixelSize.isEmpty())
        return {};
    const QImage mask(u":/symbols/%1.png"_s.arg(name));
    if (mask.isNull())
        return {};
    QImage image = mask.scaled(pixelSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                       .convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    // The mask's coverage, in the colour (and the colour's own alpha).
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(image.rect(), color);
    painter.end();
    return image;
}

} // namespace aikeys::symbols
