// The MONGODB_ATLAS_* environment, read by the CLI and by the import: NAME=value lines (the first byte
// of a line picks one of the known names, or the line is taken as it is).

#include "credentials/atlascliimport.h"
#include "credentials/environment.h"
#include "fuzzcheck.h"

using namespace Qt::StringLiterals;
using namespace aikeys;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QStringList names = [] {
        QStringList n = atlasCredentialVariables();
        n << QString::fromLatin1(atlasenv::kBaseUrl) << QString::fromLatin1(atlasenv::kOrgId)
          << QString::fromLatin1(atlasenv::kProjectId);
        return n;
    }();
    QProcessEnvironment env;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const QString &line : text.split(u'\n')) {
        if (line.isEmpty())
            continue;
        const ushort pick = line.front().unicode();
        if (pick < 0x20) {
            env.insert(names.at(pick % names.size()), line.mid(1));
        } else {
            const qsizetype eq = line.indexOf(u'=');
            if (eq > 0)
                env.insert(line.left(eq), line.mid(eq + 1));
        }
    }

    const EnvironmentCredentials read = readAtlasEnvironment(env);
    FUZZ_CHECK(!(read.hasCredentials() && !read.problem.isEmpty()), u"credentials despite a problem"_s);
    if (read.hasCredentials()) {
        const Credentials &c = *read.credentials;
        FUZZ_CHECK(!c.secret.isEmpty(), u"credentials without a secret"_s);
        FUZZ_CHECK(c.mode == AuthMode::AccessToken || !c.id.isEmpty(), u"credentials without an id"_s);
    }

    const AtlasCliImport import = AtlasCliImport::fromEnvironment(env);
    FUZZ_CHECK(import.ok() || !import.errorString().isEmpty(), u"a failed import says why"_s);
    FUZZ_CHECK(import.candidates().size() <= 1, u"the environment is one profile at most"_s);
    return 0;
}
