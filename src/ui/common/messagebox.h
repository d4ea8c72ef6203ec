#pragma once

#include <QMessageBox>
#include <QString>

namespace aikeys {

// Modal message boxes behind a seam, after KeePassXC's MessageBox: a test queues the answers it
// wants with setNextAnswer(), and the next prompts return them without showing anything. With no
// answer queued, a real QMessageBox is shown. The last prompt's text is kept so tests can check what
// was asked.
class MessageBox
{
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;

    static Button question(QWidget *parent, const QString &title, const QString &text,
                           Buttons buttons = Buttons(QMessageBox::Yes | QMessageBox::No),
                           Button defaultButton = QMessageBox::No, const QString &informativeText = {});
    static Button information(QWidget *parent, const QString &title, const QString &text,
                              Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::NoButton,
                              const QString &informativeText = {});
    static Button warning(QWidget *parent, const QString &title, const QString &text,
                          Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::NoButton,
                          const QString &informativeText = {});
    static Button critical(QWidget *parent, const QString &title, const QString &text,
                           Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::NoButton,
                           const QString &informativeText = {});

    // Tests: answers for the next prompts, first in first out.
    static void setNextAnswer(Button answer);
    static void clearNextAnswers();
    static int pendingAnswers();
    // Tests: how many prompts were asked, and the text of the last one (text, then informative text).
    static int promptCount();
    static QString lastText();

private:
    static Button show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                       Buttons buttons, Button defaultButton, const QString &informativeText);
};

} // namespace aikeys
