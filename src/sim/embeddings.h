#pragma once

#include "httpmessage.h"

namespace aikeys::sim {

class Store;
struct AiKey;

// POST /v1/embeddings, Voyage style, authenticated by an AI model API key's secret. It exists so that
// a key's lastUsedAt can change the way it does in real life.
class EmbeddingsApi
{
public:
    explicit EmbeddingsApi(Store &store);

    // The key whose secret is the bearer token, or nullptr with the 401 answer.
    AiKey *authenticate(const Request &request, Response *refusal) const;
    Response embed(const Request &request, AiKey &key);

    static Response detailError(int status, const QString &detail);

private:
    Store &m_store;
};

} // namespace aikeys::sim
