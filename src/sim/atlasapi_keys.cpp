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

// Names are limited in UTF-16 code units, as Java's String.length() counts them (Atlas runs on the
// JVM), and as the client checks them: "🔑" counts twice. Whitespace is kept and counted as sent.
void checkName(const QJsonObject &body, QList<FieldViolation> *violations)
{
    const QJsonValue name = body.value(u"name"_s);
    if (name.isUndefined() || name.isNull())
        violations->append({u"name"_s, u"must be present"_s});
    else if (!name.isString())
        violations->append({u"name"_s, u"must be a string"_s});
    else if (const qsizetype n = name.toString().size(); n < 1 || n > kMaxNameLength)
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

void appendJsonString(QByteArray &out, const QString &value)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = value.toUtf8();
    out += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
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
                    u"No AI model API key with ID %1 exists in %2."_s.arg(apiKeyId, where), {},
                    QJsonArray{apiKeyId});
}

} // namespace

QByteArray AtlasApi::keyJson(const AiKey &key) const
{
    if (key.cachedJson.isEmpty()) {
        // Written by hand, keys in the order QJsonObject would use, because cold 500-item pages of a
        // 20,000-key organization must stay in the low milliseconds.
        QByteArray out;
        out.reserve(384);
        const auto field = [&out](const char *name, const QString &value, bool last = false) {
            out += '"';
            out += name;
            out += "\":";
            appendJsonString(out, value);
            if (!last)
                out += ',';
        };
        out += '{';
        field("apiKeyId", key.apiKeyId);
        field("cloud", key.cloud);
        field("createdAt", formatAiTimestamp(key.createdAt));
        field("createdBy", key.createdBy);
        field("endpoint", m_store.endpoint());
        field("geography", key.geography);
        field("groupId", key.groupId);
        if (!key.rawLastUsedAt.isEmpty())
            out += "\"lastUsedAt\":" + key.rawLastUsedAt + ',';
        else if (key.everUsed)
            field("lastUsedAt", formatAiTimestamp(key.lastUsedAt));
        else
            out += "\"lastUsedAt\":null,";
        field("maskedSecret", key.maskedSecret);
        field("name", key.name);
        field("status", key.status, true);
        out += '}';
        key.cachedJson = out;
    }
    return key.cachedJson;
}

Response AtlasApi::listGroupKeys(const Call &call)
{
    Page page;
    const Project *p = nullptr;
    if (auto e = findPagedProject(call, ProjectNeed::Read, &page, &p))
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
    // No body, but the versioned Content-Type all the same, as Atlas sends it.
    Response r = ok(call, 204, QByteArray());
    r.body.clear();
    return r;
}

Response AtlasApi::listOrgKeys(const Call &call)
{
    Page page;
    const Organization *org = nullptr;
    if (auto e = findPagedOrg(call, OrgNeed::Read, &page, &org))
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
