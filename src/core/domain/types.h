#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace aikeys {

struct Organization
{
    QString id;
    QString name;
    bool isDeleted = false;
};

struct ResourceTag
{
    QString key;
    QString value;
};

struct Project
{
    QString id;
    QString name;
    QString orgId;
    QDateTime created;
    qint64 clusterCount = 0;
    QList<ResourceTag> tags;
};

// An AI model API key as every answer but the create one describes it. It has no secret field on
// purpose: the create answer's secret travels separately (CreatedKey) and never enters a model.
struct AiKey
{
    QString apiKeyId;
    QString name;
    QString groupId;
    QString cloud;
    QString geography;
    QString endpoint;
    QDateTime createdAt;
    QString createdBy;
    std::optional<QDateTime> lastUsedAt; // nullopt: never used (unless lastUsedUnknown)
    bool lastUsedUnknown = false;        // Atlas sent a lastUsedAt this app could not read
    QString maskedSecret;
    QString status;

    bool neverUsed() const { return !lastUsedAt.has_value() && !lastUsedUnknown; }
};

struct RateLimit
{
    QString modelGroupName;
    QStringList modelNames;
    qint64 requestsPerMinuteLimit = 0;
    qint64 tokensPerMinuteLimit = 0;
    QString cloud;
    QString geography;
    QString endpoint;
};

// Scope values are data from the server (only ANY today; regional values are in preview).
struct KeyScope
{
    QString cloud = QStringLiteral("ANY");
    QString geography = QStringLiteral("ANY");
};

inline constexpr int kKeyNameMaxLength = 250;

} // namespace aikeys

Q_DECLARE_METATYPE(aikeys::Organization)
Q_DECLARE_METATYPE(aikeys::Project)
Q_DECLARE_METATYPE(aikeys::AiKey)
Q_DECLARE_METATYPE(aikeys::RateLimit)
