#pragma once

class QCoreApplication;

namespace aikeys::sim {

// Makes SIGINT/SIGTERM (Unix) or Ctrl+C / console close (Windows) end the event loop, so that main()
// can flush the state file and exit 0 instead of dying mid-write.
bool quitOnTerminationSignals(QCoreApplication &app);

// --exit-with-parent: ends the event loop the same way once the process that started this one is
// gone, however it ended (kill -9 included). Two mechanisms, either one enough:
//   - every platform: end of file on standard input, when standard input is a pipe (QProcess gives
//     its child one by default; its write end closes when the parent process ends);
//   - Linux: prctl(PR_SET_PDEATHSIG, SIGTERM), which quitOnTerminationSignals() turns into a clean
//     stop (call that first).
// Returns false when neither could be set up (standard input is not a pipe, and not on Linux).
bool quitWithParent(QCoreApplication &app);

} // namespace aikeys::sim
