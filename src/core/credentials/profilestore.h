#pragma once

#include "credentials/profile.h"
#include "domain/result.h"

#include <QObject>

namespace aikeys {

class Settings;

// The user's profiles: persisted ones (through Settings) and session-only ones (memory only), in
// the order they were added. Knows nothing about secrets: CredentialManager pairs the two.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    // Loads the persisted profiles from settings (not owned; must outlive the store).
    explicit ProfileStore(Settings *settings, QObject *parent = nullptr);
    ~ProfileStore() override;

    const QList<Profile> &profiles() const { return m_profiles; }
    int count() const { return int(m_profiles.size()); }
    std::optional<Profile> find(const QUuid &id) const;
    // Names are unique regardless of case and surrounding spaces.
    std::optional<Profile> findByName(const QString &name) const;
    bool contains(const QUuid &id) const { return indexOf(id) >= 0; }

    // Everything wrong with the profile as it would be stored, including a name another profile
    // already has (the profile's own entry, same id, does not count).
    ProfileIssues validate(const Profile &profile) const;

    // Adds a profile (normalized; a null id gets a fresh one). Returns the stored profile, or why not.
    Result<Profile> add(Profile profile);
    // Replaces the profile with the same id. The id never changes, so neither does its secret's
    // keychain entry: a rename is an update with another name.
    Result<Profile> update(Profile profile);
    Result<Profile> rename(const QUuid &id, const QString &newName);
    // A new profile with a new id and the non-secret fields of id's; the caller decides whether
    // to give it a secret. An empty name picks "<name> (copy)", then "<name> (copy) (2)"...
    Result<Profile> duplicate(const QUuid &id, const QString &newName = {});
    bool remove(const QUuid &id);

    // base, or base with " (2)", " (3)"... appended: a name no profile has, within the length limit.
    QString uniqueName(const QString &base) const;

    // Reads the persisted profiles again, keeping the session-only ones.
    void reload();
    // Persists every profile that is not session-only; false if settings could not be written.
    bool save();

Q_SIGNALS:
    void profileAdded(const QUuid &id);
    void profileUpdated(const QUuid &id);
    void profileRemoved(const QUuid &id);
    // After any of the above, and after reload().
    void changed();

private:
    int indexOf(const QUuid &id) const;
    int indexOfName(const QString &name) const;
    Result<Profile> check(const Profile &normalized) const;

    Settings *m_settings;
    QList<Profile> m_profiles;
};

} // namespace aikeys
