#include "credentials/profile.h"
#include "settings.h"
#include "testenv.h"

#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void tableIsComplete();
    void defaults();
    void boundsAreClamped_data();
    void boundsAreClamped();
    void unreadableValuesReadAsDefault();
    void roundTrip();
    void profilesRoundTrip();
    void sessionOnlyProfilesAreNotPersisted();
    void unreadableProfileEntriesAreSkipped();
    void shorterProfileListLeavesNothingBehind();
    void nullIdsRemoveTheKey();
    void noSecretLikeKeys();
    void applicationNames();

private:
    QString settingsPath() const { return m_dir.filePath(u"settings.ini"_s); }
    std::unique_ptr<QSettings> openSettings() const
    {
        return std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
    }
    static Profile sampleProfile(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
};

void TestSettings::initTestCase()
{
    test::prepareTestEnvironment();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestSettings::init()
{
    QFile::remove(settingsPath());
    m_qsettings = openSettings();
}

void TestSettings::cleanup()
{
    m_qsettings.reset();
}

Profile TestSettings::sampleProfile(const QString &name)
{
    Profile p;
    p.id = QUuid::createUuid();
    p.name = name;
    p.baseUrl = QUrl(u"https://cloud.mongodbgov.com"_s);
    p.authMode = AuthMode::ApiKey;
    p.publicId = u"abcdefgh"_s;
    p.orgId = u"5e2211c17a3e5a48f5497de3"_s;
    p.projectId = u"6f3322d28b4f6b59a6508ef4"_s;
    return p;
}

void TestSettings::tableIsComplete()
{
    const QList<Settings::Entry> &table = Settings::table();
    QSet<int> keys;
    QSet<QString> paths;
    for (const Settings::Entry &e : table) {
        QVERIFY2(!keys.contains(int(e.key)), "a key appears twice in the table");
        QVERIFY2(!paths.contains(e.path), qPrintable(e.path));
        keys.insert(int(e.key));
        paths.insert(e.path);
        if (e.isInteger()) {
            QVERIFY(e.minimum <= e.maximum);
            QVERIFY2(e.defaultValue.toInt() >= e.minimum && e.defaultValue.toInt() <= e.maximum,
                     qPrintable(e.path));
        }
    }
    // Every enumerator, first to last, has its row.
    for (int k = int(Settings::Key::Profiles); k <= int(Settings::Key::ThemeFollowsSystem); ++k)
        QVERIFY2(keys.contains(k), qPrintable(QString::number(k)));
    QCOMPARE(Settings::entry(Settings::Key::ClipboardClearSeconds).minimum, 5);
    QCOMPARE(Settings::entry(Settings::Key::ClipboardClearSeconds).maximum, 600);
}

void TestSettings::defaults()
{
    Settings s(m_qsettings.get());
    QCOMPARE(s.clipboardClearSeconds(), 30);
    QCOMPARE(s.auditGraceDays(), 7);
    QCOMPARE(s.auditStaleDays(), 90);
    QCOMPARE(s.rotationIdleHours(), 24);
    QCOMPARE(s.themeFollowsSystem(), true);
    QVERIFY(s.lastProfileId().isNull());
    QVERIFY(s.defaultProfileId().isNull());
    QVERIFY(s.windowGeometry().isEmpty());
    QVERIFY(s.windowState().isEmpty());
    QVERIFY(s.keyTableHeaderState().isEmpty());
    QVERIFY(s.profiles().isEmpty());
    // Reading defaults writes nothing.
    QVERIFY(m_qsettings->allKeys().isEmpty());
}

void TestSettings::boundsAreClamped_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("written");
    QTest::addColumn<int>("expected");
    const auto clip = int(Settings::Key::ClipboardClearSeconds);
    const auto grace = int(Settings::Key::AuditGraceDays);
    const auto stale = int(Settings::Key::AuditStaleDays);
    const auto idle = int(Settings::Key::RotationIdleHours);
    QTest::newRow("clipboard below") << clip << 1 << 5;
    QTest::newRow("clipboard min") << clip << 5 << 5;
    QTest::newRow("clipboard inside") << clip << 45 << 45;
    QTest::newRow("clipboard max") << clip << 600 << 600;
    QTest::newRow("clipboard above") << clip << 601 << 600;
    QTest::newRow("clipboard negative") << clip << -30 << 5;
    QTest::newRow("grace zero") << grace << 0 << 0;
    QTest::newRow("grace negative") << grace << -1 << 0;
    QTest::newRow("grace above") << grace << 1000 << 365;
    QTest::newRow("stale zero") << stale << 0 << 1;
    QTest::newRow("stale above") << stale << 100000 << 3650;
    QTest::newRow("idle zero") << idle << 0 << 1;
    QTest::newRow("idle above") << idle << 100000 << 8760;
}

void TestSettings::boundsAreClamped()
{
    QFETCH(int, key);
    QFETCH(int, written);
    QFETCH(int, expected);
    const auto k = Settings::Key(key);
    {
        Settings s(m_qsettings.get());
        s.setIntValue(k, written);
        QCOMPARE(s.intValue(k), expected);
        s.sync();
    }
    // Also a value written behind the wrapper's back (a hand-edited file) reads clamped.
    m_qsettings->setValue(Settings::entry(k).path, written);
    Settings s(m_qsettings.get());
    QCOMPARE(s.intValue(k), expected);
}

void TestSettings::unreadableValuesReadAsDefault()
{
    m_qsettings->setValue(Settings::entry(Settings::Key::ClipboardClearSeconds).path, u"soon"_s);
    m_qsettings->setValue(Settings::entry(Settings::Key::LastProfileId).path, u"not-a-uuid"_s);
    Settings s(m_qsettings.get());
    QCOMPARE(s.clipboardClearSeconds(), 30);
    QVERIFY(s.lastProfileId().isNull());
}

void TestSettings::roundTrip()
{
    const QUuid last = QUuid::createUuid();
    const QUuid def = QUuid::createUuid();
    const QByteArray geometry("\x01\x02\x00\xffgeometry", 12);
    {
        Settings s(m_qsettings.get());
        s.setClipboardClearSeconds(120);
        s.setAuditGraceDays(3);
        s.setAuditStaleDays(30);
        s.setRotationIdleHours(48);
        s.setThemeFollowsSystem(false);
        s.setLastProfileId(last);
        s.setDefaultProfileId(def);
        s.setWindowGeometry(geometry);
        s.setWindowState("state");
        s.setKeyTableHeaderState("header");
        QVERIFY(s.sync());
    }
    m_qsettings.reset();
    auto reopened = openSettings();
    Settings s(reopened.get());
    QCOMPARE(s.clipboardClearSeconds(), 120);
    QCOMPARE(s.auditGraceDays(), 3);
    QCOMPARE(s.auditStaleDays(), 30);
    QCOMPARE(s.rotationIdleHours(), 48);
    QCOMPARE(s.themeFollowsSystem(), false);
    QCOMPARE(s.lastProfileId(), last);
    QCOMPARE(s.defaultProfileId(), def);
    QCOMPARE(s.windowGeometry(), geometry);
    QCOMPARE(s.windowState(), QByteArray("state"));
    QCOMPARE(s.keyTableHeaderState(), QByteArray("header"));

    s.reset(Settings::Key::ClipboardClearSeconds);
    QCOMPARE(s.clipboardClearSeconds(), 30);
}

void TestSettings::profilesRoundTrip()
{
    Profile a = sampleProfile(u"Gov – Produktion ✓"_s);
    Profile b;
    b.id = QUuid::createUuid();
    b.name = u"token"_s;
    b.authMode = AuthMode::AccessToken;
    b.baseUrl = QUrl(u"http://127.0.0.1:8080"_s);
    {
        Settings s(m_qsettings.get());
        s.setProfiles({a, b});
        QVERIFY(s.sync());
    }
    m_qsettings.reset();
    auto reopened = openSettings();
    Settings s(reopened.get());
    const QList<Profile> read = s.profiles();
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(0), a);
    QCOMPARE(read.at(1), b);
    QVERIFY(read.at(1).publicId.isEmpty());
}

void TestSettings::sessionOnlyProfilesAreNotPersisted()
{
    Profile kept = sampleProfile(u"kept"_s);
    Profile session = sampleProfile(u"demo"_s);
    session.sessionOnly = true;
    Settings s(m_qsettings.get());
    s.setProfiles({kept, session});
    s.sync();
    const QList<Profile> read = s.profiles();
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.first().id, kept.id);
    QFile f(settingsPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains(profileIdString(session.id).toUtf8()));
}

void TestSettings::unreadableProfileEntriesAreSkipped()
{
    const Profile good = sampleProfile(u"good"_s);
    m_qsettings->beginWriteArray(u"profiles"_s);
    m_qsettings->setArrayIndex(0);
    m_qsettings->setValue(u"id"_s, u"garbage"_s);
    m_qsettings->setValue(u"name"_s, u"no id"_s);
    m_qsettings->setValue(u"authMode"_s, u"api-key"_s);
    m_qsettings->setArrayIndex(1);
    m_qsettings->setValue(u"id"_s, profileIdString(good.id));
    m_qsettings->setValue(u"name"_s, u"bad mode"_s);
    m_qsettings->setValue(u"authMode"_s, u"telepathy"_s);
    m_qsettings->setArrayIndex(2);
    m_qsettings->setValue(u"id"_s, profileIdString(good.id));
    m_qsettings->setValue(u"name"_s, good.name);
    m_qsettings->setValue(u"authMode"_s, u"api-key"_s);
    m_qsettings->setValue(u"baseUrl"_s, good.baseUrl.toString());
    m_qsettings->setValue(u"publicId"_s, good.publicId);
    m_qsettings->setValue(u"orgId"_s, good.orgId);
    m_qsettings->setValue(u"projectId"_s, good.projectId);
    m_qsettings->endArray();
    Settings s(m_qsettings.get());
    const QList<Profile> read = s.profiles();
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.first(), good);
}

void TestSettings::shorterProfileListLeavesNothingBehind()
{
    Settings s(m_qsettings.get());
    s.setProfiles({sampleProfile(u"a"_s), sampleProfile(u"b"_s), sampleProfile(u"c"_s)});
    const Profile only = sampleProfile(u"only"_s);
    s.setProfiles({only});
    s.sync();
    QCOMPARE(s.profiles().size(), 1);
    const QStringList keys = m_qsettings->allKeys();
    for (const QString &k : keys)
        QVERIFY2(!k.startsWith(u"profiles/2/"_s) && !k.startsWith(u"profiles/3/"_s), qPrintable(k));
}

void TestSettings::nullIdsRemoveTheKey()
{
    Settings s(m_qsettings.get());
    s.setLastProfileId(QUuid::createUuid());
    QVERIFY(m_qsettings->contains(Settings::entry(Settings::Key::LastProfileId).path));
    s.setLastProfileId({});
    QVERIFY(!m_qsettings->contains(Settings::entry(Settings::Key::LastProfileId).path));
}

void TestSettings::noSecretLikeKeys()
{
    // Every key the wrapper can write, written, then every key in the file looked at.
    Settings s(m_qsettings.get());
    Profile sa = sampleProfile(u"sa"_s);
    sa.authMode = AuthMode::ServiceAccount;
    sa.publicId = u"mdb_sa_id_1234"_s;
    s.setProfiles({sa, sampleProfile(u"key"_s)});
    s.setLastProfileId(sa.id);
    s.setDefaultProfileId(sa.id);
    for (const Settings::Entry &e : Settings::table()) {
        if (e.isInteger())
            s.setIntValue(e.key, e.defaultValue.toInt());
    }
    s.setWindowGeometry("g");
    s.setWindowState("s");
    s.setKeyTableHeaderState("h");
    s.setThemeFollowsSystem(true);
    QVERIFY(s.sync());

    const QRegularExpression secretLike(u"secret|password|passwd|private|token|credential|bearer"_s,
                                        QRegularExpression::CaseInsensitiveOption);
    const QStringList keys = m_qsettings->allKeys();
    QVERIFY(keys.size() > 10);
    for (const QString &k : keys)
        QVERIFY2(!secretLike.match(k).hasMatch(), qPrintable(k));
    for (const Settings::Entry &e : Settings::table())
        QVERIFY2(!secretLike.match(e.path).hasMatch(), qPrintable(e.path));
}

void TestSettings::applicationNames()
{
    QCOMPARE(QString::fromLatin1(Settings::kOrganization), u"AtlasAiKeys"_s);
    QCOMPARE(QString::fromLatin1(Settings::kApplication), u"atlas-ai-keys"_s);
    QCOMPARE(QString::fromLatin1(Settings::kAppId), u"io.github.atlasaikeys.AtlasAiKeys"_s);
    // Only names are read here: nothing is written through the app's own settings in a test.
    Settings s;
    QCOMPARE(s.backend()->organizationName(), u"AtlasAiKeys"_s);
    QCOMPARE(s.backend()->applicationName(), u"atlas-ai-keys"_s);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
