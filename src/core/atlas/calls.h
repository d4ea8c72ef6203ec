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

    const AiKey &key() const { return m_key; }
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

// DELETE: 204, or 404 which means the key was already gone (possibly deleted by our own earlier
// attempt whose answer was lost).
class DeleteCall final : public ApiCall
{
    Q_OBJECT

public:
    using ApiCall::ApiCall;
    bool alreadyGone() const { return m_alreadyGone; }

protected:
    bool acceptErrorStatus(int status) override;

private:
    bool m_alreadyGone = false;
};

} // namespace aikeys
