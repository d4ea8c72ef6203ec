#pragma once

#include <functional>

namespace aikeys::app {

// Makes the signals that ask a process to end (SIGTERM, SIGINT, SIGHUP on Unix; Ctrl+C, Ctrl+Break
// and console close on Windows) run onQuit from the event loop, instead of killing the process on
// the spot: a killed app would leave the demo simulator running, the clipboard holding a secret and
// the window's layout unsaved. A second signal while the first is being handled ends the process
// the default way, so a stuck quit can still be interrupted. One implementation per platform
// (quitsignals_unix.cpp, quitsignals_win.cpp). Call once, after the application object exists.
bool handleQuitSignals(std::function<void()> onQuit);

} // namespace aikeys::app
