#include "atlas/requestdefaults.h"

#include <QNetworkAccessManager>
#include <QUrl>

#include <aikeys/version.h>

namespace aikeys::requestdefaults {

QByteArray userAgent()
{
    return QByteArrayLiteral("atlas-ai-keys/" AIKEYS_VERSION);
}

QNetworkRequest make(const QUrl &url, const QByteArray &accept, int transferTimeoutMs)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    req.setRawHeader("Accept", accept);
    req.setTransferTimeout(transferTimeoutMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return req;
}

QNetworkAccessManager *newNetworkManager(QObject *parent)
{
    auto *nam = new QNetworkAccessManager(parent);
    applyTo(nam);
    return nam;
}

void applyTo(QNetworkAccessManager *nam)
{
    nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

} // namespace aikeys::requestdefaults
