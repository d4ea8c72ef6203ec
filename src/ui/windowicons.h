#pragma once

#include <QIcon>

namespace aikeys {

// The main window's icons: the icon theme's (freedesktop names) where the platform has one, and
// otherwise a small built-in SVG. The built-in ones are vector drawings rendered at whatever size and
// device pixel ratio is asked for, only when first painted (nothing is rendered at start-up), in the
// application palette's text colour of the moment, so they follow a light or dark palette and a
// palette change without being created again.
class WindowIcons
{
public:
    enum class Icon {
        NewKey,
        Rename,
        Delete,
        Copy,
        Refresh,
        Stop,
        Organization,
        Project,
        OtherProjects,
        SignOut,
        Profiles,
        Preferences,
        Help,
        Filter,
    };

    static QIcon get(Icon icon);
    // The built-in drawing alone, whatever the theme has (tests, screenshots).
    static QIcon builtIn(Icon icon);
    // The freedesktop name looked up in the theme.
    static QString themeName(Icon icon);
};

} // namespace aikeys
