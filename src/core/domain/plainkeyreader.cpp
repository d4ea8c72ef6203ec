#include "domain/plainkeyreader.h"

#include <cstring>

namespace aikeys::json {

PlainKeyReader::Field PlainKeyReader::fieldOf(QByteArrayView key)
{
    static const char *const names[FieldCount] = {"apiKeyId",   "name",         "groupId",   "cloud",
                                                  "geography",  "endpoint",     "createdAt", "createdBy",
                                                  "lastUsedAt", "maskedSecret", "status"};
    static const auto lengths = [] {
        std::array<qsizetype, FieldCount> l{};
        for (int f = 0; f < FieldCount; ++f)
            l[f] = qsizetype(std::strlen(names[f]));
        return l;
    }();
    for (int f = 0; f < FieldCount; ++f) {
        if (key.size() == lengths[f] && key.front() == names[f][0] &&
            std::memcmp(key.data(), names[f], size_t(lengths[f])) == 0)
            return Field(f);
    }
    return Unknown;
}

bool PlainKeyReader::key(AiKey &k)
{
    if (!r.consume('{'))
        return false;
    unsigned seen = 0;
    if (!r.consume('}')) {
        do {
            QByteArrayView name;
            bool ascii = false;
            if (!r.string(name, ascii) || !r.consume(':'))
                return false;
            const Field f = fieldOf(name);
            if (f == Unknown) {
                if (!r.skipValue())
                    return false;
                continue;
            }
            if (seen & (1u << f))
                return false; // a repeated field: which one counts is the general reader's call
            seen |= 1u << f;
            bool ok = false;
            std::optional<QDateTime> when;
            switch (f) {
            case ApiKeyId:
                ok = text(k.apiKeyId, f, false);
                break;
            case Name:
                ok = text(k.name, f, false);
                break;
            case GroupId:
                ok = text(k.groupId, f, true);
                break;
            case Cloud:
                ok = text(k.cloud, f, true);
                break;
            case Geography:
                ok = text(k.geography, f, true);
                break;
            case Endpoint:
                ok = text(k.endpoint, f, true);
                break;
            case CreatedBy:
                ok = text(k.createdBy, f, true);
                break;
            case MaskedSecret:
                ok = text(k.maskedSecret, f, false);
                break;
            case Status:
                ok = text(k.status, f, true);
                break;
            case CreatedAt:
                ok = r.time(when);
                k.createdAt = when.value_or(QDateTime());
                break;
            case LastUsedAt:
                ok = r.time(k.lastUsedAt);
                break;
            default:
                break;
            }
            if (!ok)
                return false;
        } while (r.consume(','));
        if (!r.consume('}'))
            return false;
    }
    // A key without its id or name is for the general reader to skip or report.
    return !k.apiKeyId.isNull() && !k.name.isNull();
}

} // namespace aikeys::json
