#include "window/appcontroller.h"

#include "common/messagebox.h"
#include "common/theme.h"
#include "credentials/credentialmanager.h"
#include "credentials/profilestore.h"
#include "credentials/qtkeychainsecretstore.h"
#include "credentials/sessionopener.h"
#include "demo/demosimulator.h"
#include "logging.h"
#include "profiles/profilesdialog.h"
#include "profiles/secretprompt.h"
#include "settings.h"
#include "window/aboutdialog.h"
#include "window/mainwindow.h"
#include "window/preferencesdialog.h"
#include "window/screenshotrunner.h"

#include <QApplication>
#include <QStatusBar>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace aikeys {

AppController::AppController(AppOptions options, std::unique_ptr<SecretStore> keychain, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_settings(std::make_unique<Settings>())
    , m_profiles(std::make_unique<ProfileStore>(m_settings.get()))
    , m_keychain(keychain ? std::move(keychain) : std::make_unique<QtKeychainSecretStore>())
    , m_credentials(std::make_unique<CredentialManager>(m_profiles.get(), m_keychain.get(), m_settings.get()))
    , m_window(std::make_unique<MainWindow>(m_settings.get()))
{
    m_window->setCredentialManager(m_credentials.get());
    if (!m_options.select.isEmpty())
        m_window->selectWhenLoaded(m_options.select);

    connect(m_window.get(), &MainWindow::signInRequested, this, &AppController::chooseProfile);
    connect(m_window.get(), &MainWindow::signInRequired, this, &AppController::onSignInRequired);
    connect(m_window.get(), &MainWindow::switchProfileRequested, this, &AppController::switchProfile);
    connect(m_window.get(), &MainWindow::manageProfilesRequested, this, &AppController::manageProfiles);
    connect(m_window.get(), &MainWindow::preferencesRequested, this, &AppController::showPreferences);
    connect(m_window.get(), &MainWindow::aboutRequested, this, &AppController::showAbout);
    connect(m_window.get(), &MainWindow::signedOut, this, [this] {
        std::function<void()> next = std::exchange(m_afterSignOut, {});
        if (next) {
            // Switching profile (or leaving a removed one): other session-only secrets stay.
            next();
            return;
        }
        // An explicit Sign Out: no session-only secret outlives it (but the demo's built-in one).
        const int wiped = m_credentials->forgetSessionSecrets(
            m_demoProfileId.isNull() ? QSet<QUuid>() : QSet<QUuid>{m_demoProfileId});
        if (wiped > 0)
            m_window->statusBar()->showMessage(
                tr("Signed out. Secrets kept for this session only were forgotten: enter them again to sign "
                   "in."),
                10000);
        chooseProfile();
    });

    // Edits in Manage Profiles reach the running session.
    connect(m_profiles.get(), &ProfileStore::profileUpdated, this, &AppController::onProfileChanged);
    connect(m_profiles.get(), &ProfileStore::profileRemoved, this, &AppController::onProfileChanged);
    connect(m_credentials.get(), &CredentialManager::secretChanged, this, [this](const QUuid &id) {
        if (m_ownSecretWrites.contains(id) || !m_window->session() || id != m_window->profile().id)
            return;
        m_currentSecretChanged = true;
        onProfileChanged(id);
    });

    if (!m_options.screenshotPath.isEmpty()) {
        auto *runner =
            new ScreenshotRunner(m_window.get(), m_options.screenshotPath, m_options.screenshotDialog, this);
        connect(runner, &ScreenshotRunner::done, this, [this](bool ok) {
            if (!ok)
                m_exitCode = 1;
            QTimer::singleShot(0, qApp, [this] { QCoreApplication::exit(m_exitCode); });
        });
    }
    if (m_options.quitAfterMs > 0)
        QTimer::singleShot(m_options.quitAfterMs, qApp, &QCoreApplication::quit);
}

AppController::~AppController()
{
    // The window goes first: its jobs belong to the session it owns, which must not outlive the
    // simulator it talks to by much, and none of it may outlive the credentials.
    m_window.reset();
    if (m_demo)
        m_demo->stop();
}

void AppController::start()
{
    applyTheme(m_settings->themeFollowsSystem());
    m_window->show();
    // After the window's first paint: the keychain or the simulator may take a moment.
    QTimer::singleShot(0, this, &AppController::initialSignIn);
}

void AppController::fail(int code)
{
    m_exitCode = code;
    QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
}

void AppController::initialSignIn()
{
    if (m_options.demo) {
        startDemo();
        return;
    }
    if (!m_options.profileName.isEmpty()) {
        const std::optional<Profile> named = m_profiles->findByName(m_options.profileName);
        if (named) {
            openProfile(*named);
            return;
        }
        MessageBox::warning(m_window.get(), tr("No Such Profile"),
                            tr("There is no profile named \u201c%1\u201d.").arg(m_options.profileName),
                            QMessageBox::Ok, QMessageBox::NoButton,
                            tr("Choose one of your profiles instead."));
        chooseProfile();
        return;
    }
    if (const std::optional<Profile> preferred = m_credentials->preferredProfile()) {
        openProfile(*preferred);
        return;
    }
    chooseProfile();
}

void AppController::startDemo()
{
    m_window->statusBar()->showMessage(tr("Starting the demo Atlas\u2026"));
    if (!m_demo)
        m_demo = std::make_unique<DemoSimulator>();
    if (!m_demo->start()) {
        MessageBox::critical(m_window.get(), tr("Demo Mode"), tr("The demo could not start."),
                             QMessageBox::Ok, QMessageBox::NoButton, m_demo->errorString());
        fail(1);
        return;
    }
    connect(qApp, &QCoreApplication::aboutToQuit, m_demo.get(), &DemoSimulator::stop, Qt::UniqueConnection);

    // A session-only profile: nothing about it reaches the settings or the keychain, and it is listed
    // under File > Switch Profile for this run only.
    Profile profile;
    profile.name = m_profiles->uniqueName(tr("Demo"));
    profile.baseUrl = m_demo->baseUrl();
    profile.authMode = AuthMode::ServiceAccount;
    profile.publicId = QString::fromLatin1(DemoSimulator::kServiceAccountId);
    profile.sessionOnly = true;
    CredentialJob *job =
        m_credentials->save(profile, SecretBuffer(QByteArray(DemoSimulator::kServiceAccountSecret)),
                            CredentialManager::Storage::SessionOnly);
    connect(job, &CredentialJob::finished, this, [this, done = job] {
        if (!done->succeeded()) {
            MessageBox::critical(m_window.get(), tr("Demo Mode"), done->error().message(), QMessageBox::Ok,
                                 QMessageBox::NoButton, done->error().hint());
            fail(1);
            return;
        }
        m_demoProfileId = done->profile().id;
        openProfile(done->profile());
    });
}

SessionOpener *AppController::newOpener(const Profile &profile)
{
    // One sign-in at a time: the newest wins.
    if (m_opener) {
        m_opener->disconnect(this);
        m_opener->cancel();
    }
    m_window->statusBar()->showMessage(tr("Signing in as \u201c%1\u201d\u2026").arg(profile.name));
    m_opener = new SessionOpener(m_credentials.get(), this);
    return m_opener;
}

void AppController::openProfile(const Profile &profile)
{
    SessionOpener *opener = newOpener(profile);
    connect(opener, &SessionOpener::finished, this, [this, opener, profile] { onOpened(opener, profile); });
    opener->open(profile);
}

void AppController::onOpened(SessionOpener *opener, const Profile &profile)
{
    if (opener != m_opener)
        return;
    m_opener.clear();
    m_window->statusBar()->clearMessage();
    const QString note = std::exchange(m_signInNote, {});
    if (opener->succeeded()) {
        const bool demo = m_demo && profile.sessionOnly && profile.baseUrl == m_demo->baseUrl();
        m_window->setSession(opener->takeSession(), opener->profile(), demo);
        if (!note.isEmpty())
            m_window->statusBar()->showMessage(note, 10000);
        return;
    }
    const ApiError &error = opener->error();
    if (error.kind() == ApiError::Kind::Canceled)
        return;
    if (opener->needsSecret() || error.isUnauthorized()) {
        askSecret(profile, error, opener->secretError());
        return;
    }
    MessageBox::warning(m_window.get(), tr("Sign-In Failed"),
                        tr("Could not sign in as \u201c%1\u201d.").arg(profile.name), QMessageBox::Ok,
                        QMessageBox::NoButton, error.message() + u"\n\n"_s + error.hint());
    m_window->clearSession(tr("Could not sign in as \u201c%1\u201d: %2").arg(profile.name, error.message()));
}

void AppController::askSecret(const Profile &profile, const ApiError &reason, SecretError secretError)
{
    m_window->clearSession(tr("Signing in as \u201c%1\u201d needs its secret.").arg(profile.name));
    QPointer<SecretPrompt> prompt = new SecretPrompt(profile, m_window.get());
    prompt->setReason(reason, secretError);
    const int result = prompt->exec();
    if (!prompt)
        return;
    if (result != QDialog::Accepted) {
        delete prompt.data();
        chooseProfile();
        return;
    }
    const bool remember = prompt->rememberInKeychain();
    Credentials credentials = prompt->takeCredentials();
    delete prompt.data();
    // Stored once the secret has proved right; until then only this copy and the session's exist.
    auto toStore = std::make_shared<SecretBuffer>(remember ? credentials.secret.clone() : SecretBuffer());

    SessionOpener *opener = newOpener(profile);
    connect(opener, &SessionOpener::finished, this, [this, opener, profile, toStore] {
        const bool ok = opener == m_opener && opener->succeeded();
        if (ok && !toStore->isEmpty()) {
            // The session already uses this secret: storing it is not an edit to sign in again for.
            m_ownSecretWrites.insert(profile.id);
            CredentialJob *job = m_credentials->replaceSecret(profile.id, std::move(*toStore));
            connect(job, &CredentialJob::finished, this, [this, id = profile.id, done = job] {
                m_ownSecretWrites.remove(id);
                if (!done->succeeded())
                    m_window->statusBar()->showMessage(
                        tr("The secret could not be stored in the keychain: %1").arg(done->error().message()),
                        10000);
            });
        }
        toStore->wipe();
        onOpened(opener, profile);
    });
    opener->openWith(profile, std::move(credentials));
}

void AppController::onSignInRequired(const ApiError &error)
{
    const Profile profile = m_window->profile();
    if (profile.id.isNull() || m_window->isDemo()) {
        chooseProfile();
        return;
    }
    // The stored secret no longer works (rotated, revoked, expired token): ask for the current one.
    askSecret(profile, error, SecretError::None);
}

void AppController::chooseProfile()
{
    if (m_choosing)
        return;
    m_choosing = true;
    const std::optional<QUuid> chosen = ProfilesDialog::chooseProfile(m_credentials.get(), m_window.get());
    m_choosing = false;
    const bool review = std::exchange(m_reviewCurrent, false);
    if (review && m_window->session() && !(chosen && *chosen != m_window->profile().id)) {
        // The signed-in profile was changed or removed while the dialog was open.
        reviewCurrentProfile(!chosen);
        return;
    }
    m_currentSecretChanged = false;
    if (!chosen)
        return;
    // Another profile: switching signs out of the current one first, changed or not.
    switchProfile(*chosen);
}

void AppController::onProfileChanged(const QUuid &id)
{
    if (!m_window->session() || id != m_window->profile().id)
        return;
    if (m_choosing) {
        m_reviewCurrent = true;
        return;
    }
    reviewCurrentProfile(false);
}

void AppController::reviewCurrentProfile(bool chooserJustClosed)
{
    const bool secretChanged = std::exchange(m_currentSecretChanged, false);
    if (!m_window->session() || m_window->isSigningOut())
        return;
    const Profile current = m_window->profile();
    const std::optional<Profile> stored = m_profiles->find(current.id);
    if (!stored) {
        const QString message =
            tr("Profile \u201c%1\u201d was removed, so you were signed out.").arg(current.name);
        // The user who just closed the chooser lands on the signed-out page (with Sign In); otherwise
        // the chooser follows.
        afterSignOut(
            [this, message, chooserJustClosed] {
                m_window->statusBar()->showMessage(message, 10000);
                if (!chooserJustClosed)
                    chooseProfile();
            },
            message);
        return;
    }
    const bool connectionChanged = stored->baseUrl != current.baseUrl ||
                                   stored->authMode != current.authMode ||
                                   stored->publicId.trimmed() != current.publicId.trimmed();
    if (connectionChanged || secretChanged) {
        const QString why = connectionChanged
                                ? tr("its connection settings changed")
                                : tr("its %1 was replaced").arg(secretKindDisplayName(stored->secretKind()));
        const QString note = tr("Signed in again as \u201c%1\u201d because %2.").arg(stored->name, why);
        afterSignOut(
            [this, p = *stored, note] {
                m_signInNote = note;
                openProfile(p);
            },
            tr("Signing in again as \u201c%1\u201d because %2\u2026").arg(stored->name, why));
        if (m_window->isSigningOut())
            m_window->statusBar()->showMessage(
                tr("Profile \u201c%1\u201d changed (%2): signing out, then in again\u2026")
                    .arg(stored->name, why));
        return;
    }
    m_window->updateProfile(*stored);
}

void AppController::manageProfiles()
{
    chooseProfile();
}

void AppController::switchProfile(const QUuid &id)
{
    const std::optional<Profile> profile = m_profiles->find(id);
    if (!profile)
        return;
    if (m_window->session()) {
        if (m_window->profile().id == id)
            return; // already signed in with it
        // The current session's token is revoked before the next one starts.
        afterSignOut([this, p = *profile] { openProfile(p); });
        return;
    }
    openProfile(*profile);
}

void AppController::afterSignOut(std::function<void()> next, const QString &message)
{
    m_afterSignOut = std::move(next);
    m_window->signOut(message);
}

void AppController::showPreferences()
{
    QPointer<PreferencesDialog> dialog = new PreferencesDialog(m_settings.get(), m_window.get());
    const int result = dialog->exec();
    delete dialog.data();
    if (result == QDialog::Accepted) {
        applyTheme(m_settings->themeFollowsSystem());
        m_window->applySettings();
    }
}

void AppController::showAbout()
{
    QPointer<AboutDialog> dialog = new AboutDialog(m_window.get());
    dialog->exec();
    delete dialog.data();
}

} // namespace aikeys
