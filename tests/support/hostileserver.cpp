#include "hostileserver.h"

#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace aikeys::test {

HostileServer::HostileServer(Mode mode, QByteArray response, int trickleMs)
    : m_mode(mode)
    , m_response(std::move(response))
    , m_trickleMs(trickleMs)
{}

HostileServer::~HostileServer()
{
    quit();
    wait();
}

bool HostileServer::start()
{
    QThread::start();
    m_listening.acquire(); // released by run() once the port is known (or listening failed)
    return m_port != 0;
}

QUrl HostileServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QList<QByteArray> HostileServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

bool HostileServer::received(const QByteArray &needle) const
{
    const QList<QByteArray> all = requests();
    // Header names are case-insensitive, and Qt 6.7 and later send them in lower case.
    const QByteArray lower = needle.toLower();
    for (const QByteArray &r : all) {
        if (r.toLower().contains(lower))
            return true;
    }
    return false;
}

QByteArray HostileServer::response(int status, const QList<QByteArray> &headers, const QByteArray &body)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
    for (const QByteArray &h : headers)
        out += h + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return out;
}

void HostileServer::run()
{
    QTcpServer server;
    const bool listening = server.listen(QHostAddress::LocalHost);
    m_port = listening ? server.serverPort() : 0;
    m_listening.release();
    if (!listening)
        return;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            if (m_mode == Mode::Silent)
                continue;
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                *buffer += socket->readAll();
                // One whole request: headers, then Content-Length bytes of body.
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                qsizetype length = 0;
                for (const QByteArray &line : buffer->left(end).split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
                if (buffer->size() < end + 4 + length)
                    return;
                const QByteArray request = buffer->left(end + 4 + length);
                buffer->remove(0, end + 4 + length);
                {
                    QMutexLocker lock(&m_mutex);
                    m_requests.append(request);
                }
                switch (m_mode) {
                case Mode::Respond:
                    socket->write(m_response);
                    break;
                case Mode::Endless: {
                    socket->write(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[");
                    const QByteArray chunk(64 * 1024, ' ');
                    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [socket, chunk] {
                        if (socket->bytesToWrite() < chunk.size())
                            socket->write(chunk);
                    });
                    socket->write(chunk);
                    break;
                }
                case Mode::Trickle: {
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                  "1000000\r\n\r\n");
                    auto *timer = new QTimer(socket);
                    QObject::connect(timer, &QTimer::timeout, socket, [socket] { socket->write(" "); });
                    timer->start(m_trickleMs);
                    break;
                }
                case Mode::Silent:
                    break;
                }
            });
        }
    });
    exec();
}

} // namespace aikeys::test
