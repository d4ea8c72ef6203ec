#pragma once

#include <QIODevice>

namespace aikeys {

// The body of a request that must not be sent twice by accident (a create). Qt's HTTP/1.1 stack
// silently resends a request whose connection closed before any answer; it can only do that by
// rewinding the upload device. This device rewinds only before its first byte was read, or once
// after allowReplayAfterChallenge() (no caller now: a Digest challenge is answered by ApiCall with a
// new request and a new body, never by Qt resending this one). Any other resend fails with
// QNetworkReply::ContentReSendError, which the caller reports as "the outcome is unknown" instead of creating
// a second key.
class OneShotBody final : public QIODevice
{
    Q_OBJECT

public:
    explicit OneShotBody(QByteArray body, QObject *parent = nullptr);

    void allowReplayAfterChallenge() { m_replayAllowed = true; }
    int replays() const { return m_replays; }

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_body.size(); }
    bool seek(qint64 pos) override;
    bool reset() override { return seek(0); }
    bool atEnd() const override { return m_pos >= m_body.size(); }
    qint64 bytesAvailable() const override { return m_body.size() - m_pos + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_body;
    qint64 m_pos = 0;
    bool m_started = false;
    bool m_replayAllowed = false;
    int m_replays = 0;
};

} // namespace aikeys
