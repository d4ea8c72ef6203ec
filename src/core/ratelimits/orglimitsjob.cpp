#include "ratelimits/orglimitsjob.h"

#include "atlas/atlasclient.h"
#include "logging.h"
#include "ratelimits/projectlimitsfanout.h"

#include <QLocale>

#include <algorithm>
#include <climits>
using namespace Qt::StringLiterals;

namespace aikeys {

OrgLimitsJob::OrgLimitsJob(AtlasClient *client, const QString &orgId, QObject *parent)
    : CompositeJob(client, parent)
    , m_orgId(orgId)
{}

QString OrgLimitsJob::projectName(const QString &projectId) const
{
    for (const Project &p : m_projects) {
        if (p.id == projectId)
            return p.name;
    }
    return projectId;
}

void OrgLimitsJob::run()
{
    trackRequired(client()->listOrgRateLimits(m_orgId),
                  [this](ListJob<RateLimit> *ceilings) { m_ceilings = ceilings->items(); });
    trackRequired(client()->listProjects(m_orgId),
                  [this](ListJob<Project> *projects) { m_projects = projects->items(); });
}

// The ceilings and the projects are in: each project's limits next.
void OrgLimitsJob::allDone()
{
    QStringList ids;
    ids.reserve(m_projects.size());
    for (const Project &p : std::as_const(m_projects))
        ids << p.id;
    auto *fan = new ProjectLimitsFanOut(client(), ids);
    fan->setConcurrency(m_concurrency);
    connect(fan, &Job::progress, this, &Job::progress);
    track(fan, [this](ProjectLimitsFanOut *done) {
        m_projectLimits = done->limits();
        m_failures = done->failures();
        finishWith(done->error());
    });
}

} // namespace aikeys
