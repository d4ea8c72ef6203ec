#pragma once

#include <QStatusBar>

class QLabel;
class QProgressBar;

namespace aikeys {

class SecureClipboard;

// The window's status bar: the key counts on the left; on the right the loading progress and the
// clipboard's countdown. The countdown lives here, in sight whatever the window shows, because a
// secret on the clipboard should be visible for as long as it is there: the bar says when it will be
// cleared, and that it was.
class WindowStatusBar : public QStatusBar
{
    Q_OBJECT

public:
    // clipboard is not owned and must outlive the bar.
    WindowStatusBar(SecureClipboard *clipboard, QWidget *parent);

    QString countsText() const;
    void setCountsText(const QString &text);
    // Fills as done approaches total; total 0 is busy (the amount of work is not known yet).
    void showProgress(qint64 done = 0, qint64 total = 0);
    void hideProgress();
    // Takes text away if it is still the message shown (a retry countdown whose listing has ended).
    void withdrawMessage(const QString &text);

private:
    SecureClipboard *m_clipboard;
    QLabel *m_counts;
    QProgressBar *m_progress;
    QLabel *m_clipboardStatus;
};

} // namespace aikeys
