#include "export/terraformexportjob.h"

#include "atlas/atlasclient.h"
#include "domain/timestamp.h"
#include "logging.h"
#include "ratelimits/projectlimitsfanout.h"
#include "ratelimits/ratelimitplan.h"

#include <aikeys/version.h>
using namespace Qt::StringLiterals;

namespace aikeys {

TerraformExportJob::TerraformExportJob(AtlasClient *client, Scope scope, const QString &id, QObject *parent)
    : CompositeJob(client, parent)
    , m_scope(scope)
    , m_id(id)
{}

TerraformExportJob *TerraformExportJob::forKeys(AtlasClient *client, const QList<AiKey> &keys,
                                                const QHash<QString, QString> &projectNames, QObject *parent)
{
    auto *job = new TerraformExportJob(client, Scope::Keys, {}, parent);
    job->m_keys = keys;
    job->m_projectNames = projectNames;
    return job;
}

TerraformExportJob *TerraformExportJob::forProject(AtlasClient *client, const QString &projectId,
                                                   QObject *parent)
{
    return new TerraformExportJob(client, Scope::Project, projectId, parent);
}

TerraformExportJob *TerraformExportJob::forOrganization(AtlasClient *client, const QString &orgId,
                                                        QObject *parent)
{
    return new TerraformExportJob(client, Scope::Organization, orgId, parent);
}

void TerraformExportJob::run()
{
    switch (m_scope) {
    case Scope::None: // the factories never make one
        return;
    case Scope::Keys:
        for (const AiKey &k : std::as_const(m_keys)) {
            if (!m_limitProjects.contains(k.groupId))
                m_limitProjects << k.groupId;
        }
        return;
    case Scope::Project:
        m_limitProjects = {m_id};
        trackRequired(client()->listProjectKeys(m_id),
                      [this](ListJob<AiKey> *job) { m_keys = job->takeItems(); });
        track(client()->getProject(m_id), [this](ValueCall<Project> *call) {
            if (call->succeeded())
                m_projectNames.insert(m_id, call->value().name);
            else
                m_warnings << tr("The project's name could not be read: %1").arg(call->error().message());
        });
        return;
    case Scope::Organization:
        trackRequired(client()->listOrgKeys(m_id),
                      [this](ListJob<AiKey> *job) { m_keys = job->takeItems(); });
        track(client()->listProjects(m_id), [this](ListJob<Project> *job) {
            if (!job->succeeded()) {
                if (m_includeLimits)
                    return fail(job->error()); // without the projects there are no limits to list
                m_warnings << tr("Project names could not be read: %1").arg(job->error().message());
                return;
            }
            for (const Project &p : job->items()) {
                m_projectNames.insert(p.id, p.name);
                m_limitProjects << p.id;
            }
        });
        track(client()->listOrganizations(), [this](ListJob<Organization> *job) {
            if (!job->succeeded())
                return;
            for (const Organization &o : job->items()) {
                if (o.id == m_id)
                    m_orgName = o.name;
            }
        });
        return;
    }
}

// The keys are in; the limits, when wanted, are a second round (the fan-out's callback always
// finishes the job, so this runs once).
void TerraformExportJob::allDone()
{
    if (!m_includeLimits || m_limitProjects.isEmpty()) {
        finishExport();
        return;
    }
    auto *fan = new ProjectLimitsFanOut(client(), m_limitProjects);
    fan->setConcurrency(m_concurrency);
    connect(fan, &Job::progress, this, &Job::progress);
    track(fan, [this](ProjectLimitsFanOut *done) {
        if (!done->succeeded())
            return fail(done->error());
        m_limits = done->limits();
        for (auto it = done->failures().cbegin(); it != done->failures().cend(); ++it) {
            m_warnings << tr("The rate limits of project %1 could not be read: %2")
                              .arg(m_projectNames.value(it.key(), it.key()), it.value().message());
        }
        finishExport();
    });
}

void TerraformExportJob::finishExport()
{
    TerraformExport e;
    e.setGeneratedAt(m_generatedAt.isValid() ? m_generatedAt : QDateTime::currentDateTimeUtc());
    switch (m_scope) {
    case Scope::None: // the factories never make one
        break;
    case Scope::Keys:
        e.setSource(m_keys.size() == 1 ? tr("%n selected key", nullptr, 1)
                                       : tr("%n selected keys", nullptr, int(m_keys.size())));
        break;
    case Scope::Project: {
        const QString name = m_projectNames.value(m_id);
        e.setSource(name.isEmpty() ? tr("project %1").arg(m_id) : tr("project %1 (%2)").arg(name, m_id));
        break;
    }
    case Scope::Organization:
        e.setSource(m_orgName.isEmpty() ? tr("organization %1").arg(m_id)
                                        : tr("organization %1 (%2)").arg(m_orgName, m_id));
        break;
    }
    e.addKeys(m_keys, m_projectNames);
    if (m_includeLimits) {
        for (const QString &project : std::as_const(m_limitProjects)) {
            const auto it = m_limits.constFind(project);
            if (it != m_limits.constEnd())
                e.addRateLimits(project, m_projectNames.value(project), *it);
        }
    }
    m_export = std::move(e);
    qCInfo(lcAudit) << "terraform export:" << m_export.keyCount() << "keys," << m_export.rateLimitCount()
                    << "rate limits";
    finishWith({});
}

} // namespace aikeys
