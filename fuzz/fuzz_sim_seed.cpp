// atlas-sim's seed and state files (one format, see docs/simulator.md): written by people, by tests,
// and by the simulator itself. Whatever a file holds, loading fails with a message or gives a
// dataset that the state file writes back and that loads again into the same dataset.

#include "fuzzcheck.h"
#include "principals.h"
#include "seedfile.h"
#include "store.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace aikeys;
using namespace aikeys::sim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    constexpr Micros now = 1767225600LL * 1000000;
    Store store;
    Principals principals;
    QString error;
    if (!loadSeedJson(doc.object(), &store, &principals, now, &error)) {
        FUZZ_CHECK(!error.isEmpty(), u"a refused seed file says why"_s);
        return 0;
    }
    const QJsonObject state = store.toStateJson();
    Store again;
    QString againError;
    FUZZ_CHECK(loadSeedJson(state, &again, nullptr, now, &againError),
               u"the state file does not load again: "_s + againError + u"\n"_s +
                   QString::fromUtf8(QJsonDocument(state).toJson()));
    FUZZ_CHECK(again.toStateJson() == state, u"the state file changed on a second round"_s);
    return 0;
}
