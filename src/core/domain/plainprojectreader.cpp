#include "domain/plainprojectreader.h"

namespace aikeys::json {

bool PlainProjectReader::text(QString &out, bool required)
{
    if (!r.text(out))
        return false;
    return !required || !out.isNull();
}

bool PlainProjectReader::tags(QList<ResourceTag> &out)
{
    return r.literal("null") || r.pairList("key", &ResourceTag::key, "value", &ResourceTag::value, out);
}

bool PlainProjectReader::item(Project &p)
{
    if (!r.consume('{'))
        return false;
    unsigned seen = 0;
    bool haveId = false, haveName = false, haveOrg = false;
    if (!r.consume('}')) {
        do {
            QByteArrayView name;
            bool ascii = false;
            if (!r.string(name, ascii) || !r.consume(':'))
                return false;
            static const char *const fields[] = {"id", "name", "orgId", "created", "clusterCount", "tags"};
            int f = 0;
            while (f < 6 && name != QByteArrayView(fields[f]))
                ++f;
            if (f == 6) {
                if (!r.skipValue())
                    return false;
                continue;
            }
            if (seen & (1u << f))
                return false;
            seen |= 1u << f;
            bool ok = false;
            std::optional<QDateTime> when;
            switch (f) {
            case 0:
                ok = haveId = text(p.id, true);
                break;
            case 1:
                ok = haveName = text(p.name, true);
                break;
            case 2:
                ok = haveOrg = text(p.orgId, true);
                break;
            case 3:
                ok = r.time(when);
                p.created = when.value_or(QDateTime());
                break;
            case 4:
                ok = r.literal("null") || r.integer(p.clusterCount);
                break;
            default:
                ok = tags(p.tags);
                break;
            }
            if (!ok)
                return false;
        } while (r.consume(','));
        if (!r.consume('}'))
            return false;
    }
    // A project without its id, name or organization is for the general reader to report.
    return haveId && haveName && haveOrg;
}

} // namespace aikeys::json
