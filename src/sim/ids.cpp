#include "ids.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <memory>

using namespace Qt::StringLiterals;

namespace aikeys::sim {

namespace {

std::unique_ptr<QRandomGenerator> g_predictableSecrets;

bool allOf(const QString &s, qsizetype length, bool (*accept)(char16_t))
{
    if (s.size() != length)
        return false;
    for (const QChar c : s) {
        if (!accept(c.unicode()))
            return false;
    }
    return true;
}

} // namespace

QString randomString(QRandomGenerator &rng, QLatin1StringView alphabet, int length)
{
    // Several characters per 64-bit draw: generating 20,000 ids is part of start-up time. The
    // slight modulo bias does not matter for identifiers.
    const quint64 base = quint64(alphabet.size());
    QString out(length, Qt::Uninitialized);
    QChar *data = out.data();
    quint64 pool = 0;
    quint64 room = 0;
    for (int i = 0; i < length; ++i) {
        if (room < base) {
            pool = rng.generate64();
            room = ~quint64(0);
        }
        data[i] = QLatin1Char(alphabet.at(qsizetype(pool % base)));
        pool /= base;
        room /= base;
    }
    return out;
}

bool isObjectId(const QString &id)
{
    return allOf(id, 24, [](char16_t c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

QString randomObjectId(QRandomGenerator &rng)
{
    return randomString(rng, "0123456789abcdef"_L1, 24);
}

bool isApiKeyId(const QString &id)
{
    return allOf(id, 24, [](char16_t c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z'); });
}

QString randomApiKeyId(QRandomGenerator &rng)
{
    return randomString(rng, "abcdefghijklmnopqrstuvwxyz0123456789"_L1, 24);
}

QByteArray newKeySecret()
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray secret("al-");
    QRandomGenerator *rng = g_predictableSecrets ? g_predictableSecrets.get() : QRandomGenerator::system();
    for (int i = 0; i < 43; ++i)
        secret.append(alphabet[rng->bounded(int(sizeof(alphabet) - 1))]);
    return secret;
}

void usePredictableSecrets(quint64 seed)
{
    g_predictableSecrets = std::make_unique<QRandomGenerator>(quint32(seed ^ (seed >> 32)) ^ 0x5ec2e75u);
}

QString maskSecret(const QByteArray &secret)
{
    return u"al-****"_s + QString::fromLatin1(secret.right(4));
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

} // namespace aikeys::sim
