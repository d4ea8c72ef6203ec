#include "models/keyranks.h"

#include <QLocale>

#include <algorithm>

namespace aikeys {

QCollator KeyRanks::makeCollator()
{
    // The C locale has no collation rules (QCollator falls back to code-point order and ignores
    // numeric mode): people running under LC_ALL=C still expect "key 2" before "key 10".
    const QLocale system;
    QCollator collator(system.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                       : system);
    collator.setNumericMode(true);
    return collator;
}

bool KeyRanks::placeIncrementally(qsizetype added, qsizetype rows)
{
    // A binary search is about 16 collator comparisons: rebuilding costs about as much as placing
    // rows/16 values. Larger batches rebuild once, lazily.
    return added <= std::max<qsizetype>(64, rows / 16);
}

void KeyRanks::setRank(int row, const QString &value, const QCollator &collator)
{
    m_rank[size_t(row)] = place(value, collator);
}

void KeyRanks::eraseRows(int first, int last)
{
    m_rank.erase(m_rank.begin() + first, m_rank.begin() + last + 1);
}

qint32 KeyRanks::place(const QString &value, const QCollator &collator)
{
    const auto less = [&collator](const QString &a, const QString &b) { return collator.compare(a, b) < 0; };
    const auto it = std::lower_bound(m_distinct.cbegin(), m_distinct.cend(), value, less);
    const qint32 pos = qint32(it - m_distinct.cbegin());
    if (it != m_distinct.cend() && collator.compare(*it, value) == 0)
        return pos;
    m_distinct.insert(pos, value);
    for (qint32 &r : m_rank) {
        if (r >= pos)
            ++r;
    }
    return pos;
}

} // namespace aikeys
