#pragma once

#include "atlas/auth.h"
#include "atlas/retrypolicy.h"
#include "domain/clock.h"

#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

class QNetworkAccessManager;

namespace aikeys {

struct SessionConfig
{
    QUrl baseUrl;                  // already checked by normalizeBaseUrl()
    int transferTimeoutMs = 30000; // per attempt; a hung reply ends as a timeout
    // The whole attempt, however the bytes trickle in (transferTimeoutMs only measures silence):
    // 0 means four times transferTimeoutMs.
    int attemptDeadlineMs = 0;
    // No Admin API answer is this large (a page of 500 keys is about 0.5 MiB); a larger one is cut
    // off and reported instead of filling memory.
    qint64 maxResponseBytes = 4 * 1024 * 1024;
    RetryPolicy retry;
    int maxConcurrentPages = 6; // what HTTP/1.1 clients open to one host
    int itemsPerPage = 500;     // the contract's maximum
    int maxPages = 1000;        // never follow more pages than this (500,000 items)
    // Signing out never waits longer than this for the token revocation (one attempt, no retry):
    // the credentials are forgotten either way, and an unrevoked token expires by itself.
    int signOutTimeoutMs = 5000;
    // What token expiry is measured with (empty: the system clock); tests move it instead of waiting.
    Clock clock;
};

// One signed-in connection to one Atlas: the network access manager (one per session, injected),
// the authenticator, and the settings every request shares.
class AtlasSession : public QObject
{
    Q_OBJECT

public:
    // Takes ownership of nam (reparents it). Credentials move in and are wiped on sign-out.
    AtlasSession(SessionConfig config, Credentials credentials, QNetworkAccessManager *nam,
                 QObject *parent = nullptr);
    ~AtlasSession() override;

    const SessionConfig &config() const { return m_config; }
    SessionConfig &config() { return m_config; }
    QNetworkAccessManager *network() const { return m_nam; }
    Authenticator *authenticator() const { return m_auth.get(); }
    AuthMode authMode() const;
    bool isSignedOut() const { return m_signedOut; }

    // The URL of an encoded path such as "/api/atlas/v2/groups/<id>/aiModelApiKeys".
    QUrl urlFor(const QString &encodedPath, const QUrlQuery &query = {}) const;

    // Revokes a service-account token (one attempt, at most config().signOutTimeoutMs), wipes the
    // credentials and the network manager's cached authentication and connections. Emits signedOut
    // when done, within signOutTimeoutMs (plus a moment) even if the revocation gets no answer.
    void signOut();

    // Called by requests when the server refused the credentials for good.
    void reportUnauthorized(const ApiError &error);

Q_SIGNALS:
    void unauthorized(const aikeys::ApiError &error);
    void signedOut();

private:
    SessionConfig m_config;
    QNetworkAccessManager *m_nam;
    std::unique_ptr<Authenticator> m_auth;
    bool m_signedOut = false;
    bool m_signingOut = false;
};

} // namespace aikeys
