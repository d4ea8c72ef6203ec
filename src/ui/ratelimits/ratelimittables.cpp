#include "ratelimits/ratelimittables.h"

#include "ratelimits/orglimitsjob.h"
#include "ratelimits/ratelimitview.h"

#include <QHeaderView>
#include <QLocale>
#include <QStyle>
#include <QTableWidget>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

enum ProjectColumn {
    GroupColumn,
    ModelsColumn,
    RequestsColumn,
    RequestsCeilingColumn,
    RequestsHeadroomColumn,
    TokensColumn,
    TokensCeilingColumn,
    TokensHeadroomColumn,
    ProjectColumnCount
};

enum OrgColumn {
    OrgGroupColumn,
    OrgModelsColumn,
    OrgRequestsColumn,
    OrgTokensColumn,
    OrgRequestsTotalColumn,
    OrgTokensTotalColumn,
    OrgColumnCount
};

QTableWidgetItem *numberItem(const std::optional<qint64> &n,
                             const QString &unknown = QStringLiteral("\u2014"))
{
    auto *item = new QTableWidgetItem(n ? QLocale().toString(*n) : unknown);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (n)
        item->setData(Qt::UserRole, *n);
    return item;
}

QTableWidgetItem *textItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

// Every column as wide as its contents but the models', which takes the rest and wraps, the rows
// growing to show every model name.
void fitColumns(QTableWidget *table, int modelsColumn)
{
    table->setWordWrap(true);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(modelsColumn, QHeaderView::Stretch);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

} // namespace

void RateLimitTables::setUpProjectTable(QTableWidget *table)
{
    table->setColumnCount(ProjectColumnCount);
    // Two-line titles keep the number columns narrow, so the models get the room.
    table->setHorizontalHeaderLabels(
        {RateLimitView::tr("Model group"), RateLimitView::tr("Models"), RateLimitView::tr("Requests/min"),
         RateLimitView::tr("Org max\nrequests"), RateLimitView::tr("Requests\nheadroom"),
         RateLimitView::tr("Tokens/min"), RateLimitView::tr("Org max\ntokens"),
         RateLimitView::tr("Tokens\nheadroom")});
    table->horizontalHeaderItem(RequestsCeilingColumn)
        ->setToolTip(RateLimitView::tr(
            "The organization's ceiling for requests per minute: no project may be set above it."));
    table->horizontalHeaderItem(TokensCeilingColumn)
        ->setToolTip(RateLimitView::tr(
            "The organization's ceiling for tokens per minute: no project may be set above it."));
    table->horizontalHeaderItem(RequestsHeadroomColumn)
        ->setToolTip(RateLimitView::tr("How far the project's requests per minute could still be raised."));
    table->horizontalHeaderItem(TokensHeadroomColumn)
        ->setToolTip(RateLimitView::tr("How far the project's tokens per minute could still be raised."));
    table->verticalHeader()->hide();
    fitColumns(table, ModelsColumn);
}

void RateLimitTables::setUpOrgTable(QTableWidget *table)
{
    table->setColumnCount(OrgColumnCount);
    table->setHorizontalHeaderLabels({RateLimitView::tr("Model group"), RateLimitView::tr("Models"),
                                      RateLimitView::tr("Requests/min"), RateLimitView::tr("Tokens/min"),
                                      RateLimitView::tr("Projects' requests/min"),
                                      RateLimitView::tr("Projects' tokens/min")});
    table->verticalHeader()->hide();
    fitColumns(table, OrgModelsColumn);
}

void RateLimitTables::fillProjectTable(QTableWidget *table, const QList<LimitRow> &rows)
{
    table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const LimitRow &r = rows.at(row);
        table->setItem(row, GroupColumn, textItem(r.limit.modelGroupName));
        table->setItem(row, ModelsColumn, textItem(r.limit.modelNames.join(u", "_s)));
        table->setItem(row, RequestsColumn, numberItem(r.limit.requestsPerMinuteLimit));
        table->setItem(
            row, RequestsCeilingColumn,
            numberItem(r.ceiling ? std::optional<qint64>(r.ceiling->requestsPerMinuteLimit) : std::nullopt));
        table->setItem(row, RequestsHeadroomColumn, numberItem(r.requestsHeadroom()));
        table->setItem(row, TokensColumn, numberItem(r.limit.tokensPerMinuteLimit));
        table->setItem(
            row, TokensCeilingColumn,
            numberItem(r.ceiling ? std::optional<qint64>(r.ceiling->tokensPerMinuteLimit) : std::nullopt));
        table->setItem(row, TokensHeadroomColumn, numberItem(r.tokensHeadroom()));
        for (const int c : {RequestsHeadroomColumn, TokensHeadroomColumn}) {
            const std::optional<qint64> h =
                c == RequestsHeadroomColumn ? r.requestsHeadroom() : r.tokensHeadroom();
            if (h && *h <= 0) {
                QTableWidgetItem *item = table->item(row, c);
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
                item->setToolTip(
                    *h < 0 ? RateLimitView::tr("Above the organization's ceiling.")
                           : RateLimitView::tr("At the organization's ceiling: it cannot be raised."));
            }
        }
    }
}

void RateLimitTables::fillOrgTable(QTableWidget *table, const QList<RateLimit> &ceilings,
                                   const QList<GroupAllocation> &allocations)
{
    table->setRowCount(int(ceilings.size()));
    for (int row = 0; row < ceilings.size(); ++row) {
        const RateLimit &c = ceilings.at(row);
        const std::pair<qint64, qint64> t{allocations.at(row).requestsTotal, allocations.at(row).tokensTotal};
        table->setItem(row, OrgGroupColumn, textItem(c.modelGroupName));
        table->setItem(row, OrgModelsColumn, textItem(c.modelNames.join(u", "_s)));
        table->setItem(row, OrgRequestsColumn, numberItem(c.requestsPerMinuteLimit));
        table->setItem(row, OrgTokensColumn, numberItem(c.tokensPerMinuteLimit));
        QTableWidgetItem *rt = numberItem(t.first);
        QTableWidgetItem *tt = numberItem(t.second);
        for (QTableWidgetItem *item : {rt, tt}) {
            const bool over =
                item == rt ? t.first > c.requestsPerMinuteLimit : t.second > c.tokensPerMinuteLimit;
            if (over) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
                item->setIcon(QIcon::fromTheme(u"dialog-warning"_s,
                                               table->style()->standardIcon(QStyle::SP_MessageBoxWarning)));
                item->setToolTip(RateLimitView::tr("Above the organization's ceiling."));
            }
        }
        table->setItem(row, OrgRequestsTotalColumn, rt);
        table->setItem(row, OrgTokensTotalColumn, tt);
    }
}

void RateLimitTables::fillWarnings(QTreeWidget *list, const QList<Oversubscription> &oversubscriptions,
                                   const OrgLimitsJob &job)
{
    const QLocale locale;
    list->clear();
    const QIcon warning =
        QIcon::fromTheme(u"dialog-warning"_s, list->style()->standardIcon(QStyle::SP_MessageBoxWarning));
    if (oversubscriptions.isEmpty()) {
        auto *ok = new QTreeWidgetItem(
            list, {RateLimitView::tr("No model group is over-subscribed: the projects' limits fit "
                                     "within the organization's ceilings.")});
        ok->setIcon(
            0, QIcon::fromTheme(u"dialog-ok"_s, list->style()->standardIcon(QStyle::SP_DialogApplyButton)));
    }
    for (const Oversubscription &o : std::as_const(oversubscriptions)) {
        QStringList parts;
        if (o.requestsOver())
            parts << RateLimitView::tr("%1 requests/min against a ceiling of %2")
                         .arg(locale.toString(o.requestsTotal),
                              locale.toString(o.ceiling.requestsPerMinuteLimit));
        if (o.tokensOver())
            parts << RateLimitView::tr("%1 tokens/min against a ceiling of %2")
                         .arg(locale.toString(o.tokensTotal),
                              locale.toString(o.ceiling.tokensPerMinuteLimit));
        auto *item = new QTreeWidgetItem(
            list, {RateLimitView::tr("%1: the projects' limits add up to %2.")
                       .arg(o.ceiling.modelGroupName, parts.join(RateLimitView::tr("; ")))});
        item->setIcon(0, warning);
        item->setToolTip(
            0,
            RateLimitView::tr("One busy project can use up the organization's limit and starve the others."));
        // A handful of projects reads at a glance; thousands stay folded.
        item->setExpanded(o.projects.size() <= 8);
        for (const auto &[projectId, limit] : o.projects) {
            new QTreeWidgetItem(
                item, {RateLimitView::tr("%1: %2 requests/min, %3 tokens/min")
                           .arg(job.projectName(projectId), locale.toString(limit.requestsPerMinuteLimit),
                                locale.toString(limit.tokensPerMinuteLimit))});
        }
    }
}

} // namespace aikeys
