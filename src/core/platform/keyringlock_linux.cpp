#include "logging.h"
#include "platform/keyringlock.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

using namespace Qt::StringLiterals;

namespace aikeys {

void checkDefaultKeyringLocked(QObject *context, int timeoutMs, std::function<void(bool locked)> done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        QMetaObject::invokeMethod(
            context, [done] { done(false); }, Qt::QueuedConnection);
        return;
    }
    QDBusMessage get = QDBusMessage::createMethodCall(u"org.freedesktop.secrets"_s,
                                                      u"/org/freedesktop/secrets/aliases/default"_s,
                                                      u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
    get << u"org.freedesktop.Secret.Collection"_s << u"Locked"_s;
    // Never auto-start a keyring daemon just to ask: if none runs, nothing can be locked.
    get.setAutoStartService(false);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(get, timeoutMs), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [done](QDBusPendingCallWatcher *w) {
                         w->deleteLater();
                         const QDBusPendingReply<QDBusVariant> reply = *w;
                         if (reply.isError()) {
                             qCDebug(lcCredentials).noquote()
                                 << "Secret Service lock state unknown:" << reply.error().name()
                                 << reply.error().message();
                             done(false);
                             return;
                         }
                         const bool locked = reply.value().variant().toBool();
                         qCInfo(lcCredentials) << "Secret Service default collection locked:" << locked;
                         done(locked);
                     });
}

} // namespace aikeys
