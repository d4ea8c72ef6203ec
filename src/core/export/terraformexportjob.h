#pragma once

#include "atlas/compositejob.h"
#include "export/terraformexport.h"

namespace aikeys {

class AtlasClient;

// Gathers what a Terraform export needs from Atlas and renders it. Keys: the ones given, a project's
// (with the project's name), or an organization's (one org-wide listing, with the projects' names).
// With rate limits: the limits of every project involved (for an organization, all its projects),
// one call per project with a bound on those in flight. Only the key listing (and, with rate limits,
// the project listing of an organization) can fail the job; a project whose limits cannot be read is
// named in warnings() and left out.
class TerraformExportJob final : public CompositeJob
{
    Q_OBJECT

public:
    static TerraformExportJob *forKeys(AtlasClient *client, const QList<AiKey> &keys,
                                       const QHash<QString, QString> &projectNames,
                                       QObject *parent = nullptr);
    static TerraformExportJob *forProject(AtlasClient *client, const QString &projectId,
                                          QObject *parent = nullptr);
    static TerraformExportJob *forOrganization(AtlasClient *client, const QString &orgId,
                                               QObject *parent = nullptr);

    void setIncludeRateLimits(bool on) { m_includeLimits = on; }
    bool includeRateLimits() const { return m_includeLimits; }
    void setConcurrency(int n) { m_concurrency = n; }
    void setGeneratedAt(const QDateTime &when) { m_generatedAt = when; }

    const TerraformExport &result() const { return m_export; }
    QString text() const { return m_export.render(); }
    const QStringList &warnings() const { return m_warnings; }

private:
    TerraformExportJob(AtlasClient *client, Scope scope, const QString &id, QObject *parent);
    void run() override;
    void allDone() override;
    void finishExport();

    Scope m_scope;
    QString m_id;
    bool m_includeLimits = false;
    int m_concurrency = 6;
    QDateTime m_generatedAt;
    QList<AiKey> m_keys;
    QHash<QString, QString> m_projectNames;
    QStringList m_limitProjects; // projects whose limits go in, in order
    QHash<QString, QList<RateLimit>> m_limits;
    QString m_orgName;
    QStringList m_warnings;
    TerraformExport m_export;
};

} // namespace aikeys
