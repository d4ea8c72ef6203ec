#include "keys/knownscopes.h"

#include "atlas/atlasclient.h"
#include "logging.h"

namespace aikeys {

KnownScopes::KnownScopes(QObject *parent)
    : QObject(parent)
{}

KnownScopes::~KnownScopes() = default;

void KnownScopes::setClient(AtlasClient *client)
{
    if (client == m_client)
        return;
    m_client = client;
    m_fetched.clear();
    m_scopes.clear();
    // Their answers describe the previous client's Atlas.
    for (const QPointer<Job> &job : std::as_const(m_jobs))
        delete job.data();
    m_jobs.clear();
}

void KnownScopes::fetch(const QString &projectId)
{
    if (!m_client || m_fetched.contains(projectId))
        return;
    m_fetched.insert(projectId);
    ListJob<RateLimit> *job = m_client->listProjectRateLimits(projectId);
    job->setParent(this);
    m_jobs.removeAll(nullptr);
    m_jobs.append(job);
    connect(job, &Job::finished, this, [this, job] {
        if (job->error()) {
            qCDebug(lcModels).noquote() << "rate limits not read for scopes:" << job->error().message();
            return;
        }
        for (const RateLimit &limit : job->items())
            add(limit.cloud, limit.geography);
    });
}

void KnownScopes::add(const QString &cloud, const QString &geography)
{
    if (cloud.isEmpty() || geography.isEmpty())
        return;
    for (const KeyScope &s : std::as_const(m_scopes)) {
        if (s.cloud == cloud && s.geography == geography)
            return;
    }
    m_scopes.append(KeyScope{cloud, geography});
}

void KnownScopes::addFrom(const QList<AiKey> &keys)
{
    for (const AiKey &key : keys)
        add(key.cloud, key.geography);
}

QList<KeyScope> KnownScopes::list() const
{
    QList<KeyScope> scopes = m_scopes;
    const KeyScope any;
    bool hasAny = false;
    for (const KeyScope &s : std::as_const(scopes))
        hasAny = hasAny || (s.cloud == any.cloud && s.geography == any.geography);
    if (!hasAny)
        scopes.prepend(any);
    std::stable_sort(scopes.begin(), scopes.end(), [&any](const KeyScope &a, const KeyScope &b) {
        const bool aAny = a.cloud == any.cloud && a.geography == any.geography;
        const bool bAny = b.cloud == any.cloud && b.geography == any.geography;
        if (aAny != bAny)
            return aAny;
        return std::pair(a.cloud, a.geography) < std::pair(b.cloud, b.geography);
    });
    return scopes;
}

} // namespace aikeys
