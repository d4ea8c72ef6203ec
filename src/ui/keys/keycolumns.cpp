#include "keys/keycolumns.h"

#include "models/keytablemodel.h"

#include <QAbstractItemModel>
#include <QFontMetrics>
#include <QHeaderView>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace aikeys {

void sizeKeyColumns(QHeaderView *header, const QFontMetrics &cellMetrics, int first, int last)
{
    const QAbstractItemModel *model = header->model();
    if (!model)
        return;
    const QFontMetrics headerMetrics = header->fontMetrics();
    const std::pair<int, QString> samples[] = {
        {KeyTableModel::Name, u"prod-search-embeddings-v2"_s},
        {KeyTableModel::Status, u"ACTIVE"_s},
        {KeyTableModel::LastUsed, u"11 months ago"_s},
        {KeyTableModel::Created, u"28 Sept 2026"_s},
        {KeyTableModel::CreatedBy, u"CI Service Account"_s},
        {KeyTableModel::MaskedSecret, u"al-****abcd"_s},
        {KeyTableModel::KeyId, u"mw06mztwbduc7wkskamdq8w1"_s},
        {KeyTableModel::Endpoint, u"127.0.0.1:65535"_s},
        {KeyTableModel::Project, u"data-science-sandbox"_s},
    };
    const int columns = model->columnCount();
    if (last < 0)
        last = columns - 1;
    for (const auto &[column, sample] : samples) {
        if (column >= columns || column < first || column > last)
            continue;
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(column, std::max(cellMetrics.horizontalAdvance(sample) + 16,
                                               headerMetrics.horizontalAdvance(title) + 36));
    }
}

} // namespace aikeys
