#pragma once

#include "atlas/atlasclient.h"
#include "atlas/session.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

#include <memory>

// A signed-in client for tests against atlas-sim, with retries quick enough for a test run, and the
// helpers to wait for a job and keep it alive while its result is read.
namespace aikeys::test {

struct TestClient
{
    std::unique_ptr<AtlasSession> session;
    std::unique_ptr<AtlasClient> api;
};

inline Credentials demoApiKey(const QString &publicKey = QStringLiteral("demo"),
                              const QByteArray &privateKey = "demo-private-key")
{
    return {AuthMode::ApiKey, publicKey, SecretBuffer(QByteArray(privateKey))};
}

inline Credentials demoServiceAccount(const QString &clientId = QStringLiteral("mdb_sa_id_demo"),
                                      const QByteArray &secret = "mdb_sa_sk_demo")
{
    return {AuthMode::ServiceAccount, clientId, SecretBuffer(QByteArray(secret))};
}

inline TestClient openTestClient(const QUrl &baseUrl, Credentials credentials = demoApiKey(),
                                 int timeoutMs = 20000, int attempts = 4)
{
    SessionConfig config;
    config.baseUrl = baseUrl;
    config.transferTimeoutMs = timeoutMs;
    config.retry.maxAttempts = attempts;
    config.retry.baseDelayMs = 20;
    config.retry.maxBackoffMs = 100;
    config.retry.maxRetryAfterMs = 5000;
    TestClient c;
    c.session = std::make_unique<AtlasSession>(config, std::move(credentials), new QNetworkAccessManager);
    c.api = std::make_unique<AtlasClient>(c.session.get());
    return c;
}

// A bearer token the simulator issued to the demo service account, fetched with a raw request the
// way another program would (independent of the client under test); empty if none came.
inline QByteArray fetchDemoAccessToken(const QUrl &base)
{
    QNetworkAccessManager nam;
    QNetworkRequest req(base.resolved(QUrl(QStringLiteral("/api/oauth/token"))));
    req.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("Authorization", "Basic " + QByteArray("mdb_sa_id_demo:mdb_sa_sk_demo").toBase64());
    QNetworkReply *reply = nam.post(req, QByteArray("grant_type=client_credentials"));
    QSignalSpy spy(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        spy.wait(10000);
    const QByteArray token = QJsonDocument::fromJson(reply->readAll())
                                 .object()
                                 .value(QLatin1String("access_token"))
                                 .toString()
                                 .toUtf8();
    reply->deleteLater();
    return token;
}

// Waits for a job (true if it finished within ms).
template <typename J>
bool finishes(J *job, int ms = 20000)
{
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &Job::finished);
    return spy.wait(ms);
}

// Keeps a job alive after finished(), so the test can read it.
template <typename J>
std::unique_ptr<J> keep(J *job)
{
    job->setAutoDelete(false);
    return std::unique_ptr<J>(job);
}

// Both: the job, finished (or timed out), owned by the caller.
template <typename J>
std::unique_ptr<J> finished(J *job, int ms = 30000)
{
    auto owned = keep(job);
    finishes(owned.get(), ms);
    return owned;
}

// A named child widget that the test cannot go on without.
template <typename T>
T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

} // namespace aikeys::test
