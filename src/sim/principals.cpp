#include "principals.h"

#include "model.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

OrgRole Principal::orgRole(const QString &orgId) const
{
    return std::max(orgRoles.value(orgId, OrgRole::None), orgRoles.value(u"*"_s, OrgRole::None));
}

ProjectRole Principal::projectRole(const Project &project) const
{
    ProjectRole inherited = ProjectRole::None;
    switch (orgRole(project.orgId)) {
    case OrgRole::Owner:
        inherited = ProjectRole::Owner;
        break;
    case OrgRole::ReadOnly:
        inherited = ProjectRole::ReadOnly;
        break;
    case OrgRole::Member:
    case OrgRole::None:
        break;
    }
    return std::max(inherited, projectRoles.value(project.id, ProjectRole::None));
}

std::optional<OrgRole> orgRoleFromName(const QString &name)
{
    if (name == "ORG_OWNER"_L1)
        return OrgRole::Owner;
    if (name == "ORG_READ_ONLY"_L1)
        return OrgRole::ReadOnly;
    if (name == "ORG_MEMBER"_L1)
        return OrgRole::Member;
    return std::nullopt;
}

std::optional<ProjectRole> projectRoleFromName(const QString &name)
{
    if (name == "GROUP_OWNER"_L1)
        return ProjectRole::Owner;
    if (name == "GROUP_AI_MODEL_OWNER"_L1)
        return ProjectRole::ModelOwner;
    if (name == "GROUP_READ_ONLY"_L1)
        return ProjectRole::ReadOnly;
    return std::nullopt;
}

Principal *Principals::find(const QString &id)
{
    for (auto &p : m_all) {
        if (p->id == id)
            return p.get();
    }
    return nullptr;
}

bool parseAccessListEntry(const QString &text, QPair<QHostAddress, int> *entry)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    if (!t.contains(u'/')) {
        QHostAddress a;
        if (!a.setAddress(t))
            return false;
        *entry = {a, a.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        return true;
    }
    const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(t);
    if (subnet.first.isNull() || subnet.second < 0)
        return false;
    *entry = subnet;
    return true;
}

void Principals::add(Principal principal)
{
    for (auto &existing : m_all) {
        if (existing->kind == principal.kind && existing->id == principal.id) {
            *existing = std::move(principal);
            return;
        }
    }
    m_all.push_back(std::make_unique<Principal>(std::move(principal)));
}

const Principal *Principals::apiKey(const QString &publicKey) const
{
    for (const auto &p : m_all) {
        if (p->kind == Principal::Kind::ApiKey && p->id == publicKey)
            return p.get();
    }
    return nullptr;
}

const Principal *Principals::serviceAccount(const QString &clientId) const
{
    for (const auto &p : m_all) {
        if (p->kind == Principal::Kind::ServiceAccount && p->id == clientId)
            return p.get();
    }
    return nullptr;
}

void addBuiltinPrincipals(Principals &principals, const QList<QPair<QString, ProjectRole>> &demoProjectRoles)
{
    const auto make = [](Principal::Kind kind, const QString &id, const QByteArray &secret,
                         const QString &name) {
        Principal p;
        p.kind = kind;
        p.id = id;
        p.secret = secret;
        p.displayName = name;
        return p;
    };

    Principal admin = make(Principal::Kind::ApiKey, u"demo"_s, "demo-private-key", u"Demo Admin"_s);
    admin.orgRoles.insert(u"*"_s, OrgRole::Owner);
    principals.add(admin);

    Principal sa = make(Principal::Kind::ServiceAccount, u"mdb_sa_id_demo"_s, "mdb_sa_sk_demo",
                        u"Demo Service Account"_s);
    sa.orgRoles.insert(u"*"_s, OrgRole::Owner);
    principals.add(sa);

    Principal reader = make(Principal::Kind::ApiKey, u"demo-readonly"_s, "demo-readonly-private-key",
                            u"Read-Only Auditor"_s);
    reader.orgRoles.insert(u"*"_s, OrgRole::ReadOnly);
    principals.add(reader);

    Principal readerSa = make(Principal::Kind::ServiceAccount, u"mdb_sa_id_readonly"_s, "mdb_sa_sk_readonly",
                              u"Read-Only Service Account"_s);
    readerSa.orgRoles.insert(u"*"_s, OrgRole::ReadOnly);
    principals.add(readerSa);

    Principal scoped =
        make(Principal::Kind::ApiKey, u"demo-project"_s, "demo-project-private-key", u"Project Developer"_s);
    for (const auto &[projectId, role] : demoProjectRoles)
        scoped.projectRoles.insert(projectId, role);
    principals.add(scoped);
}

QString builtinPrincipalsHelp()
{
    return u"Demo principals (built in, whatever the dataset):\n"
           "  API key (HTTP Digest)      public key         private key                 roles\n"
           "                             demo               demo-private-key            Organization Owner "
           "of every org\n"
           "                             demo-readonly      demo-readonly-private-key   Organization Read "
           "Only of every org\n"
           "                             demo-project       demo-project-private-key    project roles only "
           "(no org role)\n"
           "  Service account (OAuth)    client id          client secret\n"
           "                             mdb_sa_id_demo     mdb_sa_sk_demo              Organization Owner "
           "of every org\n"
           "                             mdb_sa_id_readonly mdb_sa_sk_readonly          Organization Read Only of every org\n"_s;
}

} // namespace aikeys::sim
