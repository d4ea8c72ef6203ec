#pragma once

#include "audit/keyclassifier.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"

namespace aikeys {

// The audit's table: a KeyTableModel (its columns, relative times and fast sorting) with one more
// column, the key's class, always last. Classes are computed on demand from the model's clock (an
// audit pins it to the time the audit was made) and the thresholds.
class AuditKeyModel : public KeyTableModel
{
    Q_OBJECT

public:
    enum AuditRole {
        ClassRole = KeyRole + 16, // int(KeyClass)
        BucketRole,               // int(LastUseBucket)
    };

    explicit AuditKeyModel(QObject *parent = nullptr);

    void setThresholds(AuditThresholds thresholds);
    AuditThresholds thresholds() const { return m_classifier.thresholds(); }

    // The Class column: after every KeyTableModel column (it moves when the Project column comes
    // and goes).
    int classColumn() const { return KeyTableModel::columnCount({}); }

    // KeyTableModel::index() knows only its own columns: the class column's indexes are made here.
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        if (column == classColumn() && !parent.isValid() && row >= 0 && row < rowCount())
            return createIndex(row, column);
        return KeyTableModel::index(row, column, parent);
    }
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    KeyClass classAt(int row) const { return m_classifier.classify(keyAt(row), now()); }
    LastUseBucket bucketAt(int row) const { return KeyClassifier::bucket(keyAt(row), now()); }
    // Sorts by class (never used, stale, recently created, active), then by last use.
    bool classLessThan(int leftRow, int rightRow) const;

    // What a class means under the current thresholds, for tooltips.
    QString classDescription(KeyClass c) const;
    // "1 day", "7 days".
    static QString days(int n);

private:
    KeyClassifier m_classifier;
};

// KeyFilterProxyModel over an AuditKeyModel: sorts the Class column by class, everything else as
// KeyFilterProxyModel does.
class AuditFilterProxyModel : public KeyFilterProxyModel
{
    Q_OBJECT

public:
    explicit AuditFilterProxyModel(QObject *parent = nullptr);
    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    AuditKeyModel *m_audit = nullptr;
};

} // namespace aikeys
