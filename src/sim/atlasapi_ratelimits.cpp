// The AI model rate limit endpoints of AtlasApi.
#include "atlasapi.h"
#include "principals.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

QByteArray AtlasApi::rateLimitJson(const ModelGroup &group, qint64 rpm, qint64 tpm) const
{
    return QJsonDocument(QJsonObject{
                             {u"cloud"_s, u"ANY"_s},
                             {u"endpoint"_s, m_store.endpoint()},
                             {u"geography"_s, u"ANY"_s},
                             {u"modelGroupName"_s, group.name},
                             {u"modelNames"_s, QJsonArray::fromStringList(group.modelNames)},
                             {u"requestsPerMinuteLimit"_s, double(rpm)},
                             {u"tokensPerMinuteLimit"_s, double(tpm)},
                         })
        .toJson(QJsonDocument::Compact);
}

Response AtlasApi::limitAnswer(const Call &call, const ModelGroup &group, const RateLimitValue &value) const
{
    return ok(call, 200, rateLimitJson(group, value.requestsPerMinute, value.tokensPerMinute));
}

Response AtlasApi::limitsPage(const Call &call, const Page &page,
                              const std::function<RateLimitValue(const ModelGroup &)> &valueOf) const
{
    const QList<ModelGroup> &groups = m_store.modelGroups();
    return pageAnswer(call, page, groups.size(), [&](qsizetype i) {
        const RateLimitValue v = valueOf(groups.at(i));
        return rateLimitJson(groups.at(i), v.requestsPerMinute, v.tokensPerMinute);
    });
}

std::optional<Response> AtlasApi::findProjectGroup(const Call &call, ProjectNeed need,
                                                   const Project **project, const ModelGroup **group) const
{
    if (auto e = findProject(call, call.args.at(0), need, project))
        return e;
    return findModelGroup(call, 1, group);
}

Response AtlasApi::listGroupLimits(const Call &call)
{
    Page page;
    const Project *p = nullptr;
    if (auto e = findPagedProject(call, ProjectNeed::Read, &page, &p))
        return *e;
    return limitsPage(call, page, [&](const ModelGroup &group) { return m_store.projectLimit(*p, group); });
}

Response AtlasApi::resetGroupLimits(const Call &call)
{
    Page page;
    const Project *p = nullptr;
    if (auto e = findPagedProject(call, ProjectNeed::ModelWrite, &page, &p))
        return *e;
    m_store.resetProjectLimits(p->id);
    return limitsPage(call, page, [&](const ModelGroup &group) { return m_store.projectLimit(*p, group); });
}

Response AtlasApi::getGroupLimit(const Call &call)
{
    const Project *p = nullptr;
    const ModelGroup *group = nullptr;
    if (auto e = findProjectGroup(call, ProjectNeed::Read, &p, &group))
        return *e;
    return limitAnswer(call, *group, m_store.projectLimit(*p, *group));
}

Response AtlasApi::updateGroupLimit(const Call &call)
{
    if (auto e = checkContentType(call.request, call.version))
        return *e;
    const Project *p = nullptr;
    const ModelGroup *group = nullptr;
    if (auto e = findProjectGroup(call, ProjectNeed::ModelWrite, &p, &group))
        return *e;
    QJsonObject body;
    if (auto e = readBody(call.request, &body))
        return *e;

    const QStringList fields{u"requestsPerMinuteLimit"_s, u"tokensPerMinuteLimit"_s};
    QList<FieldViolation> violations;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!fields.contains(it.key()))
            violations.append({it.key(), u"is not a field of this request"_s});
    }
    qint64 values[2] = {0, 0};
    bool nonPositive = false;
    for (int i = 0; i < 2; ++i) {
        const QJsonValue v = body.value(fields.at(i));
        const double d = v.toDouble();
        if (v.isUndefined() || v.isNull())
            violations.append({fields.at(i), u"must be present"_s});
        else if (!v.isDouble() || d != double(qint64(d)) || d > 2147483647.0 || d < -2147483648.0)
            violations.append({fields.at(i), u"must be a 32-bit integer"_s});
        else if ((values[i] = qint64(d)) <= 0)
            nonPositive = true;
    }
    if (!violations.isEmpty()) {
        QStringList parts;
        for (const FieldViolation &v : violations)
            parts.append(v.field + u' ' + v.description);
        return apiError(400, u"VALIDATION_ERROR"_s, u"The request is invalid: %1."_s.arg(parts.join(u"; "_s)),
                        violations);
    }
    // What the live service answers for 0 or less (seen, not documented): a plain BAD_REQUEST.
    if (nonPositive)
        return apiError(400, u"BAD_REQUEST"_s, u"Rate limits must be positive integers."_s);

    const RateLimitValue ceiling = m_store.orgCeiling(p->orgId, *group);
    if (values[0] > ceiling.requestsPerMinute)
        violations.append(
            {fields.at(0), u"must not exceed the organization limit of %1"_s.arg(ceiling.requestsPerMinute)});
    if (values[1] > ceiling.tokensPerMinute)
        violations.append(
            {fields.at(1), u"must not exceed the organization limit of %1"_s.arg(ceiling.tokensPerMinute)});
    if (!violations.isEmpty()) {
        return apiError(
            400, u"VALIDATION_ERROR"_s,
            u"The limits for %1 cannot be above the organization's (%2 requests and %3 tokens per "
            "minute)."_s.arg(group->name)
                .arg(ceiling.requestsPerMinute)
                .arg(ceiling.tokensPerMinute),
            violations);
    }
    m_store.setProjectLimit(p->id, group->name, {values[0], values[1]});
    return ok(call, 200, rateLimitJson(*group, values[0], values[1]));
}

Response AtlasApi::resetGroupLimit(const Call &call)
{
    const Project *p = nullptr;
    const ModelGroup *group = nullptr;
    if (auto e = findProjectGroup(call, ProjectNeed::ModelWrite, &p, &group))
        return *e;
    m_store.resetProjectLimit(p->id, group->name);
    return limitAnswer(call, *group, m_store.projectLimit(*p, *group));
}

Response AtlasApi::listOrgLimits(const Call &call)
{
    Page page;
    const Organization *org = nullptr;
    if (auto e = findPagedOrg(call, OrgNeed::Read, &page, &org))
        return *e;
    return limitsPage(call, page,
                      [&](const ModelGroup &group) { return m_store.orgCeiling(org->id, group); });
}

Response AtlasApi::getOrgLimit(const Call &call)
{
    const Organization *org = nullptr;
    if (auto e = findOrg(call, call.args.at(0), OrgNeed::Read, &org))
        return *e;
    const ModelGroup *group = nullptr;
    if (auto e = findModelGroup(call, 1, &group))
        return *e;
    return limitAnswer(call, *group, m_store.orgCeiling(org->id, *group));
}

} // namespace aikeys::sim
