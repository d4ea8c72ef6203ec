#include "ratelimits/ratelimitview.h"

#include "ui_ratelimitview.h"

#include "atlas/atlasclient.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "ratelimits/orglimitsjob.h"
#include "ratelimits/projectlimitsjob.h"
#include "ratelimits/ratelimitchanges.h"
#include "ratelimits/ratelimittables.h"

#include <QLocale>

#include <climits>

using namespace Qt::StringLiterals;

namespace aikeys {

RateLimitView::RateLimitView(AtlasClient *client, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RateLimitView>())
    , m_client(client)
    , m_messageBar(new MessageBar(this))
    , m_changes(new RateLimitChanges(this))
    , m_oversubscriptionBar(new MessageBar(this))
{
    m_ui->setupUi(this);
    setObjectName(u"rateLimitView"_s);
    m_changes->setClient(client);
    connectChanges();
    m_messageBar->setObjectName(u"rateLimitMessageBar"_s);
    m_ui->messageLayout->addWidget(m_messageBar);
    // Under the project's table: the org's projects together against its ceilings.
    m_oversubscriptionBar->setObjectName(u"oversubscriptionBar"_s);
    m_oversubscriptionBar->setAnimated(false);
    m_oversubscriptionBar->setCloseButtonVisible(false);
    m_oversubscriptionBar->hide();
    m_ui->projectLayout->insertWidget(m_ui->projectLayout->indexOf(m_ui->ceilingNoteLabel) + 1,
                                      m_oversubscriptionBar);
    connect(m_messageBar, &MessageBar::actionTriggered, this, [this] {
        m_messageBar->animatedHide();
        reload();
    });
    QFont title = m_ui->titleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(title);

    RateLimitTables::setUpProjectTable(m_ui->limitsTable);
    RateLimitTables::setUpOrgTable(m_ui->ceilingsTable);
    m_ui->warningsList->setHeaderHidden(true);
    // The spin boxes as wide as their largest value, the ceiling's words beside them.
    const int spinWidth =
        fontMetrics().horizontalAdvance(u"0,000,000,000"_s) + fontMetrics().averageCharWidth() * 6;
    m_ui->requestsSpin->setMaximumWidth(spinWidth);
    m_ui->tokensSpin->setMaximumWidth(spinWidth);
    m_ui->editGrid->setColumnStretch(2, 1);
    // The project's table takes the page's height (the editor stays below it); the org's takes the
    // height of its rows, and the rest goes to the warnings.
    m_ui->limitsTable->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_ui->projectLayout->setStretchFactor(m_ui->limitsTable, 1);
    m_ui->ceilingsTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_ui->ceilingsTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ui->ceilingsTable->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);

    m_ui->resetAllButton->setIcon(QIcon::fromTheme(u"edit-undo"_s));
    connect(m_ui->reloadButton, &QPushButton::clicked, this, &RateLimitView::reload);
    connect(m_ui->limitsTable, &QTableWidget::currentCellChanged, this, &RateLimitView::updateEditor);
    connect(m_ui->requestsSpin, &QSpinBox::valueChanged, this, &RateLimitView::validateEditor);
    connect(m_ui->tokensSpin, &QSpinBox::valueChanged, this, &RateLimitView::validateEditor);
    connect(m_ui->applyButton, &QPushButton::clicked, this, &RateLimitView::applyCurrent);
    connect(m_ui->resetGroupButton, &QPushButton::clicked, this, &RateLimitView::resetCurrent);
    connect(m_ui->resetAllButton, &QPushButton::clicked, this, &RateLimitView::resetAll);

    m_ui->statusLabel->hide();
    m_ui->pages->hide();
    updateEditor();
}

RateLimitView::~RateLimitView()
{
    if (m_load)
        m_load->cancel();
    cancelOrgCheck();
}

void RateLimitView::setClient(AtlasClient *client)
{
    if (m_load) {
        m_load->disconnect(this);
        m_load->cancel();
    }
    cancelOrgCheck();
    m_orgCheckedId.clear();
    m_client = client;
    m_changes->setClient(client);
    setBusy(false);
}

bool RateLimitView::isCheckingOrg() const
{
    return m_orgCheck && !m_orgCheck->isFinished();
}

void RateLimitView::cancelOrgCheck()
{
    if (m_orgCheck) {
        m_orgCheck->disconnect(this);
        m_orgCheck->cancel();
        m_orgCheck = nullptr;
    }
}

void RateLimitView::checkOrg(bool fresh)
{
    if (m_mode != Mode::Project || !m_client || m_orgId.isEmpty() || !m_hasCeilings)
        return;
    // Another project of the same org: what was learnt stands until a reload or a change.
    if (!fresh && m_orgCheckedId == m_orgId) {
        showOversubscriptions();
        Q_EMIT orgChecked();
        return;
    }
    cancelOrgCheck();
    auto *job = new OrgLimitsJob(m_client, m_orgId, this);
    m_orgCheck = job;
    const QString orgId = m_orgId;
    connect(job, &Job::finished, this, [this, job, orgId] {
        m_orgCheck = nullptr;
        if (job->succeeded()) {
            m_orgCheckedId = orgId;
            m_orgOversubscriptions = job->oversubscriptions();
        } else {
            // A warning that cannot be checked is not shown; the org's own page says why.
            m_orgCheckedId.clear();
            m_orgOversubscriptions.clear();
        }
        showOversubscriptions();
        Q_EMIT orgChecked();
    });
}

void RateLimitView::showOversubscriptions()
{
    if (m_mode != Mode::Project || m_orgCheckedId != m_orgId || m_orgOversubscriptions.isEmpty()) {
        m_oversubscriptionBar->hide();
        return;
    }
    QStringList groups;
    for (const Oversubscription &o : std::as_const(m_orgOversubscriptions))
        groups << o.ceiling.modelGroupName;
    const QString list = QLocale().createSeparatedList(groups);
    m_oversubscriptionBar->showMessage(
        MessageBar::Kind::Warning,
        tr("The projects of this organization together allow more than the organization's ceiling for %1.")
            .arg(list),
        tr("One busy project can use up the organization's limit and starve the others. See the "
           "organization's rate limits: select the organization, then Rate Limits."));
}

bool RateLimitView::isLoading() const
{
    return m_load && !m_load->isFinished();
}

bool RateLimitView::isBusy() const
{
    return isLoading() || m_changes->isBusy();
}

void RateLimitView::showProject(const QString &projectId, const QString &orgId)
{
    m_mode = Mode::Project;
    m_projectId = projectId;
    m_projectName.clear();
    m_orgId = orgId;
    load(false);
}

void RateLimitView::showOrg(const QString &orgId, const QString &orgName)
{
    m_mode = Mode::Org;
    m_orgId = orgId;
    m_orgName = orgName;
    m_projectId.clear();
    reload();
}

void RateLimitView::showError(const QString &what, const ApiError &error)
{
    m_messageBar->showMessage(MessageBar::Kind::Error, what + u' ' + error.message(), error.hint());
}

void RateLimitView::setBusy(bool busy)
{
    m_ui->reloadButton->setEnabled(!busy && m_mode != Mode::None);
    m_ui->statusLabel->setVisible(busy);
    updateEditor();
}

bool RateLimitView::loadDone(const Job *job)
{
    m_load = nullptr;
    setBusy(false);
    if (job->succeeded())
        return true;
    if (job->error().kind() != ApiError::Kind::Canceled) {
        m_messageBar->showMessage(MessageBar::Kind::Error, job->error().message(), job->error().hint(),
                                  tr("Retry"));
        Q_EMIT loadFailed(job->error());
    }
    return false;
}

void RateLimitView::reload()
{
    load(true);
}

void RateLimitView::load(bool freshOrgCheck)
{
    if (m_load) {
        m_load->disconnect(this);
        m_load->cancel();
        m_load = nullptr;
    }
    m_messageBar->hide();
    cancelOrgCheck();
    m_oversubscriptionBar->hide();
    if (!m_client || m_mode == Mode::None) {
        if (!m_client)
            m_messageBar->showMessage(MessageBar::Kind::Error, tr("Not signed in."),
                                      tr("Sign in, then try again."));
        return;
    }
    if (m_mode == Mode::Project) {
        m_ui->titleLabel->setText(
            tr("Rate limits of project %1").arg(m_projectName.isEmpty() ? m_projectId : m_projectName));
        m_ui->pages->setCurrentWidget(m_ui->projectPage);
        auto *job = new ProjectLimitsJob(m_client, m_projectId, m_orgId, this);
        m_load = job;
        m_ui->statusLabel->setText(tr("Reading the rate limits\u2026"));
        connect(job, &Job::finished, this, [this, job, freshOrgCheck] {
            if (!loadDone(job))
                return;
            m_projectName = job->projectName();
            if (m_orgId.isEmpty())
                m_orgId = job->orgId();
            m_hasCeilings = job->hasCeilings();
            m_ceilings = job->ceilings();
            m_rows = job->rows();
            m_ui->titleLabel->setText(
                tr("Rate limits of project %1").arg(m_projectName.isEmpty() ? m_projectId : m_projectName));
            m_ui->ceilingNoteLabel->setVisible(!m_hasCeilings);
            if (!m_hasCeilings) {
                m_ui->ceilingNoteLabel->setText(
                    tr("The organization's limits could not be read (%1), so ceilings and headroom are not "
                       "shown; Atlas still refuses values above them.")
                        .arg(job->ceilingsError().message()));
            }
            fillProjectTable();
            m_ui->pages->show();
            Q_EMIT loaded();
            checkOrg(freshOrgCheck);
        });
    } else {
        m_ui->titleLabel->setText(
            tr("Rate limits of organization %1").arg(m_orgName.isEmpty() ? m_orgId : m_orgName));
        m_ui->pages->setCurrentWidget(m_ui->orgPage);
        auto *job = new OrgLimitsJob(m_client, m_orgId, this);
        m_load = job;
        m_ui->statusLabel->setText(tr("Reading the organization's limits\u2026"));
        connect(job, &Job::progress, this, [this](qint64 done, qint64 total) {
            m_ui->statusLabel->setText(
                tr("Reading the projects' limits: %1 of %2\u2026").arg(done).arg(total));
        });
        connect(job, &Job::finished, this, [this, job] {
            if (!loadDone(job))
                return;
            m_ceilings = job->ceilings();
            m_oversubscriptions = job->oversubscriptions();
            // What a project of this org then shows, without reading every project again.
            m_orgCheckedId = m_orgId;
            m_orgOversubscriptions = m_oversubscriptions;
            // Sums for every group, not only the over-subscribed ones, in the ceilings' order.
            RateLimitTables::fillOrgTable(m_ui->ceilingsTable, m_ceilings, job->allocations());

            const int projects = int(job->projects().size());
            const int failed = int(job->failures().size());
            QString allocation =
                tr("Checked the limits of %1 of %2 projects.").arg(projects - failed).arg(projects);
            if (failed > 0)
                allocation += u' ' + tr("%1 could not be read and are left out of the sums.").arg(failed);
            if (!m_oversubscriptions.isEmpty())
                allocation += u' ' + tr("Where the projects' limits of a model group add up to more than the "
                                        "organization's, one busy project can starve the others:");
            m_ui->allocationLabel->setText(allocation);

            RateLimitTables::fillWarnings(m_ui->warningsList, m_oversubscriptions, *job);
            m_ui->pages->show();
            Q_EMIT loaded();
        });
    }
    setBusy(true);
}

void RateLimitView::fillProjectTable()
{
    const QString current = currentGroup();
    const QSignalBlocker blocker(m_ui->limitsTable);
    RateLimitTables::fillProjectTable(m_ui->limitsTable, m_rows);
    const int row = rowOf(current);
    m_ui->limitsTable->setCurrentCell(row >= 0 ? row : (m_rows.isEmpty() ? -1 : 0), 0);
    updateEditor();
}

int RateLimitView::rowOf(const QString &group) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).limit.modelGroupName == group)
            return i;
    }
    return -1;
}

QString RateLimitView::currentGroup() const
{
    const int row = m_ui->limitsTable->currentRow();
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).limit.modelGroupName : QString();
}

void RateLimitView::setCurrentGroup(const QString &group)
{
    const int row = rowOf(group);
    if (row >= 0)
        m_ui->limitsTable->setCurrentCell(row, 0);
}

void RateLimitView::updateEditor()
{
    const int row = m_ui->limitsTable->currentRow();
    const bool has = m_mode == Mode::Project && row >= 0 && row < m_rows.size();
    const bool busy = isBusy();
    m_ui->editBox->setEnabled(has && !busy && m_client);
    m_ui->resetAllButton->setEnabled(m_mode == Mode::Project && !m_rows.isEmpty() && !busy && m_client);
    if (!has) {
        m_ui->editBox->setTitle(tr("Edit"));
        m_ui->validationLabel->clear();
        return;
    }
    const LimitRow &r = m_rows.at(row);
    m_ui->editBox->setTitle(tr("Edit %1").arg(r.limit.modelGroupName));
    const QLocale locale;
    {
        const QSignalBlocker b1(m_ui->requestsSpin);
        const QSignalBlocker b2(m_ui->tokensSpin);
        // The spin boxes stop at the ceiling, so a value above it cannot even be typed.
        m_ui->requestsSpin->setRange(
            1, r.ceiling ? int(std::min<qint64>(r.ceiling->requestsPerMinuteLimit, INT_MAX)) : INT_MAX);
        m_ui->tokensSpin->setRange(
            1, r.ceiling ? int(std::min<qint64>(r.ceiling->tokensPerMinuteLimit, INT_MAX)) : INT_MAX);
        m_ui->requestsSpin->setValue(int(std::min<qint64>(r.limit.requestsPerMinuteLimit, INT_MAX)));
        m_ui->tokensSpin->setValue(int(std::min<qint64>(r.limit.tokensPerMinuteLimit, INT_MAX)));
    }
    m_ui->requestsCeilingLabel->setText(r.ceiling
                                            ? tr("at most %1 (the organization's limit)")
                                                  .arg(locale.toString(r.ceiling->requestsPerMinuteLimit))
                                            : tr("the organization's limit is not known"));
    m_ui->tokensCeilingLabel->setText(r.ceiling ? tr("at most %1 (the organization's limit)")
                                                      .arg(locale.toString(r.ceiling->tokensPerMinuteLimit))
                                                : tr("the organization's limit is not known"));
    validateEditor();
}

void RateLimitView::validateEditor()
{
    const int row = m_ui->limitsTable->currentRow();
    if (m_mode != Mode::Project || row < 0 || row >= m_rows.size())
        return;
    const LimitRow &r = m_rows.at(row);
    const qint64 rpm = m_ui->requestsSpin->value();
    const qint64 tpm = m_ui->tokensSpin->value();
    const QString problem = RateLimitPlan::validateEdit(rpm, tpm, r.ceiling);
    const bool changed = rpm != r.limit.requestsPerMinuteLimit || tpm != r.limit.tokensPerMinuteLimit;
    m_ui->validationLabel->setText(problem);
    m_ui->validationLabel->setVisible(!problem.isEmpty());
    m_ui->applyButton->setEnabled(problem.isEmpty() && changed && !isBusy() && m_client);
}

void RateLimitView::applyCurrent()
{
    applyEdit(currentGroup(), m_ui->requestsSpin->value(), m_ui->tokensSpin->value());
}

bool RateLimitView::applyEdit(const QString &group, qint64 requestsPerMinute, qint64 tokensPerMinute)
{
    const int row = rowOf(group);
    if (m_mode != Mode::Project || row < 0) {
        m_validation = tr("There is no model group \u201c%1\u201d in this project.").arg(group);
        return false;
    }
    const LimitRow &r = m_rows.at(row);
    m_validation = RateLimitPlan::validateEdit(requestsPerMinute, tokensPerMinute, r.ceiling);
    if (!m_validation.isEmpty()) {
        m_ui->validationLabel->setText(m_validation);
        m_ui->validationLabel->show();
        return false;
    }
    if (!m_client || isBusy())
        return false;
    return m_changes->update(m_projectId, r, requestsPerMinute, tokensPerMinute).isEmpty();
}

void RateLimitView::setRowLimit(const RateLimit &limit)
{
    const int row = rowOf(limit.modelGroupName);
    if (row < 0)
        return;
    m_rows[row].limit = limit;
    fillProjectTable();
}

void RateLimitView::resetCurrent()
{
    resetGroup(currentGroup());
}

void RateLimitView::resetGroup(const QString &group)
{
    const int row = rowOf(group);
    if (m_mode != Mode::Project || row < 0 || !m_client || isBusy())
        return;
    m_changes->reset(m_projectId, m_rows.at(row).limit);
}

void RateLimitView::resetAll()
{
    if (m_mode != Mode::Project || !m_client || isBusy() || m_rows.isEmpty())
        return;
    const QString project = m_projectName.isEmpty() ? m_projectId : m_projectName;
    if (MessageBox::question(
            this, tr("Reset All Rate Limits"),
            tr("Reset the rate limits of every model group in %1 to their defaults?").arg(project),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
            tr("Every customised limit of the project is lost.")) != QMessageBox::Yes)
        return;
    m_changes->resetAll(m_projectId);
}

void RateLimitView::connectChanges()
{
    connect(m_changes, &RateLimitChanges::busyChanged, this, [this](bool busy, const QString &status) {
        if (busy)
            m_ui->statusLabel->setText(status);
        setBusy(busy);
    });
    // An answer about a project the page has left changed Atlas all the same, but not these rows.
    connect(m_changes, &RateLimitChanges::limitChanged, this,
            [this](const QString &projectId, const RateLimit &limit, const QString &message) {
                Q_EMIT changed();
                if (m_mode != Mode::Project || projectId != m_projectId)
                    return;
                setRowLimit(limit);
                m_messageBar->showMessage(MessageBar::Kind::Information, message);
                checkOrg(true);
            });
    connect(m_changes, &RateLimitChanges::limitsReset, this,
            [this](const QString &projectId, const QList<RateLimit> &limits, const QString &message) {
                Q_EMIT changed();
                if (m_mode != Mode::Project || projectId != m_projectId)
                    return;
                m_rows = RateLimitPlan::join(limits, m_ceilings);
                fillProjectTable();
                m_messageBar->showMessage(MessageBar::Kind::Information, message);
                checkOrg(true);
            });
    connect(m_changes, &RateLimitChanges::failed, this,
            [this](const QString &projectId, const QString &what, const ApiError &error) {
                if (m_mode != Mode::Project || projectId != m_projectId)
                    return;
                showError(what, error);
                updateEditor();
            });
}

} // namespace aikeys
