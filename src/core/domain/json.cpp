#include "domain/json.h"

#include "domain/jsonwriter.h"
#include "domain/keypage.h"
#include "domain/timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace aikeys::json {

namespace {

// Reads fields of one object, remembering the first problem it meets.
// A JSON number as a 64-bit integer: a fraction is cut off, a value beyond the range is saturated
// (converting such a double is undefined behaviour: fuzz_json found 1e118 in totalCount), NaN is 0.
qint64 integerOf(const QJsonValue &v)
{
    const double d = v.toDouble();
    if (std::isnan(d))
        return 0;
    if (d >= 9223372036854775807.0)
        return std::numeric_limits<qint64>::max();
    if (d <= -9223372036854775807.0)
        return std::numeric_limits<qint64>::min();
    return v.toInteger(qint64(d));
}

class Reader
{
public:
    Reader(const QJsonObject &o, QStringList *odd, QLatin1StringView idKey)
        : m_o(o)
        , m_odd(odd)
        , m_idKey(idKey)
    {}

    QString string(QLatin1StringView key, bool required)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(key, u"is missing"_s);
            return {};
        }
        if (!v.isString()) {
            fail(key, u"is not a string"_s);
            return {};
        }
        return v.toString();
    }

    qint64 integer(QLatin1StringView key, bool required)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(key, u"is missing"_s);
            return 0;
        }
        if (!v.isDouble()) {
            fail(key, u"is not a number"_s);
            return 0;
        }
        return integerOf(v);
    }

    bool boolean(QLatin1StringView key)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool()) {
            fail(key, u"is not true or false"_s);
            return false;
        }
        return v.toBool();
    }

    // Null or absent is "never"; a present value that does not parse is an error.
    std::optional<QDateTime> timestamp(QLatin1StringView key, bool required)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(key, u"is missing"_s);
            return std::nullopt;
        }
        if (!v.isString()) {
            fail(key, u"is not a timestamp"_s);
            return std::nullopt;
        }
        auto parsed = parseTimestamp(v.toString());
        if (!parsed)
            fail(key, u"is not an ISO 8601 timestamp (\"%1\")"_s.arg(v.toString().left(40)));
        return parsed;
    }

    // Whether a present field could not be read (only meaningful when reading leniently).
    bool unreadable(QLatin1StringView key) const { return m_unreadable.contains(key); }

    QStringList strings(QLatin1StringView key)
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            fail(key, u"is not a list"_s);
            return {};
        }
        QStringList out;
        const QJsonArray a = v.toArray();
        out.reserve(a.size());
        for (const QJsonValue &item : a) {
            if (!item.isString()) {
                fail(key, u"holds a value that is not a string"_s);
                return {};
            }
            out << item.toString();
        }
        return out;
    }

    const QJsonObject &object() const { return m_o; }
    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    void fail(QLatin1StringView key, const QString &what)
    {
        const QString text = u"field \"%1\" %2"_s.arg(key, what);
        if (m_odd && key != m_idKey) {
            m_odd->append(text);
            m_unreadable.append(key);
            return;
        }
        if (m_error.isEmpty())
            m_error = text;
    }

private:
    const QJsonObject &m_o;
    QStringList *m_odd;
    QLatin1StringView m_idKey;
    QList<QLatin1StringView> m_unreadable;
    QString m_error;
};

template <typename T>
Result<T> finish(Reader &r, T &&value)
{
    if (!r.ok())
        return Result<T>::failure(r.error());
    return Result<T>(std::forward<T>(value));
}

QString parseErrorText(const QJsonParseError &e)
{
    return u"the answer is not valid JSON (%1 at offset %2)"_s.arg(e.errorString()).arg(e.offset);
}

} // namespace

Result<Organization> organization(const QJsonObject &o, QStringList *odd)
{
    Reader r(o, odd, "id"_L1);
    Organization org;
    org.id = r.string("id"_L1, true);
    org.name = r.string("name"_L1, true);
    org.isDeleted = r.boolean("isDeleted"_L1);
    return finish(r, std::move(org));
}

Result<Project> project(const QJsonObject &o, QStringList *odd)
{
    Reader r(o, odd, "id"_L1);
    Project p;
    p.id = r.string("id"_L1, true);
    p.name = r.string("name"_L1, true);
    p.orgId = r.string("orgId"_L1, true);
    p.created = r.timestamp("created"_L1, false).value_or(QDateTime());
    p.clusterCount = r.integer("clusterCount"_L1, false);
    const QJsonValue tags = o.value("tags"_L1);
    if (tags.isArray()) {
        const QJsonArray a = tags.toArray();
        for (const QJsonValue &t : a) {
            const QJsonObject to = t.toObject();
            p.tags.append({to.value("key"_L1).toString(), to.value("value"_L1).toString()});
        }
    }
    return finish(r, std::move(p));
}

Result<AiKey> aiKey(const QJsonObject &o, QStringList *odd)
{
    Reader r(o, odd, "apiKeyId"_L1);
    AiKey k;
    k.apiKeyId = r.string("apiKeyId"_L1, true);
    k.name = r.string("name"_L1, true);
    k.groupId = r.string("groupId"_L1, false);
    k.cloud = r.string("cloud"_L1, false);
    k.geography = r.string("geography"_L1, false);
    k.endpoint = r.string("endpoint"_L1, false);
    k.createdAt = r.timestamp("createdAt"_L1, false).value_or(QDateTime());
    k.createdBy = r.string("createdBy"_L1, false);
    k.lastUsedAt = r.timestamp("lastUsedAt"_L1, false);
    // Unreadable is not "never used": a key that may be in use must not look unused.
    k.lastUsedUnknown = r.unreadable("lastUsedAt"_L1);
    k.maskedSecret = r.string("maskedSecret"_L1, false);
    k.status = r.string("status"_L1, false);
    return finish(r, std::move(k));
}

Result<RateLimit> rateLimit(const QJsonObject &o, QStringList *odd)
{
    Reader r(o, odd, "modelGroupName"_L1);
    RateLimit l;
    l.modelGroupName = r.string("modelGroupName"_L1, true);
    l.modelNames = r.strings("modelNames"_L1);
    l.requestsPerMinuteLimit = r.integer("requestsPerMinuteLimit"_L1, true);
    l.tokensPerMinuteLimit = r.integer("tokensPerMinuteLimit"_L1, true);
    l.cloud = r.string("cloud"_L1, false);
    l.geography = r.string("geography"_L1, false);
    l.endpoint = r.string("endpoint"_L1, false);
    return finish(r, std::move(l));
}

template <typename T>
Result<Page<T>> page(const QByteArray &body, ItemParser<T> parseItem)
{
    if constexpr (std::is_same_v<T, AiKey>) {
        if (parseItem == &aiKey) {
            if (std::optional<Page<AiKey>> plain = plainKeyPage(body))
                return Result<Page<T>>(std::move(*plain));
        }
    } else if constexpr (std::is_same_v<T, Project>) {
        if (parseItem == &project) {
            if (std::optional<Page<Project>> plain = plainProjectPage(body))
                return Result<Page<T>>(std::move(*plain));
        }
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Result<Page<T>>::failure(parseErrorText(pe));
    if (!doc.isObject())
        return Result<Page<T>>::failure(u"the answer is not a JSON object"_s);
    const QJsonObject o = doc.object();
    const QJsonValue results = o.value("results"_L1);
    if (results.isUndefined() || results.isNull())
        return Result<Page<T>>::failure(u"field \"results\" is missing"_s);
    if (!results.isArray())
        return Result<Page<T>>::failure(u"field \"results\" is not a list"_s);

    Page<T> out;
    const QJsonArray items = results.toArray();
    out.results.reserve(items.size());
    const auto noteOdd = [&out](qsizetype i, const QString &what) {
        if (out.oddItems++ == 0)
            out.firstOddItem = u"results[%1]: %2"_s.arg(i).arg(what);
    };
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        if (!item.isObject()) {
            noteOdd(i, u"is not an object; skipped"_s);
            continue;
        }
        QStringList odd;
        Result<T> parsed = parseItem(item.toObject(), &odd);
        if (!parsed) {
            noteOdd(i, parsed.error() + u"; skipped"_s);
            continue;
        }
        if (!odd.isEmpty())
            noteOdd(i, odd.join(u"; "_s));
        out.results.append(std::move(parsed).value());
    }
    const QJsonValue total = o.value("totalCount"_L1);
    if (total.isDouble())
        out.totalCount = integerOf(total);
    const QJsonArray links = o.value("links"_L1).toArray();
    for (const QJsonValue &l : links) {
        const QJsonObject lo = l.toObject();
        out.links.append({lo.value("href"_L1).toString(), lo.value("rel"_L1).toString()});
    }
    return Result<Page<T>>(std::move(out));
}

template <typename T>
Result<T> single(const QByteArray &body, ItemParser<T> parseItem, QStringList *odd)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Result<T>::failure(parseErrorText(pe));
    if (!doc.isObject())
        return Result<T>::failure(u"the answer is not a JSON object"_s);
    return parseItem(doc.object(), odd);
}

template Result<Page<Organization>> page(const QByteArray &, ItemParser<Organization>);
template Result<Page<Project>> page(const QByteArray &, ItemParser<Project>);
template Result<Page<AiKey>> page(const QByteArray &, ItemParser<AiKey>);
template Result<Page<RateLimit>> page(const QByteArray &, ItemParser<RateLimit>);
template Result<Organization> single(const QByteArray &, ItemParser<Organization>, QStringList *);
template Result<Project> single(const QByteArray &, ItemParser<Project>, QStringList *);
template Result<AiKey> single(const QByteArray &, ItemParser<AiKey>, QStringList *);
template Result<RateLimit> single(const QByteArray &, ItemParser<RateLimit>, QStringList *);

namespace {
QJsonValue timestampValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(formatTimestampUtc(t)) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject toJson(const Organization &org)
{
    return {{u"id"_s, org.id}, {u"name"_s, org.name}, {u"isDeleted"_s, org.isDeleted}};
}

QJsonObject toJson(const Project &p)
{
    return {{u"id"_s, p.id},
            {u"name"_s, p.name},
            {u"orgId"_s, p.orgId},
            {u"created"_s, timestampValue(p.created)},
            {u"clusterCount"_s, p.clusterCount}};
}

QJsonObject toJson(const AiKey &k)
{
    QJsonObject o{
        {u"apiKeyId"_s, k.apiKeyId},
        {u"name"_s, k.name},
        {u"groupId"_s, k.groupId},
        {u"status"_s, k.status},
        {u"createdAt"_s, timestampValue(k.createdAt)},
        {u"createdBy"_s, k.createdBy},
        {u"lastUsedAt"_s, k.lastUsedAt ? timestampValue(*k.lastUsedAt) : QJsonValue(QJsonValue::Null)},
        {u"maskedSecret"_s, k.maskedSecret},
        {u"cloud"_s, k.cloud},
        {u"geography"_s, k.geography},
        {u"endpoint"_s, k.endpoint}};
    // null alone would say "never used"; this says the value Atlas sent could not be read.
    if (k.lastUsedUnknown)
        o.insert(u"lastUsedUnknown"_s, true);
    return o;
}

void writeKey(IndentedJsonWriter &w, const AiKey &k)
{
    // Qt writes an object's members sorted by name.
    w.beginObject();
    {
        MemberWriter m(w, 13,
                       k.apiKeyId.size() + k.cloud.size() + k.createdBy.size() + k.endpoint.size() +
                           k.geography.size() + k.groupId.size() + k.maskedSecret.size() + k.name.size() +
                           k.status.size());
        m.text("apiKeyId", k.apiKeyId);
        m.text("cloud", k.cloud);
        m.time("createdAt", k.createdAt);
        m.text("createdBy", k.createdBy);
        m.text("endpoint", k.endpoint);
        m.text("geography", k.geography);
        m.text("groupId", k.groupId);
        m.time("lastUsedAt", k.lastUsedAt ? *k.lastUsedAt : QDateTime());
        if (k.lastUsedUnknown)
            m.boolean("lastUsedUnknown", true);
        m.text("maskedSecret", k.maskedSecret);
        m.text("name", k.name);
        m.text("status", k.status);
    }
    w.endObject();
}

QJsonObject toJson(const RateLimit &l)
{
    return {{u"modelGroupName"_s, l.modelGroupName},
            {u"modelNames"_s, QJsonArray::fromStringList(l.modelNames)},
            {u"requestsPerMinuteLimit"_s, l.requestsPerMinuteLimit},
            {u"tokensPerMinuteLimit"_s, l.tokensPerMinuteLimit},
            {u"cloud"_s, l.cloud},
            {u"geography"_s, l.geography},
            {u"endpoint"_s, l.endpoint}};
}

QByteArray createKeyBody(const QString &name, const KeyScope &scope)
{
    const QJsonObject o{{u"name"_s, name}, {u"cloud"_s, scope.cloud}, {u"geography"_s, scope.geography}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray renameKeyBody(const QString &name)
{
    return QJsonDocument(QJsonObject{{u"name"_s, name}}).toJson(QJsonDocument::Compact);
}

QByteArray rateLimitBody(qint64 requestsPerMinute, qint64 tokensPerMinute)
{
    const QJsonObject o{{u"requestsPerMinuteLimit"_s, requestsPerMinute},
                        {u"tokensPerMinuteLimit"_s, tokensPerMinute}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A minimal scanner over the top-level object: enough to find one key's string value without
// handing the body to a parser that would keep its own, unwipeable, copy of the secret.
namespace {

struct Scanner
{
    QByteArray &b;
    qsizetype i = 0;

    void ws()
    {
        while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r'))
            ++i;
    }
    // Positions i just past the closing quote; returns false on malformed input.
    bool skipString()
    {
        if (i >= b.size() || b[i] != '"')
            return false;
        ++i;
        while (i < b.size()) {
            if (b[i] == '\\') {
                i += 2;
                continue;
            }
            if (b[i] == '"') {
                ++i;
                return true;
            }
            ++i;
        }
        return false;
    }
    bool skipValue()
    {
        ws();
        if (i >= b.size())
            return false;
        if (b[i] == '"')
            return skipString();
        if (b[i] == '{' || b[i] == '[') {
            int depth = 0;
            while (i < b.size()) {
                const char c = b[i];
                if (c == '"') {
                    if (!skipString())
                        return false;
                    continue;
                }
                if (c == '{' || c == '[')
                    ++depth;
                else if (c == '}' || c == ']') {
                    --depth;
                    if (depth == 0) {
                        ++i;
                        return true;
                    }
                }
                ++i;
            }
            return false;
        }
        while (i < b.size() && b[i] != ',' && b[i] != '}' && b[i] != ']')
            ++i;
        return true;
    }
};

// Decodes the JSON string escapes of a secret (real secrets have none; this is for safety).
QByteArray unescape(const char *p, qsizetype n)
{
    QByteArray out;
    out.reserve(n);
    for (qsizetype k = 0; k < n; ++k) {
        if (p[k] != '\\' || k + 1 >= n) {
            out.append(p[k]);
            continue;
        }
        const char e = p[++k];
        switch (e) {
        case 'n':
            out.append('\n');
            break;
        case 't':
            out.append('\t');
            break;
        case 'r':
            out.append('\r');
            break;
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'u':
            if (k + 4 < n) {
                const uint cp = QByteArray(p + k + 1, 4).toUInt(nullptr, 16);
                out.append(QString(QChar(char16_t(cp))).toUtf8());
                k += 4;
            }
            break;
        default:
            out.append(e);
            break;
        }
    }
    return out;
}

} // namespace

QByteArray extractSecret(QByteArray &body)
{
    // Every top-level "secret" is overwritten, also one whose name is escaped ("secr\u0065t") and
    // a repeated one: a JSON parser reads the last of duplicate keys, so a second value left in place
    // would be read from the body afterwards. The last one is the secret, as a parser would take it.
    QByteArray found;
    Scanner s{body};
    s.ws();
    if (s.i >= body.size() || body[s.i] != '{')
        return found;
    ++s.i;
    while (true) {
        s.ws();
        if (s.i >= body.size() || body[s.i] == '}')
            return found;
        const qsizetype keyStart = s.i;
        if (!s.skipString())
            return found;
        const QByteArray key = unescape(body.constData() + keyStart + 1, s.i - keyStart - 2);
        s.ws();
        if (s.i >= body.size() || body[s.i] != ':')
            return found;
        ++s.i;
        s.ws();
        const qsizetype valueStart = s.i;
        if (key == "secret" && s.i < body.size() && body[s.i] == '"') {
            if (!s.skipString())
                return found;
            const qsizetype valueEnd = s.i;
            std::fill(found.begin(), found.end(), '\0');
            found = unescape(body.constData() + valueStart + 1, valueEnd - valueStart - 2);
            // Same length, so offsets stay valid: "null" followed by spaces.
            char *d = body.data();
            for (qsizetype k = valueStart; k < valueEnd; ++k)
                d[k] = ' ';
            if (valueEnd - valueStart >= 4)
                memcpy(d + valueStart, "null", 4);
            else
                memcpy(d + valueStart, "\"\"", 2);
        } else if (!s.skipValue()) {
            return found;
        }
        s.ws();
        if (s.i < body.size() && body[s.i] == ',')
            ++s.i;
    }
}

} // namespace aikeys::json
