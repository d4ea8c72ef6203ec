#include "audit/bulkretiredialog.h"

#include "ui_bulkretiredialog.h"

#include "domain/timeformat.h"
#include "models/keytablemodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace aikeys {

BulkRetireDialog::BulkRetireDialog(const QList<AiKey> &keys, const QHash<QString, QString> &projectNames,
                                   AuditThresholds thresholds, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::BulkRetireDialog>())
    , m_keys(keys)
{
    m_ui->setupUi(this);
    setObjectName(u"bulkRetireDialog"_s);
    const int n = int(keys.size());
    setWindowTitle(tr("Retire Keys"));

    m_retire = m_ui->buttonBox->addButton(n == 1 ? tr("&Retire %n Key", nullptr, n)
                                                 : tr("&Retire %n Keys", nullptr, n),
                                          QDialogButtonBox::DestructiveRole);
    m_retire->setObjectName(u"retireButton"_s);
    m_retire->setAccessibleName(tr("Retire the keys"));
    m_retire->setIcon(QIcon::fromTheme(u"edit-delete"_s, style()->standardIcon(QStyle::SP_TrashIcon)));
    m_retire->setAutoDefault(false);
    m_retire->setDefault(false);
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setDefault(true);
    connect(m_retire, &QPushButton::clicked, this, [this] {
        if (canRetire())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_ui->warningIcon->setPixmap(
        QIcon::fromTheme(u"dialog-warning"_s, style()->standardIcon(QStyle::SP_MessageBoxWarning))
            .pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_ui->warningIcon->setAccessibleName(tr("Warning"));
    QFont headline = m_ui->headlineLabel->font();
    headline.setBold(true);
    headline.setPointSizeF(headline.pointSizeF() * 1.15);
    m_ui->headlineLabel->setFont(headline);
    m_ui->headlineLabel->setText(n == 1 ? tr("Delete %n key?", nullptr, n)
                                        : tr("Delete %n keys?", nullptr, n));
    m_ui->permanenceLabel->setMinimumWidth(fontMetrics().averageCharWidth() * 64);

    const KeyClassifier classifier(thresholds);
    m_ui->keyList->setHeaderLabels({tr("Name"), tr("Project"), tr("Class"), tr("Last used")});
    QList<QTreeWidgetItem *> items;
    items.reserve(keys.size());
    for (const AiKey &k : keys) {
        const KeyClass c = classifier.classify(k, now);
        if (c == KeyClass::Active || c == KeyClass::RecentlyCreated)
            ++m_inUse;
        const QString project = projectNames.value(k.groupId, k.groupId);
        const QString lastUsed = timeformat::relative(k.lastUsedAt.value_or(QDateTime()), now);
        auto *item = new QTreeWidgetItem({k.name, project, KeyClassifier::name(c), lastUsed});
        item->setToolTip(0, k.apiKeyId);
        items.append(item);
    }
    m_ui->keyList->addTopLevelItems(items);
    for (int c = 0; c < 4; ++c)
        m_ui->keyList->resizeColumnToContents(c);
    // Wide enough for the columns as filled (up to a point: long names scroll), so nothing is cut.
    int wanted = 0;
    for (int c = 0; c < 4; ++c)
        wanted += m_ui->keyList->columnWidth(c);
    m_ui->keyList->setMinimumWidth(std::min(wanted + 40, fontMetrics().averageCharWidth() * 120));
    m_ui->keyList->setMinimumHeight(fontMetrics().height() * 10);

    m_ui->inUseLabel->setVisible(m_inUse > 0);
    if (m_inUse > 0) {
        m_ui->inUseLabel->setText(
            m_inUse == 1
                ? tr("%n of these keys is in use (active or recently created). Check that nothing needs it.",
                     nullptr, m_inUse)
                : tr("%n of these keys are in use (active or recently created). Check that nothing needs "
                     "them.",
                     nullptr, m_inUse));
    }
    m_ui->confirmLabel->setText(tr("To confirm, type the number of keys to retire (%1):").arg(n));
    m_ui->confirmEdit->setObjectName(u"confirmEdit"_s);
    m_ui->confirmEdit->installEventFilter(this);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, [this] { m_retire->setEnabled(canRetire()); });
    m_retire->setEnabled(false);
    m_ui->confirmEdit->setFocus();
}

BulkRetireDialog::~BulkRetireDialog() = default;

bool BulkRetireDialog::canRetire() const
{
    return !m_keys.isEmpty() && m_ui->confirmEdit->text().trimmed() == expectedConfirmation();
}

bool BulkRetireDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Enter in the confirmation field does nothing rather than cancelling what the user just typed.
    if (watched == m_ui->confirmEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter)
            return true;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace aikeys
