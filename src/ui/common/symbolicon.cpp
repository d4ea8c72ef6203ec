#include "common/symbolicon.h"

#include "common/symbols.h"

#include <QPixmap>
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

// The drawing's name in symbols::all().
QString symbolName(SymbolIcon::Symbol symbol)
{
    switch (symbol) {
    case SymbolIcon::Symbol::Reveal:
        return u"reveal"_s;
    case SymbolIcon::Symbol::Conceal:
        return u"conceal"_s;
    case SymbolIcon::Symbol::Copy:
        return u"secret-copy"_s;
    }
    return {};
}

} // namespace

QIcon SymbolIcon::builtIn(Symbol symbol, const QColor &color, qreal devicePixelRatio)
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48}) {
        QPixmap pixmap = QPixmap::fromImage(
            symbols::render(symbolName(symbol), QSize(size, size) * devicePixelRatio, color));
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
