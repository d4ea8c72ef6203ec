#pragma once

#include "atlas/apierror.h"
#include "domain/types.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace aikeys {

class AtlasClient;
class Job;
class OrgTreeModel;

// Fills an OrgTreeModel from an AtlasClient, as fast as the server allows and no more than needed:
//   1. GET /orgs;
//   2. then, at the same time, the projects of the first eagerOrganizations() organizations (one list
//      each, concurrently; the network access manager runs six at a time) and GET /groups for the
//      projects whose organization the user cannot see ("Other projects");
//   3. the other organizations' projects when the view expands them (OrgTreeModel::fetchMore asks
//      through projectsRequested);
//   4. key counts per project from one org-wide key listing, when countKeys() asks (the view does on
//      expanding or selecting an organization), or from a listing made elsewhere (applyKeyCounts).
//
// load() again is a refresh: the organizations are listed again; if they are the same ones, the
// tree is kept (expansion and selection survive) and the projects of every organization already
// loaded are listed again and merged; otherwise the tree is rebuilt. Key counts from before a refresh
// are never put back: every organization whose keys were counted is counted again, and until that
// answer comes the tree shows the last number it was given (setKeyCount() keeps that current).
//
// Errors: a failed organization list is failed() (the tree stays as it was); a failed project list
// marks its organization Failed in the model (loadProjects() retries it); a failed key count or
// "Other projects" list is only logged: the tree is complete without them (a user with project roles
// only cannot list an organization's keys).
class OrgTreeLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultEagerOrganizations = 20;

    // The model is not owned and must outlive the loader.
    explicit OrgTreeLoader(OrgTreeModel *model, QObject *parent = nullptr);
    ~OrgTreeLoader() override;

    OrgTreeModel *model() const { return m_model; }
    AtlasClient *client() const { return m_client; }
    // Not owned. Another client (or none) cancels whatever is in flight and clears the tree.
    void setClient(AtlasClient *client);

    // How many organizations get their projects listed without waiting for the view to ask.
    int eagerOrganizations() const { return m_eager; }
    void setEagerOrganizations(int count) { m_eager = qMax(0, count); }

    void load();
    // Lists (again) one organization's projects; a list already in flight for it is kept.
    void loadProjects(const QString &orgId);
    // Counts the keys of every project of the organization with one org-wide key listing. Once per
    // organization until the next load(); a count in flight is not started twice.
    void countKeys(const QString &orgId);
    bool hasKeyCounts(const QString &orgId) const { return m_countedOrgs.contains(orgId); }
    // Counts from an org-wide listing made by someone else (the key table): every project of the
    // organization gets its number of keys, 0 for those with none.
    void applyKeyCounts(const QString &orgId, const QList<AiKey> &keys);
    // One project's count, from its own listing or after a create or delete: shown at once and kept
    // with the organization's counts, so that nothing older is applied over it later.
    void setKeyCount(const QString &projectId, qint64 count);
    // Stops every request in flight. Organizations whose projects were loading are marked Failed
    // ("cancelled"), so that selecting them again retries.
    void cancel();

    // Organizations, projects or "Other projects" in flight (key counts are not counted: they are
    // extras that never hold up the tree).
    bool isLoading() const;
    bool hasLoaded() const { return m_loadedOnce; }
    // Why the last organization list failed; no error when it succeeded.
    const ApiError &error() const { return m_error; }
    const QList<Organization> &organizations() const { return m_orgs; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    // The organization list arrived (the tree's top level is there; projects follow).
    void organizationsLoaded();
    void failed(const aikeys::ApiError &error);
    void projectsLoaded(const QString &orgId);
    void keyCountsLoaded(const QString &orgId);

private:
    void startOrganizations();
    void onOrganizations(const QList<Organization> &orgs);
    void startOtherProjects();
    void applyCounts(const QString &orgId);
    void jobStarted();
    void jobEnded();
    void cancelAll();

    OrgTreeModel *m_model;
    QPointer<AtlasClient> m_client;
    QPointer<Job> m_orgJob;
    QPointer<Job> m_otherJob;
    QHash<QString, QPointer<Job>> m_projectJobs;
    QHash<QString, QPointer<Job>> m_countJobs;
    QSet<QString> m_countedOrgs;
    // Per organization, keys per project id, from the last count; applied again when the
    // organization's projects arrive after its count.
    QHash<QString, QHash<QString, qint64>> m_counts;
    // Organizations counted before the refresh in progress: counted again once it has listed them.
    QSet<QString> m_recount;
    QList<Organization> m_orgs;
    ApiError m_error;
    int m_eager = kDefaultEagerOrganizations;
    int m_inFlight = 0;
    bool m_loadedOnce = false;
};

} // namespace aikeys
