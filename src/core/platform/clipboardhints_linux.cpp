#include "platform/clipboardhints.h"

using namespace Qt::StringLiterals;

namespace aikeys {

QList<ClipboardFormat> secretClipboardHints()
{
    // KDE's convention (Klipper, and clipboard managers that copied it): a clipboard whose offer
    // includes this type with the value "secret" is not kept in the history.
    return {{u"x-kde-passwordManagerHint"_s, QByteArrayLiteral("secret")}};
}

} // namespace aikeys
