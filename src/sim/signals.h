#pragma once

class QCoreApplication;

namespace aikeys::sim {

// Makes SIGINT/SIGTERM (Unix) or Ctrl+C / console close (Windows) end the event loop, so that main()
// can flush the state file and exit 0 instead of dying mid-write.
bool quitOnTerminationSignals(QCoreApplication &app);

} // namespace aikeys::sim
