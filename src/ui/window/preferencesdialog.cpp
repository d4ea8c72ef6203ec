#include "window/preferencesdialog.h"

#include "ui_preferencesdialog.h"

#include "common/messagebox.h"
#include "common/windowicons.h"
#include "settings.h"

#include <QPushButton>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
void applyBounds(QSpinBox *spin, Settings::Key key)
{
    const Settings::Entry &e = Settings::entry(key);
    spin->setRange(e.minimum, e.maximum);
}
} // namespace

PreferencesDialog::PreferencesDialog(Settings *settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PreferencesDialog>())
    , m_settings(settings)
{
    Q_ASSERT(settings);
    m_ui->setupUi(this);
    setObjectName(u"preferencesDialog"_s);
    applyBounds(m_ui->clipboardSpin, Settings::Key::ClipboardClearSeconds);
    applyBounds(m_ui->graceSpin, Settings::Key::AuditGraceDays);
    applyBounds(m_ui->staleSpin, Settings::Key::AuditStaleDays);
    applyBounds(m_ui->idleSpin, Settings::Key::RotationIdleHours);

    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setObjectName(u"okButton"_s);
    ok->setAccessibleName(tr("Save the preferences"));
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setAccessibleName(tr("Cancel"));
    QPushButton *defaults = m_ui->buttonBox->button(QDialogButtonBox::RestoreDefaults);
    defaults->setObjectName(u"restoreDefaultsButton"_s);
    defaults->setAccessibleName(tr("Restore the defaults"));
    WindowIcons::dropStandardButtonIcons(m_ui->buttonBox);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(defaults, &QPushButton::clicked, this, &PreferencesDialog::restoreDefaults);
    m_ui->clipboardNote->setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    // Room for the largest value and its unit, no more: the fields line up under each other.
    const int spinWidth =
        fontMetrics().horizontalAdvance(u"8760 hours"_s) + fontMetrics().averageCharWidth() * 6;
    for (QSpinBox *spin : {m_ui->clipboardSpin, m_ui->graceSpin, m_ui->staleSpin, m_ui->idleSpin})
        spin->setMinimumWidth(spinWidth);
    load();
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::load()
{
    m_ui->clipboardSpin->setValue(m_settings->clipboardClearSeconds());
    m_ui->graceSpin->setValue(m_settings->auditGraceDays());
    m_ui->staleSpin->setValue(m_settings->auditStaleDays());
    m_ui->idleSpin->setValue(m_settings->rotationIdleHours());
    m_ui->themeCheck->setChecked(m_settings->themeFollowsSystem());
}

bool PreferencesDialog::save()
{
    m_settings->setClipboardClearSeconds(m_ui->clipboardSpin->value());
    m_settings->setAuditGraceDays(m_ui->graceSpin->value());
    m_settings->setAuditStaleDays(m_ui->staleSpin->value());
    m_settings->setRotationIdleHours(m_ui->idleSpin->value());
    m_settings->setThemeFollowsSystem(m_ui->themeCheck->isChecked());
    return m_settings->sync();
}

void PreferencesDialog::restoreDefaults()
{
    const auto intDefault = [](Settings::Key key) { return Settings::entry(key).defaultValue.toInt(); };
    m_ui->clipboardSpin->setValue(intDefault(Settings::Key::ClipboardClearSeconds));
    m_ui->graceSpin->setValue(intDefault(Settings::Key::AuditGraceDays));
    m_ui->staleSpin->setValue(intDefault(Settings::Key::AuditStaleDays));
    m_ui->idleSpin->setValue(intDefault(Settings::Key::RotationIdleHours));
    m_ui->themeCheck->setChecked(Settings::entry(Settings::Key::ThemeFollowsSystem).defaultValue.toBool());
}

void PreferencesDialog::accept()
{
    if (!save()) {
        MessageBox::warning(
            this, tr("Preferences Not Saved"),
            tr("The preferences could not be written to %1.").arg(m_settings->backend()->fileName()),
            QMessageBox::Ok, QMessageBox::NoButton,
            tr("Check that the folder exists and that you may write to it. They apply until the "
               "app quits."));
    }
    Q_EMIT preferencesChanged();
    QDialog::accept();
}

} // namespace aikeys
