#include "platform/clipboardhints.h"

using namespace Qt::StringLiterals;

namespace aikeys {

QList<ClipboardFormat> secretClipboardHints()
{
    // nspasteboard.org's convention: clipboard history tools skip an item that carries the
    // org.nspasteboard.ConcealedType type. Qt maps an unknown MIME type to a private UTI of its own,
    // so this MIME type only reaches the pasteboard as org.nspasteboard.ConcealedType through the
    // QUtiMimeConverter that the UI registers (src/ui/common/concealedpasteboard.cpp, Qt 6.5 and later;
    // the class was private before): built with Qt 6.4, the hint is inert. The value is not read by
    // anyone; it is a marker.
    return {{u"application/x-nspasteboard-concealed-type"_s, QByteArrayLiteral("secret")}};
}

} // namespace aikeys
