#include "atlas/ids.h"

#include "domain/terminaltext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("aikeys::Ids", text);
}

// The value as a message may quote it: short, and with anything invisible shown as an escape.
QString quoted(const QString &value)
{
    return u'"' + sanitizeForTerminal(QStringView(value).left(80)) +
           (value.size() > 80 ? u"...\""_s : u"\""_s);
}

QString describe(IdKind kind)
{
    switch (kind) {
    case IdKind::Organization:
        return tr("organization ID");
    case IdKind::Project:
        return tr("project ID");
    case IdKind::ApiKey:
        return tr("key ID");
    case IdKind::Cloud:
        return tr("cloud provider");
    case IdKind::Geography:
        return tr("geography");
    case IdKind::ModelGroup:
        return tr("model group");
    }
    return {};
}

// The same with its article, for "... is not an organization ID".
QString describeOne(IdKind kind)
{
    switch (kind) {
    case IdKind::Organization:
        return tr("an organization ID");
    case IdKind::Project:
        return tr("a project ID");
    case IdKind::ApiKey:
        return tr("a key ID");
    case IdKind::Cloud:
        return tr("a cloud provider");
    case IdKind::Geography:
        return tr("a geography");
    case IdKind::ModelGroup:
        return tr("a model group");
    }
    return {};
}
} // namespace

bool isAtlasObjectId(QStringView id)
{
    if (id.size() != 24)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return false;
    }
    return true;
}

bool isPathSegmentId(QStringView id)
{
    if (id.isEmpty() || id.size() > kMaxPathIdLength)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'-' ||
              u == u'_'))
            return false;
    }
    return true;
}

bool hasDotSegment(QStringView encodedPath)
{
    const QStringView path =
        encodedPath.left(encodedPath.indexOf(u'?') < 0 ? encodedPath.size() : encodedPath.indexOf(u'?'));
    for (const QStringView raw : path.tokenize(u'/')) {
        QString segment = raw.toString();
        segment.replace(u"%2e"_s, u"."_s, Qt::CaseInsensitive);
        if (segment == u"."_s || segment == u".."_s)
            return true;
    }
    return false;
}

QString validateId(IdKind kind, const QString &value)
{
    if (value.trimmed().isEmpty())
        return tr("The %1 is empty.").arg(describe(kind));
    switch (kind) {
    case IdKind::Organization:
    case IdKind::Project:
        if (isAtlasObjectId(value))
            return {};
        return tr("%1 is not %2: Atlas writes them as 24 hexadecimal digits (0-9 and lowercase a-f), "
                  "such as 32b6e34b3d91647abb20e7b8.")
            .arg(quoted(value), describeOne(kind));
    case IdKind::ApiKey:
    case IdKind::Cloud:
    case IdKind::Geography:
    case IdKind::ModelGroup:
        if (isPathSegmentId(value))
            return {};
        if (value.size() > kMaxPathIdLength)
            return tr("That %1 is %2 characters long, too long to be one.")
                .arg(describe(kind))
                .arg(value.size());
        return tr("%1 is not %2: it may hold only letters, digits, '-' and '_'.")
            .arg(quoted(value), describeOne(kind));
    }
    return {};
}

} // namespace aikeys
