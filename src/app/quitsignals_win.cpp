#include "quitsignals.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <atomic>
#include <windows.h>

namespace aikeys::app {

namespace {

std::function<void()> g_onQuit;
std::atomic<bool> g_received{false};

// Runs on a thread the system creates: the quit itself is handed to the event loop's thread. A GUI
// application started from a console (or given one) gets these; one without a console never does.
BOOL WINAPI onConsoleEvent(DWORD type)
{
    switch (type) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        if (g_received.exchange(true))
            return FALSE; // the second one: the default handler ends the process
        if (QCoreApplication *app = QCoreApplication::instance())
            QMetaObject::invokeMethod(
                app, [] { g_onQuit(); }, Qt::QueuedConnection);
        return TRUE;
    default:
        return FALSE;
    }
}

} // namespace

bool handleQuitSignals(std::function<void()> onQuit)
{
    g_onQuit = std::move(onQuit);
    return SetConsoleCtrlHandler(onConsoleEvent, TRUE) != 0;
}

} // namespace aikeys::app
