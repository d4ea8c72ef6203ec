#pragma once

#include "domain/types.h"
#include "models/keyrankbuilder.h"
#include "models/keyranks.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace aikeys {

class KeyTableModel;

// A list of keys on its way into a KeyTableModel (KeyTableModel::Batch), made ready a slice at a time
// so that tens of thousands of keys never hold up the event loop for long (KeysView fills its table
// so): the rows, the id index and, for one column, the sort ranks a sorted view asks for first.
// KeyTableModel::prepareKeys() makes one, work() advances it, KeyTableModel::setPreparedKeys() puts it
// in the model. Use it on the model's thread, while the model lives. A class of its own so that the
// slicing lives beside, not inside, the model's edits.
class KeyBatch
{
public:
    KeyBatch();
    ~KeyBatch();
    KeyBatch(KeyBatch &&other) noexcept;
    KeyBatch &operator=(KeyBatch &&other) noexcept;

    bool isReady() const;
    // Does the remaining work for about budgetMs (at least a little of it; all of it when
    // budgetMs < 0) and returns isReady().
    bool work(int budgetMs);

private:
    friend class KeyTableModel;

    // keys for model; rankColumn is a text column other than Project, or -1.
    KeyBatch(const KeyTableModel *model, QList<AiKey> keys, int rankColumn);

    struct Data
    {
        enum class Phase { Rows, RankValues, RankKeys, RankOrder, Done };

        const KeyTableModel *model = nullptr;
        QList<AiKey> keys;
        bool copy = false; // the caller still holds the list: copy its keys rather than move them
        qsizetype next = 0;
        std::vector<std::unique_ptr<AiKey>> rows;
        std::vector<qint64> lastUsedMs;
        std::vector<qint64> createdMs;
        QHash<QString, int> rowById;
        int neverUsed = 0;
        int repeats = 0;
        int rankColumn = -1;
        KeyRankBuilder builder;
        KeyRanks rank;
        Phase phase = Phase::Rows;

        void addRow(AiKey &&key);
    };

    std::unique_ptr<Data> d;
};

} // namespace aikeys
