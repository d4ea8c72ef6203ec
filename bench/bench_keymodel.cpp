// Benchmark of the key table: KeyTableModel + KeyFilterProxyModel with 50,000 realistic keys.
//
// Prints figures beside their goals and beside a baseline measured in the same run (a plain
// QStandardItemModel + stock QSortFilterProxyModel holding the same data, and a plain std::sort of
// the same list), so the numbers mean something on any machine. It asserts nothing: timings are
// for people to read. Build in Release to measure: cmake -DCMAKE_BUILD_TYPE=Release.
//
// Usage: bench_keymodel [--keys N] [--seed S] [--no-baseline] [--wall] [--verbose]
// (--wall: elapsed time instead of thread CPU time; --verbose: every keystroke with its row count)

#include "domain/json.h"
#include "domain/types.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <random>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

// ---------------------------------------------------------------------------------------------
// Data: generated as the Admin API's JSON pages and parsed by the client's own parser, so every
// string is its own allocation, exactly as after a real org-wide listing.

const QDateTime kNow = QDateTime(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());

QString randomToken(QRandomGenerator &rng, int length, const char *alphabet)
{
    const int n = int(qstrlen(alphabet));
    QString s(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        s[i] = QLatin1Char(alphabet[rng.bounded(n)]);
    return s;
}

QList<AiKey> generateKeys(int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    const QStringList envs = {u"prod"_s, u"staging"_s, u"dev"_s, u"test"_s, u"ci"_s, u"sandbox"_s};
    const QStringList purposes = {u"embeddings"_s, u"rerank"_s,  u"search"_s,  u"rag"_s,     u"ingest"_s,
                                  u"eval"_s,       u"chatbot"_s, u"indexer"_s, u"backfill"_s};
    const QStringList teams = {u"search"_s,         u"platform"_s, u"data"_s,    u"ml"_s,
                               u"growth"_s,         u"support"_s,  u"billing"_s, u"mobile"_s,
                               u"Équipe-données"_s, u"検索"_s};
    const QStringList first = {u"alice"_s,   u"bob"_s,   u"carol"_s,  u"dave"_s,   u"erin"_s,
                               u"frank"_s,   u"grace"_s, u"heidi"_s,  u"ivan"_s,   u"judy"_s,
                               u"mallory"_s, u"niaj"_s,  u"olivia"_s, u"peggy"_s,  u"rupert"_s,
                               u"sybil"_s,   u"trent"_s, u"victor"_s, u"walter"_s, u"zoé"_s};
    const QStringList last = {u"martin"_s, u"nguyen"_s, u"garcia"_s, u"smith"_s,  u"müller"_s,
                              u"rossi"_s,  u"kim"_s,    u"silva"_s,  u"dubois"_s, u"tanaka"_s};
    QStringList projects;
    for (int i = 0; i < 250; ++i)
        projects.append(randomToken(rng, 24, "0123456789abcdef"));
    QStringList creators;
    for (const QString &f : first) {
        for (const QString &l : last)
            creators.append(f % u'.' % l % u"@example.com"_s);
    }
    creators.append(u"mdb_sa_id_6612f0a1b2c3d4e5f6a7b8c9"_s); // a service account shows its id

    const qint64 nowSecs = kNow.toSecsSinceEpoch();
    const qint64 twoYears = 2 * 365 * 86400;
    QList<AiKey> keys;
    keys.reserve(count);
    constexpr int kPage = 500;
    for (int start = 0; start < count; start += kPage) {
        QJsonArray results;
        for (int i = start; i < std::min(count, start + kPage); ++i) {
            const qint64 created = nowSecs - qint64(rng.bounded(double(twoYears)));
            QJsonValue lastUsed;
            if (rng.bounded(100) >= 20) { // one key in five was never used
                const qint64 span = nowSecs - created;
                // Most keys are in daily use, a long tail has not been used for months.
                const double r = rng.generateDouble();
                const qint64 ago = r < 0.6 ? qint64(r * 86400 * 7) : qint64(r * double(span));
                lastUsed = QDateTime::fromSecsSinceEpoch(nowSecs - std::min(ago, span), QTimeZone::utc())
                               .toString(u"yyyy-MM-ddTHH:mm:ss.zzz000+00:00"_s);
            }
            const QString name =
                envs[rng.bounded(envs.size())] % u'-' % purposes[rng.bounded(purposes.size())] % u'-' %
                teams[rng.bounded(teams.size())] % u'-' % QString::number(rng.bounded(1, 400));
            results.append(QJsonObject{
                {u"apiKeyId"_s, randomToken(rng, 24, "abcdefghijklmnopqrstuvwxyz0123456789")},
                {u"name"_s, name},
                {u"groupId"_s, projects[rng.bounded(projects.size())]},
                {u"cloud"_s, u"ANY"_s},
                {u"geography"_s, u"ANY"_s},
                {u"endpoint"_s, u"ai.mongodb.com"_s},
                {u"createdAt"_s, QDateTime::fromSecsSinceEpoch(created, QTimeZone::utc())
                                     .toString(u"yyyy-MM-ddTHH:mm:ss.zzz000+00:00"_s)},
                {u"createdBy"_s, creators[rng.bounded(creators.size())]},
                {u"lastUsedAt"_s, lastUsed},
                {u"maskedSecret"_s,
                 QString(u"al-****"_s + randomToken(rng, 4, "abcdefghijklmnopqrstuvwxyz0123456789"))},
                {u"status"_s, rng.bounded(50) == 0 ? u"DISABLED"_s : u"ACTIVE"_s},
            });
        }
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"results"_s, results}}).toJson(QJsonDocument::Compact);
        auto page = json::page<AiKey>(body, &json::aiKey);
        if (!page) {
            std::fprintf(stderr, "generated page does not parse: %s\n", qPrintable(page.error()));
            std::exit(1);
        }
        keys.append(std::move(page).value().results);
    }
    return keys;
}

// ---------------------------------------------------------------------------------------------
// Measuring

// The machine may be shared (a build running beside the benchmark): by default the figures are the
// CPU time of this thread, which other processes barely move; --wall reports elapsed time instead.
bool g_wall = false;

double nowMs()
{
#if defined(CLOCK_THREAD_CPUTIME_ID)
    if (!g_wall) {
        timespec ts;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
    }
#endif
    static QElapsedTimer origin;
    if (!origin.isValid())
        origin.start();
    return double(origin.nsecsElapsed()) / 1e6;
}

double timeMs(const std::function<void()> &f)
{
    const double start = nowMs();
    f();
    return nowMs() - start;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

double median(std::vector<double> v)
{
    return percentile(std::move(v), 0.5);
}

// Freed memory goes back to the system before each reading, so the deltas are live data only.
void trimHeap()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

// Resident set size in MiB, or a negative number where /proc/self/status does not exist.
double rssMiB()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// Bytes malloc hands out (glibc), a steadier figure than RSS; negative elsewhere.
double heapMiB()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 mi = mallinfo2();
    return double(mi.uordblks + mi.hblkhd) / (1024.0 * 1024.0); // small blocks + mmapped large ones
#else
    return -1;
#endif
}

QString mib(double before, double after)
{
    if (before < 0 || after < 0)
        return u"n/a"_s;
    return QString::number(after - before, 'f', 1) + u" MB"_s;
}

QString ms(double v)
{
    return QString::number(v, 'f', v < 10 ? 2 : 1) + u" ms"_s;
}

void printRow(const char *what, const char *goal, const QString &ours, const QString &baseline)
{
    std::printf("%-40s %-10s %-12s %s\n", what, goal, qPrintable(ours), qPrintable(baseline));
}

// The query a user types char by char, then deletes char by char: 50 keystrokes.
const QString kQuery = u"staging-rerank-platform-1"_s;

std::vector<double> typeAndDelete(const std::function<void(const QString &)> &setFilter)
{
    std::vector<double> times;
    for (int n = 1; n <= kQuery.size(); ++n)
        times.push_back(timeMs([&] { setFilter(kQuery.left(n)); }));
    for (int n = int(kQuery.size()) - 1; n >= 0; --n)
        times.push_back(timeMs([&] { setFilter(kQuery.left(n)); }));
    return times;
}

// ---------------------------------------------------------------------------------------------
// Baseline: what a straightforward implementation does with the same data.

QList<QStandardItem *> standardRow(const AiKey &k)
{
    auto *lastUsed = new QStandardItem;
    lastUsed->setData(k.lastUsedAt ? QVariant(*k.lastUsedAt) : QVariant(), Qt::DisplayRole);
    auto *created = new QStandardItem;
    created->setData(k.createdAt, Qt::DisplayRole);
    return {new QStandardItem(k.name),
            new QStandardItem(k.status),
            lastUsed,
            created,
            new QStandardItem(k.createdBy),
            new QStandardItem(k.maskedSecret),
            new QStandardItem(k.apiKeyId),
            new QStandardItem(k.endpoint)};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int count = 50000;
    quint32 seed = 20260301;
    bool baseline = true;
    bool verbose = false;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == "--keys"_L1 && i + 1 < args.size())
            count = args[++i].toInt();
        else if (args[i] == "--seed"_L1 && i + 1 < args.size())
            seed = args[++i].toUInt();
        else if (args[i] == "--no-baseline"_L1)
            baseline = false;
        else if (args[i] == "--wall"_L1)
            g_wall = true;
        else if (args[i] == "--verbose"_L1)
            verbose = true;
    }

    std::printf("bench_keymodel: %d keys, seed %u, Qt %s, times are %s%s\n\n", count, seed, qVersion(),
                g_wall ? "elapsed (wall clock)" : "CPU time of the thread",
#ifdef QT_DEBUG
                " (DEBUG BUILD: figures are not representative)"
#else
                ""
#endif
    );

    // --- Memory: the keys as parsed, moved into the model, every cache built.
    trimHeap();
    const double rss0 = rssMiB();
    const double heap0 = heapMiB();
    KeyTableModel model;
    model.setClock([] { return kNow; });
    KeyFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    model.setKeys(generateKeys(count, seed));
    proxy.sort(KeyTableModel::LastUsed, Qt::AscendingOrder);
    proxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
    proxy.setFilterText(u"x"_s);
    proxy.setFilterText(QString());
    proxy.rowCount();
    trimHeap();
    const double rss1 = rssMiB();
    const double heap1 = heapMiB();

    // --- Load: each time a list fresh from the parser (its strings not shared with anything, as after
    // a real listing), generated outside the timing.
    std::vector<double> loads;
    for (int i = 0; i < 5; ++i) {
        QList<AiKey> fresh = generateKeys(count, seed + quint32(i) + 1);
        KeyTableModel m;
        loads.push_back(timeMs([&] { m.setKeys(std::move(fresh)); }));
    }
    double firstSortedView = 0;
    {
        QList<AiKey> fresh = generateKeys(count, seed + 100);
        KeyTableModel m;
        KeyFilterProxyModel p;
        p.setSourceModel(&m);
        p.sort(KeyTableModel::Name, Qt::AscendingOrder);
        firstSortedView = timeMs([&] {
            m.setKeys(std::move(fresh));
            p.rowCount();
        });
    }

    // --- Refresh of the whole org: 1% of the keys changed, 0.5% deleted, 0.5% new, through a sorted
    // proxy (what a periodic refresh of the org view does).
    double refreshTime = 0;
    {
        QList<AiKey> next = model.keys();
        QRandomGenerator rng(seed);
        for (int i = 0; i < count / 100; ++i)
            next[rng.bounded(next.size())].lastUsedAt = kNow;
        for (int i = 0; i < count / 200; ++i)
            next.removeAt(rng.bounded(next.size()));
        const QList<AiKey> extra = generateKeys(count / 200, seed + 200);
        next.append(extra);
        proxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
        refreshTime = timeMs([&] { model.refresh(next); });
    }

    // --- Sort through the proxy.
    // Each from the name order (a real view's usual state), five times, median.
    const double sortCreatorFirst = timeMs([&] { proxy.sort(KeyTableModel::CreatedBy, Qt::AscendingOrder); });
    std::vector<double> lastUsedAsc, lastUsedDesc, nameAsc, nameDesc;
    for (int i = 0; i < 5; ++i) {
        proxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
        lastUsedAsc.push_back(timeMs([&] { proxy.sort(KeyTableModel::LastUsed, Qt::AscendingOrder); }));
        proxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
        lastUsedDesc.push_back(timeMs([&] { proxy.sort(KeyTableModel::LastUsed, Qt::DescendingOrder); }));
        proxy.sort(KeyTableModel::LastUsed, Qt::AscendingOrder);
        nameAsc.push_back(timeMs([&] { proxy.sort(KeyTableModel::Name, Qt::AscendingOrder); }));
        proxy.sort(KeyTableModel::LastUsed, Qt::AscendingOrder);
        nameDesc.push_back(timeMs([&] { proxy.sort(KeyTableModel::Name, Qt::DescendingOrder); }));
    }
    const double sortLastUsedAsc = median(lastUsedAsc);
    const double sortLastUsedDesc = median(lastUsedDesc);
    const double sortNameAsc = median(nameAsc);
    const double sortNameDesc = median(nameDesc);
    // Sanity: "never" is the oldest, so an ascending Last used sort starts with never-used keys.
    proxy.sort(KeyTableModel::LastUsed, Qt::AscendingOrder);
    const bool neverFirst = proxy.index(0, 0).data(KeyTableModel::NeverUsedRole).toBool();

    // --- Filter keystrokes on a proxy sorted by name (the default order of the table).
    proxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
    int minRows = count;
    std::vector<int> rowsAfter;
    const std::vector<double> keystrokes = typeAndDelete([&](const QString &text) {
        proxy.setFilterText(text);
        const int rows = proxy.rowCount(); // a view asks at once; the proxy maps lazily
        minRows = std::min(minRows, rows);
        rowsAfter.push_back(rows);
    });
    if (verbose) {
        for (size_t i = 0; i < keystrokes.size(); ++i)
            std::printf("keystroke %2zu: %7.2f ms, %5d rows\n", i + 1, keystrokes[i], rowsAfter[i]);
    }

    // --- Baselines.
    double stdSort = 0;
    {
        QList<AiKey> copy = model.keys();
        copy.detach();
        std::shuffle(copy.begin(), copy.end(), std::mt19937(seed));
        stdSort = timeMs([&] {
            std::sort(copy.begin(), copy.end(), [](const AiKey &a, const AiKey &b) {
                if (!a.lastUsedAt || !b.lastUsedAt)
                    return !a.lastUsedAt && b.lastUsedAt;
                return *a.lastUsedAt < *b.lastUsedAt;
            });
        });
    }
    double bLoad = -1, bSortAsc = -1, bSortDesc = -1, bMedian = -1, bP95 = -1, bRss0 = -1, bRss1 = -1,
           bHeap0 = -1, bHeap1 = -1;
    if (baseline) {
        trimHeap();
        bRss0 = rssMiB();
        bHeap0 = heapMiB();
        QStandardItemModel stdModel;
        QSortFilterProxyModel stdProxy;
        {
            const QList<AiKey> fresh = generateKeys(count, seed); // its own strings, as the parser made them
            bLoad = timeMs([&] {
                for (const AiKey &k : fresh)
                    stdModel.appendRow(standardRow(k));
            });
        }
        stdProxy.setSourceModel(&stdModel);
        stdProxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        stdProxy.setFilterKeyColumn(-1);
        stdProxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
        stdProxy.rowCount();
        trimHeap();
        bRss1 = rssMiB();
        bHeap1 = heapMiB();
        bSortAsc = timeMs([&] { stdProxy.sort(KeyTableModel::LastUsed, Qt::AscendingOrder); });
        bSortDesc = timeMs([&] { stdProxy.sort(KeyTableModel::LastUsed, Qt::DescendingOrder); });
        stdProxy.sort(KeyTableModel::Name, Qt::AscendingOrder);
        const std::vector<double> bKeys = typeAndDelete([&](const QString &text) {
            stdProxy.setFilterFixedString(text);
            stdProxy.rowCount();
        });
        bMedian = median(bKeys);
        bP95 = percentile(bKeys, 0.95);
    }

    const auto base = [&](double v) { return v < 0 ? u"-"_s : ms(v); };
    std::printf("%-40s %-10s %-12s %s\n", "measure", "goal", "ours",
                "baseline (QStandardItemModel + QSortFilterProxyModel)");
    printRow("load (setKeys), median of 5", "< 100 ms", ms(median(loads)), base(bLoad));
    printRow("load + first sorted view (by name)", "", ms(firstSortedView), u"-"_s);
    printRow("refresh (merge, 2% of rows differ)", "", ms(refreshTime), u"-"_s);
    printRow("sort by Last used, ascending", "< 150 ms", ms(sortLastUsedAsc), base(bSortAsc));
    printRow("sort by Last used, descending", "< 150 ms", ms(sortLastUsedDesc), base(bSortDesc));
    printRow("sort by Created by (first: ranks)", "", ms(sortCreatorFirst), u"-"_s);
    printRow("sort by Name, ascending", "", ms(sortNameAsc), u"-"_s);
    printRow("sort by Name, descending", "", ms(sortNameDesc), u"-"_s);
    printRow("filter keystroke, median of 50", "< 16 ms", ms(median(keystrokes)), base(bMedian));
    printRow("filter keystroke, p95 of 50", "", ms(percentile(keystrokes, 0.95)), base(bP95));
    printRow("filter keystroke, max of 50", "", ms(*std::max_element(keystrokes.begin(), keystrokes.end())),
             u"-"_s);
    printRow("memory, RSS delta", "< 60 MB", mib(rss0, rss1), baseline ? mib(bRss0, bRss1) : u"-"_s);
    printRow("memory, malloc in use delta", "", mib(heap0, heap1), baseline ? mib(bHeap0, bHeap1) : u"-"_s);
    std::printf("\nbaseline, plain std::sort of the QList<AiKey> by lastUsedAt: %s\n",
                qPrintable(ms(stdSort)));
    std::printf("checks: never-used keys sort first ascending: %s; fewest rows while typing: %d\n",
                neverFirst ? "yes" : "NO", minRows);
    return 0;
}
