#include "keys/keychangeprompts.h"

#include "atlas/embeddingtest.h"
#include "common/messagebox.h"
#include "keys/createkeydialog.h"
#include "keys/deletekeydialog.h"
#include "keys/renamekeydialog.h"
#include "keys/secretdialog.h"

#include <QPointer>

namespace aikeys {

std::optional<KeyChangePrompts::NewKey>
KeyChangePrompts::askNewKey(QWidget *parent, const QList<std::pair<QString, QString>> &choices,
                            const QString &preselect, const QHash<QString, QStringList> &names,
                            const QList<KeyScope> &scopes)
{
    // Guarded: the parent may go while the dialog runs its own event loop (the window signs out).
    QPointer<CreateKeyDialog> dialog = new CreateKeyDialog(parent);
    QList<ProjectChoice> projects;
    for (const auto &c : choices)
        projects.append(ProjectChoice{c.first, c.second});
    dialog->setProjects(projects, preselect);
    dialog->setExistingNames(names);
    dialog->setScopes(scopes);
    const int result = dialog->exec();
    if (!dialog)
        return std::nullopt;
    const NewKey chosen{dialog->projectId(), dialog->keyName(), dialog->scope()};
    delete dialog;
    if (result != QDialog::Accepted)
        return std::nullopt;
    return chosen;
}

std::optional<QString> KeyChangePrompts::askNewName(QWidget *parent, const AiKey &key,
                                                    const QStringList &names)
{
    QPointer<RenameKeyDialog> dialog = new RenameKeyDialog(key, names, parent);
    const int result = dialog->exec();
    if (!dialog)
        return std::nullopt;
    const QString newName = dialog->newName();
    delete dialog;
    if (result != QDialog::Accepted)
        return std::nullopt;
    return newName;
}

bool KeyChangePrompts::confirmDelete(QWidget *parent, const AiKey &key, const QString &projectName)
{
    QPointer<DeleteKeyDialog> dialog = new DeleteKeyDialog(key, projectName, parent);
    const int result = dialog->exec();
    delete dialog.data();
    return result == QDialog::Accepted;
}

SecretDialog *KeyChangePrompts::secretDialog(const AiKey &key, SecretBuffer secret,
                                             SecureClipboard *clipboard, bool canTest, QWidget *parent)
{
    auto *dialog = new SecretDialog(key, std::move(secret), clipboard, parent);
    if (canTest) {
        dialog->setKeyTester([](const SecretBuffer &s, const QString &endpoint) -> EmbeddingTest * {
            return new EmbeddingTest(endpoint, s);
        });
    }
    return dialog;
}

void KeyChangePrompts::lostCreateUnknown(QWidget *parent, const QString &name, const ApiError &listError)
{
    MessageBox::warning(
        parent, tr("Key May Have Been Created"),
        tr("Atlas's answer to the creation of \u201c%1\u201d was lost, and the list of keys "
           "could not be read to check whether it exists.")
            .arg(name),
        QMessageBox::Ok, QMessageBox::NoButton,
        tr("%1\n\nRefresh the list before trying again. If a key named \u201c%2\u201d is there, "
           "its secret is lost: delete it and create another.")
            .arg(listError.message(), name));
}

bool KeyChangePrompts::lostCreate(QWidget *parent, const QString &name, const std::optional<AiKey> &found,
                                  const ApiError &error)
{
    if (!found && error.kind() == ApiError::Kind::InvalidResponse) {
        // Atlas said it created the key; that the list does not show it (yet) changes nothing.
        lostCreateUnknown(parent, name, error);
        return false;
    }
    if (!found) {
        MessageBox::information(
            parent, tr("Key Not Created"), tr("The key \u201c%1\u201d was not created.").arg(name),
            QMessageBox::Ok, QMessageBox::NoButton,
            tr("Atlas did not answer (%1), and the project has no key of that name. You can "
               "try again.")
                .arg(error.message()));
        return false;
    }
    const MessageBox::Button answer = MessageBox::question(
        parent, tr("Key Created Without Its Secret"),
        tr("The key \u201c%1\u201d was created, but Atlas's answer was lost on the way.").arg(name),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
        tr("Atlas shows a key's secret only once, in the answer to its creation, so the secret of this key "
           "cannot be recovered. Nobody can use the key without it.\n\nDelete the key now? You can then "
           "create a new one."));
    return answer == QMessageBox::Yes;
}

} // namespace aikeys
