#pragma once

#include "platform/clipboardhints.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace aikeys {

class SecretBuffer;

// The system clipboard as SecureClipboard needs it. The widgets layer implements it over QClipboard
// (QtClipboardBackend); tests use a fake.
class ClipboardBackend
{
public:
    virtual ~ClipboardBackend();

    // Replaces the clipboard's content with text (UTF-8, offered as text/plain) and extra formats.
    virtual void setContent(const QByteArray &utf8Text, const QList<ClipboardFormat> &extraFormats) = 0;
    // The clipboard's current text as UTF-8, empty when it holds none.
    virtual QByteArray currentText() const = 0;
    virtual void clear() = 0;
    // The copy is over (cleared, or replaced by someone else): drop any copy of the text the backend
    // kept for itself, wiping it if it is the last holder.
    virtual void release() {}
};

// Copies a secret to the clipboard for a limited time, KeePassXC-style: the platform's
// clipboard-manager hints go with it, a countdown runs, and at its end the clipboard is cleared,
// but only if it still holds what we put there (the user may have copied something else since; that
// is theirs and stays). To know, it keeps a SHA-256 of the bytes, never the bytes themselves.
// clearNow() ends the countdown early; it runs on its own when the application quits
// (QCoreApplication::aboutToQuit) and when the object is destroyed.
//
// What this does not protect against: the clipboard is readable by every program in the user's
// session for as long as the secret is on it; clipboard managers that ignore the hints keep a copy;
// and the platform's clipboard code holds its own copies of the text that we cannot wipe.
class SecureClipboard : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultClearSeconds = 30;
    static constexpr int kMinClearSeconds = 5;
    static constexpr int kMaxClearSeconds = 600;

    // Takes ownership of the backend. clearSeconds is clamped to 5..600.
    explicit SecureClipboard(std::unique_ptr<ClipboardBackend> backend,
                             int clearSeconds = kDefaultClearSeconds, QObject *parent = nullptr);
    ~SecureClipboard() override;

    int clearSeconds() const { return m_clearSeconds; }
    // Applies to the next copy; a countdown already running keeps its length.
    void setClearSeconds(int seconds);

    // Puts the secret on the clipboard with the platform's hints and starts (or restarts) the
    // countdown: countdown(clearSeconds) at once, then once a second, then cleared() or replaced().
    void copySecret(const SecretBuffer &secret);
    // Something that is not a secret (a key id, a masked secret): no hints, no countdown. A secret
    // still counting down is thereby replaced, so its countdown ends with replaced().
    void copyPlain(const QString &text);
    // Ends the countdown now, clearing the clipboard if it still holds our secret. Does nothing when
    // no countdown runs.
    void clearNow();

    bool isCountingDown() const { return m_timer.isActive(); }
    // The length of one countdown step, one second; tests shorten it.
    void setTickInterval(int ms) { m_timer.setInterval(ms); }
    int secondsLeft() const { return isCountingDown() ? m_secondsLeft : 0; }

    ClipboardBackend *backend() const { return m_backend.get(); }

Q_SIGNALS:
    void countdown(int secondsLeft);
    // The countdown ended and the secret was removed from the clipboard.
    void cleared();
    // The countdown ended but the clipboard held something else by then: nothing was cleared.
    void replaced();

private:
    void tick();
    void finish();
    bool clipboardHoldsOurs() const;

    std::unique_ptr<ClipboardBackend> m_backend;
    QTimer m_timer;
    QByteArray m_digest; // SHA-256 of what we put there; empty when no countdown runs
    int m_clearSeconds = kDefaultClearSeconds;
    int m_secondsLeft = 0;
};

} // namespace aikeys
