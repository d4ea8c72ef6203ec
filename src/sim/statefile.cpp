#include "statefile.h"

#include "store.h"

#include <QJsonDocument>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {
constexpr int kMinIntervalMs = 200;
}

StateFile::StateFile(Store &store, const QString &path, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_path(path)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StateFile::flush);
}

void StateFile::scheduleSave()
{
    if (m_timer.isActive())
        return;
    const qint64 since = m_sinceLastSave.isValid() ? m_sinceLastSave.elapsed() : kMinIntervalMs;
    m_timer.start(int(std::max<qint64>(0, kMinIntervalMs - since)));
}

bool StateFile::saveNow(QString *error)
{
    m_timer.stop();
    m_sinceLastSave.start();
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(m_store.toStateJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void StateFile::flush()
{
    QString error;
    if (!saveNow(&error) && !m_warned) {
        m_warned = true;
        std::fprintf(stderr, "atlas-sim: cannot write state file %s: %s\n", qPrintable(m_path),
                     qPrintable(error));
    }
}

} // namespace aikeys::sim
