#include "signals.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <windows.h>

namespace aikeys::sim {

namespace {

QCoreApplication *g_app = nullptr;

// Runs on a thread the system creates: hand the quit to the event loop's thread.
BOOL WINAPI onConsoleEvent(DWORD type)
{
    switch (type) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        if (g_app)
            QMetaObject::invokeMethod(g_app, &QCoreApplication::quit, Qt::QueuedConnection);
        return TRUE;
    default:
        return FALSE;
    }
}

} // namespace

bool quitOnTerminationSignals(QCoreApplication &app)
{
    g_app = &app;
    return SetConsoleCtrlHandler(onConsoleEvent, TRUE) != 0;
}

} // namespace aikeys::sim
