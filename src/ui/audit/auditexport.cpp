#include "audit/auditexport.h"

#include "audit/auditview.h"
#include "common/filedialog.h"

#include <QDir>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

// A file-name-safe form of a name: letters, digits, dashes.
QString slug(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            out += c.toLower();
        else if (!out.isEmpty() && !out.endsWith(u'-'))
            out += u'-';
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out.left(60);
}

} // namespace

QString AuditExport::suggestedFileName(const AuditReport &report, Scope scope, const QString &fallback,
                                       const QString &suffix)
{
    QString base = slug(scope == Scope::Organization ? report.orgName() : report.projectName());
    if (base.isEmpty())
        base = fallback;
    const QString stamp = report.generatedAt().toUTC().toString(u"yyyyMMdd-HHmm"_s);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(dir).filePath(u"audit-"_s + base + u'-' + stamp + u'.' + suffix);
}

QString AuditExport::askPath(QWidget *parent, bool json, const QString &suggested)
{
    return json ? FileDialog::getSaveFileName(parent, AuditView::tr("Export the Audit as JSON"), suggested,
                                              AuditView::tr("JSON files (*.json);;All files (*)"))
                : FileDialog::getSaveFileName(parent, AuditView::tr("Export the Audit as CSV"), suggested,
                                              AuditView::tr("CSV files (*.csv);;All files (*)"));
}

bool AuditExport::write(const AuditReport &report, bool json, const QString &path, QString *error)
{
    // A byte order mark makes Excel read the CSV as UTF-8 (names with accents, CJK...).
    const QByteArray data = json ? report.toJsonBytes() : report.toCsv(true);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace aikeys
