#pragma once

#include "domain/plainjsonreader.h"
#include "domain/stringinterner.h"
#include "domain/types.h"

#include <array>

namespace aikeys::json {

// Reads one key of a plain key page (plainKeyPage()) straight into an AiKey: each known field a
// string or null, timestamps that parse, every field at most once, the id and name present. Values
// that repeat from key to key share one string. Its own class, apart from the page's envelope, so
// that the key's fields are found by its name.
class PlainKeyReader
{
public:
    explicit PlainKeyReader(PlainJsonReader &reader)
        : r(reader)
    {}

    // False for anything the general reader must see (see plainKeyPage()).
    bool key(AiKey &k);

private:
    enum Field {
        ApiKeyId,
        Name,
        GroupId,
        Cloud,
        Geography,
        Endpoint,
        CreatedAt,
        CreatedBy,
        LastUsedAt,
        MaskedSecret,
        Status,
        FieldCount,
        Unknown = FieldCount
    };
    static Field fieldOf(QByteArrayView key);
    // The field as text: shared for the fields whose values repeat (status, project, creator...).
    bool text(QString &out, Field f, bool share) { return r.text(out, share ? &interned[f] : nullptr); }

    PlainJsonReader &r;
    std::array<StringInterner, FieldCount> interned;
};

} // namespace aikeys::json
