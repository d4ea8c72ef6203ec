#pragma once

#include "atlas/compositejob.h"
#include "audit/keyclassifier.h"
#include "domain/clock.h"
#include "domain/scope.h"
#include "domain/types.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace aikeys {

class AtlasClient;

// One audit of an organization's or a project's keys, frozen at the time it was made: every key as
// the list answer described it, its class and last-use bucket under the thresholds (KeyClassifier,
// measured from generatedAt()), the summary, and the names that make it readable (org, projects).
// It holds no secret: AiKey has no secret field, and nothing else is kept.
//
// Exports: JSON (toJson) and CSV (toCsv), both with the time the audit was made, the thresholds,
// the org and project names, and every key field. CSV is RFC 4180 through CsvWriter (formula
// injection neutralised), one row per key with the audit's context repeated on each row, so a
// spreadsheet can sort and filter it without a preamble in the way. Times are ISO 8601 in UTC.
class AuditReport
{
    Q_DECLARE_TR_FUNCTIONS(aikeys::AuditReport)

public:
    struct ProjectCount
    {
        QString projectId;
        QString projectName;
        int keys = 0;
    };

    AuditReport() = default;
    // Classifies every key at now (a valid time) under thresholds. projectNames maps project ids to
    // names, for the keys' projects.
    static AuditReport build(Scope scope, QList<AiKey> keys, const QHash<QString, QString> &projectNames,
                             AuditThresholds thresholds, const QDateTime &now);

    Scope scope() const { return m_scope; }
    const QDateTime &generatedAt() const { return m_generatedAt; }
    AuditThresholds thresholds() const { return m_thresholds; }

    // The organization (both may be empty for a project audit when unknown).
    QString orgId() const { return m_orgId; }
    QString orgName() const { return m_orgName; }
    void setOrg(const QString &id, const QString &name);
    // The project of a project audit.
    QString projectId() const { return m_projectId; }
    QString projectName() const { return projectNameOf(m_projectId); }
    void setProject(const QString &id, const QString &name);

    const QHash<QString, QString> &projectNames() const { return m_projectNames; }
    // The project's name, or its id when the name is not known.
    QString projectNameOf(const QString &projectId) const;

    const QList<AiKey> &keys() const { return m_keys; }
    int size() const { return int(m_keys.size()); }
    bool isEmpty() const { return m_keys.isEmpty(); }
    KeyClass keyClass(int index) const { return m_classes[size_t(index)]; }
    LastUseBucket bucket(int index) const { return m_buckets[size_t(index)]; }
    // -1 when no key has this id.
    int indexOf(const QString &apiKeyId) const;

    const AuditSummary &summary() const { return m_summary; }
    // Keys per project, most keys first (ties by name), with the project names.
    QList<ProjectCount> keysPerProject() const;
    // True when any key is stale or never used: what a scheduled audit alerts on.
    bool hasFindings() const;
    // The stale and never-used keys, in report order: what bulk retire offers.
    QList<AiKey> retireCandidates() const;

    // Drops keys (after they were deleted) and recomputes the summary at the same generatedAt().
    void removeKeys(const QSet<QString> &apiKeyIds);

    // Things that went wrong without spoiling the audit (project names that could not be read...).
    const QStringList &warnings() const { return m_warnings; }
    void addWarning(const QString &warning) { m_warnings << warning; }

    QJsonObject toJson() const;
    // toJson() as QJsonDocument writes it (Indented), written straight from the keys: sink gets it in
    // pieces of about 64 KiB, so a 20,000-key report is never a document in memory.
    void writeJson(const std::function<void(QByteArrayView)> &sink) const;
    QByteArray toJsonBytes() const;
    // withByteOrderMark: a UTF-8 BOM first, which Excel needs to read the file as UTF-8 (for a file a
    // person opens; leave it out for a pipe into other tools).
    QByteArray toCsv(bool withByteOrderMark = false) const;
    // The same in pieces of about 64 KiB, never the whole file in memory.
    void writeCsv(const std::function<void(QByteArrayView)> &sink, bool withByteOrderMark = false) const;
    static QStringList csvHeader();

    // Whole days since the last use (rounded down; 0 for a use in the future), or nullopt for a key
    // never used.
    std::optional<qint64> daysSinceLastUse(int index) const;

private:
    void classify();
    // Everything of toJson() but the keys.
    QJsonObject contextJson() const;

    Scope m_scope = Scope::Organization;
    QDateTime m_generatedAt;
    AuditThresholds m_thresholds;
    QString m_orgId;
    QString m_orgName;
    QString m_projectId;
    QHash<QString, QString> m_projectNames;
    QList<AiKey> m_keys;
    std::vector<KeyClass> m_classes;
    std::vector<LastUseBucket> m_buckets;
    AuditSummary m_summary;
    QStringList m_warnings;
};

} // namespace aikeys
