#include "atlas/atlasclient.h"
#include "audit/auditjob.h"
#include "audit/auditreport.h"
#include "auditcommands.h"
#include "commandline.h"
#include "context.h"
#include "domain/timestamp.h"
#include "keyoutput.h"
#include "output.h"
#include "platform/threadcpu.h"
#include "settings.h"

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

std::optional<int> parseDays(const QString &text, int minimum, int maximum)
{
    bool ok = false;
    const int n = text.trimmed().toInt(&ok);
    if (!ok || n < minimum || n > maximum)
        return std::nullopt;
    return n;
}

// The same bounds as the app's preference of that name.
template <Settings::Key setting>
QString validateDays(const QString &value)
{
    const Settings::Entry &e = Settings::entry(setting);
    if (parseDays(value, e.minimum, e.maximum))
        return {};
    return Cli::tr("\"%1\" is not a whole number of days from %2 to %3.")
        .arg(value.left(40))
        .arg(e.minimum)
        .arg(e.maximum);
}

// Two source strings rather than "%n day(s)": English runs without a translator, which would print
// the "(s)" as is.
QString days(int n)
{
    return n == 1 ? Cli::tr("%n day", nullptr, n) : Cli::tr("%n days", nullptr, n);
}

QString renderAuditTable(const AuditReport &report)
{
    const AuditSummary &s = report.summary();
    const AuditThresholds t = report.thresholds();
    QString out;
    QString what;
    if (report.scope() == Scope::Organization) {
        what = report.orgName().isEmpty() || report.orgName() == report.orgId()
                   ? Cli::tr("organization %1").arg(report.orgId())
                   : Cli::tr("organization %1 (%2)").arg(report.orgName(), report.orgId());
    } else {
        what = report.projectName() == report.projectId()
                   ? Cli::tr("project %1").arg(report.projectId())
                   : Cli::tr("project %1 (%2)").arg(report.projectName(), report.projectId());
    }
    out +=
        sanitizeForTerminal(Cli::tr("Audit of %1 at %2").arg(what, displayDateTime(report.generatedAt()))) +
        u'\n';
    out += Cli::tr("Never used: no use, created more than %1 ago. Stale: last used more than %2 ago.")
               .arg(days(t.graceDays), days(t.staleDays)) +
           u"\n\n"_s;

    Rows classes;
    classes.headers = {Cli::tr("CLASS"), Cli::tr("KEYS")};
    classes.numericColumns = {1};
    for (const KeyClass c :
         {KeyClass::NeverUsed, KeyClass::Stale, KeyClass::RecentlyCreated, KeyClass::Active})
        classes.rows.append({KeyClassifier::name(c), QString::number(s.count(c))});
    classes.rows.append({Cli::tr("Total"), QString::number(s.total)});
    out += renderTable(classes) + u'\n';

    Rows buckets;
    buckets.headers = {Cli::tr("LAST USE"), Cli::tr("KEYS"), QString()};
    buckets.numericColumns = {1};
    const int largest = *std::max_element(s.perBucket.cbegin(), s.perBucket.cend());
    for (int b = 0; b < kLastUseBucketCount; ++b) {
        const int n = s.perBucket[size_t(b)];
        // A bar of up to 40 cells, so the shape reads at a glance in a terminal too.
        const int cells = largest > 0 ? (n * 40 + largest - 1) / largest : 0;
        buckets.rows.append(
            {KeyClassifier::name(LastUseBucket(b)), QString::number(n), QString(cells, u'#')});
    }
    out += renderTable(buckets) + u'\n';

    if (s.oldestLastUse) {
        const int index = report.indexOf(s.oldestLastUseKeyId);
        out += sanitizeForTerminal(Cli::tr("Oldest last use: %1, key %2 (%3).")
                                       .arg(displayDateTime(*s.oldestLastUse),
                                            index >= 0 ? report.keys().at(index).name : s.oldestLastUseKeyId,
                                            s.oldestLastUseKeyId)) +
               u"\n\n"_s;
    } else if (s.total > 0) {
        out += Cli::tr("No key has been used yet.") + u"\n\n"_s;
    }

    if (report.scope() == Scope::Organization) {
        Rows projects;
        projects.headers = {Cli::tr("PROJECT"), Cli::tr("ID"), Cli::tr("KEYS")};
        projects.numericColumns = {2};
        for (const AuditReport::ProjectCount &p : report.keysPerProject())
            projects.rows.append({p.projectName, p.projectId, QString::number(p.keys)});
        if (!projects.rows.isEmpty())
            out += renderTable(projects) + u'\n';
    }

    if (report.isEmpty())
        out += Cli::tr("No keys.") + u'\n';
    return out;
}

// Every key, those needing attention first (oldest use, or creation, first within a class), as a
// table streamed to the console.
void writeAuditKeys(OutputBuffer &buffer, const AuditReport &report)
{
    // The sort keys are worked out once per key, not once per comparison.
    std::vector<std::pair<int, qint64>> rank(size_t(report.size()));
    for (int i = 0; i < report.size(); ++i) {
        const AiKey &k = report.keys().at(i);
        rank[size_t(i)] = {attentionRank(report.keyClass(i)), k.lastUsedAt ? k.lastUsedAt->toMSecsSinceEpoch()
                                                                           : k.createdAt.toMSecsSinceEpoch()};
    }
    std::vector<int> order(size_t(report.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&rank](int a, int b) { return rank[size_t(a)] < rank[size_t(b)]; });
    const QString classNames[] = {
        KeyClassifier::name(KeyClass::NeverUsed), KeyClassifier::name(KeyClass::Stale),
        KeyClassifier::name(KeyClass::RecentlyCreated), KeyClassifier::name(KeyClass::Active)};
    const QString never = Cli::tr("never");
    DayTexts days;
    writeTable(buffer,
               {{Cli::tr("CLASS")},
                {Cli::tr("NAME")},
                {Cli::tr("ID")},
                {Cli::tr("PROJECT")},
                {Cli::tr("LAST USED")},
                {Cli::tr("CREATED")},
                {Cli::tr("CREATED BY")}},
               report.size(), [&](qsizetype row, int column, QString &scratch) -> QStringView {
                   const int i = order[size_t(row)];
                   const AiKey &k = report.keys().at(i);
                   switch (column) {
                   case 0:
                       return classNames[attentionRank(report.keyClass(i))];
                   case 1:
                       return k.name;
                   case 2:
                       return k.apiKeyId;
                   case 3:
                       scratch = report.projectNameOf(k.groupId);
                       return scratch;
                   case 4:
                       if (!k.lastUsedAt)
                           return never;
                       return days.of(*k.lastUsedAt);
                   case 5:
                       return days.of(k.createdAt);
                   default:
                       return k.createdBy;
                   }
               });
}

int runAudit(CommandContext &ctx)
{
    Settings settings;
    AuditThresholds thresholds;
    thresholds.graceDays =
        ctx.has(u"grace-days"_s) ? ctx.value(u"grace-days"_s).trimmed().toInt() : settings.auditGraceDays();
    thresholds.staleDays =
        ctx.has(u"stale-days"_s) ? ctx.value(u"stale-days"_s).trimmed().toInt() : settings.auditStaleDays();

    const QString project = ctx.value(u"project"_s);
    AuditJob *job = project.isEmpty()
                        ? AuditJob::forOrganization(ctx.client(), ctx.value(u"org"_s), {}, thresholds)
                        : AuditJob::forProject(ctx.client(), project, {}, thresholds);
    const auto owned = CommandContext::own(job);
    if (!ctx.wait(job))
        return ctx.fail(job->error());
    const AuditReport &report = job->report();
    for (const QString &w : report.warnings())
        ctx.notice(w);

    const qint64 writingStart = threadCpuNs();
    switch (ctx.format()) {
    case OutputFormat::Table:
        ctx.console().out(renderAuditTable(report));
        if (!report.isEmpty()) {
            OutputBuffer buffer(ctx.console());
            writeAuditKeys(buffer, report);
        }
        break;
    case OutputFormat::Json:
        report.writeJson([&ctx](QByteArrayView bytes) { ctx.console().outBytes(bytes); });
        break;
    case OutputFormat::Csv:
        report.writeCsv([&ctx](QByteArrayView bytes) { ctx.console().outBytes(bytes); });
        break;
    }
    ctx.noteWritingTime(report.size(), writingStart);
    if (report.hasFindings()) {
        const int n = report.summary().count(KeyClass::Stale) + report.summary().count(KeyClass::NeverUsed);
        ctx.notice(n == 1 ? Cli::tr("%n key is stale or never used.", nullptr, n)
                          : Cli::tr("%n keys are stale or never used.", nullptr, n));
        return ExitAuditFindings;
    }
    return ExitOk;
}

} // namespace

void addAuditCommands(CommandTable &t)
{
    // clang-format off
    t.options.append({
        {u"stale-days"_s, u"S"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "A key last used more than S days ago is stale (default: the app's preference, else 90)."),
            false, {}, &validateDays<Settings::Key::AuditStaleDays>},
        {u"grace-days"_s, u"G"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "A key never used and created more than G days ago is reported as never used; younger ones are "
            "recently created (default: the app's preference, else 7)."), false, {}, &validateDays<Settings::Key::AuditGraceDays>},
    });
    t.groups.append({u"audit"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Key audits")});
    CommandSpec audit;
    audit.words = {u"audit"_s};
    audit.summary = QT_TRANSLATE_NOOP("aikeys::cli::Cli",
        "Audit the keys of an organization or a project by last use: never used, stale, recently created, "
        "active.");
    audit.details = QT_TRANSLATE_NOOP("aikeys::cli::Cli",
        "An organization is read with one paged org-wide listing. table shows the summary (counts per class, "
        "keys by time since last use, oldest last use, keys per project) and every key, those needing "
        "attention first; json and csv hold the time of the audit, the thresholds, the org and project names "
        "and every key field (there is no secret to show). Exit code 3 when any key is stale or never used, so "
        "a scheduled job can alert; 0 when none is.");
    audit.options = {{u"org"_s, true, u"scope"_s}, {u"project"_s, true, u"scope"_s},
                     {u"stale-days"_s, false, {}}, {u"grace-days"_s, false, {}}};
    // Org first: an audit is usually of a whole organization; --project narrows it.
    audit.run = &runAudit;
    t.commands.append(audit);
    // clang-format on
}

} // namespace aikeys::cli
