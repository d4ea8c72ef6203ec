#pragma once

#include "domain/clock.h"
#include "domain/types.h"
#include "models/keybatch.h"
#include "models/keyranks.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QCollator>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

namespace aikeys {

// The keys of one project (or of a whole organization) for a QTableView. It holds what the list
// answers hold and nothing else: AiKey has no secret field, so no role can ever return one.
//
// The Project column exists only while showProjectColumn is true (the org-wide view): it is the last
// column, so hiding it shifts no other column. The project names come from setProjectNames(); a key
// whose project is not known shows the project id.
//
// setKeys() (or setPreparedKeys(), the same made ready in slices) is a reset; every other edit is a merge by
// key id that emits the smallest correct signals, so a view keeps its selection and scroll position across a
// refresh: rows that changed get dataChanged, vanished rows rowsRemoved, new rows are appended with one
// rowsInserted.
//
// Sorting and filtering 50,000 rows per keystroke is what KeyFilterProxyModel does with it, so the
// model keeps, per row, what those read on every comparison: dates as msecs, strings as collation
// ranks (built per column on first sort, then maintained), a case-folded search text (built on first
// search). See bench/bench_keymodel.cpp for the figures.
class KeyTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(bool showProjectColumn READ showProjectColumn WRITE setShowProjectColumn NOTIFY
                   showProjectColumnChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countsChanged)
    Q_PROPERTY(int neverUsedCount READ neverUsedCount NOTIFY countsChanged)

public:
    enum Column {
        Name,
        Status,
        LastUsed,
        Created,
        CreatedBy,
        MaskedSecret,
        KeyId,
        Endpoint,
        Project,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        KeyIdRole = Qt::UserRole, // QString
        ProjectIdRole,            // QString (the key's groupId)
        // qint64 on every column, compared with <: dates as msecs since the epoch (never used or
        // unknown = kNeverMs, below every real date), strings as their rank in QCollator order
        // (numeric mode). Ranks compare only with ranks read from the same model state.
        SortRole,
        LastUsedRole,  // QDateTime as received, or an invalid QVariant when never used
        NeverUsedRole, // bool
        KeyRole,       // the whole AiKey (it has no secret)
    };
    Q_ENUM(Role)

    using Clock = aikeys::Clock;

    static constexpr qint64 kNeverMs = std::numeric_limits<qint64>::min();

    explicit KeyTableModel(QObject *parent = nullptr);
    ~KeyTableModel() override;

    // No virtual rowCount()/columnCount() round trip: a proxy sorting 50,000 rows calls this about
    // 1.6 million times.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        if (parent.isValid() || row < 0 || column < 0 || size_t(row) >= m_rows.size() ||
            column >= (m_showProjectColumn ? ColumnCount : ColumnCount - 1))
            return {};
        return createIndex(row, column);
    }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A list of keys on its way into the model, made ready a slice at a time so that tens of thousands
    // of keys never hold up the event loop for long: see KeyBatch.
    using Batch = KeyBatch;

    // Replaces everything (modelReset). A key id that appears twice keeps its last description.
    void setKeys(QList<AiKey> keys);
    // keys as setKeys() takes them. A list still shared with the caller is copied key by key, in
    // the slices, rather than all at once. rankColumn, if a text column other than Project, gets its
    // sort ranks built too (those of the others are built when first sorted by, as after setKeys()).
    Batch prepareKeys(QList<AiKey> keys, int rankColumn = -1) const;
    // setKeys() with a prepared batch: work that is left is done first. The batch must come from this
    // model's prepareKeys().
    void setPreparedKeys(Batch batch);
    // Merges a fresh list by apiKeyId, in this order: dataChanged for each changed row, one
    // rowsInserted for the new keys (appended in the order given), rowsRemoved for each run of vanished
    // rows (bottom-up). Unchanged rows emit nothing.
    void refresh(const QList<AiKey> &keys);
    // Inserts the key (appended) or updates its row; for a server's answer to a create or a rename.
    void upsert(const AiKey &key);
    // Returns false when no row has this id.
    bool removeKey(const QString &apiKeyId);
    void clear();

    // row must be in [0, rowCount()).
    const AiKey &keyAt(int row) const;
    // -1 when no row has this id. O(1).
    int rowOfKey(const QString &apiKeyId) const;
    QList<AiKey> keys() const;

    int totalCount() const { return int(m_rows.size()); }
    int neverUsedCount() const { return m_neverUsedCount; }

    bool showProjectColumn() const { return m_showProjectColumn; }
    void setShowProjectColumn(bool show);
    // Project id -> name, for the Project column and the filter in the org view.
    void setProjectNames(const QHash<QString, QString> &namesById);
    // The name given by setProjectNames(), or the id itself when unknown.
    QString projectName(const QString &projectId) const;

    // The clock "Last used" is relative to; the default is QDateTime::currentDateTimeUtc. An empty
    // function restores the default.
    void setClock(Clock clock);
    QDateTime now() const;
    // "5 minutes ago" goes stale while the table is open: a view calls this from a timer (every
    // minute is enough) and gets one dataChanged for the Last used column.
    void refreshRelativeTimes();

    // The form searchText() holds: case-folded UTF-8. A query folded by it matches a row when it is
    // a byte substring of the row's searchText().
    static QByteArray foldForSearch(QStringView text);

    // Fast paths for KeyFilterProxyModel, which compares and filters tens of thousands of rows per
    // keystroke: no QVariant, no QModelIndex. Same values as SortRole; row and column must be valid.
    qint64 sortValue(int row, int column) const
    {
        switch (column) {
        case LastUsed:
            return m_lastUsedMs[size_t(row)];
        case Created:
            return m_createdMs[size_t(row)];
        default:
            return rankOf(row, column);
        }
    }
    // Case-folded UTF-8 (foldForSearch) of name, key id, creator and, while the Project column
    // is shown, the project name, separated by \x01 so a query never matches across two fields. Built
    // for every row on first use (a table nobody filters never pays for it), then kept up to date.
    const QByteArray &searchText(int row) const
    {
        if (!m_haystacksBuilt)
            buildHaystacks();
        return m_haystacks[size_t(row)];
    }

Q_SIGNALS:
    void countsChanged();
    void showProjectColumnChanged(bool show);
    // What searchText() returns changed for rows whose data did not (project names, column shown).
    void searchTextChanged();

private:
    // Fills itself with the model's row helpers, sort texts and collator.
    friend class KeyBatch;

    static void normalize(AiKey &key);
    QByteArray buildHaystack(const AiKey &key) const;
    void buildHaystacks() const;
    void invalidateHaystacks();
    static qint64 lastUsedMs(const AiKey &key);
    static qint64 createdMs(const AiKey &key);
    QString sortText(const AiKey &key, int column) const;
    // Whether a column's values repeat across many rows (statuses, creators...): see KeyRankBuilder.
    static bool repeatsValues(int column);
    qint64 rankOf(int row, int column) const
    {
        const KeyRanks &ranks = m_ranks[size_t(column)];
        if (!ranks.isBuilt())
            buildRanks(column);
        return ranks.rankOf(row);
    }
    void buildRanks(int column) const;
    void invalidateRanks(int column);
    const AiKey &at(int row) const { return *m_rows[size_t(row)]; }
    int size() const { return int(m_rows.size()); }
    void ensureIndex() const;
    void appendRows(QList<AiKey> keys);
    void removeRun(int first, int last);
    bool updateRow(int row, const AiKey &key);
    void emitCountsIfChanged(int oldTotal, int oldNever);

    // Keys by pointer: a row removed from the middle shifts 8 bytes per later row, not a whole AiKey.
    std::vector<std::unique_ptr<AiKey>> m_rows;
    // Per row, contiguous, so a sort's million comparisons stay in cache.
    std::vector<qint64> m_lastUsedMs; // kNeverMs when never used
    std::vector<qint64> m_createdMs;  // kNeverMs when unknown
    mutable std::vector<QByteArray> m_haystacks;
    mutable bool m_haystacksBuilt = false;
    mutable QHash<QString, int> m_rowById;
    mutable bool m_indexDirty = false;
    mutable std::array<KeyRanks, ColumnCount> m_ranks;
    mutable QCollator m_collator;
    QHash<QString, QString> m_projectNames;
    Clock m_clock;
    int m_neverUsedCount = 0;
    bool m_showProjectColumn = false;
};

} // namespace aikeys
