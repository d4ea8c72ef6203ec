#include "common/filedialog.h"

#include <QList>

namespace aikeys {

namespace {
QList<QString> g_nextSaveFileNames;
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

void FileDialog::setNextSaveFileName(const QString &path)
{
    g_nextSaveFileNames.append(path);
}

void FileDialog::clearNextAnswers()
{
    g_nextSaveFileNames.clear();
}

QString FileDialog::lastSuggestedPath()
{
    return g_lastSuggested;
}

} // namespace aikeys
