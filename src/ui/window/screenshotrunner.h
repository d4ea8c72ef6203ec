#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace aikeys {

class MainWindow;

// A testing and documentation aid behind --screenshot: once the window's first load has finished (a
// project selected and its keys listed), it saves a PNG of the window, or of the create-key dialog or
// the one-time secret dialog driven through a real create, then reports done(). The dialogs are closed
// the way a user would close them (the secret dialog after ticking "stored").
class ScreenshotRunner : public QObject
{
    Q_OBJECT

public:
    // dialog: empty (the window), "create" or "secret".
    ScreenshotRunner(MainWindow *window, QString path, QString dialog, QObject *parent = nullptr);

Q_SIGNALS:
    void done(bool ok);

private:
    void onFirstLoad();
    void whenKeysShown();
    void shoot();
    void waitForDialog(const QString &objectName, int attemptsLeft);
    void onDialog(QWidget *dialog);
    bool save(QWidget *widget);
    void finish(bool ok);

    QPointer<MainWindow> m_window;
    QString m_path;
    QString m_dialog;
    bool m_finished = false;
};

} // namespace aikeys
