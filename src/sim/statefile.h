#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

namespace aikeys::sim {

class Store;

// Keeps --state FILE in step with the store. Writes are atomic (QSaveFile) and coalesced: a burst of
// changes costs one write, at most every 200 ms, and a clean shutdown flushes what is pending.
class StateFile : public QObject
{
    Q_OBJECT
public:
    StateFile(Store &store, const QString &path, QObject *parent = nullptr);

    void scheduleSave();
    bool saveNow(QString *error);
    // Writes now if a save is pending; reports a failure on stderr.
    void flush();

private:
    Store &m_store;
    QString m_path;
    QTimer m_timer;
    QElapsedTimer m_sinceLastSave;
    bool m_warned = false;
};

} // namespace aikeys::sim
