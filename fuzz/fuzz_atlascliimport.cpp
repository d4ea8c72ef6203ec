// The Atlas CLI's config.toml, which the profile import reads: another program (or another person
// with write access to the file) wrote it. Whatever it holds, the import either fails with a message
// or yields candidates that are complete enough to show.

#include "credentials/atlascliimport.h"
#include "fuzzcheck.h"

using namespace Qt::StringLiterals;
using namespace aikeys;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray toml(reinterpret_cast<const char *>(data), qsizetype(size));
    const AtlasCliImport import = AtlasCliImport::fromAtlasCliToml(toml, u"/fuzz/config.toml"_s);
    if (!import.ok()) {
        FUZZ_CHECK(!import.errorString().isEmpty(), u"a failed import says why"_s);
        FUZZ_CHECK(import.candidates().isEmpty(), u"a failed import has candidates"_s);
        return 0;
    }
    FUZZ_CHECK(import.errorLine() == 0, u"an error line without an error"_s);
    for (const ImportCandidate &c : import.candidates()) {
        FUZZ_CHECK(!c.sourceName.isEmpty(), u"a candidate without its table"_s);
        FUZZ_CHECK(!c.profile.name.isEmpty(), u"a candidate without a name"_s);
        FUZZ_CHECK(!c.secretInSource || !c.secretField.isEmpty(), u"a secret with no field named"_s);
    }
    return 0;
}
