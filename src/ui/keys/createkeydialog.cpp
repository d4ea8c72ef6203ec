#include "keys/createkeydialog.h"

#include "ui_createkeydialog.h"

#include "common/windowicons.h"

#include <QPushButton>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace detail {

void showKeyNameStatus(QLabel *icon, QLabel *message, QLabel *counter, const QString &name,
                       const QString &problem, bool tooLong)
{
    counter->setText(KeyNameRules::counterText(name));
    // Over the limit the counter is what to look at: bold, so it shows without a colour of its own.
    QFont font = counter->font();
    font.setBold(tooLong);
    counter->setFont(font);

    const bool show = !problem.isEmpty();
    message->setText(problem);
    message->setAccessibleName(problem);
    if (show) {
        const int size = icon->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, icon);
        const QIcon warning =
            QIcon::fromTheme(u"dialog-warning"_s, icon->style()->standardIcon(QStyle::SP_MessageBoxWarning));
        icon->setPixmap(warning.pixmap(QSize(size, size), icon->devicePixelRatioF()));
    }
    icon->setVisible(show);
    growToFit(message->window());
}

void growToFit(QWidget *dialog)
{
    if (!dialog || !dialog->isVisible() || !dialog->layout())
        return;
    dialog->layout()->activate();
    const int needed = dialog->layout()->totalHeightForWidth(dialog->width());
    if (needed > dialog->height())
        dialog->resize(dialog->width(), needed);
}

} // namespace detail

CreateKeyDialog::CreateKeyDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CreateKeyDialog>())
{
    m_ui->setupUi(this);
    setObjectName(u"createKeyDialog"_s);
    QPushButton *create = createButton();
    create->setObjectName(u"createButton"_s);
    create->setText(tr("Create &Key"));
    create->setAccessibleName(tr("Create key"));
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setAccessibleName(tr("Cancel"));
    WindowIcons::dropStandardButtonIcons(m_ui->buttonBox);
    m_ui->nameMessage->setObjectName(u"nameMessage"_s);
    m_ui->nameCounter->setAccessibleName(tr("Characters used"));
    m_ui->nameMessageIcon->hide();
    // Wide enough for the explanation to read in two lines and for a typical name; longer names scroll.
    // Set on a child rather than on the dialog, so the dialog's size hint (and the height it gets for
    // that width when first shown) already accounts for it.
    m_ui->introLabel->setMinimumWidth(fontMetrics().averageCharWidth() * 70);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        // Enter in the name field reaches here even while the button is disabled.
        if (m_valid)
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &CreateKeyDialog::validate);
    connect(m_ui->projectCombo, &QComboBox::currentIndexChanged, this, &CreateKeyDialog::validate);
    connect(m_ui->cloudCombo, &QComboBox::currentIndexChanged, this, [this] {
        fillGeographies();
        validate();
    });
    connect(m_ui->geographyCombo, &QComboBox::currentIndexChanged, this, &CreateKeyDialog::validate);

    m_ui->nameEdit->setFocus();
    validate();
}

CreateKeyDialog::~CreateKeyDialog() = default;

QPushButton *CreateKeyDialog::createButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Ok);
}

void CreateKeyDialog::setProjects(const QList<ProjectChoice> &projects, const QString &selectedProjectId)
{
    QSignalBlocker blocker(m_ui->projectCombo);
    m_ui->projectCombo->clear();
    int selected = 0;
    for (const ProjectChoice &p : projects) {
        if (p.id == selectedProjectId)
            selected = m_ui->projectCombo->count();
        m_ui->projectCombo->addItem(p.name.isEmpty() ? p.id : p.name, p.id);
        m_ui->projectCombo->setItemData(m_ui->projectCombo->count() - 1, p.id, Qt::ToolTipRole);
    }
    m_ui->projectCombo->setCurrentIndex(projects.isEmpty() ? -1 : selected);
    m_ui->projectCombo->setEnabled(!projects.isEmpty());
    validate();
}

void CreateKeyDialog::setExistingNames(const QHash<QString, QStringList> &namesByProject)
{
    m_namesByProject = namesByProject;
    validate();
}

void CreateKeyDialog::setScopes(const QList<KeyScope> &scopes)
{
    m_scopes = scopes;
    QSignalBlocker blocker(m_ui->cloudCombo);
    m_ui->cloudCombo->clear();
    for (const KeyScope &s : scopes) {
        if (m_ui->cloudCombo->findData(s.cloud) < 0)
            m_ui->cloudCombo->addItem(s.cloud, s.cloud);
    }
    m_ui->cloudCombo->setCurrentIndex(m_ui->cloudCombo->count() > 0 ? 0 : -1);
    // Enabled even with a single value: a disabled combo cannot take the focus, so a screen reader
    // user could not reach it to hear the scope the key will get.
    m_ui->cloudCombo->setEnabled(m_ui->cloudCombo->count() > 0);
    fillGeographies();
    validate();
}

void CreateKeyDialog::fillGeographies()
{
    const QString cloud = m_ui->cloudCombo->currentData().toString();
    QSignalBlocker blocker(m_ui->geographyCombo);
    m_ui->geographyCombo->clear();
    for (const KeyScope &s : std::as_const(m_scopes)) {
        if (s.cloud == cloud && m_ui->geographyCombo->findData(s.geography) < 0)
            m_ui->geographyCombo->addItem(s.geography, s.geography);
    }
    m_ui->geographyCombo->setCurrentIndex(m_ui->geographyCombo->count() > 0 ? 0 : -1);
    m_ui->geographyCombo->setEnabled(m_ui->geographyCombo->count() > 0);
}

void CreateKeyDialog::setKeyName(const QString &name)
{
    m_nameEdited = true;
    m_ui->nameEdit->setText(name);
    validate();
}

QString CreateKeyDialog::projectId() const
{
    return m_ui->projectCombo->currentData().toString();
}

QString CreateKeyDialog::keyName() const
{
    return m_ui->nameEdit->text();
}

KeyScope CreateKeyDialog::scope() const
{
    KeyScope s;
    s.cloud = m_ui->cloudCombo->currentData().toString();
    s.geography = m_ui->geographyCombo->currentData().toString();
    return s;
}

bool CreateKeyDialog::isValid() const
{
    return m_valid;
}

QString CreateKeyDialog::problem() const
{
    return m_problem;
}

void CreateKeyDialog::validate()
{
    const QString name = m_ui->nameEdit->text();
    KeyNameRules rules;
    rules.setExistingNames(m_namesByProject.value(projectId()));
    const KeyNameRules::Verdict verdict = rules.check(name);
    QString problem;
    if (projectId().isEmpty())
        problem = tr("There is no project to create the key in.");
    else if (!verdict.ok())
        problem = verdict.message;
    else if (m_ui->cloudCombo->currentIndex() < 0 || m_ui->geographyCombo->currentIndex() < 0)
        problem = tr("Atlas offers no scope (cloud and geography) for new keys.");
    m_problem = problem;
    // An empty name the user has not touched yet is not worth a complaint; every other problem is.
    const bool pristine = !m_nameEdited && name.isEmpty() && problem == verdict.message;
    detail::showKeyNameStatus(m_ui->nameMessageIcon, m_ui->nameMessage, m_ui->nameCounter, name,
                              pristine ? QString() : problem,
                              verdict.problem == KeyNameRules::Problem::TooLong);
    const bool valid = problem.isEmpty();
    createButton()->setEnabled(valid);
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

} // namespace aikeys
