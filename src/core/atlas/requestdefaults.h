#pragma once

#include <QByteArray>
#include <QNetworkRequest>

class QNetworkAccessManager;
class QObject;
class QUrl;

namespace aikeys::requestdefaults {

// What every request this program sends has in common, in one place: the Admin API calls, the Digest
// priming read and Test Key's call to a key's endpoint all start here.

// "atlas-ai-keys/<version>", as Atlas's logs show it.
QByteArray userAgent();

// A request with the defaults set: the User-Agent, what it accepts, its transfer timeout, and no
// redirects followed (a redirect could carry the Authorization header to another host).
QNetworkRequest make(const QUrl &url, const QByteArray &accept, int transferTimeoutMs);

// A network manager that follows no redirect, whoever forgets to say so on a request. Its
// authenticationRequired is never connected: QNetworkAccessManager would answer any host's challenge,
// Basic included (challenges are answered by the session's authenticator, see ApiKeyAuthenticator).
QNetworkAccessManager *newNetworkManager(QObject *parent = nullptr);
// The same defaults for a manager made elsewhere (a test's fake network).
void applyTo(QNetworkAccessManager *nam);

} // namespace aikeys::requestdefaults
