#pragma once

#include <QNetworkReply>

#include <optional>

namespace aikeys {

// When and how long to wait before trying an idempotent call again. Pure, so it is unit-tested
// without a network.
struct RetryPolicy
{
    int maxAttempts = 4;         // the first attempt included
    int baseDelayMs = 500;       // first backoff; doubles per retry
    int maxBackoffMs = 8000;     // ceiling of the exponential backoff
    int maxRetryAfterMs = 60000; // a server's Retry-After is honoured up to this

    enum class Decision { Stop, Retry };

    static bool isRetryableStatus(int status);
    static bool isRetryableNetworkError(QNetworkReply::NetworkError error);

    // status 0 means no HTTP answer (then networkError says why). attemptsMade counts tries so far.
    Decision decide(bool idempotent, int attemptsMade, int status, QNetworkReply::NetworkError networkError,
                    bool timedOut) const;

    // Delay before retry number `retry` (1 for the first retry). Retry-After wins when present
    // (capped); otherwise "equal jitter": half the exponential step plus a random share of the other
    // half, random01 in [0, 1).
    int delayMs(int retry, std::optional<int> retryAfterSeconds, double random01) const;

    // Both at once, as a failed attempt needs them: nothing when the call stops here, else how long
    // to wait before the next attempt. A Retry-After above maxRetryAfterMs is waited for up to that
    // cap and the call is then tried again (Atlas may well answer sooner than it said); the number of
    // attempts still bounds the whole.
    std::optional<int> retryDelayMs(bool idempotent, int attemptsMade, int status,
                                    QNetworkReply::NetworkError networkError, bool timedOut,
                                    std::optional<int> retryAfterSeconds, double random01) const;

    // Retry-After as the contract sends it (whole seconds); HTTP dates are read too.
    static std::optional<int> parseRetryAfter(const QByteArray &value);
};

} // namespace aikeys
