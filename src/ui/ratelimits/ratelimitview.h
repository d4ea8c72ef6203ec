#pragma once

#include "atlas/apierror.h"
#include "ratelimits/orglimitsjob.h"
#include "ratelimits/ratelimitplan.h"

#include <QPointer>
#include <QWidget>

#include <memory>

namespace Ui {
class RateLimitView;
}

namespace aikeys {

class AtlasClient;
class MessageBar;
class RateLimitChanges;

// Rate limits against the organization's ceilings.
//
// For a project: a table of model groups (name, models, requests and tokens per minute, the org's
// ceiling for each, the headroom left), an editor for the selected group whose spin boxes stop at the
// ceiling and whose values are checked (1 ..= ceiling) before anything is sent, reset of one group,
// and reset of every group after a confirmation. Once the ceilings are known, the org's projects are
// checked in the background (OrgLimitsJob, as for the org's page): a warning bar names the groups
// where the projects together allow more than the org's ceiling.
// For an organization: its ceilings, the sum of its projects' limits per group (one call per project,
// a few at a time), and a warning for each group where that sum exceeds the ceiling, since one busy
// project can then starve the others.
//
// Embedding: construct it with the session's client; call showProject() or showOrg().
class RateLimitView : public QWidget
{
    Q_OBJECT

public:
    explicit RateLimitView(AtlasClient *client, QWidget *parent = nullptr);
    ~RateLimitView() override;

    void setClient(AtlasClient *client);
    // orgId may be empty: it is then read from the project.
    void showProject(const QString &projectId, const QString &orgId = {});
    // orgName is for the title; the id stands in without it.
    void showOrg(const QString &orgId, const QString &orgName = {});
    void reload();
    bool isLoading() const;
    bool isBusy() const;

    // Project page.
    const QList<LimitRow> &rows() const { return m_rows; }
    // The over-subscribed groups of the project's organization (empty until checked, or when the
    // check failed).
    const QList<Oversubscription> &orgOversubscriptions() const { return m_orgOversubscriptions; }
    bool isCheckingOrg() const;
    MessageBar *oversubscriptionBar() const { return m_oversubscriptionBar; }
    bool hasCeilings() const { return m_hasCeilings; }
    QString currentGroup() const;
    void setCurrentGroup(const QString &group);
    // Checks the values against the group's ceiling and sends them. Returns false, sending nothing,
    // when they are refused (validationMessage() says why).
    bool applyEdit(const QString &group, qint64 requestsPerMinute, qint64 tokensPerMinute);
    QString validationMessage() const { return m_validation; }
    void resetGroup(const QString &group);

    // Organization page.
    const QList<RateLimit> &ceilings() const { return m_ceilings; }
    const QList<Oversubscription> &oversubscriptions() const { return m_oversubscriptions; }

    MessageBar *messageBar() const { return m_messageBar; }

public Q_SLOTS:
    // Applies the editor's values to the selected group.
    void applyCurrent();
    void resetCurrent();
    // Resets every group of the project to its default, after a confirmation.
    void resetAll();

Q_SIGNALS:
    void loaded();
    void loadFailed(const aikeys::ApiError &error);
    // A change was accepted by Atlas (an edit or a reset).
    void changed();
    // The background check of the project's organization finished (or failed, which shows nothing).
    void orgChecked();

private:
    enum class Mode { None, Project, Org };
    void fillProjectTable();
    void fillOrgPage();
    void updateEditor();
    void validateEditor();
    void setRowLimit(const RateLimit &limit);
    void setBusy(bool busy);
    void showError(const QString &what, const ApiError &error);
    int rowOf(const QString &group) const;
    void load(bool freshOrgCheck);
    // The page's load has finished: false, with the error shown, unless it succeeded.
    bool loadDone(const Job *job);
    void checkOrg(bool fresh);
    void cancelOrgCheck();
    void showOversubscriptions();
    void connectChanges();

    const std::unique_ptr<Ui::RateLimitView> m_ui;
    QPointer<AtlasClient> m_client;
    MessageBar *m_messageBar;
    Mode m_mode = Mode::None;
    QString m_projectId;
    QString m_projectName;
    QString m_orgId;
    QString m_orgName;
    QList<LimitRow> m_rows;
    QList<RateLimit> m_ceilings;
    bool m_hasCeilings = false;
    QList<Oversubscription> m_oversubscriptions;
    QString m_validation;
    QPointer<Job> m_load;
    RateLimitChanges *m_changes;
    MessageBar *m_oversubscriptionBar;
    QPointer<OrgLimitsJob> m_orgCheck;
    QString m_orgCheckedId; // the org m_orgOversubscriptions is about (empty: nothing checked)
    QList<Oversubscription> m_orgOversubscriptions;
};

} // namespace aikeys
