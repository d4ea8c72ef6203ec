#include "domain/stringinterner.h"

namespace aikeys::json {

QString StringInterner::get(QByteArrayView bytes, bool ascii)
{
    for (size_t i = 0; i < m_used; ++i) {
        if (m_entries[i].bytes == bytes)
            return m_entries[i].value;
    }
    Entry &e = m_entries[m_next];
    m_next = (m_next + 1) % m_entries.size();
    m_used = qMax(m_used, m_next == 0 ? m_entries.size() : m_next);
    e.bytes = bytes.toByteArray();
    e.value = ascii ? QString::fromLatin1(bytes) : QString::fromUtf8(bytes);
    return e.value;
}

} // namespace aikeys::json
