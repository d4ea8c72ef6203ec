#include "atlas/oneshotbody.h"

#include "logging.h"

#include <cstring>

namespace aikeys {

OneShotBody::OneShotBody(QByteArray body, QObject *parent)
    : QIODevice(parent)
    , m_body(std::move(body))
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

bool OneShotBody::seek(qint64 pos)
{
    if (pos < 0 || pos > m_body.size())
        return false;
    if (pos < m_pos || (pos == 0 && m_started)) {
        // Rewinding after bytes went out is a resend.
        if (!m_replayAllowed) {
            qCInfo(lcAtlas) << "refusing to resend a request that must not be repeated";
            return false;
        }
        m_replayAllowed = false;
        ++m_replays;
        m_started = false;
    }
    QIODevice::seek(pos);
    m_pos = pos;
    return true;
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 n = qMin(maxSize, m_body.size() - m_pos);
    if (n <= 0)
        return m_pos >= m_body.size() ? -1 : 0;
    std::memcpy(data, m_body.constData() + m_pos, size_t(n));
    m_pos += n;
    m_started = true;
    return n;
}

qint64 OneShotBody::writeData(const char *data, qint64 maxSize)
{
    Q_UNUSED(data)
    Q_UNUSED(maxSize)
    return -1;
}

} // namespace aikeys
