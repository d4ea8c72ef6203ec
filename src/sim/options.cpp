#include "options.h"

#include "aikeys/version.h"
#include "principals.h"

#include <QCommandLineParser>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

struct Failure
{
    QString message;
};

qint64 integerOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max)
{
    bool ok = false;
    const QString text = parser.value(name);
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        throw Failure{
            u"--%1 wants an integer from %2 to %3, not \"%4\""_s.arg(name).arg(min).arg(max).arg(text)};
    return v;
}

double probabilityOption(const QCommandLineParser &parser, const QString &name)
{
    bool ok = false;
    const QString text = parser.value(name);
    const double v = text.toDouble(&ok);
    if (!ok || !(v >= 0.0 && v <= 1.0))
        throw Failure{u"--%1 wants a probability from 0 to 1, not \"%2\""_s.arg(name, text)};
    return v;
}

GenerateSpec parseGenerate(const QString &text)
{
    GenerateSpec spec;
    bool sawKeys = false;
    static const QRegularExpression item(u"^(orgs|projects|keys)=(\\d{1,7})$"_s);
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch m = item.match(part.trimmed());
        if (!m.hasMatch())
            throw Failure{u"--generate wants orgs=N,projects=N,keys=N, not \"%1\""_s.arg(text)};
        const int n = m.captured(2).toInt();
        if (m.captured(1) == "orgs"_L1)
            spec.orgs = n;
        else if (m.captured(1) == "projects"_L1)
            spec.projects = n;
        else {
            spec.keys = n;
            sawKeys = true;
        }
    }
    if (spec.orgs < 1 || spec.orgs > 10000)
        throw Failure{u"--generate: orgs must be from 1 to 10000"_s};
    if (spec.projects < 0 || spec.projects > 200000)
        throw Failure{u"--generate: projects must be from 0 to 200000"_s};
    if (spec.keys < 0 || spec.keys > 2000000)
        throw Failure{u"--generate: keys must be from 0 to 2000000"_s};
    if (spec.keys > 0 && spec.projects == 0) {
        if (sawKeys)
            throw Failure{u"--generate: keys need at least one project"_s};
        spec.keys = 0;
    }
    return spec;
}

} // namespace

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    ParsedCommandLine result;
    Options &o = result.options;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"atlas-sim: a local simulator of the MongoDB Atlas Admin API (AI model API keys, rate limits, "
        "orgs and projects, OAuth service accounts, HTTP Digest API keys) and of the embeddings endpoint. "
        "See docs/simulator.md."_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help and the demo credentials."_s);
    const QCommandLineOption version(u"version"_s, u"Show the version."_s);
    parser.addOption(help);
    parser.addOption(version);
    parser.addOptions({
        {u"port"_s, u"TCP port to listen on; 0 picks a free one (default 0)."_s, u"N"_s, u"0"_s},
        {u"bind"_s, u"Address to bind (default 127.0.0.1)."_s, u"ADDR"_s, u"127.0.0.1"_s},
        {u"data"_s, u"Dataset: \"demo\" (default) or a seed file (JSON)."_s, u"demo|FILE"_s, u"demo"_s},
        {u"generate"_s,
         u"Generated dataset, deterministic with --seed, e.g. orgs=1,projects=2000,keys=20000."_s,
         u"orgs=N,projects=N,keys=N"_s},
        {u"latency-ms"_s, u"Delay added to every answer (default 0)."_s, u"N"_s, u"0"_s},
        {u"fail-rate"_s, u"Probability of answering --fail-status instead of processing."_s, u"P"_s, u"0"_s},
        {u"fail-status"_s, u"Status used by --fail-rate, 400-599 (default 503)."_s, u"CODE"_s, u"503"_s},
        {u"drop-rate"_s, u"Probability of processing, then closing the connection without an answer."_s,
         u"P"_s, u"0"_s},
        {u"hang-rate"_s, u"Probability of processing, then never answering."_s, u"P"_s, u"0"_s},
        {u"malformed-rate"_s, u"Probability of processing, then answering truncated JSON."_s, u"P"_s, u"0"_s},
        {u"fault-match"_s,
         u"Inject faults only into requests whose \"METHOD PATH\" matches this glob (* and ?)."_s, u"GLOB"_s},
        {u"fault-count"_s, u"Inject at most N faults, then serve normally."_s, u"N"_s},
        {u"paging-fault"_s, u"Break paging: repeat, undercount or overcount."_s, u"KIND"_s, u"none"_s},
        {u"rate-limit"_s, u"Requests per minute per principal; 0 = unlimited (default)."_s, u"N"_s, u"0"_s},
        {u"token-ttl"_s, u"Lifetime of OAuth access tokens (default 3600)."_s, u"SECONDS"_s, u"3600"_s},
        {u"nonce-ttl"_s, u"Lifetime of Digest nonces (default 300)."_s, u"SECONDS"_s, u"300"_s},
        {u"state"_s, u"Load this file if present and keep every change in it."_s, u"FILE"_s},
        {u"seed"_s, u"Seed for generated data, ids and fault injection (default 1)."_s, u"N"_s, u"1"_s},
        {u"verbose"_s, u"Print one line per request to stderr: method, path, status."_s},
        {u"predictable-secrets"_s,
         u"Draw new keys' secrets from --seed too, the same on every run (reproducible screenshots; the "
         "secrets are then guessable)."_s},
        {u"access-list"_s,
         u"API access list of the principal with this public key or client id: addresses or CIDR ranges, "
         "comma-separated (repeatable). Requests from elsewhere get 403 IP_ADDRESS_NOT_ON_ACCESS_LIST."_s,
         u"ID=CIDR[,CIDR...]"_s},
        {u"require-access-list"_s,
         u"Every organization requires API access lists: principals without one get 403 "
         "ORG_REQUIRES_ACCESS_LIST."_s},
        {u"test-clock"_s,
         u"Tests only: accept POST /sim/test/clock?advanceSeconds=N from loopback, which moves the "
         "simulator's clock forward by N seconds (tokens and nonces expire without waiting)."_s},
        {u"exit-with-parent"_s,
         u"Stop when the process that started this one ends, even if it was killed: on end of file on "
         "standard input (keep it open: a pipe from the parent), and on Linux also when the parent dies."_s},
    });

    if (!parser.parse(arguments)) {
        result.exitCode = 2;
        result.error = parser.errorText() + u"\nTry atlas-sim --help."_s;
        return result;
    }
    if (parser.isSet(help)) {
        result.exitCode = 0;
        result.output = parser.helpText() + u'\n' + builtinPrincipalsHelp();
        return result;
    }
    if (parser.isSet(version)) {
        result.exitCode = 0;
        result.output = u"atlas-sim "_s + QString::fromLatin1(AIKEYS_VERSION) + u'\n';
        return result;
    }

    try {
        if (!parser.positionalArguments().isEmpty())
            throw Failure{u"unexpected argument \"%1\""_s.arg(parser.positionalArguments().constFirst())};
        o.port = quint16(integerOption(parser, u"port"_s, 0, 65535));
        if (!o.bind.setAddress(parser.value(u"bind"_s)))
            throw Failure{u"--bind wants an IP address, not \"%1\""_s.arg(parser.value(u"bind"_s))};
        if (parser.isSet(u"generate"_s)) {
            if (parser.isSet(u"data"_s))
                throw Failure{u"--data and --generate cannot be combined"_s};
            o.generate = parseGenerate(parser.value(u"generate"_s));
        }
        o.data = parser.value(u"data"_s);
        if (o.data.isEmpty())
            throw Failure{u"--data wants \"demo\" or a file"_s};
        o.latencyMs = int(integerOption(parser, u"latency-ms"_s, 0, 600000));
        o.failRate = probabilityOption(parser, u"fail-rate"_s);
        o.failStatus = int(integerOption(parser, u"fail-status"_s, 400, 599));
        o.dropRate = probabilityOption(parser, u"drop-rate"_s);
        o.hangRate = probabilityOption(parser, u"hang-rate"_s);
        o.malformedRate = probabilityOption(parser, u"malformed-rate"_s);
        if (o.failRate + o.dropRate + o.hangRate + o.malformedRate > 1.0 + 1e-9)
            throw Failure{
                u"--fail-rate, --drop-rate, --hang-rate and --malformed-rate add up to more than 1"_s};
        o.faultMatch = parser.value(u"fault-match"_s);
        if (parser.isSet(u"fault-count"_s))
            o.faultCount = int(integerOption(parser, u"fault-count"_s, 0, 1000000000));
        const QString paging = parser.value(u"paging-fault"_s);
        if (paging == "none"_L1)
            o.pagingFault = PagingFault::None;
        else if (paging == "repeat"_L1)
            o.pagingFault = PagingFault::Repeat;
        else if (paging == "undercount"_L1)
            o.pagingFault = PagingFault::Undercount;
        else if (paging == "overcount"_L1)
            o.pagingFault = PagingFault::Overcount;
        else
            throw Failure{u"--paging-fault wants repeat, undercount or overcount, not \"%1\""_s.arg(paging)};
        o.rateLimit = int(integerOption(parser, u"rate-limit"_s, 0, 100000000));
        o.tokenTtlSeconds = int(integerOption(parser, u"token-ttl"_s, 1, 100000000));
        o.nonceTtlSeconds = int(integerOption(parser, u"nonce-ttl"_s, 1, 100000000));
        o.stateFile = parser.value(u"state"_s);
        if (parser.isSet(u"state"_s) && o.stateFile.isEmpty())
            throw Failure{u"--state wants a file name"_s};
        bool ok = false;
        o.seed = parser.value(u"seed"_s).toULongLong(&ok);
        if (!ok)
            throw Failure{u"--seed wants a non-negative integer, not \"%1\""_s.arg(parser.value(u"seed"_s))};
        o.verbose = parser.isSet(u"verbose"_s);
        o.exitWithParent = parser.isSet(u"exit-with-parent"_s);
        o.predictableSecrets = parser.isSet(u"predictable-secrets"_s);
        o.testClock = parser.isSet(u"test-clock"_s);
        o.requireAccessList = parser.isSet(u"require-access-list"_s);
        for (const QString &spec : parser.values(u"access-list"_s)) {
            const qsizetype eq = spec.indexOf(u'=');
            if (eq <= 0)
                throw Failure{u"--access-list wants ID=CIDR[,CIDR...], not \"%1\""_s.arg(spec)};
            QList<QPair<QHostAddress, int>> entries;
            for (const QString &part : spec.mid(eq + 1).split(u',', Qt::SkipEmptyParts)) {
                QPair<QHostAddress, int> entry;
                if (!parseAccessListEntry(part, &entry))
                    throw Failure{u"--access-list: \"%1\" is not an IP address or CIDR range"_s.arg(part)};
                entries.append(entry);
            }
            if (entries.isEmpty())
                throw Failure{u"--access-list %1: give at least one address or range"_s.arg(spec.left(eq))};
            o.accessLists.append({spec.left(eq), entries});
        }
    } catch (const Failure &f) {
        result.exitCode = 2;
        result.error = u"atlas-sim: "_s + f.message;
    }
    return result;
}

} // namespace aikeys::sim
