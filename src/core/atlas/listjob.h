#pragma once

#include "atlas/apicall.h"
#include "domain/json.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace aikeys {

// Reads every page of a list. Page 1 first, with the largest page size; if it is full, the pages
// its totalCount announces are fetched concurrently (bounded), and beyond them a window at a time
// for as long as pages come back full. It stops at the first short or empty page, dedups items by
// id, refuses to follow more than maxPages, and fails on a server that repeats a page instead of
// looping on it.
template <typename T>
class ListJob final : public Job
{
public:
    ListJob(AtlasSession *session, ApiRequest request, json::ItemParser<T> parser, QObject *parent = nullptr);
    ~ListJob() override;

    void start();
    void failBeforeSending(const ApiError &error);
    void cancel() override;

    const QList<T> &items() const { return m_items; }
    QList<T> takeItems() { return std::move(m_items); }
    int pagesFetched() const { return m_pagesDone; }
    // HTTP requests sent for the pages read so far, retries included.
    int attempts() const { return m_attempts; }
    std::optional<qint64> totalCount() const { return m_totalCount; }
    // Items Atlas sent that could not be read completely: kept with a field unknown, or skipped
    // when they had no id. Callers tell the user how many (the list is otherwise complete).
    int oddItems() const override { return m_oddItems; }

private:
    void fetch(int pageNum);
    void onPage(int pageNum, ApiCall *call);
    void readPage(int pageNum, const QByteArray &body);
    void fetchPlanned();
    void schedule();
    void fail(const ApiError &error);
    void assemble();

    AtlasSession *m_session;
    ApiRequest m_request;
    json::ItemParser<T> m_parser;
    int m_itemsPerPage;
    int m_maxConcurrent;
    int m_maxPages;
    QMap<int, QList<T>> m_pages;
    QHash<int, ApiCall *> m_inFlight;
    QHash<QString, int> m_firstIdOfPage;
    int m_nextPage = 2;
    int m_target = 1;    // highest page we intend to fetch so far
    int m_shortPage = 0; // first page that came back short (0: none yet)
    int m_pagesDone = 0;
    int m_unread = 0; // pages that came and wait to be read
    int m_attempts = 0;
    int m_oddItems = 0;
    qint64 m_readingNs = 0; // parsing pages and putting them together, for the log
    std::optional<qint64> m_totalCount;
    QList<T> m_items;
    bool m_started = false;
};

QString itemId(const Organization &o);
QString itemId(const Project &p);
QString itemId(const AiKey &k);
QString itemId(const RateLimit &l);

extern template class ListJob<Organization>;
extern template class ListJob<Project>;
extern template class ListJob<AiKey>;
extern template class ListJob<RateLimit>;

} // namespace aikeys
