#include "commandline.h"

using namespace Qt::StringLiterals;

namespace aikeys::cli {

const OptionSpec *CommandTable::option(QStringView name) const
{
    for (const OptionSpec &o : options) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}

const OptionSpec *CommandTable::shortOption(QChar letter) const
{
    for (const OptionSpec &o : options) {
        if (!o.shortName.isNull() && o.shortName == letter)
            return &o;
    }
    return nullptr;
}

const GroupSpec *CommandTable::group(QStringView word) const
{
    for (const GroupSpec &g : groups) {
        if (g.word == word)
            return &g;
    }
    return nullptr;
}

QList<const CommandSpec *> CommandTable::commandsOf(QStringView group) const
{
    QList<const CommandSpec *> out;
    for (const CommandSpec &c : commands) {
        if (!c.words.isEmpty() && c.words.first() == group)
            out.append(&c);
    }
    return out;
}

QString Invocation::sourceOf(const QString &name) const
{
    const auto it = defaultedFrom.constFind(name);
    if (it != defaultedFrom.constEnd())
        return *it;
    return u"--"_s + name;
}

QString displayName(const CommandSpec &command)
{
    return command.words.join(u' ');
}

namespace {

QString quoted(const QString &text)
{
    return u"\""_s + text.left(80) + u"\""_s;
}

QStringList subcommandWords(const CommandTable &table, const QString &group)
{
    QStringList words;
    for (const CommandSpec *c : table.commandsOf(group)) {
        if (c->words.size() > 1)
            words << c->words.at(1);
    }
    return words;
}

const CommandSpec *findCommand(const CommandTable &table, const QStringList &words)
{
    const CommandSpec *best = nullptr;
    for (const CommandSpec &c : table.commands) {
        if (c.words.size() <= words.size() && words.mid(0, c.words.size()) == c.words &&
            (!best || c.words.size() > best->words.size()))
            best = &c;
    }
    return best;
}

const CommandOption *commandOption(const CommandSpec &command, const QString &name)
{
    for (const CommandOption &o : command.options) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}

QString optionUsage(const CommandTable &table, const QString &name)
{
    const OptionSpec *spec = table.option(name);
    if (spec && spec->takesValue())
        return u"--"_s + name + u' ' + spec->valueName;
    return u"--"_s + name;
}

// Resolves the command words (and the command's positional value, if it takes one); on failure
// returns a message and leaves command null.
QString resolveWords(const CommandTable &table, const QStringList &words, const CommandSpec **command,
                     QString *argument = nullptr)
{
    *command = nullptr;
    if (words.isEmpty())
        return Cli::tr("No command given.");
    const CommandSpec *found = findCommand(table, words);
    if (!found) {
        const GroupSpec *group = table.group(words.first());
        if (!group) {
            QStringList known;
            for (const GroupSpec &g : table.groups)
                known << g.word;
            return Cli::tr("Unknown command %1; the commands are: %2.")
                .arg(quoted(words.first()), known.join(u", "_s));
        }
        const QString subs = subcommandWords(table, group->word).join(u", "_s);
        if (words.size() == 1)
            return Cli::tr("%1 needs a subcommand: %2.").arg(quoted(group->word), subs);
        return Cli::tr("Unknown command %1; %2 has: %3.")
            .arg(quoted(words.mid(0, 2).join(u' ')), quoted(group->word), subs);
    }
    const qsizetype extra = words.size() - found->words.size();
    if (!found->argument.isEmpty()) {
        if (extra == 0)
            return Cli::tr("Missing %1: %2 %1.").arg(found->argument, displayName(*found));
        if (extra > 1)
            return Cli::tr("Unexpected argument %1 after %2 %3 (put a name with spaces in quotes).")
                .arg(quoted(words.at(found->words.size() + 1)), displayName(*found),
                     quoted(words.at(found->words.size())));
        if (argument)
            *argument = words.at(found->words.size());
    } else if (extra > 0) {
        return Cli::tr("Unexpected argument %1 after %2 (values belong to options, such as --name NAME).")
            .arg(quoted(words.at(found->words.size())), quoted(displayName(*found)));
    }
    *command = found;
    return {};
}

} // namespace

Invocation parseCommandLine(const CommandTable &table, const QStringList &arguments)
{
    Invocation inv;
    QStringList words;
    QString firstError;
    bool help = false;
    bool version = false;
    bool optionsEnded = false;
    auto problem = [&firstError](const QString &message) {
        if (firstError.isEmpty())
            firstError = message;
    };

    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (optionsEnded || arg == u"-"_s || !arg.startsWith(u'-')) {
            words << arg;
            continue;
        }
        if (arg == u"--"_s) {
            optionsEnded = true;
            continue;
        }
        const OptionSpec *spec = nullptr;
        QString spelled;
        std::optional<QString> inlineValue;
        if (arg.startsWith(u"--"_s)) {
            const QString body = arg.mid(2);
            const qsizetype eq = body.indexOf(u'=');
            const QString name = eq < 0 ? body : body.left(eq);
            if (eq >= 0)
                inlineValue = body.mid(eq + 1);
            spelled = u"--"_s + name;
            spec = table.option(name);
        } else {
            spelled = arg;
            if (arg.size() == 2)
                spec = table.shortOption(arg.at(1));
        }
        if (!spec) {
            problem(Cli::tr("Unknown option %1.").arg(spelled.left(80)));
            continue;
        }
        QString value;
        if (spec->takesValue()) {
            if (inlineValue) {
                value = *inlineValue;
            } else if (i + 1 < arguments.size() &&
                       !(arguments.at(i + 1).startsWith(u"--"_s) &&
                         table.option(arguments.at(i + 1).mid(2).section(u'=', 0, 0)))) {
                value = arguments.at(++i);
            } else {
                // "--project --name x" almost always means a forgotten value, not a project named "--name".
                problem(Cli::tr("%1 needs a value (%2).").arg(spelled, spec->valueName));
                continue;
            }
        } else if (inlineValue) {
            problem(Cli::tr("%1 takes no value.").arg(spelled));
            continue;
        }
        if (spec->name == u"help"_s) {
            help = true;
            continue;
        }
        if (spec->name == u"version"_s) {
            version = true;
            continue;
        }
        if (inv.values.contains(spec->name)) {
            problem(Cli::tr("%1 was given more than once.").arg(u"--"_s + spec->name));
            continue;
        }
        inv.values.insert(spec->name, value);
    }

    inv.words = words;
    if (help) {
        // Help for the deepest level the words name; a misspelt word is still an error.
        const CommandSpec *command = findCommand(table, words);
        if (command) {
            inv.helpWords = command->words;
        } else if (!words.isEmpty()) {
            if (words.size() > 1 || !table.group(words.first())) {
                inv.error = resolveWords(table, words, &command);
                return inv;
            }
            inv.helpWords = {words.first()};
        }
        inv.action = Invocation::Action::Help;
        return inv;
    }
    if (version) {
        inv.action = Invocation::Action::Version;
        return inv;
    }
    if (!firstError.isEmpty()) {
        inv.error = firstError;
        return inv;
    }

    const CommandSpec *command = nullptr;
    const QString wordError = resolveWords(table, words, &command, &inv.argument);
    if (!wordError.isEmpty()) {
        inv.error = wordError;
        return inv;
    }
    for (auto it = inv.values.cbegin(); it != inv.values.cend(); ++it) {
        const OptionSpec *spec = table.option(it.key());
        if (spec && !spec->global && !commandOption(*command, it.key())) {
            inv.error =
                Cli::tr("%1 does not apply to %2.").arg(u"--"_s + it.key(), quoted(displayName(*command)));
            return inv;
        }
    }
    QHash<QString, QString> givenInGroup;
    for (const CommandOption &o : command->options) {
        if (o.group.isEmpty() || !inv.has(o.name))
            continue;
        const auto other = givenInGroup.constFind(o.group);
        if (other != givenInGroup.constEnd()) {
            inv.error = Cli::tr("Give either %1 or %2, not both.").arg(u"--"_s + *other, u"--"_s + o.name);
            return inv;
        }
        givenInGroup.insert(o.group, o.name);
    }
    inv.command = command;
    inv.action = Invocation::Action::Run;
    return inv;
}

QString completeInvocation(const CommandTable &table, Invocation &inv,
                           const QHash<QString, OptionDefault> &defaults)
{
    Q_ASSERT(inv.command);
    const CommandSpec &command = *inv.command;

    auto takeDefault = [&](const QString &name) {
        const auto it = defaults.constFind(name);
        if (it == defaults.constEnd() || it->value.isEmpty())
            return false;
        inv.values.insert(name, it->value);
        inv.defaultedFrom.insert(name, it->source);
        return true;
    };

    // Plain options first, then each group of alternatives once, in the order the table lists them.
    QStringList groupsDone;
    for (const CommandOption &o : command.options) {
        if (o.group.isEmpty()) {
            if (!inv.has(o.name) && !takeDefault(o.name) && o.required) {
                QString message = Cli::tr("Missing %1.").arg(optionUsage(table, o.name));
                const auto it = defaults.constFind(o.name);
                if (it != defaults.constEnd())
                    message += u' ' + Cli::tr("(Or set %1.)").arg(it->source);
                return message;
            }
            continue;
        }
        if (groupsDone.contains(o.group))
            continue;
        groupsDone << o.group;
        QStringList members;
        bool anyGiven = false;
        bool anyRequired = false;
        for (const CommandOption &m : command.options) {
            if (m.group != o.group)
                continue;
            members << m.name;
            anyGiven = anyGiven || inv.has(m.name);
            anyRequired = anyRequired || m.required;
        }
        if (anyGiven)
            continue;
        // Nothing given: the first alternative with a default wins, in the command's order (listings
        // put the project first; audit and export terraform the organization).
        bool filled = false;
        for (const QString &m : std::as_const(members)) {
            if (takeDefault(m)) {
                filled = true;
                break;
            }
        }
        if (!filled && anyRequired) {
            QStringList usages;
            QStringList sources;
            for (const QString &m : std::as_const(members)) {
                usages << optionUsage(table, m);
                const auto it = defaults.constFind(m);
                if (it != defaults.constEnd())
                    sources << it->source;
            }
            QString message = Cli::tr("Give %1.").arg(usages.join(Cli::tr(" or ")));
            if (!sources.isEmpty())
                message += u' ' + Cli::tr("(Or set %1.)").arg(sources.join(Cli::tr(" or ")));
            return message;
        }
    }

    // Validate in the order options are listed, so the message is predictable.
    for (const OptionSpec &spec : table.options) {
        if (!spec.validate || !inv.has(spec.name))
            continue;
        const QString why = spec.validate(inv.value(spec.name));
        if (!why.isEmpty())
            return inv.sourceOf(spec.name) + u": "_s + why;
    }
    return {};
}

QStringList helpLevel(const CommandTable &table, const QStringList &words)
{
    if (const CommandSpec *command = findCommand(table, words))
        return command->words;
    if (!words.isEmpty() && table.group(words.first()))
        return {words.first()};
    return {};
}

QString synopsis(const CommandTable &table, const CommandSpec &command)
{
    QStringList parts{displayName(command)};
    if (!command.argument.isEmpty())
        parts << command.argument;
    QStringList groupsDone;
    for (const CommandOption &o : command.options) {
        if (o.group.isEmpty()) {
            const QString usage = optionUsage(table, o.name);
            parts << (o.required ? usage : u'[' + usage + u']');
            continue;
        }
        if (groupsDone.contains(o.group))
            continue;
        groupsDone << o.group;
        QStringList alternatives;
        bool required = false;
        for (const CommandOption &m : command.options) {
            if (m.group == o.group) {
                alternatives << optionUsage(table, m.name);
                required = required || m.required;
            }
        }
        const QString joined = alternatives.join(u" | "_s);
        parts << (required ? u'(' + joined + u')' : u'[' + joined + u']');
    }
    return parts.join(u' ');
}

} // namespace aikeys::cli
