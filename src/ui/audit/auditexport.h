#pragma once

#include "audit/auditreport.h"
#include "domain/scope.h"

#include <QString>

class QWidget;

namespace aikeys {

// Saving an audit to a file: the name suggested for it, the question where to, and the writing. Apart
// from AuditView, which only says which form (CSV or JSON) and shows how it went. Texts keep
// AuditView's translation context.
class AuditExport
{
public:
    // "audit-<name>-<yyyyMMdd-HHmm>.<suffix>" in the Documents folder: the name is the org's (scope
    // Organization) or the project's, made file-name safe, or fallback when that leaves nothing.
    static QString suggestedFileName(const AuditReport &report, Scope scope, const QString &fallback,
                                     const QString &suffix);
    // Asks where to save the report as JSON or CSV (FileDialog); empty when the user cancels.
    static QString askPath(QWidget *parent, bool json, const QString &suggested);
    // Writes the report (CSV with a byte order mark) to path all at once. On failure, nothing is left
    // at path that was not there before, and error says why.
    static bool write(const AuditReport &report, bool json, const QString &path, QString *error);
};

} // namespace aikeys
