// The JSON mapping of every Admin API answer the client reads: list envelopes and single objects of
// keys, projects, organizations and rate limits, the create answer's secret extraction, the token
// endpoint's answer, and error bodies (ApiError) with the Retry-After header. The first byte picks the
// reader, the rest is the body a server sent.

#include "atlas/apierror.h"
#include "atlas/auth.h"
#include "atlas/retrypolicy.h"
#include "domain/json.h"
#include "domain/keypage.h"
#include "fuzzcheck.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

// What the CLI prints (--json) must be readable back as the same item.
template <typename T>
void checkPage(const QByteArray &body, json::ItemParser<T> parse)
{
    const auto page = json::page<T>(body, parse);
    if (!page.ok()) {
        FUZZ_CHECK(!page.error().isEmpty(), u"a failed page says why"_s);
        return;
    }
    for (const T &item : page.value().results) {
        const QByteArray again = QJsonDocument(json::toJson(item)).toJson(QJsonDocument::Compact);
        const auto back = json::single<T>(again, parse);
        FUZZ_CHECK(back.ok(), back.error());
    }
}

// The plain key-page reader takes a page only when it reads it exactly as the general one does.
void checkPlainKeyPage(const QByteArray &body)
{
    const std::optional<json::Page<AiKey>> plain = json::plainKeyPage(body);
    if (!plain)
        return;
    const auto general = json::page<AiKey>(
        body, +[](const QJsonObject &o, QStringList *odd) { return json::aiKey(o, odd); });
    FUZZ_CHECK(general.ok(), u"the plain reader took a page the general one refuses: "_s + general.error());
    const json::Page<AiKey> &g = general.value();
    FUZZ_CHECK(plain->results.size() == g.results.size() && plain->totalCount == g.totalCount &&
                   plain->oddItems == g.oddItems && plain->links.size() == g.links.size(),
               u"the readers disagree on the envelope"_s);
    for (qsizetype i = 0; i < g.links.size(); ++i)
        FUZZ_CHECK(plain->links.at(i).href == g.links.at(i).href &&
                       plain->links.at(i).rel == g.links.at(i).rel,
                   u"the readers disagree on a link"_s);
    for (qsizetype i = 0; i < g.results.size(); ++i) {
        const AiKey &a = plain->results.at(i);
        const AiKey &b = g.results.at(i);
        FUZZ_CHECK(a.apiKeyId == b.apiKeyId && a.name == b.name && a.groupId == b.groupId &&
                       a.cloud == b.cloud && a.geography == b.geography && a.endpoint == b.endpoint &&
                       a.createdBy == b.createdBy && a.maskedSecret == b.maskedSecret &&
                       a.status == b.status && a.createdAt == b.createdAt && a.lastUsedAt == b.lastUsedAt &&
                       a.lastUsedUnknown == b.lastUsedUnknown,
                   u"the readers disagree on key %1"_s.arg(i));
    }
}

void checkPlainProjectPage(const QByteArray &body)
{
    const std::optional<json::Page<Project>> plain = json::plainProjectPage(body);
    if (!plain)
        return;
    const auto general = json::page<Project>(
        body, +[](const QJsonObject &o, QStringList *odd) { return json::project(o, odd); });
    FUZZ_CHECK(general.ok(),
               u"the plain reader took a page of projects the general one refuses: "_s + general.error());
    const json::Page<Project> &g = general.value();
    FUZZ_CHECK(plain->results.size() == g.results.size() && plain->totalCount == g.totalCount &&
                   plain->oddItems == g.oddItems,
               u"the readers disagree on the envelope of a page of projects"_s);
    for (qsizetype i = 0; i < g.results.size(); ++i) {
        const Project &a = plain->results.at(i);
        const Project &b = g.results.at(i);
        bool same = a.id == b.id && a.name == b.name && a.orgId == b.orgId && a.created == b.created &&
                    a.clusterCount == b.clusterCount && a.tags.size() == b.tags.size();
        for (qsizetype t = 0; same && t < a.tags.size(); ++t)
            same = a.tags.at(t).key == b.tags.at(t).key && a.tags.at(t).value == b.tags.at(t).value;
        FUZZ_CHECK(same, u"the readers disagree on project %1"_s.arg(i));
    }
}

template <typename T>
void checkSingle(const QByteArray &body, json::ItemParser<T> parse)
{
    const auto item = json::single<T>(body, parse);
    FUZZ_CHECK(item.ok() || !item.error().isEmpty(), u"a failed item says why"_s);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int selector = data[0];
    QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (selector % 11) {
    case 0:
        checkPage<AiKey>(body, &json::aiKey);
        checkPlainKeyPage(body);
        break;
    case 1:
        checkPage<Project>(body, &json::project);
        checkPlainProjectPage(body);
        break;
    case 2:
        checkPage<Organization>(body, &json::organization);
        break;
    case 3:
        checkPage<RateLimit>(body, &json::rateLimit);
        break;
    case 4:
        checkSingle<AiKey>(body, &json::aiKey);
        break;
    case 5:
        checkSingle<Project>(body, &json::project);
        break;
    case 6:
        checkSingle<RateLimit>(body, &json::rateLimit);
        break;
    case 7: {
        // The body keeps its length (the secret is overwritten in place), and what is parsed from it
        // afterwards holds no secret.
        const qsizetype before = body.size();
        const QByteArray secret = json::extractSecret(body);
        FUZZ_CHECK(body.size() == before, u"extractSecret changed the body's length"_s);
        if (!secret.isEmpty()) {
            const QJsonObject o = QJsonDocument::fromJson(body).object();
            FUZZ_CHECK(!o.value(u"secret"_s).isString() || o.value(u"secret"_s).toString().isEmpty(),
                       u"the secret is still readable in the body"_s);
        }
        checkSingle<AiKey>(body, &json::aiKey);
        break;
    }
    case 8: {
        SecretBuffer token;
        qint64 lifetime = 0;
        const bool ok = readTokenAnswer(body, &token, &lifetime);
        FUZZ_CHECK(ok != token.isEmpty(), u"a token answer is read exactly when it holds a token"_s);
        FUZZ_CHECK(lifetime >= 1 && lifetime <= kMaxTokenLifetimeSeconds,
                   u"token lifetime out of range: %1"_s.arg(lifetime));
        // What the authenticator computes from it (milliseconds, the renewal margin) cannot overflow.
        FUZZ_CHECK(lifetime * 1000 / 4 >= 0, u"lifetime overflow"_s);
        break;
    }
    case 9: {
        // The status from two bytes (nonsense ones too), then the error body.
        if (body.size() < 2)
            break;
        const int status = ((quint8(body.at(0)) << 8) | quint8(body.at(1))) % 600;
        const QByteArray errorBody = body.mid(2);
        const ApiError e = ApiError::fromHttp(status, errorBody, "GET", u"/api/atlas/v2/orgs"_s);
        FUZZ_CHECK(e.isError(), u"an HTTP error answer is an error"_s);
        FUZZ_CHECK(!e.message().isEmpty(), u"an error has a message"_s);
        (void)e.hint();
        (void)e.toString();
        (void)e.outcomeUnknown();
        break;
    }
    case 10: {
        const std::optional<int> seconds = RetryPolicy::parseRetryAfter(body);
        FUZZ_CHECK(!seconds || *seconds >= 0, u"negative Retry-After: %1"_s.arg(seconds.value_or(0)));
        const RetryPolicy policy;
        const int delay = policy.delayMs(1, seconds, 0.5);
        FUZZ_CHECK(delay >= 0 && delay <= policy.maxRetryAfterMs,
                   u"retry delay out of range: %1"_s.arg(delay));
        break;
    }
    }
    return 0;
}
