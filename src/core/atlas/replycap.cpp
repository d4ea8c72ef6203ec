#include "atlas/replycap.h"

#include <QNetworkReply>

#include <memory>

namespace aikeys {

void capReplySize(QNetworkReply *reply, qint64 maxBytes, const QObject *context,
                  std::function<void()> onTooLarge)
{
    // A buffer of exactly the cap could stop the reader short of crossing it, and the reply would
    // then only time out.
    reply->setReadBufferSize(2 * maxBytes);
    auto fired = std::make_shared<bool>(false);
    const auto check = [maxBytes, fired, onTooLarge = std::move(onTooLarge)](qint64 size) {
        if (size > maxBytes && !*fired) {
            *fired = true;
            onTooLarge();
        }
    };
    // A declared length is refused before any of it arrives; an undeclared one as it grows.
    QObject::connect(reply, &QNetworkReply::metaDataChanged, context, [reply, check] {
        check(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
    });
    // downloadProgress is throttled and falls silent once the read buffer is full; readyRead comes
    // with every piece, and nothing is read before the end, so what is available is the size so far.
    QObject::connect(reply, &QNetworkReply::readyRead, context,
                     [reply, check] { check(reply->bytesAvailable()); });
}

} // namespace aikeys
