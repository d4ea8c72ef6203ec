#include "domain/keypage.h"

#include "domain/plainjsonreader.h"
#include "domain/plainkeyreader.h"
#include "domain/plainprojectreader.h"

namespace aikeys::json {

namespace {

// The envelope both readers share: results (each item read by readItem), totalCount and links.
template <typename T, typename ReadItem>
std::optional<Page<T>> plainPage(PlainJsonReader &r, ReadItem readItem)
{
    Page<T> page;
    if (!r.consume('{'))
        return std::nullopt;
    bool haveResults = false, haveTotal = false, haveLinks = false;
    if (!r.consume('}')) {
        do {
            QByteArrayView name;
            bool ascii = false;
            if (!r.string(name, ascii) || !r.consume(':'))
                return std::nullopt;
            if (name == QByteArrayView("results")) {
                if (haveResults || !r.consume('['))
                    return std::nullopt;
                haveResults = true;
                if (!r.consume(']')) {
                    do {
                        T item;
                        if (!readItem(item))
                            return std::nullopt;
                        page.results.append(std::move(item));
                    } while (r.consume(','));
                    if (!r.consume(']'))
                        return std::nullopt;
                }
            } else if (name == QByteArrayView("totalCount")) {
                if (haveTotal)
                    return std::nullopt;
                haveTotal = true;
                qint64 total = 0;
                if (r.literal("null"))
                    continue;
                if (!r.integer(total))
                    return std::nullopt;
                page.totalCount = total;
            } else if (name == QByteArrayView("links")) {
                if (haveLinks || !r.links(page.links))
                    return std::nullopt;
                haveLinks = true;
            } else if (!r.skipValue()) {
                return std::nullopt;
            }
        } while (r.consume(','));
        if (!r.consume('}'))
            return std::nullopt;
    }
    if (!haveResults || !r.atEnd())
        return std::nullopt;
    return page;
}

} // namespace

std::optional<Page<AiKey>> plainKeyPage(const QByteArray &body)
{
    PlainJsonReader r(body);
    PlainKeyReader keys(r);
    return plainPage<AiKey>(r, [&keys](AiKey &k) { return keys.key(k); });
}

std::optional<Page<Project>> plainProjectPage(const QByteArray &body)
{
    PlainJsonReader r(body);
    PlainProjectReader projects(r);
    return plainPage<Project>(r, [&projects](Project &p) { return projects.item(p); });
}

} // namespace aikeys::json
