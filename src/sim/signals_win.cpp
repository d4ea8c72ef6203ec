#include "signals.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <atomic>
#include <thread>
#include <windows.h>

namespace aikeys::sim {

namespace {

std::atomic<QCoreApplication *> g_app{nullptr};

void postQuit()
{
    if (QCoreApplication *app = g_app.load())
        QMetaObject::invokeMethod(app, &QCoreApplication::quit, Qt::QueuedConnection);
}

// Runs on a thread the system creates: hand the quit to the event loop's thread.
BOOL WINAPI onConsoleEvent(DWORD type)
{
    switch (type) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
    case CTRL_CLOSE_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        postQuit();
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

bool quitWithParent(QCoreApplication &app)
{
    // Standard input is a pipe whose write end the parent holds (QProcess's default): when the parent
    // ends, however it ends, ReadFile fails with ERROR_BROKEN_PIPE. Anonymous pipes cannot be waited on
    // with the event loop, so a thread of its own blocks on them; it is left to end with the process.
    const HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
    if (input == nullptr || input == INVALID_HANDLE_VALUE || GetFileType(input) != FILE_TYPE_PIPE)
        return false;
    g_app = &app;
    std::thread([input] {
        char buffer[512];
        DWORD read = 0;
        while (ReadFile(input, buffer, sizeof buffer, &read, nullptr) && read > 0) {
        }
        postQuit();
    }).detach();
    return true;
}

} // namespace aikeys::sim
