#include "audit/auditkeymodel.h"

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {} // namespace

QString AuditKeyModel::days(int n)
{
    // Two source strings: English runs without a translator, which would show "(s)" as is.
    return n == 1 ? tr("%n day", nullptr, n) : tr("%n days", nullptr, n);
}

AuditKeyModel::AuditKeyModel(QObject *parent)
    : KeyTableModel(parent)
{
    // A change to a key's other columns may change its class: repaint that too.
    connect(this, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                const int column = classColumn();
                if (bottomRight.column() >= column || topLeft.column() > column)
                    return;
                Q_EMIT dataChanged(index(topLeft.row(), column), index(bottomRight.row(), column), roles);
            });
}

void AuditKeyModel::setThresholds(AuditThresholds thresholds)
{
    m_classifier = KeyClassifier(thresholds);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, classColumn()), index(rowCount() - 1, classColumn()));
    Q_EMIT headerDataChanged(Qt::Horizontal, classColumn(), classColumn());
}

int AuditKeyModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return KeyTableModel::columnCount(parent) + 1;
}

QString AuditKeyModel::classDescription(KeyClass c) const
{
    const AuditThresholds t = m_classifier.thresholds();
    switch (c) {
    case KeyClass::NeverUsed:
        return tr("Never used, and created more than %1 ago.").arg(days(t.graceDays));
    case KeyClass::Stale:
        return tr("Last used more than %1 ago.").arg(days(t.staleDays));
    case KeyClass::RecentlyCreated:
        return tr("Not used yet, and created %1 ago or less.").arg(days(t.graceDays));
    case KeyClass::Active:
        return tr("Last used %1 ago or less.").arg(days(t.staleDays));
    }
    return {};
}

QVariant AuditKeyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() != classColumn())
        return KeyTableModel::data(index, role);
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return KeyClassifier::name(classAt(row));
    case Qt::ToolTipRole:
        return classDescription(classAt(row));
    case SortRole:
        // Rank first, then the last use (never used below every date), in one integer.
        return qint64(attentionRank(classAt(row))) * 4 +
               (sortValue(row, LastUsed) == kNeverMs ? 0 : 1); // coarse; classLessThan is exact
    case ClassRole:
        return int(classAt(row));
    case BucketRole:
        return int(bucketAt(row));
    default:
        // Per-key roles (ids, the key itself) are the same in every column.
        if (role >= Qt::UserRole)
            return KeyTableModel::data(this->index(row, 0), role);
        return {};
    }
}

QVariant AuditKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section != classColumn())
        return KeyTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
        return tr("Class");
    case Qt::ToolTipRole: {
        const AuditThresholds t = m_classifier.thresholds();
        return tr("Never used: created more than %1 ago and never used. Stale: last used more than %2 ago.")
            .arg(days(t.graceDays), days(t.staleDays));
    }
    default:
        return {};
    }
}

bool AuditKeyModel::classLessThan(int leftRow, int rightRow) const
{
    const int l = attentionRank(classAt(leftRow));
    const int r = attentionRank(classAt(rightRow));
    if (l != r)
        return l < r;
    return sortValue(leftRow, LastUsed) < sortValue(rightRow, LastUsed);
}

AuditFilterProxyModel::AuditFilterProxyModel(QObject *parent)
    : KeyFilterProxyModel(parent)
{}

void AuditFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_audit = qobject_cast<AuditKeyModel *>(model);
    KeyFilterProxyModel::setSourceModel(model);
}

bool AuditFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // KeyTableModel's fast sort knows only its own columns: the class column is compared here.
    if (m_audit && left.column() == m_audit->classColumn())
        return m_audit->classLessThan(left.row(), right.row());
    return KeyFilterProxyModel::lessThan(left, right);
}

} // namespace aikeys
