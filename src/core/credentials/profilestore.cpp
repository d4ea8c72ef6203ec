#include "credentials/profilestore.h"

#include "logging.h"
#include "settings.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace aikeys {

ProfileStore::ProfileStore(Settings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    Q_ASSERT(settings);
    m_profiles = m_settings->profiles();
}

ProfileStore::~ProfileStore() = default;

int ProfileStore::indexOf(const QUuid &id) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return i;
    }
    return -1;
}

int ProfileStore::indexOfName(const QString &name) const
{
    const QString wanted = name.trimmed();
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name.trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

std::optional<Profile> ProfileStore::find(const QUuid &id) const
{
    const int i = indexOf(id);
    return i < 0 ? std::nullopt : std::optional<Profile>(m_profiles.at(i));
}

std::optional<Profile> ProfileStore::findByName(const QString &name) const
{
    const int i = indexOfName(name);
    return i < 0 ? std::nullopt : std::optional<Profile>(m_profiles.at(i));
}

ProfileIssues ProfileStore::validate(const Profile &profile) const
{
    ProfileIssues issues = profile.validate();
    const int other = indexOfName(profile.name);
    if (!profile.name.trimmed().isEmpty() && other >= 0 && m_profiles.at(other).id != profile.id)
        issues.prepend(
            {ProfileIssue::Field::Name, tr("A profile named \"%1\" already exists: choose another name.")
                                            .arg(m_profiles.at(other).name)});
    return issues;
}

Result<Profile> ProfileStore::check(const Profile &normalized) const
{
    const ProfileIssues issues = validate(normalized);
    if (!issues.isEmpty())
        return Result<Profile>::failure(issuesToString(issues));
    return Result<Profile>(normalized);
}

Result<Profile> ProfileStore::add(Profile profile)
{
    if (profile.id.isNull())
        profile.id = QUuid::createUuid();
    if (contains(profile.id))
        return Result<Profile>::failure(tr("A profile with this id already exists."));
    Result<Profile> checked = check(profile.normalized());
    if (!checked)
        return checked;
    m_profiles.append(checked.value());
    if (!checked.value().sessionOnly)
        save();
    qCInfo(lcCredentials).noquote() << "Profile added:" << checked.value().name
                                    << profileIdString(checked.value().id)
                                    << (checked.value().sessionOnly ? "(this session only)" : "");
    Q_EMIT profileAdded(checked.value().id);
    Q_EMIT changed();
    return checked;
}

Result<Profile> ProfileStore::update(Profile profile)
{
    const int i = indexOf(profile.id);
    if (i < 0)
        return Result<Profile>::failure(tr("There is no such profile: it may have been removed."));
    Result<Profile> checked = check(profile.normalized());
    if (!checked)
        return checked;
    const Profile old = m_profiles.at(i);
    if (old == checked.value())
        return checked;
    m_profiles[i] = checked.value();
    // Also when it becomes session-only: it must then disappear from settings.
    if (!old.sessionOnly || !checked.value().sessionOnly)
        save();
    if (old.name != checked.value().name)
        qCInfo(lcCredentials).noquote()
            << "Profile renamed:" << old.name << "->" << checked.value().name << profileIdString(profile.id);
    else
        qCInfo(lcCredentials).noquote()
            << "Profile updated:" << checked.value().name << profileIdString(profile.id);
    Q_EMIT profileUpdated(profile.id);
    Q_EMIT changed();
    return checked;
}

Result<Profile> ProfileStore::rename(const QUuid &id, const QString &newName)
{
    std::optional<Profile> p = find(id);
    if (!p)
        return Result<Profile>::failure(tr("There is no such profile: it may have been removed."));
    p->name = newName;
    return update(*p);
}

Result<Profile> ProfileStore::duplicate(const QUuid &id, const QString &newName)
{
    std::optional<Profile> p = find(id);
    if (!p)
        return Result<Profile>::failure(tr("There is no such profile: it may have been removed."));
    Profile copy = *p;
    copy.id = QUuid::createUuid();
    copy.name = newName.trimmed().isEmpty() ? uniqueName(tr("%1 (copy)").arg(p->name)) : newName;
    return add(copy);
}

bool ProfileStore::remove(const QUuid &id)
{
    const int i = indexOf(id);
    if (i < 0)
        return false;
    const Profile old = m_profiles.takeAt(i);
    if (!old.sessionOnly)
        save();
    if (m_settings->lastProfileId() == id)
        m_settings->setLastProfileId({});
    if (m_settings->defaultProfileId() == id)
        m_settings->setDefaultProfileId({});
    qCInfo(lcCredentials).noquote() << "Profile removed:" << old.name << profileIdString(id);
    Q_EMIT profileRemoved(id);
    Q_EMIT changed();
    return true;
}

QString ProfileStore::uniqueName(const QString &base) const
{
    const QString trimmed = base.trimmed().left(Profile::kNameMaxLength);
    if (indexOfName(trimmed) < 0)
        return trimmed;
    for (int n = 2;; ++n) {
        const QString suffix = u" (%1)"_s.arg(n);
        const QString candidate = trimmed.left(Profile::kNameMaxLength - suffix.size()).trimmed() + suffix;
        if (indexOfName(candidate) < 0)
            return candidate;
    }
}

void ProfileStore::reload()
{
    QList<Profile> fresh = m_settings->profiles();
    for (const Profile &p : std::as_const(m_profiles)) {
        if (p.sessionOnly)
            fresh.append(p);
    }
    m_profiles = fresh;
    Q_EMIT changed();
}

bool ProfileStore::save()
{
    m_settings->setProfiles(m_profiles);
    return m_settings->sync();
}

} // namespace aikeys
