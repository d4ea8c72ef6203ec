#include "common/wipelineedit.h"

#include <QLineEdit>

namespace aikeys {

void wipeLineEdit(QLineEdit *edit)
{
    // QString's storage is heap memory that was never const, so writing through the const_cast is
    // defined; the line edit's own copy is what is overwritten (its text() shares the buffer).
    const QString text = edit->text();
    if (text.isEmpty())
        return;
    // Text set from a literal lives in read-only memory and was never typed: nothing to overwrite.
    if (!text.data_ptr().isMutable()) {
        edit->clear();
        return;
    }
    volatile char16_t *p = reinterpret_cast<volatile char16_t *>(const_cast<QChar *>(text.constData()));
    for (qsizetype i = 0; i < text.size(); ++i)
        p[i] = 0;
    edit->clear();
}

} // namespace aikeys
