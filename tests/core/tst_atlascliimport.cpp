#include "credentials/atlascliimport.h"
#include "credentials/credentialmanager.h"
#include "credentials/memorysecretstore.h"
#include "credentials/profilestore.h"
#include "settings.h"
#include "simprocess.h"
#include "testenv.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

struct Outcome
{
    bool finished = false;
    bool ok = false;
    ApiError error;
    Profile profile;
    QStringList notices;
    bool canKeepForSession = false;
    Credentials credentials;
};

Outcome waitFor(CredentialJob *job)
{
    Outcome out;
    const QMetaObject::Connection connection =
        QObject::connect(job, &CredentialJob::finished, job, [&out, j = job] {
            out.finished = true;
            out.ok = j->succeeded();
            out.error = j->error();
            out.profile = j->profile();
            out.notices = j->notices();
            out.canKeepForSession = j->canKeepForSession();
            out.credentials = j->takeCredentials();
        });
    if (!QTest::qWaitFor([&out] { return out.finished; }, 5000)) {
        QObject::disconnect(connection);
        out.error = ApiError::invalidInput(u"the job did not finish"_s);
    }
    return out;
}

QString dataFile(const QString &name)
{
    return QDir(test::SimProcess::testDataDir()).filePath(u"atlascli/"_s + name);
}

const ImportCandidate *candidateNamed(const AtlasCliImport &import, const QString &name)
{
    for (const ImportCandidate &c : import.candidates()) {
        if (c.sourceName == name)
            return &c;
    }
    return nullptr;
}

int indexOf(const AtlasCliImport &import, const QString &name)
{
    for (int i = 0; i < import.candidates().size(); ++i) {
        if (import.candidates().at(i).sourceName == name)
            return i;
    }
    return -1;
}

QProcessEnvironment environment(std::initializer_list<std::pair<const char *, const char *>> values)
{
    QProcessEnvironment env;
    for (const auto &[k, v] : values)
        env.insert(QString::fromLatin1(k), QString::fromLatin1(v));
    return env;
}

} // namespace

class TestAtlasCliImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void apiKeyProfile();
    void serviceAccountProfile();
    void severalProfiles();
    void importSeveral();
    void secretInKeyring();
    void malformedFileNamesTheLine();
    void missingFile();
    void defaultLocation();
    void nameClashes();
    void keychainFailureImportsNothing();
    void alreadyImportedIncludesAccessTokens();
    void sessionOnlyImportWritesNothing();
    void fromEnvironment();
    void fromEnvironmentOldSpelling();
    void emptyOrContradictoryEnvironment();

private:
    QTemporaryDir m_home;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_keychain;
    std::unique_ptr<CredentialManager> m_manager;
};

void TestAtlasCliImport::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qunsetenv("XDG_CONFIG_HOME");
    test::prepareTestEnvironment();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFile::exists(dataFile(u"apikey.toml"_s)), qPrintable(dataFile(u"apikey.toml"_s)));
}

void TestAtlasCliImport::init()
{
    const QString path = m_home.filePath(u"settings.ini"_s);
    QFile::remove(path);
    m_qsettings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    m_settings = std::make_unique<Settings>(m_qsettings.get());
    m_store = std::make_unique<ProfileStore>(m_settings.get());
    m_keychain =
        std::make_unique<MemorySecretStore>(u"io.github.atlasaikeys.AtlasAiKeys.tst_atlascliimport"_s);
    m_manager = std::make_unique<CredentialManager>(m_store.get(), m_keychain.get(), m_settings.get());
}

void TestAtlasCliImport::cleanup()
{
    m_manager.reset();
    m_keychain.reset();
    m_store.reset();
    m_settings.reset();
    m_qsettings.reset();
    qunsetenv("XDG_CONFIG_HOME");
}

void TestAtlasCliImport::apiKeyProfile()
{
    const QString path = dataFile(u"apikey.toml"_s);
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig(path);
    QVERIFY2(import.ok(), qPrintable(import.errorString()));
    QCOMPARE(import.origin(), AtlasCliImport::Origin::AtlasCliConfig);
    QCOMPARE(import.path(), path);
    // Top-level settings (telemetry_enabled...) are not profiles.
    QCOMPARE(import.candidates().size(), 1);
    const ImportCandidate &c = import.candidates().first();
    QCOMPARE(c.sourceName, u"default"_s);
    QCOMPARE(c.profile.name, u"default"_s);
    QCOMPARE(c.profile.authMode, AuthMode::ApiKey);
    QCOMPARE(c.profile.publicId, u"qwertyui"_s);
    QCOMPARE(c.profile.orgId, u"5e2211c17a3e5a48f5497de3"_s);
    QCOMPARE(c.profile.projectId, u"6f3322d28b4f6b59a6508ef4"_s);
    QCOMPARE(c.profile.baseUrl, QUrl(u"https://cloud.mongodb.com"_s));
    QVERIFY(c.secretInSource);
    QVERIFY(!c.secretNeeded());
    QCOMPARE(c.secretField, u"private_api_key"_s);
    QVERIFY2(c.warnings.isEmpty(), qPrintable(c.warnings.join(u'\n')));

    const Outcome o = waitFor(import.importCandidate(*m_manager, 0));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QCOMPARE(o.profile.name, u"default"_s);
    QVERIFY(m_keychain->holds(o.profile.secretKey(), "0f3e8a62-4c1d-4b7e-9a55-test-private-1"));
    QCOMPARE(m_store->count(), 1);
    // The user learns that the file still has a plain-text copy, and where.
    const QString notices = o.notices.join(u'\n');
    QVERIFY2(notices.contains(u"plain-text copy"_s), qPrintable(notices));
    QVERIFY2(notices.contains(QDir::toNativeSeparators(path)), qPrintable(notices));
    QVERIFY2(notices.contains(u"[default]"_s) && notices.contains(u"private_api_key"_s), qPrintable(notices));
    // Settings never get the secret.
    m_qsettings->sync();
    QCOMPARE(test::filesContaining(m_home.path(), "test-private-1"), QStringList());
}

void TestAtlasCliImport::serviceAccountProfile()
{
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig(dataFile(u"serviceaccount.toml"_s));
    QVERIFY2(import.ok(), qPrintable(import.errorString()));
    QCOMPARE(import.candidates().size(), 1);
    const ImportCandidate &c = import.candidates().first();
    QCOMPARE(c.sourceName, u"automation"_s);
    QCOMPARE(c.profile.authMode, AuthMode::ServiceAccount);
    QCOMPARE(c.profile.publicId, u"mdb_sa_id_64b0c1d2e3f4a5b6c7d8e9f0"_s);
    QCOMPARE(c.secretField, u"client_secret"_s);
    QVERIFY(c.secretInSource);

    const Outcome o = waitFor(import.importCandidate(*m_manager, 0));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    const Outcome load = waitFor(m_manager->loadCredentials(o.profile.id));
    QVERIFY2(load.ok, qPrintable(load.error.toString()));
    QCOMPARE(load.credentials.mode, AuthMode::ServiceAccount);
    QCOMPARE(load.credentials.id, u"mdb_sa_id_64b0c1d2e3f4a5b6c7d8e9f0"_s);
    QCOMPARE(load.credentials.secret.reveal(), QByteArray("mdb_sa_sk_test_secret_in_file_42"));
}

void TestAtlasCliImport::severalProfiles()
{
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig(dataFile(u"multiple.toml"_s));
    QVERIFY2(import.ok(), qPrintable(import.errorString()));
    // [preferences-only] has nothing to sign in with.
    QCOMPARE(import.candidates().size(), 5);
    QVERIFY(!candidateNamed(import, u"preferences-only"_s));

    const ImportCandidate *def = candidateNamed(import, u"default"_s);
    QVERIFY(def);
    QCOMPARE(def->profile.authMode, AuthMode::ApiKey);
    QCOMPARE(def->profile.endpoint(), AtlasEndpoint::Commercial);

    const ImportCandidate *gov = candidateNamed(import, u"gov"_s);
    QVERIFY(gov);
    QCOMPARE(gov->profile.baseUrl, QUrl(u"https://cloud.mongodbgov.com"_s));
    QCOMPARE(gov->profile.endpoint(), AtlasEndpoint::Government);
    QCOMPARE(gov->profile.authMode, AuthMode::ServiceAccount);
    QCOMPARE(gov->profile.orgId, u"6a1b2c3d4e5f60718293a4b5"_s);

    const ImportCandidate *staging = candidateNamed(import, u"staging"_s);
    QVERIFY(staging);
    QCOMPARE(staging->profile.baseUrl, QUrl(u"https://atlas-proxy.staging.example.com"_s));
    QCOMPARE(staging->profile.endpoint(), AtlasEndpoint::Custom);

    const ImportCandidate *login = candidateNamed(import, u"login"_s);
    QVERIFY(login);
    QCOMPARE(login->profile.authMode, AuthMode::AccessToken);
    QVERIFY(login->profile.publicId.isEmpty());
    QCOMPARE(login->secretField, u"access_token"_s);
    QVERIFY(login->secretInSource);
    QVERIFY2(login->warnings.join(u' ').contains(u"expires"_s), qPrintable(login->warnings.join(u' ')));

    // Bad ids are left out with a warning rather than blocking the import.
    const ImportCandidate *odd = candidateNamed(import, u"odd-ids"_s);
    QVERIFY(odd);
    QVERIFY(odd->profile.orgId.isEmpty());
    QVERIFY(odd->profile.projectId.isEmpty());
    const QString warnings = odd->warnings.join(u'\n');
    QVERIFY2(warnings.contains(u"org_id \"my-org\""_s), qPrintable(warnings));
    QVERIFY2(warnings.contains(u"\"project_id\" is not text"_s), qPrintable(warnings));
    QVERIFY(m_store->validate(odd->profile).isEmpty());
}

void TestAtlasCliImport::importSeveral()
{
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig(dataFile(u"multiple.toml"_s));
    QVERIFY(import.ok());
    for (int i = 0; i < import.candidates().size(); ++i) {
        const Outcome o = waitFor(import.importCandidate(*m_manager, i));
        QVERIFY2(o.ok, qPrintable(import.candidates().at(i).sourceName + u": "_s + o.error.toString()));
    }
    QCOMPARE(m_store->count(), 5);
    QCOMPARE(m_keychain->count(), 5);
    const std::optional<Profile> login = m_store->findByName(u"login"_s);
    QVERIFY(login);
    QVERIFY(m_keychain->holds(login->secretKey(), "eyJ0ZXN0IjoidG9rZW4ifQ.test-access-token"));
    // The refresh token is the Atlas CLI's business: never imported.
    for (const QString &key : m_keychain->keys())
        QVERIFY(!m_keychain->holds(key, "test-refresh-token-never-imported"));
}

void TestAtlasCliImport::secretInKeyring()
{
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig(dataFile(u"keyring.toml"_s));
    QVERIFY2(import.ok(), qPrintable(import.errorString()));
    QCOMPARE(import.candidates().size(), 2);
    for (const ImportCandidate &c : import.candidates()) {
        QVERIFY(!c.secretInSource);
        QVERIFY(c.secretNeeded());
        QVERIFY2(c.warnings.join(u' ').contains(u"keyring"_s), qPrintable(c.warnings.join(u' ')));
    }
    const ImportCandidate *def = candidateNamed(import, u"default"_s);
    QCOMPARE(def->profile.authMode, AuthMode::ApiKey);
    QCOMPARE(def->profile.publicId, u"keyringp"_s);
    const ImportCandidate *robot = candidateNamed(import, u"robot"_s);
    QCOMPARE(robot->profile.authMode, AuthMode::ServiceAccount);
    QCOMPARE(robot->profile.endpoint(), AtlasEndpoint::Government);

    // The UI asked for the secret: it goes to the keychain, and there is no file copy to warn about.
    const Outcome entered = waitFor(
        import.importCandidate(*m_manager, indexOf(import, u"default"_s), {}, SecretBuffer("typed-in")));
    QVERIFY2(entered.ok, qPrintable(entered.error.toString()));
    QVERIFY(m_keychain->holds(entered.profile.secretKey(), "typed-in"));
    QVERIFY2(!entered.notices.join(u' ').contains(u"plain-text"_s), qPrintable(entered.notices.join(u' ')));

    // Imported without it: the profile exists, the secret is still to be entered.
    const Outcome later = waitFor(import.importCandidate(*m_manager, indexOf(import, u"robot"_s)));
    QVERIFY2(later.ok, qPrintable(later.error.toString()));
    QVERIFY(m_store->contains(later.profile.id));
    QVERIFY(!m_keychain->contains(later.profile.secretKey()));
    QVERIFY2(later.notices.join(u' ').contains(u"has no client secret yet"_s),
             qPrintable(later.notices.join(u' ')));
}

void TestAtlasCliImport::malformedFileNamesTheLine()
{
    const QString path = dataFile(u"malformed.toml"_s);
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig(path);
    QVERIFY(!import.ok());
    QCOMPARE(import.errorLine(), 4);
    QVERIFY2(import.errorString().contains(u"line 4"_s), qPrintable(import.errorString()));
    QVERIFY2(import.errorString().contains(QDir::toNativeSeparators(path)), qPrintable(import.errorString()));
    QVERIFY(import.candidates().isEmpty());
}

void TestAtlasCliImport::missingFile()
{
    const QString path = m_home.filePath(u"nowhere/config.toml"_s);
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig(path);
    QVERIFY(!import.ok());
    QCOMPARE(import.errorLine(), 0);
    QVERIFY2(import.errorString().contains(QDir::toNativeSeparators(path)), qPrintable(import.errorString()));
    QVERIFY2(import.errorString().contains(u"atlas config init"_s), qPrintable(import.errorString()));

    // A file without any profile table says so.
    const AtlasCliImport empty = AtlasCliImport::fromAtlasCliToml("telemetry_enabled = true\n", u"x.toml"_s);
    QVERIFY(!empty.ok());
    QVERIFY2(empty.errorString().contains(u"no Atlas CLI profile"_s), qPrintable(empty.errorString()));
}

void TestAtlasCliImport::defaultLocation()
{
#if defined(Q_OS_LINUX)
    QCOMPARE(AtlasCliImport::defaultConfigPath(), m_home.filePath(u".config/atlascli/config.toml"_s));
    QTemporaryDir xdg;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(xdg.path()));
    const QString expected = xdg.filePath(u"atlascli/config.toml"_s);
    QCOMPARE(AtlasCliImport::defaultConfigPath(), expected);
    QVERIFY(QDir().mkpath(xdg.filePath(u"atlascli"_s)));
    QVERIFY(QFile::copy(dataFile(u"serviceaccount.toml"_s), expected));
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig();
    QVERIFY2(import.ok(), qPrintable(import.errorString()));
    QCOMPARE(import.path(), expected);
    QCOMPARE(import.candidates().first().sourceName, u"automation"_s);
#else
    QVERIFY(AtlasCliImport::defaultConfigPath().endsWith(u"config.toml"_s));
#endif
}

void TestAtlasCliImport::nameClashes()
{
    Profile existing;
    existing.name = u"default"_s;
    existing.publicId = u"mdb_sa_id_existing"_s;
    QVERIFY(m_store->add(existing));
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig(dataFile(u"apikey.toml"_s));
    const Outcome o = waitFor(import.importCandidate(*m_manager, 0));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QCOMPARE(o.profile.name, u"default (2)"_s);
    // A name chosen by the user is used as given, and checked like any other.
    const Outcome clash = waitFor(import.importCandidate(*m_manager, 0, u"DEFAULT"_s));
    QVERIFY(!clash.ok);
    QVERIFY2(clash.error.message().contains(u"already exists"_s), qPrintable(clash.error.message()));
    const Outcome named = waitFor(import.importCandidate(*m_manager, 0, u"Work"_s));
    QVERIFY(named.ok);
    QCOMPARE(named.profile.name, u"Work"_s);
}

void TestAtlasCliImport::keychainFailureImportsNothing()
{
    m_keychain->setFailure(SecretError::NoBackend);
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig(dataFile(u"serviceaccount.toml"_s));
    const Outcome o = waitFor(import.importCandidate(*m_manager, 0));
    QVERIFY(!o.ok);
    QCOMPARE(o.error.kind(), ApiError::Kind::Keychain);
    QVERIFY(o.canKeepForSession);
    QVERIFY(o.notices.isEmpty());
    QCOMPARE(m_store->count(), 0);
    QCOMPARE(m_keychain->count(), 0);
}

void TestAtlasCliImport::alreadyImportedIncludesAccessTokens()
{
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig(dataFile(u"multiple.toml"_s));
    QVERIFY2(import.ok(), qPrintable(import.errorString()));
    const ImportCandidate *login = candidateNamed(import, u"login"_s);
    const ImportCandidate *def = candidateNamed(import, u"default"_s);
    QVERIFY(login && def);
    QCOMPARE(login->profile.authMode, AuthMode::AccessToken);
    QVERIFY(!AtlasCliImport::existingProfileFor(*m_store, *login));
    QVERIFY(!AtlasCliImport::existingProfileFor(*m_store, *def));

    // Everything imported once...
    for (int i = 0; i < import.candidates().size(); ++i)
        QVERIFY(waitFor(import.importCandidate(*m_manager, i)).ok);
    const int count = m_store->count();
    // ...is found again, the access token too (it has no public half: its name and Atlas tell).
    for (const ImportCandidate &c : import.candidates()) {
        const std::optional<Profile> found = AtlasCliImport::existingProfileFor(*m_store, c);
        QVERIFY2(found, qPrintable(c.sourceName));
        QCOMPARE(found->authMode, c.profile.authMode);
    }
    QCOMPARE(AtlasCliImport::existingProfileFor(*m_store, *login)->name, u"login"_s);

    // A copy made by an earlier import ("login (2)") counts too; another name or another Atlas not.
    QVERIFY(m_store->rename(m_store->findByName(u"login"_s)->id, u"login (2)"_s));
    QCOMPARE(AtlasCliImport::existingProfileFor(*m_store, *login)->name, u"login (2)"_s);
    QVERIFY(m_store->rename(m_store->findByName(u"login (2)"_s)->id, u"my token"_s));
    QVERIFY(!AtlasCliImport::existingProfileFor(*m_store, *login));
    QVERIFY(m_store->rename(m_store->findByName(u"my token"_s)->id, u"login"_s));
    ImportCandidate elsewhere = *login;
    elsewhere.profile.baseUrl = QUrl(u"https://cloud.mongodbgov.com"_s);
    QVERIFY(!AtlasCliImport::existingProfileFor(*m_store, elsewhere));
    // Another key at the same Atlas is another account.
    ImportCandidate otherKey = *def;
    otherKey.profile.publicId = u"zzzzzzzz"_s;
    QVERIFY(!AtlasCliImport::existingProfileFor(*m_store, otherKey));
    QCOMPARE(m_store->count(), count);
}

void TestAtlasCliImport::sessionOnlyImportWritesNothing()
{
    m_keychain->setFailure(SecretError::Locked);
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliConfig(dataFile(u"serviceaccount.toml"_s));
    const Outcome failed = waitFor(import.importCandidate(*m_manager, 0));
    QVERIFY(!failed.ok);
    QVERIFY(failed.canKeepForSession);
    // The way out: the same candidate, for this session only.
    const Outcome o = waitFor(import.importCandidate(*m_manager, 0, {}, {}, true));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QVERIFY(o.profile.sessionOnly);
    QVERIFY(m_manager->sessionSecrets()->holds(o.profile.secretKey(), "mdb_sa_sk_test_secret_in_file_42"));
    QCOMPARE(m_keychain->count(), 0);
    QVERIFY2(o.notices.join(u' ').contains(u"this session only"_s), qPrintable(o.notices.join(u' ')));
    QVERIFY2(!o.notices.join(u' ').contains(u"is now in the keychain"_s), qPrintable(o.notices.join(u' ')));
    QVERIFY(m_settings->profiles().isEmpty());
}

void TestAtlasCliImport::fromEnvironment()
{
    const QProcessEnvironment env = environment({{"MONGODB_ATLAS_CLIENT_ID", "mdb_sa_id_from_env"},
                                                 {"MONGODB_ATLAS_CLIENT_SECRET", "mdb_sa_sk_from_env"},
                                                 {"MONGODB_ATLAS_BASE_URL", "http://127.0.0.1:8080/"},
                                                 {"MONGODB_ATLAS_ORG_ID", "5e2211c17a3e5a48f5497de3"},
                                                 {"MONGODB_ATLAS_PROJECT_ID", "not-an-id"}});
    const AtlasCliImport import = AtlasCliImport::fromEnvironment(env);
    QVERIFY2(import.ok(), qPrintable(import.errorString()));
    QCOMPARE(import.origin(), AtlasCliImport::Origin::Environment);
    QCOMPARE(import.candidates().size(), 1);
    const ImportCandidate &c = import.candidates().first();
    QCOMPARE(c.profile.authMode, AuthMode::ServiceAccount);
    QCOMPARE(c.profile.publicId, u"mdb_sa_id_from_env"_s);
    QCOMPARE(c.profile.baseUrl, QUrl(u"http://127.0.0.1:8080"_s));
    QCOMPARE(c.profile.orgId, u"5e2211c17a3e5a48f5497de3"_s);
    QVERIFY(c.profile.projectId.isEmpty());
    QVERIFY2(c.warnings.join(u' ').contains(u"MONGODB_ATLAS_PROJECT_ID"_s),
             qPrintable(c.warnings.join(u' ')));
    QCOMPARE(c.secretField, u"MONGODB_ATLAS_CLIENT_SECRET"_s);
    QVERIFY(c.secretInSource);

    const Outcome o = waitFor(import.importCandidate(*m_manager, 0));
    QVERIFY2(o.ok, qPrintable(o.error.toString()));
    QVERIFY(m_keychain->holds(o.profile.secretKey(), "mdb_sa_sk_from_env"));
    const QString notices = o.notices.join(u' ');
    QVERIFY2(notices.contains(u"MONGODB_ATLAS_CLIENT_SECRET still holds a plain-text copy"_s),
             qPrintable(notices));
}

void TestAtlasCliImport::fromEnvironmentOldSpelling()
{
    const AtlasCliImport import = AtlasCliImport::fromEnvironment(environment(
        {{"MONGODB_ATLAS_PUBLIC_KEY", "oldpubky"}, {"MONGODB_ATLAS_PRIVATE_KEY", "old-private"}}));
    QVERIFY2(import.ok(), qPrintable(import.errorString()));
    const ImportCandidate &c = import.candidates().first();
    QCOMPARE(c.profile.authMode, AuthMode::ApiKey);
    QCOMPARE(c.profile.publicId, u"oldpubky"_s);
    QCOMPARE(c.profile.baseUrl, QUrl(u"https://cloud.mongodb.com"_s));
    QCOMPARE(c.secretField, u"MONGODB_ATLAS_PRIVATE_KEY"_s);
}

void TestAtlasCliImport::emptyOrContradictoryEnvironment()
{
    const AtlasCliImport none = AtlasCliImport::fromEnvironment(QProcessEnvironment());
    QVERIFY(!none.ok());
    QVERIFY2(none.errorString().contains(u"MONGODB_ATLAS_CLIENT_ID"_s), qPrintable(none.errorString()));
    QVERIFY(none.candidates().isEmpty());

    const AtlasCliImport half =
        AtlasCliImport::fromEnvironment(environment({{"MONGODB_ATLAS_CLIENT_ID", "x"}}));
    QVERIFY(!half.ok());
    QVERIFY2(half.errorString().contains(u"MONGODB_ATLAS_CLIENT_SECRET"_s), qPrintable(half.errorString()));
}

QTEST_GUILESS_MAIN(TestAtlasCliImport)
#include "tst_atlascliimport.moc"
