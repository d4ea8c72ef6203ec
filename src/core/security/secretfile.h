#pragma once

#include <QByteArray>
#include <QString>

namespace aikeys {

// Writes a secret to a file only its owner can read: on Unix mode 0600, on Windows a protected
// DACL that grants the current user alone. An existing file is taken over (its permissions
// tightened, then its contents replaced), but never through a symbolic link or reparse point, and
// never if it is not a regular file or has other hard links, since writing would then put the
// secret somewhere the user did not name. On failure returns false, leaves no partial secret in
// the file, and sets *error (if given) to a sentence for a person. contents is not copied beyond
// what the OS write needs; the caller wipes it.
//
// What this does not protect against: the file system's own copies (journals, backups, sync
// clients) and anyone who is root or the same user.
bool writeSecretFile(const QString &path, const QByteArray &contents, QString *error);

} // namespace aikeys
