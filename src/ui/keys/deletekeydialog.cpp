#include "keys/deletekeydialog.h"

#include "ui_deletekeydialog.h"

#include "common/windowicons.h"
#include "domain/timeformat.h"
#include "models/keytablemodel.h"

#include <QKeyEvent>
#include <QLocale>
#include <QPushButton>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace aikeys {

DeleteKeyDialog::DeleteKeyDialog(const AiKey &key, const QString &projectName, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DeleteKeyDialog>())
    , m_key(key)
    , m_now(QDateTime::currentDateTimeUtc())
{
    m_ui->setupUi(this);
    setObjectName(u"deleteKeyDialog"_s);
    setWindowTitle(tr("Delete Key"));
    // On a child, so the dialog's first size (height for this width) already accounts for it.
    m_ui->permanenceLabel->setMinimumWidth(fontMetrics().averageCharWidth() * 62);

    // DestructiveRole: placed where each platform puts destructive actions, and never the default.
    m_delete = m_ui->buttonBox->addButton(tr("&Delete Key"), QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(u"deleteButton"_s);
    m_delete->setAccessibleName(tr("Delete key"));
    m_delete->setIcon(WindowIcons::get(WindowIcons::Icon::Delete));
    m_delete->setAutoDefault(false);
    m_delete->setDefault(false);
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setDefault(true);
    WindowIcons::dropStandardButtonIcons(m_ui->buttonBox);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (canDelete())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter must never delete. Elsewhere it reaches the default button, Cancel; in the confirmation
    // field, cancelling right after the user typed the name would be a surprise, so there it does
    // nothing (see eventFilter).
    m_ui->confirmEdit->installEventFilter(this);
    connect(m_ui->confirmEdit, &QLineEdit::textChanged, this, &DeleteKeyDialog::updateDeleteButton);

    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_ui->warningIcon->setPixmap(
        QIcon::fromTheme(u"dialog-warning"_s, style()->standardIcon(QStyle::SP_MessageBoxWarning))
            .pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_ui->warningIcon->setAccessibleName(tr("Warning"));
    QFont headline = m_ui->headlineLabel->font();
    headline.setBold(true);
    headline.setPointSizeF(headline.pointSizeF() * 1.15);
    m_ui->headlineLabel->setFont(headline);
    m_ui->headlineLabel->setText(tr("Delete the key \u201c%1\u201d?").arg(key.name));

    m_ui->nameValue->setText(key.name);
    m_ui->keyIdValue->setText(key.apiKeyId);
    m_ui->projectValue->setText(projectName.isEmpty() || projectName == key.groupId
                                    ? key.groupId
                                    : tr("%1 (%2)").arg(projectName, key.groupId));
    refresh();
}

DeleteKeyDialog::~DeleteKeyDialog() = default;

void DeleteKeyDialog::setNow(const QDateTime &now)
{
    m_now = now;
    refresh();
}

bool DeleteKeyDialog::requiresTypedName() const
{
    if (!m_key.lastUsedAt || !m_key.lastUsedAt->isValid())
        return false;
    // A last use in the future (clock skew) counts as recent: better one confirmation too many.
    return m_key.lastUsedAt->secsTo(m_now) < qint64(kRecentUseDays) * 24 * 3600;
}

bool DeleteKeyDialog::canDelete() const
{
    return !requiresTypedName() || m_ui->confirmEdit->text() == m_key.name;
}

void DeleteKeyDialog::refresh()
{
    m_ui->createdValue->setText(m_key.createdAt.isValid()
                                    ? tr("%1 (%2)").arg(timeformat::relative(m_key.createdAt, m_now),
                                                        timeformat::exact(m_key.createdAt))
                                    : tr("unknown"));
    if (m_key.lastUsedAt && m_key.lastUsedAt->isValid())
        m_ui->lastUsedValue->setText(tr("%1 (%2)").arg(timeformat::relative(*m_key.lastUsedAt, m_now),
                                                       timeformat::exact(*m_key.lastUsedAt)));
    else
        m_ui->lastUsedValue->setText(tr("never"));

    const bool typed = requiresTypedName();
    m_ui->confirmPanel->setVisible(typed);
    if (typed)
        m_ui->confirmLabel->setText(
            tr("This key was used %1, so it is probably still in service. To delete it "
               "anyway, type its name, \u201c%2\u201d:")
                .arg(timeformat::relative(*m_key.lastUsedAt, m_now), m_key.name));
    updateDeleteButton();
    (typed ? static_cast<QWidget *>(m_ui->confirmEdit)
           : static_cast<QWidget *>(m_ui->buttonBox->button(QDialogButtonBox::Cancel)))
        ->setFocus();
}

bool DeleteKeyDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->confirmEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter)
            return true;
    }
    return QDialog::eventFilter(watched, event);
}

void DeleteKeyDialog::updateDeleteButton()
{
    m_delete->setEnabled(canDelete());
}

} // namespace aikeys
