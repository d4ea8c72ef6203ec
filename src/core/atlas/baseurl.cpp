#include "atlas/baseurl.h"

#include "domain/terminaltext.h"
#include "domain/types.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("aikeys::BaseUrl", text);
}
} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    return address.isLoopback();
}

Result<QUrl> normalizeBaseUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Result<QUrl>::failure(tr("Enter the base URL, for example https://cloud.mongodb.com."));
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return Result<QUrl>::failure(
            tr("\"%1\" is not a valid URL: %2").arg(trimmed.left(200), url.errorString()));
    const QString scheme = url.scheme().toLower();
    if (scheme.isEmpty() || url.host().isEmpty())
        return Result<QUrl>::failure(tr("\"%1\" is not a full URL: it needs https:// and a host name, for "
                                        "example https://cloud.mongodb.com.")
                                         .arg(trimmed.left(200)));
    if (scheme != u"https"_s && scheme != u"http"_s)
        return Result<QUrl>::failure(
            tr("The base URL must start with https:// (it starts with %1://).").arg(scheme));
    if (scheme == u"http"_s && !isLoopbackHost(url.host()))
        return Result<QUrl>::failure(
            tr("Plain http:// would send credentials unencrypted: use https://, or http:// only to this "
               "computer (localhost, 127.0.0.1, ::1)."));
    if (!url.userInfo().isEmpty())
        return Result<QUrl>::failure(
            tr("Do not put a user name or password in the base URL: credentials belong in the profile."));
    if (url.hasQuery() || url.hasFragment())
        return Result<QUrl>::failure(tr("The base URL cannot have a query (?...) or a fragment (#...)."));
    url.setScheme(scheme);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    // Qt encodes Unicode noncharacters (U+FFFE, U+7FFFF...) so that they read back as something else:
    // such a URL would name one address in the profile and another on the wire. Whatever else fails to
    // read back as itself is refused the same way.
    const QString encoded = url.toString(QUrl::FullyEncoded);
    if (QUrl(encoded, QUrl::StrictMode) != url)
        return Result<QUrl>::failure(
            tr("\"%1\" holds characters that cannot be sent in a URL; type the address again, for "
               "example https://cloud.mongodb.com.")
                .arg(trimmed.left(200)));
    return Result<QUrl>(url);
}

QString validateKeyName(const QString &name)
{
    if (name.isEmpty())
        return tr("Enter a name for the key.");
    if (name.trimmed().isEmpty())
        return tr("The name cannot be only spaces.");
    if (name.size() > kKeyNameMaxLength)
        return tr("The name is %1 characters long; the limit is %2.").arg(name.size()).arg(kKeyNameMaxLength);
    // A name is shown in tables, dialogs and terminals: one that could move the cursor, recolour a
    // terminal or reverse the text after it is refused before anything is sent.
    const qsizetype unsafe = indexOfUnsafeForDisplay(name);
    if (unsafe >= 0)
        return tr("The name holds a control or text-direction character (U+%1) at position %2; use "
                  "printable characters only.")
            .arg(QString::number(name.at(unsafe).unicode(), 16).toUpper().rightJustified(4, u'0'))
            .arg(unsafe + 1);
    return {};
}

} // namespace aikeys
