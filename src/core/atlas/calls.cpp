#include "atlas/calls.h"

#include "security/secretbuffer.h"

namespace aikeys {

CreateKeyCall::~CreateKeyCall() = default;

ApiError CreateKeyCall::parse(QByteArray &body)
{
    QByteArray secret = json::extractSecret(body);
    m_secret = SecretBuffer(std::move(secret));
    Result<AiKey> key = json::single<AiKey>(body, &json::aiKey);
    if (!key) {
        m_secret.wipe();
        return ApiError::invalidResponse(key.error(), request().verb, request().path);
    }
    m_key = std::move(key).value();
    if (m_secret.isEmpty())
        return ApiError::invalidResponse(tr("the key was created, but the answer holds no secret"),
                                         request().verb, request().path);
    return {};
}

bool DeleteCall::acceptErrorStatus(int status)
{
    if (status == 404) {
        m_alreadyGone = true;
        return true;
    }
    return false;
}

} // namespace aikeys
