#pragma once

#include "domain/types.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace aikeys {

class AtlasClient;
class Job;

// The cloud/geography pairs a new key may be scoped to, as far as this session has seen them: on keys
// listed so far, and in a project's rate limits (Atlas has no listing of scopes of its own). ANY/ANY,
// the default, is always one of them.
class KnownScopes : public QObject
{
    Q_OBJECT

public:
    explicit KnownScopes(QObject *parent = nullptr);
    ~KnownScopes() override;

    // Not owned. Another client forgets what the last one's Atlas had, and drops its requests.
    void setClient(AtlasClient *client);
    // Reads the project's rate limits once (again after forget()); failures are only logged.
    void fetch(const QString &projectId);
    void forget(const QString &projectId) { m_fetched.remove(projectId); }
    void add(const QString &cloud, const QString &geography);
    void addFrom(const QList<AiKey> &keys);
    // ANY/ANY first, then the others by cloud and geography.
    QList<KeyScope> list() const;

private:
    QPointer<AtlasClient> m_client;
    QSet<QString> m_fetched;
    // The rate-limit listings fetch() started, children of this object: one still running when it goes
    // (or the client changes) is deleted instead of never finishing.
    QList<QPointer<Job>> m_jobs;
    QList<KeyScope> m_scopes;
};

} // namespace aikeys
