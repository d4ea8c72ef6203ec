#include "audit/auditreport.h"

#include "atlas/atlasclient.h"
#include "audit/csvwriter.h"
#include "domain/json.h"
#include "domain/jsonwriter.h"
#include "domain/timestamp.h"
#include "logging.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

QJsonValue timestampOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(formatTimestampUtc(t)) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QString scopeId(Scope scope)
{
    return scope == Scope::Organization ? u"organization"_s : u"project"_s;
}

} // namespace

// ---- AuditReport

AuditReport AuditReport::build(Scope scope, QList<AiKey> keys, const QHash<QString, QString> &projectNames,
                               AuditThresholds thresholds, const QDateTime &now)
{
    Q_ASSERT(now.isValid());
    AuditReport r;
    r.m_scope = scope;
    r.m_generatedAt = now.toUTC();
    r.m_thresholds = KeyClassifier(thresholds).thresholds(); // negative values read as 0, as it does
    r.m_projectNames = projectNames;
    r.m_keys = std::move(keys);
    r.classify();
    return r;
}

void AuditReport::classify()
{
    const KeyClassifier classifier(m_thresholds);
    m_classes.resize(size_t(m_keys.size()));
    m_buckets.resize(size_t(m_keys.size()));
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        m_classes[size_t(i)] = classifier.classify(m_keys.at(i), m_generatedAt);
        m_buckets[size_t(i)] = KeyClassifier::bucket(m_keys.at(i), m_generatedAt);
    }
    m_summary = classifier.summarize(m_keys, m_generatedAt);
}

void AuditReport::setOrg(const QString &id, const QString &name)
{
    m_orgId = id;
    m_orgName = name;
}

void AuditReport::setProject(const QString &id, const QString &name)
{
    m_projectId = id;
    if (!name.isEmpty())
        m_projectNames.insert(id, name);
}

QString AuditReport::projectNameOf(const QString &projectId) const
{
    const QString name = m_projectNames.value(projectId);
    return name.isEmpty() ? projectId : name;
}

int AuditReport::indexOf(const QString &apiKeyId) const
{
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        if (m_keys.at(i).apiKeyId == apiKeyId)
            return int(i);
    }
    return -1;
}

QList<AuditReport::ProjectCount> AuditReport::keysPerProject() const
{
    QList<ProjectCount> out;
    out.reserve(m_summary.keysPerProject.size());
    for (auto it = m_summary.keysPerProject.cbegin(); it != m_summary.keysPerProject.cend(); ++it)
        out.append({it.key(), projectNameOf(it.key()), it.value()});
    std::sort(out.begin(), out.end(), [](const ProjectCount &a, const ProjectCount &b) {
        if (a.keys != b.keys)
            return a.keys > b.keys;
        if (a.projectName != b.projectName)
            return a.projectName < b.projectName;
        return a.projectId < b.projectId;
    });
    return out;
}

bool AuditReport::hasFindings() const
{
    return m_summary.count(KeyClass::Stale) > 0 || m_summary.count(KeyClass::NeverUsed) > 0;
}

QList<AiKey> AuditReport::retireCandidates() const
{
    QList<AiKey> out;
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        const KeyClass c = m_classes[size_t(i)];
        if (c == KeyClass::Stale || c == KeyClass::NeverUsed)
            out.append(m_keys.at(i));
    }
    return out;
}

void AuditReport::removeKeys(const QSet<QString> &apiKeyIds)
{
    if (apiKeyIds.isEmpty())
        return;
    m_keys.removeIf([&apiKeyIds](const AiKey &k) { return apiKeyIds.contains(k.apiKeyId); });
    classify();
}

std::optional<qint64> AuditReport::daysSinceLastUse(int index) const
{
    const AiKey &key = m_keys.at(index);
    if (!key.lastUsedAt || !key.lastUsedAt->isValid())
        return std::nullopt;
    const qint64 ms = m_generatedAt.toMSecsSinceEpoch() - key.lastUsedAt->toMSecsSinceEpoch();
    return std::max<qint64>(0, ms) / KeyClassifier::kMsPerDay;
}

QJsonObject AuditReport::contextJson() const
{
    QJsonObject byClass;
    for (int c = 0; c < kKeyClassCount; ++c)
        byClass.insert(KeyClassifier::id(KeyClass(c)), m_summary.perClass[size_t(c)]);
    QJsonObject byLastUse;
    for (int b = 0; b < kLastUseBucketCount; ++b)
        byLastUse.insert(KeyClassifier::id(LastUseBucket(b)), m_summary.perBucket[size_t(b)]);
    QJsonArray perProject;
    const QList<ProjectCount> counts = keysPerProject();
    for (const ProjectCount &p : counts) {
        perProject.append(QJsonObject{
            {u"projectId"_s, p.projectId}, {u"projectName"_s, p.projectName}, {u"keys"_s, p.keys}});
    }
    QJsonObject summary{
        {u"total"_s, m_summary.total},
        {u"byClass"_s, byClass},
        {u"byLastUse"_s, byLastUse},
        {u"oldestLastUse"_s,
         m_summary.oldestLastUse ? timestampOrNull(*m_summary.oldestLastUse) : QJsonValue(QJsonValue::Null)},
        {u"oldestLastUseKeyId"_s, stringOrNull(m_summary.oldestLastUseKeyId)},
        {u"keysPerProject"_s, perProject},
    };

    QJsonObject root{
        {u"format"_s, u"atlas-ai-keys-audit/1"_s},
        {u"generatedAt"_s, timestampOrNull(m_generatedAt)},
        {u"scope"_s, scopeId(m_scope)},
        {u"organization"_s, m_orgId.isEmpty() && m_orgName.isEmpty()
                                ? QJsonValue(QJsonValue::Null)
                                : QJsonValue(QJsonObject{{u"id"_s, stringOrNull(m_orgId)},
                                                         {u"name"_s, stringOrNull(m_orgName)}})},
        {u"thresholds"_s,
         QJsonObject{{u"graceDays"_s, m_thresholds.graceDays}, {u"staleDays"_s, m_thresholds.staleDays}}},
        {u"summary"_s, summary},
        {u"warnings"_s, QJsonArray::fromStringList(m_warnings)},
    };
    if (m_scope == Scope::Project)
        root.insert(u"project"_s, QJsonObject{{u"id"_s, m_projectId}, {u"name"_s, projectName()}});
    return root;
}

QJsonObject AuditReport::toJson() const
{
    QJsonArray keys;
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        const AiKey &k = m_keys.at(i);
        QJsonObject o = json::toJson(k);
        o.insert(u"projectName"_s, projectNameOf(k.groupId));
        o.insert(u"class"_s, KeyClassifier::id(m_classes[size_t(i)]));
        o.insert(u"lastUseBucket"_s, KeyClassifier::id(m_buckets[size_t(i)]));
        const std::optional<qint64> days = daysSinceLastUse(int(i));
        o.insert(u"daysSinceLastUse"_s, days ? QJsonValue(*days) : QJsonValue(QJsonValue::Null));
        keys.append(o);
    }
    QJsonObject root = contextJson();
    root.insert(u"keys"_s, keys);
    return root;
}

void AuditReport::writeJson(const std::function<void(QByteArrayView)> &sink) const
{
    constexpr qsizetype kChunk = 64 * 1024;
    const QJsonObject context = contextJson();
    json::IndentedJsonWriter w;
    w.beginObject();
    // Members in Qt's order (sorted by name): format and generatedAt come before keys.
    bool keysWritten = false;
    const auto writeKeys = [&] {
        w.name("keys");
        w.beginArray();
        for (qsizetype i = 0; i < m_keys.size(); ++i) {
            const AiKey &k = m_keys.at(i);
            const std::optional<qint64> days = daysSinceLastUse(int(i));
            const QString projectName = projectNameOf(k.groupId);
            const QString keyClass = KeyClassifier::id(m_classes[size_t(i)]);
            const QString bucket = KeyClassifier::id(m_buckets[size_t(i)]);
            w.beginObject();
            {
                json::MemberWriter m(w, 17,
                                     k.apiKeyId.size() + keyClass.size() + k.cloud.size() +
                                         k.createdBy.size() + k.endpoint.size() + k.geography.size() +
                                         k.groupId.size() + bucket.size() + k.maskedSecret.size() +
                                         k.name.size() + projectName.size() + k.status.size());
                m.text("apiKeyId", k.apiKeyId);
                m.text("class", keyClass);
                m.text("cloud", k.cloud);
                m.time("createdAt", k.createdAt);
                m.text("createdBy", k.createdBy);
                if (days)
                    m.integer("daysSinceLastUse", *days);
                else
                    m.null("daysSinceLastUse");
                m.text("endpoint", k.endpoint);
                m.text("geography", k.geography);
                m.text("groupId", k.groupId);
                m.text("lastUseBucket", bucket);
                m.time("lastUsedAt", k.lastUsedAt ? *k.lastUsedAt : QDateTime());
                if (k.lastUsedUnknown)
                    m.boolean("lastUsedUnknown", true);
                m.text("maskedSecret", k.maskedSecret);
                m.text("name", k.name);
                m.text("projectName", projectName);
                m.text("status", k.status);
            }
            w.endObject();
            if (w.out().size() >= kChunk) {
                sink(w.out());
                w.out().resize(0);
            }
        }
        w.endArray();
        keysWritten = true;
    };
    for (auto it = context.constBegin(); it != context.constEnd(); ++it) {
        if (!keysWritten && it.key() > u"keys"_s)
            writeKeys();
        w.name(it.key().toLatin1());
        w.value(it.value());
    }
    if (!keysWritten)
        writeKeys();
    w.endObject();
    w.finish();
    sink(w.out());
}

QByteArray AuditReport::toJsonBytes() const
{
    QByteArray out;
    writeJson([&out](QByteArrayView bytes) { out.append(bytes); });
    return out;
}

QStringList AuditReport::csvHeader()
{
    return {u"class"_s,         u"name"_s,         u"apiKeyId"_s,   u"projectId"_s,
            u"projectName"_s,   u"orgId"_s,        u"orgName"_s,    u"status"_s,
            u"createdAt"_s,     u"createdBy"_s,    u"lastUsedAt"_s, u"daysSinceLastUse"_s,
            u"lastUseBucket"_s, u"maskedSecret"_s, u"cloud"_s,      u"geography"_s,
            u"endpoint"_s,      u"generatedAt"_s,  u"graceDays"_s,  u"staleDays"_s};
}

QByteArray AuditReport::toCsv(bool withByteOrderMark) const
{
    QByteArray out;
    writeCsv([&out](QByteArrayView bytes) { out.append(bytes); }, withByteOrderMark);
    return out;
}

void AuditReport::writeCsv(const std::function<void(QByteArrayView)> &sink, bool withByteOrderMark) const
{
    constexpr qsizetype kChunk = 64 * 1024;
    // Rows are written cell by cell into UTF-8 (CsvWriter's rules: RFC 4180, formula injection
    // neutralised), not built as lists of strings: a 20,000-key export is 400,000 cells. Columns of
    // numbers keep a leading minus (there is none today, but a spreadsheet must read them as
    // numbers); every other cell is neutralised against formulas.
    static const QStringList header = csvHeader();
    QByteArray out;
    if (withByteOrderMark)
        out.append("\xEF\xBB\xBF");
    {
        CsvWriter writer;
        writer.writeRow(header);
        out += writer.toUtf8();
    }
    const auto cell = [&out](const QString &text) {
        CsvWriter::appendCell(out, text);
        out += ',';
    };
    const auto time = [&out](const QDateTime &when) {
        CsvWriter::appendTimeCell(out, when);
        out += ',';
    };
    // What every row ends with (the audit's time and thresholds) and the org's cells, written once.
    const qsizetype mark = out.size();
    time(m_generatedAt);
    const QByteArray trailer = out.sliced(mark) + QByteArray::number(m_thresholds.graceDays) + ',' +
                               QByteArray::number(m_thresholds.staleDays) + "\r\n";
    out.truncate(mark);
    cell(m_orgId);
    cell(m_orgName);
    const QByteArray org = out.sliced(mark);
    out.truncate(mark);
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        const AiKey &k = m_keys.at(i);
        const std::optional<qint64> days = daysSinceLastUse(int(i));
        cell(KeyClassifier::id(m_classes[size_t(i)]));
        cell(k.name);
        cell(k.apiKeyId);
        cell(k.groupId);
        cell(projectNameOf(k.groupId));
        out += org;
        cell(k.status);
        time(k.createdAt);
        cell(k.createdBy);
        time(k.lastUsedAt ? *k.lastUsedAt : QDateTime());
        if (days)
            out += QByteArray::number(*days);
        out += ',';
        cell(KeyClassifier::id(m_buckets[size_t(i)]));
        cell(k.maskedSecret);
        cell(k.cloud);
        cell(k.geography);
        cell(k.endpoint);
        out += trailer;
        if (out.size() >= kChunk) {
            sink(out);
            out.resize(0);
        }
    }
    sink(out);
}

} // namespace aikeys
