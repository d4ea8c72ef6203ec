#include "credentials/credentialmanager.h"
#include "credentials/memorysecretstore.h"
#include "credentials/profilestore.h"
#include "credentials/qtkeychainsecretstore.h"
#include "credentials/sessionopener.h"
#include "settings.h"
#include "testenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;

Q_DECLARE_METATYPE(aikeys::Profile)

namespace {

// Everything a CredentialJob reports, collected in its finished() slot (the only moment a secret
// can be taken: the job wipes it right after).
struct Outcome
{
    bool finished = false;
    bool ok = false;
    ApiError error;
    SecretError secretError = SecretError::None;
    Profile profile;
    QStringList notices;
    bool canKeepForSession = false;
    bool hintOffersSessionOnly = false;
    bool hasStoredSecret = false;
    Credentials credentials;
    SecretBuffer handedBack;
    qint64 elapsedMs = 0;
};

Outcome waitFor(CredentialJob *job, int timeoutMs = 5000)
{
    Outcome out;
    QElapsedTimer timer;
    timer.start();
    // Results come from the event loop, never from inside the call that made the job.
    if (job->isFinished()) {
        out.finished = true;
        out.error = ApiError::invalidInput(u"finished before the event loop ran"_s);
        return out;
    }
    const QMetaObject::Connection connection =
        QObject::connect(job, &CredentialJob::finished, job, [&out, j = job] {
            out.finished = true;
            out.ok = j->succeeded();
            out.error = j->error();
            out.secretError = j->secretError();
            out.profile = j->profile();
            out.notices = j->notices();
            out.canKeepForSession = j->canKeepForSession();
            out.hintOffersSessionOnly = j->hintOffersSessionOnly();
            out.hasStoredSecret = j->hasStoredSecret();
            out.credentials = j->takeCredentials();
            out.handedBack = j->takeSecret();
        });
    if (!QTest::qWaitFor([&out] { return out.finished; }, timeoutMs)) {
        QObject::disconnect(connection);
        out.error = ApiError::invalidInput(u"the job did not finish within %1 ms"_s.arg(timeoutMs));
        return out;
    }
    out.elapsedMs = timer.elapsed();
    return out;
}

SecretBuffer secretOf(const char *text)
{
    return SecretBuffer(QByteArray(text));
}

Profile serviceAccount(const QString &name)
{
    Profile p;
    p.name = name;
    p.authMode = AuthMode::ServiceAccount;
    p.publicId = u"mdb_sa_id_0123456789abcdef"_s;
    p.orgId = u"5e2211c17a3e5a48f5497de3"_s;
    return p;
}

// Collects every message of every category while alive.
class MessageRecorder
{
public:
    MessageRecorder()
    {
        s_messages.clear();
        m_previous = qInstallMessageHandler(&MessageRecorder::handler);
        QLoggingCategory::setFilterRules(u"aikeys.*=true"_s);
    }
    ~MessageRecorder()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules({});
    }
    static QStringList messages() { return s_messages; }

private:
    static void handler(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        s_messages << QString::fromUtf8(context.category ? context.category : "") + u": "_s + message;
    }
    static inline QStringList s_messages;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

class TestProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void secretKeysAndService();
    void validation_data();
    void validation();
    void duplicateNamesAreRefused();
    void addPersistsAndSignals();
    void saveStoresSecretFirst();
    void jobsFinishFromTheEventLoop();
    void invalidProfileWritesNothing();
    void renameKeepsIdAndSecret();
    void updateWithoutSecretKeepsIt();
    void authModeChangeNeedsTheNewSecret();
    void authModeChangeRemovesTheOldEntry();
    void duplicateCopiesNonSecretFields();
    void duplicateWithSecret();
    void removeDeletesSecret();
    void removeWithoutStoredSecret();
    void removeWhenKeychainFails();
    void replaceSecret();
    void replaceSecretFailureKeepsTheOldOne();
    void loadWithoutSecret();
    void hasStoredSecret();
    void lastUsedProfile();
    void keychainFailures_data();
    void keychainFailures();
    void sessionOnlySignInWritesNothing();
    void sessionProfileCanBeSavedLater();
    void savedProfileCannotBecomeSessionOnly();
    void timeoutEndsAHungJob();
    void lateWriteAfterTimeoutDoesNotLand();
    void qtKeychainErrorMapping_data();
    void qtKeychainErrorMapping();
    void secretsNeverLogged();
    void hintsWithoutSessionOnlyAdvice();
    void secretChangedIsSignalled();
    void everyKindOfJobIsCanceledAlike();
    void forgetSessionSecretsKeepsProfiles();

private:
    QString settingsPath() const { return m_home.filePath(u".config/AtlasAiKeys/atlas-ai-keys.ini"_s); }
    QByteArray settingsFileBytes() const;
    // A second store on the same file: what the next run of the app would see.
    QList<Profile> persistedProfiles() const;
    Profile savedProfile(const QString &name, const char *secret);

    QTemporaryDir m_home;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_keychain;
    std::unique_ptr<CredentialManager> m_manager;
};

void TestProfiles::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Everything a file could end up in lives under this HOME, so scanning it proves a negative.
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u".config"_s)));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u".local/share"_s)));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(m_home.filePath(u".cache"_s)));
    test::prepareTestEnvironment();
    QStandardPaths::setTestModeEnabled(true);
}

void TestProfiles::init()
{
    QFile::remove(settingsPath());
    m_qsettings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    m_settings = std::make_unique<Settings>(m_qsettings.get());
    m_store = std::make_unique<ProfileStore>(m_settings.get());
    m_keychain = std::make_unique<MemorySecretStore>(u"io.github.atlasaikeys.AtlasAiKeys.tst_profiles"_s);
    m_manager = std::make_unique<CredentialManager>(m_store.get(), m_keychain.get(), m_settings.get());
}

void TestProfiles::cleanup()
{
    m_manager.reset();
    m_keychain.reset();
    m_store.reset();
    m_settings.reset();
    m_qsettings.reset();
}

QByteArray TestProfiles::settingsFileBytes() const
{
    m_qsettings->sync();
    QFile f(settingsPath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QList<Profile> TestProfiles::persistedProfiles() const
{
    m_qsettings->sync();
    QSettings other(settingsPath(), QSettings::IniFormat);
    Settings s(&other);
    return s.profiles();
}

Profile TestProfiles::savedProfile(const QString &name, const char *secret)
{
    Outcome o = waitFor(m_manager->save(serviceAccount(name), secretOf(secret)));
    if (!o.ok)
        qWarning("save failed: %s", qPrintable(o.error.toString()));
    return o.profile;
}

void TestProfiles::secretKeysAndService()
{
    Profile p = serviceAccount(u"x"_s);
    p.id = QUuid::fromString(u"1b4e28ba-2fa1-11d2-883f-0016d3cca427"_s);
    QCOMPARE(p.secretKey(),
             u"io.github.atlasaikeys.AtlasAiKeys/1b4e28ba-2fa1-11d2-883f-0016d3cca427/client-secret"_s);
    p.authMode = AuthMode::ApiKey;
    QCOMPARE(p.secretKey(),
             u"io.github.atlasaikeys.AtlasAiKeys/1b4e28ba-2fa1-11d2-883f-0016d3cca427/private-key"_s);
    p.authMode = AuthMode::AccessToken;
    QCOMPARE(p.secretKey(),
             u"io.github.atlasaikeys.AtlasAiKeys/1b4e28ba-2fa1-11d2-883f-0016d3cca427/access-token"_s);
    QCOMPARE(SecretStore::defaultService(), u"io.github.atlasaikeys.AtlasAiKeys"_s);
    QCOMPARE(QtKeychainSecretStore().service(), u"io.github.atlasaikeys.AtlasAiKeys"_s);
    QCOMPARE(QtKeychainSecretStore(u"other.service"_s).service(), u"other.service"_s);
    QCOMPARE(QtKeychainSecretStore().timeoutMs(), 10000);
    for (SecretKind k : {SecretKind::ClientSecret, SecretKind::PrivateKey, SecretKind::AccessToken})
        QVERIFY(secretKindFromId(secretKindId(k)) == k);
}

void TestProfiles::validation_data()
{
    QTest::addColumn<Profile>("profile");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("expected");

    using F = ProfileIssue::Field;
    Profile p;
    p = serviceAccount(u"   "_s);
    QTest::newRow("empty name") << p << int(F::Name) << u"Enter a name"_s;
    p = serviceAccount(QString(65, u'n'));
    QTest::newRow("long name") << p << int(F::Name) << u"65 characters long; the limit is 64"_s;
    p = serviceAccount(u"two\nlines"_s);
    QTest::newRow("control character") << p << int(F::Name) << u"control"_s;
    p = serviceAccount(u"plain http"_s);
    p.baseUrl = QUrl(u"http://cloud.example.com"_s);
    QTest::newRow("plain http to a remote host") << p << int(F::BaseUrl) << u"unencrypted"_s;
    p = serviceAccount(u"ftp"_s);
    p.baseUrl = QUrl(u"ftp://cloud.mongodb.com"_s);
    QTest::newRow("wrong scheme") << p << int(F::BaseUrl) << u"https://"_s;
    p = serviceAccount(u"no url"_s);
    p.baseUrl = QUrl();
    QTest::newRow("empty url") << p << int(F::BaseUrl) << u"base URL"_s;
    p = serviceAccount(u"sa"_s);
    p.publicId = u"  "_s;
    QTest::newRow("service account without client id") << p << int(F::PublicId) << u"client id"_s;
    p = serviceAccount(u"key"_s);
    p.authMode = AuthMode::ApiKey;
    p.publicId.clear();
    QTest::newRow("api key without public key") << p << int(F::PublicId) << u"public key"_s;
    p = serviceAccount(u"spaces"_s);
    p.publicId = u"mdb sa id"_s;
    QTest::newRow("client id with spaces") << p << int(F::PublicId) << u"spaces"_s;
    p = serviceAccount(u"org"_s);
    p.orgId = u"12345"_s;
    QTest::newRow("bad org id") << p << int(F::OrgId) << u"organization id must be 24 hexadecimal"_s;
    p = serviceAccount(u"project"_s);
    p.projectId = u"zz2211c17a3e5a48f5497de3"_s;
    QTest::newRow("bad project id") << p << int(F::ProjectId) << u"project id must be 24 hexadecimal"_s;
}

void TestProfiles::validation()
{
    QFETCH(Profile, profile);
    QFETCH(int, field);
    QFETCH(QString, expected);
    const ProfileIssues issues = m_store->validate(profile);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(int(issues.first().field), field);
    QVERIFY2(issues.first().message.contains(expected), qPrintable(issues.first().message));

    QSignalSpy changed(m_store.get(), &ProfileStore::changed);
    const Result<Profile> added = m_store->add(profile);
    QVERIFY(!added);
    QVERIFY2(added.error().contains(expected), qPrintable(added.error()));
    QCOMPARE(m_store->count(), 0);
    QCOMPARE(changed.count(), 0);

    // An access token needs no public half, and one given is dropped rather than stored.
    Profile token = serviceAccount(u"token"_s);
    token.authMode = AuthMode::AccessToken;
    token.publicId = u"leftover"_s;
    QVERIFY(m_store->validate(token).isEmpty());
    QVERIFY(token.normalized().publicId.isEmpty());
}

void TestProfiles::duplicateNamesAreRefused()
{
    QVERIFY(m_store->add(serviceAccount(u"Production"_s)));
    const Result<Profile> again = m_store->add(serviceAccount(u"  production "_s));
    QVERIFY(!again);
    QVERIFY2(again.error().contains(u"already exists"_s), qPrintable(again.error()));
    QCOMPARE(m_store->count(), 1);
    QVERIFY(m_store->findByName(u"PRODUCTION"_s));
    QCOMPARE(m_store->uniqueName(u"production"_s), u"production (2)"_s);
    // Names are trimmed on the way in.
    const Result<Profile> padded = m_store->add(serviceAccount(u"  Staging  "_s));
    QVERIFY(padded);
    QCOMPARE(padded.value().name, u"Staging"_s);
}

void TestProfiles::addPersistsAndSignals()
{
    QSignalSpy added(m_store.get(), &ProfileStore::profileAdded);
    QSignalSpy changed(m_store.get(), &ProfileStore::changed);
    Profile p = serviceAccount(u"Gov"_s);
    p.baseUrl = QUrl(u"https://cloud.mongodbgov.com/"_s);
    const Result<Profile> r = m_store->add(p);
    QVERIFY(r);
    QVERIFY(!r.value().id.isNull());
    QCOMPARE(r.value().baseUrl, QUrl(u"https://cloud.mongodbgov.com"_s));
    QCOMPARE(r.value().endpoint(), AtlasEndpoint::Government);
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.first().first().value<QUuid>(), r.value().id);
    QCOMPARE(changed.count(), 1);
    const QList<Profile> persisted = persistedProfiles();
    QCOMPARE(persisted.size(), 1);
    QCOMPARE(persisted.first(), r.value());
    // A new store on the same settings loads it.
    ProfileStore again(m_settings.get());
    QCOMPARE(again.profiles(), QList<Profile>{r.value()});
}

void TestProfiles::saveStoresSecretFirst()
{
    const Outcome o = waitFor(m_manager->save(serviceAccount(u"Production"_s), secretOf("mdb_sa_sk_first")));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QVERIFY(!o.profile.id.isNull());
    QCOMPARE(o.profile.name, u"Production"_s);
    QVERIFY(o.handedBack.isEmpty());
    QVERIFY(m_keychain->holds(o.profile.secretKey(), "mdb_sa_sk_first"));
    QCOMPARE(m_keychain->count(), 1);
    QCOMPARE(m_store->count(), 1);
    QCOMPARE(persistedProfiles().size(), 1);
    QVERIFY(!settingsFileBytes().contains("mdb_sa_sk_first"));

    const Outcome load = waitFor(m_manager->loadCredentials(o.profile.id));
    QVERIFY2(load.ok, qPrintable(load.error.toString()));
    QCOMPARE(load.credentials.mode, AuthMode::ServiceAccount);
    QCOMPARE(load.credentials.id, u"mdb_sa_id_0123456789abcdef"_s);
    QCOMPARE(load.credentials.secret.reveal(), QByteArray("mdb_sa_sk_first"));
}

void TestProfiles::jobsFinishFromTheEventLoop()
{
    // Even a refusal known at once (invalid profile) is delivered later, never inside the call.
    CredentialJob *job = m_manager->save(serviceAccount(QString()), secretOf("x"));
    QVERIFY(!job->isFinished());
    const Outcome o = waitFor(job);
    QVERIFY(!o.ok);
    QCOMPARE(o.error.kind(), ApiError::Kind::InvalidInput);

    SecretJob *read = m_keychain->read(u"nothing/here"_s);
    QVERIFY(!read->isFinished());
    QSignalSpy spy(read, &SecretJob::finished);
    QVERIFY(spy.wait(2000));
}

void TestProfiles::invalidProfileWritesNothing()
{
    Profile p = serviceAccount(u"bad"_s);
    p.orgId = u"not-an-id"_s;
    const Outcome o = waitFor(m_manager->save(p, secretOf("secret-of-invalid")));
    QVERIFY(!o.ok);
    QVERIFY2(o.error.message().contains(u"organization id"_s), qPrintable(o.error.message()));
    QVERIFY(!o.canKeepForSession);
    QCOMPARE(o.secretError, SecretError::None);
    QCOMPARE(m_keychain->count(), 0);
    QCOMPARE(m_keychain->operationCount(SecretJob::Operation::Write), 0);
    QCOMPARE(m_store->count(), 0);
    // The secret comes back so the dialog does not have to ask again.
    QCOMPARE(o.handedBack.reveal(), QByteArray("secret-of-invalid"));
}

void TestProfiles::renameKeepsIdAndSecret()
{
    const Profile p = savedProfile(u"Old name"_s, "kept-secret");
    QVERIFY(!p.id.isNull());
    QSignalSpy updated(m_store.get(), &ProfileStore::profileUpdated);
    const Result<Profile> renamed = m_manager->rename(p.id, u"New name"_s);
    QVERIFY2(renamed, qPrintable(renamed.error()));
    QCOMPARE(renamed.value().id, p.id);
    QCOMPARE(renamed.value().name, u"New name"_s);
    QCOMPARE(updated.count(), 1);
    QVERIFY(!m_store->findByName(u"Old name"_s));
    QCOMPARE(persistedProfiles().first().name, u"New name"_s);
    QCOMPARE(m_keychain->keys(), QStringList{p.secretKey()});

    const Outcome load = waitFor(m_manager->loadCredentials(p.id));
    QVERIFY(load.ok);
    QCOMPARE(load.credentials.secret.reveal(), QByteArray("kept-secret"));

    // Renaming onto another profile's name is refused and changes nothing.
    savedProfile(u"Other"_s, "other-secret");
    const Result<Profile> clash = m_manager->rename(p.id, u"other"_s);
    QVERIFY(!clash);
    QVERIFY2(clash.error().contains(u"already exists"_s), qPrintable(clash.error()));
    QCOMPARE(m_store->find(p.id)->name, u"New name"_s);
}

void TestProfiles::updateWithoutSecretKeepsIt()
{
    Profile p = savedProfile(u"Edit me"_s, "unchanged-secret");
    p.projectId = u"6f3322d28b4f6b59a6508ef4"_s;
    const int writes = m_keychain->operationCount(SecretJob::Operation::Write);
    const Outcome o = waitFor(m_manager->save(p, SecretBuffer()));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QCOMPARE(m_keychain->operationCount(SecretJob::Operation::Write), writes);
    QCOMPARE(m_store->find(p.id)->projectId, u"6f3322d28b4f6b59a6508ef4"_s);
    QVERIFY(m_keychain->holds(p.secretKey(), "unchanged-secret"));
}

void TestProfiles::authModeChangeNeedsTheNewSecret()
{
    Profile p = savedProfile(u"Switch"_s, "sa-secret");
    p.authMode = AuthMode::ApiKey;
    p.publicId = u"abcdefgh"_s;
    const Outcome o = waitFor(m_manager->save(p, SecretBuffer()));
    QVERIFY(!o.ok);
    QVERIFY2(o.error.message().contains(u"private key"_s), qPrintable(o.error.message()));
    QCOMPARE(m_store->find(p.id)->authMode, AuthMode::ServiceAccount);
}

void TestProfiles::authModeChangeRemovesTheOldEntry()
{
    Profile p = savedProfile(u"Switch"_s, "sa-secret");
    const QString oldKey = p.secretKey();
    p.authMode = AuthMode::ApiKey;
    p.publicId = u"abcdefgh"_s;
    const Outcome o = waitFor(m_manager->save(p, secretOf("api-private-key")));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QCOMPARE(m_keychain->keys(), QStringList{p.secretKey()});
    QVERIFY(!m_keychain->contains(oldKey));
    QVERIFY(m_keychain->holds(p.secretKey(), "api-private-key"));
}

void TestProfiles::duplicateCopiesNonSecretFields()
{
    Profile p = savedProfile(u"Source"_s, "source-secret");
    QSignalSpy added(m_store.get(), &ProfileStore::profileAdded);
    const Outcome o = waitFor(m_manager->duplicate(p.id));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QVERIFY(o.profile.id != p.id);
    QCOMPARE(o.profile.name, u"Source (copy)"_s);
    QCOMPARE(o.profile.publicId, p.publicId);
    QCOMPARE(o.profile.orgId, p.orgId);
    QCOMPARE(o.profile.baseUrl, p.baseUrl);
    QCOMPARE(o.profile.authMode, p.authMode);
    QCOMPARE(added.count(), 1);
    // The caller decides about the secret: none was copied.
    QCOMPARE(m_keychain->count(), 1);
    const Outcome has = waitFor(m_manager->hasStoredSecret(o.profile.id));
    QVERIFY(has.ok);
    QVERIFY(!has.hasStoredSecret);
    // A second copy gets a name of its own.
    const Outcome again = waitFor(m_manager->duplicate(p.id));
    QCOMPARE(again.profile.name, u"Source (copy) (2)"_s);
}

void TestProfiles::duplicateWithSecret()
{
    Profile p = savedProfile(u"Source"_s, "copied-secret");
    const Outcome o = waitFor(m_manager->duplicate(p.id, u"Copy"_s, true));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QVERIFY(m_keychain->holds(o.profile.secretKey(), "copied-secret"));
    QVERIFY(m_keychain->holds(p.secretKey(), "copied-secret"));

    // If the copy cannot get its secret, there is no copy.
    m_keychain->setFailure(SecretJob::Operation::Write, SecretError::Locked);
    const Outcome failed = waitFor(m_manager->duplicate(p.id, u"Copy 2"_s, true));
    QVERIFY(!failed.ok);
    QCOMPARE(failed.secretError, SecretError::Locked);
    QVERIFY(!m_store->findByName(u"Copy 2"_s));
}

void TestProfiles::removeDeletesSecret()
{
    const Profile p = savedProfile(u"Doomed"_s, "doomed-secret");
    const Profile other = savedProfile(u"Survivor"_s, "survivor-secret");
    m_manager->markUsed(p.id);
    QSignalSpy removed(m_store.get(), &ProfileStore::profileRemoved);
    const Outcome o = waitFor(m_manager->remove(p.id));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QCOMPARE(removed.count(), 1);
    QVERIFY(!m_store->contains(p.id));
    const QString uuid = profileIdString(p.id);
    for (const QString &key : m_keychain->keys())
        QVERIFY2(!key.startsWith(uuid), qPrintable(key));
    QVERIFY(m_keychain->holds(other.secretKey(), "survivor-secret"));
    QCOMPARE(persistedProfiles().size(), 1);
    QVERIFY(!settingsFileBytes().contains(uuid.toUtf8()));
    QVERIFY(!m_manager->lastUsedProfile());
}

void TestProfiles::removeWithoutStoredSecret()
{
    Profile p = serviceAccount(u"No secret"_s);
    const Outcome saved = waitFor(m_manager->save(p, SecretBuffer()));
    QVERIFY2(saved.ok, qPrintable(saved.error.toString()));
    QCOMPARE(m_keychain->count(), 0);
    const Outcome o = waitFor(m_manager->remove(saved.profile.id));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QCOMPARE(m_store->count(), 0);
}

void TestProfiles::removeWhenKeychainFails()
{
    const Profile p = savedProfile(u"Stuck"_s, "stuck-secret");
    m_keychain->setFailure(SecretJob::Operation::Remove, SecretError::Locked);
    const Outcome o = waitFor(m_manager->remove(p.id));
    QVERIFY(!o.ok);
    QCOMPARE(o.secretError, SecretError::Locked);
    QVERIFY2(o.error.message().contains(u"was not deleted"_s), qPrintable(o.error.message()));
    QVERIFY2(o.error.hint().contains(u"Unlock"_s), qPrintable(o.error.hint()));
    QVERIFY2(o.error.hint().contains(u"delete the profile anyway"_s), qPrintable(o.error.hint()));
    QVERIFY(m_store->contains(p.id));
    QCOMPARE(persistedProfiles().size(), 1);

    const Outcome forced =
        waitFor(m_manager->remove(p.id, CredentialManager::RemoveMode::EvenIfSecretRemains));
    QVERIFY2(forced.ok, qPrintable(forced.error.toString()));
    QVERIFY(!m_store->contains(p.id));
    QCOMPARE(forced.notices.size(), 1);
    QVERIFY2(forced.notices.join(u' ').contains(p.secretKey()), qPrintable(forced.notices.join(u' ')));
}

void TestProfiles::replaceSecret()
{
    const Profile p = savedProfile(u"Rotate"_s, "old-secret");
    const Outcome o = waitFor(m_manager->replaceSecret(p.id, secretOf("new-secret")));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    const Outcome load = waitFor(m_manager->loadCredentials(p.id));
    QCOMPARE(load.credentials.secret.reveal(), QByteArray("new-secret"));
    QCOMPARE(m_keychain->count(), 1);

    const Outcome empty = waitFor(m_manager->replaceSecret(p.id, SecretBuffer()));
    QVERIFY(!empty.ok);
    QCOMPARE(empty.error.kind(), ApiError::Kind::InvalidInput);
}

void TestProfiles::replaceSecretFailureKeepsTheOldOne()
{
    const Profile p = savedProfile(u"Rotate"_s, "old-secret");
    m_keychain->setFailure(SecretJob::Operation::Write, SecretError::AccessDenied, u"denied by test"_s);
    const Outcome o = waitFor(m_manager->replaceSecret(p.id, secretOf("new-secret")));
    QVERIFY(!o.ok);
    QCOMPARE(o.secretError, SecretError::AccessDenied);
    QCOMPARE(o.error.kind(), ApiError::Kind::Keychain);
    QVERIFY2(o.error.message().contains(u"keeps its previous one"_s), qPrintable(o.error.message()));
    QVERIFY2(o.error.message().contains(u"denied by test"_s), qPrintable(o.error.message()));
    QCOMPARE(o.handedBack.reveal(), QByteArray("new-secret"));
    m_keychain->clearFailures();
    const Outcome load = waitFor(m_manager->loadCredentials(p.id));
    QCOMPARE(load.credentials.secret.reveal(), QByteArray("old-secret"));
}

void TestProfiles::loadWithoutSecret()
{
    Profile p = serviceAccount(u"Imported"_s);
    const Outcome saved = waitFor(m_manager->save(p, SecretBuffer()));
    QVERIFY(saved.ok);
    const Outcome o = waitFor(m_manager->loadCredentials(saved.profile.id));
    QVERIFY(!o.ok);
    QCOMPARE(o.secretError, SecretError::NotFound);
    QCOMPARE(o.error.kind(), ApiError::Kind::Keychain);
    QVERIFY2(o.error.message().contains(u"No client secret is stored for profile \"Imported\""_s),
             qPrintable(o.error.message()));
    // A locked keyring is reported as such (SecretError::Locked), so "not found" means it.
    QVERIFY2(o.error.hint().contains(u"Enter it again"_s), qPrintable(o.error.hint()));
    QVERIFY2(!o.error.hint().contains(u"locked"_s), qPrintable(o.error.hint()));
    QVERIFY(o.credentials.secret.isEmpty());

    const Outcome unknown = waitFor(m_manager->loadCredentials(QUuid::createUuid()));
    QVERIFY(!unknown.ok);
    QCOMPARE(unknown.error.kind(), ApiError::Kind::InvalidInput);
}

void TestProfiles::hasStoredSecret()
{
    const Profile with = savedProfile(u"With"_s, "present");
    const Outcome yes = waitFor(m_manager->hasStoredSecret(with.id));
    QVERIFY(yes.ok);
    QVERIFY(yes.hasStoredSecret);
    QVERIFY(yes.credentials.secret.isEmpty());

    const Outcome without = waitFor(m_manager->save(serviceAccount(u"Without"_s), SecretBuffer()));
    const Outcome no = waitFor(m_manager->hasStoredSecret(without.profile.id));
    QVERIFY(no.ok);
    QVERIFY(!no.hasStoredSecret);

    m_keychain->setFailure(SecretError::NoBackend);
    const Outcome broken = waitFor(m_manager->hasStoredSecret(with.id));
    QVERIFY(!broken.ok);
    QCOMPARE(broken.secretError, SecretError::NoBackend);
}

void TestProfiles::lastUsedProfile()
{
    QVERIFY(!m_manager->lastUsedProfile());
    QVERIFY(!m_manager->preferredProfile());
    const Profile a = savedProfile(u"A"_s, "a");
    // One profile: it is the obvious choice.
    QCOMPARE(m_manager->preferredProfile()->id, a.id);
    const Profile b = savedProfile(u"B"_s, "b");
    QVERIFY(!m_manager->preferredProfile());
    m_settings->setDefaultProfileId(a.id);
    QCOMPARE(m_manager->preferredProfile()->id, a.id);
    m_manager->markUsed(b.id);
    QCOMPARE(m_manager->lastUsedProfile()->id, b.id);
    QCOMPARE(m_manager->preferredProfile()->id, b.id);
    // Remembered across runs.
    {
        QSettings other(settingsPath(), QSettings::IniFormat);
        QCOMPARE(Settings(&other).lastProfileId(), b.id);
    }
    // A session-only profile is not remembered: it will not exist next time.
    const Outcome session = waitFor(m_manager->save(serviceAccount(u"Demo"_s), secretOf("demo"),
                                                    CredentialManager::Storage::SessionOnly));
    QVERIFY(session.ok);
    m_manager->markUsed(session.profile.id);
    QCOMPARE(m_manager->lastUsedProfile()->id, b.id);
}

void TestProfiles::keychainFailures_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("todo");
    QTest::newRow("no backend") << int(SecretError::NoBackend) << u"no keychain service is available"_s
                                << u"gnome-keyring or KWallet"_s;
    QTest::newRow("locked") << int(SecretError::Locked) << u"locked"_s << u"Unlock your keyring"_s;
    QTest::newRow("access denied") << int(SecretError::AccessDenied) << u"access was denied"_s
                                   << u"allow Atlas AI Keys"_s;
    QTest::newRow("timed out") << int(SecretError::TimedOut) << u"did not answer within"_s
                               << u"prompt may be waiting behind other windows"_s;
    QTest::newRow("other") << int(SecretError::Other) << u"reported an error"_s << u"Try again"_s;
}

void TestProfiles::keychainFailures()
{
    QFETCH(int, error);
    QFETCH(QString, what);
    QFETCH(QString, todo);
    const auto e = SecretError(error);
    if (e == SecretError::TimedOut) {
        // The real thing: a keychain that never answers, ended by the job's own timeout.
        m_keychain->setHang(true);
        m_keychain->setTimeoutMs(300);
    } else {
        m_keychain->setFailure(e, u"backend words"_s);
    }
    QSignalSpy added(m_store.get(), &ProfileStore::profileAdded);
    const Outcome o =
        waitFor(m_manager->save(serviceAccount(u"Production"_s), secretOf("mdb_sa_sk_failing")));
    QVERIFY(!o.ok);
    QCOMPARE(o.secretError, e);
    QCOMPARE(o.error.kind(), ApiError::Kind::Keychain);
    // What happened...
    QVERIFY2(o.error.message().contains(u"Profile \"Production\" was not saved"_s),
             qPrintable(o.error.message()));
    QVERIFY2(o.error.message().contains(what), qPrintable(o.error.message()));
    // ...and what to do, including the way out.
    QVERIFY2(o.error.hint().contains(todo), qPrintable(o.error.hint()));
    QVERIFY2(o.error.hint().contains(u"session only"_s), qPrintable(o.error.hint()));
    QVERIFY(o.hintOffersSessionOnly); // so the profiles dialog does not offer it twice
    QVERIFY(o.canKeepForSession);
    // Nothing half-saved.
    QCOMPARE(added.count(), 0);
    QCOMPARE(m_store->count(), 0);
    QCOMPARE(m_keychain->count(), 0);
    QVERIFY(persistedProfiles().isEmpty());
    QVERIFY(!settingsFileBytes().contains("Production"));
    // The secret comes back for a session-only retry.
    QCOMPARE(o.handedBack.reveal(), QByteArray("mdb_sa_sk_failing"));
}

void TestProfiles::sessionOnlySignInWritesNothing()
{
    const QByteArray secret("mdb_sa_sk_session_only_7f3a9c");
    m_keychain->setFailure(SecretError::NoBackend,
                           u"The name org.freedesktop.secrets was not provided by any .service files"_s);
    Outcome failed = waitFor(m_manager->save(serviceAccount(u"Laptop"_s), SecretBuffer(QByteArray(secret))));
    QVERIFY(!failed.ok);
    QVERIFY(failed.canKeepForSession);

    // The offered way out: the same profile, for this session only, with the secret handed back.
    const Outcome o = waitFor(m_manager->save(failed.profile, std::move(failed.handedBack),
                                              CredentialManager::Storage::SessionOnly));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QVERIFY(o.profile.sessionOnly);
    QCOMPARE(o.profile.id, failed.profile.id);
    QVERIFY(m_store->contains(o.profile.id));
    QVERIFY(m_manager->sessionSecrets()->holds(o.profile.secretKey(), secret));
    QCOMPARE(m_keychain->count(), 0);
    QCOMPARE(m_keychain->operationCount(SecretJob::Operation::Write), 1); // the failed attempt only

    const Outcome load = waitFor(m_manager->loadCredentials(o.profile.id));
    QVERIFY2(load.ok, qPrintable(load.error.toString()));
    QCOMPARE(load.credentials.secret.reveal(), secret);
    const Outcome has = waitFor(m_manager->hasStoredSecret(o.profile.id));
    QVERIFY(has.hasStoredSecret);

    // Nothing in settings: the next run does not know the profile.
    QVERIFY(persistedProfiles().isEmpty());
    QVERIFY(!settingsFileBytes().contains("Laptop"));
    // And no file anywhere under HOME holds the secret.
    m_qsettings->sync();
    QCOMPARE(test::filesContaining(m_home.path(), secret), QStringList());
    QCOMPARE(test::filesContaining(m_home.path(), secret.toBase64()), QStringList());

    // Forgetting the session wipes it.
    m_manager->forgetSessionProfiles();
    QVERIFY(!m_store->contains(o.profile.id));
    QCOMPARE(m_manager->sessionSecrets()->count(), 0);
}

void TestProfiles::sessionProfileCanBeSavedLater()
{
    const Outcome session = waitFor(m_manager->save(serviceAccount(u"Later"_s), secretOf("move-me"),
                                                    CredentialManager::Storage::SessionOnly));
    QVERIFY(session.ok);
    QVERIFY(persistedProfiles().isEmpty());
    // An edit keeps it where it is.
    Profile edited = session.profile;
    edited.name = u"Later, renamed"_s;
    const Outcome kept = waitFor(m_manager->save(edited, SecretBuffer()));
    QVERIFY2(kept.ok, qPrintable(kept.error.toString()));
    QVERIFY(kept.profile.sessionOnly);
    QVERIFY(persistedProfiles().isEmpty());
    QCOMPARE(m_keychain->count(), 0);
    QVERIFY(m_manager->sessionSecrets()->holds(edited.secretKey(), "move-me"));
    // The keychain works again: saving for good moves the secret from memory into it.
    const Outcome saved =
        waitFor(m_manager->save(kept.profile, SecretBuffer(), CredentialManager::Storage::Keychain));
    QVERIFY2(saved.ok, qPrintable(saved.error.toString()));
    QVERIFY(!saved.profile.sessionOnly);
    QVERIFY(m_keychain->holds(saved.profile.secretKey(), "move-me"));
    QCOMPARE(m_manager->sessionSecrets()->count(), 0);
    QCOMPARE(persistedProfiles().size(), 1);
}

void TestProfiles::savedProfileCannotBecomeSessionOnly()
{
    const Profile p = savedProfile(u"Saved"_s, "saved");
    const Outcome o = waitFor(m_manager->save(p, secretOf("other"), CredentialManager::Storage::SessionOnly));
    QVERIFY(!o.ok);
    QCOMPARE(o.error.kind(), ApiError::Kind::InvalidInput);
    QVERIFY(m_keychain->holds(p.secretKey(), "saved"));
    QVERIFY(!m_store->find(p.id)->sessionOnly);
}

void TestProfiles::timeoutEndsAHungJob()
{
    m_keychain->setHang(true);
    m_keychain->setTimeoutMs(200);
    SecretJob *job = m_keychain->read(u"any/client-secret"_s);
    QCOMPARE(job->timeoutMs(), 200);
    SecretError error = SecretError::None;
    QString hint;
    connect(job, &SecretJob::finished, this, [&, j = job] {
        error = j->secretError();
        hint = j->hint();
    });
    QElapsedTimer t;
    t.start();
    QTRY_COMPARE_WITH_TIMEOUT(error, SecretError::TimedOut, 5000);
    QVERIFY(t.elapsed() >= 150);
    QVERIFY2(hint.contains(u"prompt"_s), qPrintable(hint));
}

void TestProfiles::lateWriteAfterTimeoutDoesNotLand()
{
    // The backend answers after the caller gave up: the write must not appear afterwards.
    m_keychain->setDelayMs(400);
    m_keychain->setTimeoutMs(100);
    const Outcome o = waitFor(m_manager->save(serviceAccount(u"Slow"_s), secretOf("late")));
    QCOMPARE(o.secretError, SecretError::TimedOut);
    QTest::qWait(600);
    QCOMPARE(m_keychain->count(), 0);
    QCOMPARE(m_store->count(), 0);
}

void TestProfiles::qtKeychainErrorMapping_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("operation");
    QTest::addColumn<int>("expected");
    const int read = int(SecretJob::Operation::Read);
    const int write = int(SecretJob::Operation::Write);
    const int remove = int(SecretJob::Operation::Remove);
    // Codes: 0 NoError, 1 EntryNotFound, 2 CouldNotDeleteEntry, 3 AccessDeniedByUser, 4 AccessDenied,
    // 5 NoBackendAvailable, 6 NotImplemented, 7 OtherError. Texts as measured against gnome-keyring.
    QTest::newRow("ok") << 0 << QString() << read << int(SecretError::None);
    QTest::newRow("not found") << 1 << u"Entry not found"_s << read << int(SecretError::NotFound);
    QTest::newRow("remove of a missing entry")
        << 1 << u"Entry not found"_s << remove << int(SecretError::None);
    QTest::newRow("locked write") << 4 << u"Cannot create an item in a locked collection"_s << write
                                  << int(SecretError::Locked);
    QTest::newRow("denied write") << 4 << u"Access denied"_s << write << int(SecretError::AccessDenied);
    QTest::newRow("denied by user") << 3 << u"User denied"_s << read << int(SecretError::AccessDenied);
    QTest::newRow("no backend code") << 5 << QString() << write << int(SecretError::NoBackend);
    QTest::newRow("not implemented") << 6 << QString() << write << int(SecretError::NoBackend);
    QTest::newRow("no secret service")
        << 7 << u"The name org.freedesktop.secrets was not provided by any .service files"_s << write
        << int(SecretError::NoBackend);
    QTest::newRow("no bus") << 7 << u"Cannot autolaunch D-Bus without X11 $DISPLAY"_s << read
                            << int(SecretError::NoBackend);
    QTest::newRow("no default keyring")
        << 7 << u"Object does not exist at path \u201c/org/freedesktop/secrets/collection/login\u201d"_s
        << write << int(SecretError::Locked);
    QTest::newRow("prompt dismissed")
        << 7 << u"The prompt was dismissed"_s << write << int(SecretError::AccessDenied);
    QTest::newRow("anything else") << 7 << u"Something odd"_s << read << int(SecretError::Other);
}

void TestProfiles::qtKeychainErrorMapping()
{
    QFETCH(int, code);
    QFETCH(QString, text);
    QFETCH(int, operation);
    QFETCH(int, expected);
    QCOMPARE(int(QtKeychainSecretStore::classify(code, text, SecretJob::Operation(operation))), expected);
}

void TestProfiles::secretsNeverLogged()
{
    MessageRecorder recorder;
    const QByteArray secrets[] = {"mdb_sa_sk_log_probe_1", "mdb_sa_sk_log_probe_2", "mdb_sa_sk_log_probe_3"};
    const Profile p = savedProfile(u"Logged"_s, secrets[0].constData());
    waitFor(m_manager->loadCredentials(p.id));
    waitFor(m_manager->replaceSecret(p.id, SecretBuffer(QByteArray(secrets[1]))));
    waitFor(m_manager->duplicate(p.id, u"Logged copy"_s, true));
    m_keychain->setFailure(SecretError::Locked);
    waitFor(m_manager->save(serviceAccount(u"Failing"_s), SecretBuffer(QByteArray(secrets[2]))));
    m_keychain->clearFailures();
    waitFor(m_manager->remove(p.id));
    const QStringList messages = MessageRecorder::messages();
    QVERIFY2(messages.size() >= 5, "the credentials category logged nothing: the test proves nothing");
    QVERIFY(messages.join(u'\n').contains(u"Logged"_s));
    for (const QString &m : messages) {
        for (const QByteArray &s : secrets)
            QVERIFY2(!m.contains(QString::fromLatin1(s)), qPrintable(m));
    }
}

void TestProfiles::hintsWithoutSessionOnlyAdvice()
{
    // The CLI has no session-only sign-in: its store's hints must not offer one.
    for (SecretError e : {SecretError::NoBackend, SecretError::Locked, SecretError::AccessDenied,
                          SecretError::TimedOut, SecretError::Other}) {
        for (SecretJob::Operation op : {SecretJob::Operation::Read, SecretJob::Operation::Write}) {
            QVERIFY2(SecretStore::errorHint(e, op, true).contains(u"session only"_s),
                     qPrintable(secretErrorId(e)));
            QVERIFY2(!SecretStore::errorHint(e, op, false).contains(u"session only"_s),
                     qPrintable(secretErrorId(e)));
            QVERIFY(!SecretStore::errorHint(e, op, false).isEmpty());
        }
    }
    m_keychain->setSessionOnlyAdvice(false);
    m_keychain->setFailure(SecretError::Locked, u"backend words"_s);
    const Outcome o = waitFor(m_manager->save(serviceAccount(u"Scripted"_s), secretOf("mdb_sa_sk_cli")));
    QVERIFY(!o.ok);
    QCOMPARE(o.secretError, SecretError::Locked);
    QVERIFY2(o.error.hint().contains(u"Unlock your keyring"_s), qPrintable(o.error.hint()));
    QVERIFY2(!o.error.hint().contains(u"session only"_s), qPrintable(o.error.hint()));
    QVERIFY(!o.hintOffersSessionOnly);
    // A locked keyring is named as such for reads and deletes too.
    QVERIFY2(SecretStore::errorMessage(SecretError::Locked, SecretJob::Operation::Read, {}, 0)
                 .contains(u"keychain is locked"_s),
             "read");
    QVERIFY2(SecretStore::errorMessage(SecretError::Locked, SecretJob::Operation::Remove, {}, 0)
                 .contains(u"could not be deleted"_s),
             "remove");
}

void TestProfiles::everyKindOfJobIsCanceledAlike()
{
    // Keychain, profile and sign-in jobs keep the Job contract: cancel() ends them with Canceled,
    // exactly once, from the event loop, and they delete themselves afterwards.
    const Outcome saved = waitFor(m_manager->save(serviceAccount(u"Stored"_s), secretOf("mdb_sa_sk_stored")));
    QVERIFY(saved.ok);
    m_keychain->setHang(true); // nothing would ever end them but their own timeouts
    auto *opener = new SessionOpener(m_manager.get());
    opener->open(saved.profile);
    const QList<Job *> jobs{m_keychain->read(saved.profile.secretKey()),
                            m_manager->save(serviceAccount(u"Canceled"_s), secretOf("mdb_sa_sk_canceled")),
                            m_manager->hasStoredSecret(saved.profile.id), opener};
    for (Job *job : jobs) {
        QPointer<Job> alive(job);
        const QByteArray kind = job->metaObject()->className();
        QSignalSpy finished(job, &Job::finished);
        ApiError error;
        connect(job, &Job::finished, this, [&error, job] { error = job->error(); });
        job->cancel();
        QCOMPARE(finished.count(), 0); // never from inside cancel()
        QVERIFY2(finished.wait(2000), kind.constData());
        QCOMPARE(error.kind(), ApiError::Kind::Canceled);
        QTRY_VERIFY2(!alive, kind.constData());
        QCOMPARE(finished.count(), 1);
    }
    // The canceled save stored nothing.
    QVERIFY(!m_store->findByName(u"Canceled"_s));
}

void TestProfiles::secretChangedIsSignalled()
{
    QSignalSpy changed(m_manager.get(), &CredentialManager::secretChanged);
    // A new profile's secret is not a change.
    const Profile p = savedProfile(u"Watched"_s, "first");
    QCOMPARE(changed.count(), 0);
    // An edit without a secret keeps it: no change.
    Profile renamed = p;
    renamed.name = u"Watched, renamed"_s;
    QVERIFY(waitFor(m_manager->save(renamed, SecretBuffer())).ok);
    QCOMPARE(changed.count(), 0);
    // An edit with a new secret, and a replaced secret: changes, before the job finishes.
    bool signalledFirst = false;
    CredentialJob *job = m_manager->save(renamed, secretOf("second"));
    connect(job, &CredentialJob::finished, this, [&] { signalledFirst = changed.count() == 1; });
    QVERIFY(waitFor(job).ok);
    QVERIFY(signalledFirst);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toUuid(), p.id);
    QVERIFY(waitFor(m_manager->replaceSecret(p.id, secretOf("third"))).ok);
    QCOMPARE(changed.count(), 2);
    // A replace the keychain refused changes nothing.
    m_keychain->setFailure(SecretJob::Operation::Write, SecretError::Locked);
    QVERIFY(!waitFor(m_manager->replaceSecret(p.id, secretOf("fourth"))).ok);
    QCOMPARE(changed.count(), 2);
}

void TestProfiles::forgetSessionSecretsKeepsProfiles()
{
    const Outcome a = waitFor(m_manager->save(serviceAccount(u"Session A"_s), secretOf("session-a"),
                                              CredentialManager::Storage::SessionOnly));
    const Outcome b = waitFor(m_manager->save(serviceAccount(u"Session B"_s), secretOf("session-b"),
                                              CredentialManager::Storage::SessionOnly));
    QVERIFY(a.ok && b.ok);
    const Profile saved = savedProfile(u"Saved"_s, "saved");
    QCOMPARE(m_manager->sessionSecrets()->count(), 2);

    // B is kept (the demo's built-in secret, say); A is wiped; the keychain is not touched.
    QCOMPARE(m_manager->forgetSessionSecrets({b.profile.id}), 1);
    QVERIFY(!m_manager->sessionSecrets()->contains(a.profile.secretKey()));
    QVERIFY(m_manager->sessionSecrets()->holds(b.profile.secretKey(), "session-b"));
    QVERIFY(m_keychain->holds(saved.secretKey(), "saved"));
    // The profiles stay, and signing in with A now needs its secret again.
    QVERIFY(m_store->contains(a.profile.id));
    const Outcome load = waitFor(m_manager->loadCredentials(a.profile.id));
    QVERIFY(!load.ok);
    QCOMPARE(load.secretError, SecretError::NotFound);

    QCOMPARE(m_manager->forgetSessionSecrets(), 1);
    QCOMPARE(m_manager->sessionSecrets()->count(), 0);
}

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
