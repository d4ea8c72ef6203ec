#pragma once

#include "httpmessage.h"
#include "options.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace aikeys::sim {

// Decides, per request, whether to misbehave, reproducibly for a given --seed and request order.
class FaultInjector
{
public:
    enum class Kind { None, Fail, Drop, Hang, Malformed };

    explicit FaultInjector(const Options &options);

    // Whether "METHOD PATH" is one that --fault-match selects (every request when no glob was given).
    bool matches(const QString &line) const;
    // Rolls the dice for a request that has passed authentication; counts against --fault-count.
    Kind roll(const QString &line);

    // What --fail-status answers: an ApiError whose code fits the status, Retry-After for 429 and 503.
    Response failure() const;
    // The answer a malformed fault sends instead: the same answer cut in the middle of its JSON.
    static Response malformed(const Response &real);

    static QRegularExpression globToRegex(const QString &glob);

private:
    double m_fail;
    double m_drop;
    double m_hang;
    double m_malformed;
    int m_status;
    int m_remaining; // -1: no cap
    bool m_matchAll;
    QRegularExpression m_match;
    QRandomGenerator m_rng;
};

} // namespace aikeys::sim
