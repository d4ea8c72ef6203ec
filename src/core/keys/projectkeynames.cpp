#include "keys/projectkeynames.h"

namespace aikeys {

bool ProjectKeyNames::wasFree(const QString &projectId, const QString &name) const
{
    const auto known = m_names.constFind(projectId);
    return known != m_names.cend() && !known->contains(name);
}

void ProjectKeyNames::setProject(const QString &projectId, const QList<AiKey> &keys)
{
    QStringList names;
    names.reserve(keys.size());
    for (const AiKey &key : keys)
        names.append(key.name);
    m_names.insert(projectId, names);
}

void ProjectKeyNames::remember(const QList<AiKey> &keys, const QStringList &coveredProjects)
{
    QHash<QString, QStringList> names;
    for (const AiKey &key : keys)
        names[key.groupId].append(key.name);
    for (const QString &projectId : coveredProjects)
        m_names.insert(projectId, names.value(projectId));
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        m_names.insert(it.key(), it.value());
}

void ProjectKeyNames::renamed(const AiKey &before, const AiKey &after)
{
    QStringList &names = m_names[after.groupId];
    names.removeAll(before.name);
    names.append(after.name);
}

} // namespace aikeys
