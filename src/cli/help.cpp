#include "help.h"

#include "credentials/environment.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

namespace {

constexpr auto kProgram = "atlas-ai-keys-cli";
constexpr qsizetype kWidth = 100;

QString program()
{
    return QString::fromLatin1(kProgram);
}

// Word-wraps text to the width. The first line continues at startColumn (the caller wrote what
// is left of it); later lines are indented by indent spaces.
QString wrap(const QString &text, qsizetype indent, qsizetype startColumn)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    QString out;
    qsizetype column = startColumn;
    bool lineHasWord = false;
    for (const QString &word : words) {
        if (lineHasWord && column + 1 + word.size() > kWidth) {
            out += u'\n' + QString(indent, u' ');
            column = indent;
            lineHasWord = false;
        }
        if (lineHasWord) {
            out += u' ';
            ++column;
        }
        out += word;
        column += word.size();
        lineHasWord = true;
    }
    return out;
}

// Two columns: a term and its (wrapped) description.
QString twoColumns(const QList<std::pair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &[term, text] : rows)
        width = qMax(width, term.size());
    const qsizetype indent = 2 + width + 3;
    QString out;
    for (const auto &[term, text] : rows) {
        const QString left = u"  "_s + term.leftJustified(width) + u"   "_s;
        out += left + wrap(text, indent, indent) + u'\n';
    }
    return out;
}

QString optionTerm(const OptionSpec &o)
{
    QString term;
    if (!o.shortName.isNull())
        term = u"-"_s + o.shortName + u", "_s;
    term += u"--"_s + o.name;
    if (o.takesValue())
        term += u' ' + o.valueName;
    return term;
}

QString globalOptions(const CommandTable &table)
{
    QList<std::pair<QString, QString>> rows;
    for (const OptionSpec &o : table.options) {
        if (o.global)
            rows.append({optionTerm(o), Cli::tr(o.help)});
    }
    return twoColumns(rows);
}

QString environmentSection()
{
    using namespace atlasenv;
    const auto v = [](const char *name) { return QString::fromLatin1(name); };
    QList<std::pair<QString, QString>> rows{
        {u"ATLAS_AI_KEYS_PROFILE"_s,
         Cli::tr("The saved profile to use, as --profile does (its secret is in the OS keychain).")},
        {v(kClientId) + u", "_s + v(kClientSecret), Cli::tr("A service account (used first when set).")},
        {v(kPublicApiKey) + u", "_s + v(kPrivateApiKey),
         Cli::tr("A programmatic API key (Digest). The older %1 and %2 work too.")
             .arg(v(kPublicKeyOld), v(kPrivateKeyOld))},
        {v(kAccessToken), Cli::tr("An access token (used when neither of the above is set).")},
        {v(kBaseUrl), Cli::tr("Default for --base-url.")},
        {v(kOrgId) + u", "_s + v(kProjectId), Cli::tr("Defaults for --org and --project.")},
    };
    // The names are long: each gets its own line, its description the next.
    QString out;
    for (const auto &[term, text] : std::as_const(rows))
        out += u"  "_s + term + u"\n      "_s + wrap(text, 6, 6) + u'\n';
    return out;
}

QString commandList(const QList<const CommandSpec *> &commands)
{
    QList<std::pair<QString, QString>> rows;
    for (const CommandSpec *c : commands)
        rows.append({displayName(*c), Cli::tr(c->summary)});
    return twoColumns(rows);
}

} // namespace

QString helpHint(const CommandTable &table, const QStringList &words)
{
    Q_UNUSED(table)
    const QString level = words.isEmpty() ? QString() : words.join(u' ') + u' ';
    return Cli::tr("Run '%1 %2--help' for usage.").arg(program(), level);
}

QString helpText(const CommandTable &table, const QStringList &words)
{
    QString out;
    if (words.isEmpty()) {
        QList<const CommandSpec *> all;
        for (const CommandSpec &c : table.commands)
            all << &c;
        out += Cli::tr("Usage: %1 [OPTIONS] COMMAND [COMMAND OPTIONS]").arg(program()) + u"\n\n"_s;
        out +=
            wrap(Cli::tr("Manage the AI model API keys of MongoDB Atlas (the keys of Voyage AI embedding and "
                         "reranking calls) and their rate limits, from a terminal or a script."),
                 0, 0) +
            u"\n\n"_s;
        out += Cli::tr("Commands:") + u'\n' + commandList(all) + u'\n';
        out += Cli::tr("Options (before or after the command words; --name=value works too):") + u'\n' +
               globalOptions(table) + u'\n';
        out += wrap(Cli::tr("Credentials are never read from the command line. They come from the profile "
                            "named by --profile or ATLAS_AI_KEYS_PROFILE (its secret in the OS keychain), "
                            "else from the MONGODB_ATLAS_* variables, else from the default profile "
                            "(profiles set-default, or the only profile there is)."),
                    0, 0) +
               u"\n\n"_s + Cli::tr("Environment:") + u'\n' + environmentSection() + u'\n';
        out +=
            wrap(
                Cli::tr(
                    "Results go to standard output; errors, notices and prompts to standard error. Exit "
                    "codes: 0 done, 1 not done (Atlas or the network said no, or a declined confirmation), 2 "
                    "usage error (nothing was sent), 3 audit found a stale or never-used key, 4 not known "
                    "(the "
                    "answer to a change was lost: it may have been made; the message says how to check), 5 "
                    "done but its result lost (a key created whose secret could not be delivered), 130 "
                    "interrupted (Ctrl+C)."),
                0, 0) +
            u"\n\n"_s;
        out +=
            Cli::tr("Run '%1 COMMAND --help' for a command's options, for example '%1 keys create --help'.")
                .arg(program()) +
            u'\n';
        return out;
    }

    // A group's help, unless the word is a command of its own ("audit").
    const bool singleWordCommand = std::any_of(table.commands.cbegin(), table.commands.cend(),
                                               [&words](const CommandSpec &c) { return c.words == words; });
    if (words.size() == 1 && !singleWordCommand) {
        const GroupSpec *group = table.group(words.first());
        if (!group)
            return {};
        out += Cli::tr("Usage: %1 %2 COMMAND [OPTIONS]").arg(program(), group->word) + u"\n\n"_s;
        out += Cli::tr(group->summary) + u":\n"_s;
        QList<std::pair<QString, QString>> rows;
        for (const CommandSpec *c : table.commandsOf(group->word))
            rows.append({synopsis(table, *c), Cli::tr(c->summary)});
        for (const auto &[term, text] : std::as_const(rows))
            out += u"  "_s + term + u"\n      "_s + wrap(text, 6, 6) + u'\n';
        out += u'\n' +
               Cli::tr("Run '%1 %2 COMMAND --help' for a command's options.").arg(program(), group->word) +
               u'\n';
        return out;
    }

    const CommandSpec *command = nullptr;
    for (const CommandSpec &c : table.commands) {
        if (c.words == words)
            command = &c;
    }
    if (!command)
        return {};
    out += Cli::tr("Usage: %1 %2").arg(program(), synopsis(table, *command)) + u"\n\n"_s;
    out += wrap(Cli::tr(command->summary), 0, 0) + u'\n';
    if (command->details)
        out += u'\n' + wrap(Cli::tr(command->details), 0, 0) + u'\n';
    if (!command->options.isEmpty()) {
        QList<std::pair<QString, QString>> rows;
        for (const CommandOption &co : command->options) {
            const OptionSpec *o = table.option(co.name);
            if (!o)
                continue;
            QString text = Cli::tr(co.help ? co.help : o->help);
            if (!co.group.isEmpty())
                text += u' ' + Cli::tr("(One of the alternatives in parentheses.)");
            else if (co.required)
                text += u' ' + Cli::tr("(Required.)");
            rows.append({optionTerm(*o), text});
        }
        out += u'\n' + Cli::tr("Options:") + u'\n' + twoColumns(rows);
    }
    out += u'\n' + Cli::tr("Global options:") + u'\n' + globalOptions(table);
    return out;
}

} // namespace aikeys::cli
