#pragma once

#include "models/keyranks.h"

#include <QCollator>
#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace aikeys {

// Builds one column's KeyRanks in steps a caller can spread over several turns of the event loop, as
// KeyBatch does for tens of thousands of keys: the values (collect), their sort keys a slice at a
// time (makeSortKeys), then the ranks (finish).
class KeyRankBuilder
{
public:
    // All the steps at once, for a column sorted by for the first time.
    template <typename TextOf>
    static void build(KeyRanks &ranks, qsizetype n, bool repetitive, TextOf textOf, const QCollator &collator)
    {
        KeyRankBuilder builder;
        builder.collect(n, repetitive, textOf);
        builder.makeSortKeys(collator, QDeadlineTimer(QDeadlineTimer::Forever));
        builder.finish(ranks, collator);
    }

    // The column's text for each of n rows. repetitive: the column's values repeat across many rows
    // (statuses, creators, endpoints, projects).
    template <typename TextOf>
    void collect(qsizetype n, bool repetitive, TextOf textOf)
    {
        // A sort key costs about a microsecond. Values that repeat across thousands of keys get one
        // sort key per distinct value, found by hashing, which is much cheaper. Names, ids and masked
        // keys are nearly all distinct: hashing them would only add to the cost.
        m_slotOfRow.resize(static_cast<size_t>(n));
        if (repetitive) {
            QHash<QString, qint32> slotOf;
            for (qsizetype row = 0; row < n; ++row) {
                QString text = textOf(row);
                const qsizetype before = slotOf.size();
                qint32 &slot = slotOf[text];
                if (slotOf.size() != before) {
                    slot = qint32(m_values.size());
                    m_values.append(std::move(text));
                }
                m_slotOfRow[size_t(row)] = slot;
            }
        } else {
            m_values.reserve(n);
            for (qsizetype row = 0; row < n; ++row) {
                m_slotOfRow[size_t(row)] = qint32(row);
                m_values.append(textOf(row));
            }
        }
    }

    // Sort keys for the values that have none yet, until the deadline; true when all have one.
    bool makeSortKeys(const QCollator &collator, const QDeadlineTimer &deadline);
    void finish(KeyRanks &ranks, const QCollator &collator);

private:
    QList<QString> m_values;
    std::vector<qint32> m_slotOfRow;
#if !defined(Q_OS_WIN)
    std::vector<QCollatorSortKey> m_sortKeys;
#endif
};

} // namespace aikeys
