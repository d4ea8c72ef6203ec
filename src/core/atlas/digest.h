#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace aikeys::digest {

// One challenge of a WWW-Authenticate header: its scheme and its parameters (names lowercased,
// quoted values unescaped).
struct Challenge
{
    QByteArray scheme;
    QHash<QByteArray, QByteArray> params;
};

// Every challenge of the WWW-Authenticate header values of one answer (a value may hold several,
// separated by commas). Pure and total: malformed input yields what could be read. For fuzzing.
QList<Challenge> parseChallenges(const QList<QByteArray> &headerValues);

// A Digest challenge this client answers (RFC 7616): algorithm MD5, MD5-sess, SHA-256 or
// SHA-256-sess, qop "auth" offered, a realm and a nonce.
struct DigestChallenge
{
    QByteArray realm;
    QByteArray nonce;
    QByteArray opaque;
    QByteArray algorithm; // as the server spelled it, "MD5" when it named none
    bool sha256 = false;
    bool session = false; // a -sess algorithm
};

// The strongest acceptable Digest challenge of the list, or why none is acceptable (a sentence for a
// person: "the server asked for Basic authentication, ...").
std::optional<DigestChallenge> chooseDigest(const QList<Challenge> &challenges, QString *why);

// The Authorization header value answering challenge for one request. uri is the request target as
// sent (path and query, percent-encoded); nc counts the requests made with this nonce, from 1.
QByteArray authorization(const DigestChallenge &challenge, const QByteArray &method, const QByteArray &uri,
                         const QByteArray &username, const QByteArray &password, const QByteArray &cnonce,
                         quint32 nc);

} // namespace aikeys::digest
