#include "credentials/credentialmanager.h"

#include "credentials/memorysecretstore.h"
#include "credentials/profilestore.h"
#include "logging.h"
#include "settings.h"

using namespace Qt::StringLiterals;

namespace aikeys {

CredentialManager::CredentialManager(ProfileStore *profiles, SecretStore *keychain, Settings *settings,
                                     QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_keychain(keychain)
    , m_settings(settings)
    , m_sessionSecrets(new MemorySecretStore(this))
{
    Q_ASSERT(profiles && keychain && settings);
}

CredentialManager::~CredentialManager() = default;

SecretStore *CredentialManager::storeFor(const Profile &profile) const
{
    return profile.sessionOnly ? static_cast<SecretStore *>(m_sessionSecrets) : m_keychain;
}

CredentialJob *CredentialManager::failed(CredentialJob *job, const ApiError &error)
{
    qCInfo(lcCredentials).noquote() << "Profile" << job->profile().name << profileIdString(job->profile().id)
                                    << "refused:" << error.message();
    job->finishLater(error);
    return job;
}

CredentialJob *CredentialManager::save(Profile profile, SecretBuffer secret, Storage storage)
{
    if (profile.id.isNull())
        profile.id = QUuid::createUuid();
    const std::optional<Profile> existing = m_profiles->find(profile.id);
    if (storage == Storage::Unchanged)
        storage = existing && existing->sessionOnly ? Storage::SessionOnly : Storage::Keychain;
    profile.sessionOnly = storage == Storage::SessionOnly;
    profile = profile.normalized();
    auto *job = new CredentialJob(CredentialJob::Kind::Save, profile, this);
    job->m_secret = std::move(secret);

    if (const ProfileIssues issues = m_profiles->validate(profile); !issues.isEmpty())
        return failed(job, ApiError::invalidInput(issuesToString(issues)));
    if (existing && !existing->sessionOnly && profile.sessionOnly)
        return failed(job,
                      ApiError::invalidInput(
                          tr("Profile \"%1\" is already saved with its secret in the keychain, so it cannot "
                             "become a session-only profile. Duplicate it for a session-only copy.")
                              .arg(existing->name)));

    qCInfo(lcCredentials).noquote() << (existing ? "Saving profile" : "Adding profile") << profile.name
                                    << profileIdString(profile.id)
                                    << (profile.sessionOnly ? "for this session only" : "with the keychain");

    if (!job->m_secret.isEmpty()) {
        job->m_secretGiven = true;
        writeSecret(job, existing);
        return job;
    }
    if (existing && existing->authMode != profile.authMode)
        return failed(job,
                      ApiError::invalidInput(
                          tr("Profile \"%1\" now signs in with a %2: enter its %3, the stored %4 does not "
                             "work with it.")
                              .arg(profile.name, authModeDisplayName(profile.authMode).toLower(),
                                   secretKindDisplayName(profile.secretKind()),
                                   secretKindDisplayName(existing->secretKind()))));
    if (existing && existing->sessionOnly && !profile.sessionOnly) {
        // Saving a session-only profile for good: its secret moves from memory to the keychain.
        SecretJob *read = m_sessionSecrets->read(existing->secretKey());
        job->m_step = read;
        connect(read, &SecretJob::finished, job, [this, job, existing, r = read] {
            if (r->succeeded()) {
                job->m_secret = r->takeSecret();
                writeSecret(job, existing);
            } else {
                storeProfileAfterSecret(job, existing);
            }
        });
        return job;
    }
    // Nothing to write: an edit that keeps the secret, or a new profile whose secret comes later.
    QMetaObject::invokeMethod(
        job, [this, job, existing] { storeProfileAfterSecret(job, existing); }, Qt::QueuedConnection);
    return job;
}

void CredentialManager::writeSecret(CredentialJob *job, const std::optional<Profile> &existing)
{
    SecretJob *write = storeFor(job->m_profile)->write(job->m_profile.secretKey(), job->m_secret.clone());
    job->m_step = write;
    connect(write, &SecretJob::finished, job, [this, job, existing, w = write] {
        if (!w->succeeded()) {
            // Only a profile that is not saved yet can fall back to memory; a saved one keeps its
            // keychain entry and settings exactly as they were.
            job->m_canKeepForSession = !job->m_profile.sessionOnly && (!existing || existing->sessionOnly);
            job->failFrom(w, tr("Profile \"%1\" was not saved.").arg(job->m_profile.name));
            return;
        }
        job->m_secret.wipe();
        storeProfileAfterSecret(job, existing);
    });
}

void CredentialManager::storeProfileAfterSecret(CredentialJob *job, const std::optional<Profile> &existing)
{
    const Profile wanted = job->m_profile;
    const Result<Profile> stored = existing ? m_profiles->update(wanted) : m_profiles->add(wanted);
    if (!stored) {
        // Another change got in between (a profile of the same name): undo what this one wrote.
        if (!existing)
            storeFor(wanted)->remove(wanted.secretKey());
        job->finish(ApiError::invalidInput(stored.error()));
        return;
    }
    job->m_profile = stored.value();
    if (!existing) {
        job->finish();
        return;
    }
    if (job->m_secretGiven)
        Q_EMIT secretChanged(wanted.id);
    // An entry the profile no longer uses: the session copy of a profile now in the keychain, or
    // the secret of its previous auth mode.
    std::optional<std::pair<SecretStore *, QString>> stale;
    if (existing->sessionOnly && !wanted.sessionOnly)
        stale = std::make_pair(static_cast<SecretStore *>(m_sessionSecrets), existing->secretKey());
    else if (existing->secretKind() != wanted.secretKind())
        stale = std::make_pair(storeFor(*existing), existing->secretKey());
    if (!stale) {
        job->finish();
        return;
    }
    SecretJob *remove = stale->first->remove(stale->second);
    job->m_step = remove;
    connect(remove, &SecretJob::finished, job, [job, r = remove] {
        if (!r->succeeded())
            job->addNotice(
                tr("The previous secret of this profile (keychain entry \"%1\" of service \"%2\") could "
                   "not be deleted: %3 You can delete it in your password manager.")
                    .arg(r->key(), r->service(), r->message()));
        job->finish();
    });
}

CredentialJob *CredentialManager::loadCredentials(const QUuid &id)
{
    const std::optional<Profile> profile = m_profiles->find(id);
    auto *job = new CredentialJob(CredentialJob::Kind::Load, profile.value_or(Profile{}), this);
    if (!profile)
        return failed(job, ApiError::invalidInput(tr("There is no such profile: it may have been removed.")));
    SecretJob *read = storeFor(*profile)->read(profile->secretKey());
    job->m_step = read;
    connect(read, &SecretJob::finished, job, [job, r = read] {
        const Profile &p = job->m_profile;
        SecretBuffer secret = r->takeSecret();
        if (r->succeeded() && !secret.isEmpty()) {
            job->m_credentials = Credentials{p.authMode, p.publicId, std::move(secret)};
            qCInfo(lcCredentials).noquote()
                << "Credentials of profile" << p.name << profileIdString(p.id) << "loaded";
            job->finish();
            return;
        }
        if (r->succeeded() || r->secretError() == SecretError::NotFound) {
            const QString hint = p.sessionOnly
                                     ? tr("Sign in again and enter it.")
                                     : tr("Enter it again in the profile (Manage Profiles, Replace).");
            job->finish(ApiError::keychain(tr("No %1 is stored for profile \"%2\".")
                                               .arg(secretKindDisplayName(p.secretKind()), p.name),
                                           hint),
                        SecretError::NotFound);
            return;
        }
        job->failFrom(r, tr("The %1 of profile \"%2\" could not be read.")
                             .arg(secretKindDisplayName(p.secretKind()), p.name));
    });
    return job;
}

CredentialJob *CredentialManager::replaceSecret(const QUuid &id, SecretBuffer secret)
{
    const std::optional<Profile> profile = m_profiles->find(id);
    auto *job = new CredentialJob(CredentialJob::Kind::ReplaceSecret, profile.value_or(Profile{}), this);
    job->m_secret = std::move(secret);
    if (!profile)
        return failed(job, ApiError::invalidInput(tr("There is no such profile: it may have been removed.")));
    if (job->m_secret.isEmpty())
        return failed(job, ApiError::invalidInput(
                               tr("Enter the new %1.").arg(secretKindDisplayName(profile->secretKind()))));
    SecretJob *write = storeFor(*profile)->write(profile->secretKey(), job->m_secret.clone());
    job->m_step = write;
    connect(write, &SecretJob::finished, job, [this, job, w = write] {
        const Profile &p = job->m_profile;
        if (!w->succeeded()) {
            job->failFrom(w, tr("The new %1 of profile \"%2\" was not saved; the profile keeps its previous "
                                "one.")
                                 .arg(secretKindDisplayName(p.secretKind()), p.name));
            return;
        }
        qCInfo(lcCredentials).noquote()
            << "Secret of profile" << p.name << profileIdString(p.id) << "replaced";
        Q_EMIT secretChanged(p.id);
        job->finish();
    });
    return job;
}

Result<Profile> CredentialManager::rename(const QUuid &id, const QString &newName)
{
    return m_profiles->rename(id, newName);
}

CredentialJob *CredentialManager::duplicate(const QUuid &id, const QString &newName, bool copySecret)
{
    const std::optional<Profile> source = m_profiles->find(id);
    auto *job = new CredentialJob(CredentialJob::Kind::Duplicate, source.value_or(Profile{}), this);
    if (!source)
        return failed(job, ApiError::invalidInput(tr("There is no such profile: it may have been removed.")));
    const Result<Profile> copy = m_profiles->duplicate(id, newName);
    if (!copy)
        return failed(job, ApiError::invalidInput(copy.error()));
    job->m_profile = copy.value();
    if (!copySecret) {
        job->finishLater({});
        return job;
    }
    SecretJob *read = storeFor(*source)->read(source->secretKey());
    job->m_step = read;
    connect(read, &SecretJob::finished, job, [this, job, source, r = read] {
        const Profile duplicated = job->m_profile;
        if (r->secretError() == SecretError::NotFound) {
            job->addNotice(
                tr("Profile \"%1\" has no stored secret, so its copy has none either.").arg(source->name));
            job->finish();
            return;
        }
        if (!r->succeeded()) {
            m_profiles->remove(duplicated.id);
            job->failFrom(r, tr("Profile \"%1\" was not duplicated.").arg(source->name));
            return;
        }
        SecretJob *write = storeFor(duplicated)->write(duplicated.secretKey(), r->takeSecret());
        job->m_step = write;
        connect(write, &SecretJob::finished, job, [this, job, source, w = write] {
            if (!w->succeeded()) {
                m_profiles->remove(job->m_profile.id);
                job->failFrom(w, tr("Profile \"%1\" was not duplicated.").arg(source->name));
                return;
            }
            job->finish();
        });
    });
    return job;
}

CredentialJob *CredentialManager::remove(const QUuid &id, RemoveMode mode)
{
    const std::optional<Profile> profile = m_profiles->find(id);
    auto *job = new CredentialJob(CredentialJob::Kind::Remove, profile.value_or(Profile{}), this);
    if (!profile)
        return failed(job, ApiError::invalidInput(tr("There is no such profile: it may have been removed.")));
    QStringList keys{profile->secretKey()};
    for (SecretKind kind : {SecretKind::ClientSecret, SecretKind::PrivateKey, SecretKind::AccessToken}) {
        if (kind != profile->secretKind())
            keys << Profile::secretKey(profile->id, kind);
    }
    qCInfo(lcCredentials).noquote() << "Removing profile" << profile->name << profileIdString(profile->id);
    QMetaObject::invokeMethod(
        job,
        [this, job, keys, mode, store = storeFor(*profile)] { removeEntries(job, store, keys, mode, {}); },
        Qt::QueuedConnection);
    return job;
}

void CredentialManager::removeEntries(CredentialJob *job, SecretStore *store, QStringList keys,
                                      RemoveMode mode, QStringList leftBehind)
{
    if (keys.isEmpty()) {
        m_profiles->remove(job->m_profile.id);
        for (const QString &key : std::as_const(leftBehind))
            job->addNotice(
                tr("The keychain entry \"%1\" of service \"%2\" could not be deleted: delete it in your "
                   "password manager.")
                    .arg(key, store->service()));
        job->finish();
        return;
    }
    const QString key = keys.takeFirst();
    SecretJob *remove = store->remove(key);
    job->m_step = remove;
    connect(remove, &SecretJob::finished, job,
            [this, job, store, keys, mode, leftBehind, r = remove]() mutable {
                if (!r->succeeded()) {
                    if (mode == RemoveMode::RequireSecretRemoval) {
                        ApiError error = ApiError::keychain(
                            tr("Profile \"%1\" was not deleted, so that its secret does not stay behind in "
                               "the keychain.")
                                    .arg(job->m_profile.name) +
                                u' ' + r->message(),
                            {});
                        error.setHint(
                            r->hint() + u' ' +
                            tr("Or delete the profile anyway and remove the entry \"%1\" in your password "
                               "manager later.")
                                .arg(r->key()));
                        job->finish(error, r->secretError());
                        return;
                    }
                    // Entries of other auth modes are only swept in case an earlier mode change left
                    // one behind; naming them all would send the user looking for entries that do not
                    // exist.
                    if (r->key() == job->m_profile.secretKey())
                        leftBehind << r->key();
                }
                removeEntries(job, store, keys, mode, leftBehind);
            });
}

CredentialJob *CredentialManager::hasStoredSecret(const QUuid &id)
{
    const std::optional<Profile> profile = m_profiles->find(id);
    auto *job = new CredentialJob(CredentialJob::Kind::CheckSecret, profile.value_or(Profile{}), this);
    if (!profile)
        return failed(job, ApiError::invalidInput(tr("There is no such profile: it may have been removed.")));
    SecretJob *read = storeFor(*profile)->read(profile->secretKey());
    job->m_step = read;
    connect(read, &SecretJob::finished, job, [job, r = read] {
        SecretBuffer secret = r->takeSecret(); // wiped at the end of this scope: only its presence matters
        if (r->succeeded() || r->secretError() == SecretError::NotFound) {
            job->m_hasSecret = r->succeeded() && !secret.isEmpty();
            job->finish();
            return;
        }
        job->failFrom(r, {});
    });
    return job;
}

void CredentialManager::markUsed(const QUuid &id)
{
    const std::optional<Profile> profile = m_profiles->find(id);
    // A session-only profile does not exist in the next run: remembering it would point nowhere.
    if (!profile || profile->sessionOnly)
        return;
    m_settings->setLastProfileId(id);
    m_settings->sync();
}

std::optional<Profile> CredentialManager::lastUsedProfile() const
{
    const QUuid id = m_settings->lastProfileId();
    return id.isNull() ? std::nullopt : m_profiles->find(id);
}

std::optional<Profile> CredentialManager::preferredProfile() const
{
    if (std::optional<Profile> last = lastUsedProfile())
        return last;
    if (const QUuid id = m_settings->defaultProfileId(); !id.isNull()) {
        if (std::optional<Profile> fallback = m_profiles->find(id))
            return fallback;
    }
    if (m_profiles->count() == 1)
        return m_profiles->profiles().first();
    return std::nullopt;
}

void CredentialManager::forgetSessionProfiles()
{
    QList<QUuid> ids;
    for (const Profile &p : m_profiles->profiles()) {
        if (p.sessionOnly)
            ids << p.id;
    }
    for (const QUuid &id : std::as_const(ids))
        m_profiles->remove(id);
    m_sessionSecrets->clear();
}

int CredentialManager::forgetSessionSecrets(const QSet<QUuid> &keep)
{
    int wiped = 0;
    for (const Profile &p : m_profiles->profiles()) {
        if (!p.sessionOnly || keep.contains(p.id))
            continue;
        for (SecretKind kind : {SecretKind::ClientSecret, SecretKind::PrivateKey, SecretKind::AccessToken}) {
            if (m_sessionSecrets->erase(Profile::secretKey(p.id, kind)))
                ++wiped;
        }
    }
    if (wiped > 0)
        qCInfo(lcCredentials) << "Session-only secrets forgotten:" << wiped;
    return wiped;
}

} // namespace aikeys
