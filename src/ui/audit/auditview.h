#pragma once

#include "atlas/apierror.h"
#include "audit/auditjob.h"
#include "audit/auditreport.h"
#include "domain/clock.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QProgressDialog;
class QTableView;

namespace Ui {
class AuditView;
}

namespace aikeys {

class AtlasClient;
class AuditFilterProxyModel;
class AuditKeyModel;
class BulkRetireDialog;
class BulkRetireJob;
class KeyFilterProxyModel;
class LastUseChart;
class MessageBar;
class Settings;

// The audit of an organization's or a project's keys by last use: a summary (counts per class,
// oldest last use, keys per project), a chart of keys by time since last use (clicking a bar filters
// the table to those keys), the table with each key's class, CSV and JSON export, and bulk retire
// (select stale and never-used keys, preview them, type their number, delete them with progress; a
// failure on one key stops nothing else and is reported per key at the end).
//
// Embedding: construct it with the session's client and the settings (for the thresholds), then
// call showOrg() or showProject() whenever the user wants an audit. It talks to the network only
// through the client, and prompts only through the MessageBox and FileDialog seams.
class AuditView : public QWidget
{
    Q_OBJECT

public:
    // client and settings are not owned; settings may be null (then thresholds are 7 and 90 days).
    AuditView(AtlasClient *client, Settings *settings, QWidget *parent = nullptr);
    ~AuditView() override;

    // After signing in again; cancels a load in progress.
    void setClient(AtlasClient *client);

    // Audits an organization (one org-wide listing, with the projects' names) or one project.
    // The thresholds are read from the settings at each load.
    void showOrg(const QString &orgId, const QString &orgName);
    void showProject(const QString &projectId, const QString &projectName, const QString &orgId = {});
    // Makes the same audit again.
    void refresh();
    void cancel();

    bool isLoading() const;
    bool hasReport() const { return m_hasReport; }
    const AuditReport &report() const { return m_report; }

    // The time audits are made at (tests pin it); the system clock by default.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    // How many deletes a bulk retire sends at once.
    void setRetireConcurrency(int n) { m_retireConcurrency = n; }

    AuditKeyModel *model() const { return m_model; }
    KeyFilterProxyModel *proxy() const;
    QTableView *table() const;
    LastUseChart *chart() const;
    MessageBar *messageBar() const { return m_messageBar; }
    // The keys selected in the table, in table order.
    QList<AiKey> selectedKeys() const;

    // "1 key", "5 keys", as the audit counts keys everywhere.
    static QString keysText(int n);

public Q_SLOTS:
    void exportCsv();
    void exportJson();
    // Shows only the stale and never-used keys and selects them all.
    void selectRetireCandidates();
    // Previews the selected keys and asks for their number; deletes them once confirmed.
    void retireSelected();
    // Filters the table to one last-use bucket (-1: every key).
    void filterByBucket(int bucket);
    void showAllKeys();

Q_SIGNALS:
    // The summary, chart and table are filled.
    void loaded();
    void loadFailed(const aikeys::ApiError &error);
    // Keys that no longer exist after a bulk retire (deleted, or already gone).
    void keysRetired(const QStringList &apiKeyIds);
    // A bulk retire ended and its report was shown.
    void retireFinished();
    void exported(const QString &path);

private:
    enum class Filter { None, Bucket, Candidates };
    void load();
    void onLoaded();
    void setLoading(bool loading);
    void fillSummary();
    void updateFilterLabel();
    void updateSelectionLabel();
    void updateActions();
    void startRetire(const QList<AiKey> &keys);
    void onRetireFinished();
    void exportTo(bool json);
    QDateTime now() const;

    const std::unique_ptr<Ui::AuditView> m_ui;
    QPointer<AtlasClient> m_client;
    Settings *m_settings;
    Clock m_clock;
    AuditKeyModel *m_model;
    AuditFilterProxyModel *m_proxy;
    MessageBar *m_messageBar;
    QPointer<AuditJob> m_job;
    QPointer<BulkRetireJob> m_retireJob;
    QPointer<QProgressDialog> m_progress;
    AuditReport m_report;
    Scope m_scope = Scope::Organization;
    QString m_id;
    QString m_name;
    QString m_orgId;
    Filter m_filter = Filter::None;
    int m_retireConcurrency = 4;
    bool m_hasReport = false;
};

} // namespace aikeys
