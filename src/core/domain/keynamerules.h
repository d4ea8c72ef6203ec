#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace aikeys {

// The rules a key name must follow, in one place for the create and rename dialogs: 1 to 250
// characters as typed (the contract counts what the user typed, so nothing is trimmed), not only
// white space, no control or text-direction characters (domain/terminaltext.h), and unique within its
// project. Uniqueness is exact, as the server compares it: "Prod" and "prod" are two names. For a rename, the
// key's current name is not a duplicate of itself, and leaving it unchanged is refused (there is nothing to
// send).
class KeyNameRules
{
    Q_DECLARE_TR_FUNCTIONS(aikeys::KeyNameRules)

public:
    enum class Problem { None, Empty, OnlySpaces, TooLong, UnsafeCharacter, Duplicate, Unchanged };

    struct Verdict
    {
        Problem problem = Problem::None;
        QString message; // empty when the name is acceptable
        bool ok() const { return problem == Problem::None; }
    };

    KeyNameRules() = default;

    // The names of the keys already in the project the name is for.
    void setExistingNames(const QStringList &names) { m_existing = names; }
    const QStringList &existingNames() const { return m_existing; }
    // For a rename: the key's own name, excluded from duplicates; an unchanged name is refused.
    void setCurrentName(const QString &name) { m_current = name; }
    const QString &currentName() const { return m_current; }

    Verdict check(const QString &name) const;

    static int maxLength();
    // "12 / 250": what the user typed against the limit, counted as check() counts.
    static QString counterText(const QString &name);

private:
    QStringList m_existing;
    QString m_current;
};

} // namespace aikeys
