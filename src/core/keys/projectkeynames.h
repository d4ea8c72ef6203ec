#pragma once

#include "domain/types.h"

#include <QHash>
#include <QStringList>

namespace aikeys {

// The names of each project's keys, for the projects whose whole list of keys was seen: what a new
// or changed name must not clash with, and how many keys a project has. A project that was never
// listed in full is not known here (an organization's listing covers all its projects, those without
// keys too).
class ProjectKeyNames
{
public:
    void clear() { m_names.clear(); }
    bool isKnown(const QString &projectId) const { return m_names.contains(projectId); }
    // Empty when the project is not known.
    QStringList names(const QString &projectId) const { return m_names.value(projectId); }
    const QHash<QString, QStringList> &all() const { return m_names; }
    // Whether name was free in a project seen in full: a duplicate-name answer to a create then most
    // likely means that an earlier attempt of that create got through.
    bool wasFree(const QString &projectId, const QString &name) const;

    // The whole list of a project's keys.
    void setProject(const QString &projectId, const QList<AiKey> &keys);
    // A listing's keys: every project in it, and each of coveredProjects (seen in full, with or without
    // keys).
    void remember(const QList<AiKey> &keys, const QStringList &coveredProjects);

    void added(const AiKey &key) { m_names[key.groupId].append(key.name); }
    void removed(const AiKey &key) { m_names[key.groupId].removeAll(key.name); }
    void renamed(const AiKey &before, const AiKey &after);

private:
    QHash<QString, QStringList> m_names;
};

} // namespace aikeys
