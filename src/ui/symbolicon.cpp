#include "symbolicon.h"

#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

QString themeName(SymbolIcon::Symbol symbol)
{
    switch (symbol) {
    case SymbolIcon::Symbol::Reveal:
        return u"view-visible"_s;
    case SymbolIcon::Symbol::Conceal:
        return u"view-hidden"_s;
    case SymbolIcon::Symbol::Copy:
        return u"edit-copy"_s;
    }
    return {};
}

// 16x16 outlines; COLOR is replaced by the palette's colour.
QByteArray svgFor(SymbolIcon::Symbol symbol)
{
    const QByteArray eye =
        "<path d=\"M1.2 8C2.9 4.9 5.3 3.3 8 3.3S13.1 4.9 14.8 8C13.1 11.1 10.7 12.7 8 12.7S2.9 "
        "11.1 1.2 8Z\" fill=\"none\" stroke=\"COLOR\" stroke-width=\"1.3\" "
        "stroke-linejoin=\"round\"/><circle cx=\"8\" cy=\"8\" r=\"2.3\" fill=\"COLOR\"/>";
    QByteArray body;
    switch (symbol) {
    case SymbolIcon::Symbol::Reveal:
        body = eye;
        break;
    case SymbolIcon::Symbol::Conceal:
        body = eye +
               "<path d=\"M2.5 14L13.5 2\" stroke=\"COLOR\" stroke-width=\"1.4\" stroke-linecap=\"round\"/>";
        break;
    case SymbolIcon::Symbol::Copy:
        body = "<rect x=\"5.5\" y=\"5.5\" width=\"8\" height=\"9\" rx=\"1\" fill=\"none\" stroke=\"COLOR\" "
               "stroke-width=\"1.2\"/><path d=\"M10.5 3.5V2.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v8a1 1 0 0 0 1 "
               "1h1\" fill=\"none\" stroke=\"COLOR\" stroke-width=\"1.2\"/>";
        break;
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\">" +
           body + "</svg>";
}

} // namespace

QIcon SymbolIcon::builtIn(Symbol symbol, const QColor &color, qreal devicePixelRatio)
{
    QByteArray svg = svgFor(symbol);
    svg.replace("COLOR", color.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(svg);
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48}) {
        QPixmap pixmap(QSize(size, size) * devicePixelRatio);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        pixmap.setDevicePixelRatio(devicePixelRatio);
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon SymbolIcon::get(Symbol symbol, const QWidget *widget)
{
    const QIcon themed = QIcon::fromTheme(themeName(symbol));
    if (!themed.isNull())
        return themed;
    const QColor color = widget ? widget->palette().color(QPalette::ButtonText) : QColor(Qt::black);
    return builtIn(symbol, color, widget ? widget->devicePixelRatioF() : 1.0);
}

} // namespace aikeys
