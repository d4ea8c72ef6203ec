#pragma once

#include "atlas/apicall.h"
#include "domain/types.h"

#include <QPointer>

#include <optional>

namespace aikeys {

class AtlasClient;

// After a create whose answer was lost or unreadable (or a duplicate-name answer to a name that was
// free): reads the project's keys again to find out whether the key exists. Atlas shows a key's secret
// only in the answer to its creation, so a key found here has lost its secret, and the user is asked
// whether to delete it.
//
// Started from the event loop when made, like the client's calls; finishes with the list's error when
// the keys could not be read (the outcome then stays unknown).
class LostCreateCheck final : public Job
{
    Q_OBJECT

public:
    LostCreateCheck(AtlasClient *client, const QString &projectId, const QString &name,
                    QObject *parent = nullptr);

    void cancel() override;

    QString projectId() const { return m_projectId; }
    QString name() const { return m_name; }
    // The project's keys as Atlas listed them, and the newest key of the name among them.
    const QList<AiKey> &keys() const { return m_keys; }
    const std::optional<AiKey> &found() const { return m_found; }

private:
    QString m_projectId;
    QString m_name;
    QPointer<Job> m_list;
    QList<AiKey> m_keys;
    std::optional<AiKey> m_found;
};

} // namespace aikeys
