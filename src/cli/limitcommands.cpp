#include "atlas/atlasclient.h"
#include "commands.h"
#include "context.h"
#include "platform/terminal.h"
#include "ratelimits/orglimitsjob.h"
#include "ratelimits/projectlimitsjob.h"
#include "ratelimits/ratelimitplan.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

QString countOrEmpty(const std::optional<qint64> &n)
{
    return n ? QString::number(*n) : QString();
}

QJsonValue countOrNull(const std::optional<qint64> &n)
{
    return n ? QJsonValue(*n) : QJsonValue(QJsonValue::Null);
}

// A limit's JSON (the API's field names) with its org ceiling and the headroom under it.
QJsonObject limitRowJson(const LimitRow &row)
{
    QJsonObject o = json::toJson(row.limit);
    o.insert(u"orgRequestsPerMinuteLimit"_s,
             row.ceiling ? QJsonValue(row.ceiling->requestsPerMinuteLimit) : QJsonValue(QJsonValue::Null));
    o.insert(u"orgTokensPerMinuteLimit"_s,
             row.ceiling ? QJsonValue(row.ceiling->tokensPerMinuteLimit) : QJsonValue(QJsonValue::Null));
    o.insert(u"requestsHeadroom"_s, countOrNull(row.requestsHeadroom()));
    o.insert(u"tokensHeadroom"_s, countOrNull(row.tokensHeadroom()));
    return o;
}

// A project's limits beside the organization's ceilings: the ceiling of each group and the headroom
// left under it (negative when a limit is above it).
void printLimitRows(CommandContext &ctx, const QList<LimitRow> &rows, const QString &emptyMessage)
{
    switch (ctx.format()) {
    case OutputFormat::Table: {
        if (rows.isEmpty()) {
            ctx.console().out(emptyMessage + u'\n');
            return;
        }
        Rows r;
        r.headers = {Cli::tr("MODEL GROUP"), Cli::tr("MODELS"),   Cli::tr("REQUESTS/MIN"),
                     Cli::tr("ORG MAX"),     Cli::tr("HEADROOM"), Cli::tr("TOKENS/MIN"),
                     Cli::tr("ORG MAX"),     Cli::tr("HEADROOM")};
        r.numericColumns = {2, 3, 4, 5, 6, 7};
        for (const LimitRow &row : rows) {
            const RateLimit &l = row.limit;
            r.rows.append({l.modelGroupName, l.modelNames.join(u", "_s),
                           QString::number(l.requestsPerMinuteLimit),
                           row.ceiling ? QString::number(row.ceiling->requestsPerMinuteLimit) : QString(),
                           countOrEmpty(row.requestsHeadroom()), QString::number(l.tokensPerMinuteLimit),
                           row.ceiling ? QString::number(row.ceiling->tokensPerMinuteLimit) : QString(),
                           countOrEmpty(row.tokensHeadroom())});
        }
        ctx.console().out(renderTable(r));
        return;
    }
    case OutputFormat::Json: {
        QJsonArray array;
        for (const LimitRow &row : rows)
            array.append(limitRowJson(row));
        ctx.console().outBytes(renderJson(array));
        return;
    }
    case OutputFormat::Csv: {
        QList<RateLimit> limits;
        for (const LimitRow &row : rows)
            limits.append(row.limit);
        Rows r = csvRows(limits);
        r.headers << u"orgRequestsPerMinuteLimit"_s << u"orgTokensPerMinuteLimit"_s << u"requestsHeadroom"_s
                  << u"tokensHeadroom"_s;
        const int first = int(r.headers.size()) - 4;
        r.numericColumns.unite({first, first + 1, first + 2, first + 3});
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const LimitRow &row = rows.at(i);
            r.rows[i] << (row.ceiling ? QString::number(row.ceiling->requestsPerMinuteLimit) : QString())
                      << (row.ceiling ? QString::number(row.ceiling->tokensPerMinuteLimit) : QString())
                      << countOrEmpty(row.requestsHeadroom()) << countOrEmpty(row.tokensHeadroom());
        }
        ctx.console().outBytes(renderCsv(r));
        return;
    }
    }
}

// One limit the way `limits list --project` shows it: a table row with the ceiling and headroom in
// table and CSV; in JSON one object (what the command printed before, with the same added fields).
void printLimitRow(CommandContext &ctx, const LimitRow &row)
{
    if (ctx.format() == OutputFormat::Json)
        ctx.console().outBytes(renderJson(limitRowJson(row)));
    else
        printLimitRows(ctx, {row}, QString());
}

// The organization of a project. nullopt (and why) when it cannot be read.
std::optional<QString> orgOfProject(CommandContext &ctx, const QString &project, ApiError *error)
{
    const auto owner = CommandContext::own(ctx.client()->getProject(project));
    if (!ctx.wait(owner.get())) {
        *error = owner->error();
        return std::nullopt;
    }
    return owner->value().orgId;
}

// The ceilings of a project's organization, for the headroom of what a command changed. When they
// cannot be read a notice says so and the ceiling columns stay empty (an empty list).
QList<RateLimit> ceilingsAfterChange(CommandContext &ctx, const QString &project)
{
    ApiError error;
    const std::optional<QString> org = orgOfProject(ctx, project, &error);
    if (org) {
        const auto ceilings = CommandContext::own(ctx.client()->listOrgRateLimits(*org));
        if (ctx.wait(ceilings.get()))
            return ceilings->items();
        error = ceilings->error();
    }
    if (!ctx.interrupted()) {
        ctx.notice(Cli::tr("The organization's limits could not be read, so the ceiling and headroom are not "
                           "shown: %1")
                       .arg(error.message()));
    }
    return {};
}

QString yesNo(bool yes)
{
    return yes ? u"true"_s : u"false"_s;
}

// The ceilings with their projects' totals; totalsKnown false leaves the totals empty (null).
void printOrgAllocations(CommandContext &ctx, const QList<GroupAllocation> &allocations, bool totalsKnown,
                         const QString &org)
{
    auto total = [totalsKnown](qint64 n) { return totalsKnown ? QString::number(n) : QString(); };
    auto totalJson = [totalsKnown](qint64 n) {
        return totalsKnown ? QJsonValue(n) : QJsonValue(QJsonValue::Null);
    };
    auto overJson = [totalsKnown](bool over) {
        return totalsKnown ? QJsonValue(over) : QJsonValue(QJsonValue::Null);
    };
    QList<RateLimit> ceilings;
    for (const GroupAllocation &a : allocations)
        ceilings.append(a.ceiling);
    switch (ctx.format()) {
    case OutputFormat::Table: {
        if (allocations.isEmpty()) {
            ctx.console().out(Cli::tr("No rate limits in organization %1.").arg(org) + u'\n');
            return;
        }
        Rows r = tableRows(ceilings);
        r.headers << Cli::tr("PROJECTS' REQUESTS/MIN") << Cli::tr("PROJECTS' TOKENS/MIN") << Cli::tr("OVER");
        const int first = int(r.headers.size()) - 3;
        r.numericColumns.unite({first, first + 1});
        for (qsizetype i = 0; i < allocations.size(); ++i) {
            const GroupAllocation &a = allocations.at(i);
            QStringList over;
            if (totalsKnown && a.requestsOver())
                over << Cli::tr("requests");
            if (totalsKnown && a.tokensOver())
                over << Cli::tr("tokens");
            r.rows[i] << total(a.requestsTotal) << total(a.tokensTotal) << over.join(u", "_s);
        }
        ctx.console().out(renderTable(r));
        return;
    }
    case OutputFormat::Json: {
        QJsonArray array;
        for (const GroupAllocation &a : allocations) {
            QJsonObject o = json::toJson(a.ceiling);
            o.insert(u"projectsRequestsPerMinuteTotal"_s, totalJson(a.requestsTotal));
            o.insert(u"projectsTokensPerMinuteTotal"_s, totalJson(a.tokensTotal));
            o.insert(u"requestsOversubscribed"_s, overJson(a.requestsOver()));
            o.insert(u"tokensOversubscribed"_s, overJson(a.tokensOver()));
            array.append(o);
        }
        ctx.console().outBytes(renderJson(array));
        return;
    }
    case OutputFormat::Csv: {
        Rows r = csvRows(ceilings);
        r.headers << u"projectsRequestsPerMinuteTotal"_s << u"projectsTokensPerMinuteTotal"_s
                  << u"requestsOversubscribed"_s << u"tokensOversubscribed"_s;
        const int first = int(r.headers.size()) - 4;
        r.numericColumns.unite({first, first + 1});
        for (qsizetype i = 0; i < allocations.size(); ++i) {
            const GroupAllocation &a = allocations.at(i);
            r.rows[i] << total(a.requestsTotal) << total(a.tokensTotal)
                      << (totalsKnown ? yesNo(a.requestsOver()) : QString())
                      << (totalsKnown ? yesNo(a.tokensOver()) : QString());
        }
        ctx.console().outBytes(renderCsv(r));
        return;
    }
    }
}

// The org's ceilings with, per model group, what its projects' limits add up to (OrgLimitsJob, as the
// desktop app's organization page), and a warning for each group where that is more than the ceiling.
int listOrgLimits(CommandContext &ctx, const QString &org)
{
    const auto job = CommandContext::own(new OrgLimitsJob(ctx.client(), org));
    if (!ctx.wait(job.get())) {
        if (ctx.interrupted())
            return ctx.fail(job->error());
        // The projects (or their limits) could not be read: the ceilings alone, as far as they go.
        const auto ceilings = CommandContext::own(ctx.client()->listOrgRateLimits(org));
        if (!ctx.wait(ceilings.get()))
            return ctx.fail(ceilings->error());
        ctx.notice(Cli::tr("The projects' limits could not be read, so their totals are not shown: %1")
                       .arg(job->error().message()));
        QList<GroupAllocation> unknown;
        for (const RateLimit &c : ceilings->items())
            unknown.append(GroupAllocation{c, 0, 0, {}});
        printOrgAllocations(ctx, unknown, false, org);
        return ExitOk;
    }

    const int projects = int(job->projects().size());
    const int failed = int(job->failures().size());
    if (failed > 0) {
        const ApiError first = job->failures().cbegin().value();
        ctx.notice(Cli::tr("The limits of %1 of %2 projects could not be read and are left out of the totals "
                           "(%3).")
                       .arg(failed)
                       .arg(projects)
                       .arg(first.message()));
    }
    const QList<GroupAllocation> allocations = job->allocations();
    const QLocale locale;
    for (const GroupAllocation &a : allocations) {
        if (!a.isOver())
            continue;
        QStringList parts;
        if (a.requestsOver())
            parts << Cli::tr("%1 requests/min against a ceiling of %2")
                         .arg(locale.toString(a.requestsTotal),
                              locale.toString(a.ceiling.requestsPerMinuteLimit));
        if (a.tokensOver())
            parts << Cli::tr("%1 tokens/min against a ceiling of %2")
                         .arg(locale.toString(a.tokensTotal),
                              locale.toString(a.ceiling.tokensPerMinuteLimit));
        QStringList largest;
        for (qsizetype i = 0; i < a.projects.size() && i < 3; ++i) {
            const auto &[projectId, limit] = a.projects.at(i);
            largest << Cli::tr("%1 (%2 requests/min, %3 tokens/min)")
                           .arg(job->projectName(projectId), locale.toString(limit.requestsPerMinuteLimit),
                                locale.toString(limit.tokensPerMinuteLimit));
        }
        ctx.notice(sanitizeForTerminal(
            Cli::tr("Warning: %1 is over-subscribed: the projects' limits add up to %2. One busy project can "
                    "use up the organization's limit and starve the others. Largest: %3.")
                .arg(a.ceiling.modelGroupName, parts.join(Cli::tr("; ")), largest.join(u", "_s))));
    }
    printOrgAllocations(ctx, allocations, true, org);
    return ExitOk;
}

} // namespace

int runLimitsList(CommandContext &ctx)
{
    const QString project = ctx.value(u"project"_s);
    const QString org = ctx.value(u"org"_s);
    if (project.isEmpty())
        return listOrgLimits(ctx, org);
    // The project's limits, its organization's ceilings and the headroom between them. Reading the
    // ceilings needs an organization role: without one the columns stay empty and a notice says why.
    const auto job = CommandContext::own(new ProjectLimitsJob(ctx.client(), project));
    if (!ctx.wait(job.get()))
        return ctx.fail(job->error());
    if (!job->hasCeilings()) {
        ctx.notice(
            Cli::tr("The organization's limits could not be read, so the ceiling and headroom columns are "
                    "empty: %1")
                .arg(job->ceilingsError().message()));
    }
    printLimitRows(ctx, job->rows(), Cli::tr("No rate limits in project %1.").arg(project));
    return ExitOk;
}

int runLimitsSet(CommandContext &ctx)
{
    // The validators already accepted both; parseCount cannot fail here.
    const qint64 rpm = parseCount(ctx.value(u"rpm"_s)).value_or(0);
    const qint64 tpm = parseCount(ctx.value(u"tpm"_s)).value_or(0);
    const QString project = ctx.value(u"project"_s);
    const QString group = ctx.value(u"model-group"_s);

    // Values above the organization's ceiling are refused here, before anything is sent. When the
    // ceiling cannot be read (no organization role), Atlas checks them itself.
    const auto owner = CommandContext::own(ctx.client()->getProject(project));
    if (!ctx.wait(owner.get()))
        return ctx.fail(owner->error());
    const auto ceiling =
        CommandContext::own(ctx.client()->getOrgRateLimit(owner->value().orgId, KeyScope(), group));
    std::optional<RateLimit> limit;
    if (ctx.wait(ceiling.get())) {
        limit = ceiling->value();
    } else if (ctx.interrupted()) {
        return ExitInterrupted;
    } else if (!ceiling->error().isNotFound()) {
        ctx.notice(
            Cli::tr("The organization's limit for %1 could not be read (%2); Atlas will check the values.")
                .arg(group, ceiling->error().message()));
    }
    const QString problem = RateLimitPlan::validateEdit(rpm, tpm, limit);
    if (!problem.isEmpty())
        return ctx.usageError(problem);

    const auto call =
        CommandContext::own(ctx.client()->updateProjectRateLimit(project, KeyScope(), group, rpm, tpm));
    if (!ctx.wait(call.get()))
        return ctx.fail(call->error());
    // The ceiling read before sending; the headroom is what is left under it now.
    printLimitRow(ctx, LimitRow{call->value(), limit});
    return ExitOk;
}

int runLimitsReset(CommandContext &ctx)
{
    const QString project = ctx.value(u"project"_s);
    if (ctx.has(u"model-group"_s)) {
        const auto call = CommandContext::own(
            ctx.client()->resetProjectRateLimit(project, KeyScope(), ctx.value(u"model-group"_s)));
        if (!ctx.wait(call.get()))
            return ctx.fail(call->error());
        const QList<RateLimit> ceilings = ceilingsAfterChange(ctx, project);
        printLimitRow(ctx, LimitRow{call->value(), RateLimitPlan::ceilingFor(call->value(), ceilings)});
        return ctx.interrupted() ? ExitInterrupted : ExitOk;
    }

    if (!ctx.has(u"yes"_s)) {
        if (!stdinIsTerminal()) {
            return ctx.usageError(
                Cli::tr("Resetting every model group's rate limits needs confirmation, and "
                        "standard input is not a terminal: pass --yes to reset them all, or "
                        "--model-group GROUP to reset one."));
        }
        const auto answer = ctx.confirm(
            Cli::tr("Reset the rate limits of every model group in project %1 to their defaults? [y/N]")
                .arg(project));
        if (answer == CommandContext::Answer::Interrupted)
            return ExitInterrupted;
        if (answer == CommandContext::Answer::No) {
            ctx.notice(Cli::tr("Nothing was changed."));
            return ExitFailure;
        }
    }
    const auto call = CommandContext::own(ctx.client()->resetProjectRateLimits(project));
    if (!ctx.wait(call.get()))
        return ctx.fail(call->error());
    const QList<RateLimit> ceilings = ceilingsAfterChange(ctx, project);
    printLimitRows(ctx, RateLimitPlan::join(call->value(), ceilings),
                   Cli::tr("No rate limits in project %1.").arg(project));
    return ctx.interrupted() ? ExitInterrupted : ExitOk;
}

} // namespace aikeys::cli
