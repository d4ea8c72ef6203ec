#pragma once

#include "atlas/apierror.h"
#include "domain/types.h"
#include "rotation/rotationtracker.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class RotationsPanel;
}

namespace aikeys {

class AtlasClient;
class CreateKeyDialog;
class KeyChanges;
struct KeyChangeNotice;
class MessageBar;
class SecretDialog;
class SecureClipboard;
class Settings;

// Guided rotation: replacing a key without an outage. "Rotate Key..." (startRotation) creates a
// replacement in the same project and scope, named "<old name> (rotated YYYY-MM-DD)" (editable),
// shows its secret once through SecretDialog (with its Test Key button), then tracks the pair here:
// both keys' last uses, refreshed every minute, and where the rotation stands (waiting for the new
// key's first use; new key in use, old key still used; old key idle since ...). Once the new key has
// been used and the old one has not for the chosen time (Settings::rotationIdleHours, 24 h by
// default), "Retire Old Key" is the suggested action; retiring earlier asks for an explicit
// confirmation. Rotations survive a restart (RotationTracker's file: ids, names, times; never a
// secret).
//
// Embedding: construct it with the session's client, the settings and the secure clipboard (for the
// secret dialog's Copy), and call startRotation() from the key table's "Rotate Key..." action.
class RotationsPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kDefaultRefreshMs = 60 * 1000;

    // client, settings and clipboard are not owned; settings and clipboard may be null. storagePath
    // is where rotations are kept (RotationTracker::defaultStoragePath() by default).
    RotationsPanel(AtlasClient *client, Settings *settings, SecureClipboard *clipboard,
                   QWidget *parent = nullptr,
                   const QString &storagePath = RotationTracker::defaultStoragePath());
    ~RotationsPanel() override;

    // After signing in again (null when signed out: nothing is checked then).
    void setClient(AtlasClient *client);
    RotationTracker *tracker() const { return m_tracker; }
    // Where rotations are kept from now on (RotationTracker::setStoragePath(): empty keeps them in
    // memory only, as demo mode does); the list shows that file's rotations.
    void setStoragePath(const QString &path);

    // Asks for the replacement's name (CreateKeyDialog, prefilled), creates it, shows its secret once
    // and starts tracking. Nothing happens until the user confirms the name.
    void startRotation(const AiKey &oldKey, const QString &projectName);

    void setRefreshInterval(int ms);
    int refreshInterval() const { return m_timer.interval(); }

    QString currentRotationId() const;
    void setCurrentRotation(const QString &id);
    // The text the panel shows for a rotation's state, with its times ("Old key idle since ...").
    QString stateText(const Rotation &rotation) const;
    MessageBar *messageBar() const { return m_messageBar; }

public Q_SLOTS:
    // Reads both keys of every rotation now.
    void refreshNow();
    // Retires the current rotation's old key: confirms (explicitly when it is not yet suggested),
    // deletes it, and ends the rotation.
    void retireCurrent();
    // Stops tracking the current rotation (after asking); keys are left as they are.
    void stopCurrent();

Q_SIGNALS:
    // A replacement key was created (for the main window's table) and its rotation is tracked.
    void rotationStarted(const QString &rotationId, const aikeys::AiKey &newKey);
    // The old key was deleted and the rotation ended.
    void oldKeyRetired(const QString &projectId, const QString &apiKeyId);
    // The secret dialog of a new replacement is on screen (tests answer it through this).
    void secretDialogShown(aikeys::SecretDialog *dialog);

private:
    void create(const AiKey &oldKey, const QString &projectName, const QString &name, const KeyScope &scope);
    void showChangeNotice(const KeyChangeNotice &notice);
    void rebuildList();
    void updateItem(const QString &id);
    void updateDetails();
    void updateTimer();
    QString describeKey(const QString &name, const QString &id,
                        const std::optional<QDateTime> &lastUsed) const;

    const std::unique_ptr<Ui::RotationsPanel> m_ui;
    QPointer<AtlasClient> m_client;
    Settings *m_settings;
    QPointer<SecureClipboard> m_clipboard;
    RotationTracker *m_tracker;
    MessageBar *m_messageBar;
    KeyChanges *m_changes;
    QTimer m_timer;
    QTimer m_clockTimer; // "idle for 3 hours" goes stale while nothing is fetched
    bool m_creating = false;
};

} // namespace aikeys
