#pragma once

#include "domain/terminaltext.h" // sanitizeForTerminal, for every handler
#include "domain/types.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace aikeys::cli {

enum class OutputFormat { Table, Json, Csv };

std::optional<OutputFormat> outputFormatFromName(QStringView name);
QStringList outputFormatNames();

// A listing as rows of text: the same shape feeds the aligned table and the CSV file.
struct Rows
{
    QStringList headers;
    QList<QStringList> rows;
    QSet<int> numericColumns; // right-aligned in tables; exempt from formula quoting in CSV
};

// One item as "Label: value" lines.
using Details = QList<std::pair<QString, QString>>;

// Aligned columns separated by two spaces; control characters in cells are made visible, so a
// key name cannot move the cursor or recolour the terminal.
QString renderTable(const Rows &rows);
QString renderDetails(const Details &details);
QByteArray renderCsv(const Rows &rows);
QByteArray renderJson(const QJsonValue &value);

// Dates as the tables show them: the UTC date, or "never"/"" when there is none.
QString displayDate(const QDateTime &when);
QString displayDateTime(const QDateTime &when);
QString csvTimestamp(const QDateTime &when);

enum class KeyScopeColumns { Project, Org }; // Org adds the PROJECT column

Rows tableRows(const QList<Organization> &orgs);
Rows tableRows(const QList<Project> &projects);
Rows tableRows(const QList<RateLimit> &limits);

Rows csvRows(const QList<Organization> &orgs);
Rows csvRows(const QList<Project> &projects);
Rows csvRows(const QList<AiKey> &keys);
Rows csvRows(const QList<RateLimit> &limits);

Details details(const Organization &org);
Details details(const Project &project);
Details details(const AiKey &key);
Details details(const RateLimit &limit);

} // namespace aikeys::cli
