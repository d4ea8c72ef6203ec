#include "logging.h"
#include "security/secretfile.h"

#include <QCoreApplication>
#include <QDir>

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

} // namespace

bool writeSecretFile(const QString &path, const QByteArray &contents, QString *error)
{
    if (path.isEmpty())
        return fail(error, tr("No file name given for the secret."));

    std::vector<BYTE> sidBytes = currentUserSid();
    if (sidBytes.empty())
        return fail(error, tr("Could not determine the current user to protect %1: %2.")
                               .arg(path, systemError(GetLastError())));
    const PSID sid = reinterpret_cast<PSID>(sidBytes.data());

    // A DACL with one entry, the current user, protected so that nothing is inherited from the
    // folder (which may grant Everyone or a group read access).
    const DWORD aclSize = DWORD(sizeof(ACL) + sizeof(ACCESS_ALLOWED_ACE) - sizeof(DWORD) + GetLengthSid(sid));
    std::vector<BYTE> aclBytes(aclSize);
    const PACL acl = reinterpret_cast<PACL>(aclBytes.data());
    if (!InitializeAcl(acl, aclSize, ACL_REVISION) ||
        !AddAccessAllowedAce(acl, ACL_REVISION, FILE_ALL_ACCESS, sid))
        return fail(error,
                    tr("Could not build the permissions for %1: %2.").arg(path, systemError(GetLastError())));
    SECURITY_DESCRIPTOR descriptor;
    if (!InitializeSecurityDescriptor(&descriptor, SECURITY_DESCRIPTOR_REVISION) ||
        !SetSecurityDescriptorDacl(&descriptor, TRUE, acl, FALSE) ||
        !SetSecurityDescriptorControl(&descriptor, SE_DACL_PROTECTED, SE_DACL_PROTECTED))
        return fail(error,
                    tr("Could not build the permissions for %1: %2.").arg(path, systemError(GetLastError())));
    SECURITY_ATTRIBUTES attributes;
    attributes.nLength = sizeof(attributes);
    attributes.lpSecurityDescriptor = &descriptor;
    attributes.bInheritHandle = FALSE;

    // FILE_FLAG_OPEN_REPARSE_POINT opens a symbolic link or junction itself instead of its target
    // (it is refused below), like O_NOFOLLOW. OPEN_ALWAYS without truncation: an existing file is
    // checked before anything in it is destroyed. No sharing while we write.
    const std::wstring native = QDir::toNativeSeparators(path).toStdWString();
    HANDLE file = CreateFileW(native.c_str(), GENERIC_WRITE | WRITE_DAC | READ_CONTROL, 0, &attributes,
                              OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return fail(error, tr("Could not create %1: %2.").arg(path, systemError(GetLastError())));

    auto closeWith = [&](const QString &message) {
        CloseHandle(file);
        return fail(error, message);
    };

    if (GetFileType(file) != FILE_TYPE_DISK)
        return closeWith(tr("%1 is not a regular file.").arg(path));
    BY_HANDLE_FILE_INFORMATION info;
    if (!GetFileInformationByHandle(file, &info))
        return closeWith(tr("Could not inspect %1: %2.").arg(path, systemError(GetLastError())));
    if (info.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT)
        return closeWith(tr("%1 is a link; give the path of a regular file instead.").arg(path));
    if (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
        return closeWith(tr("%1 is not a regular file.").arg(path));
    if (info.nNumberOfLinks > 1)
        return closeWith(
            tr("%1 has other hard links; the secret would be readable under another name. Choose a "
               "new file.")
                .arg(path));

    // The security attributes apply only to a file CreateFileW created; an existing one gets the
    // same DACL now, before it holds the secret.
    const DWORD rc =
        SetSecurityInfo(file, SE_FILE_OBJECT, DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                        nullptr, nullptr, acl, nullptr);
    if (rc != ERROR_SUCCESS)
        return closeWith(tr("Could not make %1 private to you: %2.").arg(path, systemError(rc)));

    LARGE_INTEGER zero;
    zero.QuadPart = 0;
    if (!SetFilePointerEx(file, zero, nullptr, FILE_BEGIN) || !SetEndOfFile(file))
        return closeWith(tr("Could not empty %1: %2.").arg(path, systemError(GetLastError())));

    const char *data = contents.constData();
    qsizetype left = contents.size();
    while (left > 0) {
        const DWORD chunk = DWORD(qMin<qsizetype>(left, 1 << 20));
        DWORD written = 0;
        if (!WriteFile(file, data, chunk, &written, nullptr) || written == 0) {
            const DWORD code = GetLastError();
            // Leave no partial secret behind.
            if (!SetFilePointerEx(file, zero, nullptr, FILE_BEGIN) || !SetEndOfFile(file))
                qCWarning(lcSecurity) << "could not empty a partly written secret file";
            return closeWith(tr("Could not write %1: %2.").arg(path, systemError(code)));
        }
        data += written;
        left -= qsizetype(written);
    }
    if (!FlushFileBuffers(file)) {
        const DWORD code = GetLastError();
        if (!SetFilePointerEx(file, zero, nullptr, FILE_BEGIN) || !SetEndOfFile(file))
            qCWarning(lcSecurity) << "could not empty a partly written secret file";
        return closeWith(tr("Could not write %1 to disk: %2.").arg(path, systemError(code)));
    }
    CloseHandle(file);
    return true;
}

} // namespace aikeys
