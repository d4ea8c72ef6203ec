#include "settings.h"

#include "credentials/profile.h"
#include "logging.h"

#include <QSet>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
// Profile fields in settings. None of them is secret: the secret's place is the keychain entry
// "<application id>/<id>/<kind>", which the id and the auth mode are enough to name.
constexpr auto kProfileId = "id";
constexpr auto kProfileName = "name";
constexpr auto kProfileBaseUrl = "baseUrl";
constexpr auto kProfileAuthMode = "authMode";
constexpr auto kProfilePublicId = "publicId";
constexpr auto kProfileOrgId = "orgId";
constexpr auto kProfileProjectId = "projectId";

QString key(const char *latin1)
{
    return QString::fromLatin1(latin1);
}
} // namespace

const QList<Settings::Entry> &Settings::table()
{
    static const QList<Entry> entries{
        {Key::Profiles, u"profiles"_s, {}},
        {Key::LastProfileId, u"session/lastProfileId"_s, {}},
        {Key::DefaultProfileId, u"session/defaultProfileId"_s, {}},
        {Key::ClipboardClearSeconds, u"security/clipboardClearSeconds"_s, QVariant(30), 5, 600},
        {Key::AuditGraceDays, u"audit/graceDays"_s, QVariant(7), 0, 365},
        {Key::AuditStaleDays, u"audit/staleDays"_s, QVariant(90), 1, 3650},
        {Key::RotationIdleHours, u"rotation/idleHours"_s, QVariant(24), 1, 8760},
        {Key::WindowGeometry, u"window/geometry"_s, {}},
        {Key::WindowState, u"window/state"_s, {}},
        {Key::KeyTableHeaderState, u"window/keyTableHeaderState"_s, {}},
        {Key::ThemeFollowsSystem, u"appearance/themeFollowsSystem"_s, QVariant(true)},
    };
    return entries;
}

const Settings::Entry &Settings::entry(Key key)
{
    const QList<Entry> &entries = table();
    for (const Entry &e : entries) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
    return entries.first();
}

Settings::Settings()
    : m_owned(
          std::make_unique<QSettings>(QString::fromLatin1(kOrganization), QString::fromLatin1(kApplication)))
    , m_settings(m_owned.get())
{}

Settings::Settings(QSettings *settings)
    : m_settings(settings)
{
    Q_ASSERT(settings);
}

Settings::~Settings() = default;

bool Settings::sync()
{
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        qCWarning(lcCredentials) << "Settings could not be written to" << m_settings->fileName();
        return false;
    }
    return true;
}

QVariant Settings::value(Key k) const
{
    const Entry &e = entry(k);
    return m_settings->value(e.path, e.defaultValue);
}

void Settings::setValue(Key k, const QVariant &v)
{
    m_settings->setValue(entry(k).path, v);
}

void Settings::reset(Key k)
{
    m_settings->remove(entry(k).path);
}

int Settings::clamp(Key k, int v)
{
    const Entry &e = entry(k);
    Q_ASSERT(e.isInteger());
    return qBound(e.minimum, v, e.maximum);
}

int Settings::intValue(Key k) const
{
    const Entry &e = entry(k);
    bool ok = false;
    const int v = m_settings->value(e.path, e.defaultValue).toInt(&ok);
    // A hand-edited "abc" reads as the default, not as 0 clamped to the minimum.
    return ok ? clamp(k, v) : e.defaultValue.toInt();
}

void Settings::setIntValue(Key k, int v)
{
    setValue(k, clamp(k, v));
}

QUuid Settings::uuidValue(Key k) const
{
    return QUuid::fromString(value(k).toString());
}

QList<Profile> Settings::profiles() const
{
    QList<Profile> out;
    QSet<QUuid> seen;
    const int count = m_settings->beginReadArray(entry(Key::Profiles).path);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Profile p;
        p.id = QUuid::fromString(m_settings->value(key(kProfileId)).toString());
        const std::optional<AuthMode> mode =
            authModeFromId(m_settings->value(key(kProfileAuthMode)).toString());
        // Without a usable id or auth mode the entry cannot name its keychain entry: skip it rather
        // than invent one (which would orphan the real secret).
        if (p.id.isNull() || !mode || seen.contains(p.id)) {
            qCWarning(lcCredentials) << "Skipping unreadable profile entry" << i << "in settings";
            continue;
        }
        seen.insert(p.id);
        p.authMode = *mode;
        p.name = m_settings->value(key(kProfileName)).toString();
        p.baseUrl = QUrl(m_settings->value(key(kProfileBaseUrl)).toString(), QUrl::StrictMode);
        p.publicId = m_settings->value(key(kProfilePublicId)).toString();
        p.orgId = m_settings->value(key(kProfileOrgId)).toString();
        p.projectId = m_settings->value(key(kProfileProjectId)).toString();
        out.append(p);
    }
    m_settings->endArray();
    return out;
}

void Settings::setProfiles(const QList<Profile> &profiles)
{
    const QString path = entry(Key::Profiles).path;
    // Rewrite the whole array: a shorter list must not leave stale entries behind.
    m_settings->remove(path);
    m_settings->beginWriteArray(path);
    int i = 0;
    for (const Profile &p : profiles) {
        if (p.sessionOnly)
            continue;
        m_settings->setArrayIndex(i++);
        m_settings->setValue(key(kProfileId), profileIdString(p.id));
        m_settings->setValue(key(kProfileName), p.name);
        m_settings->setValue(key(kProfileBaseUrl), p.baseUrl.toString());
        m_settings->setValue(key(kProfileAuthMode), authModeId(p.authMode));
        m_settings->setValue(key(kProfilePublicId), p.publicId);
        m_settings->setValue(key(kProfileOrgId), p.orgId);
        m_settings->setValue(key(kProfileProjectId), p.projectId);
    }
    m_settings->endArray();
}

QUuid Settings::lastProfileId() const
{
    return uuidValue(Key::LastProfileId);
}

void Settings::setLastProfileId(const QUuid &id)
{
    if (id.isNull())
        reset(Key::LastProfileId);
    else
        setValue(Key::LastProfileId, profileIdString(id));
}

QUuid Settings::defaultProfileId() const
{
    return uuidValue(Key::DefaultProfileId);
}

void Settings::setDefaultProfileId(const QUuid &id)
{
    if (id.isNull())
        reset(Key::DefaultProfileId);
    else
        setValue(Key::DefaultProfileId, profileIdString(id));
}

int Settings::clipboardClearSeconds() const
{
    return intValue(Key::ClipboardClearSeconds);
}

void Settings::setClipboardClearSeconds(int seconds)
{
    setIntValue(Key::ClipboardClearSeconds, seconds);
}

int Settings::auditGraceDays() const
{
    return intValue(Key::AuditGraceDays);
}

void Settings::setAuditGraceDays(int days)
{
    setIntValue(Key::AuditGraceDays, days);
}

int Settings::auditStaleDays() const
{
    return intValue(Key::AuditStaleDays);
}

void Settings::setAuditStaleDays(int days)
{
    setIntValue(Key::AuditStaleDays, days);
}

int Settings::rotationIdleHours() const
{
    return intValue(Key::RotationIdleHours);
}

void Settings::setRotationIdleHours(int hours)
{
    setIntValue(Key::RotationIdleHours, hours);
}

QByteArray Settings::windowGeometry() const
{
    return value(Key::WindowGeometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    setValue(Key::WindowGeometry, geometry);
}

QByteArray Settings::windowState() const
{
    return value(Key::WindowState).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    setValue(Key::WindowState, state);
}

QByteArray Settings::keyTableHeaderState() const
{
    return value(Key::KeyTableHeaderState).toByteArray();
}

void Settings::setKeyTableHeaderState(const QByteArray &state)
{
    setValue(Key::KeyTableHeaderState, state);
}

bool Settings::themeFollowsSystem() const
{
    return value(Key::ThemeFollowsSystem).toBool();
}

void Settings::setThemeFollowsSystem(bool follow)
{
    setValue(Key::ThemeFollowsSystem, follow);
}

} // namespace aikeys
