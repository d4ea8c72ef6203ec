#include "platform/terminal.h"
#include "security/secretbuffer.h"

#include <QWinEventNotifier>

#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <atomic>
#include <cstdio>
#include <fcntl.h>
#include <io.h>
#include <string>
#include <windows.h>

namespace aikeys {

namespace {

// The console control handler runs on a thread of its own: it only sets an event, which the
// notifier turns into a signal on the thread that owns the notifier.
HANDLE g_event = nullptr;
std::atomic<int> g_interruptCount{0};
std::atomic<bool> g_active{false};

BOOL WINAPI onConsoleControl(DWORD type)
{
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT)
        return FALSE;
    // The user insists: let the next handler (the default one ends the process) have it.
    if (g_interruptCount.fetch_add(1) > 0)
        return FALSE;
    if (g_event)
        SetEvent(g_event);
    return TRUE;
}

bool isConsole(DWORD which)
{
    HANDLE h = GetStdHandle(which);
    if (h == nullptr || h == INVALID_HANDLE_VALUE)
        return false;
    DWORD mode = 0;
    return GetConsoleMode(h, &mode) != 0;
}

void writePrompt(const QString &prompt)
{
    if (prompt.isEmpty())
        return;
    std::fflush(stdout);
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    DWORD mode = 0;
    if (err != nullptr && err != INVALID_HANDLE_VALUE && GetConsoleMode(err, &mode)) {
        DWORD written = 0;
        WriteConsoleW(err, reinterpret_cast<const wchar_t *>(prompt.utf16()), DWORD(prompt.size()), &written,
                      nullptr);
        return;
    }
    const QByteArray bytes = prompt.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void wipeWide(std::wstring &text)
{
    volatile wchar_t *p = text.data();
    for (size_t i = 0; i < text.size(); ++i)
        p[i] = 0;
    text.clear();
}

// A console is read as UTF-16 (ReadConsoleW), anything else as bytes up to a newline.
std::optional<QByteArray> readRawLine()
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    if (in == nullptr || in == INVALID_HANDLE_VALUE)
        return std::nullopt;
    DWORD mode = 0;
    if (GetConsoleMode(in, &mode)) {
        std::wstring line;
        for (;;) {
            wchar_t c = 0;
            DWORD read = 0;
            if (!ReadConsoleW(in, &c, 1, &read, nullptr) || read == 0 ||
                InterruptNotifier::wasInterrupted()) {
                wipeWide(line);
                return std::nullopt;
            }
            if (c == L'\n')
                break;
            if (c != L'\r')
                line.push_back(c);
        }
        QString text = QString::fromWCharArray(line.data(), qsizetype(line.size()));
        wipeWide(line);
        QByteArray bytes = text.toUtf8();
        SecretBuffer::wipeString(text);
        return bytes;
    }
    QByteArray line;
    for (;;) {
        char c = 0;
        DWORD read = 0;
        if (!ReadFile(in, &c, 1, &read, nullptr) || InterruptNotifier::wasInterrupted()) {
            SecretBuffer::wipeBytes(line);
            return std::nullopt;
        }
        if (read == 0) {
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
    return isConsole(STD_INPUT_HANDLE);
}

bool stdoutIsTerminal()
{
    return isConsole(STD_OUTPUT_HANDLE);
}

bool stderrIsTerminal()
{
    return isConsole(STD_ERROR_HANDLE);
}

void prepareStandardStreams()
{
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
    SetConsoleOutputCP(CP_UTF8);
}

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
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    DWORD saved = 0;
    const bool console = in != nullptr && in != INVALID_HANDLE_VALUE && GetConsoleMode(in, &saved);
    if (console)
        SetConsoleMode(in, saved & ~DWORD(ENABLE_ECHO_INPUT));
    std::optional<QByteArray> line = readRawLine();
    if (console) {
        SetConsoleMode(in, saved);
        // The Enter key was not echoed either.
        writePrompt(QStringLiteral("\n"));
    }
    return line;
}

struct InterruptNotifier::Private
{
    QWinEventNotifier *notifier = nullptr;
    bool active = false;
};

InterruptNotifier::InterruptNotifier(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    bool expected = false;
    if (!g_active.compare_exchange_strong(expected, true))
        return;
    g_event = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    if (!g_event) {
        g_active = false;
        return;
    }
    g_interruptCount = 0;
    d->notifier = new QWinEventNotifier(g_event, this);
    connect(d->notifier, &QWinEventNotifier::activated, this, [this] {
        ResetEvent(g_event);
        Q_EMIT interrupted();
    });
    if (!SetConsoleCtrlHandler(onConsoleControl, TRUE)) {
        delete d->notifier;
        d->notifier = nullptr;
        CloseHandle(g_event);
        g_event = nullptr;
        g_active = false;
        return;
    }
    d->active = true;
}

InterruptNotifier::~InterruptNotifier()
{
    if (!d->active)
        return;
    SetConsoleCtrlHandler(onConsoleControl, FALSE);
    delete d->notifier;
    HANDLE event = g_event;
    g_event = nullptr;
    CloseHandle(event);
    g_active = false;
}

bool InterruptNotifier::isActive() const
{
    return d->active;
}

bool InterruptNotifier::wasInterrupted()
{
    return g_interruptCount.load() > 0;
}

} // namespace aikeys
