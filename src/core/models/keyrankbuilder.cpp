#include "models/keyrankbuilder.h"

#include <algorithm>
#include <numeric>

namespace aikeys {

bool KeyRankBuilder::makeSortKeys(const QCollator &collator, const QDeadlineTimer &deadline)
{
#if defined(Q_OS_WIN)
    Q_UNUSED(collator);
    Q_UNUSED(deadline);
    return true;
#else
    m_sortKeys.reserve(size_t(m_values.size()));
    while (m_sortKeys.size() < size_t(m_values.size())) {
        const size_t end = std::min(size_t(m_values.size()), m_sortKeys.size() + 64);
        for (size_t i = m_sortKeys.size(); i < end; ++i)
            m_sortKeys.push_back(collator.sortKey(m_values[qsizetype(i)]));
        if (m_sortKeys.size() < size_t(m_values.size()) && deadline.hasExpired())
            return false;
    }
    return true;
#endif
}

void KeyRankBuilder::finish(KeyRanks &ranks, const QCollator &collator)
{
    // Sort keys make a large sort several times faster, but KeyRanks::setRank() places later values
    // with compare(), so the two must agree. On Windows they do not: Qt's sort keys there
    // (LCMapStringEx) can order case and even equal strings differently from CompareStringEx.
#if defined(Q_OS_WIN)
    const auto cmp = [this, &collator](qint32 a, qint32 b) {
        return collator.compare(m_values[a], m_values[b]);
    };
#else
    Q_UNUSED(collator);
    const auto cmp = [this](qint32 a, qint32 b) {
        return m_sortKeys[size_t(a)].compare(m_sortKeys[size_t(b)]);
    };
#endif
    std::vector<qint32> order(size_t(m_values.size()));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&cmp](qint32 a, qint32 b) { return cmp(a, b) < 0; });

    // Values the collator calls equal share a rank, as they would compare equal.
    std::vector<qint32> rankOfSlot(size_t(m_values.size()));
    ranks.m_distinct.clear();
    for (size_t i = 0; i < order.size(); ++i) {
        if (i == 0 || cmp(order[i], order[i - 1]) != 0)
            ranks.m_distinct.append(m_values[order[i]]);
        rankOfSlot[size_t(order[i])] = qint32(ranks.m_distinct.size() - 1);
    }
    ranks.m_rank.resize(m_slotOfRow.size());
    for (size_t row = 0; row < m_slotOfRow.size(); ++row)
        ranks.m_rank[row] = rankOfSlot[size_t(m_slotOfRow[row])];
    ranks.m_built = true;
}

} // namespace aikeys
