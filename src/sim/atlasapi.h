#pragma once

#include "httpmessage.h"
#include "options.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

class QRandomGenerator;

namespace aikeys::sim {

class Store;
struct Principal;
struct Project;
struct Organization;
struct AiKey;
struct ModelGroup;
struct RateLimitValue;

// The /api/atlas/v2 resources: routing, versioned media types, paging, roles, validation.
// Authentication, rate limiting and faults happen before a request gets here (see SimServer).
class AtlasApi
{
public:
    AtlasApi(Store &store, PagingFault pagingFault, QRandomGenerator &idRng);

    // `subPath` is the path after /api/atlas/v2. `pagingFault` says whether --paging-fault applies.
    Response handle(const Request &request, const QString &subPath, const Principal &principal,
                    bool pagingFault);

    enum class Version { V20230101, V20250312 };

    // Renders (and caches) up to `count` keys and projects from position `from` of the store, so that
    // the first pages asked for are as fast as later ones. Returns the next position, or -1 when done.
    qsizetype warmCaches(qsizetype from, qsizetype count);

private:
    enum class ProjectNeed { Read, ModelWrite };
    enum class OrgNeed { Member, Read };

    struct Call
    {
        const Request &request;
        const Principal &principal;
        QStringList args; // path parameters in order
        Version version;
        bool pagingFault;
    };
    using Handler = Response (AtlasApi::*)(const Call &);

    struct Page
    {
        int itemsPerPage = 100;
        int pageNum = 1;
        bool includeCount = true;
    };

    // Checks shared by the handlers; each returns the error answer, or nothing when all is well.
    std::optional<Response> checkAccept(const Request &request, Version version) const;
    std::optional<Response> checkContentType(const Request &request, Version version) const;
    std::optional<Response> readPaging(const Request &request, Page *page) const;
    std::optional<Response> readBody(const Request &request, QJsonObject *body) const;
    std::optional<Response> findProject(const Call &call, const QString &groupId, ProjectNeed need,
                                        const Project **project) const;
    std::optional<Response> findOrg(const Call &call, const QString &orgId, OrgNeed need,
                                    const Organization **org) const;
    // A listing's preamble: its paging parameters (checked first, as Atlas does), then the project
    // or organization of the path's first argument.
    std::optional<Response> findPagedProject(const Call &call, ProjectNeed need, Page *page,
                                             const Project **project) const;
    std::optional<Response> findPagedOrg(const Call &call, OrgNeed need, Page *page,
                                         const Organization **org) const;
    std::optional<Response> findModelGroup(const Call &call, int firstArg, const ModelGroup **group) const;

    // A page answer: `item(i)` renders the i-th element of the full list as compact JSON.
    Response pageAnswer(const Call &call, const Page &page, qsizetype total,
                        const std::function<QByteArray(qsizetype)> &item) const;
    Response ok(const Call &call, int status, const QByteArray &json) const;

    QByteArray keyJson(const AiKey &key) const;
    QByteArray projectJson(const Project &project) const;
    QByteArray rateLimitJson(const ModelGroup &group, qint64 rpm, qint64 tpm) const;
    Response limitAnswer(const Call &call, const ModelGroup &group, const RateLimitValue &value) const;
    // Every model group, a page of them, each with its value (a project's limit, an org's ceiling).
    Response limitsPage(const Call &call, const Page &page,
                        const std::function<RateLimitValue(const ModelGroup &)> &valueOf) const;
    // The project of the path's first argument and the model group of the rest.
    std::optional<Response> findProjectGroup(const Call &call, ProjectNeed need, const Project **project,
                                             const ModelGroup **group) const;

    Response listOrgs(const Call &call);
    Response listOrgGroups(const Call &call);
    Response listGroups(const Call &call);
    Response getGroup(const Call &call);

    Response listGroupKeys(const Call &call);
    Response createKey(const Call &call);
    Response getGroupKey(const Call &call);
    Response updateKey(const Call &call);
    Response deleteKey(const Call &call);
    Response listOrgKeys(const Call &call);
    Response getOrgKey(const Call &call);

    Response listGroupLimits(const Call &call);
    Response resetGroupLimits(const Call &call);
    Response getGroupLimit(const Call &call);
    Response updateGroupLimit(const Call &call);
    Response resetGroupLimit(const Call &call);
    Response listOrgLimits(const Call &call);
    Response getOrgLimit(const Call &call);

    Store &m_store;
    PagingFault m_pagingFault;
    QRandomGenerator &m_idRng;
};

} // namespace aikeys::sim
