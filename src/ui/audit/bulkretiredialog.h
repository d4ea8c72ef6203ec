#pragma once

#include "audit/keyclassifier.h"
#include "domain/types.h"

#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QList>

#include <memory>

class QPushButton;

namespace Ui {
class BulkRetireDialog;
}

namespace aikeys {

// Previews the keys a bulk retire will delete (name, project, class, last use) and asks the user to
// type how many there are before Retire is enabled: deleting many keys at once deserves more than a
// click. Keys that are in use (recently created or active under the thresholds) are counted out
// loud. Retire is never the default button: Enter cancels.
class BulkRetireDialog : public QDialog
{
    Q_OBJECT

public:
    BulkRetireDialog(const QList<AiKey> &keys, const QHash<QString, QString> &projectNames,
                     AuditThresholds thresholds, const QDateTime &now, QWidget *parent = nullptr);
    ~BulkRetireDialog() override;

    const QList<AiKey> &keys() const { return m_keys; }
    // The text that enables Retire: the number of keys.
    QString expectedConfirmation() const { return QString::number(m_keys.size()); }
    bool canRetire() const;
    QPushButton *retireButton() const { return m_retire; }
    // How many of the keys are in use (active or recently created).
    int inUseCount() const { return m_inUse; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const std::unique_ptr<Ui::BulkRetireDialog> m_ui;
    QList<AiKey> m_keys;
    QPushButton *m_retire = nullptr;
    int m_inUse = 0;
};

} // namespace aikeys
