#include "atlasapi.h"

#include "ids.h"
#include "principals.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

QByteArray mediaType(AtlasApi::Version version)
{
    return version == AtlasApi::Version::V20230101 ? "application/vnd.atlas.2023-01-01+json"
                                                   : "application/vnd.atlas.2025-03-12+json";
}

// What Atlas labels its answers with (2xx, 204 included): the version's type and a charset.
QByteArray answerType(AtlasApi::Version version)
{
    return mediaType(version) + ";charset=utf-8";
}

// Atlas's answer to a principal without the role, or outside the project: a 401, not a 403.
Response userUnauthorized()
{
    return apiError(401, u"USER_UNAUTHORIZED"_s, u"Current user is not authorized to perform this action."_s);
}

// "text/plain; charset=utf-8" -> "text/plain"
QByteArray bareMediaType(const QByteArray &value)
{
    const qsizetype semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.left(semicolon)).trimmed().toLower();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonArray selfLink(const QString &href)
{
    return QJsonArray{QJsonObject{{u"href"_s, href}, {u"rel"_s, u"self"_s}}};
}

bool startsWithIgnoringCase(const QString &text, const QString &prefix)
{
    return text.startsWith(prefix, Qt::CaseInsensitive);
}

} // namespace

AtlasApi::AtlasApi(Store &store, PagingFault pagingFault, QRandomGenerator &idRng)
    : m_store(store)
    , m_pagingFault(pagingFault)
    , m_idRng(idRng)
{}

Response AtlasApi::handle(const Request &request, const QString &subPath, const Principal &principal,
                          bool pagingFault)
{
    using V = Version;
    struct RouteDef
    {
        QStringList pattern; // literal segments, or "*" for a path parameter
        Version version;
        QList<QPair<QByteArray, Handler>> methods;
    };
    const auto scoped = [](const QString &scope, const QString &last) {
        return QStringList{
            scope,  u"*"_s, u"aiModelApiClouds"_s, u"*"_s, u"geographies"_s, u"*"_s, u"modelGroupNames"_s,
            u"*"_s, last};
    };
    static const QList<RouteDef> routes{
        {{u"orgs"_s}, V::V20230101, {{"GET", &AtlasApi::listOrgs}}},
        {{u"orgs"_s, u"*"_s, u"groups"_s}, V::V20230101, {{"GET", &AtlasApi::listOrgGroups}}},
        {{u"groups"_s}, V::V20230101, {{"GET", &AtlasApi::listGroups}}},
        {{u"groups"_s, u"*"_s}, V::V20230101, {{"GET", &AtlasApi::getGroup}}},
        {{u"groups"_s, u"*"_s, u"aiModelApiKeys"_s},
         V::V20250312,
         {{"GET", &AtlasApi::listGroupKeys}, {"POST", &AtlasApi::createKey}}},
        {{u"groups"_s, u"*"_s, u"aiModelApiKeys"_s, u"*"_s},
         V::V20250312,
         {{"GET", &AtlasApi::getGroupKey},
          {"PATCH", &AtlasApi::updateKey},
          {"DELETE", &AtlasApi::deleteKey}}},
        {{u"orgs"_s, u"*"_s, u"aiModelApiKeys"_s}, V::V20250312, {{"GET", &AtlasApi::listOrgKeys}}},
        {{u"orgs"_s, u"*"_s, u"aiModelApiKeys"_s, u"*"_s}, V::V20250312, {{"GET", &AtlasApi::getOrgKey}}},
        {{u"groups"_s, u"*"_s, u"aiModelApiRateLimits"_s},
         V::V20250312,
         {{"GET", &AtlasApi::listGroupLimits}}},
        {{u"groups"_s, u"*"_s, u"aiModelApiRateLimits:reset"_s},
         V::V20250312,
         {{"POST", &AtlasApi::resetGroupLimits}}},
        {scoped(u"groups"_s, u"rateLimits"_s),
         V::V20250312,
         {{"GET", &AtlasApi::getGroupLimit}, {"PATCH", &AtlasApi::updateGroupLimit}}},
        {scoped(u"groups"_s, u"rateLimits:reset"_s), V::V20250312, {{"POST", &AtlasApi::resetGroupLimit}}},
        {{u"orgs"_s, u"*"_s, u"aiModelApiRateLimits"_s}, V::V20250312, {{"GET", &AtlasApi::listOrgLimits}}},
        {scoped(u"orgs"_s, u"rateLimits"_s), V::V20250312, {{"GET", &AtlasApi::getOrgLimit}}},
    };

    const QStringList segments = subPath.split(u'/', Qt::SkipEmptyParts);
    for (const RouteDef &route : routes) {
        if (route.pattern.size() != segments.size())
            continue;
        QStringList args;
        bool match = true;
        for (qsizetype i = 0; i < segments.size() && match; ++i) {
            if (route.pattern.at(i) == "*"_L1)
                args.append(segments.at(i));
            else
                match = route.pattern.at(i) == segments.at(i);
        }
        if (!match)
            continue;

        Handler handler = nullptr;
        QByteArrayList allowed;
        for (const auto &[method, candidate] : route.methods) {
            allowed.append(method);
            if (method == request.method)
                handler = candidate;
        }
        if (!handler) {
            Response r = apiError(
                405, u"METHOD_NOT_ALLOWED"_s,
                u"%1 is not supported on %2; use %3."_s.arg(QString::fromLatin1(request.method), request.path,
                                                            QString::fromLatin1(allowed.join(", "))));
            r.setHeader("Allow", allowed.join(", "));
            return r;
        }
        if (std::optional<Response> refused = checkAccept(request, route.version))
            return *refused;
        const Call call{request, principal, args, route.version, pagingFault};
        return (this->*handler)(call);
    }
    return apiError(
        404, u"RESOURCE_NOT_FOUND"_s,
        u"There is no %1 endpoint at %2."_s.arg(QString::fromLatin1(request.method), request.path));
}

std::optional<Response> AtlasApi::checkAccept(const Request &request, Version version) const
{
    static const QRegularExpression versioned(u"^application/vnd\\.atlas\\.(\\d{4}-\\d{2}-\\d{2})\\+json$"_s);
    const QByteArray wanted = mediaType(version);
    bool retired = false;
    QString otherDate;
    for (const QByteArray &part : request.header("accept").split(',')) {
        const QByteArray type = bareMediaType(part);
        if (type == wanted)
            return std::nullopt;
        const QRegularExpressionMatch m = versioned.match(QString::fromLatin1(type));
        if (m.hasMatch()) {
            // ISO dates compare as strings.
            if (m.captured(1) < "2023-01-01"_L1)
                retired = true;
            else
                otherDate = m.captured(1);
        }
    }
    const QString wantedText = QString::fromLatin1(wanted);
    if (retired) {
        return apiError(410, u"VERSION_GONE"_s,
                        u"The requested API version has been retired. Send Accept: %1."_s.arg(wantedText));
    }
    if (!otherDate.isEmpty()) {
        return apiError(
            406, u"INVALID_VERSION_DATE"_s,
            u"Version %1 does not exist for this resource. Send Accept: %2."_s.arg(otherDate, wantedText));
    }
    return apiError(406, u"NOT_ACCEPTABLE"_s,
                    u"This resource is served only as %1; send it in the Accept header."_s.arg(wantedText));
}

std::optional<Response> AtlasApi::checkContentType(const Request &request, Version version) const
{
    const QByteArray wanted = mediaType(version);
    if (bareMediaType(request.header("content-type")) == wanted)
        return std::nullopt;
    return apiError(415, u"UNSUPPORTED_MEDIA_TYPE"_s,
                    u"Send the request body as Content-Type: %1."_s.arg(QString::fromLatin1(wanted)));
}

std::optional<Response> AtlasApi::readPaging(const Request &request, Page *page) const
{
    const auto integer = [&](const QString &name, int min, int max, int *out) -> std::optional<Response> {
        if (!request.query.hasQueryItem(name))
            return std::nullopt;
        const QString text = request.query.queryItemValue(name, QUrl::FullyDecoded);
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        if (!ok || v < min || v > max) {
            const QString range =
                max == INT_MAX ? u"at least %1"_s.arg(min) : u"from %1 to %2"_s.arg(min).arg(max);
            return apiError(400, u"VALIDATION_ERROR"_s,
                            u"Query parameter %1 must be an integer %2, not \"%3\"."_s.arg(name, range, text),
                            {{name, u"must be an integer %1"_s.arg(range)}});
        }
        *out = int(v);
        return std::nullopt;
    };
    if (auto e = integer(u"itemsPerPage"_s, 1, 500, &page->itemsPerPage))
        return e;
    if (auto e = integer(u"pageNum"_s, 1, INT_MAX, &page->pageNum))
        return e;
    if (request.query.hasQueryItem(u"includeCount"_s)) {
        const QString v = request.query.queryItemValue(u"includeCount"_s).toLower();
        if (v != "true"_L1 && v != "false"_L1) {
            return apiError(400, u"VALIDATION_ERROR"_s,
                            u"Query parameter includeCount must be true or false."_s,
                            {{u"includeCount"_s, u"must be true or false"_s}});
        }
        page->includeCount = v == "true"_L1;
    }
    return std::nullopt;
}

std::optional<Response> AtlasApi::readBody(const Request &request, QJsonObject *body) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        const QString why = error.error != QJsonParseError::NoError
                                ? u"%1 at offset %2"_s.arg(error.errorString()).arg(error.offset)
                                : u"the body must be a JSON object"_s;
        return apiError(400, u"MALFORMED_REQUEST"_s, u"The request body is not valid JSON: %1."_s.arg(why));
    }
    *body = doc.object();
    return std::nullopt;
}

std::optional<Response> AtlasApi::findProject(const Call &call, const QString &groupId, ProjectNeed need,
                                              const Project **project) const
{
    if (!isObjectId(groupId))
        return apiError(400, u"INVALID_GROUP_ID"_s, u"An invalid group ID %1 was specified."_s.arg(groupId));
    const Project *p = m_store.project(groupId);
    if (!p) {
        return apiError(404, u"GROUP_NOT_FOUND"_s, u"No group with ID %1 exists."_s.arg(groupId), {},
                        QJsonArray{groupId});
    }
    const ProjectRole role = call.principal.projectRole(*p);
    const ProjectRole required = need == ProjectNeed::Read ? ProjectRole::ReadOnly : ProjectRole::ModelOwner;
    if (role < required)
        return userUnauthorized();
    *project = p;
    return std::nullopt;
}

std::optional<Response> AtlasApi::findOrg(const Call &call, const QString &orgId, OrgNeed need,
                                          const Organization **org) const
{
    if (!isObjectId(orgId))
        return apiError(400, u"INVALID_ORG_ID"_s,
                        u"An invalid organization ID %1 was specified."_s.arg(orgId));
    const Organization *o = m_store.organization(orgId);
    if (!o) {
        return apiError(404, u"ORG_NOT_FOUND"_s, u"No organization with ID %1 exists."_s.arg(orgId), {},
                        QJsonArray{orgId});
    }
    const OrgRole required = need == OrgNeed::Member ? OrgRole::Member : OrgRole::ReadOnly;
    if (call.principal.orgRole(orgId) < required)
        return userUnauthorized();
    *org = o;
    return std::nullopt;
}

std::optional<Response> AtlasApi::findModelGroup(const Call &call, int firstArg,
                                                 const ModelGroup **group) const
{
    QList<FieldViolation> violations;
    if (call.args.at(firstArg) != "ANY"_L1)
        violations.append({u"cloud"_s, u"must be ANY"_s});
    if (call.args.at(firstArg + 1) != "ANY"_L1)
        violations.append({u"geography"_s, u"must be ANY"_s});
    if (!violations.isEmpty()) {
        return apiError(400, u"VALIDATION_ERROR"_s,
                        u"Only the cloud ANY and the geography ANY exist today."_s, violations);
    }
    const QString name = call.args.at(firstArg + 2);
    const ModelGroup *g = m_store.modelGroup(name);
    if (!g)
        return apiError(404, u"RESOURCE_NOT_FOUND"_s, u"No model group named %1 exists."_s.arg(name));
    *group = g;
    return std::nullopt;
}

Response AtlasApi::ok(const Call &call, int status, const QByteArray &json) const
{
    QByteArray body = json;
    if (call.request.query.queryItemValue(u"pretty"_s).toLower() == "true"_L1)
        body = QJsonDocument::fromJson(json).toJson(QJsonDocument::Indented);
    return jsonResponse(status, answerType(call.version), body);
}

Response AtlasApi::pageAnswer(const Call &call, const Page &page, qsizetype total,
                              const std::function<QByteArray(qsizetype)> &item) const
{
    const PagingFault fault = call.pagingFault ? m_pagingFault : PagingFault::None;
    const qint64 servedPage = fault == PagingFault::Repeat ? 1 : page.pageNum;
    const qint64 start = (servedPage - 1) * page.itemsPerPage;
    const qint64 end = std::min<qint64>(start + page.itemsPerPage, total);

    QByteArray results = "[";
    for (qint64 i = start; i < end; ++i) {
        if (i > start)
            results += ',';
        results += item(qsizetype(i));
    }
    results += ']';

    // Links carry the request's own query with pageNum and itemsPerPage set, on this server's address.
    const auto href = [&](qint64 pageNum) {
        QUrlQuery q = call.request.query;
        q.removeAllQueryItems(u"pageNum"_s);
        q.removeAllQueryItems(u"itemsPerPage"_s);
        q.addQueryItem(u"itemsPerPage"_s, QString::number(page.itemsPerPage));
        q.addQueryItem(u"pageNum"_s, QString::number(pageNum));
        QUrl url(u"http://"_s + m_store.endpoint());
        url.setPath(call.request.path);
        url.setQuery(q);
        return url.toString(QUrl::FullyEncoded);
    };
    QJsonArray links{QJsonObject{{u"href"_s, href(page.pageNum)}, {u"rel"_s, u"self"_s}}};
    if (qint64(page.pageNum) * page.itemsPerPage < total)
        links.append(QJsonObject{{u"href"_s, href(page.pageNum + 1)}, {u"rel"_s, u"next"_s}});
    if (page.pageNum > 1)
        links.append(QJsonObject{{u"href"_s, href(page.pageNum - 1)}, {u"rel"_s, u"previous"_s}});

    QByteArray body =
        "{\"links\":" + QJsonDocument(links).toJson(QJsonDocument::Compact) + ",\"results\":" + results;
    if (page.includeCount) {
        const qint64 reported = fault == PagingFault::Undercount  ? total / 2
                                : fault == PagingFault::Overcount ? total * 2
                                                                  : total;
        body += ",\"totalCount\":" + QByteArray::number(reported);
    }
    body += '}';
    return ok(call, 200, body);
}

// ---- organizations and projects ------------------------------------------------------------------

namespace {

QByteArray orgJson(const Organization &o, const QString &base)
{
    return compact(QJsonObject{{u"id"_s, o.id},
                               {u"name"_s, o.name},
                               {u"isDeleted"_s, false},
                               {u"links"_s, selfLink(base + u"/api/atlas/v2/orgs/"_s + o.id)}});
}

} // namespace

QByteArray AtlasApi::projectJson(const Project &p) const
{
    if (p.cachedJson.isEmpty()) {
        QJsonArray tags;
        for (const auto &tag : p.tags)
            tags.append(QJsonObject{{u"key"_s, tag.first}, {u"value"_s, tag.second}});
        p.cachedJson = compact(QJsonObject{
            {u"id"_s, p.id},
            {u"name"_s, p.name},
            {u"orgId"_s, p.orgId},
            {u"created"_s, formatIsoSeconds(p.created)},
            {u"clusterCount"_s, p.clusterCount},
            {u"tags"_s, tags},
            {u"links"_s, selfLink(u"http://"_s + m_store.endpoint() + u"/api/atlas/v2/groups/"_s + p.id)}});
    }
    return p.cachedJson;
}

qsizetype AtlasApi::warmCaches(qsizetype from, qsizetype count)
{
    // Positions run over the projects first, then over each organization's keys in turn.
    qsizetype budget = count;
    qsizetype base = 0;
    const auto warm = [&](qsizetype size, const auto &render) {
        for (qsizetype i = std::max<qsizetype>(from - base, 0); i < size && budget > 0; ++i, --budget)
            render(i);
        base += size;
    };
    const QList<Project *> &projects = m_store.projects();
    warm(projects.size(), [&](qsizetype i) { projectJson(*projects.at(i)); });
    for (const Organization *org : m_store.organizations()) {
        const QList<AiKey *> &keys = m_store.keysOfOrg(org->id);
        warm(keys.size(), [&](qsizetype i) { keyJson(*keys.at(i)); });
    }
    return budget > 0 ? -1 : from + count;
}

Response AtlasApi::listOrgs(const Call &call)
{
    Page page;
    if (auto e = readPaging(call.request, &page))
        return *e;
    const QString prefix = call.request.query.queryItemValue(u"name"_s, QUrl::FullyDecoded);
    QList<const Organization *> visible;
    for (const Organization *o : m_store.organizations()) {
        if (call.principal.orgRole(o->id) >= OrgRole::Member && startsWithIgnoringCase(o->name, prefix))
            visible.append(o);
    }
    const QString base = u"http://"_s + m_store.endpoint();
    return pageAnswer(call, page, visible.size(), [&](qsizetype i) { return orgJson(*visible.at(i), base); });
}

std::optional<Response> AtlasApi::findPagedProject(const Call &call, ProjectNeed need, Page *page,
                                                   const Project **project) const
{
    if (auto e = readPaging(call.request, page))
        return e;
    return findProject(call, call.args.at(0), need, project);
}

std::optional<Response> AtlasApi::findPagedOrg(const Call &call, OrgNeed need, Page *page,
                                               const Organization **org) const
{
    if (auto e = readPaging(call.request, page))
        return e;
    return findOrg(call, call.args.at(0), need, org);
}

Response AtlasApi::listOrgGroups(const Call &call)
{
    Page page;
    const Organization *org = nullptr;
    if (auto e = findPagedOrg(call, OrgNeed::Member, &page, &org))
        return *e;
    const QString prefix = call.request.query.queryItemValue(u"name"_s, QUrl::FullyDecoded);
    const QList<Project *> &all = m_store.projectsOfOrg(org->id);
    QList<Project *> filtered;
    if (!prefix.isEmpty()) {
        for (Project *p : all) {
            if (startsWithIgnoringCase(p->name, prefix))
                filtered.append(p);
        }
    }
    const QList<Project *> &projects = prefix.isEmpty() ? all : filtered;
    return pageAnswer(call, page, projects.size(), [&](qsizetype i) { return projectJson(*projects.at(i)); });
}

Response AtlasApi::listGroups(const Call &call)
{
    Page page;
    if (auto e = readPaging(call.request, &page))
        return *e;
    const QList<Project *> &all = m_store.projects();
    QList<Project *> visible;
    // Principals that can read every org see every project: skip the per-project filter.
    const bool seesAll = call.principal.orgRoles.value(u"*"_s, OrgRole::None) >= OrgRole::ReadOnly;
    if (!seesAll) {
        for (Project *p : all) {
            if (call.principal.projectRole(*p) >= ProjectRole::ReadOnly)
                visible.append(p);
        }
    }
    const QList<Project *> &projects = seesAll ? all : visible;
    return pageAnswer(call, page, projects.size(), [&](qsizetype i) { return projectJson(*projects.at(i)); });
}

Response AtlasApi::getGroup(const Call &call)
{
    const Project *p = nullptr;
    if (auto e = findProject(call, call.args.at(0), ProjectNeed::Read, &p))
        return *e;
    return ok(call, 200, projectJson(*p));
}

} // namespace aikeys::sim
