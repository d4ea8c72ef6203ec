#include "models/keytablemodel.h"

#include "domain/timeformat.h"
#include "logging.h"
#include "models/keyrankbuilder.h"
#include "models/searchfold.h"

#include <QCoreApplication>
#include <QLocale>

#include <span>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

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

} // namespace

KeyTableModel::KeyTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_collator(KeyRanks::makeCollator())
{}

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
        case LastUsed:
            if (key.lastUsedUnknown)
                return tr("unknown");
            return timeformat::relative(key.lastUsedAt.value_or(QDateTime()), now());
        case Created:
            if (!key.createdAt.isValid())
                return QString();
            return QLocale().toString(key.createdAt.toLocalTime().date(), QLocale::ShortFormat);
        default:
            // The other columns show a field as it is, and sort by the same text.
            return sortText(key, column);
        }
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
    // In Column order.
    static const char *const titles[ColumnCount] = {
        QT_TR_NOOP("Name"),    QT_TR_NOOP("Status"),     QT_TR_NOOP("Last used"),
        QT_TR_NOOP("Created"), QT_TR_NOOP("Created by"), QT_TR_NOOP("Masked key"),
        QT_TR_NOOP("Key ID"),  QT_TR_NOOP("Endpoint"),   QT_TR_NOOP("Project")};
    return tr(titles[section]);
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
    const bool ranked =
        rankColumn >= 0 && rankColumn < ColumnCount && rankColumn != Project && isStringColumn(rankColumn);
    return KeyBatch(this, std::move(keys), ranked ? rankColumn : -1);
}

void KeyTableModel::setPreparedKeys(Batch batch)
{
    if (!batch.d)
        batch = prepareKeys({});
    Q_ASSERT(batch.d->model == this);
    KeyBatch::Data &b = *batch.d;
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
    for (KeyRanks &ranks : m_ranks)
        ranks = KeyRanks();
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
    return searchfold::fold(text);
}

QByteArray KeyTableModel::buildHaystack(const AiKey &key) const
{
    const QString project = m_showProjectColumn ? projectName(key.groupId) : QString();
    const QStringView parts[] = {key.name, key.apiKeyId, key.createdBy, project};
    return searchfold::foldJoined(std::span<const QStringView>(parts, m_showProjectColumn ? 4 : 3));
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

bool KeyTableModel::repeatsValues(int column)
{
    return column == Status || column == CreatedBy || column == Endpoint || column == Project;
}

void KeyTableModel::buildRanks(int column) const
{
    Q_ASSERT(isStringColumn(column));
    KeyRankBuilder::build(
        m_ranks[size_t(column)], size(), repeatsValues(column),
        [this, column](qsizetype row) { return sortText(at(int(row)), column); }, m_collator);
}

void KeyTableModel::invalidateRanks(int column)
{
    m_ranks[size_t(column)] = KeyRanks();
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
        KeyRanks &ranks = m_ranks[size_t(column)];
        if (ranks.isBuilt())
            ranks.appendRows(
                first, last, [this, column](int row) { return sortText(at(row), column); }, m_collator);
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
    for (KeyRanks &ranks : m_ranks) {
        if (ranks.isBuilt())
            ranks.eraseRows(first, last);
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
        KeyRanks &ranks = m_ranks[size_t(column)];
        if (!ranks.isBuilt())
            continue;
        const QString text = sortText(updated, column);
        if (text != sortText(current, column))
            ranks.setRank(row, text, m_collator);
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
