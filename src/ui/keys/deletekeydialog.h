#pragma once

#include "domain/types.h"

#include <QDateTime>
#include <QDialog>

#include <memory>

class QPushButton;

namespace Ui {
class DeleteKeyDialog;
}

namespace aikeys {

// Confirms deleting one key: what it is (name, id, project, created, last used) and that deletion is
// immediate and permanent. A key used in the last seven days is likely still in service, so the user
// must type its exact name before Delete is enabled. Delete is never the default button: Enter
// cancels, whatever has the focus.
class DeleteKeyDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int kRecentUseDays = 7;

    DeleteKeyDialog(const AiKey &key, const QString &projectName, QWidget *parent = nullptr);
    ~DeleteKeyDialog() override;

    const AiKey &key() const { return m_key; }
    // The clock "last used" is measured against (now by default); tests pin it.
    void setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }

    // True when the key was used in the last kRecentUseDays days, so its name must be typed.
    bool requiresTypedName() const;
    bool canDelete() const;
    QPushButton *deleteButton() const { return m_delete; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void updateDeleteButton();

    const std::unique_ptr<Ui::DeleteKeyDialog> m_ui;
    AiKey m_key;
    QDateTime m_now;
    QPushButton *m_delete = nullptr;
};

} // namespace aikeys
