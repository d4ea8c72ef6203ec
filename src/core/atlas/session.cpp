#include "atlas/session.h"

#include "atlas/apicall.h"
#include "atlas/oneshotbody.h"
#include "atlas/requestdefaults.h"
#include "logging.h"

#include <QNetworkAccessManager>
#include <QTimer>

#include <aikeys/version.h>

namespace aikeys {

namespace {
// How much longer than SessionConfig::signOutTimeoutMs signing out may take before it ends anyway.
constexpr int kSignOutGraceMs = 1000;
} // namespace

AtlasSession::AtlasSession(SessionConfig config, Credentials credentials, QNetworkAccessManager *nam,
                           QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_nam(nam)
{
    Q_ASSERT(nam);
    m_nam->setParent(this);
    requestdefaults::applyTo(m_nam);
    m_auth = Authenticator::create(this, std::move(credentials));
    // authenticationRequired is left unconnected on purpose: QNetworkAccessManager would answer any
    // host's challenge, Basic included. The API key's Digest answer is computed by its authenticator
    // from the 401 that ApiCall sees (see ApiKeyAuthenticator).
}

AtlasSession::~AtlasSession() = default;

AuthMode AtlasSession::authMode() const
{
    return m_auth->mode();
}

QUrl AtlasSession::urlFor(const QString &encodedPath, const QUrlQuery &query) const
{
    QUrl url = m_config.baseUrl;
    url.setPath(m_config.baseUrl.path(QUrl::FullyEncoded) + encodedPath, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

void AtlasSession::signOut()
{
    if (m_signedOut || m_signingOut)
        return;
    m_signingOut = true;
    QPointer<AtlasSession> self(this);
    const auto finish = [self](bool onTime) {
        if (!self || self->m_signedOut)
            return;
        self->m_signedOut = true;
        self->m_nam->clearAccessCache();
        self->m_nam->clearConnectionCache();
        if (onTime)
            qCInfo(lcAuth) << "signed out";
        else
            qCInfo(lcAuth) << "signed out without waiting any longer for the token revocation";
        Q_EMIT self->signedOut();
    };
    // The revocation has its own bounded timeout; this is the outer bound, for a reply that trickles.
    if (m_config.signOutTimeoutMs > 0)
        QTimer::singleShot(m_config.signOutTimeoutMs + kSignOutGraceMs, this, [finish] { finish(false); });
    m_auth->signOut(this, [finish] { finish(true); });
}

void AtlasSession::reportUnauthorized(const ApiError &error)
{
    Q_EMIT unauthorized(error);
}

} // namespace aikeys
