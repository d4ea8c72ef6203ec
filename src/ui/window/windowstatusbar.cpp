#include "window/windowstatusbar.h"

#include "security/secureclipboard.h"

#include <QLabel>
#include <QProgressBar>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace aikeys {

WindowStatusBar::WindowStatusBar(SecureClipboard *clipboard, QWidget *parent)
    : QStatusBar(parent)
    , m_clipboard(clipboard)
    , m_counts(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_clipboardStatus(new QLabel(this))
{
    // What QMainWindow gives the bar it makes itself: the bar never widens the window.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);

    m_counts->setTextFormat(Qt::PlainText);
    m_counts->setObjectName(u"countsLabel"_s);
    m_counts->setAccessibleName(tr("Key counts"));
    addWidget(m_counts, 1);

    // Sized by the window's font, like the rest of the window.
    const QFontMetrics metrics = parent->fontMetrics();
    m_progress->setObjectName(u"loadProgress"_s);
    m_progress->setAccessibleName(tr("Loading progress"));
    m_progress->setMaximumWidth(metrics.averageCharWidth() * 24);
    m_progress->setMaximumHeight(metrics.height() + 4);
    m_progress->setTextVisible(false);
    m_progress->hide();
    addPermanentWidget(m_progress);

    m_clipboardStatus->setTextFormat(Qt::PlainText);
    m_clipboardStatus->setObjectName(u"clipboardStatus"_s);
    m_clipboardStatus->setAccessibleName(tr("Clipboard"));
    m_clipboardStatus->hide();
    addPermanentWidget(m_clipboardStatus);

    connect(m_clipboard, &SecureClipboard::countdown, this, [this](int seconds) {
        m_clipboardStatus->setText(tr("Clipboard clears in %1 s").arg(seconds));
        m_clipboardStatus->show();
    });
    connect(m_clipboard, &SecureClipboard::cleared, this, [this] {
        m_clipboardStatus->setText(tr("Clipboard cleared"));
        QTimer::singleShot(4000, m_clipboardStatus, [this] {
            if (!m_clipboard->isCountingDown())
                m_clipboardStatus->hide();
        });
    });
    connect(m_clipboard, &SecureClipboard::replaced, this, [this] { m_clipboardStatus->hide(); });
}

QString WindowStatusBar::countsText() const
{
    return m_counts->text();
}

void WindowStatusBar::setCountsText(const QString &text)
{
    m_counts->setText(text);
}

void WindowStatusBar::showProgress(qint64 done, qint64 total)
{
    if (total > 0) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
    } else {
        m_progress->setRange(0, 0);
    }
    m_progress->show();
}

void WindowStatusBar::hideProgress()
{
    m_progress->hide();
}

void WindowStatusBar::withdrawMessage(const QString &text)
{
    if (currentMessage() == text)
        clearMessage();
}

} // namespace aikeys
