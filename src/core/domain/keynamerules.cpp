#include "domain/keynamerules.h"

#include "atlas/baseurl.h"
#include "domain/terminaltext.h"
#include "domain/types.h"

using namespace Qt::StringLiterals;

namespace aikeys {

KeyNameRules::Verdict KeyNameRules::check(const QString &name) const
{
    // validateKeyName() is the client's own pre-flight check; reusing its wording keeps the dialog
    // and the error a refused call would show saying the same thing.
    const QString basic = validateKeyName(name);
    if (!basic.isEmpty()) {
        Problem problem = Problem::TooLong;
        if (indexOfUnsafeForDisplay(name) >= 0 && name.size() <= kKeyNameMaxLength)
            problem = Problem::UnsafeCharacter;
        if (name.isEmpty())
            problem = Problem::Empty;
        else if (name.trimmed().isEmpty())
            problem = Problem::OnlySpaces;
        return {problem, basic};
    }
    // A key's name is never empty, so an empty current name means "not a rename".
    if (!m_current.isEmpty() && name == m_current)
        return {Problem::Unchanged, tr("The name has not changed: type a new name.")};
    // The current name was handled above, so finding it in the list is never a duplicate.
    if (m_existing.contains(name))
        return {Problem::Duplicate, tr("This project already has a key with this name: choose another.")};
    return {};
}

int KeyNameRules::maxLength()
{
    return kKeyNameMaxLength;
}

QString KeyNameRules::counterText(const QString &name)
{
    return tr("%1 / %2").arg(name.size()).arg(kKeyNameMaxLength);
}

} // namespace aikeys
