#pragma once

#include <QtGlobal>

#include <functional>

class QNetworkReply;
class QObject;

namespace aikeys {

// Bounds what one reply may take: onTooLarge runs once when a declared Content-Length or the bytes
// received pass maxBytes (the caller aborts the reply there). Qt's network thread reads ahead as
// fast as the server sends; a read buffer of twice the cap stops it there, so the answer never takes
// more memory than that.
void capReplySize(QNetworkReply *reply, qint64 maxBytes, const QObject *context,
                  std::function<void()> onTooLarge);

} // namespace aikeys
