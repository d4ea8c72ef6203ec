#include "atlas/atlasclient.h"
#include "audit/csvwriter.h"
#include "commands.h"
#include "context.h"
#include "platform/terminal.h"
#include "security/secretbuffer.h"
#include "security/secretfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

// A JSON string literal for UTF-8 bytes, built without a QString so the copy can be wiped.
QByteArray jsonStringBytes(const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (u < 0x20) {
            out.append("\\u00");
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xf]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
    return out;
}

// Appends one field to a pretty-printed JSON object ("{\n    ...\n}\n").
QByteArray withJsonField(const QByteArray &document, const QByteArray &name, const QByteArray &encodedValue)
{
    QByteArray out = document;
    const qsizetype close = out.lastIndexOf('}');
    out.truncate(close);
    while (out.endsWith('\n'))
        out.chop(1);
    out.append(",\n    \"");
    out.append(name);
    out.append("\": ");
    out.append(encodedValue);
    out.append("\n}\n");
    return out;
}

// The new key printed once, with its secret (or with where the secret went, when it went to a
// file). The secret only ever travels as bytes that are wiped after writing.
void printCreatedKey(CommandContext &ctx, const AiKey &key, const SecretBuffer &secret,
                     const QString &secretFile)
{
    Console &console = ctx.console();
    switch (ctx.format()) {
    case OutputFormat::Table: {
        Details d = details(key);
        d.append({Cli::tr("Secret"), QString()});
        QByteArray text = renderDetails(d).toUtf8();
        text.chop(1); // the empty value's newline; the secret follows the padded label
        if (secretFile.isEmpty()) {
            // Atlas's secrets are printable ASCII; whatever else an answer holds is shown escaped.
            QByteArray shown = sanitizeUtf8ForTerminal(secret.reveal());
            text.append(shown);
            SecretBuffer::wipeBytes(shown);
        } else {
            text.append(Cli::tr("written to %1 (readable only by you); not shown here")
                            .arg(sanitizeForTerminal(secretFile))
                            .toUtf8());
        }
        text.append('\n');
        console.outBytes(text);
        SecretBuffer::wipeBytes(text);
        break;
    }
    case OutputFormat::Json: {
        const QByteArray document = renderJson(json::toJson(key));
        QByteArray value =
            secretFile.isEmpty() ? jsonStringBytes(secret.reveal()) : jsonStringBytes(secretFile.toUtf8());
        QByteArray text = withJsonField(document, secretFile.isEmpty() ? "secret" : "secretFile", value);
        console.outBytes(text);
        SecretBuffer::wipeBytes(value);
        SecretBuffer::wipeBytes(text);
        break;
    }
    case OutputFormat::Csv: {
        Rows rows = csvRows(QList<AiKey>{key});
        rows.headers << (secretFile.isEmpty() ? u"secret"_s : u"secretFile"_s);
        rows.rows.first() << QString();
        QByteArray text = renderCsv(rows);
        text.chop(2); // the empty last cell's CRLF
        QByteArray cell = secretFile.isEmpty() ? CsvWriter::encodeCell(secret.reveal())
                                               : CsvWriter::encodeCell(secretFile.toUtf8());
        text.append(cell);
        text.append("\r\n");
        console.outBytes(text);
        SecretBuffer::wipeBytes(cell);
        SecretBuffer::wipeBytes(text);
        break;
    }
    }
    console.flush();
}

QString lastUseText(const AiKey &key)
{
    return key.lastUsedAt ? Cli::tr("last used %1").arg(displayDateTime(*key.lastUsedAt))
                          : Cli::tr("never used");
}

void printDeleted(CommandContext &ctx, const QString &project, const QString &keyId, const QString &name,
                  bool alreadyGone)
{
    const QString result = alreadyGone ? u"alreadyGone"_s : u"deleted"_s;
    switch (ctx.format()) {
    case OutputFormat::Table:
        if (alreadyGone) {
            ctx.console().out(Cli::tr("Key %1 was already gone from project %2; nothing to delete.\n")
                                  .arg(sanitizeForTerminal(keyId), project));
        } else if (name.isEmpty()) {
            ctx.console().out(
                Cli::tr("Deleted key %1 from project %2.\n").arg(sanitizeForTerminal(keyId), project));
        } else {
            ctx.console().out(Cli::tr("Deleted key %1 (%2) from project %3.\n")
                                  .arg(sanitizeForTerminal(name), sanitizeForTerminal(keyId), project));
        }
        break;
    case OutputFormat::Json: {
        QJsonObject o{{u"apiKeyId"_s, keyId}, {u"groupId"_s, project}, {u"result"_s, result}};
        if (!name.isEmpty())
            o.insert(u"name"_s, name);
        ctx.console().outBytes(renderJson(o));
        break;
    }
    case OutputFormat::Csv: {
        Rows rows;
        rows.headers = {u"apiKeyId"_s, u"groupId"_s, u"name"_s, u"result"_s};
        rows.rows.append({keyId, project, name, result});
        ctx.console().outBytes(renderCsv(rows));
        break;
    }
    }
}

// A create whose answer is lost (dropped, timed out) or could not be read. A 2xx means the key
// exists; otherwise it may. Either way, look for it by name (names are unique in a project), so
// the user learns its id and how to delete it: its secret is lost for good.
int reportLostCreate(CommandContext &ctx, const CreateKeyCall &call, const QString &project,
                     const QString &name)
{
    const bool answered = call.createdButUnreadable();
    AiKey key = call.key();
    bool looked = false;
    if (key.apiKeyId.isEmpty()) {
        const auto list = CommandContext::own(ctx.client()->listProjectKeys(project));
        if (ctx.wait(list.get())) {
            looked = true;
            for (const AiKey &k : list->items()) {
                if (k.name == name) {
                    key = k;
                    break;
                }
            }
        }
    }
    const QString shownName = sanitizeForTerminal(key.name.isEmpty() ? name : key.name);
    if (!key.apiKeyId.isEmpty()) {
        ctx.notice(
            Cli::tr("ERROR: the key \"%1\" (ID %2) was created in project %3, but Atlas's answer %4, so its "
                    "secret is lost: Atlas never shows it again. Delete the key and create another:\n  %5")
                .arg(shownName, sanitizeForTerminal(key.apiKeyId), project,
                     answered ? Cli::tr("could not be read") : Cli::tr("was lost"),
                     ctx.programName() + u" keys delete --project "_s + project + u" --key "_s +
                         sanitizeForTerminal(key.apiKeyId) + u" --yes"_s));
        return ExitDoneResultLost;
    }
    if (answered) {
        ctx.notice(
            Cli::tr("ERROR: the key \"%1\" was created in project %2 (Atlas answered %3), but the answer "
                    "could not be read, so its ID and secret are lost. Find it with '%4 keys list --project "
                    "%2' and delete it with '%4 keys delete --project %2 --key ID --yes'; then create "
                    "another.")
                .arg(shownName, project)
                .arg(call.httpStatus())
                .arg(ctx.programName()));
        return ExitDoneResultLost;
    }
    ctx.fail(
        call.error(),
        Cli::tr("The key \"%1\" may have been created anyway (%4). Check with '%2 keys list --project %3' "
                "before trying again; if it is there, its secret is lost: delete it and create another.")
            .arg(shownName, ctx.programName(), project,
                 looked ? Cli::tr("it was not in the list just now, but a request still under way may "
                                  "complete")
                        : Cli::tr("Atlas could not be asked just now")));
    return ExitNotKnown;
}

} // namespace

int runKeysList(CommandContext &ctx)
{
    const QString project = ctx.value(u"project"_s);
    const QString org = ctx.value(u"org"_s);
    if (!project.isEmpty()) {
        const auto job = CommandContext::own(ctx.client()->listProjectKeys(project));
        if (!ctx.wait(job.get()))
            return ctx.fail(job->error());
        ctx.printList(job->items(), Cli::tr("No AI model API keys in project %1.").arg(project));
        return ExitOk;
    }
    const auto job = CommandContext::own(ctx.client()->listOrgKeys(org));
    if (!ctx.wait(job.get()))
        return ctx.fail(job->error());
    ctx.printList(job->items(), Cli::tr("No AI model API keys in organization %1.").arg(org),
                  KeyScopeColumns::Org);
    return ExitOk;
}

int runKeysGet(CommandContext &ctx)
{
    const auto call =
        CommandContext::own(ctx.client()->getProjectKey(ctx.value(u"project"_s), ctx.value(u"key"_s)));
    if (!ctx.wait(call.get()))
        return ctx.fail(call->error());
    ctx.printItem(call->value());
    return ExitOk;
}

int runKeysCreate(CommandContext &ctx)
{
    const QString project = ctx.value(u"project"_s);
    const QString name = ctx.value(u"name"_s);
    const QString secretFile =
        ctx.has(u"secret-file"_s) ? QFileInfo(ctx.value(u"secret-file"_s)).absoluteFilePath() : QString();
    const bool replaceFile = ctx.has(u"force"_s);
    if (replaceFile && secretFile.isEmpty())
        return ctx.usageError(Cli::tr("--force applies only with --secret-file PATH."));

    // Check the file before creating a key whose secret would otherwise be lost: on bad input nothing
    // is created and no file changes. A new file is created now (empty, private), so that the name is
    // ours; with --force an existing regular file is only inspected, and replaced at the end by a new
    // private file renamed over it. writeSecretFile repeats every check when it writes.
    bool createdFile = false;
    if (!secretFile.isEmpty()) {
        const QFileInfo info(secretFile);
        QString why;
        if (info.isSymLink()) {
            why = Cli::tr("%1 is a symbolic link; give the path of a regular file instead.").arg(secretFile);
        } else if (info.exists() && !replaceFile) {
            why = Cli::tr("%1 already exists; choose a new file, or add --force to replace it.")
                      .arg(secretFile);
        } else if (info.exists()) {
            if (!info.isFile())
                why = Cli::tr("%1 is not a regular file.").arg(secretFile);
            else if (!QFileInfo(info.absolutePath()).isWritable())
                why = Cli::tr("%1 cannot be replaced: its folder is not writable.").arg(secretFile);
        } else if (writeSecretFile(secretFile, QByteArray(), SecretFileMode::CreateNew, &why)) {
            createdFile = true;
        }
        if (!why.isEmpty())
            return ctx.usageError(Cli::tr("--secret-file: %1 No key was created.").arg(why));
    }
    auto forgetFile = [&] {
        if (createdFile)
            QFile::remove(secretFile);
    };

    const auto call = CommandContext::own(ctx.client()->createKey(project, name));
    if (!ctx.wait(call.get())) {
        forgetFile();
        const ApiError &error = call->error();
        if (error.kind() == ApiError::Kind::Canceled || ctx.interrupted())
            return ctx.fail(error);
        if (call->createdButUnreadable() || error.outcomeUnknown())
            return reportLostCreate(ctx, *call, project, name);
        return ctx.fail(error);
    }

    SecretBuffer secret = call->takeSecret();
    const AiKey key = call->key();
    const QString deleteHint = ctx.programName() + u" keys delete --project "_s + project + u" --key "_s +
                               key.apiKeyId + u" --yes"_s;

    if (!secretFile.isEmpty()) {
        QByteArray contents;
        contents.reserve(secret.size() + 1);
        contents.append(secret.reveal());
        contents.append('\n');
        secret.wipe();
        QString why;
        // Over the empty file made above, or the existing one --force replaces: either way a new
        // private file takes the name, so nobody who had the old one open reads the secret.
        const bool written = writeSecretFile(secretFile, contents, SecretFileMode::Replace, &why);
        SecretBuffer::wipeBytes(contents);
        if (!written) {
            ctx.notice(
                Cli::tr(
                    "ERROR: the key \"%1\" (ID %2) was created in project %3, but its secret could not be "
                    "saved: %4\nThe secret is lost: Atlas never shows it again. Delete the key and create "
                    "another:\n  %5")
                    .arg(sanitizeForTerminal(key.name), key.apiKeyId, project, why, deleteHint));
            return ExitDoneResultLost;
        }
        printCreatedKey(ctx, key, secret, secretFile);
        ctx.notice(Cli::tr("The secret was written to %1, readable only by you. Atlas never shows it again.")
                       .arg(secretFile));
        return ExitOk;
    }

    printCreatedKey(ctx, key, secret, QString());
    secret.wipe();
    if (!ctx.console().outOk()) {
        ctx.notice(
            Cli::tr("ERROR: the key \"%1\" (ID %2) was created in project %3, but writing its secret to "
                    "standard output failed. The secret is lost. Delete the key and create another:\n  %4")
                .arg(sanitizeForTerminal(key.name), key.apiKeyId, project, deleteHint));
        return ExitDoneResultLost;
    }
    ctx.notice(Cli::tr("This is the only time the secret is shown: store it now (for example in a secret "
                       "manager). Use --secret-file PATH to write it to a private file instead."));
    return ExitOk;
}

int runKeysRename(CommandContext &ctx)
{
    const QString project = ctx.value(u"project"_s);
    const QString keyId = ctx.value(u"key"_s);
    const QString newName = ctx.value(u"name"_s);
    // Renaming is idempotent, so the call itself retries a lost answer; what is left here is an
    // answer that stayed lost or could not be read.
    const auto call = CommandContext::own(ctx.client()->renameKey(project, keyId, newName));
    if (ctx.wait(call.get())) {
        ctx.printItem(call->value());
        return ExitOk;
    }
    const ApiError error = call->error();
    if (error.kind() == ApiError::Kind::Canceled || ctx.interrupted())
        return ctx.fail(error);
    const bool answered = call->httpStatus() >= 200 && call->httpStatus() < 300;
    if (!answered && !error.outcomeUnknown())
        return ctx.fail(error);
    // Ask Atlas what the key is called now rather than guess.
    const auto get = CommandContext::own(ctx.client()->getProjectKey(project, keyId));
    const bool read = ctx.wait(get.get());
    if (read && get->value().name == newName) {
        ctx.notice(answered
                       ? Cli::tr("Atlas renamed the key, but its answer could not be read; this is the key "
                                 "as Atlas shows it now.")
                       : Cli::tr("The answer to the rename was lost, but Atlas now shows the new name: "
                                 "the rename was made."));
        ctx.printItem(get->value());
        return ExitOk;
    }
    if (answered) {
        // A 2xx said it was done; a read that disagrees or fails does not undo that.
        ctx.notice(
            Cli::tr("Atlas answered that key %1 was renamed to \"%2\", but the answer could not be read%3. "
                    "Check with '%4 keys get --project %5 --key %1'.")
                .arg(sanitizeForTerminal(keyId), sanitizeForTerminal(newName),
                     read ? Cli::tr(" and Atlas now shows the name \"%1\"")
                                .arg(sanitizeForTerminal(get->value().name))
                          : QString(),
                     ctx.programName(), project));
        return ExitOk;
    }
    // Atlas was asked afterwards: the outcome is known, whatever fail() would make of the lost answer.
    if (read) {
        ctx.fail(error, Cli::tr("The key was not renamed: Atlas still shows the name \"%1\". Renaming is "
                                "safe to repeat: run the command again.")
                            .arg(sanitizeForTerminal(get->value().name)));
        return ExitFailure;
    }
    if (get->error().isItemNotFound()) {
        ctx.fail(error, Cli::tr("The key no longer exists: nothing was renamed."));
        return ExitFailure;
    }
    ctx.fail(error, Cli::tr("The key may have been renamed anyway, and Atlas could not be asked. Check with "
                            "'%1 keys get --project %2 --key %3'; renaming is safe to repeat.")
                        .arg(ctx.programName(), project, sanitizeForTerminal(keyId)));
    return ExitNotKnown;
}

int runKeysDelete(CommandContext &ctx)
{
    const QString project = ctx.value(u"project"_s);
    const QString keyId = ctx.value(u"key"_s);
    QString name;

    if (!ctx.has(u"yes"_s)) {
        if (!stdinIsTerminal()) {
            return ctx.usageError(Cli::tr("Deleting a key needs confirmation, and standard input is not a "
                                          "terminal: pass --yes to delete key %1 in project %2.")
                                      .arg(keyId, project));
        }
        // Show what is about to go, so a mistyped ID does not delete the wrong key.
        const auto get = CommandContext::own(ctx.client()->getProjectKey(project, keyId));
        if (!ctx.wait(get.get())) {
            if (get->error().isItemNotFound()) {
                printDeleted(ctx, project, keyId, QString(), true);
                return ExitOk;
            }
            return ctx.fail(get->error());
        }
        const AiKey &key = get->value();
        name = key.name;
        ctx.notice(Cli::tr("Key %1 (%2): %3, created %4 by %5.")
                       .arg(sanitizeForTerminal(key.name), sanitizeForTerminal(keyId), lastUseText(key),
                            displayDate(key.createdAt), sanitizeForTerminal(key.createdBy)));
        const auto answer =
            ctx.confirm(Cli::tr("Delete key %1 (%2) in project %3? It stops working at once and "
                                "cannot be restored. [y/N]")
                            .arg(sanitizeForTerminal(key.name), sanitizeForTerminal(keyId), project));
        if (answer == CommandContext::Answer::Interrupted)
            return ExitInterrupted;
        if (answer == CommandContext::Answer::No) {
            ctx.notice(Cli::tr("Nothing was deleted."));
            return ExitFailure;
        }
    }

    // Deleting is idempotent, so the call itself retries a lost answer (a 404 on the retry means the
    // first attempt deleted it); what is left here is an answer that stayed lost.
    const auto call = CommandContext::own(ctx.client()->deleteKey(project, keyId));
    if (ctx.wait(call.get())) {
        printDeleted(ctx, project, keyId, name, call->alreadyGone());
        return ExitOk;
    }
    const ApiError error = call->error();
    if (error.kind() == ApiError::Kind::Canceled || ctx.interrupted() || !error.outcomeUnknown())
        return ctx.fail(error);
    const auto get = CommandContext::own(ctx.client()->getProjectKey(project, keyId));
    if (!ctx.wait(get.get()) && get->error().isItemNotFound()) {
        ctx.notice(
            Cli::tr("The answer to the delete was lost, but Atlas no longer has the key: it was deleted."));
        printDeleted(ctx, project, keyId, name, false);
        return ExitOk;
    }
    if (get->succeeded()) {
        ctx.fail(error, Cli::tr("The key was not deleted: Atlas still has it. Deleting is safe to repeat: "
                                "run the command again."));
        return ExitFailure;
    }
    ctx.fail(error, Cli::tr("The key may have been deleted anyway, and Atlas could not be asked. Check with "
                            "'%1 keys get --project %2 --key %3'; deleting is safe to repeat.")
                        .arg(ctx.programName(), project, sanitizeForTerminal(keyId)));
    return ExitNotKnown;
}

} // namespace aikeys::cli
