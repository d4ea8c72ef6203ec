#pragma once

#include "atlas/compositejob.h"
#include "domain/scope.h"
#include "domain/types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace aikeys {

class AtlasClient;

// Writes a Terraform configuration that adopts existing keys (and rate limits) without recreating
// them: per key an `import` block (Terraform 1.5+) and a `mongodbatlas_ai_model_api_key` resource
// with the attributes the key has today, so that `terraform plan` shows imports and no change.
//
// Resource names come from the key names, made valid and unique Terraform identifiers: letters,
// digits, underscores and dashes only (accented letters lose their accents, anything else becomes
// "_"), lower case, never starting with a digit, never empty, and a name already taken gets "_2",
// "_3"... String values are escaped for HCL: quotes, backslashes, control characters, and the
// template sequences "${" and "%{", which Terraform would otherwise interpolate.
class TerraformExport
{
    Q_DECLARE_TR_FUNCTIONS(aikeys::TerraformExport)

public:
    static constexpr auto kKeyResource = "mongodbatlas_ai_model_api_key";
    static constexpr auto kRateLimitResource = "mongodbatlas_ai_model_rate_limit";

    TerraformExport() = default;

    void setGeneratedAt(const QDateTime &when) { m_generatedAt = when; }
    // What the file was made from, for its header ("organization Acme (65f1...)").
    void setSource(const QString &description) { m_source = description; }

    // Keys in the order given; projectNames only feed the comments above each block.
    void addKeys(const QList<AiKey> &keys, const QHash<QString, QString> &projectNames = {});
    // One project's limits.
    void addRateLimits(const QString &projectId, const QString &projectName, const QList<RateLimit> &limits);

    int keyCount() const { return int(m_keys.size()); }
    int rateLimitCount() const { return int(m_limits.size()); }
    // The resource names given so far, in order.
    QStringList keyResourceNames() const;
    QStringList rateLimitResourceNames() const;

    QString render() const;
    QByteArray toUtf8() const { return render().toUtf8(); }

    // A valid identifier for a name (before making it unique): never empty, never starting with a
    // digit or a dash. fallback stands in for a name with nothing usable left.
    static QString identifier(const QString &name, const QString &fallback = QStringLiteral("key"));
    // base, or base_2, base_3... whichever is not in used yet; the result is added to used.
    static QString uniqueIdentifier(const QString &base, QSet<QString> &used);
    // A quoted HCL string literal.
    static QString hclString(const QString &value);

private:
    struct KeyBlock
    {
        AiKey key;
        QString resourceName;
        QString projectName;
    };
    struct LimitBlock
    {
        QString projectId;
        QString projectName;
        RateLimit limit;
        QString resourceName;
    };

    QDateTime m_generatedAt;
    QString m_source;
    QList<KeyBlock> m_keys;
    QList<LimitBlock> m_limits;
    QSet<QString> m_usedKeyNames;
    QSet<QString> m_usedLimitNames;
};

} // namespace aikeys
