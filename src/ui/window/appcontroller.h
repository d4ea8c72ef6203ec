#pragma once

#include "atlas/apierror.h"
#include "credentials/profile.h"
#include "credentials/secretstore.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>

namespace aikeys {

class CredentialManager;
class DemoSimulator;
class MainWindow;
class ProfileStore;
class SessionOpener;
class Settings;

// What the command line asked for.
struct AppOptions
{
    bool demo = false;
    QString profileName;      // --profile NAME
    QString select;           // a project or organization (id or name) to select once loaded
    QString screenshotPath;   // --screenshot FILE: grab once the first load finished, then quit
    QString screenshotDialog; // with --screenshot: "create" or "secret" grabs that dialog instead
    int quitAfterMs = 0;      // --quit-after MS
};

// The application around the main window: settings, profiles and their keychain, and the sign-in
// flow. At start-up: --demo starts the bundled simulator and signs in to it with a session-only
// profile; otherwise --profile NAME or the last used profile is opened (its secret read from the
// keychain, the session proved with GET /orgs), the secret asked for when the keychain has none, and
// the profile chooser shown when there is no profile or the user wants another. The window's
// requests (sign in, switch profile, sign out, preferences, about) land here.
class AppController : public QObject
{
    Q_OBJECT

public:
    // keychain: where persisted profiles keep their secrets; the OS keychain (QtKeychain) when null.
    // Tests pass a MemorySecretStore.
    explicit AppController(AppOptions options, std::unique_ptr<SecretStore> keychain = {},
                           QObject *parent = nullptr);
    ~AppController() override;

    // Shows the window and starts signing in (from the event loop).
    void start();
    MainWindow *window() const { return m_window.get(); }
    Settings *settings() const { return m_settings.get(); }
    CredentialManager *credentials() const { return m_credentials.get(); }
    // Non-zero once something made the application give up (the demo simulator did not start).
    int exitCode() const { return m_exitCode; }

private:
    void initialSignIn();
    void startDemo();
    void openProfile(const Profile &profile);
    // Cancels the sign-in in progress, if any, and says on the status bar who is signing in.
    SessionOpener *newOpener(const Profile &profile);
    void askSecret(const Profile &profile, const ApiError &reason, SecretError secretError);
    void onOpened(SessionOpener *opener, const Profile &profile);
    void chooseProfile();
    void manageProfiles();
    void switchProfile(const QUuid &id);
    void afterSignOut(std::function<void()> next, const QString &message = {});
    // The signed-in profile was edited or removed (in Manage Profiles): noted while the chooser is
    // open, acted on once it closes.
    void onProfileChanged(const QUuid &id);
    // Removed: sign out (to the chooser, unless the user just closed it). Connection settings or
    // secret changed: sign in again with the new ones. Only the name or defaults: the title follows.
    void reviewCurrentProfile(bool chooserJustClosed);
    void onSignInRequired(const ApiError &error);
    void showPreferences();
    void showAbout();
    void fail(int code);

    AppOptions m_options;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<SecretStore> m_keychain;
    std::unique_ptr<CredentialManager> m_credentials;
    std::unique_ptr<DemoSimulator> m_demo;
    std::unique_ptr<MainWindow> m_window;
    QPointer<SessionOpener> m_opener;
    std::function<void()> m_afterSignOut;
    // The demo's session-only profile: its built-in secret is kept on sign-out, since it protects
    // nothing and nobody could type it again.
    QUuid m_demoProfileId;
    // Secrets this controller stores itself (a prompted secret that worked): not an edit to react to.
    QSet<QUuid> m_ownSecretWrites;
    // Shown once the next sign-in succeeds (why it happened).
    QString m_signInNote;
    bool m_choosing = false;
    bool m_reviewCurrent = false;
    bool m_currentSecretChanged = false;
    int m_exitCode = 0;
};

} // namespace aikeys
