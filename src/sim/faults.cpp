#include "faults.h"

using namespace Qt::StringLiterals;

namespace aikeys::sim {

FaultInjector::FaultInjector(const Options &options)
    : m_fail(options.failRate)
    , m_drop(options.dropRate)
    , m_hang(options.hangRate)
    , m_malformed(options.malformedRate)
    , m_status(options.failStatus)
    , m_remaining(options.faultCount)
    , m_matchAll(options.faultMatch.isEmpty())
    , m_match(globToRegex(options.faultMatch))
    // A stream of its own, so that generated data does not shift which requests fail.
    , m_rng(quint32(options.seed ^ (options.seed >> 32)) ^ 0xfa017u)
{}

QRegularExpression FaultInjector::globToRegex(const QString &glob)
{
    // A plain glob over the whole "METHOD PATH" line: * is any run of characters (slashes included),
    // ? is one character; everything else is literal.
    QString pattern = u"^"_s;
    for (const QChar c : glob) {
        if (c == u'*')
            pattern += u".*"_s;
        else if (c == u'?')
            pattern += u'.';
        else
            pattern += QRegularExpression::escape(QString(c));
    }
    pattern += u'$';
    return QRegularExpression(pattern);
}

bool FaultInjector::matches(const QString &line) const
{
    return m_matchAll || m_match.match(line).hasMatch();
}

FaultInjector::Kind FaultInjector::roll(const QString &line)
{
    if (m_fail + m_drop + m_hang + m_malformed <= 0 || m_remaining == 0 || !matches(line))
        return Kind::None;
    const double u = m_rng.generateDouble();
    Kind kind = Kind::None;
    if (u < m_fail)
        kind = Kind::Fail;
    else if (u < m_fail + m_drop)
        kind = Kind::Drop;
    else if (u < m_fail + m_drop + m_hang)
        kind = Kind::Hang;
    else if (u < m_fail + m_drop + m_hang + m_malformed)
        kind = Kind::Malformed;
    if (kind != Kind::None && m_remaining > 0)
        --m_remaining;
    return kind;
}

Response FaultInjector::failure() const
{
    QString code;
    switch (m_status) {
    case 400:
        code = u"BAD_REQUEST"_s;
        break;
    case 401:
        code = u"UNAUTHORIZED"_s;
        break;
    case 403:
        code = u"USER_UNAUTHORIZED"_s;
        break;
    case 404:
        code = u"RESOURCE_NOT_FOUND"_s;
        break;
    case 409:
        code = u"CONFLICT"_s;
        break;
    case 429:
        code = u"RATE_LIMITED"_s;
        break;
    case 500:
        code = u"UNEXPECTED_ERROR"_s;
        break;
    case 502:
        code = u"BAD_GATEWAY"_s;
        break;
    case 503:
        code = u"SERVICE_UNAVAILABLE"_s;
        break;
    case 504:
        code = u"GATEWAY_TIMEOUT"_s;
        break;
    default:
        code = u"SIMULATED_FAULT"_s;
        break;
    }
    Response r = apiError(m_status, code, u"Simulated failure injected by atlas-sim (--fail-rate)."_s);
    if (m_status == 429 || m_status == 503)
        r.setHeader("Retry-After", "1");
    return r;
}

Response FaultInjector::malformed(const Response &real)
{
    Response r = real;
    if (r.status < 200 || r.status > 299 || r.status == 204)
        r.status = 200;
    if (r.contentType.isEmpty())
        r.contentType = "application/json";
    // Half of the real body, or the start of a list when there was none: never parseable JSON.
    r.body = r.body.size() >= 4 ? r.body.left(r.body.size() / 2) : QByteArray("{\"results\":[");
    return r;
}

} // namespace aikeys::sim
