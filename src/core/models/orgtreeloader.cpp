#include "models/orgtreeloader.h"

#include "atlas/atlasclient.h"
#include "logging.h"
#include "models/orgtreemodel.h"

namespace aikeys {

OrgTreeLoader::OrgTreeLoader(OrgTreeModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(m_model, &OrgTreeModel::projectsRequested, this, &OrgTreeLoader::loadProjects);
}

OrgTreeLoader::~OrgTreeLoader()
{
    cancelAll();
}

void OrgTreeLoader::setClient(AtlasClient *client)
{
    if (client == m_client && client)
        return;
    const bool wasLoading = isLoading();
    cancelAll();
    m_client = client;
    m_orgs.clear();
    m_counts.clear();
    m_countedOrgs.clear();
    m_recount.clear();
    m_error = {};
    m_loadedOnce = false;
    m_model->clear();
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

bool OrgTreeLoader::isLoading() const
{
    return m_inFlight > 0;
}

void OrgTreeLoader::jobStarted()
{
    if (m_inFlight++ == 0)
        Q_EMIT loadingChanged(true);
}

void OrgTreeLoader::jobEnded()
{
    if (m_inFlight > 0 && --m_inFlight == 0)
        Q_EMIT loadingChanged(false);
}

void OrgTreeLoader::cancelAll()
{
    // The jobs finish later, from the event loop, with a Canceled error; their slots see that they are
    // no longer the current job and only balance the in-flight count.
    QList<QPointer<Job>> jobs{m_orgJob, m_otherJob};
    jobs += m_projectJobs.values();
    jobs += m_countJobs.values();
    m_orgJob.clear();
    m_otherJob.clear();
    m_projectJobs.clear();
    m_countJobs.clear();
    for (const QPointer<Job> &job : std::as_const(jobs)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
        }
    }
    if (m_inFlight > 0) {
        m_inFlight = 0;
        // loadingChanged(false) is the caller's to emit, once its own state is consistent.
    }
}

void OrgTreeLoader::cancel()
{
    const bool wasLoading = isLoading();
    const QList<QString> loadingOrgs = m_projectJobs.keys();
    cancelAll();
    for (const QString &orgId : loadingOrgs)
        m_model->setLoadError(orgId, tr("Loading was cancelled."));
    if (wasLoading)
        Q_EMIT loadingChanged(false);
}

void OrgTreeLoader::load()
{
    if (!m_client)
        return;
    if (m_orgJob)
        return; // already listing them
    // The counts are as old as the listing they came from: a refresh counts again rather than put
    // them back over newer numbers when the projects arrive.
    m_recount.unite(m_countedOrgs);
    m_countedOrgs.clear();
    m_counts.clear();
    startOrganizations();
}

void OrgTreeLoader::startOrganizations()
{
    ListJob<Organization> *job = m_client->listOrganizations();
    m_orgJob = job;
    jobStarted();
    connect(job, &Job::finished, this, [this, job] {
        if (m_orgJob != job)
            return;
        m_orgJob.clear();
        if (job->error()) {
            m_error = job->error();
            qCInfo(lcModels).noquote() << "organizations could not be listed:" << m_error.message();
            Q_EMIT failed(m_error);
        } else {
            m_error = {};
            onOrganizations(job->items());
        }
        jobEnded();
    });
}

void OrgTreeLoader::onOrganizations(const QList<Organization> &orgs)
{
    QList<Organization> visible;
    for (const Organization &org : orgs) {
        if (!org.isDeleted)
            visible.append(org);
    }

    auto idsOf = [](const QList<Organization> &list) {
        QSet<QString> ids;
        for (const Organization &o : list)
            ids.insert(o.id);
        return ids;
    };
    bool sameNames = visible.size() == m_orgs.size();
    for (qsizetype i = 0; sameNames && i < visible.size(); ++i)
        sameNames = visible[i].name == m_orgs[i].name;
    const bool keepTree = m_loadedOnce && sameNames && idsOf(visible) == idsOf(m_orgs);
    m_orgs = visible;
    m_loadedOnce = true;

    if (keepTree) {
        // A refresh: every organization whose projects were listed before is listed again.
        for (const Organization &org : std::as_const(m_orgs)) {
            const OrgTreeModel::LoadState state = m_model->loadState(org.id);
            if (state == OrgTreeModel::LoadState::Loaded || state == OrgTreeModel::LoadState::Failed)
                loadProjects(org.id);
        }
    } else {
        for (QPointer<Job> &job : m_projectJobs) {
            if (job) {
                job->disconnect(this);
                job->cancel();
                jobEnded();
            }
        }
        m_projectJobs.clear();
        m_model->setOrganizations(m_orgs);
        for (qsizetype i = 0; i < m_orgs.size() && i < m_eager; ++i) {
            m_model->setLoading(m_orgs[i].id);
            loadProjects(m_orgs[i].id);
        }
    }
    Q_EMIT organizationsLoaded();
    startOtherProjects();
    const QSet<QString> recount = std::exchange(m_recount, {});
    for (const QString &orgId : recount) {
        if (m_model->indexOfOrganization(orgId).isValid())
            countKeys(orgId);
    }
}

void OrgTreeLoader::loadProjects(const QString &orgId)
{
    if (!m_client || m_projectJobs.value(orgId))
        return;
    m_model->setLoading(orgId);
    ListJob<Project> *job = m_client->listProjects(orgId);
    m_projectJobs.insert(orgId, job);
    jobStarted();
    connect(job, &Job::finished, this, [this, job, orgId] {
        if (m_projectJobs.value(orgId) != job)
            return;
        m_projectJobs.remove(orgId);
        if (job->error()) {
            qCInfo(lcModels).noquote()
                << "projects of an organization could not be listed:" << job->error().message();
            m_model->setLoadError(orgId, job->error().message());
        } else {
            m_model->setProjects(orgId, job->items());
            applyCounts(orgId);
            Q_EMIT projectsLoaded(orgId);
        }
        jobEnded();
    });
}

void OrgTreeLoader::startOtherProjects()
{
    if (m_otherJob)
        return;
    ListJob<Project> *job = m_client->listAllProjects();
    m_otherJob = job;
    jobStarted();
    connect(job, &Job::finished, this, [this, job] {
        if (m_otherJob != job)
            return;
        m_otherJob.clear();
        if (job->error()) {
            qCInfo(lcModels).noquote()
                << "the projects of every organization could not be listed:" << job->error().message();
        } else {
            m_model->setOtherProjects(job->items());
        }
        jobEnded();
    });
}

void OrgTreeLoader::countKeys(const QString &orgId)
{
    if (!m_client || m_countedOrgs.contains(orgId) || m_countJobs.value(orgId))
        return;
    ListJob<AiKey> *job = m_client->listOrgKeys(orgId);
    m_countJobs.insert(orgId, job);
    connect(job, &Job::finished, this, [this, job, orgId] {
        if (m_countJobs.value(orgId) != job)
            return;
        m_countJobs.remove(orgId);
        if (job->error()) {
            // Typically 403 for a user with project roles only: counts then come per project.
            qCDebug(lcModels).noquote()
                << "keys of an organization could not be counted:" << job->error().message();
            return;
        }
        applyKeyCounts(orgId, job->items());
    });
}

void OrgTreeLoader::applyKeyCounts(const QString &orgId, const QList<AiKey> &keys)
{
    QHash<QString, qint64> counts;
    for (const AiKey &key : keys)
        ++counts[key.groupId];
    m_counts.insert(orgId, counts);
    m_countedOrgs.insert(orgId);
    if (QPointer<Job> pending = m_countJobs.take(orgId)) {
        // Someone else's listing answered first; ours would only say the same again.
        pending->disconnect(this);
        pending->cancel();
    }
    applyCounts(orgId);
    Q_EMIT keyCountsLoaded(orgId);
}

void OrgTreeLoader::setKeyCount(const QString &projectId, qint64 count)
{
    const QModelIndex project = m_model->indexOfProject(projectId);
    const QString orgId = project.isValid() ? project.data(OrgTreeModel::OrgIdRole).toString() : QString();
    if (const auto it = m_counts.find(orgId); !orgId.isEmpty() && it != m_counts.end())
        it->insert(projectId, count);
    m_model->setKeyCount(projectId, count);
}

void OrgTreeLoader::applyCounts(const QString &orgId)
{
    const auto it = m_counts.constFind(orgId);
    if (it == m_counts.cend())
        return;
    const QHash<QString, qint64> &counts = *it;
    const QModelIndex org = m_model->indexOfOrganization(orgId);
    // Projects listed under the organization: their count, 0 when the listing had none of theirs.
    QSet<QString> seen;
    for (int row = 0, rows = m_model->rowCount(org); org.isValid() && row < rows; ++row) {
        const QString projectId = m_model->index(row, 0, org).data(OrgTreeModel::IdRole).toString();
        seen.insert(projectId);
        m_model->setKeyCount(projectId, counts.value(projectId, 0));
    }
    // Keys of projects the tree does not show (yet): kept by id for when they appear.
    for (auto c = counts.cbegin(); c != counts.cend(); ++c) {
        if (!seen.contains(c.key()))
            m_model->setKeyCount(c.key(), c.value());
    }
}

} // namespace aikeys
