#pragma once

#include <QObject>

#include <functional>

namespace aikeys {

// Whether the keyring QtKeychain stores into is locked. On Linux a locked Secret Service collection
// hides its items: a read answers "not found" and a delete "done" although the entry is still there,
// so a "not found" (or a delete that found nothing to do) is only believed once the keyring is known
// to be unlocked. One implementation per platform (keyringlock_linux.cpp, _mac.cpp, _win.cpp); only
// the current platform's file is compiled.
//
// Linux asks the Secret Service on the session bus for the property
// org.freedesktop.Secret.Collection.Locked of its default collection
// (/org/freedesktop/secrets/aliases/default). macOS and Windows answer "not locked": their keychains
// ask the user to unlock instead of hiding entries.
//
// done(locked) runs once, from the event loop (never inside this call), and only while context lives.
// locked is true only when the Secret Service says so: no Secret Service, no default collection, an
// error or no answer within timeoutMs all count as "not locked".
void checkDefaultKeyringLocked(QObject *context, int timeoutMs, std::function<void(bool locked)> done);

} // namespace aikeys
