#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QStringView>

namespace aikeys::json {

// Writes JSON byte for byte as QJsonDocument::toJson(Indented) writes the same document, one member
// at a time, for documents too large to build as a QJsonObject first (a 20,000-key listing or audit
// spent most of its CPU and memory on the tree). Qt sorts an object's members by name: write them in
// that order. Small parts can be written from a QJsonValue.
//
// The bytes go to out(); a caller streaming a large document hands them on between records and
// clears the array (the writer keeps no offsets into it).
class IndentedJsonWriter
{
public:
    QByteArray &out() { return m_out; }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // The next member's name; its value follows.
    void name(QByteArrayView name);

    void string(QStringView text);
    void null();
    void boolean(bool value);
    void integer(qint64 value);
    // ISO 8601 in UTC with milliseconds (formatTimestampUtc), or null for an invalid time.
    void timestamp(const QDateTime &when);
    // Any value, as Qt would write it (objects with their members sorted).
    void value(const QJsonValue &v);

    // A member with a string value, in one step: most of a listing.
    void member(QByteArrayView memberName, QStringView text);

    // Ends the document (the newline QJsonDocument puts after the top-level value).
    void finish();

    // For a writer of many small members in one go (a key): room for up to bytes more, written
    // through the pointer, then commit(end) with where the writing stopped. wroteMembers: members
    // of the innermost open object were written, so endObject() closes it as Qt does.
    char *reserve(qsizetype bytes);
    void commit(const char *end, bool wroteMembers);
    // How deep the innermost open object or array is (its members are indented by 4 x depth).
    int depth() const { return int(m_first.size()); }

private:
    void beforeValue();
    void indent(int depth);

    QByteArray m_out;
    QList<bool> m_first; // per open object or array: nothing written in it yet
    bool m_afterName = false;
};

// The members of one object written through one reservation, for records written by the thousand
// (a key in a listing or an audit): made right after beginObject(), done before endObject(). The
// bound is worked out from the number of members and the length of the texts.
class MemberWriter
{
public:
    MemberWriter(IndentedJsonWriter &writer, int members, qsizetype textUnits);
    ~MemberWriter();
    MemberWriter(const MemberWriter &) = delete;
    MemberWriter &operator=(const MemberWriter &) = delete;

    void text(QByteArrayView name, QStringView value);
    // ISO 8601 in UTC with milliseconds, or null for an invalid time.
    void time(QByteArrayView name, const QDateTime &when);
    void integer(QByteArrayView name, qint64 value);
    void null(QByteArrayView name);
    void boolean(QByteArrayView name, bool value);

private:
    void name(QByteArrayView name);
    void literal(QByteArrayView bytes);

    IndentedJsonWriter &m_writer;
    qsizetype m_indent;
    char *m_d;
    bool m_first = true;
};

// The same written through d, which has room for 6 x text.size() + 2 bytes; returns the end.
char *writeString(char *d, QStringView text);

// A JSON string literal of text, escaped as Qt escapes it (", \ and control characters; a lone
// surrogate as \uXXXX; everything else as UTF-8), between before and after.
void appendString(QByteArray &out, QByteArrayView before, QStringView text, QByteArrayView after);

} // namespace aikeys::json
