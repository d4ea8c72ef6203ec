#include "audit/auditjob.h"

#include "atlas/atlasclient.h"
#include "audit/csvwriter.h"
#include "domain/json.h"
#include "domain/jsonwriter.h"
#include "domain/timestamp.h"
#include "logging.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
using namespace Qt::StringLiterals;

namespace aikeys {

AuditJob::AuditJob(AtlasClient *client, Scope scope, const QString &id, const QString &name,
                   AuditThresholds thresholds, QObject *parent)
    : CompositeJob(client, parent)
    , m_scope(scope)
    , m_id(id)
    , m_name(name)
    , m_thresholds(thresholds)
{}

AuditJob *AuditJob::forOrganization(AtlasClient *client, const QString &orgId, const QString &orgName,
                                    AuditThresholds thresholds, QObject *parent)
{
    return new AuditJob(client, Scope::Organization, orgId, orgName, thresholds, parent);
}

AuditJob *AuditJob::forProject(AtlasClient *client, const QString &projectId, const QString &projectName,
                               AuditThresholds thresholds, QObject *parent)
{
    return new AuditJob(client, Scope::Project, projectId, projectName, thresholds, parent);
}

void AuditJob::run()
{
    auto takeKeys = [this](ListJob<AiKey> *list) { m_keys = list->takeItems(); };

    if (m_scope == Scope::Organization) {
        m_orgId = m_id;
        m_orgName = m_name;
        ListJob<AiKey> *keys = client()->listOrgKeys(m_id);
        connect(keys, &Job::progress, this, &Job::progress);
        trackRequired(keys, takeKeys);
        track(client()->listProjects(m_id), [this](ListJob<Project> *list) {
            if (!list->succeeded()) {
                m_warnings << tr("Project names could not be read, so projects are shown by ID: %1")
                                  .arg(list->error().message());
                return;
            }
            for (const Project &p : list->items())
                m_projectNames.insert(p.id, p.name);
        });
        if (m_name.isEmpty()) {
            track(client()->listOrganizations(), [this](ListJob<Organization> *list) {
                if (!list->succeeded())
                    return; // the id stands in; an account with project roles only cannot list orgs
                for (const Organization &o : list->items()) {
                    if (o.id == m_id)
                        m_orgName = o.name;
                }
            });
        }
        return;
    }

    ListJob<AiKey> *keys = client()->listProjectKeys(m_id);
    connect(keys, &Job::progress, this, &Job::progress);
    trackRequired(keys, takeKeys);
    if (!m_name.isEmpty())
        m_projectNames.insert(m_id, m_name);
    track(client()->getProject(m_id), [this](ValueCall<Project> *call) {
        if (!call->succeeded()) {
            if (m_name.isEmpty())
                m_warnings << tr("The project's name could not be read: %1").arg(call->error().message());
            return;
        }
        m_projectNames.insert(m_id, call->value().name);
        m_orgId = call->value().orgId;
        if (m_orgId.isEmpty())
            return;
        // The org's name too, so the report names it (CSV orgName, JSON organization.name). The
        // contract reads organizations through their list (GET /orgs); as for an org audit, an
        // account with project roles only may not see the org, and its id then stands alone.
        track(client()->listOrganizations(), [this](ListJob<Organization> *list) {
            if (!list->succeeded())
                return;
            for (const Organization &o : list->items()) {
                if (o.id == m_orgId)
                    m_orgName = o.name;
            }
        });
    });
}

void AuditJob::allDone()
{
    if (!m_keys) {
        finishWith(ApiError::invalidResponse(tr("The key list ended without an answer.")));
        return;
    }
    const QDateTime now = nowFrom(m_clock);
    m_report = AuditReport::build(m_scope, std::move(*m_keys), m_projectNames, m_thresholds, now);
    m_keys.reset();
    m_report.setOrg(m_orgId, m_orgName);
    if (m_scope == Scope::Project)
        m_report.setProject(m_id, m_projectNames.value(m_id));
    for (const QString &w : std::as_const(m_warnings))
        m_report.addWarning(w);
    qCInfo(lcAudit) << "audit of" << (m_scope == Scope::Organization ? "org" : "project") << m_id
                    << "made:" << m_report.size() << "keys";
    finishWith({});
}

} // namespace aikeys
