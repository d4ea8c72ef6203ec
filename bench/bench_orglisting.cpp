// Org-wide key listing against atlas-sim with added latency: our concurrent paging beside the
// access patterns of a script over the Atlas CLI (per project, one after another) and of
// Terraform's org-level data source (the org endpoint, one page after another), and the latency
// floor. Also the JSON mapping throughput for the same keys. Prints figures; asserts nothing.
#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "benchsupport.h"
#include "domain/json.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTimer>

#include <cmath>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys;
using namespace aikeys::bench;

namespace {

std::unique_ptr<AtlasSession> session(const QUrl &url, int concurrency)
{
    SessionConfig config;
    config.baseUrl = url;
    config.maxConcurrentPages = concurrency;
    config.transferTimeoutMs = 60000;
    return std::make_unique<AtlasSession>(config,
                                          Credentials{AuthMode::ServiceAccount, u"mdb_sa_id_demo"_s,
                                                      SecretBuffer(QByteArray("mdb_sa_sk_demo"))},
                                          new QNetworkAccessManager);
}

template <typename J>
bool wait(J *job)
{
    if (job->isFinished())
        return true;
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
    loop.exec();
    return true;
}

// Warms up the connection and the token, so every measurement starts from a signed-in session.
QString warmUp(AtlasClient &api)
{
    auto *orgs = api.listOrganizations();
    orgs->setAutoDelete(false);
    wait(orgs);
    const QString id = orgs->items().isEmpty() ? QString() : orgs->items().first().id;
    delete orgs;
    return id;
}

struct Listing
{
    qint64 ms = 0;
    qint64 keysMs = -1; // ours only: when the org's keys alone were in, in the same run
    qsizetype keys = 0;
    qsizetype named = 0;
    int pages = 0;
};

// Ours: the org's keys and its projects at once, all pages concurrently, joined by project id.
Listing ours(const QUrl &url)
{
    auto s = session(url, 6);
    AtlasClient api(s.get());
    const QString org = warmUp(api);
    QElapsedTimer t;
    t.start();
    auto *keys = api.listOrgKeys(org);
    auto *projects = api.listProjects(org);
    keys->setAutoDelete(false);
    projects->setAutoDelete(false);
    qint64 keysDone = -1, projectsDone = -1;
    QObject::connect(keys, &Job::finished, keys, [&] { keysDone = t.elapsed(); });
    QObject::connect(projects, &Job::finished, projects, [&] { projectsDone = t.elapsed(); });
    wait(keys);
    wait(projects);
    if (qEnvironmentVariableIsSet("AIKEYS_BENCH_TRACE"))
        std::printf("keys done at %lld ms, projects at %lld ms\n", (long long)keysDone,
                    (long long)projectsDone);
    QHash<QString, QString> names;
    names.reserve(projects->items().size());
    for (const Project &p : projects->items())
        names.insert(p.id, p.name);
    Listing r;
    for (const AiKey &k : keys->items())
        r.named += names.contains(k.groupId) ? 1 : 0;
    r.ms = t.elapsed();
    r.keysMs = keysDone;
    r.keys = keys->items().size();
    r.pages = keys->pagesFetched();
    delete keys;
    delete projects;
    return r;
}

// The org endpoint alone, with `concurrency` pages in flight (1: Terraform's org-level data source,
// one page after another).
Listing orgPaging(const QUrl &url, int concurrency)
{
    auto s = session(url, concurrency);
    AtlasClient api(s.get());
    const QString org = warmUp(api);
    QElapsedTimer t;
    t.start();
    auto *keys = api.listOrgKeys(org);
    keys->setAutoDelete(false);
    wait(keys);
    Listing r;
    r.ms = t.elapsed();
    r.keys = keys->items().size();
    r.pages = keys->pagesFetched();
    delete keys;
    return r;
}

// A script over the Atlas CLI, or one Terraform data source per project: list the projects, then
// each project's keys, one project after another. With sample > 0 only that many projects are
// listed and the time is extrapolated to all of them (said so in the output).
Listing perProjectSequential(const QUrl &url, int sample, int *projectsListed, int *projectsTotal)
{
    auto s = session(url, 1);
    AtlasClient api(s.get());
    const QString org = warmUp(api);
    QElapsedTimer t;
    t.start();
    auto *projects = api.listProjects(org);
    projects->setAutoDelete(false);
    wait(projects);
    const QList<Project> all = projects->items();
    delete projects;
    const int n = sample > 0 ? qMin(sample, int(all.size())) : int(all.size());
    Listing r;
    for (int i = 0; i < n; ++i) {
        auto *keys = api.listProjectKeys(all.at(i).id);
        keys->setAutoDelete(false);
        wait(keys);
        r.keys += keys->items().size();
        r.pages += keys->pagesFetched();
        delete keys;
    }
    r.ms = t.elapsed();
    *projectsListed = n;
    *projectsTotal = int(all.size());
    if (n > 0 && n < all.size())
        r.ms = qint64(double(r.ms) * double(all.size()) / double(n));
    return r;
}

QByteArray syntheticPage(int first, int count)
{
    QJsonArray results;
    for (int i = first; i < first + count; ++i) {
        results.append(QJsonObject{{u"apiKeyId"_s, u"k%1xxxxxxxxxxxxxxxxxxxx"_s.arg(i, 5, 10, QChar(u'0'))},
                                   {u"name"_s, u"service %1 embeddings"_s.arg(i)},
                                   {u"groupId"_s, u"32b6e34b3d91647abb20e7b8"_s},
                                   {u"cloud"_s, u"ANY"_s},
                                   {u"geography"_s, u"ANY"_s},
                                   {u"endpoint"_s, u"ai.mongodb.com"_s},
                                   {u"createdAt"_s, u"2026-01-15T16:47:49.855000+00:00"_s},
                                   {u"createdBy"_s, u"Ana Lima"_s},
                                   {u"lastUsedAt"_s, i % 5 ? QJsonValue(u"2026-03-01T08:00:00.000000+00:00"_s)
                                                           : QJsonValue(QJsonValue::Null)},
                                   {u"maskedSecret"_s, u"al-****odu2"_s},
                                   {u"status"_s, u"ACTIVE"_s}});
    }
    return QJsonDocument(QJsonObject{{u"results"_s, results}, {u"totalCount"_s, 20000}})
        .toJson(QJsonDocument::Compact);
}

void line(const char *what, double value, const char *unit, const QString &note = {})
{
    std::printf("  %-52s %10.1f %-4s %s\n", what, value, unit, qPrintable(note));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Org-wide AI key listing benchmark against atlas-sim"_s);
    parser.addHelpOption();
    const QCommandLineOption projectsOpt(u"projects"_s, u"Projects to generate (default 2000)."_s, u"N"_s,
                                         u"2000"_s);
    const QCommandLineOption keysOpt(u"keys"_s, u"Keys to generate (default 20000)."_s, u"N"_s, u"20000"_s);
    const QCommandLineOption latencyOpt(u"latency-ms"_s, u"Added latency per request (default 20)."_s,
                                        u"MS"_s, u"20"_s);
    const QCommandLineOption sampleOpt(
        u"sample"_s, u"List only N projects in the per-project run and extrapolate (0 = all)."_s, u"N"_s,
        u"0"_s);
    parser.addOptions({projectsOpt, keysOpt, latencyOpt, sampleOpt});
    parser.process(app);
    const int projects = parser.value(projectsOpt).toInt();
    const int keyCount = parser.value(keysOpt).toInt();
    const int latency = parser.value(latencyOpt).toInt();

    Sim sim;
    QElapsedTimer startup;
    startup.start();
    if (!startSim(sim, {u"--generate"_s, u"orgs=1,projects=%1,keys=%2"_s.arg(projects).arg(keyCount),
                        u"--latency-ms"_s, QString::number(latency), u"--seed"_s, u"7"_s})) {
        std::fprintf(stderr, "could not start atlas-sim\n");
        return 1;
    }
    std::printf("atlas-sim: %d projects, %d keys, %d ms added latency per request (started in %lld ms)\n\n",
                projects, keyCount, latency, static_cast<long long>(startup.elapsed()));

    // The first listing after start-up pays for the simulator's and the process's cold caches; it
    // is run once beforehand so that every figure below is warm.
    ours(sim.url);
    const Listing a = ours(sim.url);
    const int pages = a.pages;
    const int rounds = 1 + int(std::ceil(double(pages - 1) / 6.0));
    const double floor = double(rounds) * latency;
    const Listing b = orgPaging(sim.url, 1);
    int listed = 0, total = 0;
    const Listing c = perProjectSequential(sim.url, parser.value(sampleOpt).toInt(), &listed, &total);

    std::printf("Listing every key of the org with its project's name\n");
    line("latency floor (1 + ceil((pages-1)/6)) round trips", floor, "ms",
         u"%1 pages of 500, %2 round trips x %3 ms"_s.arg(pages).arg(rounds).arg(latency));
    line("atlas-ai-keys (concurrent pages, projects alongside)", double(a.ms), "ms",
         u"%1 keys, %2 with a project name; %3x the floor (goal <= 2x)"_s.arg(a.keys).arg(a.named).arg(
             double(a.ms) / floor, 0, 'f', 2));
    // From the same run, so it can never exceed the total above (a separate session would pay for
    // its own cold start).
    line("  of which the org's keys alone, 6 pages at a time", double(a.keysMs), "ms",
         u"the key listing's own finish, projects listed alongside"_s);
    line("sequential org paging (Terraform org data source)", double(b.ms), "ms",
         u"%1 keys; ours is %2x faster (goal >= 3x)"_s.arg(b.keys).arg(double(b.ms) / double(a.ms), 0, 'f',
                                                                       1));
    line("per-project sequential (script over the Atlas CLI)", double(c.ms), "ms",
         u"%1 projects%2; ours is %3x faster (goal >= 10x)"_s.arg(total)
             .arg(listed < total ? u" (extrapolated from %1)"_s.arg(listed) : QString())
             .arg(double(c.ms) / double(a.ms), 0, 'f', 1));

    // JSON mapping throughput: the same number of keys, from bodies already in memory.
    QList<QByteArray> bodies;
    for (int first = 0; first < keyCount; first += 500)
        bodies << syntheticPage(first, qMin(500, keyCount - first));
    qint64 bytes = 0;
    for (const QByteArray &b2 : std::as_const(bodies))
        bytes += b2.size();
    QElapsedTimer jt;
    jt.start();
    qsizetype mapped = 0;
    const int reps = 5;
    for (int r = 0; r < reps; ++r) {
        for (const QByteArray &body : std::as_const(bodies))
            mapped += json::page<AiKey>(body, &json::aiKey).value().results.size();
    }
    const double perRunMs = double(jt.nsecsElapsed()) / 1e6 / reps;
    std::printf("\nJSON mapping of %d keys (%.1f MB of JSON)\n", keyCount, double(bytes) / 1e6);
    line("time per full mapping", perRunMs, "ms", u"mean of %1 runs"_s.arg(reps));
    line("throughput", double(mapped / reps) / (perRunMs / 1000.0) / 1000.0, "k/s", u"keys per second"_s);

    sim.process.terminate();
    sim.process.waitForFinished(3000);
    return 0;
}
