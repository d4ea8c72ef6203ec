#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>
#include <QVariant>

#include <memory>

class QSettings;

namespace aikeys {

struct Profile;

// The one door to QSettings: every key the app persists, with its default and bounds, is in
// table(). Nothing secret ever goes through here: secrets live in the OS keychain.
class Settings
{
public:
    static constexpr auto kOrganization = "AtlasAiKeys";
    static constexpr auto kApplication = "atlas-ai-keys";
    static constexpr auto kAppId = "io.github.atlasaikeys.AtlasAiKeys";

    enum class Key {
        Profiles,
        LastProfileId,
        DefaultProfileId,
        ClipboardClearSeconds,
        AuditGraceDays,
        AuditStaleDays,
        RotationIdleHours,
        WindowGeometry,
        WindowState,
        KeyTableHeaderState,
        ThemeFollowsSystem,
    };

    struct Entry
    {
        Key key;
        QString path;          // the QSettings key
        QVariant defaultValue; // invalid for keys without one (profiles, ids, blobs)
        int minimum = 0;       // bounds for integers; ignored for other types
        int maximum = 0;
        bool isInteger() const { return defaultValue.typeId() == QMetaType::Int; }
    };
    static const QList<Entry> &table();
    static const Entry &entry(Key key);

    // The application's own settings (organization AtlasAiKeys, application atlas-ai-keys).
    Settings();
    // Someone else's QSettings, not owned: tests pass one on a temporary file.
    explicit Settings(QSettings *settings);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    QSettings *backend() const { return m_settings; }
    // Writes pending changes to disk; false if the file could not be written.
    bool sync();

    // Persisted profiles only; session-only ones never reach this.
    QList<Profile> profiles() const;
    void setProfiles(const QList<Profile> &profiles);

    QUuid lastProfileId() const;
    void setLastProfileId(const QUuid &id);
    QUuid defaultProfileId() const;
    void setDefaultProfileId(const QUuid &id);

    // Seconds a copied secret stays on the clipboard (5..600).
    int clipboardClearSeconds() const;
    void setClipboardClearSeconds(int seconds);
    // Audit: a key created fewer than G days ago is not yet reported as never used (0..365).
    int auditGraceDays() const;
    void setAuditGraceDays(int days);
    // Audit: a key not used for S days is stale (1..3650).
    int auditStaleDays() const;
    void setAuditStaleDays(int days);
    // Rotation: hours the old key must have gone unused before it is offered for deletion (1..8760).
    int rotationIdleHours() const;
    void setRotationIdleHours(int hours);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray keyTableHeaderState() const;
    void setKeyTableHeaderState(const QByteArray &state);

    bool themeFollowsSystem() const;
    void setThemeFollowsSystem(bool follow);

    // Back to the default (removes the key).
    void reset(Key key);

    // An integer within the key's bounds; an unset or unreadable value reads as the default.
    int intValue(Key key) const;
    void setIntValue(Key key, int value);
    static int clamp(Key key, int value);

private:
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    QUuid uuidValue(Key key) const;

    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings;
};

} // namespace aikeys
