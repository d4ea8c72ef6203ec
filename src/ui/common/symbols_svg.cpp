// symbols::render with Qt Svg (AIKEYS_SVG_ICONS): the SVG itself, at any size.
#include "common/symbols.h"

#include <QPainter>
#include <QSvgRenderer>

namespace aikeys::symbols {

QImage render(const QString &name, const QSize &pixelSize, const QColor &color)
{
    QByteArray data = svg(name);
    if (data.isEmpty() || pixelSize.isEmpty())
        return {};
    data.replace("COLOR", color.name(QColor::HexRgb).toLatin1());
    QImage image(pixelSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QSvgRenderer renderer(data);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setOpacity(color.alphaF());
    renderer.render(&painter);
    painter.end();
    return image;
}

} // namespace aikeys::symbols
