#pragma once

#include "credentials/profile.h"
#include "security/secretbuffer.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>

#include <vector>

namespace aikeys {

class CredentialJob;
class CredentialManager;
class ProfileStore;

// One profile found in the Atlas CLI's config.toml or in the MONGODB_ATLAS_* environment, ready to
// be imported. It never holds the secret: AtlasCliImport keeps that apart.
struct ImportCandidate
{
    QString sourceName; // the [table] of config.toml, or "environment"
    Profile profile;    // name, base URL, auth mode, public half, org and project; no id yet
    // Whether the source held the secret. When false (newer Atlas CLI versions keep it in the OS
    // keyring; a profile with only its public half), the secret must be asked for.
    bool secretInSource = false;
    // Where the secret is in the source, for the "plain-text copy" notice: "private_api_key",
    // "MONGODB_ATLAS_CLIENT_SECRET"...
    QString secretField;
    // Things the user should know: a value that was ignored, an access token that expires soon...
    QStringList warnings;

    bool secretNeeded() const { return !secretInSource; }
};

// Reads the profiles of another tool's configuration into import candidates, and imports one
// through the CredentialManager, which puts the secret into the keychain. Move-only: it holds the
// secrets it read, in SecretBuffers, until it is destroyed.
class AtlasCliImport
{
    Q_DECLARE_TR_FUNCTIONS(AtlasCliImport)

public:
    enum class Origin { AtlasCliConfig, Environment };

    // Where the Atlas CLI keeps config.toml on this platform: $XDG_CONFIG_HOME/atlascli or
    // ~/.config/atlascli (Linux), ~/Library/Application Support/atlascli (macOS),
    // %AppData%\atlascli (Windows).
    static QString defaultConfigPath();

    // An empty path reads defaultConfigPath().
    static AtlasCliImport fromAtlasCliConfig(const QString &path = {});
    // Parses TOML text as if read from path (path only names it in messages).
    static AtlasCliImport fromAtlasCliToml(const QByteArray &toml, const QString &path);
    static AtlasCliImport
    fromEnvironment(const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

    AtlasCliImport(AtlasCliImport &&) noexcept = default;
    AtlasCliImport &operator=(AtlasCliImport &&) noexcept = default;
    AtlasCliImport(const AtlasCliImport &) = delete;
    AtlasCliImport &operator=(const AtlasCliImport &) = delete;
    ~AtlasCliImport();

    Origin origin() const { return m_origin; }
    // The file read; empty for the environment.
    const QString &path() const { return m_path; }
    // False when nothing could be read: a missing or malformed file, contradictory variables.
    bool ok() const { return m_error.isEmpty(); }
    // What went wrong, naming the file and, for a syntax error, the line.
    const QString &errorString() const { return m_error; }
    // The line of a syntax error (1-based), else 0.
    int errorLine() const { return m_errorLine; }

    const QList<ImportCandidate> &candidates() const { return m_candidates; }

    // The profile that already holds this candidate's account, so that importing it again would only
    // make a copy: the same auth mode at the same Atlas with the same client id or public key. An
    // access token has no public half (and its secret is not read to compare): an access-token profile
    // at the same Atlas counts when it has the candidate's name, or that name with the " (2)", " (3)"...
    // that ProfileStore::uniqueName() gives a copy. The CLI and the import dialog both ask this.
    static std::optional<Profile> existingProfileFor(const ProfileStore &profiles,
                                                     const ImportCandidate &candidate);

    // Imports one candidate: the profile under name (empty: the candidate's name, made unique
    // among the existing profiles), with the source's secret, or enteredSecret when the source had
    // none. The secret goes to the keychain through manager.save(); on success the job's notices say
    // that a plain-text copy still exists in the source (file path or variable named) and, without a
    // secret, that it must still be entered. With sessionOnly, the profile is kept for this session
    // only (the keychain's way out when it cannot store the secret): nothing is written anywhere.
    CredentialJob *importCandidate(CredentialManager &manager, int index, const QString &name = {},
                                   SecretBuffer enteredSecret = {}, bool sessionOnly = false) const;

private:
    explicit AtlasCliImport(Origin origin);
    void addCandidate(ImportCandidate candidate, SecretBuffer secret);
    void fail(const QString &error, int line = 0);

    Origin m_origin;
    QString m_path;
    QString m_error;
    int m_errorLine = 0;
    QList<ImportCandidate> m_candidates;
    std::vector<SecretBuffer> m_secrets; // parallel to m_candidates; empty buffers where none
};

} // namespace aikeys
