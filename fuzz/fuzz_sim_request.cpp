// atlas-sim's reading of requests, on its own sources (it shares no code with the client): the Admin
// API's routing, media types, paging, path parameters and JSON bodies as one principal or another;
// the Digest, Basic and Bearer Authorization headers; the OAuth token form; the embeddings body.
//
// The input reads like an HTTP request, so that corpus files are easy to write by hand:
//   <selector byte>METHOD /path?query
//   Header: value
//   <empty line>
//   body
// The selector picks the handler and, for the Admin API, the principal.

#include "atlasapi.h"
#include "auth.h"
#include "dataset.h"
#include "embeddings.h"
#include "fuzzcheck.h"
#include "httpmessage.h"
#include "model.h"
#include "oauth.h"
#include "principals.h"
#include "store.h"

#include <QRandomGenerator>
#include <QUrl>

using namespace Qt::StringLiterals;
using namespace aikeys;
using namespace aikeys::sim;

namespace {

Request readRequest(const QByteArray &text)
{
    Request r;
    const qsizetype headEnd = text.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? text : text.left(headEnd);
    r.body = headEnd < 0 ? QByteArray() : text.mid(headEnd + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray first = lines.value(0).trimmed();
    const qsizetype space = first.indexOf(' ');
    r.method = space < 0 ? first : first.left(space);
    // As the server copies it from Qt HttpServer: the path fully decoded, the query kept apart.
    const QUrl url(QString::fromUtf8(space < 0 ? QByteArray("/") : first.mid(space + 1)));
    r.path = url.path(QUrl::FullyDecoded);
    r.query = QUrlQuery(url);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines.at(i).left(colon).trimmed().toLower();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
        const auto it = r.headers.find(name);
        if (it == r.headers.end())
            r.headers.insert(name, value);
        else
            it.value() += ", " + value;
    }
    return r;
}

void checkResponse(const Response &response)
{
    FUZZ_CHECK(response.status >= 100 && response.status <= 599, u"status %1"_s.arg(response.status));
    const QByteArray wire = serialize(response);
    FUZZ_CHECK(wire.startsWith("HTTP/1.1 "), u"no status line"_s);
    // No header value may smuggle a line of its own into the answer.
    for (const auto &[name, value] : response.headers)
        FUZZ_CHECK(!name.contains('\n') && !value.contains('\n') && !value.contains('\r'),
                   u"a header with a line break: "_s + QString::fromLatin1(name));
}

struct World
{
    Store store;
    Principals principals;
    QRandomGenerator idRng{7};
    World()
    {
        QString error;
        if (!loadDemoDataset(store, 1767225600LL * 1000000, &error))
            fuzz::fail(__FILE__, __LINE__, "loadDemoDataset", error);
        addBuiltinPrincipals(principals, demoDatasetProjectRoles());
        store.setEndpoint(u"127.0.0.1:1"_s);
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int selector = data[0];
    const Request request =
        readRequest(QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));

    // A fresh dataset per input: a request may create, rename or delete, and inputs must replay alike.
    World world;
    const auto &all = world.principals.all();
    switch (selector % 4) {
    case 0:
    case 1: {
        const Principal &principal = *all.at(std::size_t(selector / 4) % all.size());
        AtlasApi api(world.store, PagingFault::None, world.idRng);
        const QString subPath =
            request.path.startsWith("/api/atlas/v2"_L1) ? request.path.mid(13) : request.path;
        checkResponse(api.handle(request, subPath, principal, false));
        break;
    }
    case 2: {
        TokenService tokens(3600);
        OAuthApi oauth(world.principals, tokens);
        (void)OAuthApi::clientIdOf(request);
        Response refusal;
        const Principal *client = oauth.authenticate(request, &refusal);
        if (!client) {
            checkResponse(refusal);
            // The rest of the form with a genuine client, so that the body's reading is reached too.
            client = all.front().get();
        }
        const Response issued = oauth.token(request, *client);
        checkResponse(issued);
        checkResponse(oauth.revoke(request, *client));
        const Principal *holder = nullptr;
        (void)tokens.check(bearerToken(request.header("authorization")), &holder);
        DigestAuth digest(world.principals, 300);
        (void)digest.verify(request.method, request.header("authorization"), request.path, &holder);
        QString user;
        QByteArray password;
        (void)parseBasic(request.header("authorization"), &user, &password);
        break;
    }
    case 3: {
        EmbeddingsApi embeddings(world.store);
        Response refusal;
        if (!embeddings.authenticate(request, &refusal))
            checkResponse(refusal);
        const QList<AiKey *> &keys = world.store.keysOfOrg(world.store.organizations().front()->id);
        if (!keys.isEmpty())
            checkResponse(embeddings.embed(request, *keys.front()));
        break;
    }
    }
    return 0;
}
