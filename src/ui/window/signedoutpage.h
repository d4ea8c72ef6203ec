#pragma once

#include <QWidget>

class QLabel;

namespace aikeys {

// What the window shows without a session: why there is none (not signed in yet, signing out,
// credentials refused) and the way back in. It is also what the window's first paint shows at
// start-up, so it stays a label and a button.
class SignedOutPage : public QWidget
{
    Q_OBJECT

public:
    explicit SignedOutPage(QWidget *parent);

    void setMessage(const QString &text);

Q_SIGNALS:
    void signInRequested();

private:
    QLabel *m_label;
};

} // namespace aikeys
