#include "logging.h"
#include "security/secretfile.h"

#include <QCoreApplication>
#include <QFile>

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

} // namespace

bool writeSecretFile(const QString &path, const QByteArray &contents, QString *error)
{
    if (path.isEmpty())
        return fail(error, tr("No file name given for the secret."));
    const QByteArray native = QFile::encodeName(path);

    // O_NOFOLLOW: a symbolic link planted at the path must not redirect the secret. O_NONBLOCK: a
    // FIFO must not hang us waiting for a reader (it is refused below). No O_TRUNC yet: an existing
    // file is checked before anything in it is destroyed.
    int fd = -1;
    do {
        fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK,
                    S_IRUSR | S_IWUSR);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        const int code = errno;
        if (code == ELOOP)
            return fail(error,
                        tr("%1 is a symbolic link; give the path of a regular file instead.").arg(path));
        return fail(error, tr("Could not create %1: %2.").arg(path, systemError(code)));
    }

    auto closeWith = [&](const QString &message) {
        ::close(fd);
        return fail(error, message);
    };

    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0)
        return closeWith(tr("Could not inspect %1: %2.").arg(path, systemError(errno)));
    if (!S_ISREG(st.st_mode))
        return closeWith(tr("%1 is not a regular file.").arg(path));
    if (st.st_nlink > 1)
        return closeWith(
            tr("%1 has other hard links; the secret would be readable under another name. Choose a "
               "new file.")
                .arg(path));
    // The mode given to open() applies only to a new file; an existing one keeps its own.
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0)
        return closeWith(tr("Could not make %1 private to you: %2.").arg(path, systemError(errno)));
    if (::ftruncate(fd, 0) != 0)
        return closeWith(tr("Could not empty %1: %2.").arg(path, systemError(errno)));

    const char *data = contents.constData();
    qsizetype left = contents.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int code = errno;
            // Leave no partial secret behind.
            if (::ftruncate(fd, 0) != 0)
                qCWarning(lcSecurity) << "could not empty a partly written secret file";
            return closeWith(tr("Could not write %1: %2.").arg(path, systemError(code)));
        }
        data += n;
        left -= n;
    }
    if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
        const int code = errno;
        if (::ftruncate(fd, 0) != 0)
            qCWarning(lcSecurity) << "could not empty a partly written secret file";
        return closeWith(tr("Could not write %1 to disk: %2.").arg(path, systemError(code)));
    }
    if (::close(fd) != 0 && errno != EINTR)
        return fail(error, tr("Could not finish writing %1: %2.").arg(path, systemError(errno)));
    return true;
}

} // namespace aikeys
