#pragma once

#include "timeutil.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace aikeys::sim {

struct Organization
{
    QString id;
    QString name;
};

struct Project
{
    QString id;
    QString orgId;
    QString name;
    Micros created = 0;
    int clusterCount = 0;
    QList<QPair<QString, QString>> tags;

    mutable QByteArray cachedJson; // see AiKey::cachedJson
};

struct RateLimitValue
{
    qint64 requestsPerMinute = 0;
    qint64 tokensPerMinute = 0;
    friend bool operator==(const RateLimitValue &, const RateLimitValue &) = default;
};

// A family of models that share one rate limit (embed_large, rerank, ...).
struct ModelGroup
{
    QString name;
    QStringList modelNames;
    RateLimitValue projectDefault; // what a project gets until someone customises it
    RateLimitValue orgCeiling;     // what an organization gets unless the data says otherwise
};

struct AiKey
{
    QString apiKeyId;
    QString groupId;
    QString orgId; // denormalised so the org-wide listing never looks projects up
    QString name;
    QString cloud = QStringLiteral("ANY");
    QString geography = QStringLiteral("ANY");
    QString status = QStringLiteral("ACTIVE");
    QString createdBy;
    QString maskedSecret;
    QByteArray secretSha256; // raw digest; empty when nobody can know the secret (demo and generated keys)
    Micros createdAt = 0;
    Micros lastUsedAt = 0;
    bool everUsed = false;
    // Seed files only (lastUsedAtRaw): a JSON value sent as lastUsedAt verbatim, so that clients can be
    // tested against one odd item in a list. Not kept in the state file.
    QByteArray rawLastUsedAt;

    // The compact JSON of this key as every read answer shows it, built on first use and dropped on
    // change: a 500-item page is then a concatenation, not 500 serialisations.
    mutable QByteArray cachedJson;
};

} // namespace aikeys::sim
