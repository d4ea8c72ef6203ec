#include "audit/keyclassifier.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

int attentionRank(KeyClass keyClass)
{
    switch (keyClass) {
    case KeyClass::NeverUsed:
        return 0;
    case KeyClass::Stale:
        return 1;
    case KeyClass::RecentlyCreated:
        return 2;
    case KeyClass::Active:
        return 3;
    }
    return 4;
}

namespace {

bool hasUse(const AiKey &key)
{
    return key.lastUsedAt && key.lastUsedAt->isValid();
}

// Milliseconds from then to now between two instants (toMSecsSinceEpoch is time-zone free); a time
// in the future (clock skew between the server and this machine) is 0 ago.
qint64 ageMs(const QDateTime &then, const QDateTime &now)
{
    return std::max<qint64>(0, now.toMSecsSinceEpoch() - then.toMSecsSinceEpoch());
}

} // namespace

KeyClassifier::KeyClassifier(AuditThresholds thresholds)
    : m_thresholds{std::max(0, thresholds.graceDays), std::max(0, thresholds.staleDays)}
{}

KeyClass KeyClassifier::classify(const AiKey &key, const QDateTime &now) const
{
    Q_ASSERT(now.isValid());
    // An unreadable last use may be a recent one: never offer such a key for retirement.
    if (key.lastUsedUnknown)
        return KeyClass::Active;
    if (!hasUse(key)) {
        // A key whose creation time is unknown cannot prove it is new: report it.
        if (!key.createdAt.isValid())
            return KeyClass::NeverUsed;
        return ageMs(key.createdAt, now) > m_thresholds.graceDays * kMsPerDay ? KeyClass::NeverUsed
                                                                              : KeyClass::RecentlyCreated;
    }
    return ageMs(*key.lastUsedAt, now) > m_thresholds.staleDays * kMsPerDay ? KeyClass::Stale
                                                                            : KeyClass::Active;
}

LastUseBucket KeyClassifier::bucket(const AiKey &key, const QDateTime &now)
{
    Q_ASSERT(now.isValid());
    if (!hasUse(key))
        return LastUseBucket::Never;
    const qint64 age = ageMs(*key.lastUsedAt, now);
    if (age <= 1 * kMsPerDay)
        return LastUseBucket::Today;
    if (age <= 7 * kMsPerDay)
        return LastUseBucket::Within7Days;
    if (age <= 30 * kMsPerDay)
        return LastUseBucket::Within30Days;
    if (age <= 90 * kMsPerDay)
        return LastUseBucket::Within90Days;
    return LastUseBucket::Older;
}

AuditSummary KeyClassifier::summarize(const QList<AiKey> &keys, const QDateTime &now) const
{
    AuditSummary s;
    s.total = int(keys.size());
    qint64 oldestMs = 0;
    for (const AiKey &key : keys) {
        ++s.perClass[size_t(classify(key, now))];
        ++s.perBucket[size_t(bucket(key, now))];
        ++s.keysPerProject[key.groupId];
        if (hasUse(key)) {
            const qint64 ms = key.lastUsedAt->toMSecsSinceEpoch();
            if (!s.oldestLastUse || ms < oldestMs) {
                oldestMs = ms;
                s.oldestLastUse = *key.lastUsedAt;
                s.oldestLastUseKeyId = key.apiKeyId;
            }
        }
    }
    return s;
}

QString KeyClassifier::name(KeyClass c)
{
    switch (c) {
    case KeyClass::NeverUsed:
        return tr("Never used");
    case KeyClass::Stale:
        return tr("Stale");
    case KeyClass::RecentlyCreated:
        return tr("Recently created");
    case KeyClass::Active:
        return tr("Active");
    }
    return {};
}

QString KeyClassifier::name(LastUseBucket b)
{
    switch (b) {
    case LastUseBucket::Today:
        return tr("Last 24 hours");
    case LastUseBucket::Within7Days:
        return tr("1-7 days ago");
    case LastUseBucket::Within30Days:
        return tr("7-30 days ago");
    case LastUseBucket::Within90Days:
        return tr("30-90 days ago");
    case LastUseBucket::Older:
        return tr("Over 90 days ago");
    case LastUseBucket::Never:
        // Not "Never used": the bucket holds recently created keys too, and must not read as the
        // Never used class.
        return tr("No use yet");
    }
    return {};
}

QString KeyClassifier::id(KeyClass c)
{
    switch (c) {
    case KeyClass::NeverUsed:
        return u"never-used"_s;
    case KeyClass::Stale:
        return u"stale"_s;
    case KeyClass::RecentlyCreated:
        return u"recently-created"_s;
    case KeyClass::Active:
        return u"active"_s;
    }
    return {};
}

QString KeyClassifier::id(LastUseBucket b)
{
    switch (b) {
    case LastUseBucket::Today:
        return u"today"_s;
    case LastUseBucket::Within7Days:
        return u"7d"_s;
    case LastUseBucket::Within30Days:
        return u"30d"_s;
    case LastUseBucket::Within90Days:
        return u"90d"_s;
    case LastUseBucket::Older:
        return u"older"_s;
    case LastUseBucket::Never:
        return u"never"_s;
    }
    return {};
}

} // namespace aikeys
