#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QSet>
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
    // The credential's API access list (addresses and CIDR ranges); empty: none.
    QList<QPair<QHostAddress, int>> accessList;

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
    // Any principal (API key or service account) with this public key or client id.
    Principal *find(const QString &id);

    // Organizations that require API access lists ("*": every one): a principal with no access list
    // that works in one of them is refused with ORG_REQUIRES_ACCESS_LIST.
    QSet<QString> orgsRequiringAccessList;

private:
    std::vector<std::unique_ptr<Principal>> m_all;
};

// Parses "10.0.0.0/8", "192.0.2.7" or "2001:db8::/32"; false when it is none of these.
bool parseAccessListEntry(const QString &text, QPair<QHostAddress, int> *entry);

// The demo principals every dataset starts with; demoProjectRoles are the roles of the project-scoped
// key "demo-project" (it has no organization role at all).
void addBuiltinPrincipals(Principals &principals, const QList<QPair<QString, ProjectRole>> &demoProjectRoles);

// The credentials table printed by --help.
QString builtinPrincipalsHelp();

} // namespace aikeys::sim
