#pragma once

#include <QString>

class QRandomGenerator;

namespace aikeys::sim {

// `length` characters drawn from `alphabet`.
QString randomString(QRandomGenerator &rng, QLatin1StringView alphabet, int length);

// Organization and project ids: 24 lowercase hex digits, like MongoDB ObjectIds.
bool isObjectId(const QString &id);
QString randomObjectId(QRandomGenerator &rng);

// AI key ids are opaque: 24 characters of [a-z0-9] (deliberately not hex-only, so that a client that
// validates them as ObjectIds fails here as it would against the live service).
bool isApiKeyId(const QString &id);
QString randomApiKeyId(QRandomGenerator &rng);

// "al-" and 43 letters and digits, from the system's secure generator whatever --seed says, unless
// usePredictableSecrets() was called (--predictable-secrets): then from a generator seeded with seed,
// the same secrets in the same order on every run (reproducible screenshots).
QByteArray newKeySecret();
void usePredictableSecrets(quint64 seed);
QString maskSecret(const QByteArray &secret);
QByteArray sha256(const QByteArray &data);

} // namespace aikeys::sim
