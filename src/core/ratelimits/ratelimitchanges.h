#pragma once

#include "atlas/apierror.h"
#include "domain/types.h"
#include "ratelimits/ratelimitplan.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace aikeys {

class AtlasClient;
class Job;

// Every change to a project's rate limits, one at a time: an edit checked against the organization's
// ceiling before anything is sent, a reset of one model group, a reset of them all. Each request
// carries the limit's own cloud and geography, and each answer names the project it is about, so a
// page that moved on to another project can tell an old answer from its own. The Rate Limits page
// asks and shows; this is where the requests are made.
class RateLimitChanges final : public QObject
{
    Q_OBJECT

public:
    explicit RateLimitChanges(QObject *parent = nullptr);
    ~RateLimitChanges() override;

    // Not owned; null when signed out (nothing can be changed then).
    void setClient(AtlasClient *client);
    bool canChange() const { return m_client && !isBusy(); }
    bool isBusy() const;

    // Sends the row's new limits, unless they break a rule (over the ceiling, negative, too large):
    // then nothing is sent and the rule is returned. Empty once the request is on its way.
    QString update(const QString &projectId, const LimitRow &row, qint64 requestsPerMinute,
                   qint64 tokensPerMinute);
    // Back to the defaults: one model group, or all of the project's. False if nothing was sent
    // (signed out, or a change is already in flight).
    bool reset(const QString &projectId, const RateLimit &limit);
    bool resetAll(const QString &projectId);

    // The scope a limit's requests name: its cloud and geography, where it has them.
    static KeyScope scopeOf(const RateLimit &limit);

Q_SIGNALS:
    // status is what is being done ("Saving ..."), empty when done.
    void busyChanged(bool busy, const QString &status);
    void limitChanged(const QString &projectId, const aikeys::RateLimit &limit, const QString &message);
    void limitsReset(const QString &projectId, const QList<aikeys::RateLimit> &limits,
                     const QString &message);
    // what says which change did not happen ("Embeddings was not reset:").
    void failed(const QString &projectId, const QString &what, const aikeys::ApiError &error);

private:
    // The change in flight: busy while it runs; failure names it when it fails.
    void track(Job *job, const QString &status, const QString &projectId, const QString &failure,
               std::function<void()> onSuccess);

    QPointer<AtlasClient> m_client;
    QPointer<Job> m_change;
};

} // namespace aikeys
