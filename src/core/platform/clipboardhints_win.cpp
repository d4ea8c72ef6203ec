#include "platform/clipboardhints.h"

using namespace Qt::StringLiterals;

namespace aikeys {

QList<ClipboardFormat> secretClipboardHints()
{
    // Qt registers a clipboard format under the exact name of an unknown MIME type, so these reach
    // Windows as the registered formats Microsoft documents: monitors (clipboard managers) are asked
    // to skip the content, and a DWORD 0 keeps it out of the Win+V history and the cloud clipboard.
    const QByteArray zeroDword(4, '\0');
    return {{u"ExcludeClipboardContentFromMonitorProcessing"_s, zeroDword},
            {u"CanIncludeInClipboardHistory"_s, zeroDword},
            {u"CanUploadToCloudClipboard"_s, zeroDword}};
}

} // namespace aikeys
