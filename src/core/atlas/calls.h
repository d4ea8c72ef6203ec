#pragma once

#include "atlas/apicall.h"
#include "domain/json.h"
#include "security/secretbuffer.h"

#include <functional>

namespace aikeys {

// A call whose answer is one typed value.
template <typename T>
class ValueCall : public ApiCall
{
public:
    using BodyParser = std::function<Result<T>(const QByteArray &)>;

    ValueCall(AtlasSession *session, ApiRequest request, BodyParser parser, QObject *parent = nullptr)
        : ApiCall(session, std::move(request), parent)
        , m_parser(std::move(parser))
    {}

    const T &value() const { return m_value; }
    T takeValue() { return std::move(m_value); }

protected:
    ApiError parse(QByteArray &body) override
    {
        Result<T> r = m_parser(body);
        if (!r)
            return ApiError::invalidResponse(r.error(), request().verb, request().path);
        m_value = std::move(r).value();
        return {};
    }

private:
    BodyParser m_parser;
    T m_value{};
};

// POST .../aiModelApiKeys: the one answer that holds a secret. The secret is cut out of the raw
// body before anything parses it and handed over once, through takeSecret().
class CreateKeyCall final : public ApiCall
{
    Q_OBJECT

public:
    using ApiCall::ApiCall;
    ~CreateKeyCall() override;

    // The key created. After a 2xx answer that could not be read (cut short, say), what could be
    // read of it: apiKeyId and name may be there, or be empty.
    const AiKey &key() const { return m_key; }
    // Atlas answered 2xx, so the key exists, but the answer could not be read (the secret is lost).
    bool createdButUnreadable() const { return httpStatus() >= 200 && httpStatus() < 300 && error(); }
    // Moves the secret out; a second call returns an empty buffer.
    SecretBuffer takeSecret() { return std::move(m_secret); }
    bool hasSecret() const { return !m_secret.isEmpty(); }
    // The name asked for, so a caller can look for the key if the answer was lost.
    QString requestedName() const { return m_requestedName; }
    void setRequestedName(const QString &name) { m_requestedName = name; }

protected:
    ApiError parse(QByteArray &body) override;

private:
    AiKey m_key;
    SecretBuffer m_secret;
    QString m_requestedName;
};

// DELETE: 204, or a 404 about the key itself, which means it is gone. A 404 about the project or
// the organization (GROUP_NOT_FOUND, ORG_NOT_FOUND) or without an Atlas error code (a proxy, a wrong
// base URL) is an error: nothing says the key is gone.
class DeleteCall final : public ApiCall
{
    Q_OBJECT

public:
    using ApiCall::ApiCall;
    // Gone before this call: the first attempt found no such key. A 404 on a retry (the first
    // attempt's answer was lost) means the first attempt deleted it, so that is not "already gone".
    bool alreadyGone() const { return m_alreadyGone; }
    // The key was found gone on a retry, after an attempt whose answer was lost.
    bool goneOnRetry() const { return m_goneOnRetry; }

protected:
    bool acceptError(const ApiError &error) override;

private:
    bool m_alreadyGone = false;
    bool m_goneOnRetry = false;
};

} // namespace aikeys
