#pragma once

#include "domain/plainjsonreader.h"
#include "domain/types.h"

namespace aikeys::json {

// Reads one project of a plain project page (plainProjectPage()): the fields of a project the general
// reader reads (id, name and orgId present; created, clusterCount, tags), anything else skipped. Its
// own class, apart from the page's envelope and the key reader, so each page's items are found by
// name.
class PlainProjectReader
{
public:
    explicit PlainProjectReader(PlainJsonReader &reader)
        : r(reader)
    {}

    // False for anything the general reader must see or report.
    bool item(Project &p);

private:
    bool text(QString &out, bool required);
    bool tags(QList<ResourceTag> &out);

    PlainJsonReader &r;
};

} // namespace aikeys::json
