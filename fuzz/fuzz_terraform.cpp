// Round trip of the Terraform writer: keys and rate limits whose names, ids and scopes a server or
// another user controls are rendered, then read back with an independent reader of the HCL it uses
// (comments, quoted strings with their escapes and template sequences). Every string reads back as
// the value given; no value can open an interpolation ("${", "%{"), end a comment's line or a
// string; resource names are valid, unique identifiers.

#include "export/terraformexport.h"
#include "fuzzcheck.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <fuzzer/FuzzedDataProvider.h>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

QString take(FuzzedDataProvider &in)
{
    const std::string bytes = in.ConsumeRandomLengthString(48);
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

// Reads one quoted HCL string starting at text[*i] == '"'. Fails (returns false) on a raw new line,
// an unterminated string, an unknown escape, or an interpolation or directive left open.
bool readHclString(const QString &text, qsizetype *i, QString *value)
{
    value->clear();
    qsizetype p = *i + 1;
    const qsizetype n = text.size();
    while (p < n) {
        const QChar c = text.at(p);
        if (c == u'"') {
            *i = p + 1;
            return true;
        }
        if (c == u'\n' || c == u'\r')
            return false;
        if (c == u'\\') {
            if (p + 1 >= n)
                return false;
            const QChar e = text.at(p + 1);
            p += 2;
            switch (e.unicode()) {
            case u'n':
                *value += u'\n';
                break;
            case u'r':
                *value += u'\r';
                break;
            case u't':
                *value += u'\t';
                break;
            case u'"':
                *value += u'"';
                break;
            case u'\\':
                *value += u'\\';
                break;
            case u'u':
            case u'U': {
                const int digits = e == u'u' ? 4 : 8;
                if (p + digits > n)
                    return false;
                bool ok = false;
                const uint code = text.mid(p, digits).toUInt(&ok, 16);
                if (!ok)
                    return false;
                *value += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
                p += digits;
                break;
            }
            default:
                return false;
            }
            continue;
        }
        if ((c == u'$' || c == u'%') && p + 1 < n) {
            // "$${" and "%%{" are the literal "${" and "%{"; a single one followed by "{" would open
            // a template sequence.
            if (text.at(p + 1) == c && p + 2 < n && text.at(p + 2) == u'{') {
                *value += c;
                *value += u'{';
                p += 3;
                continue;
            }
            if (text.at(p + 1) == u'{')
                return false;
        }
        *value += c;
        ++p;
    }
    return false;
}

// Every string literal of the file in order; comments are skipped to the end of their line.
bool readHclStrings(const QString &text, QStringList *strings, int *commentLines)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'#') {
            ++*commentLines;
            while (i < text.size() && text.at(i) != u'\n')
                ++i;
            continue;
        }
        if (c == u'"') {
            QString value;
            if (!readHclString(text, &i, &value))
                return false;
            *strings << value;
            continue;
        }
        ++i;
    }
    return true;
}

QString orAny(const QString &s)
{
    return s.isEmpty() ? u"ANY"_s : s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider in(data, size);
    QList<AiKey> keys;
    QHash<QString, QString> projectNames;
    const int keyCount = in.ConsumeIntegralInRange(0, 6);
    for (int k = 0; k < keyCount; ++k) {
        AiKey key;
        key.name = take(in);
        key.apiKeyId = take(in);
        key.groupId = take(in);
        key.cloud = take(in);
        key.geography = take(in);
        projectNames.insert(key.groupId, take(in));
        keys << key;
    }
    QList<RateLimit> limits;
    const int limitCount = in.ConsumeIntegralInRange(0, 4);
    for (int l = 0; l < limitCount; ++l) {
        RateLimit limit;
        limit.modelGroupName = take(in);
        limit.cloud = take(in);
        limit.geography = take(in);
        limit.requestsPerMinuteLimit = in.ConsumeIntegral<qint64>();
        limit.tokensPerMinuteLimit = in.ConsumeIntegral<qint64>();
        limits << limit;
    }
    const QString projectId = take(in);
    const QString projectName = take(in);
    const QString source = take(in);

    TerraformExport ex;
    ex.setGeneratedAt(QDateTime::fromSecsSinceEpoch(1767225600, QTimeZone::utc()));
    ex.setSource(source);
    ex.addKeys(keys, projectNames);
    ex.addRateLimits(projectId, projectName, limits);
    const QString text = ex.render();

    QStringList strings;
    int commentLines = 0;
    FUZZ_CHECK(readHclStrings(text, &strings, &commentLines), u"unreadable HCL:\n"_s + text);

    QStringList expected{u"mongodb/mongodbatlas"_s};
    const QStringList keyNames = ex.keyResourceNames();
    const QStringList limitNames = ex.rateLimitResourceNames();
    FUZZ_CHECK(keyNames.size() == keys.size() && limitNames.size() == limits.size(), u"blocks lost"_s);
    for (qsizetype k = 0; k < keys.size(); ++k) {
        const AiKey &key = keys.at(k);
        expected << key.groupId + u'/' + key.apiKeyId << QString::fromLatin1(TerraformExport::kKeyResource)
                 << keyNames.at(k) << key.groupId << key.name << orAny(key.cloud) << orAny(key.geography);
    }
    for (qsizetype l = 0; l < limits.size(); ++l) {
        const RateLimit &limit = limits.at(l);
        const QString cloud = orAny(limit.cloud);
        const QString geography = orAny(limit.geography);
        expected << projectId + u'/' + cloud + u'/' + geography + u'/' + limit.modelGroupName
                 << QString::fromLatin1(TerraformExport::kRateLimitResource) << limitNames.at(l) << projectId
                 << cloud << geography << limit.modelGroupName;
    }
    FUZZ_CHECK(strings == expected, u"strings read back differ:\n"_s + strings.join(u'|') +
                                        u"\nexpected\n"_s + expected.join(u'|') + u"\nfrom:\n"_s + text);

    // One comment line per block on top of the fixed header: no value opened a line of its own.
    const int headerComments = (source.isEmpty() ? 0 : 1) + 10 + (keys.isEmpty() && limits.isEmpty() ? 1 : 0);
    FUZZ_CHECK(commentLines == headerComments + keys.size() + limits.size(),
               u"comment lines: %1, expected %2:\n"_s.arg(commentLines)
                       .arg(headerComments + keys.size() + limits.size()) +
                   text);

    static const QRegularExpression identifier(u"^[a-z_][a-z0-9_-]*$"_s);
    QSet<QString> seen;
    for (const QStringList *names : {&keyNames, &limitNames}) {
        seen.clear();
        for (const QString &name : *names) {
            FUZZ_CHECK(identifier.match(name).hasMatch(), u"not an identifier: "_s + name);
            FUZZ_CHECK(!seen.contains(name), u"a resource name twice: "_s + name);
            seen.insert(name);
        }
    }
    // The "to" lines name the resource without quotes: they must be exactly type.name.
    for (const QString &name : keyNames)
        FUZZ_CHECK(text.contains(u"  to = "_s + QString::fromLatin1(TerraformExport::kKeyResource) + u'.' +
                                 name + u'\n'),
                   u"no import block for "_s + name);
    return 0;
}
