#pragma once

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

namespace aikeys::symbols {

// One built-in symbol: a 16x16 SVG drawing in which the word COLOR stands for its colour, and its
// name, which is also the name of its mask (resources/symbols/<name>.png) for builds without Qt Svg.
struct Symbol
{
    QString name;
    QByteArray svg;
};

// Every built-in symbol: the window icons' (WindowIcons) and the secret dialog's (SymbolIcon).
const QList<Symbol> &all();
// The SVG of the named symbol, with COLOR in it; empty for an unknown name.
QByteArray svg(const QString &name);

// Draws the named symbol at pixelSize in color, its alpha included. With Qt Svg (AIKEYS_SVG_ICONS) it
// renders the SVG; without, it scales the symbol's mask, rendered from the same SVG at a large size
// (scripts/render-symbol-masks.sh), and paints it in the colour. A null image for an unknown name.
QImage render(const QString &name, const QSize &pixelSize, const QColor &color);

// The size the masks are rendered at: six times the drawings' own, so that a 2x display's 48 pixels
// are scaled down too, never up.
inline constexpr int kMaskSize = 96;

} // namespace aikeys::symbols
