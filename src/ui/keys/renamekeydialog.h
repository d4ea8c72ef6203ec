#pragma once

#include "domain/types.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QPushButton;

namespace Ui {
class RenameKeyDialog;
}

namespace aikeys {

// Asks for a key's new name, with the create dialog's rules (KeyNameRules): 1 to 250 characters,
// not only spaces, not the name of another key in the same project, and not the current name. After
// accept(), newName() is the name to send.
class RenameKeyDialog : public QDialog
{
    Q_OBJECT

public:
    // namesInProject: the names of the project's keys; the key's own name may be among them.
    RenameKeyDialog(const AiKey &key, const QStringList &namesInProject, QWidget *parent = nullptr);
    ~RenameKeyDialog() override;

    const AiKey &key() const { return m_key; }
    QString newName() const;
    void setNewName(const QString &name);

    bool isValid() const { return m_valid; }
    QString problem() const { return m_problem; }
    QPushButton *renameButton() const;

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    void validate();

    const std::unique_ptr<Ui::RenameKeyDialog> m_ui;
    AiKey m_key;
    QStringList m_names;
    QString m_problem;
    bool m_valid = false;
};

} // namespace aikeys
