#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>

namespace aikeys::json {

// Values that repeat from key to key (status, cloud, endpoint, creator, project id) are kept once
// and shared, so 20,000 keys read by PlainKeyReader do not hold 20,000 copies of "ACTIVE". It
// remembers the last few distinct values of one field.
class StringInterner
{
public:
    // The string for bytes (UTF-8; Latin-1 when ascii), shared with earlier calls for the same bytes.
    QString get(QByteArrayView bytes, bool ascii);

private:
    struct Entry
    {
        QByteArray bytes;
        QString value;
    };
    std::array<Entry, 8> m_entries;
    size_t m_next = 0;
    size_t m_used = 0;
};

} // namespace aikeys::json
