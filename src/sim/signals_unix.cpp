#include "signals.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace aikeys::sim {

namespace {

int g_pipe[2] = {-1, -1};

// Only async-signal-safe work here: one byte into the self-pipe; the event loop does the rest.
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &byte, 1);
}

} // namespace

bool quitOnTerminationSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, notifier] {
        char byte = 0;
        [[maybe_unused]] const ssize_t n = ::read(g_pipe[0], &byte, 1);
        notifier->setEnabled(false);
        app.quit();
    });

    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}

bool quitWithParent(QCoreApplication &app)
{
    bool watching = false;
#if defined(Q_OS_LINUX)
    // The kernel sends SIGTERM when the parent ends (strictly: the parent's thread that started us; a
    // QProcess started from the main thread, as the app's demo mode does, is the process's life).
    if (::prctl(PR_SET_PDEATHSIG, SIGTERM) == 0)
        watching = true;
#endif
    // The portable way, which also covers a parent that died before prctl() above: the write end of
    // our standard input is the parent's, and closes with it. Only a pipe or a socket says anything
    // (a terminal or /dev/null would end at once or never).
    struct stat st = {};
    if (::fstat(STDIN_FILENO, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))) {
        auto *notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, notifier] {
            char buffer[512];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN)))
                return; // whatever the parent writes is ignored
            notifier->setEnabled(false);
            app.quit();
        });
        watching = true;
    }
    return watching;
}

} // namespace aikeys::sim
