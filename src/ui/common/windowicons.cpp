#include "common/windowicons.h"

#include "common/symbols.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <aikeys/version.h>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

// Draws the symbol on demand at the size, scale and palette of the moment. Rendered pixmaps are kept
// per size, scale, mode and colour, so a palette change simply draws new ones.
class SymbolEngine final : public QIconEngine
{
public:
    explicit SymbolEngine(QString name)
        : m_name(std::move(name))
    {}

    QIconEngine *clone() const override { return new SymbolEngine(m_name); }
    QString key() const override { return u"aikeys-symbol"_s; }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        return {QSize(16, 16), QSize(22, 22), QSize(24, 24), QSize(32, 32), QSize(48, 48)};
    }
    bool isNull() override { return symbols::svg(m_name).isEmpty(); }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QColor color = colorFor(mode);
        const QString cacheKey =
            u"%1x%2@%3/%4"_s.arg(size.width()).arg(size.height()).arg(scale).arg(color.rgba());
        if (const auto it = m_cache.constFind(cacheKey); it != m_cache.cend())
            return *it;
        QPixmap pixmap = QPixmap::fromImage(symbols::render(m_name, size * scale, color));
        pixmap.setDevicePixelRatio(scale);
        if (m_cache.size() > 32)
            m_cache.clear();
        m_cache.insert(cacheKey, pixmap);
        return pixmap;
    }

private:
    static QColor colorFor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::Active, QPalette::WindowText);
    }

    QString m_name;
    QHash<QString, QPixmap> m_cache;
};

} // namespace

QString WindowIcons::symbolName(Icon icon)
{
    switch (icon) {
    case Icon::NewKey:
        return u"new-key"_s;
    case Icon::Rename:
        return u"rename"_s;
    case Icon::Delete:
        return u"delete"_s;
    case Icon::Copy:
        return u"copy"_s;
    case Icon::Refresh:
        return u"refresh"_s;
    case Icon::Stop:
        return u"stop"_s;
    case Icon::Organization:
        return u"organization"_s;
    case Icon::Project:
        return u"project"_s;
    case Icon::OtherProjects:
        return u"other-projects"_s;
    case Icon::SignOut:
        return u"sign-out"_s;
    case Icon::Profiles:
        return u"profiles"_s;
    case Icon::Preferences:
        return u"preferences"_s;
    case Icon::Help:
        return u"help"_s;
    case Icon::Filter:
        return u"filter"_s;
    case Icon::Rotate:
        return u"rotate"_s;
    case Icon::Export:
        return u"export"_s;
    case Icon::CopyMasked:
        return u"copy-masked"_s;
    case Icon::TestKey:
        return u"test-key"_s;
    case Icon::SaveToFile:
        return u"save-to-file"_s;
    }
    return {};
}

QString WindowIcons::themeName(Icon icon)
{
    switch (icon) {
    case Icon::NewKey:
        return u"list-add"_s;
    case Icon::Rename:
        return u"edit-rename"_s;
    case Icon::Delete:
        return u"edit-delete"_s;
    case Icon::Copy:
        return u"edit-copy"_s;
    case Icon::Refresh:
        return u"view-refresh"_s;
    case Icon::Stop:
        return u"process-stop"_s;
    case Icon::Organization:
        return u"network-workgroup"_s;
    case Icon::Project:
        return u"folder"_s;
    case Icon::OtherProjects:
        return u"folder-remote"_s;
    case Icon::SignOut:
        return u"system-log-out"_s;
    case Icon::Profiles:
        return u"system-users"_s;
    case Icon::Preferences:
        return u"preferences-system"_s;
    case Icon::Help:
        return u"help-contents"_s;
    case Icon::Filter:
        return u"edit-find"_s;
    case Icon::Export:
        return u"document-export"_s;
    case Icon::SaveToFile:
        return u"document-save-as"_s;
    case Icon::Rotate:     // themes' rotate icons turn pictures, not keys
    case Icon::CopyMasked: // edit-copy would not tell it from Copy Key ID
    case Icon::TestKey:
        return {};
    }
    return {};
}

void WindowIcons::dropStandardButtonIcons(QDialogButtonBox *box)
{
    if (!box)
        return;
    const QList<QAbstractButton *> buttons = box->buttons();
    for (QAbstractButton *button : buttons) {
        if (box->standardButton(button) != QDialogButtonBox::NoButton)
            button->setIcon(QIcon());
    }
}

QIcon WindowIcons::builtIn(Icon icon)
{
    return QIcon(new SymbolEngine(symbolName(icon)));
}

QIcon WindowIcons::appIcon()
{
#ifdef AIKEYS_SVG_ICONS
    return QIcon(u":/icons/%1.svg"_s.arg(QString::fromLatin1(AIKEYS_APP_ID)));
#else
    // Without Qt Svg: the renderings of the same SVG that the Linux packages install.
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/%1x%1/%2.png"_s.arg(size).arg(QString::fromLatin1(AIKEYS_APP_ID)));
    return icon;
#endif
}

QIcon WindowIcons::get(Icon icon)
{
    const QString name = themeName(icon);
    if (!name.isEmpty() && QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return builtIn(icon);
}

} // namespace aikeys
