#pragma once

namespace aikeys {

// "Theme follows the system" (Preferences): on, the platform's own style and palette, light or
// dark as the desktop says; off, Qt's Fusion style with its light palette, whatever the desktop.
// The first call remembers the platform's look so that turning the option back on restores it.
void applyTheme(bool followSystem);

} // namespace aikeys
