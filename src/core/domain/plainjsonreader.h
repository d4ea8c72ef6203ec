#pragma once

#include "domain/json.h"
#include "domain/stringinterner.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <cstring>
#include <optional>

namespace aikeys::json {

// A strict reader of the JSON subset the plain page readers take (see plainKeyPage()): tokens,
// strings, small integers, and the text and time values every field of a key or a project is. Any
// step that meets something outside the subset returns false, and the page goes to the general
// reader. Its own class so that the key and the project page readers share it rather than one
// borrowing the other's.
class PlainJsonReader
{
public:
    explicit PlainJsonReader(const QByteArray &body)
        : m_p(body.constData())
        , m_end(body.constData() + body.size())
    {}

    bool atEnd()
    {
        ws();
        return m_p == m_end;
    }

    void ws()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool consume(char c)
    {
        ws();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    bool peek(char c)
    {
        ws();
        return m_p != m_end && *m_p == c;
    }

    bool literal(const char *word)
    {
        ws();
        const size_t n = std::strlen(word);
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return false;
        m_p += n;
        return true;
    }

    // A string's content as UTF-8 (a view into the body, or into a buffer when it had escapes), and
    // whether it is all ASCII. Escapes of surrogates and noncharacters, raw control characters and
    // UTF-8 that is not well formed are left to the general reader.
    bool string(QByteArrayView &out, bool &ascii);
    // An integer of at most 15 digits (exact as a double, as Qt reads it), nothing else.
    bool integer(qint64 &out);
    // Any value of the subset, checked and dropped (unknown fields).
    bool skipValue(int depth = 0);

    // A string or null (a null QString). With shared, a value seen lately shares its string.
    bool text(QString &out, StringInterner *shared = nullptr);
    // A timestamp string or null (nullopt); a string that is not a time is refused.
    bool time(std::optional<QDateTime> &out);

    // A list of objects with two string members (a link's href and rel, a tag's key and value), other
    // members skipped: each item's members as the general reader takes them.
    template <typename T>
    bool pairList(QByteArrayView firstName, QString T::*first, QByteArrayView secondName, QString T::*second,
                  QList<T> &out)
    {
        if (!consume('['))
            return false;
        if (consume(']'))
            return true;
        do {
            if (!consume('{'))
                return false;
            T item;
            unsigned seen = 0;
            if (!consume('}')) {
                do {
                    QByteArrayView name;
                    bool ascii = false;
                    if (!string(name, ascii) || !consume(':'))
                        return false;
                    const bool isFirst = name == firstName;
                    if (!isFirst && name != secondName) {
                        if (!skipValue())
                            return false;
                        continue;
                    }
                    if (seen & (isFirst ? 1u : 2u))
                        return false;
                    seen |= isFirst ? 1u : 2u;
                    QByteArrayView value;
                    if (!string(value, ascii))
                        return false;
                    item.*(isFirst ? first : second) =
                        ascii ? QString::fromLatin1(value) : QString::fromUtf8(value);
                } while (consume(','));
                if (!consume('}'))
                    return false;
            }
            out.append(std::move(item));
        } while (consume(','));
        return consume(']');
    }

    bool links(QList<Link> &out) { return pairList("href", &Link::href, "rel", &Link::rel, out); }

private:
    bool escape(bool &ascii);
    // One well-formed UTF-8 sequence of a character (no overlong form, surrogate or noncharacter).
    bool utf8Sequence();

    const char *m_p;
    const char *m_end;
    QByteArray m_decoded;
};

} // namespace aikeys::json
