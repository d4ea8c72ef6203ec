#include "atlas/atlasclient.h"
#include "commands.h"
#include "context.h"

using namespace Qt::StringLiterals;

namespace aikeys::cli {

int runOrgsList(CommandContext &ctx)
{
    const auto job = CommandContext::own(ctx.client()->listOrganizations());
    if (!ctx.wait(job.get()))
        return ctx.fail(job->error());
    ctx.printList(job->items(), Cli::tr("No organizations are visible to these credentials."));
    return ExitOk;
}

int runProjectsList(CommandContext &ctx)
{
    const QString org = ctx.value(u"org"_s);
    const auto job = CommandContext::own(org.isEmpty() ? ctx.client()->listAllProjects()
                                                       : ctx.client()->listProjects(org));
    if (!ctx.wait(job.get()))
        return ctx.fail(job->error());
    ctx.printList(job->items(), org.isEmpty() ? Cli::tr("No projects are visible to these credentials.")
                                              : Cli::tr("No projects in organization %1.").arg(org));
    return ExitOk;
}

} // namespace aikeys::cli
