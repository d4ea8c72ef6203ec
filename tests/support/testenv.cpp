#include "testenv.h"

#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>

namespace aikeys::test {

void prepareTestEnvironment()
{
    QStandardPaths::setTestModeEnabled(true);
}

QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace aikeys::test
