#include "atlas/job.h"

namespace aikeys {

void Job::finishWith(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
    afterFinished();
    if (m_autoDelete)
        deleteLater();
}

void Job::finishLater(const ApiError &error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { finishWith(error); }, Qt::QueuedConnection);
}

} // namespace aikeys
