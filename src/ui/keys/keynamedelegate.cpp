#include "keys/keynamedelegate.h"

#include "domain/keynamerules.h"
#include "domain/types.h"
#include "models/keytablemodel.h"

#include <QLineEdit>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace aikeys {

KeyNameDelegate::KeyNameDelegate(NamesFor namesFor, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_namesFor(std::move(namesFor))
{}

QWidget *KeyNameDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    editor->setObjectName(u"keyNameEditor"_s);
    editor->setAccessibleName(tr("New key name"));
    return editor;
}

void KeyNameDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *edit = qobject_cast<QLineEdit *>(editor);
    if (!edit)
        return;
    const AiKey key = index.data(KeyTableModel::KeyRole).value<AiKey>();
    KeyNameRules rules;
    rules.setExistingNames(m_namesFor(key.groupId));
    rules.setCurrentName(key.name);
    const QString name = edit->text();
    const KeyNameRules::Verdict verdict = rules.check(name);
    if (verdict.problem == KeyNameRules::Problem::Unchanged)
        return;
    if (!verdict.ok()) {
        QWidget *view = edit->parentWidget();
        QToolTip::showText(view ? view->mapToGlobal(edit->geometry().bottomLeft()) : QPoint(),
                           tr("Not renamed: %1").arg(verdict.message), view);
        return;
    }
    model->setData(index, name, Qt::EditRole);
}

} // namespace aikeys
