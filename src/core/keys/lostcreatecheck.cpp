#include "keys/lostcreatecheck.h"

#include "atlas/atlasclient.h"

namespace aikeys {

LostCreateCheck::LostCreateCheck(AtlasClient *client, const QString &projectId, const QString &name,
                                 QObject *parent)
    : Job(parent)
    , m_projectId(projectId)
    , m_name(name)
{
    ListJob<AiKey> *list = client->listProjectKeys(projectId);
    m_list = list;
    connect(list, &Job::finished, this, [this, list] {
        if (list->error()) {
            finishWith(list->error());
            return;
        }
        m_keys = list->takeItems();
        for (const AiKey &key : std::as_const(m_keys)) {
            if (key.name == m_name && (!m_found || key.createdAt > m_found->createdAt))
                m_found = key;
        }
        finishWith(ApiError());
    });
}

void LostCreateCheck::cancel()
{
    if (m_list)
        m_list->cancel();
}

} // namespace aikeys
