#include "audit/auditview.h"

#include "ui_auditview.h"

#include "atlas/atlasclient.h"
#include "audit/auditexport.h"
#include "audit/auditjob.h"
#include "audit/auditkeymodel.h"
#include "audit/audittablelayout.h"
#include "audit/bulkretire.h"
#include "audit/bulkretiredialog.h"
#include "audit/bulkretireprogress.h"
#include "audit/lastusechart.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "domain/timeformat.h"
#include "domain/timestamp.h"
#include "settings.h"

#include <QDir>
#include <QHeaderView>
#include <QItemSelection>
#include <QLocale>
#include <QProgressDialog>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

constexpr int kProjectsShown = 5;

} // namespace

QString AuditView::keysText(int n)
{
    // Two source strings: English runs without a translator, which would show "(s)" as is.
    return n == 1 ? tr("%n key", nullptr, n) : tr("%n keys", nullptr, n);
}

AuditView::AuditView(AtlasClient *client, Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AuditView>())
    , m_client(client)
    , m_settings(settings)
    , m_model(new AuditKeyModel(this))
    , m_proxy(new AuditFilterProxyModel(this))
    , m_messageBar(new MessageBar(this))
{
    m_ui->setupUi(this);
    setObjectName(u"auditView"_s);
    m_messageBar->setObjectName(u"auditMessageBar"_s);
    m_ui->messageLayout->addWidget(m_messageBar);
    connect(m_messageBar, &MessageBar::actionTriggered, this, [this] {
        m_messageBar->animatedHide();
        refresh();
    });

    QFont title = m_ui->titleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(title);
    QFont bold = m_ui->oldestTitle->font();
    bold.setBold(true);
    m_ui->oldestTitle->setFont(bold);
    m_ui->projectsTitle->setFont(bold);

    m_proxy->setSourceModel(m_model);
    m_proxy->setDynamicSortFilter(true);
    m_ui->keyTable->setModel(m_proxy);
    AuditTableLayout::setUp(this, m_ui->keyTable, m_model);

    connect(m_ui->refreshButton, &QPushButton::clicked, this, &AuditView::refresh);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &AuditView::cancel);
    connect(m_ui->exportCsvButton, &QPushButton::clicked, this, &AuditView::exportCsv);
    connect(m_ui->exportJsonButton, &QPushButton::clicked, this, &AuditView::exportJson);
    connect(m_ui->selectCandidatesButton, &QPushButton::clicked, this, &AuditView::selectRetireCandidates);
    connect(m_ui->retireButton, &QPushButton::clicked, this, &AuditView::retireSelected);
    connect(m_ui->showAllButton, &QPushButton::clicked, this, &AuditView::showAllKeys);
    connect(m_ui->lastUseChart, &LastUseChart::selectedBucketChanged, this, &AuditView::filterByBucket);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_proxy, &KeyFilterProxyModel::setFilterText);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AuditView::updateFilterLabel);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AuditView::updateFilterLabel);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AuditView::updateFilterLabel);
    connect(m_ui->keyTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateSelectionLabel();
        updateActions();
    });

    m_ui->loadingPanel->hide();
    m_ui->summaryPanel->hide();
    m_ui->thresholdsLabel->hide();
    m_ui->titleLabel->setText(tr("Audit"));
    updateFilterLabel();
    updateSelectionLabel();
    updateActions();
}

AuditView::~AuditView()
{
    if (m_job)
        m_job->cancel();
}

void AuditView::setClient(AtlasClient *client)
{
    cancel();
    m_client = client;
    updateActions();
}

KeyFilterProxyModel *AuditView::proxy() const
{
    return m_proxy;
}

QTableView *AuditView::table() const
{
    return m_ui->keyTable;
}

LastUseChart *AuditView::chart() const
{
    return m_ui->lastUseChart;
}

QDateTime AuditView::now() const
{
    return nowFrom(m_clock);
}

bool AuditView::isLoading() const
{
    return m_job && !m_job->isFinished();
}

void AuditView::showOrg(const QString &orgId, const QString &orgName)
{
    m_scope = Scope::Organization;
    m_id = orgId;
    m_name = orgName;
    m_orgId = orgId;
    load();
}

void AuditView::showProject(const QString &projectId, const QString &projectName, const QString &orgId)
{
    m_scope = Scope::Project;
    m_id = projectId;
    m_name = projectName;
    m_orgId = orgId;
    load();
}

void AuditView::refresh()
{
    if (!m_id.isEmpty())
        load();
}

void AuditView::cancel()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job = nullptr;
    }
    setLoading(false);
}

void AuditView::load()
{
    cancel();
    m_messageBar->hide();
    const QString what = m_name.isEmpty() ? m_id : m_name;
    m_ui->titleLabel->setText(m_scope == Scope::Organization ? tr("Audit of organization %1").arg(what)
                                                             : tr("Audit of project %1").arg(what));
    if (!m_client) {
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("Not signed in."),
                                  tr("Sign in, then try again."));
        return;
    }
    AuditThresholds thresholds;
    if (m_settings) {
        thresholds.graceDays = m_settings->auditGraceDays();
        thresholds.staleDays = m_settings->auditStaleDays();
    }
    m_job = m_scope == Scope::Organization
                ? AuditJob::forOrganization(m_client, m_id, m_name, thresholds, this)
                : AuditJob::forProject(m_client, m_id, m_name, thresholds, this);
    m_job->setAutoDelete(false);
    if (m_clock)
        m_job->setClock(m_clock);
    connect(m_job, &Job::progress, this, [this](qint64 done, qint64 total) {
        m_ui->loadingBar->setRange(0, int(std::max<qint64>(total, 1)));
        m_ui->loadingBar->setValue(int(done));
        m_ui->loadingLabel->setText(
            tr("Reading keys: page %1 of %2\u2026").arg(done).arg(std::max(done, total)));
    });
    connect(m_job, &Job::finished, this, &AuditView::onLoaded);
    m_ui->loadingLabel->setText(tr("Reading keys\u2026"));
    m_ui->loadingBar->setRange(0, 0);
    setLoading(true);
}

void AuditView::setLoading(bool loading)
{
    m_ui->loadingPanel->setVisible(loading);
    updateActions();
}

void AuditView::onLoaded()
{
    AuditJob *job = m_job;
    m_job = nullptr;
    if (!job)
        return;
    job->deleteLater();
    setLoading(false);
    if (!job->succeeded()) {
        if (job->error().kind() == ApiError::Kind::Canceled)
            return;
        m_messageBar->showMessage(MessageBar::Kind::Error, job->error().message(), job->error().hint(),
                                  tr("Retry"));
        Q_EMIT loadFailed(job->error());
        return;
    }
    m_report = job->takeReport();
    if (m_report.orgId().isEmpty() && !m_orgId.isEmpty())
        m_report.setOrg(m_orgId, {});
    m_hasReport = true;

    const QDateTime generated = m_report.generatedAt();
    m_model->setClock([generated] { return generated; });
    m_model->setThresholds(m_report.thresholds());
    m_model->setShowProjectColumn(m_scope == Scope::Organization);
    m_model->setProjectNames(m_report.projectNames());
    m_filter = Filter::None;
    m_proxy->setKeyPredicate({});
    {
        const QSignalBlocker blocker(m_ui->lastUseChart);
        m_ui->lastUseChart->clearSelection();
    }
    m_model->setKeys(m_report.keys());
    // A reset (and the Project column coming or going) can leave the proxy unsorted: sort again by
    // what the header shows.
    const QHeaderView *header = m_ui->keyTable->horizontalHeader();
    m_ui->keyTable->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    fillSummary();
    if (!m_report.warnings().isEmpty())
        m_messageBar->showMessage(MessageBar::Kind::Warning, m_report.warnings().join(u'\n'));
    updateFilterLabel();
    updateSelectionLabel();
    updateActions();
    Q_EMIT loaded();
}

void AuditView::fillSummary()
{
    const AuditSummary &s = m_report.summary();
    const AuditThresholds t = m_report.thresholds();
    const QLocale locale;
    m_ui->summaryPanel->show();
    m_ui->thresholdsLabel->show();
    m_ui->thresholdsLabel->setText(
        tr("Made %1. Never used: no use, created more than %2 ago. Stale: last used more than %3 ago.")
            .arg(timeformat::exact(m_report.generatedAt()), AuditKeyModel::days(t.graceDays),
                 AuditKeyModel::days(t.staleDays)));

    const auto card = [&locale](QLabel *label, int n, const QString &caption, const QString &description) {
        label->setText(u"<div style=\"font-size:x-large; font-weight:600\">"_s + locale.toString(n) +
                       u"</div><div>"_s + caption.toHtmlEscaped() + u"</div>"_s);
        label->setAccessibleName(caption + u": "_s + keysText(n));
        label->setToolTip(description);
        label->setMinimumWidth(label->fontMetrics().averageCharWidth() * 16);
    };
    card(m_ui->neverUsedCard, s.count(KeyClass::NeverUsed), KeyClassifier::name(KeyClass::NeverUsed),
         m_model->classDescription(KeyClass::NeverUsed));
    card(m_ui->staleCard, s.count(KeyClass::Stale), KeyClassifier::name(KeyClass::Stale),
         m_model->classDescription(KeyClass::Stale));
    card(m_ui->recentCard, s.count(KeyClass::RecentlyCreated), KeyClassifier::name(KeyClass::RecentlyCreated),
         m_model->classDescription(KeyClass::RecentlyCreated));
    card(m_ui->activeCard, s.count(KeyClass::Active), KeyClassifier::name(KeyClass::Active),
         m_model->classDescription(KeyClass::Active));
    card(m_ui->totalCard, s.total, tr("Total"), tr("Every key in the audit."));

    LastUseChart::Counts counts{};
    for (int b = 0; b < kLastUseBucketCount; ++b)
        counts[size_t(b)] = s.perBucket[size_t(b)];
    // The "No use yet" bar holds the Never used keys and the recently created ones: its tooltip
    // says how many of each, so it and the Never used card never seem to disagree.
    m_ui->lastUseChart->setBucketNote(LastUseBucket::Never,
                                      tr("%1 never used (created more than %2 ago), %3 recently created.")
                                          .arg(keysText(s.count(KeyClass::NeverUsed)),
                                               AuditKeyModel::days(t.graceDays),
                                               keysText(s.count(KeyClass::RecentlyCreated))));
    m_ui->lastUseChart->setCounts(counts);

    if (s.oldestLastUse) {
        const int index = m_report.indexOf(s.oldestLastUseKeyId);
        const AiKey *key = index >= 0 ? &m_report.keys().at(index) : nullptr;
        const QString name = key ? key->name : s.oldestLastUseKeyId;
        const QString project = key ? m_report.projectNameOf(key->groupId) : QString();
        m_ui->oldestLabel->setText(
            tr("%1, key \u201c%2\u201d%3")
                .arg(timeformat::relative(*s.oldestLastUse, m_report.generatedAt()), name,
                     m_scope == Scope::Organization && !project.isEmpty() ? tr(" in %1").arg(project)
                                                                          : QString()));
        m_ui->oldestLabel->setToolTip(timeformat::exact(*s.oldestLastUse));
    } else {
        m_ui->oldestLabel->setText(s.total > 0 ? tr("No key has been used yet.") : tr("No keys."));
        m_ui->oldestLabel->setToolTip({});
    }

    const bool org = m_scope == Scope::Organization;
    m_ui->projectsTitle->setVisible(org);
    m_ui->projectsLabel->setVisible(org);
    if (org) {
        const QList<AuditReport::ProjectCount> projects = m_report.keysPerProject();
        QStringList lines;
        for (qsizetype i = 0; i < projects.size() && i < kProjectsShown; ++i)
            lines << tr("%1: %2").arg(projects.at(i).projectName, keysText(projects.at(i).keys));
        if (projects.size() > kProjectsShown) {
            const int more = int(projects.size()) - kProjectsShown;
            lines << (more == 1 ? tr("and %n more project", nullptr, more)
                                : tr("and %n more projects", nullptr, more));
        }
        m_ui->projectsLabel->setText(lines.isEmpty() ? tr("No keys.") : lines.join(u'\n'));
    }
}

void AuditView::filterByBucket(int bucket)
{
    if (bucket < 0) {
        if (m_filter == Filter::Bucket)
            showAllKeys();
        return;
    }
    m_filter = Filter::Bucket;
    const QDateTime generated = m_report.generatedAt();
    const auto wanted = LastUseBucket(bucket);
    m_proxy->setKeyPredicate(
        [generated, wanted](const AiKey &k) { return KeyClassifier::bucket(k, generated) == wanted; });
    if (m_ui->lastUseChart->selectedBucket() != bucket) {
        const QSignalBlocker blocker(m_ui->lastUseChart);
        m_ui->lastUseChart->setSelectedBucket(bucket);
    }
    updateFilterLabel();
}

void AuditView::showAllKeys()
{
    m_filter = Filter::None;
    m_proxy->setKeyPredicate({});
    {
        const QSignalBlocker blocker(m_ui->lastUseChart);
        m_ui->lastUseChart->clearSelection();
    }
    updateFilterLabel();
}

void AuditView::updateFilterLabel()
{
    const int shown = m_proxy->rowCount();
    QString text;
    switch (m_filter) {
    case Filter::None:
        text = m_hasReport ? tr("Showing every key (%1).").arg(keysText(shown)) : QString();
        break;
    case Filter::Bucket:
        if (LastUseBucket(m_ui->lastUseChart->selectedBucket()) == LastUseBucket::Never)
            text =
                tr("Showing keys with no use yet, never used or recently created (%1).").arg(keysText(shown));
        else
            text = tr("Showing keys last used: %1 (%2).")
                       .arg(KeyClassifier::name(LastUseBucket(m_ui->lastUseChart->selectedBucket())),
                            keysText(shown));
        break;
    case Filter::Candidates:
        text = tr("Showing stale and never-used keys (%1).").arg(keysText(shown));
        break;
    }
    m_ui->filterLabel->setText(text);
    m_ui->showAllButton->setVisible(m_filter != Filter::None);
}

QList<AiKey> AuditView::selectedKeys() const
{
    QList<AiKey> keys;
    QModelIndexList rows = m_ui->keyTable->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    keys.reserve(rows.size());
    for (const QModelIndex &proxyIndex : std::as_const(rows)) {
        const QModelIndex source = m_proxy->mapToSource(proxyIndex);
        if (source.isValid())
            keys.append(m_model->keyAt(source.row()));
    }
    return keys;
}

void AuditView::updateSelectionLabel()
{
    const int n = int(m_ui->keyTable->selectionModel()->selectedRows().size());
    m_ui->selectionLabel->setText(
        n > 0 ? (n == 1 ? tr("%n key selected", nullptr, n) : tr("%n keys selected", nullptr, n))
              : QString());
}

void AuditView::updateActions()
{
    const bool busy = isLoading() || (m_retireJob && !m_retireJob->isFinished());
    m_ui->refreshButton->setEnabled(!busy && !m_id.isEmpty());
    m_ui->exportCsvButton->setEnabled(!busy && m_hasReport);
    m_ui->exportJsonButton->setEnabled(!busy && m_hasReport);
    const AuditSummary &s = m_report.summary();
    m_ui->selectCandidatesButton->setEnabled(!busy && m_hasReport &&
                                             s.count(KeyClass::Stale) + s.count(KeyClass::NeverUsed) > 0);
    m_ui->retireButton->setEnabled(!busy && m_client && m_ui->keyTable->selectionModel()->hasSelection());
}

void AuditView::selectRetireCandidates()
{
    if (!m_hasReport)
        return;
    m_filter = Filter::Candidates;
    const AuditThresholds thresholds = m_report.thresholds();
    const QDateTime generated = m_report.generatedAt();
    const KeyClassifier classifier(thresholds);
    m_proxy->setKeyPredicate([classifier, generated](const AiKey &k) {
        const KeyClass c = classifier.classify(k, generated);
        return c == KeyClass::Stale || c == KeyClass::NeverUsed;
    });
    {
        const QSignalBlocker blocker(m_ui->lastUseChart);
        m_ui->lastUseChart->clearSelection();
    }
    m_ui->keyTable->selectAll();
    updateFilterLabel();
    m_ui->keyTable->setFocus();
}

void AuditView::retireSelected()
{
    const QList<AiKey> keys = selectedKeys();
    if (keys.isEmpty() || !m_client || (m_retireJob && !m_retireJob->isFinished()))
        return;
    auto *dialog = new BulkRetireDialog(keys, m_report.projectNames(), m_report.thresholds(), now(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startRetire(dialog->keys()); });
    dialog->open();
}

void AuditView::startRetire(const QList<AiKey> &keys)
{
    if (!m_client || keys.isEmpty())
        return;
    auto *job = new BulkRetireJob(m_client, keys, this);
    job->setAutoDelete(false);
    job->setConcurrency(m_retireConcurrency);
    m_retireJob = job;

    m_progress = BulkRetireProgress::open(job, int(keys.size()), this);
    connect(job, &Job::finished, this, &AuditView::onRetireFinished);
    updateActions();
}

void AuditView::onRetireFinished()
{
    BulkRetireJob *job = m_retireJob;
    m_retireJob = nullptr;
    if (!job)
        return;
    job->deleteLater();
    if (m_progress) {
        QProgressDialog *progress = m_progress;
        m_progress = nullptr;
        BulkRetireProgress::close(progress);
    }

    QSet<QString> gone;
    QStringList goneIds;
    for (const BulkRetireJob::Outcome &o : job->outcomes()) {
        if (o.result == BulkRetireJob::Result::Deleted || o.result == BulkRetireJob::Result::AlreadyGone) {
            gone.insert(o.key.apiKeyId);
            goneIds << o.key.apiKeyId;
        }
    }
    m_ui->keyTable->clearSelection();
    for (const QString &id : std::as_const(goneIds))
        m_model->removeKey(id);
    m_report.removeKeys(gone);
    fillSummary();
    updateFilterLabel();
    updateActions();
    if (!goneIds.isEmpty())
        Q_EMIT keysRetired(goneIds);

    BulkRetireProgress::report(this, *job);
    Q_EMIT retireFinished();
}

void AuditView::exportCsv()
{
    exportTo(false);
}

void AuditView::exportJson()
{
    exportTo(true);
}

void AuditView::exportTo(bool json)
{
    if (!m_hasReport)
        return;
    const QString path = AuditExport::askPath(
        this, json, AuditExport::suggestedFileName(m_report, m_scope, m_id, json ? u"json"_s : u"csv"_s));
    if (path.isEmpty())
        return;
    const QString shown = QDir::toNativeSeparators(path);
    QString error;
    if (!AuditExport::write(m_report, json, path, &error)) {
        m_messageBar->showMessage(MessageBar::Kind::Error, tr("Could not save the audit to %1.").arg(shown),
                                  error);
        return;
    }
    m_messageBar->showMessage(MessageBar::Kind::Information, tr("Saved the audit to %1.").arg(shown));
    Q_EMIT exported(path);
}

} // namespace aikeys
