#include "common/theme.h"

#include <QApplication>
#include <QPalette>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
struct PlatformLook
{
    QString styleName;
    QPalette palette;
    bool captured = false;
};

PlatformLook &platformLook()
{
    static PlatformLook look;
    if (!look.captured) {
        look.styleName = QApplication::style()->name();
        look.palette = QApplication::palette();
        look.captured = true;
    }
    return look;
}
} // namespace

void applyTheme(bool followSystem)
{
    const PlatformLook &look = platformLook();
    const QString wanted = followSystem ? look.styleName : u"fusion"_s;
    if (QApplication::style()->name().compare(wanted, Qt::CaseInsensitive) != 0) {
        if (QStyle *style = QStyleFactory::create(wanted))
            QApplication::setStyle(style);
    }
    QApplication::setPalette(followSystem ? look.palette : QApplication::style()->standardPalette());
}

} // namespace aikeys
