#pragma once

#include "model.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <memory>
#include <vector>

namespace aikeys::sim {

// Everything the simulated Atlas knows, with the indexes that keep every list answer O(page):
// keys in creation order per project and per organization, and lookups by id and by secret hash.
class Store
{
public:
    Store() = default;
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // Building (datasets, seed and state files). These return false with a message on bad data.
    bool addModelGroup(const ModelGroup &group, QString *error);
    bool addOrganization(const Organization &org, QString *error);
    bool addProject(const Project &project, QString *error);
    bool setOrgCeiling(const QString &orgId, const QString &group, RateLimitValue value, QString *error);
    bool setProjectOverride(const QString &groupId, const QString &group, RateLimitValue value,
                            QString *error);
    // Room for this many keys, so that loading 20,000 of them does not rehash all the way up.
    void reserveKeys(qsizetype count) { m_keys.reserve(count); }
    // Takes the key as it is (id, times, hash); fills orgId. Ids and names must be unique.
    bool insertKey(AiKey key, QString *error);

    // Where keys and limits say they can be reached ("127.0.0.1:PORT"); known once listening.
    void setEndpoint(const QString &endpoint);
    QString endpoint() const { return m_endpoint; }

    const QList<Organization *> &organizations() const { return m_orgList; }
    const Organization *organization(const QString &id) const { return m_orgs.value(id); }
    const QList<Project *> &projects() const { return m_projectList; }
    const Project *project(const QString &id) const { return m_projects.value(id); }
    const QList<Project *> &projectsOfOrg(const QString &orgId) const;

    const QList<AiKey *> &keysOfProject(const QString &groupId) const;
    const QList<AiKey *> &keysOfOrg(const QString &orgId) const;
    int keyCount() const { return int(m_keys.size()); }
    AiKey *key(const QString &apiKeyId) const { return m_keys.value(apiKeyId); }
    AiKey *keyBySecretHash(const QByteArray &sha256) const { return m_keysBySecret.value(sha256); }
    bool nameTaken(const QString &groupId, const QString &name, const AiKey *except = nullptr) const;
    bool keyIdTaken(const QString &apiKeyId) const { return m_keys.contains(apiKeyId); }

    const QList<ModelGroup> &modelGroups() const { return m_modelGroups; }
    const ModelGroup *modelGroup(const QString &name) const;
    RateLimitValue orgCeiling(const QString &orgId, const ModelGroup &group) const;
    // The default a project returns to on reset: the group default, capped by the org ceiling.
    RateLimitValue projectDefault(const QString &orgId, const ModelGroup &group) const;
    RateLimitValue projectLimit(const Project &project, const ModelGroup &group) const;

    // Mutations made by API calls; each one reports a change so the state file can follow.
    AiKey *createKey(AiKey key);
    void renameKey(AiKey *key, const QString &name);
    void deleteKey(AiKey *key);
    void markUsed(AiKey *key, Micros when);
    void setProjectLimit(const QString &groupId, const QString &group, RateLimitValue value);
    void resetProjectLimit(const QString &groupId, const QString &group);
    void resetProjectLimits(const QString &groupId);

    void setChangeListener(std::function<void()> listener) { m_changed = std::move(listener); }

    // The whole dataset in the seed-file format, without principals and with secret hashes only.
    QJsonObject toStateJson() const;

private:
    void changed();

    std::vector<std::unique_ptr<Organization>> m_orgStorage;
    std::vector<std::unique_ptr<Project>> m_projectStorage;
    QHash<QString, Organization *> m_orgs;
    QList<Organization *> m_orgList;
    QHash<QString, Project *> m_projects;
    QList<Project *> m_projectList;
    QHash<QString, QList<Project *>> m_projectsByOrg;

    QHash<QString, AiKey *> m_keys; // owning
    QHash<QString, QList<AiKey *>> m_keysByProject;
    QHash<QString, QList<AiKey *>> m_keysByOrg;
    QHash<QByteArray, AiKey *> m_keysBySecret;

    QList<ModelGroup> m_modelGroups;
    QHash<QString, QHash<QString, RateLimitValue>> m_orgCeilings;      // orgId -> group -> ceiling
    QHash<QString, QHash<QString, RateLimitValue>> m_projectOverrides; // groupId -> group -> limit

    QString m_endpoint;
    std::function<void()> m_changed;
};

} // namespace aikeys::sim
