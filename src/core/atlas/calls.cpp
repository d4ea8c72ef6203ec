#include "atlas/calls.h"

#include "security/secretbuffer.h"

namespace aikeys {

namespace {

// The string value of "field": "..." in a body that is not valid JSON (an answer cut short):
// enough to name a key that exists. Read as bytes, without copying the body into a QString that
// could not be wiped. Escapes are kept as sent: an id has none, and a name is only shown.
QString salvageString(const QByteArray &body, const char *field)
{
    const QByteArray needle = '"' + QByteArray(field) + '"';
    qsizetype i = body.indexOf(needle);
    if (i < 0)
        return {};
    i += needle.size();
    const auto skipSpace = [&] {
        while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t'))
            ++i;
    };
    skipSpace();
    if (i >= body.size() || body[i] != ':')
        return {};
    ++i;
    skipSpace();
    if (i >= body.size() || body[i] != '"')
        return {};
    const qsizetype start = ++i;
    while (i < body.size() && body[i] != '"') {
        if (body[i] == '\\')
            ++i;
        ++i;
    }
    if (i >= body.size())
        return {}; // cut inside the value: better nothing than half a name
    return QString::fromUtf8(body.mid(start, i - start));
}

} // namespace

CreateKeyCall::~CreateKeyCall() = default;

ApiError CreateKeyCall::parse(QByteArray &body)
{
    QByteArray secret = json::extractSecret(body);
    m_secret = SecretBuffer(std::move(secret));
    // Lenient: the key exists whatever else is odd about the answer, and its id and name are what
    // the user needs to find it.
    QStringList odd;
    Result<AiKey> key = json::single<AiKey>(body, &json::aiKey, &odd);
    if (!key) {
        m_secret.wipe();
        // The secret was cut out above, so what remains holds none.
        m_key.apiKeyId = salvageString(body, "apiKeyId");
        m_key.name = salvageString(body, "name");
        return ApiError::invalidResponse(key.error(), request().verb, request().path);
    }
    m_key = std::move(key).value();
    if (m_secret.isEmpty())
        return ApiError::invalidResponse(tr("the key was created, but the answer holds no secret"),
                                         request().verb, request().path);
    return {};
}

bool DeleteCall::acceptError(const ApiError &error)
{
    if (!error.isItemNotFound())
        return false;
    if (earlierAttemptMayHaveActed())
        m_goneOnRetry = true;
    else
        m_alreadyGone = true;
    return true;
}

} // namespace aikeys
