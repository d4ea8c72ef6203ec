// Outcomes a user can trust, under faults: a few hundred CLI creates, renames and deletes against an
// atlas-sim that drops, hangs, truncates and fails answers to key requests, then a check of every
// claim the CLI made against what the simulator holds at the end (its state file).
//
// The CLI's exit status says done (0), not done (1), not known (4) or done with its result lost (5,
// a created key whose secret is gone). Checked at the end:
//   - no duplicate: at most one key per create (renames keep the create's name as a prefix);
//   - no key the CLI called not created (1) exists; a create that exited 4 or 5 said "may have" or
//     "was created" on standard error;
//   - no change the CLI called done (0) did not happen: a created key exists, a renamed key has its
//     new name, a deleted key is gone; and one it called not done (1) did not happen either.
// Keys are never touched again after an unknown outcome, so each expectation stays exact.
//
//   bench_faults [--ops N] [--workers N] [--seed N] [--cli PATH] [--sim PATH] [--keep]
//
// Exit status 0 when every claim held, 1 otherwise. Prints the figures either way.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QString kProject = u"66a0b1c2d3e4f5a6b7c8d101"_s; // prod-search in the demo data

enum class Op { Create, Rename, Delete };

QString opName(Op op)
{
    return op == Op::Create ? u"create"_s : op == Op::Rename ? u"rename"_s : u"delete"_s;
}

struct TrackedKey
{
    QString id;
    QString lineage;      // the name it was created with: every later name starts with it
    QString name;         // the name it must have at the end, when certain
    QStringList maybe;    // the names it may have (after a rename whose outcome is unknown)
    bool exists = true;   // what the CLI's answers say
    bool certain = true;  // false after an unknown outcome: may or may not exist
    bool settled = false; // no more operations on it
};

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

struct Figures
{
    std::map<QString, std::map<int, int>> exits; // op -> exit code -> count
    int violations = 0;
    QStringList problems;
    int unknownCreates = 0;          // creates that exited 4
    int unknownCreatesThatExist = 0; // of those, keys there at the end
};

class Bench
{
public:
    Bench(QString cli, QString baseUrl, QString home, quint32 seed)
        : m_cli(std::move(cli))
        , m_baseUrl(std::move(baseUrl))
        , m_home(std::move(home))
        , m_rng(seed)
    {}

    // One worker's step: picks an operation and runs it. Workers run their CLI processes side by
    // side: a QProcess each, advanced by the caller's event loop.
    struct Running
    {
        Op op;
        std::unique_ptr<QProcess> process;
        int keyIndex = -1; // rename, delete
        QString name;      // create: the new key's name; rename: the new name
    };

    std::unique_ptr<Running> start(int worker, int serial)
    {
        auto r = std::make_unique<Running>();
        QList<int> usable;
        for (int i = 0; i < int(m_keys.size()); ++i) {
            const TrackedKey &k = m_keys[size_t(i)];
            if (!k.settled && k.certain && k.exists && !k.id.isEmpty() && !m_busy.contains(i))
                usable.append(i);
        }
        const double roll = m_rng.generateDouble();
        QStringList args{u"--output"_s, u"json"_s, u"--timeout"_s, u"1.5"_s, u"keys"_s};
        if (usable.size() < 4 || roll < 0.4) {
            r->op = Op::Create;
            r->name = u"bench-w%1-%2"_s.arg(worker).arg(serial);
            args << u"create"_s << u"--project"_s << kProject << u"--name"_s << r->name;
        } else {
            r->keyIndex = usable.at(int(m_rng.bounded(quint32(usable.size()))));
            m_busy.insert(r->keyIndex);
            const TrackedKey &k = m_keys[size_t(r->keyIndex)];
            if (roll < 0.7) {
                r->op = Op::Rename;
                r->name = k.lineage + u"~r%1"_s.arg(serial);
                args << u"rename"_s << u"--project"_s << kProject << u"--key"_s << k.id << u"--name"_s
                     << r->name;
            } else {
                r->op = Op::Delete;
                args << u"delete"_s << u"--project"_s << kProject << u"--key"_s << k.id << u"--yes"_s;
            }
        }
        r->process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home);
        env.insert(u"XDG_CONFIG_HOME"_s, m_home + u"/config"_s);
        env.insert(u"XDG_DATA_HOME"_s, m_home + u"/data"_s);
        env.insert(u"MONGODB_ATLAS_BASE_URL"_s, m_baseUrl);
        // An API key (Digest): a service account would fetch a token per process, and the token
        // endpoint allows 50 a minute.
        env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, u"demo"_s);
        env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, u"demo-private-key"_s);
        env.remove(u"MONGODB_ATLAS_CLIENT_ID"_s);
        env.remove(u"MONGODB_ATLAS_CLIENT_SECRET"_s);
        env.remove(u"MONGODB_ATLAS_ACCESS_TOKEN"_s);
        r->process->setProcessEnvironment(env);
        r->process->start(m_cli, args);
        return r;
    }

    void finish(Running &r, Figures &f)
    {
        Outcome o;
        o.exitCode = r.process->exitStatus() == QProcess::NormalExit ? r.process->exitCode() : -1;
        o.out = r.process->readAllStandardOutput();
        o.err = r.process->readAllStandardError();
        ++f.exits[opName(r.op)][o.exitCode];
        m_busy.remove(r.keyIndex);
        switch (r.op) {
        case Op::Create:
            onCreate(r, o, f);
            break;
        case Op::Rename:
            onRename(r, o, f);
            break;
        case Op::Delete:
            onDelete(r, o, f);
            break;
        }
    }

    // Compares every claim with the keys the simulator holds at the end.
    void verify(const QJsonArray &finalKeys, Figures &f)
    {
        QHash<QString, QJsonObject> byId;
        QHash<QString, int> perLineage;
        for (const QJsonValue &v : finalKeys) {
            const QJsonObject k = v.toObject();
            if (k.value(u"groupId"_s).toString() != kProject)
                continue;
            const QString name = k.value(u"name"_s).toString();
            if (!name.startsWith(u"bench-"_s))
                continue;
            byId.insert(k.value(u"apiKeyId"_s).toString(), k);
            ++perLineage[name.section(u'~', 0, 0)];
        }
        for (auto it = perLineage.cbegin(); it != perLineage.cend(); ++it) {
            if (it.value() > 1)
                problem(f, u"duplicate: %1 keys come from the create of %2"_s.arg(it.value()).arg(it.key()));
            if (!m_mayExist.contains(it.key()))
                problem(f, u"%1 exists, but the CLI said it was not created"_s.arg(it.key()));
        }
        for (const QString &lineage : m_unknownCreates)
            f.unknownCreatesThatExist += perLineage.contains(lineage);
        f.unknownCreates = int(m_unknownCreates.size());
        for (const TrackedKey &k : m_keys) {
            const auto found = byId.constFind(k.id);
            const bool there = found != byId.cend();
            if (!k.certain) {
                if (there && !k.maybe.isEmpty() && !k.maybe.contains(found->value(u"name"_s).toString()))
                    problem(f, u"%1 is named %2, which no command asked for"_s.arg(
                                   k.id, found->value(u"name"_s).toString()));
                continue;
            }
            if (k.exists && !there)
                problem(f, u"%1 (%2) is gone, but the CLI said it exists (last: %3)"_s.arg(k.id, k.lineage,
                                                                                           k.name));
            if (!k.exists && there)
                problem(f, u"%1 (%2) exists, but the CLI said it was deleted"_s.arg(k.id, k.lineage));
            if (k.exists && there && found->value(u"name"_s).toString() != k.name)
                problem(f, u"%1 is named %2, but the CLI said %3"_s.arg(
                               k.id, found->value(u"name"_s).toString(), k.name));
        }
    }

    int trackedKeys() const { return int(m_keys.size()); }

private:
    void problem(Figures &f, const QString &text)
    {
        ++f.violations;
        if (f.problems.size() < 20)
            f.problems << text;
    }

    void onCreate(Running &r, const Outcome &o, Figures &f)
    {
        const QString err = QString::fromUtf8(o.err);
        switch (o.exitCode) {
        case 0: {
            const QJsonObject k = QJsonDocument::fromJson(o.out).object();
            TrackedKey t;
            t.id = k.value(u"apiKeyId"_s).toString();
            t.lineage = r.name;
            t.name = k.value(u"name"_s).toString();
            if (t.id.isEmpty() || t.name != r.name)
                problem(f, u"create of %1 exited 0 without the key in its output"_s.arg(r.name));
            m_keys.push_back(t);
            m_mayExist.insert(r.name);
            break;
        }
        case 5: {
            if (!err.contains(u"was created"_s))
                problem(f, u"create of %1 exited 5 without saying the key was created"_s.arg(r.name));
            static const QRegularExpression idRe(u"\\(ID ([a-z0-9]+)\\)"_s);
            const QRegularExpressionMatch m = idRe.match(err);
            m_mayExist.insert(r.name);
            if (m.hasMatch()) {
                TrackedKey t;
                t.id = m.captured(1);
                t.lineage = r.name;
                t.name = r.name;
                m_keys.push_back(t);
            }
            break;
        }
        case 4:
            if (!err.contains(u"may have been created"_s))
                problem(f, u"create of %1 exited 4 without saying it may have been created"_s.arg(r.name));
            m_mayExist.insert(r.name);
            m_unknownCreates.insert(r.name);
            break;
        default:
            break; // not created: verify() finds any key of this name a violation
        }
    }

    void onRename(Running &r, const Outcome &o, Figures &f)
    {
        TrackedKey &k = m_keys[size_t(r.keyIndex)];
        switch (o.exitCode) {
        case 0:
            k.name = r.name;
            break;
        case 4:
            if (!QString::fromUtf8(o.err).contains(u"may have been renamed"_s))
                problem(f, u"rename of %1 exited 4 without saying it may have happened"_s.arg(k.id));
            k.maybe = {k.name, r.name};
            k.certain = false;
            k.settled = true;
            break;
        default:
            break; // not renamed: the name stays
        }
    }

    void onDelete(Running &r, const Outcome &o, Figures &f)
    {
        TrackedKey &k = m_keys[size_t(r.keyIndex)];
        switch (o.exitCode) {
        case 0:
            k.exists = false;
            k.settled = true;
            break;
        case 4:
            if (!QString::fromUtf8(o.err).contains(u"may have been deleted"_s))
                problem(f, u"delete of %1 exited 4 without saying it may have happened"_s.arg(k.id));
            k.maybe = {k.name};
            k.certain = false;
            k.settled = true;
            break;
        default:
            break; // not deleted: it stays
        }
    }

    QString m_cli;
    QString m_baseUrl;
    QString m_home;
    QRandomGenerator m_rng;
    std::vector<TrackedKey> m_keys;
    QSet<int> m_busy;
    QSet<QString> m_mayExist; // lineages whose create exited 0, 4 or 5
    QSet<QString> m_unknownCreates;
};

QString defaultCli()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(u"../src/cli/atlas-ai-keys-cli"_s);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"CLI creates, renames and deletes against a misbehaving atlas-sim."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"ops"_s, u"Operations in all (default 300)."_s, u"N"_s, u"300"_s},
        {u"workers"_s, u"CLI processes running side by side (default 4)."_s, u"N"_s, u"4"_s},
        {u"seed"_s, u"Seed of the operations and of the simulator's faults (default 7)."_s, u"N"_s, u"7"_s},
        {u"cli"_s, u"atlas-ai-keys-cli to run."_s, u"PATH"_s, defaultCli()},
        {u"sim"_s, u"atlas-sim to run."_s, u"PATH"_s, QStringLiteral(AIKEYS_SIM_PATH)},
        {u"keep"_s, u"Keep the temporary directory (state file, simulator log)."_s},
    });
    parser.process(app);
    const int ops = std::max(1, parser.value(u"ops"_s).toInt());
    const int workers = std::clamp(parser.value(u"workers"_s).toInt(), 1, 16);
    const quint32 seed = parser.value(u"seed"_s).toUInt();

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_faults: no temporary directory\n");
        return 2;
    }
    dir.setAutoRemove(!parser.isSet(u"keep"_s));
    const QString state = dir.filePath(u"state.json"_s);

    // Faults on key requests only, so that sign-in (the token) works; reads of keys take them too,
    // which is how the CLI's own checks after a lost answer are exercised.
    QProcess sim;
    sim.setStandardErrorFile(dir.filePath(u"sim.log"_s));
    sim.start(
        parser.value(u"sim"_s),
        {u"--port"_s,           u"0"_s,    u"--data"_s,        u"demo"_s,
         u"--state"_s,          state,     u"--seed"_s,        QString::number(seed),
         u"--drop-rate"_s,      u"0.07"_s, u"--hang-rate"_s,   u"0.04"_s,
         u"--malformed-rate"_s, u"0.07"_s, u"--fail-rate"_s,   u"0.07"_s,
         u"--fail-status"_s,    u"503"_s,  u"--fault-match"_s, u"* /api/atlas/v2/groups/*/aiModelApiKeys*"_s,
         u"--verbose"_s});
    // The first line on standard output names the address (the simulator flushes it at once).
    if (!sim.waitForStarted(10000) || !sim.waitForReadyRead(30000)) {
        std::fprintf(stderr, "bench_faults: atlas-sim did not start\n");
        return 2;
    }
    const QString first = QString::fromUtf8(sim.readLine()).trimmed();
    const QString baseUrl = first.section(u' ', -1);
    if (!baseUrl.startsWith(u"http://"_s)) {
        std::fprintf(stderr, "bench_faults: unexpected first line from atlas-sim: %s\n", qPrintable(first));
        return 2;
    }

    Bench bench(parser.value(u"cli"_s), baseUrl, dir.path(), seed);
    Figures figures;
    QElapsedTimer timer;
    timer.start();
    std::vector<std::unique_ptr<Bench::Running>> running(static_cast<size_t>(workers));
    int started = 0;
    int done = 0;
    while (done < ops) {
        for (int w = 0; w < workers; ++w) {
            auto &slot = running[size_t(w)];
            if (slot && slot->process->state() == QProcess::NotRunning) {
                bench.finish(*slot, figures);
                slot.reset();
                ++done;
            }
            if (!slot && started < ops) {
                slot = bench.start(w, started++);
            }
        }
        // Wait for any one worker; a short wait keeps the others moving.
        for (auto &slot : running) {
            if (slot && slot->process->state() != QProcess::NotRunning) {
                slot->process->waitForFinished(20);
                break;
            }
        }
    }
    const qint64 elapsedMs = timer.elapsed();

    // A clean stop flushes the state file.
    sim.terminate();
    if (!sim.waitForFinished(10000)) {
        sim.kill();
        sim.waitForFinished();
    }
    QFile stateFile(state);
    if (!stateFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_faults: no state file\n");
        return 2;
    }
    const QJsonArray finalKeys =
        QJsonDocument::fromJson(stateFile.readAll()).object().value(u"keys"_s).toArray();
    bench.verify(finalKeys, figures);

    QFile log(dir.filePath(u"sim.log"_s));
    int dropped = 0, hung = 0, malformed = 0, failed = 0;
    if (log.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : log.readAll().split('\n')) {
            if (!line.contains("/aiModelApiKeys"))
                continue;
            dropped += line.contains("(dropped)");
            hung += line.contains("(hung)");
            malformed += line.contains("(malformed)");
            failed += line.contains(" 503 ");
        }
    }

    std::printf("%d CLI operations, %d side by side, in %.1f s; %d keys tracked\n", ops, workers,
                double(elapsedMs) / 1000.0, bench.trackedKeys());
    std::printf("faults injected into key requests: %d dropped, %d hung, %d truncated, %d failed (503)\n",
                dropped, hung, malformed, failed);
    for (const auto &[op, codes] : figures.exits) {
        std::printf("  %-7s", qPrintable(op));
        for (const auto &[code, count] : codes)
            std::printf("  exit %d: %d", code, count);
        std::printf("\n");
    }
    std::printf("creates whose outcome stayed unknown (exit 4): %d, of which %d left a key\n",
                figures.unknownCreates, figures.unknownCreatesThatExist);
    std::printf("violations: %d\n", figures.violations);
    for (const QString &p : figures.problems)
        std::printf("  %s\n", qPrintable(p));
    if (parser.isSet(u"keep"_s))
        std::printf("kept: %s\n", qPrintable(dir.path()));
    return figures.violations == 0 ? 0 : 1;
}
