/* atlas-sim.exe for the tests under Wine: a Windows stand-in for the Linux atlas-sim.
 *
 * Wine starts a Linux program when asked to, but gives no process handle for it, so QProcess (the
 * tests' SimProcess, the app's DemoSimulator) could neither watch nor stop it. This small Windows
 * program is what they start instead (AIKEYS_SIM names it): it asks sim-launcher.py, which runs on
 * the Linux side (port in AIKEYS_SIM_LAUNCHER_PORT), to start the real atlas-sim with its own
 * arguments, relays the simulator's standard output and error, closes the simulator's standard
 * input when its own closes (--exit-with-parent), stops it when asked to close (QProcess::terminate
 * posts WM_CLOSE to the main thread) or when this process is killed (the connection drops), and
 * ends with the simulator's exit code. Built by check.sh; not part of any package.
 *
 * Wire: to the launcher, "<argc>\n" and one line per argument (UTF-8), then single bytes: 'c' when
 * standard input closed, 't' to stop. From it, frames of a type byte and a big-endian 32-bit length:
 * 'o' standard output, 'e' standard error, 'x' the exit code (4 bytes, big-endian). */
#include <winsock2.h>
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static SOCKET sock = INVALID_SOCKET;
static CRITICAL_SECTION sendLock;

static void sendAll(const char *data, int size)
{
    EnterCriticalSection(&sendLock);
    while (size > 0) {
        const int sent = send(sock, data, size, 0);
        if (sent <= 0)
            break;
        data += sent;
        size -= sent;
    }
    LeaveCriticalSection(&sendLock);
}

static int recvAll(unsigned char *buffer, DWORD size)
{
    while (size > 0) {
        const int got = recv(sock, (char *)buffer, (int)(size > 65536 ? 65536 : size), 0);
        if (got <= 0)
            return 0;
        buffer += got;
        size -= (DWORD)got;
    }
    return 1;
}

static DWORD WINAPI relayOutput(LPVOID unused)
{
    (void)unused;
    const HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    const HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    for (;;) {
        unsigned char header[5];
        if (!recvAll(header, 5))
            ExitProcess(3);
        const DWORD size = ((DWORD)header[1] << 24) | ((DWORD)header[2] << 16) | ((DWORD)header[3] << 8) | header[4];
        unsigned char *data = malloc(size ? size : 1);
        if (!data || !recvAll(data, size))
            ExitProcess(3);
        if (header[0] == 'x' && size == 4)
            ExitProcess(((DWORD)data[0] << 24) | ((DWORD)data[1] << 16) | ((DWORD)data[2] << 8) | data[3]);
        DWORD written = 0;
        WriteFile(header[0] == 'e' ? err : out, data, size, &written, NULL);
        free(data);
    }
}

static DWORD WINAPI watchInput(LPVOID unused)
{
    (void)unused;
    const HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    char buffer[512];
    DWORD got = 0;
    while (in && in != INVALID_HANDLE_VALUE && ReadFile(in, buffer, sizeof buffer, &got, NULL) && got > 0) {
    }
    sendAll("c", 1);
    return 0;
}

int main(void)
{
    int argc = 0;
    LPWSTR *argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    const char *port = getenv("AIKEYS_SIM_LAUNCHER_PORT");
    if (!argv || !port) {
        fprintf(stderr, "atlas-sim (Wine stand-in): AIKEYS_SIM_LAUNCHER_PORT is not set\n");
        return 2;
    }
    WSADATA wsa;
    if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0)
        return 2;
    InitializeCriticalSection(&sendLock);
    sock = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons((u_short)atoi(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (sock == INVALID_SOCKET || connect(sock, (struct sockaddr *)&address, sizeof address) != 0) {
        fprintf(stderr, "atlas-sim (Wine stand-in): no launcher on port %s\n", port);
        return 2;
    }
    char line[64];
    snprintf(line, sizeof line, "%d\n", argc - 1);
    sendAll(line, (int)strlen(line));
    for (int i = 1; i < argc; ++i) {
        const int size = WideCharToMultiByte(CP_UTF8, 0, argv[i], -1, NULL, 0, NULL, NULL);
        char *arg = malloc((size_t)size + 1);
        WideCharToMultiByte(CP_UTF8, 0, argv[i], -1, arg, size, NULL, NULL);
        arg[size - 1] = '\n';
        sendAll(arg, size);
        free(arg);
    }
    /* The message queue exists before anyone can post WM_CLOSE to this thread. */
    MSG msg;
    PeekMessageW(&msg, NULL, 0, 0, PM_NOREMOVE);
    CreateThread(NULL, 0, relayOutput, NULL, 0, NULL);
    CreateThread(NULL, 0, watchInput, NULL, 0, NULL);
    while (GetMessageW(&msg, NULL, 0, 0) > 0) {
        if (msg.message == WM_CLOSE)
            sendAll("t", 1);
    }
    Sleep(INFINITE);
    return 0;
}
