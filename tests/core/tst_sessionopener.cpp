// SessionOpener against a real atlas-sim: the secret read from a (fake) keychain, the session built
// and proved with GET /orgs, and every way a sign-in can fail before or after anything is sent.
#include "atlas/atlasclient.h"
#include "credentials/credentialmanager.h"
#include "credentials/memorysecretstore.h"
#include "credentials/profilestore.h"
#include "credentials/sessionopener.h"
#include "settings.h"
#include "simprocess.h"
#include "testenv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::SimProcess;

namespace {

constexpr auto kApiKeyPublic = "demo";
constexpr auto kApiKeyPrivate = "demo-private-key";
constexpr auto kClientId = "mdb_sa_id_demo";
constexpr auto kClientSecret = "mdb_sa_sk_demo";

// What an opener reported, collected in its finished() slot.
struct Outcome
{
    bool finished = false;
    bool finishedInsideCall = false;
    bool ok = false;
    ApiError error;
    bool needsSecret = false;
    SecretError secretError = SecretError::None;
    QList<Organization> orgs;
    std::unique_ptr<AtlasSession> session;
};

} // namespace

class TestSessionOpener : public QObject
{
    Q_OBJECT

    // Runs start(opener) and waits for finished(); the opener deletes itself afterwards.
    template <typename Start>
    Outcome run(SessionOpener *opener, Start start, int timeoutMs = 20000)
    {
        auto out = std::make_shared<Outcome>();
        bool inside = true;
        connect(opener, &SessionOpener::finished, this, [out, opener, &inside] {
            out->finished = true;
            out->finishedInsideCall = inside;
            out->ok = opener->succeeded();
            out->error = opener->error();
            out->needsSecret = opener->needsSecret();
            out->secretError = opener->secretError();
            out->orgs = opener->organizations();
            out->session.reset(opener->takeSession());
        });
        start(opener);
        inside = false;
        (void)QTest::qWaitFor([out] { return out->finished; }, timeoutMs);
        return std::move(*out);
    }

    Profile profileFor(AuthMode mode, const QString &name)
    {
        Profile p;
        p.name = name;
        p.baseUrl = m_sim->baseUrl();
        p.authMode = mode;
        p.publicId =
            mode == AuthMode::ApiKey ? QString::fromLatin1(kApiKeyPublic) : QString::fromLatin1(kClientId);
        return p;
    }

    // A profile saved with its secret in the fake keychain.
    Profile saved(AuthMode mode, const QString &name, const QByteArray &secret)
    {
        Profile stored;
        bool done = false;
        CredentialJob *job = m_manager->save(profileFor(mode, name), SecretBuffer(QByteArray(secret)));
        connect(job, &CredentialJob::finished, this, [&, j = job] {
            done = true;
            if (j->succeeded())
                stored = j->profile();
            else
                qWarning("save failed: %s", qPrintable(j->error().toString()));
        });
        (void)QTest::qWaitFor([&done] { return done; }, 5000);
        return stored;
    }

    QByteArray settingsFileBytes() const
    {
        m_qsettings->sync();
        QFile f(m_settingsPath);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u".config"_s)));
        test::prepareTestEnvironment();
        m_sim = std::make_unique<SimProcess>();
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
    }

    void init()
    {
        m_settingsPath = m_home.filePath(u"settings-%1.ini"_s.arg(++m_run));
        m_qsettings = std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(m_qsettings.get());
        m_store = std::make_unique<ProfileStore>(m_settings.get());
        m_keychain =
            std::make_unique<MemorySecretStore>(u"io.github.atlasaikeys.AtlasAiKeys.tst_sessionopener"_s);
        m_manager = std::make_unique<CredentialManager>(m_store.get(), m_keychain.get(), m_settings.get());
    }

    void cleanup()
    {
        m_manager.reset();
        m_keychain.reset();
        m_store.reset();
        m_settings.reset();
        m_qsettings.reset();
    }

    void cleanupTestCase() { m_sim.reset(); }

    void configForNormalizesTheBaseUrl()
    {
        Profile p;
        p.baseUrl = QUrl(u"https://cloud.mongodbgov.com/"_s);
        QCOMPARE(SessionOpener::configFor(p).baseUrl, QUrl(u"https://cloud.mongodbgov.com"_s));
        p.baseUrl = QUrl(u"http://example.com"_s);
        QVERIFY(!SessionOpener::configFor(p).baseUrl.isValid());
    }

    void opensWithStoredSecret_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QByteArray>("secret");
        QTest::newRow("api key") << int(AuthMode::ApiKey) << QByteArray(kApiKeyPrivate);
        QTest::newRow("service account") << int(AuthMode::ServiceAccount) << QByteArray(kClientSecret);
    }
    void opensWithStoredSecret()
    {
        QFETCH(int, mode);
        QFETCH(QByteArray, secret);
        const Profile profile = saved(AuthMode(mode), u"Sim"_s, secret);
        QVERIFY(!profile.id.isNull());
        QVERIFY(m_settings->lastProfileId().isNull());

        QPointer<SessionOpener> opener = new SessionOpener(m_manager.get());
        QVERIFY(opener->verify());
        Outcome out = run(opener, [&profile](SessionOpener *o) { o->open(profile); });
        QVERIFY(out.finished);
        QVERIFY2(!out.finishedInsideCall, "finished() must come from the event loop");
        QVERIFY2(out.ok, qPrintable(out.error.toString()));
        QVERIFY(!out.needsSecret);
        QVERIFY(out.session);
        QVERIFY(!out.orgs.isEmpty());
        QCOMPARE(out.session->authMode(), AuthMode(mode));
        QCOMPARE(out.session->config().baseUrl, m_sim->baseUrl().adjusted(QUrl::StripTrailingSlash));
        // Recorded as the last used profile, in settings, for the next run.
        QCOMPARE(m_settings->lastProfileId(), profile.id);
        // The opener deletes itself once finished.
        QTRY_VERIFY(opener.isNull());

        // The session works on its own.
        AtlasClient client(out.session.get());
        auto *projects = client.listAllProjects();
        QSignalSpy spy(projects, &Job::finished);
        bool ok = false;
        connect(projects, &Job::finished, this, [&ok, projects] { ok = projects->succeeded(); });
        QVERIFY(spy.wait(20000));
        QVERIFY(ok);

        QSignalSpy signedOut(out.session.get(), &AtlasSession::signedOut);
        out.session->signOut();
        QVERIFY(signedOut.count() == 1 || signedOut.wait(10000));
    }

    void wrongSecretIsWrongCredentials_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("api key") << int(AuthMode::ApiKey);
        QTest::newRow("service account") << int(AuthMode::ServiceAccount);
    }
    void wrongSecretIsWrongCredentials()
    {
        QFETCH(int, mode);
        const Profile profile = saved(AuthMode(mode), u"Wrong"_s, "not-the-secret");
        QVERIFY(!profile.id.isNull());
        auto *opener = new SessionOpener(m_manager.get());
        Outcome out = run(opener, [&profile](SessionOpener *o) { o->open(profile); });
        QVERIFY(out.finished);
        QVERIFY(!out.ok);
        QCOMPARE(out.error.kind(), ApiError::Kind::WrongCredentials);
        QVERIFY(!out.error.hint().isEmpty());
        QVERIFY(!out.needsSecret);
        QVERIFY(!out.session);
        QVERIFY(out.orgs.isEmpty());
        // A failed sign-in is not remembered.
        QVERIFY(m_settings->lastProfileId().isNull());
    }

    void withoutVerificationNothingIsSent()
    {
        // Nothing listens behind this server's accept queue: a request would show up as a connection.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        Profile profile = saved(AuthMode::ApiKey, u"Quiet"_s, "anything");
        profile.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
        auto *opener = new SessionOpener(m_manager.get());
        opener->setVerify(false);
        Outcome out = run(opener, [&profile](SessionOpener *o) { o->open(profile); });
        QVERIFY2(out.ok, qPrintable(out.error.toString()));
        QVERIFY(out.session);
        QVERIFY(out.orgs.isEmpty());
        // A negative check: no connection may come; the loop spins a moment for a late one to show.
        QTest::qWait(50);
        QVERIFY(!server.hasPendingConnections());
    }

    void noStoredSecretNeedsSecret()
    {
        // An imported profile whose secret is still to be entered.
        Profile profile;
        bool done = false;
        CredentialJob *job = m_manager->save(profileFor(AuthMode::ApiKey, u"No secret"_s), SecretBuffer());
        connect(job, &CredentialJob::finished, this, [&, j = job] {
            done = true;
            profile = j->profile();
        });
        QTRY_VERIFY(done);
        QVERIFY(!profile.id.isNull());

        auto *opener = new SessionOpener(m_manager.get());
        Outcome out = run(opener, [&profile](SessionOpener *o) { o->open(profile); });
        QVERIFY(!out.ok);
        QVERIFY(out.needsSecret);
        QCOMPARE(out.secretError, SecretError::NotFound);
        QCOMPARE(out.error.kind(), ApiError::Kind::Keychain);
        QVERIFY2(out.error.message().contains(u"No private key is stored"_s),
                 qPrintable(out.error.message()));
        QVERIFY(!out.session);
    }

    void unsavedProfileNeedsSecret()
    {
        auto *opener = new SessionOpener(m_manager.get());
        const Profile profile = profileFor(AuthMode::ServiceAccount, u"Unsaved"_s);
        Outcome out = run(opener, [&profile](SessionOpener *o) { o->open(profile); });
        QVERIFY(!out.ok);
        QVERIFY(out.needsSecret);
        QCOMPARE(m_keychain->operationCount(SecretJob::Operation::Read), 0);
    }

    void authModeChangedNeedsSecret()
    {
        Profile profile = saved(AuthMode::ApiKey, u"Changed"_s, kApiKeyPrivate);
        profile.authMode = AuthMode::ServiceAccount;
        profile.publicId = QString::fromLatin1(kClientId);
        auto *opener = new SessionOpener(m_manager.get());
        Outcome out = run(opener, [&profile](SessionOpener *o) { o->open(profile); });
        QVERIFY(!out.ok);
        QVERIFY(out.needsSecret);
        QVERIFY2(out.error.message().contains(u"private key does not work"_s),
                 qPrintable(out.error.message()));
    }

    void keychainFailureNeedsSecret_data()
    {
        QTest::addColumn<int>("failure");
        QTest::addColumn<QString>("words");
        QTest::newRow("no backend") << int(SecretError::NoBackend) << u"no keychain service is available"_s;
        QTest::newRow("access denied") << int(SecretError::AccessDenied) << u"access was denied"_s;
        QTest::newRow("timed out") << int(SecretError::TimedOut) << u"did not answer"_s;
    }
    void keychainFailureNeedsSecret()
    {
        QFETCH(int, failure);
        QFETCH(QString, words);
        const Profile profile = saved(AuthMode::ApiKey, u"Locked out"_s, kApiKeyPrivate);
        m_keychain->setFailure(SecretJob::Operation::Read, SecretError(failure), u"injected by the test"_s);
        auto *opener = new SessionOpener(m_manager.get());
        Outcome out = run(opener, [&profile](SessionOpener *o) { o->open(profile); });
        QVERIFY(!out.ok);
        QVERIFY(out.needsSecret);
        QCOMPARE(out.secretError, SecretError(failure));
        QCOMPARE(out.error.kind(), ApiError::Kind::Keychain);
        // What happened, in the keychain's words, and what to do about it.
        QVERIFY2(out.error.message().contains(words, Qt::CaseInsensitive), qPrintable(out.error.message()));
        QVERIFY2(!out.error.hint().isEmpty(), qPrintable(out.error.toString()));
        QVERIFY(!out.session);
        QVERIFY(m_settings->lastProfileId().isNull());
    }

    void sessionOnlyOpenWith()
    {
        // A profile that exists nowhere, with a secret typed now: nothing is read or written.
        const Profile profile = profileFor(AuthMode::ServiceAccount, u"Just now"_s);
        auto *opener = new SessionOpener(m_manager.get());
        Outcome out = run(opener, [&profile](SessionOpener *o) {
            o->openWith(profile, Credentials{AuthMode::ServiceAccount, QString::fromLatin1(kClientId),
                                             SecretBuffer(QByteArray(kClientSecret))});
        });
        QVERIFY2(!out.finishedInsideCall, "finished() must come from the event loop");
        QVERIFY2(out.ok, qPrintable(out.error.toString()));
        QVERIFY(out.session);
        QVERIFY(!out.orgs.isEmpty());
        QCOMPARE(m_keychain->count(), 0);
        QCOMPARE(m_keychain->operationCount(SecretJob::Operation::Read), 0);
        QCOMPARE(m_keychain->operationCount(SecretJob::Operation::Write), 0);
        QVERIFY(!settingsFileBytes().contains(kClientSecret));
        QVERIFY(test::filesContaining(m_home.path(), kClientSecret).isEmpty());
        QVERIFY(m_settings->lastProfileId().isNull());

        // A wrong typed secret is reported like a stored one.
        auto *second = new SessionOpener(m_manager.get());
        Outcome wrong = run(second, [&profile](SessionOpener *o) {
            o->openWith(profile, Credentials{AuthMode::ServiceAccount, QString::fromLatin1(kClientId),
                                             SecretBuffer(QByteArray("mdb_sa_sk_wrong"))});
        });
        QCOMPARE(wrong.error.kind(), ApiError::Kind::WrongCredentials);

        // No secret at all: ask for it.
        auto *third = new SessionOpener(nullptr);
        Outcome none = run(third, [&profile](SessionOpener *o) { o->openWith(profile, Credentials{}); });
        QVERIFY(none.needsSecret);
    }

    void sessionOnlyProfileOfTheManager()
    {
        // Saved for this session only (no keychain): open() reads it from memory.
        Profile profile;
        bool done = false;
        CredentialJob *job = m_manager->save(profileFor(AuthMode::ApiKey, u"Memory"_s),
                                             SecretBuffer(QByteArray(kApiKeyPrivate)),
                                             CredentialManager::Storage::SessionOnly);
        connect(job, &CredentialJob::finished, this, [&, j = job] {
            done = true;
            profile = j->profile();
        });
        QTRY_VERIFY(done);
        QVERIFY(profile.sessionOnly);
        auto *opener = new SessionOpener(m_manager.get());
        Outcome out = run(opener, [&profile](SessionOpener *o) { o->open(profile); });
        QVERIFY2(out.ok, qPrintable(out.error.toString()));
        QCOMPARE(m_keychain->operationCount(SecretJob::Operation::Read), 0);
        // Session-only profiles do not exist in the next run: not remembered.
        QVERIFY(m_settings->lastProfileId().isNull());
    }

    void badBaseUrlSendsNothing_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("words");
        QTest::newRow("plain http to another host") << u"http://remote.example.com"_s << u"http://"_s;
        QTest::newRow("query") << u"http://127.0.0.1:%1/?x=1"_s << u"query"_s;
        QTest::newRow("user info") << u"http://someone:pw@127.0.0.1:%1"_s << u"user name"_s;
        QTest::newRow("ftp") << u"ftp://127.0.0.1:%1"_s << u"https://"_s;
    }
    void badBaseUrlSendsNothing()
    {
        QFETCH(QString, url);
        QFETCH(QString, words);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        Profile profile = saved(AuthMode::ApiKey, u"Bad URL"_s, kApiKeyPrivate);
        profile.baseUrl = QUrl(url.contains(u"%1"_s) ? url.arg(server.serverPort()) : url);
        const int readsBefore = m_keychain->operationCount(SecretJob::Operation::Read);

        for (bool typed : {false, true}) {
            auto *opener = new SessionOpener(m_manager.get());
            Outcome out = run(opener, [&profile, typed](SessionOpener *o) {
                if (typed)
                    o->openWith(profile, Credentials{AuthMode::ApiKey, QString::fromLatin1(kApiKeyPublic),
                                                     SecretBuffer(QByteArray(kApiKeyPrivate))});
                else
                    o->open(profile);
            });
            QVERIFY(out.finished);
            QVERIFY(!out.finishedInsideCall);
            QVERIFY(!out.ok);
            QCOMPARE(out.error.kind(), ApiError::Kind::InvalidInput);
            QVERIFY2(out.error.message().contains(words), qPrintable(out.error.message()));
            QVERIFY(!out.needsSecret);
            QVERIFY(!out.session);
        }
        // Refused before the keychain was even asked, and before any connection.
        QCOMPARE(m_keychain->operationCount(SecretJob::Operation::Read), readsBefore);
        // A negative check, as above: no connection may come.
        QTest::qWait(50);
        QVERIFY(!server.hasPendingConnections());
    }

    void cancelWhileVerifying()
    {
        SimProcess slow({u"--latency-ms"_s, u"3000"_s});
        QVERIFY2(slow.start(), qPrintable(slow.errorString()));
        Profile profile = profileFor(AuthMode::ApiKey, u"Slow"_s);
        profile.baseUrl = slow.baseUrl();
        auto *opener = new SessionOpener(m_manager.get());
        QElapsedTimer timer;
        timer.start();
        Outcome out = run(opener, [&profile](SessionOpener *o) {
            o->openWith(profile, Credentials{AuthMode::ApiKey, QString::fromLatin1(kApiKeyPublic),
                                             SecretBuffer(QByteArray(kApiKeyPrivate))});
            QTimer::singleShot(200, o, &SessionOpener::cancel);
        });
        QVERIFY(out.finished);
        QCOMPARE(out.error.kind(), ApiError::Kind::Canceled);
        QVERIFY(!out.session);
        QVERIFY2(timer.elapsed() < 2500, "cancel() must not wait for the answer");
    }

private:
    QTemporaryDir m_home;
    QString m_settingsPath;
    int m_run = 0;
    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_keychain;
    std::unique_ptr<CredentialManager> m_manager;
};

QTEST_GUILESS_MAIN(TestSessionOpener)
#include "tst_sessionopener.moc"
