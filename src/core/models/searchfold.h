#pragma once

#include <QByteArray>
#include <QStringView>

#include <span>

namespace aikeys::searchfold {

// The search text of KeyTableModel, apart from the model: the first search folds every key of a
// table (50,000 in a large organization), so folding is one pass with no allocation of its own rather
// than QString::toCaseFolded().toUtf8() per field, and a query is folded the same way as the rows.

// What QString::toCaseFolded().toUtf8() gives (simple case folding, one code point at a time).
QByteArray fold(QStringView text);
// The fields folded and joined with \x01, so that a folded query never matches across two of them.
QByteArray foldJoined(std::span<const QStringView> fields);

} // namespace aikeys::searchfold
