#include "models/keybatch.h"

#include "models/keytablemodel.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>

#include <algorithm>

namespace aikeys {

void KeyBatch::Data::addRow(AiKey &&key)
{
    KeyTableModel::normalize(key);
    // One hash operation per key: the index is built and a repeated id found in the same step.
    const qsizetype before = rowById.size();
    int &slot = rowById[key.apiKeyId];
    if (rowById.size() == before) {
        // A repeated id is one key: its last description wins, at its first place.
        ++repeats;
        AiKey &first = *rows[size_t(slot)];
        if (first.neverUsed())
            --neverUsed;
        lastUsedMs[size_t(slot)] = KeyTableModel::lastUsedMs(key);
        createdMs[size_t(slot)] = KeyTableModel::createdMs(key);
        if (key.neverUsed())
            ++neverUsed;
        first = std::move(key);
        return;
    }
    slot = int(rows.size());
    lastUsedMs.push_back(KeyTableModel::lastUsedMs(key));
    createdMs.push_back(KeyTableModel::createdMs(key));
    if (key.neverUsed())
        ++neverUsed;
    rows.push_back(std::make_unique<AiKey>(std::move(key)));
}

KeyBatch::KeyBatch() = default;
KeyBatch::~KeyBatch() = default;

KeyBatch::KeyBatch(const KeyTableModel *model, QList<AiKey> keys, int rankColumn)
    : d(std::make_unique<Data>())
{
    d->model = model;
    // Moving the keys out of a list someone else still holds would detach it, a copy of every key at
    // once: they are copied one at a time instead.
    d->copy = !keys.isDetached();
    d->keys = std::move(keys);
    const auto n = size_t(d->keys.size());
    d->rows.reserve(n);
    d->lastUsedMs.reserve(n);
    d->createdMs.reserve(n);
    d->rowById.reserve(d->keys.size());
    d->rankColumn = rankColumn;
}
KeyBatch::KeyBatch(KeyBatch &&other) noexcept = default;
KeyBatch &KeyBatch::operator=(KeyBatch &&other) noexcept = default;

bool KeyBatch::isReady() const
{
    return !d || d->phase == Data::Phase::Done;
}

bool KeyBatch::work(int budgetMs)
{
    if (isReady())
        return true;
    QElapsedTimer slice;
    slice.start();
    const auto expired = [&slice, budgetMs] { return budgetMs >= 0 && slice.elapsed() >= budgetMs; };
    // The values and the final sort of a column's ranks cannot be cut: they start early in a slice.
    bool progressed = false;
    const auto late = [&slice, &progressed, budgetMs] {
        return budgetMs >= 0 && progressed && slice.elapsed() >= budgetMs / 4;
    };
    Data &b = *d;
    using Phase = Data::Phase;
    if (b.phase == Phase::Rows) {
        const qsizetype n = b.keys.size();
        while (b.next < n) {
            const qsizetype end = std::min(n, b.next + 256);
            if (b.copy) {
                for (; b.next < end; ++b.next)
                    b.addRow(AiKey(b.keys.at(b.next)));
            } else {
                AiKey *keys = b.keys.data();
                for (; b.next < end; ++b.next)
                    b.addRow(std::move(keys[b.next]));
            }
            progressed = true;
            if (b.next < n && expired())
                return false;
        }
        b.keys = QList<AiKey>();
        b.phase = b.rankColumn >= 0 ? Phase::RankValues : Phase::Done;
    }
    if (b.phase == Phase::RankValues) {
        if (late())
            return false;
        b.builder.collect(
            qsizetype(b.rows.size()), KeyTableModel::repeatsValues(b.rankColumn),
            [&b](qsizetype row) { return b.model->sortText(*b.rows[size_t(row)], b.rankColumn); });
        b.phase = Phase::RankKeys;
        progressed = true;
    }
    if (b.phase == Phase::RankKeys) {
        const QDeadlineTimer deadline =
            budgetMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                         : QDeadlineTimer(std::max<qint64>(0, budgetMs - slice.elapsed()), Qt::PreciseTimer);
        if (!b.builder.makeSortKeys(b.model->m_collator, deadline))
            return false;
        b.phase = Phase::RankOrder;
        progressed = true;
    }
    if (b.phase == Phase::RankOrder) {
        if (late())
            return false;
        b.builder.finish(b.rank, b.model->m_collator);
        b.builder = KeyRankBuilder();
        b.phase = Phase::Done;
    }
    return true;
}

} // namespace aikeys
