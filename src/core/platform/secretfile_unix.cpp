#include "logging.h"
#include "security/secretfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("aikeys::SecretFile", text);
}

QString systemError(int code)
{
    return qt_error_string(code);
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// A new file, owner-only from its creation: O_EXCL refuses anything already at the path (a
// symbolic link included, dangling or not), O_NOFOLLOW says so explicitly, and the mode applies
// because the file is new. Returns the descriptor, or -1 with errno set.
int createPrivate(const QByteArray &native)
{
    int fd = -1;
    do {
        fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                    S_IRUSR | S_IWUSR);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

// Writes everything and flushes it to disk; false with errno set otherwise.
bool writeAll(int fd, const QByteArray &contents)
{
    const char *data = contents.constData();
    qsizetype left = contents.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        left -= n;
    }
    // Some file systems cannot sync (EINVAL, EROFS); the data is written all the same.
    return ::fsync(fd) == 0 || errno == EINVAL || errno == EROFS;
}

// Writes into a file this process just created, then closes it. On failure the file is removed.
bool fillAndClose(int fd, const QByteArray &native, const QString &shownPath, const QByteArray &contents,
                  QString *error)
{
    if (!writeAll(fd, contents)) {
        const int code = errno;
        ::close(fd);
        if (::unlink(native.constData()) != 0)
            qCWarning(lcSecurity) << "could not remove a partly written secret file";
        return fail(error, tr("Could not write %1: %2.").arg(shownPath, systemError(code)));
    }
    if (::close(fd) != 0 && errno != EINTR) {
        const int code = errno;
        if (::unlink(native.constData()) != 0)
            qCWarning(lcSecurity) << "could not remove a partly written secret file";
        return fail(error, tr("Could not finish writing %1: %2.").arg(shownPath, systemError(code)));
    }
    return true;
}

bool createNew(const QString &path, const QByteArray &native, const QByteArray &contents, QString *error)
{
    const int fd = createPrivate(native);
    if (fd < 0) {
        const int code = errno;
        if (code == EEXIST || code == ELOOP)
            return fail(error, tr("%1 already exists.").arg(path));
        return fail(error, tr("Could not create %1: %2.").arg(path, systemError(code)));
    }
    return fillAndClose(fd, native, path, contents, error);
}

bool replace(const QString &path, const QByteArray &native, const QByteArray &contents, QString *error)
{
    // What is there now is only looked at, never opened.
    struct stat st
    {
    };
    if (::lstat(native.constData(), &st) == 0) {
        if (S_ISLNK(st.st_mode))
            return fail(error,
                        tr("%1 is a symbolic link; give the path of a regular file instead.").arg(path));
        if (!S_ISREG(st.st_mode))
            return fail(error, tr("%1 is not a regular file.").arg(path));
    } else if (errno != ENOENT) {
        return fail(error, tr("Could not inspect %1: %2.").arg(path, systemError(errno)));
    }

    // A sibling with a name nobody else can have chosen, so that the rename stays in one file system
    // and is atomic: a reader of the path sees the old file or the whole new one.
    const QFileInfo info(path);
    QByteArray temporary;
    int fd = -1;
    for (int attempt = 0; attempt < 32 && fd < 0; ++attempt) {
        const QString name =
            u".%1.%2.tmp"_s.arg(info.fileName()).arg(QRandomGenerator::system()->generate64(), 0, 36);
        temporary = QFile::encodeName(info.absoluteDir().filePath(name));
        fd = createPrivate(temporary);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0)
        return fail(error, tr("Could not create a file beside %1: %2.").arg(path, systemError(errno)));
    if (!fillAndClose(fd, temporary, path, contents, error))
        return false;
    if (::rename(temporary.constData(), native.constData()) != 0) {
        const int code = errno;
        if (::unlink(temporary.constData()) != 0)
            qCWarning(lcSecurity) << "could not remove a temporary secret file";
        return fail(error, tr("Could not replace %1: %2.").arg(path, systemError(code)));
    }
    // Make the rename itself durable; not every file system can, and the file is in place anyway.
    const int dir = ::open(QFile::encodeName(info.absolutePath()).constData(), O_RDONLY | O_CLOEXEC);
    if (dir >= 0) {
        if (::fsync(dir) != 0)
            qCDebug(lcSecurity) << "could not sync the folder of a secret file";
        ::close(dir);
    }
    return true;
}

} // namespace

bool writeSecretFile(const QString &path, const QByteArray &contents, SecretFileMode mode, QString *error)
{
    if (path.isEmpty())
        return fail(error, tr("No file name given for the secret."));
    const QByteArray native = QFile::encodeName(path);
    switch (mode) {
    case SecretFileMode::CreateNew:
        return createNew(path, native, contents, error);
    case SecretFileMode::Replace:
        return replace(path, native, contents, error);
    }
    return fail(error, tr("No file name given for the secret."));
}

} // namespace aikeys
