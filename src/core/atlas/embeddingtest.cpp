#include "atlas/embeddingtest.h"

#include "atlas/baseurl.h"
#include "atlas/replycap.h"
#include "atlas/requestdefaults.h"
#include "atlas/session.h"
#include "logging.h"
#include "security/secretbuffer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
const QByteArray kVerb = QByteArrayLiteral("POST");
const QString kPath = u"/v1/embeddings"_s;
} // namespace

EmbeddingTest::EmbeddingTest(const QString &endpoint, const SecretBuffer &secret, QObject *parent)
    : Job(parent)
    , m_nam(requestdefaults::newNetworkManager(this))
    , m_deadline(new QTimer(this))
    , m_endpoint(endpoint.trimmed())
    , m_url(urlForEndpoint(endpoint))
{
    // authenticationRequired is left unconnected: a challenge is never answered, and the reply ends
    // with the server's 401.
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (m_reply) {
            m_pastDeadline = true;
            m_reply->abort();
        }
    });
    if (!secret.isEmpty()) {
        m_authorization.reserve(7 + secret.size());
        m_authorization.append("Bearer ");
        m_authorization.append(secret.reveal());
    }
}

EmbeddingTest::~EmbeddingTest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    SecretBuffer::wipeBytes(m_authorization);
}

Result<QUrl> EmbeddingTest::urlForEndpoint(const QString &endpoint)
{
    const QString text = endpoint.trimmed();
    if (text.isEmpty())
        return Result<QUrl>::failure(tr("The key names no endpoint to test it against."));
    // The contract gives a bare host ("ai.mongodb.com", "127.0.0.1:8080"); a full URL is accepted too,
    // as long as it names nothing but a host and a port.
    const bool hasScheme = text.contains("://"_L1);
    QUrl url(hasScheme ? text : u"https://"_s + text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() ||
        url.hasFragment() || (!url.path().isEmpty() && url.path() != "/"_L1) ||
        (scheme != "https"_L1 && scheme != "http"_L1))
        return Result<QUrl>::failure(tr("\"%1\" is not an endpoint this app can test.").arg(text.left(200)));
    // Plain http would send the secret unencrypted: only to this computer (the simulator).
    const bool loopback = isLoopbackHost(url.host());
    if (scheme == "http"_L1 && !loopback)
        return Result<QUrl>::failure(
            tr("\"%1\" uses plain http://, which would send the key unencrypted.").arg(text.left(200)));
    url.setScheme(loopback && !hasScheme ? u"http"_s : scheme);
    url.setPath(kPath);
    return Result<QUrl>(url);
}

QByteArray EmbeddingTest::requestBody()
{
    const QJsonObject body{{u"input"_s, QJsonArray{QString::fromLatin1(kInput)}},
                           {u"model"_s, QString::fromLatin1(kModel)}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void EmbeddingTest::start()
{
    if (m_started)
        return;
    m_started = true;
    QMetaObject::invokeMethod(this, &EmbeddingTest::send, Qt::QueuedConnection);
}

void EmbeddingTest::setLimits(int deadlineMs, qint64 maxAnswerBytes)
{
    m_deadlineMs = deadlineMs;
    m_maxAnswerBytes = maxAnswerBytes;
}

void EmbeddingTest::cancel()
{
    if (isFinished() || m_canceled)
        return;
    m_canceled = true;
    SecretBuffer::wipeBytes(m_authorization);
    if (m_reply) {
        // abort() emits finished synchronously; onFinished sees m_canceled.
        m_reply->abort();
        return;
    }
    QMetaObject::invokeMethod(
        this, [this] { finishWith(ApiError::canceled()); }, Qt::QueuedConnection);
}

void EmbeddingTest::send()
{
    if (m_canceled || isFinished())
        return;
    if (!m_url) {
        finishWith(ApiError::invalidInput(m_url.error()));
        return;
    }
    if (m_authorization.isEmpty()) {
        finishWith(ApiError::invalidInput(tr("There is no secret to test.")));
        return;
    }
    QNetworkRequest req =
        requestdefaults::make(m_url.value(), QByteArrayLiteral("application/json"), kTimeoutMs);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("Authorization", m_authorization);
    // The request holds its own copy now (shared with ours, so this drops ours rather than wiping it).
    SecretBuffer::wipeBytes(m_authorization);
    m_authorization = QByteArray();

    qCDebug(lcAtlas).noquote() << "testing a key against" << m_url.value().host();
    m_reply = m_nam->post(req, requestBody());
    QNetworkReply *reply = m_reply;
    capReplySize(reply, m_maxAnswerBytes, this, [this, reply] {
        if (!m_tooLarge && m_reply == reply) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, &EmbeddingTest::onFinished);
    m_deadline->start(m_deadlineMs);
}

void EmbeddingTest::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_deadline->stop();

    const QNetworkReply::NetworkError networkError = reply->error();
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();

    if (m_canceled) {
        finishWith(ApiError::canceled());
        return;
    }
    if (m_tooLarge) {
        m_status = 0;
        finishWith(ApiError::tooLarge(m_maxAnswerBytes, kVerb, kPath));
        return;
    }
    if (m_pastDeadline) {
        m_status = 0;
        finishWith(ApiError::deadline(m_deadlineMs, kVerb, kPath));
        return;
    }
    if (m_status == 0) {
        // No HTTP answer; OperationCanceledError without our cancel() is the transfer timeout.
        const bool timedOut = networkError == QNetworkReply::OperationCanceledError ||
                              networkError == QNetworkReply::TimeoutError;
        qCInfo(lcAtlas) << "key test got no answer:" << networkError;
        m_detail = reply->errorString();
        finishWith(timedOut ? ApiError::timeout(m_deadlineMs, kVerb, kPath)
                            : ApiError::network(networkError, reply->errorString(), kVerb, kPath));
        return;
    }
    qCInfo(lcAtlas) << "key test answered" << m_status;
    if (m_status >= 200 && m_status < 300) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (!doc.isObject() || !doc.object().value("data"_L1).isArray()) {
            finishWith(ApiError::invalidResponse(tr("the answer holds no embeddings"), kVerb, kPath));
            return;
        }
        finishWith({});
        return;
    }
    // Voyage-style errors are {"detail": "..."}; Atlas-style ones carry detail too.
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        m_detail = doc.object().value("detail"_L1).toString().left(500);
    finishWith(ApiError::fromHttp(m_status, body, kVerb, kPath));
}

QString EmbeddingTest::message() const
{
    if (!isFinished())
        return {};
    const QString host = m_url ? m_url.value().authority() : m_endpoint;
    if (!error())
        return tr("The key works: %1 answered the test request.").arg(host);
    const QString detail = m_detail.isEmpty() ? QString() : u" ("_s + m_detail + u")"_s;
    switch (error().kind()) {
    case ApiError::Kind::Http:
        if (m_status == 401)
            return tr("The key was refused: %1 did not accept it%2.").arg(host, detail);
        if (m_status == 403)
            return tr("The key was accepted but is not allowed to make this request%1.").arg(detail);
        if (m_status == 429)
            return tr("The key was accepted, but its rate limit was reached%1.").arg(detail);
        if (m_status >= 500)
            return tr("%1 had a problem on its side: HTTP %2%3.").arg(host).arg(m_status).arg(detail);
        return tr("%1 refused the test request: HTTP %2%3.").arg(host).arg(m_status).arg(detail);
    case ApiError::Kind::Network: {
        QString why = m_detail;
        while (why.endsWith(u'.'))
            why.chop(1);
        return tr("Could not reach %1: %2.").arg(host, why);
    }
    case ApiError::Kind::Timeout:
        return tr("%1 did not answer within %2 seconds.").arg(host).arg(m_deadlineMs / 1000.0, 0, 'g', 3);
    case ApiError::Kind::Canceled:
        return tr("The test was cancelled.");
    case ApiError::Kind::InvalidResponse:
        return tr("%1 sent an answer this app cannot read: %2").arg(host, error().detail());
    default:
        return error().message();
    }
}

QString EmbeddingTest::hint() const
{
    if (!isFinished() || !error())
        return {};
    switch (error().kind()) {
    case ApiError::Kind::Http:
        if (m_status == 401)
            return tr("Check that the whole secret was copied; the key may also have been deleted.");
        if (m_status == 429)
            return tr("Wait a minute and test again.");
        if (m_status >= 500)
            return tr("Try again in a moment.");
        return {};
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return tr("Check the network connection and any proxy settings, then test again.");
    default:
        return {};
    }
}

} // namespace aikeys
