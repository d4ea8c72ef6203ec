#include "atlas/listjob.h"

#include "atlas/session.h"
#include "logging.h"
#include "platform/threadcpu.h"

using namespace Qt::StringLiterals;

namespace aikeys {

QString itemId(const Organization &o)
{
    return o.id;
}
QString itemId(const Project &p)
{
    return p.id;
}
QString itemId(const AiKey &k)
{
    return k.apiKeyId;
}
QString itemId(const RateLimit &l)
{
    return l.cloud + u'/' + l.geography + u'/' + l.modelGroupName;
}

namespace {
// A raw page whose items are parsed in onPage, where the order of pages is known.
class PageCall final : public ApiCall
{
public:
    using ApiCall::ApiCall;
};
} // namespace

template <typename T>
ListJob<T>::ListJob(AtlasSession *session, ApiRequest request, json::ItemParser<T> parser, QObject *parent)
    : Job(parent)
    , m_session(session)
    , m_request(std::move(request))
    , m_parser(parser)
    , m_itemsPerPage(session->config().itemsPerPage)
    , m_maxConcurrent(qMax(1, session->config().maxConcurrentPages))
    , m_maxPages(qMax(1, session->config().maxPages))
{}

template <typename T>
ListJob<T>::~ListJob() = default;

template <typename T>
void ListJob<T>::start()
{
    if (m_started)
        return;
    m_started = true;
    fetch(1);
}

template <typename T>
void ListJob<T>::failBeforeSending(const ApiError &error)
{
    m_started = true;
    QMetaObject::invokeMethod(
        this, [this, error] { finishWith(error); }, Qt::QueuedConnection);
}

template <typename T>
void ListJob<T>::cancel()
{
    if (isFinished())
        return;
    const auto calls = m_inFlight.values();
    m_inFlight.clear();
    for (ApiCall *call : calls) {
        call->disconnect(this);
        call->cancel();
    }
    QMetaObject::invokeMethod(
        this, [this] { finishWith(ApiError::canceled()); }, Qt::QueuedConnection);
}

template <typename T>
void ListJob<T>::fetch(int pageNum)
{
    ApiRequest req = m_request;
    req.query.removeAllQueryItems(u"itemsPerPage"_s);
    req.query.removeAllQueryItems(u"pageNum"_s);
    req.query.addQueryItem(u"itemsPerPage"_s, QString::number(m_itemsPerPage));
    req.query.addQueryItem(u"pageNum"_s, QString::number(pageNum));
    auto *call = new PageCall(m_session, std::move(req), this);
    m_inFlight.insert(pageNum, call);
    connect(call, &Job::finished, this, [this, pageNum, call] { onPage(pageNum, call); });
    // Forward retries so a caller can say "retrying..." while a page waits out a 429.
    connect(call, &Job::retrying, this, &Job::retrying);
    call->start();
}

template <typename T>
void ListJob<T>::onPage(int pageNum, ApiCall *call)
{
    if (!m_inFlight.remove(pageNum) || isFinished())
        return;
    m_attempts += call->attempts();
    if (call->error()) {
        fail(call->error());
        return;
    }
    // The pages already planned are requested first, and this one is read once the event loop has
    // sent them (a call sends from the event loop, after the answers already waiting there): with
    // six in flight, reading each answer before asking for the next stretched every round trip.
    // At most one window in flight and one waiting to be read: a server that repeats pages or
    // announces too many is caught when pages are read, and by then no more than that was asked for.
    if (m_inFlight.size() + m_unread < 2 * m_maxConcurrent)
        fetchPlanned();
    ++m_unread;
    QMetaObject::invokeMethod(
        this, [this, pageNum, body = call->body()] { readPage(pageNum, body); }, Qt::QueuedConnection);
}

template <typename T>
void ListJob<T>::readPage(int pageNum, const QByteArray &body)
{
    --m_unread;
    if (isFinished())
        return;
    const qint64 readingStart = threadCpuNs();
    Result<json::Page<T>> page = json::page<T>(body, m_parser);
    m_readingNs += threadCpuNs() - readingStart;
    if (!page) {
        fail(ApiError::invalidResponse(u"page %1: "_s.arg(pageNum) + page.error(), m_request.verb,
                                       m_request.path));
        return;
    }
    json::Page<T> p = std::move(page).value();
    ++m_pagesDone;
    if (p.oddItems > 0) {
        m_oddItems += p.oddItems;
        qCWarning(lcAtlas).noquote() << m_request.verb << m_request.path << "page" << pageNum << "has"
                                     << p.oddItems << "odd item(s), first:" << p.firstOddItem;
    }
    const qsizetype count = p.results.size();

    if (count > 0) {
        const QString firstId = itemId(p.results.first());
        const auto seen = m_firstIdOfPage.constFind(firstId);
        if (seen != m_firstIdOfPage.constEnd() && *seen != pageNum) {
            fail(ApiError::invalidResponse(
                tr("the server returned the same items for page %1 and page %2, so the list cannot be read "
                   "reliably; stopped instead of looping.")
                    .arg(qMin(*seen, pageNum))
                    .arg(qMax(*seen, pageNum)),
                m_request.verb, m_request.path));
            return;
        }
        m_firstIdOfPage.insert(firstId, pageNum);
    }
    if (count < m_itemsPerPage && (m_shortPage == 0 || pageNum < m_shortPage))
        m_shortPage = pageNum;
    if (pageNum == 1) {
        m_totalCount = p.totalCount;
        if (count >= m_itemsPerPage) {
            // totalCount is an estimate: it only sets how far to fetch concurrently.
            // The page that ends the list (short or empty) is part of the plan: when totalCount
            // is a whole number of pages, the empty page after them is fetched alongside.
            qint64 announced = 2;
            if (p.totalCount && *p.totalCount > m_itemsPerPage)
                announced = *p.totalCount / m_itemsPerPage + 1;
            m_target = int(qMin<qint64>(announced, m_maxPages));
        }
    }
    m_pages.insert(pageNum, std::move(p.results));
    Q_EMIT progress(m_pagesDone, qMax(m_target, m_pagesDone));
    schedule();
}

template <typename T>
void ListJob<T>::fetchPlanned()
{
    const int limit = m_shortPage ? m_shortPage : m_target;
    while (m_inFlight.size() < m_maxConcurrent && m_nextPage <= qMin(limit, m_target))
        fetch(m_nextPage++);
}

template <typename T>
void ListJob<T>::schedule()
{
    fetchPlanned();
    if (!m_inFlight.isEmpty() || m_unread > 0)
        return;
    if (m_shortPage) {
        assemble();
        return;
    }
    // Every page up to the target came back full: the estimate was low. Probe further.
    if (m_target >= m_maxPages) {
        fail(ApiError::invalidResponse(tr("the list goes on beyond %1 pages of %2 items; stopped there.")
                                           .arg(m_maxPages)
                                           .arg(m_itemsPerPage),
                                       m_request.verb, m_request.path));
        return;
    }
    // When the pages read add up to exactly what totalCount announced, one more page settles it;
    // otherwise the estimate was wrong (or absent) and a window of pages is cheaper than a crawl.
    qint64 fetched = 0;
    for (const auto &page : std::as_const(m_pages))
        fetched += page.size();
    const bool exact = m_totalCount && fetched == *m_totalCount;
    m_target = qMin(m_maxPages, m_target + (exact ? 1 : m_maxConcurrent));
    qCDebug(lcPaging).noquote() << m_request.path << "still full at page" << m_nextPage - 1
                                << "; fetching up to" << m_target;
    schedule();
}

template <typename T>
void ListJob<T>::assemble()
{
    const qint64 assemblingStart = threadCpuNs();
    QSet<QString> seen;
    QList<T> all;
    qsizetype total = 0;
    for (auto it = m_pages.cbegin(); it != m_pages.cend() && it.key() <= m_shortPage; ++it)
        total += it->size();
    all.reserve(total);
    seen.reserve(total);
    for (auto it = m_pages.begin(); it != m_pages.end() && it.key() <= m_shortPage; ++it) {
        for (T &item : *it) {
            QString id = itemId(item);
            if (seen.contains(id))
                continue;
            seen.insert(std::move(id));
            all.append(std::move(item));
        }
    }
    m_pages.clear();
    m_items = std::move(all);
    m_readingNs += threadCpuNs() - assemblingStart;
    // With the time spent reading the answers into items (not waiting for them), so --verbose shows
    // where a long listing's CPU goes.
    qCInfo(lcPaging).noquote() << m_request.path << "read" << m_items.size() << "items in" << m_pagesDone
                               << "pages;" << QString::number(double(m_readingNs) / 1e6, 'f', 1)
                               << "ms of CPU reading them";
    finishWith(ApiError());
}

template <typename T>
void ListJob<T>::fail(const ApiError &error)
{
    const auto calls = m_inFlight.values();
    m_inFlight.clear();
    for (ApiCall *call : calls) {
        call->disconnect(this);
        call->cancel();
    }
    finishWith(error);
}

template class ListJob<Organization>;
template class ListJob<Project>;
template class ListJob<AiKey>;
template class ListJob<RateLimit>;

} // namespace aikeys
