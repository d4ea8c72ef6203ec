#include "keys/renamekeydialog.h"

#include "ui_renamekeydialog.h"

#include "common/windowicons.h"
#include "domain/keynamerules.h"
#include "keys/createkeydialog.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace aikeys {

RenameKeyDialog::RenameKeyDialog(const AiKey &key, const QStringList &namesInProject, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RenameKeyDialog>())
    , m_key(key)
    , m_names(namesInProject)
{
    m_ui->setupUi(this);
    setObjectName(u"renameKeyDialog"_s);
    setWindowTitle(tr("Rename Key"));
    QPushButton *rename = renameButton();
    rename->setObjectName(u"renameButton"_s);
    rename->setText(tr("&Rename"));
    rename->setAccessibleName(tr("Rename"));
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setAccessibleName(tr("Cancel"));
    WindowIcons::dropStandardButtonIcons(m_ui->buttonBox);
    m_ui->nameCounter->setAccessibleName(tr("Characters used"));
    m_ui->nameMessageIcon->hide();
    // Wide enough for the explanation to read in two lines and for a typical name; longer names scroll.
    // Set on a child rather than on the dialog, so the dialog's size hint (and the height it gets for
    // that width when first shown) already accounts for it.
    m_ui->introLabel->setMinimumWidth(fontMetrics().averageCharWidth() * 70);
    m_ui->currentNameValue->setText(key.name);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (m_valid)
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &RenameKeyDialog::validate);

    m_ui->nameEdit->setText(key.name);
    m_ui->nameEdit->selectAll();
    m_ui->nameEdit->setFocus();
    validate();
}

RenameKeyDialog::~RenameKeyDialog() = default;

QPushButton *RenameKeyDialog::renameButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Ok);
}

QString RenameKeyDialog::newName() const
{
    return m_ui->nameEdit->text();
}

void RenameKeyDialog::setNewName(const QString &name)
{
    m_ui->nameEdit->setText(name);
}

void RenameKeyDialog::validate()
{
    const QString name = m_ui->nameEdit->text();
    KeyNameRules rules;
    rules.setExistingNames(m_names);
    rules.setCurrentName(m_key.name);
    const KeyNameRules::Verdict verdict = rules.check(name);
    m_problem = verdict.message;
    // Unchanged is where the dialog starts: not worth a complaint, only a disabled button.
    const bool quiet = verdict.problem == KeyNameRules::Problem::Unchanged;
    detail::showKeyNameStatus(m_ui->nameMessageIcon, m_ui->nameMessage, m_ui->nameCounter, name,
                              quiet ? QString() : verdict.message,
                              verdict.problem == KeyNameRules::Problem::TooLong);
    const bool valid = verdict.ok();
    renameButton()->setEnabled(valid);
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

} // namespace aikeys
