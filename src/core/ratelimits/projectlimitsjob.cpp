#include "ratelimits/projectlimitsjob.h"

#include "atlas/atlasclient.h"
#include "logging.h"

#include <QLocale>

#include <algorithm>
#include <climits>
using namespace Qt::StringLiterals;

namespace aikeys {

ProjectLimitsJob::ProjectLimitsJob(AtlasClient *client, const QString &projectId, const QString &orgId,
                                   QObject *parent)
    : CompositeJob(client, parent)
    , m_projectId(projectId)
    , m_orgId(orgId)
{}

void ProjectLimitsJob::run()
{
    trackRequired(client()->listProjectRateLimits(m_projectId),
                  [this](ListJob<RateLimit> *limits) { m_limits = limits->items(); });
    track(client()->getProject(m_projectId), [this](ValueCall<Project> *project) {
        if (project->succeeded()) {
            m_projectName = project->value().name;
            if (m_orgId.isEmpty()) {
                m_orgId = project->value().orgId;
                readCeilings();
            }
        } else if (m_orgId.isEmpty()) {
            m_ceilingsError = project->error();
        }
    });
    if (!m_orgId.isEmpty())
        readCeilings();
}

void ProjectLimitsJob::readCeilings()
{
    if (m_orgId.isEmpty() || !client() || isFinished())
        return;
    track(client()->listOrgRateLimits(m_orgId), [this](ListJob<RateLimit> *ceilings) {
        if (ceilings->succeeded()) {
            m_ceilings = ceilings->items();
            m_ceilingsRead = true;
        } else {
            m_ceilingsError = ceilings->error();
            qCInfo(lcAtlas) << "org ceilings not readable:" << m_ceilingsError.message();
        }
    });
}

void ProjectLimitsJob::allDone()
{
    finishWith({});
}

} // namespace aikeys
