#pragma once

#include <QDialog>

#include <memory>

class QSpinBox;

namespace Ui {
class PreferencesDialog;
}

namespace aikeys {

class Settings;

// Clipboard clear time, audit thresholds, rotation idle time and "theme follows the system", read
// from and written to Settings. Every spin box takes its bounds from Settings::table(), so the
// dialog cannot offer a value that settings would clamp. OK writes; Cancel leaves settings alone;
// Restore Defaults puts the table's defaults in the fields (written on OK).
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    // settings is not owned and must outlive the dialog.
    explicit PreferencesDialog(Settings *settings, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    // Fields from settings (done by the constructor).
    void load();
    // Fields to settings, then written to disk; false if the settings file could not be written.
    bool save();
    void restoreDefaults();

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    // After OK wrote the values.
    void preferencesChanged();

private:
    const std::unique_ptr<Ui::PreferencesDialog> m_ui;
    Settings *m_settings;
};

} // namespace aikeys
