#pragma once

#include <QFileDialog>
#include <QString>

namespace aikeys {

// File dialogs behind a seam, like MessageBox: a test queues the path the "user" picks (an empty
// string for Cancel) and the next dialog returns it without showing anything.
class FileDialog
{
public:
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir = {},
                                   const QString &filter = {}, QFileDialog::Options options = {});

    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir = {},
                                   const QString &filter = {});
    // Tests: the path the next save dialog returns; an empty string means the user cancelled.
    static void setNextSaveFileName(const QString &path);
    // Tests: the same for the next open dialog.
    static void setNextOpenFileName(const QString &path);
    static void clearNextAnswers();
    // Tests: the directory or file the last dialog was opened on.
    static QString lastSuggestedPath();
};

} // namespace aikeys
