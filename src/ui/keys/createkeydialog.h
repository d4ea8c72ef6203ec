#pragma once

#include "domain/keynamerules.h"
#include "domain/types.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QStringList>

#include <memory>

class QLabel;
class QPushButton;

namespace Ui {
class CreateKeyDialog;
}

namespace aikeys {

// A project the user may create a key in.
struct ProjectChoice
{
    QString id;
    QString name;
};

// Asks for what a new key needs: its project, its name (checked live against KeyNameRules and the
// names already in the chosen project) and its scope. Everything comes from the caller, the scopes
// included (they are server data: only ANY/ANY today); nothing here talks to the network. After
// accept(), projectId(), keyName() and scope() are the request to send.
class CreateKeyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CreateKeyDialog(QWidget *parent = nullptr);
    ~CreateKeyDialog() override;

    // The projects to offer, and the one to preselect (the first when it is not among them).
    void setProjects(const QList<ProjectChoice> &projects, const QString &selectedProjectId = {});
    // The names of the keys already in each project, by project id.
    void setExistingNames(const QHash<QString, QStringList> &namesByProject);
    // The scopes a key may have, as the server lists them; cloud and geography are chosen from these.
    void setScopes(const QList<KeyScope> &scopes);
    void setKeyName(const QString &name);

    QString projectId() const;
    QString keyName() const;
    KeyScope scope() const;

    bool isValid() const;
    // Why the input cannot be sent yet, or empty when it can.
    QString problem() const;
    QPushButton *createButton() const;

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    void fillGeographies();
    void validate();

    const std::unique_ptr<Ui::CreateKeyDialog> m_ui;
    QHash<QString, QStringList> m_namesByProject;
    QList<KeyScope> m_scopes;
    QString m_problem;
    bool m_valid = false;
    bool m_nameEdited = false;
};

namespace detail {
// The name field's status line, shared with RenameKeyDialog: the counter ("12 / 250", bold when
// over the limit) and the problem with a warning icon (hidden when problem is empty).
void showKeyNameStatus(QLabel *icon, QLabel *message, QLabel *counter, const QString &name,
                       const QString &problem, bool tooLong);
// A dialog on screen keeps its size when a wrapped line of text appears in it; this grows it to what
// its layout needs at its current width instead of letting the rows squeeze.
void growToFit(QWidget *dialog);
} // namespace detail

} // namespace aikeys
