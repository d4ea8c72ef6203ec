#include "output.h"

#include "audit/csvwriter.h"
#include "commandline.h"
#include "domain/json.h"
#include "domain/timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace aikeys::cli {

std::optional<OutputFormat> outputFormatFromName(QStringView name)
{
    if (name == u"table")
        return OutputFormat::Table;
    if (name == u"json")
        return OutputFormat::Json;
    if (name == u"csv")
        return OutputFormat::Csv;
    return std::nullopt;
}

QStringList outputFormatNames()
{
    return {u"table"_s, u"json"_s, u"csv"_s};
}

QString displayDate(const QDateTime &when)
{
    QByteArray date;
    appendDateUtc(date, when);
    return QString::fromLatin1(date);
}

QString displayDateTime(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return when.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) + u" UTC"_s;
}

QString csvTimestamp(const QDateTime &when)
{
    return when.isValid() ? formatTimestampUtc(when) : QString();
}

QString renderTable(const Rows &rows)
{
    const qsizetype columns = rows.headers.size();
    QList<qsizetype> widths(columns, 0);
    QList<QStringList> cells;
    cells.reserve(rows.rows.size() + 1);
    cells.append(rows.headers);
    qsizetype total = 0;
    for (const QStringList &row : rows.rows) {
        QStringList clean;
        clean.reserve(columns);
        // Most cells are safe as they are and stay shared, not copied.
        for (qsizetype c = 0; c < columns; ++c) {
            const QString cell = row.value(c);
            clean << (indexOfUnsafeForDisplay(cell) < 0 ? cell : sanitizeForTerminal(cell));
        }
        cells.append(std::move(clean));
    }
    for (const QStringList &row : std::as_const(cells)) {
        for (qsizetype c = 0; c < columns; ++c)
            widths[c] = qMax(widths[c], row.at(c).size());
    }
    for (const qsizetype w : std::as_const(widths))
        total += w + 2;
    QString out;
    out.reserve(total * cells.size());
    for (const QStringList &row : std::as_const(cells)) {
        const qsizetype lineStart = out.size();
        for (qsizetype c = 0; c < columns; ++c) {
            if (c > 0)
                out += u"  "_s;
            const QString &cell = row.at(c);
            const qsizetype pad = widths[c] - cell.size();
            if (rows.numericColumns.contains(int(c)) && pad > 0)
                out.resize(out.size() + pad, u' ');
            out += cell;
            if (c != columns - 1 && !rows.numericColumns.contains(int(c)) && pad > 0)
                out.resize(out.size() + pad, u' ');
        }
        qsizetype end = out.size();
        while (end > lineStart && out.at(end - 1) == u' ')
            --end;
        out.truncate(end);
        out += u'\n';
    }
    return out;
}

QString renderDetails(const Details &details)
{
    qsizetype width = 0;
    for (const auto &[label, value] : details)
        width = qMax(width, label.size() + 1);
    QString out;
    for (const auto &[label, value] : details)
        out += QString(label + u':').leftJustified(width + 1) + sanitizeForTerminal(value) + u'\n';
    return out;
}

QByteArray renderCsv(const Rows &rows)
{
    CsvWriter writer;
    for (const int c : rows.numericColumns)
        writer.setNumericColumn(c);
    writer.writeRow(rows.headers);
    for (const QStringList &row : rows.rows)
        writer.writeRow(row);
    return writer.toUtf8();
}

QByteArray renderJson(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
}

// ---- organizations

Rows tableRows(const QList<Organization> &orgs)
{
    Rows r;
    r.headers = {Cli::tr("NAME"), Cli::tr("ID"), Cli::tr("DELETED")};
    for (const Organization &o : orgs)
        r.rows.append({o.name, o.id, o.isDeleted ? Cli::tr("yes") : Cli::tr("no")});
    return r;
}

Rows csvRows(const QList<Organization> &orgs)
{
    Rows r;
    r.headers = {u"id"_s, u"name"_s, u"isDeleted"_s};
    for (const Organization &o : orgs)
        r.rows.append({o.id, o.name, o.isDeleted ? u"true"_s : u"false"_s});
    return r;
}

Details details(const Organization &org)
{
    return {{Cli::tr("Name"), org.name},
            {Cli::tr("ID"), org.id},
            {Cli::tr("Deleted"), org.isDeleted ? Cli::tr("yes") : Cli::tr("no")}};
}

// ---- projects

Rows tableRows(const QList<Project> &projects)
{
    Rows r;
    r.headers = {Cli::tr("NAME"), Cli::tr("ID"), Cli::tr("ORG ID"), Cli::tr("CREATED"), Cli::tr("CLUSTERS")};
    r.numericColumns = {4};
    for (const Project &p : projects)
        r.rows.append({p.name, p.id, p.orgId, displayDate(p.created), QString::number(p.clusterCount)});
    return r;
}

Rows csvRows(const QList<Project> &projects)
{
    Rows r;
    r.headers = {u"id"_s, u"name"_s, u"orgId"_s, u"created"_s, u"clusterCount"_s};
    r.numericColumns = {4};
    for (const Project &p : projects)
        r.rows.append({p.id, p.name, p.orgId, csvTimestamp(p.created), QString::number(p.clusterCount)});
    return r;
}

Details details(const Project &p)
{
    return {{Cli::tr("Name"), p.name},
            {Cli::tr("ID"), p.id},
            {Cli::tr("Organization"), p.orgId},
            {Cli::tr("Created"), displayDateTime(p.created)},
            {Cli::tr("Clusters"), QString::number(p.clusterCount)}};
}

// ---- AI model API keys

Rows csvRows(const QList<AiKey> &keys)
{
    Rows r;
    r.headers = {u"apiKeyId"_s,  u"name"_s,      u"groupId"_s,    u"status"_s,
                 u"createdAt"_s, u"createdBy"_s, u"lastUsedAt"_s, u"maskedSecret"_s,
                 u"cloud"_s,     u"geography"_s, u"endpoint"_s};
    for (const AiKey &k : keys) {
        r.rows.append({k.apiKeyId, k.name, k.groupId, k.status, csvTimestamp(k.createdAt), k.createdBy,
                       k.lastUsedAt ? csvTimestamp(*k.lastUsedAt) : QString(), k.maskedSecret, k.cloud,
                       k.geography, k.endpoint});
    }
    return r;
}

Details details(const AiKey &k)
{
    return {{Cli::tr("Name"), k.name},
            {Cli::tr("ID"), k.apiKeyId},
            {Cli::tr("Project"), k.groupId},
            {Cli::tr("Status"), k.status},
            {Cli::tr("Last used"), k.lastUsedUnknown ? Cli::tr("unknown")
                                   : k.lastUsedAt    ? displayDateTime(*k.lastUsedAt)
                                                     : Cli::tr("never")},
            {Cli::tr("Created"), displayDateTime(k.createdAt)},
            {Cli::tr("Created by"), k.createdBy},
            {Cli::tr("Masked secret"), k.maskedSecret},
            {Cli::tr("Cloud"), k.cloud},
            {Cli::tr("Geography"), k.geography},
            {Cli::tr("Endpoint"), k.endpoint}};
}

// ---- rate limits

Rows tableRows(const QList<RateLimit> &limits)
{
    Rows r;
    r.headers = {Cli::tr("MODEL GROUP"), Cli::tr("MODELS"), Cli::tr("REQUESTS/MIN"), Cli::tr("TOKENS/MIN")};
    r.numericColumns = {2, 3};
    for (const RateLimit &l : limits) {
        r.rows.append({l.modelGroupName, l.modelNames.join(u", "_s),
                       QString::number(l.requestsPerMinuteLimit), QString::number(l.tokensPerMinuteLimit)});
    }
    return r;
}

Rows csvRows(const QList<RateLimit> &limits)
{
    Rows r;
    r.headers = {u"modelGroupName"_s,
                 u"modelNames"_s,
                 u"requestsPerMinuteLimit"_s,
                 u"tokensPerMinuteLimit"_s,
                 u"cloud"_s,
                 u"geography"_s,
                 u"endpoint"_s};
    r.numericColumns = {2, 3};
    for (const RateLimit &l : limits) {
        // Model names are joined with ";" so the cell stays one value for tools that split on commas.
        r.rows.append({l.modelGroupName, l.modelNames.join(u';'), QString::number(l.requestsPerMinuteLimit),
                       QString::number(l.tokensPerMinuteLimit), l.cloud, l.geography, l.endpoint});
    }
    return r;
}

Details details(const RateLimit &l)
{
    return {{Cli::tr("Model group"), l.modelGroupName},
            {Cli::tr("Models"), l.modelNames.join(u", "_s)},
            {Cli::tr("Requests/min"), QString::number(l.requestsPerMinuteLimit)},
            {Cli::tr("Tokens/min"), QString::number(l.tokensPerMinuteLimit)},
            {Cli::tr("Cloud"), l.cloud},
            {Cli::tr("Geography"), l.geography},
            {Cli::tr("Endpoint"), l.endpoint}};
}

} // namespace aikeys::cli
