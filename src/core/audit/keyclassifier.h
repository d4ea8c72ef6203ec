#pragma once

#include "domain/types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace aikeys {

// How a key stands in an audit. The rules, with "age" the time elapsed between an instant and now,
// measured as a duration between two UTC instants (never as calendar days or wall-clock fields, so
// the time zone of any timestamp or of the machine never changes a result), and a "day" 86,400 s:
//
//   NeverUsed        no last use, and created more than graceDays ago, or at an unknown time
//   RecentlyCreated  no last use, created graceDays ago or less (or in the future: clock skew)
//   Stale            last used more than staleDays ago
//   Active           last used staleDays ago or less (or in the future: clock skew)
//
// Exactly on a threshold counts as the younger class: a key created exactly graceDays ago is still
// RecentlyCreated, one last used exactly staleDays ago is still Active ("more than" is strict). A
// last use that is present but not a valid time counts as no use.
enum class KeyClass { NeverUsed, Stale, RecentlyCreated, Active };
inline constexpr int kKeyClassCount = 4;
// The order in which audits list the classes: what needs attention first (never used, stale,
// recently created, active).
int attentionRank(KeyClass keyClass);

// Last-use buckets of the audit chart, by age of the last use (future uses have age 0):
//   Today: age <= 1 day (the last 24 hours, not the calendar day, which depends on a time zone)
//   Within7Days: 1 day < age <= 7 days      Within30Days: 7 < age <= 30 days
//   Within90Days: 30 < age <= 90 days      Older: age > 90 days
//   Never: no last use ("No use yet": the Never used and Recently created classes together)
// Each edge belongs to the younger bucket, as with the classes: with the default staleDays (90)
// the Older bucket holds exactly the Stale keys.
enum class LastUseBucket { Today, Within7Days, Within30Days, Within90Days, Older, Never };
inline constexpr int kLastUseBucketCount = 6;

struct AuditThresholds
{
    int graceDays = 7;
    int staleDays = 90;
};

struct AuditSummary
{
    int total = 0;
    std::array<int, kKeyClassCount> perClass{};
    std::array<int, kLastUseBucketCount> perBucket{};
    // The least recent last use among keys that were used; nullopt when none was.
    std::optional<QDateTime> oldestLastUse;
    QString oldestLastUseKeyId;
    QHash<QString, int> keysPerProject; // groupId -> number of keys

    int count(KeyClass c) const { return perClass[size_t(c)]; }
    int count(LastUseBucket b) const { return perBucket[size_t(b)]; }
};

// Pure functions of a key, a clock reading and thresholds: no state, no I/O, QtCore only.
class KeyClassifier
{
    Q_DECLARE_TR_FUNCTIONS(aikeys::KeyClassifier)

public:
    static constexpr qint64 kMsPerDay = 86'400'000;

    explicit KeyClassifier(AuditThresholds thresholds = {});

    // Negative thresholds are read as 0.
    AuditThresholds thresholds() const { return m_thresholds; }

    // now must be a valid time.
    KeyClass classify(const AiKey &key, const QDateTime &now) const;
    static LastUseBucket bucket(const AiKey &key, const QDateTime &now);
    AuditSummary summarize(const QList<AiKey> &keys, const QDateTime &now) const;

    // Translated names for reports and the chart.
    static QString name(KeyClass c);
    static QString name(LastUseBucket b);
    // Stable identifiers for machine-readable output ("never-used", "stale", ...).
    static QString id(KeyClass c);
    static QString id(LastUseBucket b);

private:
    AuditThresholds m_thresholds;
};

} // namespace aikeys
