#include "ratelimits/projectlimitsfanout.h"

#include "atlas/atlasclient.h"
#include "logging.h"

#include <QLocale>

#include <algorithm>
#include <climits>
using namespace Qt::StringLiterals;

namespace aikeys {

ProjectLimitsFanOut::ProjectLimitsFanOut(AtlasClient *client, QStringList projectIds, QObject *parent)
    : CompositeJob(client, parent)
    , m_projectIds(std::move(projectIds))
{
    m_projectIds.removeDuplicates();
}

void ProjectLimitsFanOut::setConcurrency(int n)
{
    m_concurrency = std::clamp(n, 1, 32);
}

void ProjectLimitsFanOut::run()
{
    fanOut(
        int(m_projectIds.size()), m_concurrency,
        [this](int index) -> ListJob<RateLimit> * {
            // Signed out half way: the projects not asked yet are left out.
            return client() ? client()->listProjectRateLimits(m_projectIds.at(index)) : nullptr;
        },
        [this](int index, ListJob<RateLimit> *job) {
            const QString &id = m_projectIds.at(index);
            if (job->succeeded())
                m_limits.insert(id, job->items());
            else
                m_failures.insert(id, job->error());
            const int done = int(m_limits.size() + m_failures.size());
            Q_EMIT progress(done, m_projectIds.size());
        });
}

void ProjectLimitsFanOut::allDone()
{
    finishWith({});
}

} // namespace aikeys
