// The CLI as a user runs it, a whole process, at 20,000 keys: `keys list --org` in each output format
// and `audit --org`, against atlas-sim with and without added latency. Beside it, in the same run: a
// plain sequential pager (one page after another with Qt's own JSON and Digest, itself a whole
// process: this binary with --sequential-pager), the latency floor, and the simulator's CPU per page.
// Prints figures and whether each goal is met; asserts nothing.
//
//   bench_cli [--keys N] [--projects N] [--latency-ms L] [--runs R]
//
// Figures per command: wall time (median of R runs) at the added latency and with none, that wall
// time over the latency floor and against the sequential pager, CPU (user + system) per key beyond
// what the same command costs on a one-key organization (start-up, sign-in), and peak memory.
// The latency floor is the round trips any client needs: the Digest challenge, the first page of
// each listing (which says how many follow), then the other pages six at a time (what HTTP/1.1
// clients open to one host).
//
// AIKEYS_SIM / AIKEYS_CLI override the simulator and CLI paths. Linux and other Unix systems only
// (it measures children with wait4).
#include "benchsupport.h"

#include <QAuthenticator>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace aikeys::bench;

namespace {

constexpr int kPageSize = 500;
constexpr int kConcurrent = 6;
const QString kPublicKey = u"demo"_s;
const QString kPrivateKey = u"demo-private-key"_s;

struct Run
{
    double wallMs = 0;
    double cpuMs = 0;
    double peakMb = 0;
    int exitCode = -1;
};

#ifdef Q_OS_UNIX
double nowMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

// Runs program to the end with standard output and error to /dev/null, and reads its CPU time and
// peak memory from the kernel (wait4), which QProcess does not give.
Run runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env,
               const QString &stderrPath = {})
{
    const std::string errPath = stderrPath.isEmpty() ? std::string("/dev/null") : stderrPath.toStdString();
    std::vector<std::string> argStore{program.toStdString()};
    for (const QString &a : args)
        argStore.push_back(a.toStdString());
    std::vector<std::string> envStore;
    for (const QString &e : env.toStringList())
        envStore.push_back(e.toStdString());
    std::vector<char *> argv, envp;
    for (std::string &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (std::string &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    Run r;
    const double start = nowMs();
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        const int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(null, 1);
        dup2(err, 2);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    if (pid < 0)
        return r;
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) != pid)
        return r;
    r.wallMs = nowMs() - start;
    r.cpuMs = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
              double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
    r.peakMb = double(usage.ru_maxrss) / 1024.0;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// CPU time (user + system) a process has used so far, from /proc (the simulator's share).
double processCpuMs(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}
#endif

// What the CLI says about its own CPU with --verbose: the main thread's CPU time spent reading answers
// into items (all listings) and writing the output.
struct SelfReport
{
    double readingMs = 0;
    double writingMs = 0;
};

SelfReport selfReport(const QString &stderrPath)
{
    QFile f(stderrPath);
    SelfReport r;
    if (!f.open(QIODevice::ReadOnly))
        return r;
    const QString text = QString::fromUtf8(f.readAll());
    static const QRegularExpression reading(u"; ([0-9.]+) ms of CPU reading them"_s);
    static const QRegularExpression writing(u"Wrote [0-9]+ items in ([0-9.]+) ms of CPU"_s);
    for (auto it = reading.globalMatch(text); it.hasNext();)
        r.readingMs += it.next().captured(1).toDouble();
    const auto w = writing.match(text);
    if (w.hasMatch())
        r.writingMs = w.captured(1).toDouble();
    return r;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Figures
{
    double wallMs = 0;
    double cpuMs = 0;
    double peakMb = 0;
    bool ok = true;
};

Figures measure(int runs, const std::function<Run()> &once, const std::function<bool(const Run &)> &okay)
{
    once(); // warm-up: caches, the simulator's first pages
    std::vector<double> wall, cpu, peak;
    Figures f;
    for (int i = 0; i < runs; ++i) {
        const Run r = once();
        f.ok = f.ok && okay(r);
        wall.push_back(r.wallMs);
        cpu.push_back(r.cpuMs);
        peak.push_back(r.peakMb);
    }
    f.wallMs = median(wall);
    f.cpuMs = median(cpu);
    f.peakMb = *std::max_element(peak.begin(), peak.end());
    return f;
}

// ---- the baseline: one page after another, as a short script would page the org endpoint

// withNames: also the org's projects and the organizations, one page after another, as an audit needs.
int sequentialPager(const QUrl &base, const QString &org, bool withNames)
{
    QNetworkAccessManager nam;
    QObject::connect(&nam, &QNetworkAccessManager::authenticationRequired, &nam,
                     [](QNetworkReply *, QAuthenticator *auth) {
                         auth->setUser(kPublicKey);
                         auth->setPassword(kPrivateKey);
                     });
    qsizetype items = 0;
    QStringList paths{u"/api/atlas/v2/orgs/%1/aiModelApiKeys"_s.arg(org)};
    if (withNames)
        paths << u"/api/atlas/v2/orgs/%1/groups"_s.arg(org) << u"/api/atlas/v2/orgs"_s;
    for (const QString &path : std::as_const(paths)) {
        for (int page = 1;; ++page) {
            QUrl url = base;
            url.setPath(path);
            url.setQuery(u"itemsPerPage=%1&pageNum=%2"_s.arg(kPageSize).arg(page));
            QNetworkRequest request(url);
            request.setRawHeader("Accept", path.endsWith(u"aiModelApiKeys"_s)
                                               ? "application/vnd.atlas.2025-03-12+json"
                                               : "application/vnd.atlas.2023-01-01+json");
            QNetworkReply *reply = nam.get(request);
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            const QJsonArray results =
                QJsonDocument::fromJson(reply->readAll()).object().value(u"results"_s).toArray();
            const bool failed = reply->error() != QNetworkReply::NoError;
            reply->deleteLater();
            if (failed)
                return 1;
            items += results.size();
            if (results.size() < kPageSize)
                break;
        }
    }
    std::printf("%lld\n", static_cast<long long>(items));
    return 0;
}

// The round trips any client needs for listings of these many pages (see the header comment).
int floorRoundTrips(const std::vector<int> &pagesPerListing)
{
    int rest = 0;
    for (const int pages : pagesPerListing)
        rest += pages - 1;
    return 2 + (rest + kConcurrent - 1) / kConcurrent;
}

const char *verdict(bool met)
{
    return met ? "met" : "NOT MET";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() >= 4 && arguments.at(1) == u"--sequential-pager"_s)
        return sequentialPager(QUrl(arguments.at(2)), arguments.at(3), arguments.value(4) == u"audit"_s);

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"keys"_s, u"Keys in the generated organization."_s, u"N"_s, u"20000"_s});
    parser.addOption({u"projects"_s, u"Projects they are spread over."_s, u"N"_s, u"2000"_s});
    parser.addOption({u"latency-ms"_s, u"Latency the simulator adds to every answer."_s, u"L"_s, u"20"_s});
    parser.addOption({u"runs"_s, u"Runs per figure (after one warm-up run)."_s, u"R"_s, u"5"_s});
    parser.process(app);
    const int keyCount = qMax(1, parser.value(u"keys"_s).toInt());
    const int projectCount = qMax(1, parser.value(u"projects"_s).toInt());
    const int latency = qMax(1, parser.value(u"latency-ms"_s).toInt());
    const int runs = qMax(1, parser.value(u"runs"_s).toInt());

#ifndef Q_OS_UNIX
    std::printf("bench_cli measures child processes with wait4: Unix only.\n");
    return 0;
#else
    const QString cli = cliPath();
    if (!QFileInfo::exists(cli)) {
        std::printf("no CLI at %s: build atlas-ai-keys-cli or set AIKEYS_CLI\n", qPrintable(cli));
        return 1;
    }
    const QString generate = u"orgs=1,projects=%1,keys=%2"_s.arg(projectCount).arg(keyCount);
    Sim slow, fast, tiny;
    if (!startSim(slow, {u"--generate"_s, generate, u"--latency-ms"_s, QString::number(latency)}) ||
        !startSim(fast, {u"--generate"_s, generate}) ||
        !startSim(tiny, {u"--generate"_s, u"orgs=1,projects=1,keys=1"_s})) {
        std::printf("cannot start %s\n", qPrintable(simPath()));
        return 1;
    }

    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    // An API key (Digest), as a script on a server would use; no keychain involved.
    env.insert(u"MONGODB_ATLAS_PUBLIC_API_KEY"_s, kPublicKey);
    env.insert(u"MONGODB_ATLAS_PRIVATE_API_KEY"_s, kPrivateKey);
    for (const QString &name : {u"MONGODB_ATLAS_CLIENT_ID"_s, u"MONGODB_ATLAS_CLIENT_SECRET"_s,
                                u"MONGODB_ATLAS_ACCESS_TOKEN"_s, u"QT_LOGGING_RULES"_s})
        env.remove(name);
    const auto envFor = [&env](const Sim &sim) {
        QProcessEnvironment e = env;
        e.insert(u"MONGODB_ATLAS_BASE_URL"_s, sim.url.toString());
        return e;
    };
    // The one organization of a generated dataset.
    const auto orgOf = [&](const Sim &sim) {
        QProcess p;
        p.setProcessEnvironment(envFor(sim));
        p.start(cli, {u"orgs"_s, u"list"_s, u"--output"_s, u"json"_s});
        p.waitForFinished(60000);
        return QJsonDocument::fromJson(p.readAllStandardOutput())
            .array()
            .at(0)
            .toObject()
            .value(u"id"_s)
            .toString();
    };
    const QString slowOrg = orgOf(slow), fastOrg = orgOf(fast), tinyOrg = orgOf(tiny);
    if (slowOrg.isEmpty() || fastOrg.isEmpty() || tinyOrg.isEmpty()) {
        std::printf("the CLI could not list the simulated organizations\n");
        return 1;
    }

    const int keyPages = keyCount / kPageSize + 1;
    const int projectPages = projectCount / kPageSize + 1;
    const double listFloor = floorRoundTrips({keyPages}) * latency;
    const double auditFloor = floorRoundTrips({keyPages, projectPages, 1}) * latency;

    std::printf("Whole-process CLI at %d keys in %d projects (atlas-sim --generate %s), %d runs per figure "
                "after a warm-up run; medians\n\n",
                keyCount, projectCount, qPrintable(generate), runs);

    // The baselines first, on the same simulator: the keys alone, and what an audit reads.
    const QString self = QCoreApplication::applicationFilePath();
    const auto pager = [&](const QStringList &extra) {
        return measure(
            runs,
            [&] {
                return runProcess(
                    self, QStringList{u"--sequential-pager"_s, slow.url.toString(), slowOrg} + extra, env);
            },
            [](const Run &r) { return r.exitCode == 0; });
    };
    const Figures sequential = pager({});
    const Figures sequentialAudit = pager({u"audit"_s});
    std::printf(
        "sequential pager (one page after another, Qt's JSON), %d ms latency: keys %.0f ms%s, keys and "
        "project and org names (an audit) %.0f ms%s\n",
        latency, sequential.wallMs, sequential.ok ? "" : " (FAILED)", sequentialAudit.wallMs,
        sequentialAudit.ok ? "" : " (FAILED)");
    std::printf(
        "latency floor at %d ms: keys list %.0f ms (%d round trips), audit %.0f ms (%d round trips)\n\n",
        latency, listFloor, floorRoundTrips({keyPages}), auditFloor,
        floorRoundTrips({keyPages, projectPages, 1}));

    struct Command
    {
        QString label;
        QStringList args;
        double floorMs;
        bool audit;
    };
    const QList<Command> commands = {
        {u"keys list --org --output json"_s,
         {u"keys"_s, u"list"_s, u"--output"_s, u"json"_s},
         listFloor,
         false},
        {u"keys list --org --output csv"_s,
         {u"keys"_s, u"list"_s, u"--output"_s, u"csv"_s},
         listFloor,
         false},
        {u"keys list --org --output table"_s,
         {u"keys"_s, u"list"_s, u"--output"_s, u"table"_s},
         listFloor,
         false},
        {u"audit --org --output json"_s, {u"audit"_s, u"--output"_s, u"json"_s}, auditFloor, true},
        {u"audit --org --output csv"_s, {u"audit"_s, u"--output"_s, u"csv"_s}, auditFloor, true},
        {u"audit --org --output table"_s, {u"audit"_s, u"--output"_s, u"table"_s}, auditFloor, true},
    };
    std::printf("%-32s %9s %7s %8s %9s %9s %8s %8s %8s\n", "command", "wall", "/floor", "vs seq", "wall@0ms",
                "CPU@0ms", "CPU/key", "map+out", "peak");
    bool allMet = true;
    double simCpuMs = 0;
    int simPages = 0;
    double clientCpuMs = 0; // the keys list commands without latency, per run
    for (const Command &c : commands) {
        // audit exits 3 when it finds stale or unused keys, as generated data has.
        const auto okay = [&c](const Run &r) { return r.exitCode == 0 || (c.audit && r.exitCode == 3); };
        const auto on = [&](const Sim &sim, const QString &org) {
            return [&, org] { return runProcess(cli, c.args + QStringList{u"--org"_s, org}, envFor(sim)); };
        };
        const Figures atLatency = measure(runs, on(slow, slowOrg), okay);
        const double simBefore = processCpuMs(fast.process.processId());
        const Figures noLatency = measure(runs, on(fast, fastOrg), okay);
        if (!c.audit) {
            simCpuMs += processCpuMs(fast.process.processId()) - simBefore;
            simPages += (runs + 1) * (keyPages + 1); // and the Digest challenge of each run
            clientCpuMs += noLatency.cpuMs * (runs + 1);
        }
        const Figures oneKey = measure(runs, on(tiny, tinyOrg), okay);
        const double perKeyUs = (noLatency.cpuMs - oneKey.cpuMs) * 1000.0 / keyCount;
        // Mapping and output as the CLI measures them itself (--verbose), median of the runs.
        std::vector<double> selfUs;
        const QString errFile = home.filePath(u"stderr.txt"_s);
        for (int i = 0; i < runs; ++i) {
            runProcess(cli, QStringList{u"--verbose"_s} + c.args + QStringList{u"--org"_s, fastOrg},
                       envFor(fast), errFile);
            const SelfReport self = selfReport(errFile);
            selfUs.push_back((self.readingMs + self.writingMs) * 1000.0 / keyCount);
        }
        const double mapOutUs = median(selfUs);
        const double overFloor = atLatency.wallMs / c.floorMs;
        const double vsSequential = (c.audit ? sequentialAudit : sequential).wallMs / atLatency.wallMs;
        std::printf("%-32s %6.0f ms %6.2fx %7.2fx %6.0f ms %6.0f ms %5.2f us %5.2f us %5.1f MB%s\n",
                    qPrintable(c.label), atLatency.wallMs, overFloor, vsSequential, noLatency.wallMs,
                    noLatency.cpuMs, perKeyUs, mapOutUs, std::max(atLatency.peakMb, noLatency.peakMb),
                    atLatency.ok && noLatency.ok && oneKey.ok ? "" : "  (a run FAILED)");
        const bool met = overFloor <= 2.0 && vsSequential >= 3.0 && mapOutUs < 5.0 &&
                         std::max(atLatency.peakMb, noLatency.peakMb) < 50.0 && atLatency.ok && noLatency.ok;
        allMet = allMet && met;
    }
    std::printf(
        "\n(CPU/key: the whole process's CPU beyond the same command on a one-key organization, over %d "
        "keys; it includes Qt's HTTP/1.1 client, which reads the simulator's headers a byte per system "
        "call. map+out: reading the answers into keys and writing the output, as the CLI times them "
        "with --verbose.)\n",
        keyCount);
    if (simPages > 0 && simCpuMs >= 0)
        std::printf(
            "atlas-sim CPU per page of %d keys: %.2f ms, the CLI's %.2f ms (the whole process over its "
            "pages; measured over the keys list runs without latency)\n",
            kPageSize, simCpuMs / simPages, clientCpuMs / simPages);
    std::printf(
        "\ngoals (each command): wall at %d ms <= 2x the floor, >= 3x faster than the sequential pager, "
        "map+out < 5 us per key, peak < 50 MB: %s\n",
        latency, verdict(allMet));
    return 0;
#endif
}
