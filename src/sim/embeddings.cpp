#include "embeddings.h"

#include "auth.h"
#include "ids.h"
#include "store.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

constexpr int kDimensions = 8;

// A small unit vector derived from model and text, so that the same input embeds the same way.
QJsonArray fakeEmbedding(const QString &model, const QString &text)
{
    const QByteArray material = model.toUtf8() + '\0' + text.toUtf8();
    const QByteArray digest = QCryptographicHash::hash(material, QCryptographicHash::Sha256);
    double values[kDimensions];
    double norm = 0;
    for (int i = 0; i < kDimensions; ++i) {
        const int raw = (quint8(digest.at(2 * i)) << 8) | quint8(digest.at(2 * i + 1));
        values[i] = raw / 32767.5 - 1.0;
        norm += values[i] * values[i];
    }
    norm = std::sqrt(norm > 0 ? norm : 1);
    QJsonArray out;
    for (double v : values)
        out.append(std::round(v / norm * 1e6) / 1e6);
    return out;
}

} // namespace

EmbeddingsApi::EmbeddingsApi(Store &store)
    : m_store(store)
{}

Response EmbeddingsApi::detailError(int status, const QString &detail)
{
    return jsonResponse(status, "application/json",
                        QJsonDocument(QJsonObject{{u"detail"_s, detail}}).toJson(QJsonDocument::Compact));
}

AiKey *EmbeddingsApi::authenticate(const Request &request, Response *refusal) const
{
    const QByteArray secret = bearerToken(request.header("authorization"));
    AiKey *key = secret.isEmpty() ? nullptr : m_store.keyBySecretHash(sha256(secret));
    if (!key)
        *refusal = detailError(401, u"Provided API key is invalid."_s);
    return key;
}

Response EmbeddingsApi::embed(const Request &request, AiKey &key)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (!doc.isObject())
        return detailError(400, u"The request body must be a JSON object."_s);
    const QJsonObject body = doc.object();

    QStringList inputs;
    const QJsonValue input = body.value(u"input"_s);
    if (input.isString()) {
        inputs.append(input.toString());
    } else if (input.isArray()) {
        for (const QJsonValue &v : input.toArray()) {
            if (!v.isString())
                return detailError(400, u"input must be a string or a list of strings."_s);
            inputs.append(v.toString());
        }
    }
    if (inputs.isEmpty() || inputs.size() > 1000)
        return detailError(400, u"input must be a string or a list of 1 to 1000 strings."_s);

    const QString model = body.value(u"model"_s).toString();
    bool known = false;
    for (const ModelGroup &g : m_store.modelGroups())
        known = known || g.modelNames.contains(model);
    if (!known)
        return detailError(400, u"Model %1 is not supported."_s.arg(model.isEmpty() ? u"(none)"_s : model));

    QJsonArray data;
    qint64 tokens = 0;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        data.append(QJsonObject{{u"object"_s, u"embedding"_s},
                                {u"embedding"_s, fakeEmbedding(model, inputs.at(i))},
                                {u"index"_s, int(i)}});
        // Roughly four characters per token, at least one per input.
        tokens += std::max<qint64>(1, (inputs.at(i).size() + 3) / 4);
    }
    m_store.markUsed(&key, nowMicros());

    const QJsonObject answer{{u"object"_s, u"list"_s},
                             {u"data"_s, data},
                             {u"model"_s, model},
                             {u"usage"_s, QJsonObject{{u"total_tokens"_s, double(tokens)}}}};
    return jsonResponse(200, "application/json", QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

} // namespace aikeys::sim
