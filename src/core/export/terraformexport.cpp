#include "export/terraformexport.h"

#include "atlas/atlasclient.h"
#include "domain/timestamp.h"
#include "logging.h"
#include "ratelimits/ratelimitplan.h"

#include <aikeys/version.h>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

// Text for a "#" comment: one line, no control characters.
QString commentText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        out += (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Separator_Line ||
                c.category() == QChar::Separator_Paragraph)
                   ? QChar(u' ')
                   : c;
    return out;
}

// "name = value" lines with the "=" aligned, as terraform fmt writes them.
QString attributes(const QList<std::pair<QString, QString>> &pairs)
{
    qsizetype width = 0;
    for (const auto &[name, value] : pairs)
        width = std::max(width, name.size());
    QString out;
    for (const auto &[name, value] : pairs)
        out += u"  "_s + name.leftJustified(width) + u" = "_s + value + u'\n';
    return out;
}

} // namespace

// ---- TerraformExport

QString TerraformExport::identifier(const QString &name, const QString &fallback)
{
    // Compatibility decomposition splits "é" into "e" and a combining accent (dropped below) and
    // folds ligatures and full-width forms into plain letters.
    const QString decomposed = name.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_SpacingCombining ||
            c.category() == QChar::Mark_Enclosing)
            continue;
        const char16_t u = c.unicode();
        const bool keep = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
                          u == u'_' || u == u'-';
        const QChar mapped = keep ? c.toLower() : QChar(u'_');
        if (mapped == u'_' && out.endsWith(u'_'))
            continue;
        out += mapped;
    }
    // Separators at either end carry nothing; an identifier may not start with a dash.
    while (!out.isEmpty() && (out.front() == u'_' || out.front() == u'-'))
        out.remove(0, 1);
    while (!out.isEmpty() && (out.back() == u'_' || out.back() == u'-'))
        out.chop(1);
    if (out.isEmpty())
        return fallback;
    if (out.front().isDigit())
        out.prepend(fallback + u'_');
    return out;
}

QString TerraformExport::uniqueIdentifier(const QString &base, QSet<QString> &used)
{
    QString candidate = base;
    for (int n = 2; used.contains(candidate); ++n)
        candidate = base + u'_' + QString::number(n);
    used.insert(candidate);
    return candidate;
}

QString TerraformExport::hclString(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        const char16_t u = c.unicode();
        const QChar next = i + 1 < value.size() ? value.at(i + 1) : QChar();
        switch (u) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        case u'$':
        case u'%':
            // "${" and "%{" start a template: doubling the first character makes them literal.
            out += c;
            if (next == u'{')
                out += c;
            break;
        default:
            if (u < 0x20 || u == 0x7f)
                out += u"\\u"_s + QString::number(u, 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

void TerraformExport::addKeys(const QList<AiKey> &keys, const QHash<QString, QString> &projectNames)
{
    for (const AiKey &k : keys) {
        const QString name = uniqueIdentifier(identifier(k.name), m_usedKeyNames);
        m_keys.append({k, name, projectNames.value(k.groupId)});
    }
}

void TerraformExport::addRateLimits(const QString &projectId, const QString &projectName,
                                    const QList<RateLimit> &limits)
{
    for (const RateLimit &l : limits) {
        const QString project = identifier(projectName.isEmpty() ? projectId : projectName, u"project"_s);
        const QString name = uniqueIdentifier(identifier(project + u'_' + l.modelGroupName, u"rate_limit"_s),
                                              m_usedLimitNames);
        m_limits.append({projectId, projectName, l, name});
    }
}

QStringList TerraformExport::keyResourceNames() const
{
    QStringList out;
    for (const KeyBlock &b : m_keys)
        out << b.resourceName;
    return out;
}

QStringList TerraformExport::rateLimitResourceNames() const
{
    QStringList out;
    for (const LimitBlock &b : m_limits)
        out << b.resourceName;
    return out;
}

QString TerraformExport::render() const
{
    const QString keyType = QString::fromLatin1(kKeyResource);
    const QString limitType = QString::fromLatin1(kRateLimitResource);
    QString out;
    const QDateTime when = m_generatedAt.isValid() ? m_generatedAt : QDateTime::currentDateTimeUtc();
    out += u"# Generated by Atlas AI Keys "_s + QString::fromLatin1(AIKEYS_VERSION) + u" on "_s +
           formatTimestampUtc(when) + u".\n"_s;
    if (!m_source.isEmpty())
        out += u"# From "_s + commentText(m_source) + u".\n"_s;
    out +=
        u"#\n"_s
        u"# Adopts existing MongoDB Atlas AI model API keys"_s +
        (m_limits.isEmpty() ? QString() : u" and rate limits"_s) +
        u" into Terraform without\n"_s
        u"# recreating them: one import block and one resource per object. Needs Terraform 1.5 or later.\n"_s
        u"# Review with `terraform plan` (imports, and no changes), then `terraform apply`.\n"_s
        u"#\n"_s
        u"# WARNING: the `secret` attribute of an imported mongodbatlas_ai_model_api_key stays null in\n"_s
        u"# Terraform state. Atlas returns a key's secret only once, when the key is created, so\n"_s
        u"# Terraform cannot read it back (the provider documents this). Applications keep the secrets\n"_s
        u"# they have; to get a secret from Terraform, create a new key with Terraform instead.\n"_s;

    // Without it, `terraform init` looks for hashicorp/mongodbatlas, which does not exist.
    out += u"\n"_s
           u"terraform {\n"_s
           u"  required_providers {\n"_s
           u"    mongodbatlas = {\n"_s
           u"      source = \"mongodb/mongodbatlas\"\n"_s
           u"    }\n"_s
           u"  }\n"_s
           u"}\n"_s;

    if (m_keys.isEmpty() && m_limits.isEmpty())
        out += u"\n# Nothing to import: no keys were selected or found.\n"_s;

    for (const KeyBlock &b : m_keys) {
        const AiKey &k = b.key;
        out += u'\n';
        out += u"# Key "_s + commentText(k.name) + u" ("_s + commentText(k.apiKeyId) + u"), project "_s +
               commentText(b.projectName.isEmpty() ? k.groupId : b.projectName + u" ("_s + k.groupId + u')') +
               u'\n';
        out += u"import {\n"_s;
        out += attributes({{u"to"_s, keyType + u'.' + b.resourceName},
                           {u"id"_s, hclString(k.groupId + u'/' + k.apiKeyId)}});
        out += u"}\n\n"_s;
        out += u"resource "_s + hclString(keyType) + u' ' + hclString(b.resourceName) + u" {\n"_s;
        out += attributes({{u"project_id"_s, hclString(k.groupId)},
                           {u"name"_s, hclString(k.name)},
                           {u"cloud"_s, hclString(k.cloud.isEmpty() ? u"ANY"_s : k.cloud)},
                           {u"geography"_s, hclString(k.geography.isEmpty() ? u"ANY"_s : k.geography)}});
        out += u"}\n"_s;
    }

    for (const LimitBlock &b : m_limits) {
        const RateLimit &l = b.limit;
        const QString cloud = l.cloud.isEmpty() ? u"ANY"_s : l.cloud;
        const QString geography = l.geography.isEmpty() ? u"ANY"_s : l.geography;
        out += u'\n';
        out += u"# Rate limit "_s + commentText(l.modelGroupName) + u", project "_s +
               commentText(b.projectName.isEmpty() ? b.projectId
                                                   : b.projectName + u" ("_s + b.projectId + u')') +
               u'\n';
        out += u"import {\n"_s;
        out += attributes(
            {{u"to"_s, limitType + u'.' + b.resourceName},
             {u"id"_s, hclString(b.projectId + u'/' + cloud + u'/' + geography + u'/' + l.modelGroupName)}});
        out += u"}\n\n"_s;
        out += u"resource "_s + hclString(limitType) + u' ' + hclString(b.resourceName) + u" {\n"_s;
        out += attributes({{u"project_id"_s, hclString(b.projectId)},
                           {u"cloud"_s, hclString(cloud)},
                           {u"geography"_s, hclString(geography)},
                           {u"model_group_name"_s, hclString(l.modelGroupName)},
                           {u"requests_per_minute_limit"_s, QString::number(l.requestsPerMinuteLimit)},
                           {u"tokens_per_minute_limit"_s, QString::number(l.tokensPerMinuteLimit)}});
        out += u"}\n"_s;
    }
    return out;
}

} // namespace aikeys
