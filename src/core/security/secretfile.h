#pragma once

#include <QByteArray>
#include <QString>

namespace aikeys {

enum class SecretFileMode {
    // The path must not exist (not even as a link): the file is created owner-only from the start
    // (O_CREAT | O_EXCL, mode 0600; on Windows CREATE_NEW with the DACL below).
    CreateNew,
    // A regular file at the path, if any, is replaced: the secret goes into a new owner-only file
    // beside it under a temporary name, which is then renamed over it. The old file is never opened,
    // so whoever could read it (or holds it open) never sees the secret, and its other hard links
    // keep the old contents. A symbolic link, reparse point, folder or other non-regular file at the
    // path is refused, not replaced.
    Replace,
};

// Writes a secret to a file only its owner can read: on Unix mode 0600, on Windows a protected
// DACL that grants the current user alone (nothing inherited from the folder). Never through a
// symbolic link or reparse point. On failure returns false, leaves no file it created behind (and no
// partial secret anywhere), and sets *error (if given) to a sentence for a person. contents is not
// copied beyond what the OS write needs; the caller wipes it.
//
// What this does not protect against: the file system's own copies (journals, backups, sync
// clients) and anyone who is root or the same user.
bool writeSecretFile(const QString &path, const QByteArray &contents, SecretFileMode mode, QString *error);

} // namespace aikeys
