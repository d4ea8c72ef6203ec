#include "models/keytablemodel.h"

#include "domain/timeformat.h"
#include "logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLocale>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

// Placing one new value in a sorted column's ranks costs a binary search (about 16 collator
// comparisons) and a pass over every row's rank; rebuilding them costs a sort key per row and a sort,
// about as much as placing rows/16 values. Larger batches rebuild once, lazily.
bool placeIncrementally(qsizetype added, qsizetype rows)
{
    return added <= std::max<qsizetype>(64, rows / 16);
}

bool sameKey(const AiKey &a, const AiKey &b)
{
    return a.apiKeyId == b.apiKeyId && a.name == b.name && a.groupId == b.groupId && a.cloud == b.cloud &&
           a.geography == b.geography && a.endpoint == b.endpoint && a.createdAt == b.createdAt &&
           a.createdBy == b.createdBy && a.lastUsedAt == b.lastUsedAt &&
           a.lastUsedUnknown == b.lastUsedUnknown && a.maskedSecret == b.maskedSecret && a.status == b.status;
}

bool isStringColumn(int column)
{
    return column != KeyTableModel::LastUsed && column != KeyTableModel::Created;
}

QLocale collationLocale()
{
    // The C locale has no collation rules (QCollator falls back to code-point order and ignores
    // numeric mode): people running under LC_ALL=C still expect "key 2" before "key 10".
    const QLocale system;
    if (system.language() == QLocale::C)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return system;
}

// What QString::toCaseFolded().toUtf8() gives (simple case folding, one code point at a time) in
// one pass and no allocation of its own: the first search folds every key. Writes at most three
// bytes per UTF-16 unit.
void appendFolded(uchar *&d, QStringView text)
{
    for (qsizetype j = 0; j < text.size(); ++j) {
        char32_t u = text[j].unicode();
        if (u < 0x80) {
            *d++ = uchar(u >= U'A' && u <= U'Z' ? u + (U'a' - U'A') : u);
            continue;
        }
        if (QChar::isHighSurrogate(u) && j + 1 < text.size() && text[j + 1].isLowSurrogate())
            u = QChar::surrogateToUcs4(char16_t(u), text[++j].unicode());
        u = QChar::toCaseFolded(u);
        if (u < 0x800) {
            *d++ = uchar(0xc0 | (u >> 6));
        } else {
            if (u < 0x10000) {
                *d++ = uchar(0xe0 | (u >> 12));
            } else {
                *d++ = uchar(0xf0 | (u >> 18));
                *d++ = uchar(0x80 | ((u >> 12) & 0x3f));
            }
            *d++ = uchar(0x80 | ((u >> 6) & 0x3f));
        }
        *d++ = uchar(0x80 | (u & 0x3f));
    }
}

} // namespace

struct KeyTableModel::RankBuilder
{
    QList<QString> values;
    std::vector<qint32> slotOfRow;
#if !defined(Q_OS_WIN)
    std::vector<QCollatorSortKey> sortKeys;
#endif

    // The column's text for each of n rows.
    template <typename TextOf>
    void collect(int column, qsizetype n, TextOf textOf)
    {
        // A sort key costs about a microsecond. Statuses, creators, endpoints and projects repeat
        // across thousands of keys: one sort key per distinct value, found by hashing, which is much
        // cheaper. Names, ids and masked keys are nearly all distinct: hashing them would only add to
        // the cost.
        const bool repetitive =
            column == Status || column == CreatedBy || column == Endpoint || column == Project;
        slotOfRow.resize(static_cast<size_t>(n));
        if (repetitive) {
            QHash<QString, qint32> slotOf;
            for (qsizetype row = 0; row < n; ++row) {
                QString text = textOf(row);
                const qsizetype before = slotOf.size();
                qint32 &slot = slotOf[text];
                if (slotOf.size() != before) {
                    slot = qint32(values.size());
                    values.append(std::move(text));
                }
                slotOfRow[size_t(row)] = slot;
            }
        } else {
            values.reserve(n);
            for (qsizetype row = 0; row < n; ++row) {
                slotOfRow[size_t(row)] = qint32(row);
                values.append(textOf(row));
            }
        }
    }

    // Sort keys for the values that have none yet, until the deadline; true when all have one.
    bool makeSortKeys(const QCollator &collator, const QDeadlineTimer &deadline)
    {
#if defined(Q_OS_WIN)
        Q_UNUSED(collator);
        Q_UNUSED(deadline);
        return true;
#else
        sortKeys.reserve(size_t(values.size()));
        while (sortKeys.size() < size_t(values.size())) {
            const size_t end = std::min(size_t(values.size()), sortKeys.size() + 64);
            for (size_t i = sortKeys.size(); i < end; ++i)
                sortKeys.push_back(collator.sortKey(values[qsizetype(i)]));
            if (sortKeys.size() < size_t(values.size()) && deadline.hasExpired())
                return false;
        }
        return true;
#endif
    }

    void finish(RankColumn &rc, const QCollator &collator)
    {
        // Sort keys make a large sort several times faster, but rankForValue() places later values
        // with compare(), so the two must agree. On Windows they do not: Qt's sort keys there
        // (LCMapStringEx) can order case and even equal strings differently from CompareStringEx.
#if defined(Q_OS_WIN)
        const auto cmp = [this, &collator](qint32 a, qint32 b) {
            return collator.compare(values[a], values[b]);
        };
#else
        Q_UNUSED(collator);
        const auto cmp = [this](qint32 a, qint32 b) {
            return sortKeys[size_t(a)].compare(sortKeys[size_t(b)]);
        };
#endif
        std::vector<qint32> order(size_t(values.size()));
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&cmp](qint32 a, qint32 b) { return cmp(a, b) < 0; });

        // Values the collator calls equal share a rank, as they would compare equal.
        std::vector<qint32> rankOfSlot(size_t(values.size()));
        rc.distinct.clear();
        for (size_t i = 0; i < order.size(); ++i) {
            if (i == 0 || cmp(order[i], order[i - 1]) != 0)
                rc.distinct.append(values[order[i]]);
            rankOfSlot[size_t(order[i])] = qint32(rc.distinct.size() - 1);
        }
        rc.rank.resize(slotOfRow.size());
        for (size_t row = 0; row < slotOfRow.size(); ++row)
            rc.rank[row] = rankOfSlot[size_t(slotOfRow[row])];
        rc.built = true;
    }
};

struct KeyTableModel::Batch::Data
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
    RankBuilder builder;
    RankColumn rank;
    Phase phase = Phase::Rows;

    void addRow(AiKey &&key)
    {
        normalize(key);
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
};

KeyTableModel::Batch::Batch() = default;
KeyTableModel::Batch::~Batch() = default;
KeyTableModel::Batch::Batch(Batch &&other) noexcept = default;
KeyTableModel::Batch &KeyTableModel::Batch::operator=(Batch &&other) noexcept = default;

bool KeyTableModel::Batch::isReady() const
{
    return !d || d->phase == Data::Phase::Done;
}

bool KeyTableModel::Batch::work(int budgetMs)
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
        b.builder.collect(b.rankColumn, qsizetype(b.rows.size()), [&b](qsizetype row) {
            return b.model->sortText(*b.rows[size_t(row)], b.rankColumn);
        });
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
        b.builder = RankBuilder();
        b.phase = Phase::Done;
    }
    return true;
}

KeyTableModel::KeyTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_collator(collationLocale())
{
    m_collator.setNumericMode(true);
}

KeyTableModel::~KeyTableModel() = default;

int KeyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : size();
}

int KeyTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_showProjectColumn ? ColumnCount : ColumnCount - 1;
}

QVariant KeyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AiKey &key = at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return key.name;
        case Status:
            return key.status;
        case LastUsed:
            if (key.lastUsedUnknown)
                return tr("unknown");
            return timeformat::relative(key.lastUsedAt.value_or(QDateTime()), now());
        case Created:
            if (!key.createdAt.isValid())
                return QString();
            return QLocale().toString(key.createdAt.toLocalTime().date(), QLocale::ShortFormat);
        case CreatedBy:
            return key.createdBy;
        case MaskedSecret:
            return key.maskedSecret;
        case KeyId:
            return key.apiKeyId;
        case Endpoint:
            return key.endpoint;
        case Project:
            return projectName(key.groupId);
        }
        return {};
    case Qt::ToolTipRole:
        if (column == LastUsed) {
            if (key.lastUsedUnknown)
                return tr("Atlas sent a last-use time this app cannot read");
            if (!key.lastUsedAt)
                return tr("Never used");
            return QLocale().toString(key.lastUsedAt->toLocalTime(), QLocale::LongFormat);
        }
        if (column == Created && key.createdAt.isValid())
            return QLocale().toString(key.createdAt.toLocalTime(), QLocale::LongFormat);
        if (column == Project) {
            const QString name = projectName(key.groupId);
            return name == key.groupId ? key.groupId : tr("%1 (%2)").arg(name, key.groupId);
        }
        // The full text of columns a narrow window may cut short.
        if (column == Name)
            return key.name;
        if (column == KeyId)
            return key.apiKeyId;
        if (column == CreatedBy)
            return key.createdBy;
        if (column == Endpoint)
            return key.endpoint;
        return {};
    case KeyIdRole:
        return key.apiKeyId;
    case ProjectIdRole:
        return key.groupId;
    case SortRole:
        return sortValue(index.row(), column);
    case LastUsedRole:
        return key.lastUsedAt ? QVariant(*key.lastUsedAt) : QVariant();
    case NeverUsedRole:
        return key.neverUsed();
    case KeyRole:
        return QVariant::fromValue(key);
    }
    return {};
}

QVariant KeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const int sections = orientation == Qt::Horizontal ? columnCount() : rowCount();
    if (section < 0 || section >= sections)
        return {};
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case LastUsed:
        return tr("Last used");
    case Created:
        return tr("Created");
    case CreatedBy:
        return tr("Created by");
    case MaskedSecret:
        return tr("Masked key");
    case KeyId:
        return tr("Key ID");
    case Endpoint:
        return tr("Endpoint");
    case Project:
        return tr("Project");
    }
    return {};
}

QHash<int, QByteArray> KeyTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KeyIdRole, "keyId");
    names.insert(ProjectIdRole, "projectId");
    names.insert(SortRole, "sortValue");
    names.insert(LastUsedRole, "lastUsed");
    names.insert(NeverUsedRole, "neverUsed");
    names.insert(KeyRole, "key");
    return names;
}

void KeyTableModel::setKeys(QList<AiKey> keys)
{
    setPreparedKeys(prepareKeys(std::move(keys)));
}

KeyTableModel::Batch KeyTableModel::prepareKeys(QList<AiKey> keys, int rankColumn) const
{
    Batch batch;
    batch.d = std::make_unique<Batch::Data>();
    Batch::Data &b = *batch.d;
    b.model = this;
    // Moving the keys out of a list someone else still holds would detach it, a copy of every key at
    // once: they are copied one at a time instead.
    b.copy = !keys.isDetached();
    b.keys = std::move(keys);
    const auto n = size_t(b.keys.size());
    b.rows.reserve(n);
    b.lastUsedMs.reserve(n);
    b.createdMs.reserve(n);
    b.rowById.reserve(b.keys.size());
    if (rankColumn >= 0 && rankColumn < ColumnCount && rankColumn != Project && isStringColumn(rankColumn))
        b.rankColumn = rankColumn;
    return batch;
}

void KeyTableModel::setPreparedKeys(Batch batch)
{
    if (!batch.d)
        batch = prepareKeys({});
    Q_ASSERT(batch.d->model == this);
    Batch::Data &b = *batch.d;
    const int oldTotal = totalCount();
    const int oldNever = m_neverUsedCount;

    beginResetModel();
    // The old rows go first: what is left to do (all of it, from setKeys()) reuses their memory.
    m_rows.clear();
    m_rowById.clear();
    batch.work(-1);
    m_rows = std::move(b.rows);
    m_lastUsedMs = std::move(b.lastUsedMs);
    m_createdMs = std::move(b.createdMs);
    m_rowById = std::move(b.rowById);
    m_indexDirty = false;
    for (RankColumn &rc : m_ranks)
        rc = RankColumn();
    if (b.rankColumn >= 0)
        m_ranks[size_t(b.rankColumn)] = std::move(b.rank);
    invalidateHaystacks();
    m_neverUsedCount = b.neverUsed;
    endResetModel();

    if (b.repeats > 0)
        qCWarning(lcModels) << "key list repeats" << b.repeats << "key id(s); the last description wins";
    qCDebug(lcModels) << "keys set:" << m_rows.size() << "rows," << m_neverUsedCount << "never used";
    emitCountsIfChanged(oldTotal, oldNever);
}

void KeyTableModel::refresh(const QList<AiKey> &keys)
{
    const int oldTotal = totalCount();
    const int oldNever = m_neverUsedCount;
    const int oldRows = size();

    // Changed rows first, while every row still has the number the id index knows; new keys next,
    // appended, which moves no row; vanished rows last. The incoming list is never indexed itself:
    // one lookup per key in the model's own index, and a flag per existing row.
    std::vector<bool> seen(size_t(oldRows), false);
    QList<AiKey> added;
    QHash<QString, qsizetype> addedAt; // a new id listed twice is one key: its last description wins
    int changed = 0;
    for (const AiKey &key : keys) {
        const int row = rowOfKey(key.apiKeyId);
        if (row >= 0) {
            seen[size_t(row)] = true;
            if (updateRow(row, key))
                ++changed;
            continue;
        }
        const auto it = addedAt.constFind(key.apiKeyId);
        if (it != addedAt.constEnd()) {
            added[*it] = key;
        } else {
            addedAt.insert(key.apiKeyId, added.size());
            added.append(key);
        }
    }
    const qsizetype addedCount = added.size();
    appendRows(std::move(added));

    // Bottom-up, so the rows of a run still to be removed keep their numbers.
    int removed = 0;
    for (int row = oldRows - 1; row >= 0; --row) {
        if (seen[size_t(row)])
            continue;
        const int last = row;
        while (row > 0 && !seen[size_t(row - 1)])
            --row;
        removeRun(row, last);
        removed += last - row + 1;
    }

    qCDebug(lcModels) << "refresh:" << changed << "changed," << removed << "removed," << addedCount
                      << "added";
    emitCountsIfChanged(oldTotal, oldNever);
}

void KeyTableModel::upsert(const AiKey &key)
{
    const int oldTotal = totalCount();
    const int oldNever = m_neverUsedCount;
    const int row = rowOfKey(key.apiKeyId);
    if (row < 0)
        appendRows({key});
    else
        updateRow(row, key);
    emitCountsIfChanged(oldTotal, oldNever);
}

bool KeyTableModel::removeKey(const QString &apiKeyId)
{
    const int row = rowOfKey(apiKeyId);
    if (row < 0)
        return false;
    const int oldTotal = totalCount();
    const int oldNever = m_neverUsedCount;
    removeRun(row, row);
    emitCountsIfChanged(oldTotal, oldNever);
    return true;
}

void KeyTableModel::clear()
{
    setKeys({});
}

const AiKey &KeyTableModel::keyAt(int row) const
{
    Q_ASSERT(row >= 0 && row < size());
    return at(row);
}

int KeyTableModel::rowOfKey(const QString &apiKeyId) const
{
    ensureIndex();
    return m_rowById.value(apiKeyId, -1);
}

QList<AiKey> KeyTableModel::keys() const
{
    QList<AiKey> out;
    out.reserve(size());
    for (const auto &key : m_rows)
        out.append(*key);
    return out;
}

void KeyTableModel::setShowProjectColumn(bool show)
{
    if (show == m_showProjectColumn)
        return;
    if (show) {
        beginInsertColumns({}, Project, Project);
        m_showProjectColumn = true;
        endInsertColumns();
    } else {
        beginRemoveColumns({}, Project, Project);
        m_showProjectColumn = false;
        endRemoveColumns();
    }
    invalidateHaystacks();
    Q_EMIT searchTextChanged();
    Q_EMIT showProjectColumnChanged(show);
}

void KeyTableModel::setProjectNames(const QHash<QString, QString> &namesById)
{
    if (namesById == m_projectNames)
        return;
    m_projectNames = namesById;
    invalidateRanks(Project);
    if (!m_showProjectColumn)
        return;
    invalidateHaystacks();
    Q_EMIT searchTextChanged();
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, Project), index(size() - 1, Project), {Qt::DisplayRole, SortRole});
}

QString KeyTableModel::projectName(const QString &projectId) const
{
    return m_projectNames.value(projectId, projectId);
}

void KeyTableModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

QDateTime KeyTableModel::now() const
{
    return nowFrom(m_clock);
}

void KeyTableModel::refreshRelativeTimes()
{
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, LastUsed), index(size() - 1, LastUsed), {Qt::DisplayRole});
}

// Sharing the character data of values that repeat (project ids, creators, statuses) would save
// about a quarter of the memory, but un-sharing what the parser allocated costs a comparison and a
// free per field: it tripled the time of a 50,000-key load for 10 MB (bench/bench_keymodel.cpp), so
// keys are kept as parsed.
void KeyTableModel::normalize(AiKey &key)
{
    // An optional holding an invalid time says nothing about a use: treat it as none, everywhere.
    if (key.lastUsedAt && !key.lastUsedAt->isValid())
        key.lastUsedAt.reset();
}

qint64 KeyTableModel::lastUsedMs(const AiKey &key)
{
    return key.lastUsedAt ? key.lastUsedAt->toMSecsSinceEpoch() : kNeverMs;
}

qint64 KeyTableModel::createdMs(const AiKey &key)
{
    return key.createdAt.isValid() ? key.createdAt.toMSecsSinceEpoch() : kNeverMs;
}

QByteArray KeyTableModel::foldForSearch(QStringView text)
{
    QByteArray out(text.size() * 3, Qt::Uninitialized);
    uchar *d = reinterpret_cast<uchar *>(out.data());
    appendFolded(d, text);
    out.truncate(reinterpret_cast<char *>(d) - out.constData());
    return out;
}

QByteArray KeyTableModel::buildHaystack(const AiKey &key) const
{
    const QString project = m_showProjectColumn ? projectName(key.groupId) : QString();
    const QStringView parts[] = {key.name, key.apiKeyId, key.createdBy, project};
    const qsizetype partCount = m_showProjectColumn ? 4 : 3;

    qsizetype units = partCount - 1;
    for (qsizetype i = 0; i < partCount; ++i)
        units += parts[i].size();
    QByteArray out(units * 3, Qt::Uninitialized);
    uchar *d = reinterpret_cast<uchar *>(out.data());
    for (qsizetype i = 0; i < partCount; ++i) {
        if (i > 0)
            *d++ = 0x01;
        appendFolded(d, parts[i]);
    }
    out.truncate(reinterpret_cast<char *>(d) - out.constData());
    out.squeeze();
    return out;
}

void KeyTableModel::buildHaystacks() const
{
    m_haystacks.resize(m_rows.size());
    for (size_t row = 0; row < m_rows.size(); ++row)
        m_haystacks[row] = buildHaystack(*m_rows[row]);
    m_haystacksBuilt = true;
}

void KeyTableModel::invalidateHaystacks()
{
    m_haystacks.clear();
    m_haystacksBuilt = false;
}

QString KeyTableModel::sortText(const AiKey &key, int column) const
{
    switch (column) {
    case Name:
        return key.name;
    case Status:
        return key.status;
    case CreatedBy:
        return key.createdBy;
    case MaskedSecret:
        return key.maskedSecret;
    case KeyId:
        return key.apiKeyId;
    case Endpoint:
        return key.endpoint;
    case Project:
        return projectName(key.groupId);
    }
    return {};
}

void KeyTableModel::buildRanks(int column) const
{
    Q_ASSERT(isStringColumn(column));
    RankBuilder builder;
    builder.collect(column, size(), [this, column](qsizetype row) { return sortText(at(int(row)), column); });
    builder.makeSortKeys(m_collator, QDeadlineTimer(QDeadlineTimer::Forever));
    builder.finish(m_ranks[size_t(column)], m_collator);
}

void KeyTableModel::invalidateRanks(int column)
{
    m_ranks[size_t(column)] = RankColumn();
}

qint32 KeyTableModel::rankForValue(RankColumn &rc, const QString &value) const
{
    const auto less = [this](const QString &a, const QString &b) { return m_collator.compare(a, b) < 0; };
    const auto it = std::lower_bound(rc.distinct.cbegin(), rc.distinct.cend(), value, less);
    const qint32 pos = qint32(it - rc.distinct.cbegin());
    if (it != rc.distinct.cend() && m_collator.compare(*it, value) == 0)
        return pos;
    rc.distinct.insert(pos, value);
    for (qint32 &r : rc.rank) {
        if (r >= pos)
            ++r;
    }
    return pos;
}

void KeyTableModel::ensureIndex() const
{
    if (!m_indexDirty)
        return;
    m_rowById.clear();
    m_rowById.reserve(size());
    for (int row = 0; row < size(); ++row)
        m_rowById.insert(at(row).apiKeyId, row);
    m_indexDirty = false;
}

void KeyTableModel::appendRows(QList<AiKey> keys)
{
    if (keys.isEmpty())
        return;
    ensureIndex();
    const int first = size();
    const int last = first + int(keys.size()) - 1;
    beginInsertRows({}, first, last);
    m_rows.reserve(m_rows.size() + size_t(keys.size()));
    for (AiKey &key : keys) {
        normalize(key);
        m_rowById.insert(key.apiKeyId, size());
        m_lastUsedMs.push_back(lastUsedMs(key));
        m_createdMs.push_back(createdMs(key));
        if (m_haystacksBuilt)
            m_haystacks.push_back(buildHaystack(key));
        if (key.neverUsed())
            ++m_neverUsedCount;
        m_rows.push_back(std::make_unique<AiKey>(std::move(key)));
    }
    for (int column = 0; column < ColumnCount; ++column) {
        RankColumn &rc = m_ranks[size_t(column)];
        if (!rc.built)
            continue;
        if (!placeIncrementally(keys.size(), size())) {
            invalidateRanks(column);
            continue;
        }
        rc.rank.resize(m_rows.size(), -1);
        for (int row = first; row <= last; ++row)
            rc.rank[size_t(row)] = rankForValue(rc, sortText(at(row), column));
    }
    endInsertRows();
}

void KeyTableModel::removeRun(int first, int last)
{
    beginRemoveRows({}, first, last);
    const bool atEnd = last == size() - 1;
    for (int row = first; row <= last; ++row) {
        if (at(row).neverUsed())
            --m_neverUsedCount;
        if (atEnd && !m_indexDirty)
            m_rowById.remove(at(row).apiKeyId);
    }
    const auto eraseRun = [first, last](auto &v) { v.erase(v.begin() + first, v.begin() + last + 1); };
    eraseRun(m_rows);
    eraseRun(m_lastUsedMs);
    eraseRun(m_createdMs);
    if (m_haystacksBuilt)
        eraseRun(m_haystacks);
    for (RankColumn &rc : m_ranks) {
        if (rc.built)
            eraseRun(rc.rank);
    }
    // Renumbering every later row per run would make a refresh quadratic: rebuild once, on next use.
    if (!atEnd)
        m_indexDirty = true;
    endRemoveRows();
}

bool KeyTableModel::updateRow(int row, const AiKey &key)
{
    AiKey &current = *m_rows[size_t(row)];
    if (sameKey(current, key))
        return false;
    AiKey updated = key;
    normalize(updated);
    if (current.neverUsed())
        --m_neverUsedCount;
    if (updated.neverUsed())
        ++m_neverUsedCount;
    for (int column = 0; column < ColumnCount; ++column) {
        RankColumn &rc = m_ranks[size_t(column)];
        if (!rc.built)
            continue;
        const QString text = sortText(updated, column);
        if (text != sortText(current, column))
            rc.rank[size_t(row)] = rankForValue(rc, text);
    }
    m_lastUsedMs[size_t(row)] = lastUsedMs(updated);
    m_createdMs[size_t(row)] = createdMs(updated);
    if (m_haystacksBuilt)
        m_haystacks[size_t(row)] = buildHaystack(updated);
    current = std::move(updated);
    // Every column's KeyRole changed, so the whole row is the smallest correct range.
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    return true;
}

void KeyTableModel::emitCountsIfChanged(int oldTotal, int oldNever)
{
    if (oldTotal != totalCount() || oldNever != m_neverUsedCount)
        Q_EMIT countsChanged();
}

} // namespace aikeys
