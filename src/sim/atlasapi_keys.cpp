// The AI model API key endpoints of AtlasApi.
#include "atlasapi.h"
#include "ids.h"
#include "principals.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

constexpr int kMaxNameLength = 250;

// Names are limited in Unicode code points, so "🔑" counts once (it is two UTF-16 units).
qsizetype codePoints(const QString &s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

void checkName(const QJsonObject &body, QList<FieldViolation> *violations)
{
    const QJsonValue name = body.value(u"name"_s);
    if (name.isUndefined() || name.isNull())
        violations->append({u"name"_s, u"must be present"_s});
    else if (!name.isString())
        violations->append({u"name"_s, u"must be a string"_s});
    else if (const qsizetype n = codePoints(name.toString()); n < 1 || n > kMaxNameLength)
        violations->append(
            {u"name"_s, u"size must be between 1 and %1 characters (it is %2)"_s.arg(kMaxNameLength).arg(n)});
}

void checkScopeField(const QJsonObject &body, const QString &field, QList<FieldViolation> *violations)
{
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull())
        violations->append({field, u"must be present"_s});
    else if (v.toString() != "ANY"_L1)
        violations->append({field, u"must be ANY"_s});
}

void checkOnly(const QJsonObject &body, const QStringList &allowed, QList<FieldViolation> *violations)
{
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            violations->append({it.key(), allowed.size() == 1 && allowed.constFirst() == "name"_L1
                                              ? u"cannot be changed: the name is the only mutable field"_s
                                              : u"is not a field of this request"_s});
        }
    }
}

Response validationError(const QList<FieldViolation> &violations)
{
    QStringList parts;
    for (const FieldViolation &v : violations)
        parts.append(v.field + u' ' + v.description);
    return apiError(400, u"VALIDATION_ERROR"_s, u"The request is invalid: %1."_s.arg(parts.join(u"; "_s)),
                    violations);
}

Response duplicateName(const QString &name, const QString &groupId)
{
    return apiError(409, u"DUPLICATE_AI_MODEL_API_KEY_NAME"_s,
                    u"An AI model API key named \"%1\" already exists in project %2."_s.arg(name, groupId));
}

Response keyNotFound(const QString &apiKeyId, const QString &where)
{
    return apiError(404, u"RESOURCE_NOT_FOUND"_s,
                    u"No AI model API key with ID %1 exists in %2."_s.arg(apiKeyId, where));
}

} // namespace

QByteArray AtlasApi::keyJson(const AiKey &key) const
{
    if (key.cachedJson.isEmpty()) {
        key.cachedJson =
            QJsonDocument(QJsonObject{
                              {u"apiKeyId"_s, key.apiKeyId},
                              {u"cloud"_s, key.cloud},
                              {u"createdAt"_s, formatAiTimestamp(key.createdAt)},
                              {u"createdBy"_s, key.createdBy},
                              {u"endpoint"_s, m_store.endpoint()},
                              {u"geography"_s, key.geography},
                              {u"groupId"_s, key.groupId},
                              {u"lastUsedAt"_s, key.everUsed ? QJsonValue(formatAiTimestamp(key.lastUsedAt))
                                                             : QJsonValue(QJsonValue::Null)},
                              {u"maskedSecret"_s, key.maskedSecret},
                              {u"name"_s, key.name},
                              {u"status"_s, key.status},
                          })
                .toJson(QJsonDocument::Compact);
    }
    return key.cachedJson;
}

Response AtlasApi::listGroupKeys(const Call &call)
{
    Page page;
    if (auto e = readPaging(call.request, &page))
        return *e;
    const Project *p = nullptr;
    if (auto e = findProject(call, call.args.at(0), ProjectNeed::Read, &p))
        return *e;
    const QList<AiKey *> &keys = m_store.keysOfProject(p->id);
    return pageAnswer(call, page, keys.size(), [&](qsizetype i) { return keyJson(*keys.at(i)); });
}

Response AtlasApi::createKey(const Call &call)
{
    if (auto e = checkContentType(call.request, call.version))
        return *e;
    const Project *p = nullptr;
    if (auto e = findProject(call, call.args.at(0), ProjectNeed::ModelWrite, &p))
        return *e;
    QJsonObject body;
    if (auto e = readBody(call.request, &body))
        return *e;

    QList<FieldViolation> violations;
    checkOnly(body, {u"name"_s, u"cloud"_s, u"geography"_s}, &violations);
    checkName(body, &violations);
    checkScopeField(body, u"cloud"_s, &violations);
    checkScopeField(body, u"geography"_s, &violations);
    if (!violations.isEmpty())
        return validationError(violations);
    const QString name = body.value(u"name"_s).toString();
    if (m_store.nameTaken(p->id, name))
        return duplicateName(name, p->id);

    QByteArray secret = newKeySecret();
    AiKey key;
    do {
        key.apiKeyId = randomApiKeyId(m_idRng);
    } while (m_store.keyIdTaken(key.apiKeyId));
    key.groupId = p->id;
    key.name = name;
    key.createdBy = call.principal.displayName;
    key.createdAt = nowMicros();
    key.maskedSecret = maskSecret(secret);
    key.secretSha256 = sha256(secret);
    const AiKey *created = m_store.createKey(std::move(key));
    if (!created)
        return apiError(500, u"UNEXPECTED_ERROR"_s, u"The key could not be stored."_s);

    // The one answer that carries the secret; the simulator keeps only its hash.
    QJsonObject json = QJsonDocument::fromJson(keyJson(*created)).object();
    json.insert(u"secret"_s, QString::fromLatin1(secret));
    secret.fill('\0');
    return ok(call, 201, QJsonDocument(json).toJson(QJsonDocument::Compact));
}

Response AtlasApi::getGroupKey(const Call &call)
{
    const Project *p = nullptr;
    if (auto e = findProject(call, call.args.at(0), ProjectNeed::Read, &p))
        return *e;
    const AiKey *key = m_store.key(call.args.at(1));
    if (!key || key->groupId != p->id)
        return keyNotFound(call.args.at(1), u"project "_s + p->id);
    return ok(call, 200, keyJson(*key));
}

Response AtlasApi::updateKey(const Call &call)
{
    if (auto e = checkContentType(call.request, call.version))
        return *e;
    const Project *p = nullptr;
    if (auto e = findProject(call, call.args.at(0), ProjectNeed::ModelWrite, &p))
        return *e;
    AiKey *key = m_store.key(call.args.at(1));
    if (!key || key->groupId != p->id)
        return keyNotFound(call.args.at(1), u"project "_s + p->id);
    QJsonObject body;
    if (auto e = readBody(call.request, &body))
        return *e;
    QList<FieldViolation> violations;
    checkOnly(body, {u"name"_s}, &violations);
    checkName(body, &violations);
    if (!violations.isEmpty())
        return validationError(violations);
    const QString name = body.value(u"name"_s).toString();
    if (m_store.nameTaken(p->id, name, key))
        return duplicateName(name, p->id);
    if (name != key->name)
        m_store.renameKey(key, name);
    return ok(call, 200, keyJson(*key));
}

Response AtlasApi::deleteKey(const Call &call)
{
    const Project *p = nullptr;
    if (auto e = findProject(call, call.args.at(0), ProjectNeed::ModelWrite, &p))
        return *e;
    AiKey *key = m_store.key(call.args.at(1));
    if (!key || key->groupId != p->id)
        return keyNotFound(call.args.at(1), u"project "_s + p->id);
    m_store.deleteKey(key);
    Response r;
    r.status = 204;
    return r;
}

Response AtlasApi::listOrgKeys(const Call &call)
{
    Page page;
    if (auto e = readPaging(call.request, &page))
        return *e;
    const Organization *org = nullptr;
    if (auto e = findOrg(call, call.args.at(0), OrgNeed::Read, &org))
        return *e;
    const QList<AiKey *> &keys = m_store.keysOfOrg(org->id);
    return pageAnswer(call, page, keys.size(), [&](qsizetype i) { return keyJson(*keys.at(i)); });
}

Response AtlasApi::getOrgKey(const Call &call)
{
    const Organization *org = nullptr;
    if (auto e = findOrg(call, call.args.at(0), OrgNeed::Read, &org))
        return *e;
    const AiKey *key = m_store.key(call.args.at(1));
    if (!key || key->orgId != org->id)
        return keyNotFound(call.args.at(1), u"organization "_s + org->id);
    return ok(call, 200, keyJson(*key));
}

} // namespace aikeys::sim
