#include "ratelimits/ratelimitplan.h"

#include "atlas/atlasclient.h"
#include "logging.h"

#include <QLocale>

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace aikeys {

// ---- LimitRow

std::optional<qint64> LimitRow::requestsHeadroom() const
{
    if (!ceiling)
        return std::nullopt;
    return ceiling->requestsPerMinuteLimit - limit.requestsPerMinuteLimit;
}

std::optional<qint64> LimitRow::tokensHeadroom() const
{
    if (!ceiling)
        return std::nullopt;
    return ceiling->tokensPerMinuteLimit - limit.tokensPerMinuteLimit;
}

// ---- RateLimitPlan

QString RateLimitPlan::matchKey(const RateLimit &limit)
{
    // Empty scope fields (an answer that left them out) mean ANY, the only value the API knows today.
    const QString cloud = limit.cloud.isEmpty() ? u"ANY"_s : limit.cloud;
    const QString geography = limit.geography.isEmpty() ? u"ANY"_s : limit.geography;
    return cloud + u'\x1f' + geography + u'\x1f' + limit.modelGroupName;
}

std::optional<RateLimit> RateLimitPlan::ceilingFor(const RateLimit &limit,
                                                   const QList<RateLimit> &orgCeilings)
{
    const QString key = matchKey(limit);
    for (const RateLimit &c : orgCeilings) {
        if (matchKey(c) == key)
            return c;
    }
    return std::nullopt;
}

QList<LimitRow> RateLimitPlan::join(const QList<RateLimit> &projectLimits,
                                    const QList<RateLimit> &orgCeilings)
{
    QHash<QString, RateLimit> byKey;
    for (const RateLimit &c : orgCeilings)
        byKey.insert(matchKey(c), c);
    QList<LimitRow> rows;
    rows.reserve(projectLimits.size());
    for (const RateLimit &l : projectLimits) {
        LimitRow row{l, std::nullopt};
        const auto it = byKey.constFind(matchKey(l));
        if (it != byKey.constEnd())
            row.ceiling = *it;
        rows.append(row);
    }
    return rows;
}

QString RateLimitPlan::validateEdit(qint64 requestsPerMinute, qint64 tokensPerMinute,
                                    const std::optional<RateLimit> &ceiling)
{
    const QLocale locale;
    if (requestsPerMinute < 1)
        return tr("Requests per minute must be at least 1.");
    if (tokensPerMinute < 1)
        return tr("Tokens per minute must be at least 1.");
    if (ceiling) {
        if (requestsPerMinute > ceiling->requestsPerMinuteLimit)
            return tr("Requests per minute cannot be above the organization's limit of %1 for %2.")
                .arg(locale.toString(ceiling->requestsPerMinuteLimit), ceiling->modelGroupName);
        if (tokensPerMinute > ceiling->tokensPerMinuteLimit)
            return tr("Tokens per minute cannot be above the organization's limit of %1 for %2.")
                .arg(locale.toString(ceiling->tokensPerMinuteLimit), ceiling->modelGroupName);
    }
    if (requestsPerMinute > INT_MAX || tokensPerMinute > INT_MAX)
        return tr("A rate limit cannot be above %1.").arg(locale.toString(INT_MAX));
    return {};
}

QList<Oversubscription>
RateLimitPlan::oversubscriptions(const QList<RateLimit> &orgCeilings,
                                 const QHash<QString, QList<RateLimit>> &projectLimits)
{
    QList<Oversubscription> out;
    for (const RateLimit &ceiling : orgCeilings) {
        const QString key = matchKey(ceiling);
        Oversubscription o;
        o.ceiling = ceiling;
        for (auto it = projectLimits.cbegin(); it != projectLimits.cend(); ++it) {
            for (const RateLimit &l : it.value()) {
                if (matchKey(l) != key)
                    continue;
                o.requestsTotal += l.requestsPerMinuteLimit;
                o.tokensTotal += l.tokensPerMinuteLimit;
                o.projects.append({it.key(), l});
            }
        }
        if (!o.requestsOver() && !o.tokensOver())
            continue;
        std::sort(o.projects.begin(), o.projects.end(), [](const auto &a, const auto &b) {
            if (a.second.requestsPerMinuteLimit != b.second.requestsPerMinuteLimit)
                return a.second.requestsPerMinuteLimit > b.second.requestsPerMinuteLimit;
            if (a.second.tokensPerMinuteLimit != b.second.tokensPerMinuteLimit)
                return a.second.tokensPerMinuteLimit > b.second.tokensPerMinuteLimit;
            return a.first < b.first;
        });
        out.append(o);
    }
    return out;
}

// ---- ProjectLimitsJob

ProjectLimitsJob::ProjectLimitsJob(AtlasClient *client, const QString &projectId, const QString &orgId,
                                   QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_projectId(projectId)
    , m_orgId(orgId)
{}

ProjectLimitsJob::~ProjectLimitsJob()
{
    abortAll();
}

void ProjectLimitsJob::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &ProjectLimitsJob::run, Qt::QueuedConnection);
}

void ProjectLimitsJob::cancel()
{
    if (isFinished() || m_canceled)
        return;
    m_canceled = true;
    abortAll();
    QMetaObject::invokeMethod(
        this, [this] { finishWith(ApiError::canceled()); }, Qt::QueuedConnection);
}

void ProjectLimitsJob::abortAll()
{
    const QList<QPointer<Job>> jobs = std::exchange(m_jobs, {});
    for (const QPointer<Job> &job : jobs) {
        if (job && !job->isFinished()) {
            job->disconnect(this);
            job->cancel();
        }
    }
}

void ProjectLimitsJob::run()
{
    if (m_canceled || isFinished())
        return;
    if (!m_client) {
        finishWith(ApiError::invalidInput(tr("Signed out: sign in again to continue.")));
        return;
    }
    ListJob<RateLimit> *limits = m_client->listProjectRateLimits(m_projectId);
    ++m_pending;
    m_jobs.append(limits);
    connect(limits, &Job::finished, this, [this, limits] {
        --m_pending;
        if (!limits->succeeded()) {
            abortAll();
            finishWith(limits->error());
            return;
        }
        m_limits = limits->items();
        tryFinish();
    });

    ValueCall<Project> *project = m_client->getProject(m_projectId);
    ++m_pending;
    m_jobs.append(project);
    connect(project, &Job::finished, this, [this, project] {
        --m_pending;
        if (project->succeeded()) {
            m_projectName = project->value().name;
            if (m_orgId.isEmpty()) {
                m_orgId = project->value().orgId;
                readCeilings();
            }
        } else if (m_orgId.isEmpty()) {
            m_ceilingsError = project->error();
        }
        tryFinish();
    });
    if (!m_orgId.isEmpty())
        readCeilings();
}

void ProjectLimitsJob::readCeilings()
{
    if (m_orgId.isEmpty() || !m_client || isFinished())
        return;
    ListJob<RateLimit> *ceilings = m_client->listOrgRateLimits(m_orgId);
    ++m_pending;
    m_jobs.append(ceilings);
    connect(ceilings, &Job::finished, this, [this, ceilings] {
        --m_pending;
        if (ceilings->succeeded()) {
            m_ceilings = ceilings->items();
            m_ceilingsRead = true;
        } else {
            m_ceilingsError = ceilings->error();
            qCInfo(lcAtlas) << "org ceilings not readable:" << m_ceilingsError.message();
        }
        tryFinish();
    });
}

void ProjectLimitsJob::tryFinish()
{
    if (isFinished() || m_pending > 0)
        return;
    m_jobs.clear();
    finishWith({});
}

// ---- ProjectLimitsFanOut

ProjectLimitsFanOut::ProjectLimitsFanOut(AtlasClient *client, QStringList projectIds, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_projectIds(std::move(projectIds))
{
    m_projectIds.removeDuplicates();
}

ProjectLimitsFanOut::~ProjectLimitsFanOut()
{
    for (const QPointer<Job> &job : std::as_const(m_inFlight)) {
        if (job && !job->isFinished()) {
            job->disconnect(this);
            job->cancel();
        }
    }
}

void ProjectLimitsFanOut::setConcurrency(int n)
{
    m_concurrency = std::clamp(n, 1, 32);
}

void ProjectLimitsFanOut::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_client) {
                finishWith(ApiError::invalidInput(tr("Signed out: sign in again to continue.")));
                return;
            }
            pump();
        },
        Qt::QueuedConnection);
}

void ProjectLimitsFanOut::cancel()
{
    if (isFinished() || m_canceled)
        return;
    m_canceled = true;
    const auto inFlight = std::exchange(m_inFlight, {});
    for (const QPointer<Job> &job : inFlight) {
        if (job && !job->isFinished()) {
            job->disconnect(this);
            job->cancel();
        }
    }
    QMetaObject::invokeMethod(
        this, [this] { finishWith(ApiError::canceled()); }, Qt::QueuedConnection);
}

void ProjectLimitsFanOut::pump()
{
    if (m_canceled || isFinished())
        return;
    while (m_client && m_next < m_projectIds.size() && m_inFlight.size() < m_concurrency) {
        const QString id = m_projectIds.at(m_next++);
        ListJob<RateLimit> *job = m_client->listProjectRateLimits(id);
        m_inFlight.insert(id, job);
        m_peak = std::max(m_peak, int(m_inFlight.size()));
        connect(job, &Job::finished, this, [this, job, id] {
            m_inFlight.remove(id);
            if (job->succeeded())
                m_limits.insert(id, job->items());
            else
                m_failures.insert(id, job->error());
            const int done = int(m_limits.size() + m_failures.size());
            Q_EMIT progress(done, m_projectIds.size());
            pump();
        });
    }
    if (m_inFlight.isEmpty() && (m_next >= m_projectIds.size() || !m_client))
        finishWith({});
}

// ---- OrgLimitsJob

OrgLimitsJob::OrgLimitsJob(AtlasClient *client, const QString &orgId, QObject *parent)
    : Job(parent)
    , m_client(client)
    , m_orgId(orgId)
{}

OrgLimitsJob::~OrgLimitsJob()
{
    abortAll();
}

void OrgLimitsJob::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &OrgLimitsJob::run, Qt::QueuedConnection);
}

void OrgLimitsJob::cancel()
{
    if (isFinished() || m_canceled)
        return;
    m_canceled = true;
    abortAll();
    QMetaObject::invokeMethod(
        this, [this] { finishWith(ApiError::canceled()); }, Qt::QueuedConnection);
}

void OrgLimitsJob::abortAll()
{
    const QList<QPointer<Job>> jobs = std::exchange(m_jobs, {});
    for (const QPointer<Job> &job : jobs) {
        if (job && !job->isFinished()) {
            job->disconnect(this);
            job->cancel();
        }
    }
}

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
    if (m_canceled || isFinished())
        return;
    if (!m_client) {
        finishWith(ApiError::invalidInput(tr("Signed out: sign in again to continue.")));
        return;
    }
    ListJob<RateLimit> *ceilings = m_client->listOrgRateLimits(m_orgId);
    ListJob<Project> *projects = m_client->listProjects(m_orgId);
    m_pending = 2;
    m_jobs = {ceilings, projects};
    auto failed = [this](const ApiError &error) {
        abortAll();
        finishWith(error);
    };
    connect(ceilings, &Job::finished, this, [this, ceilings, failed] {
        if (!ceilings->succeeded())
            return failed(ceilings->error());
        m_ceilings = ceilings->items();
        if (--m_pending == 0)
            fanOut();
    });
    connect(projects, &Job::finished, this, [this, projects, failed] {
        if (!projects->succeeded())
            return failed(projects->error());
        m_projects = projects->items();
        if (--m_pending == 0)
            fanOut();
    });
}

void OrgLimitsJob::fanOut()
{
    if (isFinished())
        return;
    QStringList ids;
    ids.reserve(m_projects.size());
    for (const Project &p : std::as_const(m_projects))
        ids << p.id;
    auto *fan = new ProjectLimitsFanOut(m_client, ids);
    fan->setConcurrency(m_concurrency);
    m_jobs = {fan};
    connect(fan, &Job::progress, this, &Job::progress);
    connect(fan, &Job::finished, this, [this, fan] {
        m_projectLimits = fan->limits();
        m_failures = fan->failures();
        m_jobs.clear();
        finishWith(fan->error());
    });
    fan->start();
}

} // namespace aikeys
