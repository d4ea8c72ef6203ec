// Audit of a generated 20,000-key organization against atlas-sim, with and without added latency:
// the time from "click" (AuditView::showOrg) to the filled summary, the same audit from the CLI
// (`atlas-ai-keys-cli audit --org ... --output json` as a child process), the core audit job alone,
// and, as baselines in the same run, the raw org-wide key listing and the CLI's `keys list --org`.
// Prints figures; asserts nothing.
//
//   bench_audit [--runs N] [--keys N] [--projects N]
//   AIKEYS_SIM / AIKEYS_CLI override the simulator and CLI paths.
#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "audit/auditjob.h"
#include "audit/auditkeymodel.h"
#include "audit/auditreport.h"
#include "audit/auditview.h"
#include "benchsupport.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys;
using namespace aikeys::bench;

namespace {

std::unique_ptr<AtlasSession> session(const QUrl &url)
{
    SessionConfig config;
    config.baseUrl = url;
    config.transferTimeoutMs = 60000;
    return std::make_unique<AtlasSession>(config,
                                          Credentials{AuthMode::ServiceAccount, u"mdb_sa_id_demo"_s,
                                                      SecretBuffer(QByteArray("mdb_sa_sk_demo"))},
                                          new QNetworkAccessManager);
}

void wait(Job *job)
{
    if (job->isFinished())
        return;
    QEventLoop loop;
    QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

// The first organization, which also signs in (a token) and opens a connection.
QString warmUp(AtlasClient &api)
{
    auto *orgs = api.listOrganizations();
    orgs->setAutoDelete(false);
    wait(orgs);
    const QString id = orgs->items().isEmpty() ? QString() : orgs->items().first().id;
    delete orgs;
    return id;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? 0 : (n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2);
}

void print(const char *what, const QList<double> &ms, const QString &extra = {})
{
    std::printf("  %-58s median %8.1f ms   min %8.1f ms   max %8.1f ms%s\n", what, median(ms),
                *std::min_element(ms.cbegin(), ms.cend()), *std::max_element(ms.cbegin(), ms.cend()),
                extra.isEmpty() ? "" : qPrintable(u"   "_s + extra));
    std::fflush(stdout);
}

// Raw listing: the org's keys alone, no project names, no classification.
double rawListing(AtlasClient &api, const QString &org, qsizetype *keys)
{
    QElapsedTimer t;
    t.start();
    auto *job = api.listOrgKeys(org);
    job->setAutoDelete(false);
    wait(job);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    *keys = job->items().size();
    delete job;
    return ms;
}

double coreAudit(AtlasClient &api, const QString &org, AuditSummary *summary)
{
    QElapsedTimer t;
    t.start();
    auto *job = AuditJob::forOrganization(&api, org, {}, {});
    job->setAutoDelete(false);
    wait(job);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    *summary = job->report().summary();
    delete job;
    return ms;
}

// From "click" (showOrg) to loaded(): the listing, the names, the report, the model, the summary
// cards and the chart. The view is shown, so the table's first rows are laid out too.
double guiAudit(AtlasClient &api, const QString &org, double *afterDataMs)
{
    AuditView view(&api, nullptr);
    view.resize(1200, 800);
    view.show();
    QCoreApplication::processEvents();
    QEventLoop loop;
    QObject::connect(&view, &AuditView::loaded, &loop, &QEventLoop::quit);
    QObject::connect(&view, &AuditView::loadFailed, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    view.showOrg(org, u"Generated org"_s);
    loop.exec();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    // One paint of the filled view, as a user would see it next.
    QElapsedTimer paint;
    paint.start();
    view.repaint();
    *afterDataMs = double(paint.nsecsElapsed()) / 1e6;
    if (view.model()->rowCount() == 0)
        std::printf("  (the GUI audit failed: %s)\n", qPrintable(view.report().warnings().join(u' ')));
    return ms;
}

struct CliRun
{
    double ms = 0;
    int exitCode = -1;
    qsizetype bytes = 0;
    QByteArray out;
};

CliRun cli(const QUrl &url, const QStringList &args, const QString &configDir)
{
    QProcess p;
    p.setProgram(cliPath());
    p.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList names = env.keys();
    for (const QString &k : names) {
        if (k.startsWith(u"MONGODB_ATLAS_"_s) || k.startsWith(u"ATLAS_AI_KEYS_"_s))
            env.remove(k);
    }
    env.insert(u"XDG_CONFIG_HOME"_s, configDir);
    env.insert(u"MONGODB_ATLAS_BASE_URL"_s, url.toString());
    env.insert(u"MONGODB_ATLAS_CLIENT_ID"_s, u"mdb_sa_id_demo"_s);
    env.insert(u"MONGODB_ATLAS_CLIENT_SECRET"_s, u"mdb_sa_sk_demo"_s);
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start();
    p.closeWriteChannel();
    p.waitForFinished(300000);
    CliRun r;
    r.ms = double(t.nsecsElapsed()) / 1e6;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.bytes = r.out.size();
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    quietOffscreenWarnings();
    QLoggingCategory::setFilterRules(u"aikeys.*.info=false"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({u"runs"_s, u"Measured runs per figure (default 5)."_s, u"N"_s, u"5"_s});
    parser.addOption({u"keys"_s, u"Keys in the generated org (default 20000)."_s, u"N"_s, u"20000"_s});
    parser.addOption({u"projects"_s, u"Projects in the generated org (default 2000)."_s, u"N"_s, u"2000"_s});
    parser.process(app);
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());
    const QString generate =
        u"orgs=1,projects=%1,keys=%2"_s.arg(parser.value(u"projects"_s), parser.value(u"keys"_s));
    const bool haveCli = QFileInfo::exists(cliPath());
    QTemporaryDir config;

    std::printf("Audit of a generated organization (%s), %d runs per figure, after one warm-up run each\n",
                qPrintable(generate), runs);
    if (!haveCli)
        std::printf("(no CLI at %s: build atlas-ai-keys-cli or set AIKEYS_CLI; CLI figures skipped)\n",
                    qPrintable(cliPath()));

    for (const int latency : {0, 20}) {
        Sim sim;
        QStringList args{u"--generate"_s, generate};
        if (latency > 0)
            args << u"--latency-ms"_s << QString::number(latency);
        if (!startSim(sim, args)) {
            std::printf("cannot start %s\n", qPrintable(simPath()));
            return 1;
        }
        std::printf("\natlas-sim --generate %s%s\n", qPrintable(generate),
                    latency > 0 ? qPrintable(u" --latency-ms %1"_s.arg(latency)) : "");
        auto s = session(sim.url);
        AtlasClient api(s.get());
        const QString org = warmUp(api);

        qsizetype keys = 0;
        AuditSummary summary;
        double paintMs = 0;
        rawListing(api, org, &keys); // warm-up
        coreAudit(api, org, &summary);
        guiAudit(api, org, &paintMs);

        QList<double> raw, core, gui, paints;
        for (int i = 0; i < runs; ++i)
            raw << rawListing(api, org, &keys);
        for (int i = 0; i < runs; ++i)
            core << coreAudit(api, org, &summary);
        for (int i = 0; i < runs; ++i) {
            gui << guiAudit(api, org, &paintMs);
            paints << paintMs;
        }
        print("baseline: org keys listing alone (client, no names)", raw, u"%1 keys"_s.arg(keys));
        print("core audit job (keys + project names + classification)", core,
              u"%1 stale, %2 never used"_s.arg(summary.count(KeyClass::Stale))
                  .arg(summary.count(KeyClass::NeverUsed)));
        print("GUI: click (showOrg) to filled summary, chart and table", gui);
        print("GUI: one repaint of the filled view", paints);

        if (haveCli) {
            const QStringList audit{u"audit"_s, u"--org"_s, org, u"--output"_s, u"json"_s};
            const QStringList list{u"keys"_s, u"list"_s, u"--org"_s, org, u"--output"_s, u"json"_s};
            cli(sim.url, audit, config.path());
            QList<double> auditMs, listMs;
            CliRun last;
            for (int i = 0; i < runs; ++i) {
                last = cli(sim.url, audit, config.path());
                auditMs << last.ms;
            }
            const int total = QJsonDocument::fromJson(last.out).object()[u"summary"_s][u"total"_s].toInt();
            for (int i = 0; i < runs; ++i)
                listMs << cli(sim.url, list, config.path()).ms;
            print("CLI: audit --org --output json (process start to exit)", auditMs,
                  u"exit %1, %2 keys, %3 MB"_s.arg(last.exitCode)
                      .arg(total)
                      .arg(double(last.bytes) / 1e6, 0, 'f', 1));
            print("CLI baseline: keys list --org --output json", listMs);
        }
    }
    return 0;
}
