#pragma once

#include "atlas/apierror.h"
#include "domain/clock.h"
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

#include <algorithm>
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
    // The earliest last use of the new key by a client seen so far: about when clients started
    // switching. Uses up to newKeyTestedAt (the app's own "Test Key") never count here.
    std::optional<QDateTime> newFirstSeenUsedAt;
    // When the app last tested the new key (the secret dialog's Test Key): that request is a use
    // Atlas records too, but no client has switched yet. Uses up to this time (and a little slack for
    // the difference between this machine's clock and Atlas's) are ignored.
    std::optional<QDateTime> newKeyTestedAt;
    QDateTime checkedAt;     // last successful refresh
    bool oldKeyGone = false; // deleted outside the rotation
    bool newKeyGone = false;
};

// Where a rotation stands, from the two keys' last uses and the idle time chosen (default 24 h):
//
//   WaitingForNewKey  the new key has not been used by a client yet: clients have not switched. The
//                     app's own key test is not a client's use.
//   OldKeyStillUsed   the new key is in use, and the old key was used at or after the new key's first
//                     seen use: some clients still hold the old one.
//   OldKeyIdle        the new key is in use; the old key has not been used since before that, for
//                     less than the idle time so far ("old key idle since ...").
//   ReadyToRetire     the new key is in use and the old key has been idle for the idle time or more:
//                     retiring it is the suggested action.
//   OldKeyGone        the old key no longer exists (deleted elsewhere): the rotation is over.
//   NewKeyGone        the replacement no longer exists: the rotation cannot complete.
//   InAnotherAtlas    the rotation was started in another Atlas than the one signed in to (another
//                     base URL, such as an earlier demo's simulator): its keys are neither checked nor
//                     retired from here, and it is never ready to retire.
//
// The old key is idle since the latest of its last use (its creation when it was never used), the
// start of the rotation and the new key's first use by a client: a key that was already idle before
// the rotation still waits the idle time once clients have switched. Exactly the idle time counts as
// idle long enough.
enum class RotationState {
    WaitingForNewKey,
    OldKeyStillUsed,
    OldKeyIdle,
    ReadyToRetire,
    OldKeyGone,
    NewKeyGone,
    InAnotherAtlas
};

// Rotations in progress, their state under an injected clock, their persistence in a JSON file
// under the application's data folder (ids, names, project and times; never a secret), and the
// calls that refresh them and retire the old key.
class RotationTracker : public QObject
{
    Q_OBJECT

public:
    using Clock = aikeys::Clock;

    static constexpr int kDefaultIdleHours = 24;
    // How far after a recorded key test a use of the new key is still taken for the test's own: the
    // test's request takes a moment, and Atlas's clock and this machine's may differ a little.
    static constexpr qint64 kTestSlackMs = 2 * 60 * 1000;

    // storagePath: the JSON file; empty keeps rotations in memory only. Loads it if it exists.
    explicit RotationTracker(const QString &storagePath = defaultStoragePath(), QObject *parent = nullptr);
    ~RotationTracker() override;

    // <AppDataLocation>/rotations.json
    static QString defaultStoragePath();
    QString storagePath() const { return m_path; }
    // Keeps rotations in another file from now on (empty: in memory only, as demo mode does) and
    // replaces the current rotations with that file's (none in memory only). The current ones stay
    // in their own file. Emits reset(). Nothing happens when the path is the current one.
    void setStoragePath(const QString &path);

    void setClock(Clock clock);
    QDateTime now() const;
    // The Atlas signed in to (the session's base URL; empty when signed out or unknown). A rotation
    // that recorded another Atlas is InAnotherAtlas while this one is set.
    void setAtlasUrl(const QString &url);
    QString atlasUrl() const { return m_atlasUrl; }
    bool isInAnotherAtlas(const Rotation &r) const;
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
    // The app tested the rotation's new key at this time (the secret dialog's Test Key): uses up to
    // then (plus testSlackMs()) are the test's, not a client's. A first use already recorded in that
    // window is forgotten.
    void markNewKeyTested(const QString &id, const QDateTime &at);
    // Whether a use of the rotation's new key at this time may be a client's: false up to its
    // recorded key test plus testSlackMs().
    bool isClientUse(const Rotation &r, const QDateTime &used) const;
    void setTestSlackMs(qint64 ms) { m_testSlackMs = std::max<qint64>(0, ms); }
    qint64 testSlackMs() const { return m_testSlackMs; }

    RotationState state(const Rotation &r) const { return evaluate(r, now(), idleMs(), m_atlasUrl); }
    std::optional<RotationState> state(const QString &id) const;
    qint64 idleMs() const { return qint64(m_idleHours) * 3600 * 1000; }

    // The rules, as a pure function. currentAtlasUrl: the Atlas signed in to (empty: not known, and
    // no rotation counts as another Atlas's).
    static RotationState evaluate(const Rotation &r, const QDateTime &now, qint64 idleMs,
                                  const QString &currentAtlasUrl = {});
    // The new key's first use by a client (newFirstSeenUsedAt: never the app's own test), or nullopt
    // while there is none.
    static std::optional<QDateTime> newKeyFirstClientUse(const Rotation &r);
    // Since when the old key has gone unused, as the rules measure it: the latest of its last use
    // (or creation), the rotation's start and the new key's first use by a client.
    static QDateTime oldIdleSince(const Rotation &r);
    // The old key's own last use, or its creation when it was never used (the rotation's start when
    // that is unknown): what the panel shows as "last used".
    static QDateTime oldLastActivity(const Rotation &r);
    // When retiring becomes the suggested action (nullopt while no client uses the new key).
    static std::optional<QDateTime> retireSuggestedAt(const Rotation &r, qint64 idleMs);

    // Why the rotation's old key cannot be retired through this client (a sentence for a person), or
    // an empty string: it must be a rotation of the Atlas the client is signed in to.
    QString retireRefusal(const QString &id, AtlasClient *client) const;
    static QString stateName(RotationState state);

    // Reads both keys of every rotation of this Atlas (getProjectKey each, at once) and updates them.
    // A 404 marks a key gone; other errors are reported with refreshFailed and change nothing. Ends
    // with refreshed(). A refresh still running is not started twice (returns false).
    bool refresh(AtlasClient *client);
    bool isRefreshing() const { return m_refreshPending > 0; }

    // Deletes the old key. When the key is gone (deleted now, or already), the rotation ends. The
    // call is returned (already started) so the caller can show its error; it deletes itself. A
    // rotation of another Atlas than the client's is refused: the call then fails with
    // retireRefusal()'s sentence (ApiError::Kind::InvalidInput), having sent nothing.
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
    // Every rotation was replaced (setStoragePath()).
    void reset();
    void refreshFailed(const QString &id, const aikeys::ApiError &error);
    void refreshed();

private:
    Rotation *find(const QString &id);
    void changed(const QString &id);

    QString m_path;
    QString m_atlasUrl;
    Clock m_clock;
    int m_idleHours = kDefaultIdleHours;
    qint64 m_testSlackMs = kTestSlackMs;
    QList<Rotation> m_rotations;
    int m_refreshPending = 0;
    QString m_lastError;
};

} // namespace aikeys
