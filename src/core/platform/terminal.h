#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace aikeys {

// Whether a standard stream is an interactive terminal (a console on Windows). Prompts are only
// shown when a person can answer them; scripts get a clear refusal instead of a hang.
bool stdinIsTerminal();
bool stdoutIsTerminal();
bool stderrIsTerminal();

// Makes the standard streams carry bytes exactly as written: on Windows, no LF -> CRLF translation
// (CSV's CRLF would become CR CR LF) and a console that shows UTF-8. Nothing to do on Unix. Call
// once at start-up, before anything is written.
void prepareStandardStreams();

// Writes prompt to standard error, then reads one line from standard input without the line ending.
// Returns nullopt at the end of input, on a read error, or when Ctrl+C interrupted the read.
std::optional<QString> readLine(const QString &prompt);

// As readLine, with echo off while a terminal is read, for a secret. The bytes are UTF-8; the
// caller owns them and wipes them (SecretBuffer::takeFrom). From a pipe the line is read as is.
std::optional<QByteArray> readLineNoEcho(const QString &prompt);

// Turns Ctrl+C (SIGINT on Unix; Ctrl+C and Ctrl+Break on Windows) into the interrupted() signal,
// delivered from the event loop, so in-flight work can be cancelled cleanly. A second Ctrl+C
// while the first is being handled ends the process the default way. One instance at a time is
// active; the previous handling is restored when it is destroyed.
class InterruptNotifier final : public QObject
{
    Q_OBJECT

public:
    explicit InterruptNotifier(QObject *parent = nullptr);
    ~InterruptNotifier() override;

    // False if another instance is active or the platform refused the handler.
    bool isActive() const;
    // True once Ctrl+C was pressed, even before the event loop delivered interrupted(); safe to
    // ask right after a blocking read returned.
    static bool wasInterrupted();

Q_SIGNALS:
    void interrupted();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace aikeys
