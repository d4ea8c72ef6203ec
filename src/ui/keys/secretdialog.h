#pragma once

#include "domain/types.h"
#include "security/secretbuffer.h"

#include <QDialog>
#include <QPointer>

#include <functional>
#include <memory>

class QPushButton;

namespace Ui {
class SecretDialog;
}

namespace aikeys {

class EmbeddingTest;
class SecureClipboard;

// Shows a newly created key's secret, the one time Atlas ever returns it. The secret is masked until
// the user reveals it; Copy puts it on the clipboard through SecureClipboard (hints for clipboard
// managers, cleared after a countdown); Save to File writes VOYAGE_API_KEY=<secret> to a file only
// the user can read; Test Key lets the caller try it against its endpoint. Done is enabled once the
// user confirms having stored the key; closing any other way asks first. Nothing here talks to the
// network: the test goes through the caller's KeyTester.
//
// The secret lives in the SecretBuffer moved in, and in the QLineEdit that shows it. It is never put
// in a QVariant, a model, a setting, a log or any file but the one the user picks. When the dialog
// closes, the buffer is wiped and the line edit's text is overwritten in place, then cleared.
//
// What this does not protect against: QLineEdit keeps copies we cannot reach (while revealed, the
// text it lays out for display; those are freed, not overwritten); the clipboard is readable by
// every program in the user's session while the secret is on it, and clipboard managers that ignore
// the hints keep it; the file is only as safe as the disk and its backups; and anyone who can read
// this process's memory or its swap can read the secret while the dialog is open.
class SecretDialog : public QDialog
{
    Q_OBJECT

public:
    // Starts a request that tries the key (an EmbeddingTest the caller builds on its own network
    // access manager). secret is only valid during the call. May return nullptr to decline.
    using KeyTester = std::function<EmbeddingTest *(const SecretBuffer &secret, const QString &endpoint)>;

    // clipboard is not owned and may be null (Copy is then unavailable).
    SecretDialog(const AiKey &key, SecretBuffer secret, SecureClipboard *clipboard,
                 QWidget *parent = nullptr);
    ~SecretDialog() override;

    const AiKey &key() const { return m_key; }
    // Without a tester the Test Key button is hidden.
    void setKeyTester(KeyTester tester);

    bool isRevealed() const;
    // False once the dialog has closed and wiped the secret.
    bool holdsSecret() const { return !m_secret.isEmpty(); }
    QPushButton *doneButton() const { return m_done; }

public Q_SLOTS:
    void setRevealed(bool revealed);
    void copySecret();
    void saveToFile();
    void testKey();
    void accept() override;
    void reject() override;
    void done(int result) override;

Q_SIGNALS:
    // A key test finished: works is true when the endpoint accepted the key.
    void keyTested(bool works);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    enum class Status { None, Busy, Success, Failure };
    void setStatus(Status status, const QString &text);
    void onTestFinished(EmbeddingTest *test);
    void wipe();
    void updateIcons();
    QString suggestedFileName() const;

    const std::unique_ptr<Ui::SecretDialog> m_ui;
    AiKey m_key;
    SecretBuffer m_secret;
    QPointer<SecureClipboard> m_clipboard;
    KeyTester m_tester;
    QPointer<EmbeddingTest> m_test;
    QPushButton *m_done = nullptr;
    bool m_copiedHere = false; // the clipboard's countdown is for our copy
};

} // namespace aikeys
