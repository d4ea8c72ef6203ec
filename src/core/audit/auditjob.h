#pragma once

#include "atlas/compositejob.h"
#include "audit/auditreport.h"

namespace aikeys {

class AtlasClient;

// Makes an AuditReport from Atlas. For an organization: ONE paged org-wide key listing, with the
// org's projects (for their names) and, when the caller has no org name, the organizations list,
// all at once. For a project: its keys and the project itself (name, org) at once. Only the key
// listing can fail the job; names that cannot be read become warnings and the ids stand in.
//
// A Job: finished() from the event loop, then report(); progress() follows the key listing's pages.
class AuditJob final : public CompositeJob
{
    Q_OBJECT

public:
    using Clock = aikeys::Clock;

    static AuditJob *forOrganization(AtlasClient *client, const QString &orgId, const QString &orgName,
                                     AuditThresholds thresholds, QObject *parent = nullptr);
    static AuditJob *forProject(AtlasClient *client, const QString &projectId, const QString &projectName,
                                AuditThresholds thresholds, QObject *parent = nullptr);

    // The time the audit is made at (read when the keys arrive); the system clock by default.
    void setClock(Clock clock) { m_clock = std::move(clock); }

    Scope scope() const { return m_scope; }
    const AuditReport &report() const { return m_report; }
    AuditReport takeReport() { return std::move(m_report); }

private:
    AuditJob(AtlasClient *client, Scope scope, const QString &id, const QString &name,
             AuditThresholds thresholds, QObject *parent);
    void run() override;
    void allDone() override;

    Scope m_scope;
    QString m_id;
    QString m_name;
    AuditThresholds m_thresholds;
    Clock m_clock;
    AuditReport m_report;

    std::optional<QList<AiKey>> m_keys;
    QHash<QString, QString> m_projectNames;
    QString m_orgId;
    QString m_orgName;
    QStringList m_warnings;
};

} // namespace aikeys
