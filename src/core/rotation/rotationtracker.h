#pragma once

#include "atlas/apierror.h"
#include "domain/types.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace aikeys {

class AtlasClient;
class DeleteCall;

// One key being replaced by another in the same project: what the tracker remembers between runs.
// Ids, names, the project and times only: never a secret (there is no field for one).
struct Rotation
{
    QString id;       // ours (a UUID), not Atlas's
    QString atlasUrl; // the Atlas the keys live in (the session's base URL): keys are only checked there
    QString projectId;
    QString projectName;
    QString oldKeyId;
    QString oldKeyName;
    QDateTime oldCreatedAt;
    QString newKeyId;
    QString newKeyName;
    QDateTime startedAt;
    std::optional<QDateTime> oldLastUsedAt;
    std::optional<QDateTime> newLastUsedAt;
    // The earliest last use of the new key seen so far: about when clients started switching.
    std::optional<QDateTime> newFirstSeenUsedAt;
    QDateTime checkedAt;     // last successful refresh
    bool oldKeyGone = false; // deleted outside the rotation
    bool newKeyGone = false;
};

// Where a rotation stands, from the two keys' last uses and the idle time chosen (default 24 h):
//
//   WaitingForNewKey  the new key has not been used yet: clients have not switched.
//   OldKeyStillUsed   the new key is in use, and the old key was used at or after the new key's first
//                     seen use: some clients still hold the old one.
//   OldKeyIdle        the new key is in use; the old key has not been used since before that, for
//                     less than the idle time so far ("old key idle since ...").
//   ReadyToRetire     the new key is in use and the old key has been idle for the idle time or more:
//                     retiring it is the suggested action.
//   OldKeyGone        the old key no longer exists (deleted elsewhere): the rotation is over.
//   NewKeyGone        the replacement no longer exists: the rotation cannot complete.
//
// The old key is idle since its last use; one never used is idle since its creation (or since the
// rotation started when that is unknown). Exactly the idle time counts as idle long enough.
enum class RotationState {
    WaitingForNewKey,
    OldKeyStillUsed,
    OldKeyIdle,
    ReadyToRetire,
    OldKeyGone,
    NewKeyGone
};

// Rotations in progress, their state under an injected clock, their persistence in a JSON file
// under the application's data folder (ids, names, project and times; never a secret), and the
// calls that refresh them and retire the old key.
class RotationTracker : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    static constexpr int kDefaultIdleHours = 24;

    // storagePath: the JSON file; empty keeps rotations in memory only. Loads it if it exists.
    explicit RotationTracker(const QString &storagePath = defaultStoragePath(), QObject *parent = nullptr);
    ~RotationTracker() override;

    // <AppDataLocation>/rotations.json
    static QString defaultStoragePath();
    QString storagePath() const { return m_path; }

    void setClock(Clock clock);
    QDateTime now() const;
    // Hours the old key must go unused before retiring it is suggested (1..8760).
    void setIdleHours(int hours);
    int idleHours() const { return m_idleHours; }

    // The name a replacement gets by default: "<old name> (rotated YYYY-MM-DD)", with an earlier
    // " (rotated ...)" suffix replaced rather than stacked, and the old name shortened so that the
    // whole fits the 250-character limit (never cutting a character in two).
    static QString replacementName(const QString &oldName, const QDate &date);

    // Starts tracking; returns the rotation's id. atlasUrl names the Atlas both keys are in.
    QString add(const AiKey &oldKey, const QString &projectName, const AiKey &newKey,
                const QString &atlasUrl);
    // Stops tracking (the rotation is over or abandoned). False when there is no such rotation.
    bool remove(const QString &id);

    QList<Rotation> rotations() const { return m_rotations; }
    // nullopt when there is no such rotation.
    std::optional<Rotation> rotation(const QString &id) const;
    int count() const { return int(m_rotations.size()); }

    // What a refresh learnt about either key: its current description, or that it is gone.
    void updateKey(const QString &id, const AiKey &key);
    void markKeyGone(const QString &id, const QString &apiKeyId);

    RotationState state(const Rotation &r) const { return evaluate(r, now(), idleMs()); }
    std::optional<RotationState> state(const QString &id) const;
    qint64 idleMs() const { return qint64(m_idleHours) * 3600 * 1000; }

    // The rules, as a pure function.
    static RotationState evaluate(const Rotation &r, const QDateTime &now, qint64 idleMs);
    // Since when the old key has gone unused.
    static QDateTime oldIdleSince(const Rotation &r);
    // When retiring becomes the suggested action (nullopt while the new key is unused).
    static std::optional<QDateTime> retireSuggestedAt(const Rotation &r, qint64 idleMs);
    static QString stateName(RotationState state);

    // Reads both keys of every rotation of this Atlas (getProjectKey each, at once) and updates them.
    // A 404 marks a key gone; other errors are reported with refreshFailed and change nothing. Ends
    // with refreshed(). A refresh still running is not started twice (returns false).
    bool refresh(AtlasClient *client);
    bool isRefreshing() const { return m_refreshPending > 0; }

    // Deletes the old key. When the key is gone (deleted now, or already), the rotation ends. The
    // call is returned (already started) so the caller can show its error; it deletes itself.
    DeleteCall *retireOldKey(AtlasClient *client, const QString &id);

    // Writes the file now (it is also written after every change). False when it could not be.
    bool save();
    bool load();
    QString lastError() const { return m_lastError; }

    // The file's contents for the current rotations.
    QByteArray serialize() const;
    // Rotations read from such contents; nullopt (and a reason) when they cannot be read.
    static std::optional<QList<Rotation>> deserialize(const QByteArray &data, QString *error = nullptr);

Q_SIGNALS:
    void rotationAdded(const QString &id);
    void rotationChanged(const QString &id);
    void rotationRemoved(const QString &id);
    void refreshFailed(const QString &id, const aikeys::ApiError &error);
    void refreshed();

private:
    Rotation *find(const QString &id);
    void changed(const QString &id);

    QString m_path;
    Clock m_clock;
    int m_idleHours = kDefaultIdleHours;
    QList<Rotation> m_rotations;
    int m_refreshPending = 0;
    QString m_lastError;
};

} // namespace aikeys
