#include "common/messagebox.h"

#include <QAbstractButton>
#include <QIcon>
#include <QLabel>
#include <QList>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
// GUI state, touched from the GUI thread only.
QList<MessageBox::Button> g_nextAnswers;
QString g_lastText;
int g_promptCount = 0;
} // namespace

MessageBox::Button MessageBox::show(QMessageBox::Icon icon, QWidget *parent, const QString &title,
                                    const QString &text, Buttons buttons, Button defaultButton,
                                    const QString &informativeText)
{
    ++g_promptCount;
    g_lastText = informativeText.isEmpty() ? text : text + u'\n' + informativeText;
    if (!g_nextAnswers.isEmpty())
        return g_nextAnswers.takeFirst();

    QMessageBox box(icon, title, text, buttons, parent);
    box.setObjectName(u"messageBox"_s);
    // Texts are built from key names, profile names and server messages: never rendered as HTML, so a
    // name cannot restyle a confirmation, hide part of itself or load an image.
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(informativeText);
    if (auto *informative = box.findChild<QLabel *>(u"qt_msgbox_informativelabel"_s))
        informative->setTextFormat(Qt::PlainText);
    // Plain buttons, as in the app's own dialogs (no style pictures beside Yes, No, OK).
    const QList<QAbstractButton *> standard = box.buttons();
    for (QAbstractButton *button : standard)
        button->setIcon(QIcon());
    if (defaultButton != QMessageBox::NoButton)
        box.setDefaultButton(defaultButton);
    // Escape answers with the safest choice offered.
    for (Button b : {QMessageBox::Cancel, QMessageBox::No, QMessageBox::Close, QMessageBox::Ok}) {
        if (buttons.testFlag(b)) {
            box.setEscapeButton(b);
            break;
        }
    }
    box.exec();
    QAbstractButton *clicked = box.clickedButton();
    return clicked ? box.standardButton(clicked) : QMessageBox::NoButton;
}

MessageBox::Button MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                        Buttons buttons, Button defaultButton, const QString &informativeText)
{
    return show(QMessageBox::Question, parent, title, text, buttons, defaultButton, informativeText);
}

MessageBox::Button MessageBox::information(QWidget *parent, const QString &title, const QString &text,
                                           Buttons buttons, Button defaultButton,
                                           const QString &informativeText)
{
    return show(QMessageBox::Information, parent, title, text, buttons, defaultButton, informativeText);
}

MessageBox::Button MessageBox::warning(QWidget *parent, const QString &title, const QString &text,
                                       Buttons buttons, Button defaultButton, const QString &informativeText)
{
    return show(QMessageBox::Warning, parent, title, text, buttons, defaultButton, informativeText);
}

MessageBox::Button MessageBox::critical(QWidget *parent, const QString &title, const QString &text,
                                        Buttons buttons, Button defaultButton, const QString &informativeText)
{
    return show(QMessageBox::Critical, parent, title, text, buttons, defaultButton, informativeText);
}

void MessageBox::setNextAnswer(Button answer)
{
    g_nextAnswers.append(answer);
}

void MessageBox::clearNextAnswers()
{
    g_nextAnswers.clear();
}

int MessageBox::pendingAnswers()
{
    return int(g_nextAnswers.size());
}

int MessageBox::promptCount()
{
    return g_promptCount;
}

QString MessageBox::lastText()
{
    return g_lastText;
}

} // namespace aikeys
