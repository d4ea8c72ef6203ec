#pragma once

#include "atlas/calls.h"
#include "atlas/listjob.h"
#include "atlas/session.h"
#include "domain/types.h"

#include <QObject>
#include <QPointer>

namespace aikeys {

class AtlasSession;

// Every operation of the contract, typed in and typed out. Each method returns a job that is
// already started and finishes from the event loop (connect to Job::finished, read the result in
// the slot; the job deletes itself afterwards). Arguments are checked first: a bad id or name
// finishes the job with an InvalidInput error and sends nothing.
class AtlasClient : public QObject
{
    Q_OBJECT

public:
    explicit AtlasClient(AtlasSession *session, QObject *parent = nullptr);

    AtlasSession *session() const { return m_session; }

    // Organizations and projects (version 2023-01-01).
    ListJob<Organization> *listOrganizations(const QString &namePrefix = {});
    ListJob<Project> *listProjects(const QString &orgId);
    ListJob<Project> *listAllProjects();
    ValueCall<Project> *getProject(const QString &projectId);

    // AI model API keys (version 2025-03-12).
    ListJob<AiKey> *listProjectKeys(const QString &projectId);
    ValueCall<AiKey> *getProjectKey(const QString &projectId, const QString &apiKeyId);
    CreateKeyCall *createKey(const QString &projectId, const QString &name, const KeyScope &scope = {});
    ValueCall<AiKey> *renameKey(const QString &projectId, const QString &apiKeyId, const QString &newName);
    DeleteCall *deleteKey(const QString &projectId, const QString &apiKeyId);
    ListJob<AiKey> *listOrgKeys(const QString &orgId);
    ValueCall<AiKey> *getOrgKey(const QString &orgId, const QString &apiKeyId);

    // AI model rate limits (version 2025-03-12).
    ListJob<RateLimit> *listProjectRateLimits(const QString &projectId);
    ListJob<RateLimit> *listOrgRateLimits(const QString &orgId);
    ValueCall<RateLimit> *getProjectRateLimit(const QString &projectId, const KeyScope &scope,
                                              const QString &modelGroup);
    ValueCall<RateLimit> *getOrgRateLimit(const QString &orgId, const KeyScope &scope,
                                          const QString &modelGroup);
    ValueCall<RateLimit> *updateProjectRateLimit(const QString &projectId, const KeyScope &scope,
                                                 const QString &modelGroup, qint64 requestsPerMinute,
                                                 qint64 tokensPerMinute);
    ValueCall<RateLimit> *resetProjectRateLimit(const QString &projectId, const KeyScope &scope,
                                                const QString &modelGroup);
    ValueCall<QList<RateLimit>> *resetProjectRateLimits(const QString &projectId);

    // Encodes one path segment (ids are opaque: a "/" in one must not become a path separator).
    static QString segment(const QString &value);

private:
    template <typename T>
    ListJob<T> *list(ApiRequest req, json::ItemParser<T> parser, const QString &invalid);
    template <typename T>
    ValueCall<T> *value(ApiRequest req, json::ItemParser<T> parser, const QString &invalid);
    QString rateLimitPath(const QString &scopePrefix, const KeyScope &scope, const QString &modelGroup) const;

    QPointer<AtlasSession> m_session;
};

} // namespace aikeys
