#include "atlas/atlasclient.h"
#include "commands.h"
#include "context.h"
#include "platform/terminal.h"
#include "ratelimits/ratelimitplan.h"

#include <QJsonObject>

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
        for (const LimitRow &row : rows) {
            QJsonObject o = json::toJson(row.limit);
            o.insert(u"orgRequestsPerMinuteLimit"_s, row.ceiling
                                                         ? QJsonValue(row.ceiling->requestsPerMinuteLimit)
                                                         : QJsonValue(QJsonValue::Null));
            o.insert(u"orgTokensPerMinuteLimit"_s, row.ceiling ? QJsonValue(row.ceiling->tokensPerMinuteLimit)
                                                               : QJsonValue(QJsonValue::Null));
            o.insert(u"requestsHeadroom"_s, countOrNull(row.requestsHeadroom()));
            o.insert(u"tokensHeadroom"_s, countOrNull(row.tokensHeadroom()));
            array.append(o);
        }
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

} // namespace

int runLimitsList(CommandContext &ctx)
{
    const QString project = ctx.value(u"project"_s);
    const QString org = ctx.value(u"org"_s);
    if (project.isEmpty()) {
        const auto job = CommandContext::own(ctx.client()->listOrgRateLimits(org));
        if (!ctx.wait(job.get()))
            return ctx.fail(job->error());
        ctx.printList(job->items(), Cli::tr("No rate limits in organization %1.").arg(org));
        return ExitOk;
    }
    // The project's limits, its organization's ceilings and the headroom between them. Reading the
    // ceilings needs an organization role: without one the columns stay empty and a notice says why.
    const auto job = CommandContext::own(new ProjectLimitsJob(ctx.client(), project));
    job->start();
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
    ctx.printItem(call->value());
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
        ctx.printItem(call->value());
        return ExitOk;
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
    ctx.printList(call->value(), Cli::tr("No rate limits in project %1.").arg(project));
    return ExitOk;
}

} // namespace aikeys::cli
