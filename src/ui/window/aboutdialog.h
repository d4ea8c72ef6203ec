#pragma once

#include <QDialog>
#include <QStringList>

#include <memory>

namespace Ui {
class AboutDialog;
}

namespace aikeys {

// Product name and icon, this build's version with the Qt and QtKeychain it runs with, the licence,
// the application id, and a link to the manual (README.md: the copy installed with the program, or
// the one on the project's page).
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    // The manual, for Help > Manual and the dialog's link: the README.md installed with the program
    // (localManual() beside the running executable) when there is one, so it opens offline; else the
    // README on the project's page.
    static QUrl manualUrl();
    static QUrl onlineManualUrl();
    // Where the packages put README.md, relative to the folder of the executable: beside it
    // (Windows), in the bundle's Contents/Resources (macOS), in ../share/doc/atlas-ai-keys (Linux,
    // AppImage, Flatpak). In that order, as absolute paths (packaging/CMakeLists.txt installs it).
    static QStringList localManualCandidates(const QString &applicationDir);
    // The first candidate that is a readable file, or an empty string.
    static QString localManual(const QString &applicationDir);
    // "Qt 6.4.2 (built with 6.4.2)" style strings, for the dialog and for bug reports.
    static QString qtVersionText();
    static QString keychainVersionText();

private:
    const std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace aikeys
