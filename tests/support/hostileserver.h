#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QSemaphore>
#include <QThread>
#include <QUrl>

namespace aikeys::test {

// A small hostile HTTP server on loopback, in a thread of its own so that a test may block on a
// child process (the CLI) while it serves. Every request it receives is recorded as raw bytes
// (request line, headers and body), so a test can check what was, and was not, sent to it.
// No Q_OBJECT: it has no signals or slots (and the support library is not run through moc).
class HostileServer : public QThread
{

public:
    enum class Mode {
        Respond, // the canned response to every request, connection kept open
        Endless, // 200 with a body that never ends, sent as fast as the client reads
        Trickle, // 200 declaring a large body, then one byte every trickleMs
        Silent,  // accepts the connection and never answers
    };

    explicit HostileServer(Mode mode, QByteArray response = {}, int trickleMs = 50);
    ~HostileServer() override;

    // Listens and waits until the port is known.
    bool start();
    QUrl url() const;
    QList<QByteArray> requests() const;
    // Any recorded request contains needle, ignoring case (header names have none in HTTP).
    bool received(const QByteArray &needle) const;

    // "HTTP/1.1 <status> X\r\n<headers>Content-Length: n\r\n\r\n<body>"
    static QByteArray response(int status, const QList<QByteArray> &headers, const QByteArray &body);

protected:
    void run() override;

private:
    Mode m_mode;
    QByteArray m_response;
    int m_trickleMs;
    mutable QMutex m_mutex;
    QList<QByteArray> m_requests;
    QSemaphore m_listening;
    quint16 m_port = 0; // written by run() before m_listening is released
};

} // namespace aikeys::test
