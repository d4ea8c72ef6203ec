#pragma once

#include <QIcon>

class QDialogButtonBox;

namespace aikeys {

// The main window's icons: the icon theme's (freedesktop names) where the platform has one, and
// otherwise a small built-in SVG (symbols.h). The built-in ones are vector drawings rendered at whatever size
// and device pixel ratio is asked for, only when first painted (nothing is rendered at start-up), in the
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
        Rotate,
        Export,
        CopyMasked,
        TestKey,
        SaveToFile,
    };

    static QIcon get(Icon icon);
    // The built-in drawing alone, whatever the theme has (tests, screenshots).
    static QIcon builtIn(Icon icon);
    // The freedesktop name looked up in the theme; empty for those no theme has a fitting icon for.
    static QString themeName(Icon icon);
    // The built-in drawing's name in symbols::all().
    static QString symbolName(Icon icon);
    // The application's own icon (the window's, the About dialog's).
    static QIcon appIcon();

    // Takes the style's icons off a button box's standard buttons (OK, Cancel, Save...). Some styles put
    // raster pictures there (a green tick, a red cross, a floppy disk) that clash with the icons above:
    // the app's dialogs show icons only on the buttons of their own actions, drawn like the rest.
    static void dropStandardButtonIcons(QDialogButtonBox *box);
};

} // namespace aikeys
