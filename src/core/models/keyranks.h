#pragma once

#include <QCollator>
#include <QList>
#include <QString>

#include <vector>

namespace aikeys {

// One text column's sort ranks for KeyTableModel: each row's place among the column's distinct
// values in collation order. A sort of 50,000 rows compares about a million times, and comparing two
// ranks is an integer comparison where QCollator::compare() costs about a microsecond; the model keeps
// them up to date across its edits so a sorted view never waits for a rebuild after a small change.
// KeyRankBuilder makes them.
class KeyRanks
{
public:
    // The collator ranks are made and placed with: numeric mode ("key 2" before "key 10").
    static QCollator makeCollator();

    bool isBuilt() const { return m_built; }
    // row must be in range of a built column.
    qint32 rankOf(int row) const { return m_rank[size_t(row)]; }
    // Rows [first, last] were appended (last is the new last row): their values are placed, or, when
    // there are many, the ranks are dropped (isBuilt() is false) to be built again on next use.
    template <typename TextOf>
    void appendRows(int first, int last, TextOf textOf, const QCollator &collator)
    {
        if (!placeIncrementally(last - first + 1, last + 1)) {
            *this = KeyRanks();
            return;
        }
        m_rank.resize(size_t(last) + 1, -1);
        for (int row = first; row <= last; ++row)
            setRank(row, textOf(row), collator);
    }
    // The row's value changed (or is new): it gets the value's rank, placing the value if new.
    void setRank(int row, const QString &value, const QCollator &collator);
    // Rows [first, last] were removed.
    void eraseRows(int first, int last);

private:
    friend class KeyRankBuilder;

    // Placing one new value costs a binary search and a pass over every row's rank; rebuilding costs
    // a sort key per row and a sort. True when placing `added` values beats a lazy rebuild.
    static bool placeIncrementally(qsizetype added, qsizetype rows);
    qint32 place(const QString &value, const QCollator &collator);

    bool m_built = false;
    QList<QString> m_distinct;  // distinct values in collation order: a value's rank is its index
    std::vector<qint32> m_rank; // per row
};

} // namespace aikeys
