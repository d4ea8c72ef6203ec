#include "seedfile.h"

#include "dataset.h"
#include "ids.h"
#include "store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

struct SeedError
{
    QString message;
};

QString requiredString(const QJsonObject &o, const QString &field, const QString &where)
{
    const QJsonValue v = o.value(field);
    if (!v.isString() || v.toString().isEmpty())
        throw SeedError{u"%1: \"%2\" must be a non-empty string"_s.arg(where, field)};
    return v.toString();
}

qint64 positiveInteger(const QJsonValue &v, const QString &where)
{
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 1 || d > 2147483647.0 || d != double(qint64(d)))
        throw SeedError{u"%1 must be an integer from 1 to 2147483647"_s.arg(where)};
    return qint64(d);
}

RateLimitValue limitValue(const QJsonValue &v, const QString &where)
{
    if (!v.isObject())
        throw SeedError{
            u"%1 must be an object with requestsPerMinuteLimit and tokensPerMinuteLimit"_s.arg(where)};
    const QJsonObject o = v.toObject();
    return {positiveInteger(o.value(u"requestsPerMinuteLimit"_s), where + u".requestsPerMinuteLimit"_s),
            positiveInteger(o.value(u"tokensPerMinuteLimit"_s), where + u".tokensPerMinuteLimit"_s)};
}

Micros seedTime(const QJsonValue &v, Micros now, const QString &where)
{
    const std::optional<Micros> t = v.isString() ? parseSeedTime(v.toString(), now) : std::nullopt;
    if (!t)
        throw SeedError{u"%1 must be an ISO 8601 time or a relative time such as \"-3d\""_s.arg(where)};
    return *t;
}

void check(bool ok, const QString &error)
{
    if (!ok)
        throw SeedError{error};
}

// For the Store calls that explain a refusal through an out parameter: the call has run, and filled
// reason, before the message is put together here. (Building "where: " + reason in the caller's
// argument list could read reason before the call fills it: the order is unspecified.)
void checkAt(bool ok, const QString &where, const QString &reason)
{
    if (!ok)
        throw SeedError{where + u": "_s + reason};
}

void readPrincipal(const QJsonObject &o, Principals *principals, int index)
{
    const QString where = u"principals[%1]"_s.arg(index);
    Principal p;
    const QString type = requiredString(o, u"type"_s, where);
    if (type == "apiKey"_L1) {
        p.kind = Principal::Kind::ApiKey;
        p.id = requiredString(o, u"publicKey"_s, where);
        p.secret = requiredString(o, u"privateKey"_s, where).toUtf8();
    } else if (type == "serviceAccount"_L1) {
        p.kind = Principal::Kind::ServiceAccount;
        p.id = requiredString(o, u"clientId"_s, where);
        p.secret = requiredString(o, u"clientSecret"_s, where).toUtf8();
    } else {
        throw SeedError{where + u": type must be \"apiKey\" or \"serviceAccount\""_s};
    }
    p.displayName = o.value(u"displayName"_s).toString(p.id);
    const QJsonArray accessList = o.value(u"accessList"_s).toArray();
    for (qsizetype i = 0; i < accessList.size(); ++i) {
        QPair<QHostAddress, int> entry;
        if (!parseAccessListEntry(accessList.at(i).toString(), &entry))
            throw SeedError{where + u".accessList[%1]: an IP address or CIDR range, such as 203.0.113.7 or "
                                    "10.0.0.0/8"_s.arg(i)};
        p.accessList.append(entry);
    }
    const QJsonArray roles = o.value(u"roles"_s).toArray();
    for (qsizetype i = 0; i < roles.size(); ++i) {
        const QJsonObject r = roles.at(i).toObject();
        const QString roleWhere = where + u".roles[%1]"_s.arg(i);
        const QString roleName = requiredString(r, u"roleName"_s, roleWhere);
        if (r.contains(u"orgId"_s)) {
            const std::optional<OrgRole> role = orgRoleFromName(roleName);
            if (!role)
                throw SeedError{roleWhere +
                                u": organization roles are ORG_OWNER, ORG_READ_ONLY, ORG_MEMBER"_s};
            p.orgRoles.insert(requiredString(r, u"orgId"_s, roleWhere), *role);
        } else if (r.contains(u"groupId"_s)) {
            const std::optional<ProjectRole> role = projectRoleFromName(roleName);
            if (!role)
                throw SeedError{roleWhere +
                                u": project roles are GROUP_OWNER, GROUP_AI_MODEL_OWNER, GROUP_READ_ONLY"_s};
            p.projectRoles.insert(requiredString(r, u"groupId"_s, roleWhere), *role);
        } else {
            throw SeedError{roleWhere + u": a role needs an orgId (or \"*\") or a groupId"_s};
        }
    }
    principals->add(std::move(p));
}

void readSeed(const QJsonObject &root, Store *store, Principals *principals, Micros now)
{
    QString error;
    const QJsonValue format = root.value(u"format"_s);
    check(format.isUndefined() || format.toString() == "atlas-sim/1"_L1,
          u"unknown format \"%1\" (this simulator reads atlas-sim/1)"_s.arg(format.toString()));

    // Model groups come first: org and project limits refer to them.
    if (root.contains(u"modelGroups"_s)) {
        const QJsonArray groups = root.value(u"modelGroups"_s).toArray();
        for (qsizetype i = 0; i < groups.size(); ++i) {
            const QJsonObject g = groups.at(i).toObject();
            const QString where = u"modelGroups[%1]"_s.arg(i);
            ModelGroup mg;
            mg.name = requiredString(g, u"name"_s, where);
            for (const QJsonValue &m : g.value(u"modelNames"_s).toArray())
                mg.modelNames.append(m.toString());
            mg.projectDefault = limitValue(g.value(u"default"_s), where + u".default"_s);
            mg.orgCeiling = limitValue(g.value(u"orgCeiling"_s), where + u".orgCeiling"_s);
            check(store->addModelGroup(mg, &error), error);
        }
    } else {
        check(addDefaultModelGroups(*store, &error), error);
    }

    const QJsonArray orgs = root.value(u"orgs"_s).toArray();
    for (qsizetype i = 0; i < orgs.size(); ++i) {
        const QJsonObject o = orgs.at(i).toObject();
        const QString where = u"orgs[%1]"_s.arg(i);
        Organization org{requiredString(o, u"id"_s, where), requiredString(o, u"name"_s, where)};
        checkAt(store->addOrganization(org, &error), where, error);
        const QJsonObject limits = o.value(u"rateLimits"_s).toObject();
        for (auto it = limits.constBegin(); it != limits.constEnd(); ++it) {
            const RateLimitValue v = limitValue(it.value(), where + u".rateLimits."_s + it.key());
            checkAt(store->setOrgCeiling(org.id, it.key(), v, &error), where, error);
        }
    }

    const QJsonArray projects = root.value(u"projects"_s).toArray();
    for (qsizetype i = 0; i < projects.size(); ++i) {
        const QJsonObject o = projects.at(i).toObject();
        const QString where = u"projects[%1]"_s.arg(i);
        Project p;
        p.id = requiredString(o, u"id"_s, where);
        p.orgId = requiredString(o, u"orgId"_s, where);
        p.name = requiredString(o, u"name"_s, where);
        p.created = o.contains(u"created"_s) ? seedTime(o.value(u"created"_s), now, where + u".created"_s)
                                             : now - 365LL * 86400 * 1000000;
        p.clusterCount = o.value(u"clusterCount"_s).toInt(0);
        for (const QJsonValue &t : o.value(u"tags"_s).toArray())
            p.tags.append(
                {t.toObject().value(u"key"_s).toString(), t.toObject().value(u"value"_s).toString()});
        checkAt(store->addProject(p, &error), where, error);
        const QJsonObject limits = o.value(u"rateLimits"_s).toObject();
        for (auto it = limits.constBegin(); it != limits.constEnd(); ++it) {
            const RateLimitValue v = limitValue(it.value(), where + u".rateLimits."_s + it.key());
            checkAt(store->setProjectOverride(p.id, it.key(), v, &error), where, error);
        }
    }

    // Keys without an id get one derived from their position, so a seed file loads the same way twice.
    QRandomGenerator idRng(0x5eed);
    const QJsonArray keys = root.value(u"keys"_s).toArray();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QJsonObject o = keys.at(i).toObject();
        const QString where = u"keys[%1]"_s.arg(i);
        AiKey k;
        k.groupId = requiredString(o, u"groupId"_s, where);
        k.name = requiredString(o, u"name"_s, where);
        k.apiKeyId = o.value(u"apiKeyId"_s).toString();
        if (k.apiKeyId.isEmpty()) {
            do {
                k.apiKeyId = randomApiKeyId(idRng);
            } while (store->keyIdTaken(k.apiKeyId));
        }
        k.cloud = o.value(u"cloud"_s).toString(u"ANY"_s);
        k.geography = o.value(u"geography"_s).toString(u"ANY"_s);
        k.status = o.value(u"status"_s).toString(u"ACTIVE"_s);
        k.createdBy = o.value(u"createdBy"_s).toString(u"Demo Admin"_s);
        k.createdAt = o.contains(u"createdAt"_s)
                          ? seedTime(o.value(u"createdAt"_s), now, where + u".createdAt"_s)
                          : now;
        const QJsonValue lastUsed = o.value(u"lastUsedAt"_s);
        if (o.contains(u"lastUsedAtRaw"_s)) {
            // Wrapped in an array to serialise any JSON value, then unwrapped.
            const QByteArray wrapped =
                QJsonDocument(QJsonArray{o.value(u"lastUsedAtRaw"_s)}).toJson(QJsonDocument::Compact);
            k.rawLastUsedAt = wrapped.mid(1, wrapped.size() - 2);
        } else if (!lastUsed.isNull() && !lastUsed.isUndefined()) {
            k.lastUsedAt = seedTime(lastUsed, now, where + u".lastUsedAt"_s);
            k.everUsed = true;
        }
        if (const QString secret = o.value(u"secret"_s).toString(); !secret.isEmpty()) {
            k.secretSha256 = sha256(secret.toUtf8());
            k.maskedSecret = maskSecret(secret.toUtf8());
        } else if (const QString hex = o.value(u"secretSha256"_s).toString(); !hex.isEmpty()) {
            k.secretSha256 = QByteArray::fromHex(hex.toLatin1());
            check(k.secretSha256.size() == 32, where + u".secretSha256 must be 64 hex digits"_s);
        }
        k.maskedSecret = o.value(u"maskedSecret"_s).toString(k.maskedSecret);
        if (k.maskedSecret.isEmpty())
            k.maskedSecret = u"al-****"_s + randomApiKeyId(idRng).left(4);
        checkAt(store->insertKey(std::move(k), &error), where, error);
    }

    if (principals) {
        for (const QJsonValue &org : orgs) {
            if (org.toObject().value(u"apiAccessListRequired"_s).toBool())
                principals->orgsRequiringAccessList.insert(org.toObject().value(u"id"_s).toString());
        }
        const QJsonArray list = root.value(u"principals"_s).toArray();
        for (qsizetype i = 0; i < list.size(); ++i)
            readPrincipal(list.at(i).toObject(), principals, int(i));
    }
}

} // namespace

bool loadSeedJson(const QJsonObject &root, Store *store, Principals *principals, Micros now, QString *error)
{
    try {
        readSeed(root, store, principals, now);
    } catch (const SeedError &e) {
        *error = e.message;
        return false;
    }
    return true;
}

bool loadSeedFile(const QString &path, Store *store, Principals *principals, Micros now, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = u"%1 is not a JSON object: %2"_s.arg(path, parseError.errorString());
        return false;
    }
    if (!loadSeedJson(doc.object(), store, principals, now, error)) {
        *error = path + u": "_s + *error;
        return false;
    }
    return true;
}

} // namespace aikeys::sim
