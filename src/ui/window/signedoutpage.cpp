#include "window/signedoutpage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace aikeys {

SignedOutPage::SignedOutPage(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setObjectName(u"signedOutPage"_s);
    auto *layout = new QVBoxLayout(this);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setObjectName(u"signedOutLabel"_s);
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setWordWrap(true);
    auto *signInButton = new QPushButton(tr("&Sign In\u2026"), this);
    signInButton->setObjectName(u"signInButton"_s);
    signInButton->setAccessibleName(tr("Sign in"));
    connect(signInButton, &QPushButton::clicked, this, &SignedOutPage::signInRequested);
    layout->addStretch(1);
    layout->addWidget(m_label);
    layout->addWidget(signInButton, 0, Qt::AlignHCenter);
    layout->addStretch(2);
}

void SignedOutPage::setMessage(const QString &text)
{
    m_label->setText(text);
}

} // namespace aikeys
