// Base URLs (typed, from settings, from MONGODB_ATLAS_BASE_URL or config.toml) and the checks on what
// goes into a request path. A URL that passes is https, or http to loopback only; it carries no user
// info, query or fragment; and checking it again changes nothing.
//
// To add a validator (ids that go into paths, text made safe for a terminal...), add a case below that
// calls it and checks the property it promises (for an id: accepted ones contain no '/', '%', '.'
// segment, '?' or '#'), then commit a few inputs starting with that case's byte to corpus/fuzz_baseurl
// (see fuzz/README.md).

#include "atlas/baseurl.h"
#include "domain/types.h"
#include "fuzzcheck.h"

using namespace Qt::StringLiterals;
using namespace aikeys;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 4) {
    case 0:
    case 1: {
        const Result<QUrl> url = normalizeBaseUrl(text);
        if (!url.ok()) {
            FUZZ_CHECK(!url.error().isEmpty(), u"a refused URL says why"_s);
            break;
        }
        const QUrl &u = url.value();
        FUZZ_CHECK(u.isValid(), u"an invalid URL passed: "_s + text);
        FUZZ_CHECK(u.scheme() == "https"_L1 || (u.scheme() == "http"_L1 && isLoopbackHost(u.host())),
                   u"plain http to a remote host passed: "_s + text);
        FUZZ_CHECK(!u.host().isEmpty(), u"no host: "_s + text);
        FUZZ_CHECK(u.userInfo().isEmpty() && !u.hasQuery() && !u.hasFragment(),
                   u"user info, query or fragment passed: "_s + text);
        FUZZ_CHECK(!u.path().endsWith(u'/'), u"a trailing slash stayed: "_s + text);
        const Result<QUrl> again = normalizeBaseUrl(u.toString(QUrl::FullyEncoded));
        FUZZ_CHECK(again.ok() && again.value() == u, u"normalizing twice differs: "_s + text);
        break;
    }
    case 2:
        if (isAtlasObjectId(text)) {
            FUZZ_CHECK(text.size() == 24, u"an object id of the wrong length: "_s + text);
            for (const QChar c : text)
                FUZZ_CHECK((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'),
                           u"an object id with a non-hex character: "_s + text);
        }
        break;
    case 3: {
        const QString why = validateKeyName(text);
        if (why.isEmpty())
            FUZZ_CHECK(!text.isEmpty() && text.size() <= kKeyNameMaxLength,
                       u"a key name of a refused length passed"_s);
        (void)isLoopbackHost(text);
        break;
    }
    }
    return 0;
}
