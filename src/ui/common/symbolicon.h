#pragma once

#include <QIcon>

class QWidget;

namespace aikeys {

// Icons for the few actions whose freedesktop names many themes lack (and that Windows and macOS,
// which have no icon theme, never have): the theme's icon when there is one, otherwise a small
// built-in SVG drawn in the widget's ButtonText colour, so it follows a dark or light palette.
class SymbolIcon
{
public:
    enum class Symbol { Reveal, Conceal, Copy };

    static QIcon get(Symbol symbol, const QWidget *widget);
    // The SVG alone, ignoring the theme (for tests, and for platforms that need it).
    static QIcon builtIn(Symbol symbol, const QColor &color, qreal devicePixelRatio = 1.0);
};

} // namespace aikeys
