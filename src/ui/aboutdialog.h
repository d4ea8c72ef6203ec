#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AboutDialog;
}

namespace aikeys {

// Product name and icon, this build's version with the Qt and QtKeychain it runs with, the licence,
// the application id, and a link to the manual (README.md in the project's repository).
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    // The manual: the README of the project's repository.
    static QUrl manualUrl();
    // "Qt 6.4.2 (built with 6.4.2)" style strings, for the dialog and for bug reports.
    static QString qtVersionText();
    static QString keychainVersionText();

private:
    const std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace aikeys
