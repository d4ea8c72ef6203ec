#include "fakenetwork.h"

#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

#include <cstring>

namespace aikeys::test {

FakeAnswer FakeAnswer::json(const QJsonDocument &document, int status)
{
    FakeAnswer a;
    a.status = status;
    a.body = document.toJson(QJsonDocument::Compact);
    a.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return a;
}

FakeAnswer FakeAnswer::atlasError(int status, const QByteArray &errorCode, const QString &detail)
{
    QJsonObject o{{QStringLiteral("error"), status},
                  {QStringLiteral("errorCode"), QString::fromLatin1(errorCode)},
                  {QStringLiteral("reason"), QStringLiteral("Error")}};
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    return json(QJsonDocument(o), status);
}

FakeAnswer FakeAnswer::page(const QJsonArray &results, std::optional<int> totalCount)
{
    QJsonObject o{{QStringLiteral("results"), results}};
    o.insert(QStringLiteral("totalCount"), totalCount.value_or(int(results.size())));
    return json(QJsonDocument(o));
}

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[n, value] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FakeReply::FakeReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request,
                     const FakeAnswer &answer, QObject *parent)
    : QNetworkReply(parent)
    , m_body(answer.body)
{
    setRequest(request);
    setUrl(request.url());
    setOperation(op);
    open(QIODevice::ReadOnly);
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, answer.status);
    for (const auto &[name, value] : answer.headers)
        setRawHeader(name, value);
    if (answer.status >= 400)
        setError(QNetworkReply::ContentNotFoundError, QStringLiteral("error status"));
    QTimer::singleShot(answer.delayMs, this, [this] {
        if (m_aborted)
            return;
        Q_EMIT metaDataChanged();
        Q_EMIT readyRead();
        setFinished(true);
        Q_EMIT finished();
    });
}

void FakeReply::abort()
{
    if (isFinished() || m_aborted)
        return;
    m_aborted = true;
    setError(QNetworkReply::OperationCanceledError, QStringLiteral("aborted"));
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, QVariant());
    setFinished(true);
    Q_EMIT finished();
}

qint64 FakeReply::bytesAvailable() const
{
    return m_body.size() - m_pos + QIODevice::bytesAvailable();
}

qint64 FakeReply::readData(char *data, qint64 maxSize)
{
    const qint64 n = qMin<qint64>(maxSize, m_body.size() - m_pos);
    if (n <= 0)
        return m_pos >= m_body.size() ? -1 : 0;
    std::memcpy(data, m_body.constData() + m_pos, size_t(n));
    m_pos += n;
    return n;
}

FakeNetwork::FakeNetwork(QObject *parent)
    : QNetworkAccessManager(parent)
{}

void FakeNetwork::on(const QByteArray &method, const QString &path, const FakeAnswer &answer)
{
    for (Route &r : m_routes) {
        if (r.method == method && r.path == path) {
            r.answers.append(answer);
            return;
        }
    }
    m_routes.append(Route{method, path, {answer}, 0});
}

void FakeNetwork::enqueue(const FakeAnswer &answer)
{
    m_queue.enqueue(answer);
}

void FakeNetwork::clearScript()
{
    m_routes.clear();
    m_queue.clear();
    handler = {};
}

bool FakeNetwork::pathMatches(const QString &pattern, const QString &path)
{
    const QStringList want = pattern.split(u'/');
    const QStringList got = path.split(u'/');
    if (want.size() != got.size())
        return false;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want.at(i) != QLatin1String("*") && want.at(i) != got.at(i))
            return false;
    }
    return true;
}

QList<RecordedRequest> FakeNetwork::recorded(const QByteArray &method, const QString &path) const
{
    QList<RecordedRequest> matching;
    for (const RecordedRequest &r : m_recorded) {
        if (r.method == method && pathMatches(path, r.path()))
            matching.append(r);
    }
    return matching;
}

QList<int> FakeNetwork::pagesRequested() const
{
    QList<int> pages;
    for (const RecordedRequest &r : m_recorded) {
        const QUrlQuery q(r.url);
        if (q.hasQueryItem(QStringLiteral("pageNum")))
            pages << q.queryItemValue(QStringLiteral("pageNum")).toInt();
    }
    return pages;
}

FakeAnswer FakeNetwork::answerFor(const QNetworkRequest &request, const QByteArray &verb)
{
    for (Route &r : m_routes) {
        if (r.method != verb || !pathMatches(r.path, request.url().path()))
            continue;
        const FakeAnswer &a = r.answers.at(qMin(r.next, r.answers.size() - 1));
        ++r.next;
        return a;
    }
    if (!m_queue.isEmpty())
        return m_queue.dequeue();
    if (handler)
        return handler(request, verb);
    return FakeAnswer::atlasError(404, "RESOURCE_NOT_FOUND",
                                  QStringLiteral("There is no endpoint at %1.").arg(request.url().path()));
}

QNetworkReply *FakeNetwork::createRequest(Operation op, const QNetworkRequest &request,
                                          QIODevice *outgoingData)
{
    QByteArray verb;
    switch (op) {
    case GetOperation:
        verb = "GET";
        break;
    case HeadOperation:
        verb = "HEAD";
        break;
    case PutOperation:
        verb = "PUT";
        break;
    case PostOperation:
        verb = "POST";
        break;
    case DeleteOperation:
        verb = "DELETE";
        break;
    default:
        verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        break;
    }
    RecordedRequest recordedRequest;
    recordedRequest.method = verb;
    recordedRequest.url = request.url();
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        recordedRequest.headers.append({name, request.rawHeader(name)});
    if (outgoingData)
        recordedRequest.body = outgoingData->readAll();
    m_recorded.append(recordedRequest);
    Q_EMIT requested();

    ++m_inFlight;
    m_maxInFlight = qMax(m_maxInFlight, m_inFlight);
    auto *reply = new FakeReply(op, request, answerFor(request, verb), this);
    connect(reply, &QNetworkReply::finished, this, [this] { --m_inFlight; });
    return reply;
}

} // namespace aikeys::test
