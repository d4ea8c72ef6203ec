#pragma once

#include "domain/result.h"
#include "domain/types.h"

#include <QByteArray>
#include <QJsonObject>

#include <functional>
#include <optional>

// The JSON mapping of the Admin API's bodies: unknown fields are ignored, timestamps are read
// leniently. Strictly (odd == nullptr), a missing required field or a field of the wrong type is an
// error that names it. Leniently (odd != nullptr), only a missing id is an error: any other field
// that cannot be read is left unknown and described in *odd, because the spec marks no response
// field as required and one odd item must not fail a listing of thousands.
namespace aikeys::json {

class IndentedJsonWriter;

Result<Organization> organization(const QJsonObject &o, QStringList *odd = nullptr);
Result<Project> project(const QJsonObject &o, QStringList *odd = nullptr);
Result<AiKey> aiKey(const QJsonObject &o, QStringList *odd = nullptr);
Result<RateLimit> rateLimit(const QJsonObject &o, QStringList *odd = nullptr);

struct Link
{
    QString href;
    QString rel;
};

template <typename T>
struct Page
{
    QList<T> results;
    std::optional<qint64> totalCount;
    QList<Link> links;
    // Items read leniently: kept with some field unknown, or skipped because they had no id.
    int oddItems = 0;
    QString firstOddItem; // what was odd about the first one ("results[3]: field ..."), for logs
};

template <typename T>
using ItemParser = Result<T> (*)(const QJsonObject &, QStringList *);

// Parses a list envelope {results, totalCount, links}. The envelope must be right; its items are
// read leniently (see oddItems).
template <typename T>
Result<Page<T>> page(const QByteArray &body, ItemParser<T> parseItem);

// One object body (a get, a rename, a created key minus its secret); lenient when odd is given.
template <typename T>
Result<T> single(const QByteArray &body, ItemParser<T> parseItem, QStringList *odd = nullptr);

// The API's own field names, as the CLI prints them; never a secret.
QJsonObject toJson(const Organization &org);
QJsonObject toJson(const Project &project);
QJsonObject toJson(const AiKey &key);
QJsonObject toJson(const RateLimit &limit);

// A key as the member of a list, the same members and bytes as toJson(key) written by Qt.
void writeKey(IndentedJsonWriter &writer, const AiKey &key);

QByteArray createKeyBody(const QString &name, const KeyScope &scope);
QByteArray renameKeyBody(const QString &name);
QByteArray rateLimitBody(qint64 requestsPerMinute, qint64 tokensPerMinute);

// Finds the top-level "secret" string of a create answer, moves its decoded value out, and
// overwrites it in the body in place (with a same-length null), so that nothing parsed from the
// body afterwards ever holds the secret. Returns an empty array when there is none.
QByteArray extractSecret(QByteArray &body);

} // namespace aikeys::json
