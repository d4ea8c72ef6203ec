#include "common/filedialog.h"

#include <QList>

namespace aikeys {

namespace {
QList<QString> g_nextSaveFileNames;
QList<QString> g_nextOpenFileNames;
QString g_lastSuggested;
} // namespace

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter, QFileDialog::Options options)
{
    g_lastSuggested = dir;
    if (!g_nextSaveFileNames.isEmpty())
        return g_nextSaveFileNames.takeFirst();
    return QFileDialog::getSaveFileName(parent, caption, dir, filter, nullptr, options);
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir,
                                    const QString &filter)
{
    g_lastSuggested = dir;
    if (!g_nextOpenFileNames.isEmpty())
        return g_nextOpenFileNames.takeFirst();
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

void FileDialog::setNextOpenFileName(const QString &path)
{
    g_nextOpenFileNames.append(path);
}

void FileDialog::setNextSaveFileName(const QString &path)
{
    g_nextSaveFileNames.append(path);
}

void FileDialog::clearNextAnswers()
{
    g_nextSaveFileNames.clear();
    g_nextOpenFileNames.clear();
}

QString FileDialog::lastSuggestedPath()
{
    return g_lastSuggested;
}

} // namespace aikeys
