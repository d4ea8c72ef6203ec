#include "platform/terminal.h"
#include "security/secretbuffer.h"

#include <QSocketNotifier>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace aikeys {

namespace {

// Written by the signal handler, read by the notifier: the self-pipe trick, since a handler may
// call nothing but async-signal-safe functions.
int g_pipe[2] = {-1, -1};
volatile std::sig_atomic_t g_interruptCount = 0;
struct sigaction g_previous;
std::atomic<bool> g_active{false};

extern "C" void onInterrupt(int signo)
{
    const int savedErrno = errno;
    if (g_interruptCount > 0) {
        // The user insists: let the default action end the process.
        ::signal(signo, SIG_DFL);
        ::raise(signo);
        errno = savedErrno;
        return;
    }
    g_interruptCount = 1;
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &byte, 1);
    errno = savedErrno;
}

bool isTerminal(int fd)
{
    return ::isatty(fd) == 1;
}

void writePrompt(const QString &prompt)
{
    if (prompt.isEmpty())
        return;
    const QByteArray bytes = prompt.toUtf8();
    std::fflush(stdout);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

// Reads up to a newline straight from the descriptor (not stdio) so that an interrupted read
// returns at once instead of being retried inside the C library.
std::optional<QByteArray> readRawLine()
{
    QByteArray line;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(STDIN_FILENO, &c, 1);
        if (n < 0) {
            if (errno == EINTR && !InterruptNotifier::wasInterrupted())
                continue;
            SecretBuffer::wipeBytes(line);
            return std::nullopt;
        }
        if (n == 0) {
            if (line.isEmpty())
                return std::nullopt;
            break;
        }
        if (c == '\n')
            break;
        line.append(c);
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

bool stdinIsTerminal()
{
    return isTerminal(STDIN_FILENO);
}

bool stdoutIsTerminal()
{
    return isTerminal(STDOUT_FILENO);
}

bool stderrIsTerminal()
{
    return isTerminal(STDERR_FILENO);
}

void prepareStandardStreams()
{}

std::optional<QString> readLine(const QString &prompt)
{
    writePrompt(prompt);
    std::optional<QByteArray> line = readRawLine();
    if (!line)
        return std::nullopt;
    return QString::fromUtf8(*line);
}

std::optional<QByteArray> readLineNoEcho(const QString &prompt)
{
    writePrompt(prompt);
    termios saved{};
    const bool terminal = stdinIsTerminal() && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= tcflag_t(ECHONL);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::optional<QByteArray> line = readRawLine();
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        if (!line)
            writePrompt(QStringLiteral("\n"));
    }
    return line;
}

struct InterruptNotifier::Private
{
    QSocketNotifier *notifier = nullptr;
    bool active = false;
};

InterruptNotifier::InterruptNotifier(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    bool expected = false;
    if (!g_active.compare_exchange_strong(expected, true))
        return;
    if (::pipe(g_pipe) != 0) {
        g_active = false;
        return;
    }
    for (int fd : g_pipe) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    g_interruptCount = 0;

    d->notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(d->notifier, &QSocketNotifier::activated, this, [this] {
        char buffer[16];
        while (::read(g_pipe[0], buffer, sizeof buffer) > 0) {
        }
        Q_EMIT interrupted();
    });

    struct sigaction action
    {
    };
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    // No SA_RESTART: a blocking read of a prompt's answer must return when Ctrl+C is pressed.
    action.sa_flags = 0;
    if (::sigaction(SIGINT, &action, &g_previous) != 0) {
        delete d->notifier;
        d->notifier = nullptr;
        ::close(g_pipe[0]);
        ::close(g_pipe[1]);
        g_pipe[0] = g_pipe[1] = -1;
        g_active = false;
        return;
    }
    d->active = true;
}

InterruptNotifier::~InterruptNotifier()
{
    if (!d->active)
        return;
    ::sigaction(SIGINT, &g_previous, nullptr);
    delete d->notifier;
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
    g_active = false;
}

bool InterruptNotifier::isActive() const
{
    return d->active;
}

bool InterruptNotifier::wasInterrupted()
{
    return g_interruptCount > 0;
}

} // namespace aikeys
