#include "atlas/atlasclient.h"
#include "commands.h"
#include "context.h"
#include "platform/terminal.h"

using namespace Qt::StringLiterals;

namespace aikeys::cli {

int runLimitsList(CommandContext &ctx)
{
    const QString project = ctx.value(u"project"_s);
    const QString org = ctx.value(u"org"_s);
    const auto job = CommandContext::own(project.isEmpty() ? ctx.client()->listOrgRateLimits(org)
                                                           : ctx.client()->listProjectRateLimits(project));
    if (!ctx.wait(job.get()))
        return ctx.fail(job->error());
    ctx.printList(job->items(), project.isEmpty() ? Cli::tr("No rate limits in organization %1.").arg(org)
                                                  : Cli::tr("No rate limits in project %1.").arg(project));
    return ExitOk;
}

int runLimitsSet(CommandContext &ctx)
{
    // The validators already accepted both; parseCount cannot fail here.
    const qint64 rpm = parseCount(ctx.value(u"rpm"_s)).value_or(0);
    const qint64 tpm = parseCount(ctx.value(u"tpm"_s)).value_or(0);
    const auto call = CommandContext::own(ctx.client()->updateProjectRateLimit(
        ctx.value(u"project"_s), KeyScope(), ctx.value(u"model-group"_s), rpm, tpm));
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
