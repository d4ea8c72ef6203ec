#include "atlas/atlasclient.h"
#include "auditcommands.h"
#include "commandline.h"
#include "context.h"
#include "export/terraformexport.h"
#include "export/terraformexportjob.h"

#include <QDir>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

QString validateOutFile(const QString &value)
{
    if (value.trimmed().isEmpty())
        return Cli::tr("the file name is empty.");
    return {};
}

int runExportTerraform(CommandContext &ctx)
{
    const QString project = ctx.value(u"project"_s);
    TerraformExportJob *job = project.isEmpty()
                                  ? TerraformExportJob::forOrganization(ctx.client(), ctx.value(u"org"_s))
                                  : TerraformExportJob::forProject(ctx.client(), project);
    const auto owned = CommandContext::own(job);
    job->setIncludeRateLimits(ctx.has(u"include-rate-limits"_s));
    if (!ctx.wait(job))
        return ctx.fail(job->error());
    for (const QString &w : job->warnings())
        ctx.notice(w);

    const QByteArray text = job->result().toUtf8();
    if (!ctx.has(u"out"_s)) {
        ctx.console().outBytes(text);
        return ExitOk;
    }
    const QString path = ctx.value(u"out"_s);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        ctx.notice(Cli::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return ExitFailure;
    }
    const int keys = job->result().keyCount();
    const int limits = job->result().rateLimitCount();
    const QString keysText = keys == 1 ? Cli::tr("%n key", nullptr, keys) : Cli::tr("%n keys", nullptr, keys);
    const QString limitsText =
        limits == 1 ? Cli::tr("%n rate limit", nullptr, limits) : Cli::tr("%n rate limits", nullptr, limits);
    ctx.notice(job->includeRateLimits()
                   ? Cli::tr("Wrote %1: %2 and %3 to import.")
                         .arg(QDir::toNativeSeparators(path), keysText, limitsText)
                   : Cli::tr("Wrote %1: %2 to import.").arg(QDir::toNativeSeparators(path), keysText));
    return ExitOk;
}

} // namespace

void addExportCommands(CommandTable &t)
{
    // clang-format off
    t.options.append({
        {u"out"_s, u"FILE"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "Write to this file instead of standard output."), false, {}, &validateOutFile},
        {u"include-rate-limits"_s, {}, QT_TRANSLATE_NOOP("aikeys::cli::Cli",
            "Also import the projects' rate limits (one call per project)."), false, {}, nullptr},
    });
    t.groups.append({u"export"_s, QT_TRANSLATE_NOOP("aikeys::cli::Cli", "Exports to other tools")});
    CommandSpec terraform;
    terraform.words = {u"export"_s, u"terraform"_s};
    terraform.summary = QT_TRANSLATE_NOOP("aikeys::cli::Cli",
        "Write a Terraform configuration that imports the keys of a project or an organization.");
    terraform.details = QT_TRANSLATE_NOOP("aikeys::cli::Cli",
        "Per key, an import block (id PROJECT_ID/API_KEY_ID) and a mongodbatlas_ai_model_api_key resource "
        "(project_id, name, cloud, geography), named after the key; with --include-rate-limits, likewise a "
        "mongodbatlas_ai_model_rate_limit per project and model group (id "
        "PROJECT_ID/CLOUD/GEOGRAPHY/MODEL_GROUP_NAME). Needs Terraform 1.5 or later. An imported key's secret "
        "stays null in Terraform state: Atlas shows a secret only when the key is created.");
    // The org first, as for audit: with both MONGODB_ATLAS_ORG_ID and MONGODB_ATLAS_PROJECT_ID set
    // and neither option given, the organization is exported.
    terraform.options = {{u"org"_s, true, u"scope"_s}, {u"project"_s, true, u"scope"_s},
                         {u"out"_s, false, {}}, {u"include-rate-limits"_s, false, {}}};
    terraform.run = &runExportTerraform;
    t.commands.append(terraform);
    // clang-format on
}

} // namespace aikeys::cli
