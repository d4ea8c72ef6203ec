#include "common/concealedpasteboard.h"

#include <QtGlobal>

#if defined(Q_OS_MACOS) && QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#define AIKEYS_CONCEALED_CONVERTER 1
#include <QByteArray>
#include <QGuiApplication>
#include <QList>
#include <QString>
#include <QUtiMimeConverter>
#include <QVariant>
#endif

namespace aikeys {

#if defined(AIKEYS_CONCEALED_CONVERTER)

namespace {

// nspasteboard.org's convention: an item that also carries this type is left out of clipboard
// histories. Its data is a marker; nobody reads it.
const QString kConcealedMime = QStringLiteral("application/x-nspasteboard-concealed-type");
const QString kConcealedUti = QStringLiteral("org.nspasteboard.ConcealedType");

class ConcealedTypeConverter final : public QUtiMimeConverter
{
public:
    // Qt -> pasteboard.
    QString utiForMime(const QString &mime) const override
    {
        return mime == kConcealedMime ? kConcealedUti : QString();
    }
    QList<QByteArray> convertFromMime(const QString &mime, const QVariant &data,
                                      const QString &uti) const override
    {
        if (mime != kConcealedMime || uti != kConcealedUti)
            return {};
        return {data.toByteArray()};
    }

    // Pasteboard -> Qt (another program's concealed item, as our own clipboard reads it back).
    QString mimeForUti(const QString &uti) const override
    {
        return uti == kConcealedUti ? kConcealedMime : QString();
    }
    QVariant convertToMime(const QString &mime, const QList<QByteArray> &data,
                           const QString &uti) const override
    {
        if (mime != kConcealedMime || uti != kConcealedUti || data.isEmpty())
            return {};
        return data.first();
    }
};

} // namespace

void registerConcealedPasteboardType()
{
    static bool registered = false;
    if (registered || !qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return;
    registered = true;
    // Registers itself on construction, ahead of Qt's own converters (the latest comes first); Qt
    // owns it from here and deletes it when the application ends.
    new ConcealedTypeConverter;
}

#else

void registerConcealedPasteboardType()
{}

#endif

} // namespace aikeys
