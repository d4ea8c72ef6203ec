#include "logging.h"
#include "security/secretfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <aclapi.h>
#include <string>
#include <vector>
#include <windows.h>

#ifdef _MSC_VER
#pragma comment(lib, "advapi32.lib")
#endif

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("aikeys::SecretFile", text);
}

QString systemError(DWORD code)
{
    return qt_error_string(int(code));
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// The current user's SID, copied out of the process token.
std::vector<BYTE> currentUserSid()
{
    HANDLE token = nullptr;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return {};
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    std::vector<BYTE> info(size);
    const bool ok = size > 0 && GetTokenInformation(token, TokenUser, info.data(), size, &size);
    CloseHandle(token);
    if (!ok)
        return {};
    const PSID sid = reinterpret_cast<TOKEN_USER *>(info.data())->User.Sid;
    const DWORD sidLength = GetLengthSid(sid);
    std::vector<BYTE> copy(sidLength);
    if (!CopySid(sidLength, copy.data(), sid))
        return {};
    return copy;
}

// The protected DACL that grants the current user alone, as security attributes for CreateFileW:
// a file created with them is private from its first moment.
struct PrivateSecurity
{
    std::vector<BYTE> sidBytes;
    std::vector<BYTE> aclBytes;
    SECURITY_DESCRIPTOR descriptor{};
    SECURITY_ATTRIBUTES attributes{};

    bool build(const QString &path, QString *error)
    {
        sidBytes = currentUserSid();
        if (sidBytes.empty())
            return fail(error, tr("Could not determine the current user to protect %1: %2.")
                                   .arg(path, systemError(GetLastError())));
        const PSID sid = reinterpret_cast<PSID>(sidBytes.data());
        // One entry, the current user, protected so that nothing is inherited from the folder (which
        // may grant Everyone or a group read access).
        const DWORD aclSize =
            DWORD(sizeof(ACL) + sizeof(ACCESS_ALLOWED_ACE) - sizeof(DWORD) + GetLengthSid(sid));
        aclBytes.assign(aclSize, 0);
        const PACL acl = reinterpret_cast<PACL>(aclBytes.data());
        if (!InitializeAcl(acl, aclSize, ACL_REVISION) ||
            !AddAccessAllowedAce(acl, ACL_REVISION, FILE_ALL_ACCESS, sid))
            return fail(
                error,
                tr("Could not build the permissions for %1: %2.").arg(path, systemError(GetLastError())));
        if (!InitializeSecurityDescriptor(&descriptor, SECURITY_DESCRIPTOR_REVISION) ||
            !SetSecurityDescriptorDacl(&descriptor, TRUE, acl, FALSE) ||
            !SetSecurityDescriptorControl(&descriptor, SE_DACL_PROTECTED, SE_DACL_PROTECTED))
            return fail(
                error,
                tr("Could not build the permissions for %1: %2.").arg(path, systemError(GetLastError())));
        attributes.nLength = sizeof(attributes);
        attributes.lpSecurityDescriptor = &descriptor;
        attributes.bInheritHandle = FALSE;
        return true;
    }
};

// A new file with the private DACL. CREATE_NEW fails on anything already at the path (a link
// included); FILE_FLAG_OPEN_REPARSE_POINT keeps it from following one, like O_NOFOLLOW. No sharing
// while we write.
HANDLE createPrivate(const std::wstring &native, PrivateSecurity &security)
{
    return CreateFileW(native.c_str(), GENERIC_WRITE, 0, &security.attributes, CREATE_NEW,
                       FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
}

// Writes into a file this process just created and closes it. On failure the file is deleted.
bool fillAndClose(HANDLE file, const std::wstring &native, const QString &shownPath,
                  const QByteArray &contents, QString *error)
{
    const char *data = contents.constData();
    qsizetype left = contents.size();
    DWORD code = ERROR_SUCCESS;
    while (left > 0 && code == ERROR_SUCCESS) {
        const DWORD chunk = DWORD(qMin<qsizetype>(left, 1 << 20));
        DWORD written = 0;
        if (!WriteFile(file, data, chunk, &written, nullptr) || written == 0) {
            code = GetLastError();
            break;
        }
        data += written;
        left -= qsizetype(written);
    }
    if (code == ERROR_SUCCESS && !FlushFileBuffers(file))
        code = GetLastError();
    CloseHandle(file);
    if (code != ERROR_SUCCESS) {
        // Leave no partial secret behind.
        if (!DeleteFileW(native.c_str()))
            qCWarning(lcSecurity) << "could not remove a partly written secret file";
        return fail(error, tr("Could not write %1: %2.").arg(shownPath, systemError(code)));
    }
    return true;
}

bool createNew(const QString &path, const QByteArray &contents, QString *error)
{
    PrivateSecurity security;
    if (!security.build(path, error))
        return false;
    const std::wstring native = QDir::toNativeSeparators(path).toStdWString();
    const HANDLE file = createPrivate(native, security);
    if (file == INVALID_HANDLE_VALUE) {
        const DWORD code = GetLastError();
        if (code == ERROR_FILE_EXISTS || code == ERROR_ALREADY_EXISTS)
            return fail(error, tr("%1 already exists.").arg(path));
        return fail(error, tr("Could not create %1: %2.").arg(path, systemError(code)));
    }
    return fillAndClose(file, native, path, contents, error);
}

bool replace(const QString &path, const QByteArray &contents, QString *error)
{
    const std::wstring native = QDir::toNativeSeparators(path).toStdWString();
    // What is there now is only looked at, never opened.
    const DWORD attributes = GetFileAttributesW(native.c_str());
    if (attributes != INVALID_FILE_ATTRIBUTES) {
        if (attributes & FILE_ATTRIBUTE_REPARSE_POINT)
            return fail(error, tr("%1 is a link; give the path of a regular file instead.").arg(path));
        if (attributes & FILE_ATTRIBUTE_DIRECTORY)
            return fail(error, tr("%1 is not a regular file.").arg(path));
    } else if (const DWORD code = GetLastError(); code != ERROR_FILE_NOT_FOUND) {
        return fail(error, tr("Could not inspect %1: %2.").arg(path, systemError(code)));
    }

    PrivateSecurity security;
    if (!security.build(path, error))
        return false;
    // A sibling with a name nobody else can have chosen, so that the move stays on one volume.
    const QFileInfo info(path);
    std::wstring temporary;
    HANDLE file = INVALID_HANDLE_VALUE;
    DWORD code = ERROR_SUCCESS;
    for (int attempt = 0; attempt < 32 && file == INVALID_HANDLE_VALUE; ++attempt) {
        const QString name =
            u".%1.%2.tmp"_s.arg(info.fileName()).arg(QRandomGenerator::system()->generate64(), 0, 36);
        temporary = QDir::toNativeSeparators(info.absoluteDir().filePath(name)).toStdWString();
        file = createPrivate(temporary, security);
        code = file == INVALID_HANDLE_VALUE ? GetLastError() : ERROR_SUCCESS;
        if (code != ERROR_SUCCESS && code != ERROR_FILE_EXISTS && code != ERROR_ALREADY_EXISTS)
            break;
    }
    if (file == INVALID_HANDLE_VALUE)
        return fail(error, tr("Could not create a file beside %1: %2.").arg(path, systemError(code)));
    if (!fillAndClose(file, temporary, path, contents, error))
        return false;
    // The moved file keeps its own (private) DACL; MOVEFILE_WRITE_THROUGH returns once it is on disk.
    if (!MoveFileExW(temporary.c_str(), native.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        code = GetLastError();
        if (!DeleteFileW(temporary.c_str()))
            qCWarning(lcSecurity) << "could not remove a temporary secret file";
        return fail(error, tr("Could not replace %1: %2.").arg(path, systemError(code)));
    }
    return true;
}

} // namespace

bool writeSecretFile(const QString &path, const QByteArray &contents, SecretFileMode mode, QString *error)
{
    if (path.isEmpty())
        return fail(error, tr("No file name given for the secret."));
    switch (mode) {
    case SecretFileMode::CreateNew:
        return createNew(path, contents, error);
    case SecretFileMode::Replace:
        return replace(path, contents, error);
    }
    return fail(error, tr("No file name given for the secret."));
}

} // namespace aikeys
