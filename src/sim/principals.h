#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace aikeys::sim {

struct Project;

enum class OrgRole { None, Member, ReadOnly, Owner };
enum class ProjectRole { None, ReadOnly, ModelOwner, Owner };

// Who is calling: a programmatic API key (Digest) or a service account (OAuth client credentials).
struct Principal
{
    enum class Kind { ApiKey, ServiceAccount };

    Kind kind = Kind::ApiKey;
    QString id;        // public key or client id
    QByteArray secret; // private key or client secret (the simulator's own fixtures, never users')
    QString displayName;
    QHash<QString, OrgRole> orgRoles; // "*" stands for every organization
    QHash<QString, ProjectRole> projectRoles;

    OrgRole orgRole(const QString &orgId) const;
    // A project role granted directly, or inherited from the organization (owner and read only).
    ProjectRole projectRole(const Project &project) const;
};

// Role names as the Atlas documentation spells them, for 403 details.
inline constexpr auto kOrgMember = "Organization Member";
inline constexpr auto kOrgReadOnly = "Organization Read Only";
inline constexpr auto kProjectReadOnly = "Project Read Only";
inline constexpr auto kProjectModelOwner = "Project Model Owner";

std::optional<OrgRole> orgRoleFromName(const QString &name);
std::optional<ProjectRole> projectRoleFromName(const QString &name);

class Principals
{
public:
    // Adds, or replaces the principal of the same kind and id (a seed file may redefine a demo one).
    void add(Principal principal);
    const Principal *apiKey(const QString &publicKey) const;
    const Principal *serviceAccount(const QString &clientId) const;
    const std::vector<std::unique_ptr<Principal>> &all() const { return m_all; }

private:
    std::vector<std::unique_ptr<Principal>> m_all;
};

// The demo principals every dataset starts with; demoProjectRoles are the roles of the project-scoped
// key "demo-project" (it has no organization role at all).
void addBuiltinPrincipals(Principals &principals, const QList<QPair<QString, ProjectRole>> &demoProjectRoles);

// The credentials table printed by --help.
QString builtinPrincipalsHelp();

} // namespace aikeys::sim
