#include "atlas/digest.h"

#include "security/secretbuffer.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys::digest {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("aikeys::Digest", text);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// A token runs to the next space, comma or '='.
QByteArray readToken(const QByteArray &s, qsizetype &i)
{
    const qsizetype start = i;
    while (i < s.size() && !isSpace(s[i]) && s[i] != ',' && s[i] != '=')
        ++i;
    return s.mid(start, i - start);
}

QByteArray readValue(const QByteArray &s, qsizetype &i)
{
    if (i < s.size() && s[i] == '"') {
        QByteArray value;
        ++i;
        while (i < s.size() && s[i] != '"') {
            if (s[i] == '\\' && i + 1 < s.size())
                ++i;
            value += s[i];
            ++i;
        }
        if (i < s.size())
            ++i; // the closing quote
        return value;
    }
    const qsizetype start = i;
    while (i < s.size() && !isSpace(s[i]) && s[i] != ',')
        ++i;
    return s.mid(start, i - start);
}

QByteArray quote(const QByteArray &value)
{
    QByteArray out = "\"";
    for (const char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

QByteArray hashHex(bool sha256, const QByteArray &data)
{
    return QCryptographicHash::hash(data, sha256 ? QCryptographicHash::Sha256 : QCryptographicHash::Md5)
        .toHex();
}
} // namespace

QList<Challenge> parseChallenges(const QList<QByteArray> &headerValues)
{
    QList<Challenge> challenges;
    for (const QByteArray &header : headerValues) {
        qsizetype i = 0;
        bool inChallenge = false;
        while (i < header.size()) {
            while (i < header.size() && (isSpace(header[i]) || header[i] == ','))
                ++i;
            if (i >= header.size())
                break;
            const qsizetype before = i;
            const QByteArray token = readToken(header, i);
            qsizetype j = i;
            while (j < header.size() && isSpace(header[j]))
                ++j;
            if (j < header.size() && header[j] == '=' && !token.isEmpty()) {
                i = j + 1;
                while (i < header.size() && isSpace(header[i]))
                    ++i;
                const QByteArray value = readValue(header, i);
                if (inChallenge)
                    challenges.last().params.insert(token.toLower(), value);
            } else if (!token.isEmpty()) {
                challenges.append({token, {}});
                inChallenge = true;
            }
            if (i == before)
                ++i; // a stray '=': never loop on it
        }
    }
    return challenges;
}

std::optional<DigestChallenge> chooseDigest(const QList<Challenge> &challenges, QString *why)
{
    std::optional<DigestChallenge> best;
    QStringList refused;
    bool sawDigest = false;
    for (const Challenge &c : challenges) {
        if (c.scheme.compare("Digest", Qt::CaseInsensitive) != 0) {
            refused << QString::fromLatin1(c.scheme.left(40));
            continue;
        }
        sawDigest = true;
        DigestChallenge d;
        d.realm = c.params.value("realm");
        d.nonce = c.params.value("nonce");
        d.opaque = c.params.value("opaque");
        d.algorithm = c.params.value("algorithm", "MD5");
        const QByteArray algorithm = d.algorithm.toUpper();
        if (algorithm == "MD5" || algorithm == "MD5-SESS") {
            d.session = algorithm.endsWith("-SESS");
        } else if (algorithm == "SHA-256" || algorithm == "SHA-256-SESS") {
            d.sha256 = true;
            d.session = algorithm.endsWith("-SESS");
        } else {
            if (why)
                *why = tr("the server asked for Digest authentication with algorithm %1, which this app does "
                          "not "
                          "use (it answers MD5 or SHA-256).")
                           .arg(QString::fromLatin1(d.algorithm.left(40)));
            continue;
        }
        // Echoed back in our header: nothing that could end it or start another.
        const auto printable = [](const QByteArray &v) {
            return std::all_of(v.begin(), v.end(),
                               [](char ch) { return uchar(ch) >= 0x20 && uchar(ch) != 0x7f; });
        };
        if (!printable(d.realm) || !printable(d.nonce) || !printable(d.opaque)) {
            if (why)
                *why = tr("the server's Digest challenge holds control characters.");
            continue;
        }
        bool auth = false;
        for (const QByteArray &qop : c.params.value("qop").split(','))
            auth = auth || qop.trimmed().compare("auth", Qt::CaseInsensitive) == 0;
        if (!auth || d.nonce.isEmpty()) {
            if (why)
                *why = tr(
                    "the server asked for Digest authentication without qop=auth and a nonce, a weaker form "
                    "this app does not answer.");
            continue;
        }
        if (!best || (d.sha256 && !best->sha256))
            best = d;
    }
    if (best)
        return best;
    if (why && !sawDigest) {
        if (refused.isEmpty())
            *why = tr("the server asked for authentication without saying how.");
        else if (refused.contains(u"Basic"_s, Qt::CaseInsensitive))
            *why = tr("the server asked for Basic authentication, which would send the private key in a form "
                      "anyone who sees the request can decode; this app answers only Digest.");
        else
            *why = tr("the server asked for %1 authentication; this app answers only Digest.")
                       .arg(refused.join(u", "_s));
    }
    return std::nullopt;
}

QByteArray authorization(const DigestChallenge &challenge, const QByteArray &method, const QByteArray &uri,
                         const QByteArray &username, const QByteArray &password, const QByteArray &cnonce,
                         quint32 nc)
{
    const QByteArray ncText = QByteArray::number(nc, 16).rightJustified(8, '0');
    QByteArray a1 = username + ':' + challenge.realm + ':' + password;
    QByteArray ha1 = hashHex(challenge.sha256, a1);
    SecretBuffer::wipeBytes(a1);
    if (challenge.session) {
        QByteArray sessionA1 = ha1 + ':' + challenge.nonce + ':' + cnonce;
        SecretBuffer::wipeBytes(ha1);
        ha1 = hashHex(challenge.sha256, sessionA1);
        SecretBuffer::wipeBytes(sessionA1);
    }
    const QByteArray ha2 = hashHex(challenge.sha256, method + ':' + uri);
    const QByteArray response =
        hashHex(challenge.sha256, ha1 + ':' + challenge.nonce + ':' + ncText + ':' + cnonce + ":auth:" + ha2);
    SecretBuffer::wipeBytes(ha1);
    QByteArray header = "Digest username=" + quote(username) + ", realm=" + quote(challenge.realm) +
                        ", nonce=" + quote(challenge.nonce) + ", uri=" + quote(uri) +
                        ", algorithm=" + challenge.algorithm + ", response=" + quote(response) +
                        ", qop=auth, nc=" + ncText + ", cnonce=" + quote(cnonce);
    if (!challenge.opaque.isEmpty())
        header += ", opaque=" + quote(challenge.opaque);
    return header;
}

} // namespace aikeys::digest
