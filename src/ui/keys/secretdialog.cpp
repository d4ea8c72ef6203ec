#include "keys/secretdialog.h"

#include "ui_secretdialog.h"

#include "atlas/embeddingtest.h"
#include "common/filedialog.h"
#include "common/messagebox.h"
#include "common/symbolicon.h"
#include "common/windowicons.h"
#include "keys/createkeydialog.h"
#include "security/secretfile.h"
#include "security/secureclipboard.h"

#include <QAction>
#include <QDir>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QStyle>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

// Zeroes a string's storage in place even while another QString shares it. That is what
// SecretBuffer::wipeString refuses to do, on purpose: here the other holder is the QLineEdit showing
// the secret, and overwriting its copy is the point. The storage is heap memory that was never
// const, so writing through the const_cast is defined.
void overwriteShared(const QString &text)
{
    if (text.isEmpty())
        return;
    volatile char16_t *p = reinterpret_cast<volatile char16_t *>(const_cast<QChar *>(text.constData()));
    for (qsizetype i = 0; i < text.size(); ++i)
        p[i] = 0;
}

} // namespace

SecretDialog::SecretDialog(const AiKey &key, SecretBuffer secret, SecureClipboard *clipboard, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SecretDialog>())
    , m_key(key)
    , m_secret(std::move(secret))
    , m_clipboard(clipboard)
{
    m_ui->setupUi(this);
    setObjectName(u"secretDialog"_s);
    setWindowTitle(tr("Key Created"));

    QFont headline = m_ui->headlineLabel->font();
    headline.setBold(true);
    headline.setPointSizeF(headline.pointSizeF() * 1.2);
    m_ui->headlineLabel->setFont(headline);
    m_ui->headlineLabel->setText(tr("The key \u201c%1\u201d was created").arg(key.name));

    m_ui->onlyOnceBar->setObjectName(u"onlyOnceBar"_s);
    m_ui->onlyOnceBar->setAnimated(false);
    m_ui->onlyOnceBar->setCloseButtonVisible(false);
    m_ui->onlyOnceBar->showMessage(MessageBar::Kind::Warning,
                                   tr("This is the only time this secret will be shown."),
                                   tr("Atlas does not keep a copy you can see again. Copy it or save it to a "
                                      "file now, and store it somewhere safe, such as a password manager."));

    // The secret: masked, read-only, monospaced so that a revealed secret reads unambiguously.
    QLineEdit *edit = m_ui->secretEdit;
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setMinimumWidth(edit->fontMetrics().averageCharWidth() * 50);
    {
        // The edit keeps the only QString copy; this one goes out of scope at once.
        const QString text = QString::fromUtf8(m_secret.reveal());
        edit->setText(text);
    }
    edit->setCursorPosition(0);
    // Copying goes through copySecret() only (hints, countdown): QLineEdit's own Copy, its context
    // menu, and selecting the revealed text (which X11 puts in the primary selection) are all closed.
    edit->installEventFilter(this);
    edit->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyAction = new QAction(tr("Copy Secret"), edit);
    copyAction->setObjectName(u"copySecretAction"_s);
    connect(copyAction, &QAction::triggered, this, &SecretDialog::copySecret);
    edit->addAction(copyAction);
    connect(edit, &QLineEdit::selectionChanged, edit, [edit] {
        if (edit->hasSelectedText())
            edit->deselect();
    });

    connect(m_ui->revealButton, &QToolButton::toggled, this, &SecretDialog::setRevealed);
    setRevealed(false);

    m_ui->copyButton->setText(tr("&Copy"));
    m_ui->copyButton->setToolTip(
        tr("Copy the secret to the clipboard (%1)")
            .arg(QKeySequence(QKeySequence::Copy).toString(QKeySequence::NativeText)));
    m_ui->copyButton->setEnabled(m_clipboard);
    connect(m_ui->copyButton, &QPushButton::clicked, this, &SecretDialog::copySecret);
    auto *copyShortcut = new QShortcut(QKeySequence::Copy, this);
    copyShortcut->setObjectName(u"copyShortcut"_s);
    connect(copyShortcut, &QShortcut::activated, this, &SecretDialog::copySecret);
    // Always there, one line high, so that the countdown appearing does not shift the dialog.
    m_ui->clipboardLabel->clear();
    m_ui->clipboardLabel->setMinimumHeight(m_ui->clipboardLabel->fontMetrics().height());

    // The longest label ("Shown in lists as:") would otherwise all but touch its value.
    m_ui->formLayout->setHorizontalSpacing(
        std::max(m_ui->formLayout->horizontalSpacing(), fontMetrics().averageCharWidth() * 2));
    m_ui->nameValue->setText(key.name);
    m_ui->keyIdValue->setText(key.apiKeyId);
    m_ui->maskedValue->setText(key.maskedSecret.isEmpty() ? tr("(not given)") : key.maskedSecret);
    m_ui->endpointValue->setText(key.endpoint.isEmpty() ? tr("(not given)") : key.endpoint);
    m_ui->copyIdButton->setText(tr("Copy ID"));
    m_ui->copyIdButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_ui->copyIdButton->setToolTip(tr("Copy the key ID"));
    m_ui->copyIdButton->setEnabled(m_clipboard && !key.apiKeyId.isEmpty());
    connect(m_ui->copyIdButton, &QToolButton::clicked, this, [this] {
        if (!m_clipboard)
            return;
        m_clipboard->copyPlain(m_key.apiKeyId);
        m_ui->clipboardLabel->setText(tr("Key ID copied to the clipboard."));
    });

    m_ui->saveButton->setText(tr("Save to &File\u2026"));
    m_ui->saveButton->setIcon(WindowIcons::get(WindowIcons::Icon::SaveToFile));
    m_ui->saveButton->setToolTip(tr("Write VOYAGE_API_KEY=\u2026 to a file that only you can read"));
    connect(m_ui->saveButton, &QPushButton::clicked, this, &SecretDialog::saveToFile);

    m_ui->testButton->setText(tr("&Test Key"));
    m_ui->testButton->setIcon(WindowIcons::get(WindowIcons::Icon::TestKey));
    m_ui->testButton->setToolTip(tr("Send one small embeddings request with this key"));
    m_ui->testButton->hide();
    connect(m_ui->testButton, &QPushButton::clicked, this, &SecretDialog::testKey);
    m_ui->statusIcon->hide();
    m_ui->statusLabel->hide();

    WindowIcons::dropStandardButtonIcons(m_ui->buttonBox);
    m_done = m_ui->buttonBox->addButton(tr("&Done"), QDialogButtonBox::AcceptRole);
    m_done->setObjectName(u"doneButton"_s);
    m_done->setAccessibleName(tr("Done"));
    m_done->setEnabled(false);
    m_done->setDefault(true);
    connect(m_ui->storedCheck, &QCheckBox::toggled, m_done, &QPushButton::setEnabled);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SecretDialog::accept);

    if (m_clipboard) {
        connect(m_clipboard, &SecureClipboard::countdown, this, [this](int seconds) {
            if (!m_copiedHere)
                return;
            m_ui->clipboardLabel->setText(tr("Clipboard clears in %1 s").arg(seconds));
        });
        connect(m_clipboard, &SecureClipboard::cleared, this, [this] {
            if (!m_copiedHere)
                return;
            m_copiedHere = false;
            m_ui->clipboardLabel->setText(tr("Clipboard cleared."));
        });
        connect(m_clipboard, &SecureClipboard::replaced, this, [this] {
            if (!m_copiedHere)
                return;
            m_copiedHere = false;
            m_ui->clipboardLabel->setText(
                tr("The clipboard holds something else now; it was left as it is."));
        });
    }

    edit->setFocus();
}

void SecretDialog::updateIcons()
{
    m_ui->revealButton->setIcon(SymbolIcon::get(
        isRevealed() ? SymbolIcon::Symbol::Conceal : SymbolIcon::Symbol::Reveal, m_ui->revealButton));
    m_ui->copyButton->setIcon(SymbolIcon::get(SymbolIcon::Symbol::Copy, m_ui->copyButton));
    m_ui->copyIdButton->setIcon(SymbolIcon::get(SymbolIcon::Symbol::Copy, m_ui->copyIdButton));
}

void SecretDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    // The built-in icons are drawn in the palette's colour.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcons();
}

SecretDialog::~SecretDialog()
{
    wipe();
}

void SecretDialog::setKeyTester(KeyTester tester)
{
    m_tester = std::move(tester);
    m_ui->testButton->setVisible(bool(m_tester));
}

bool SecretDialog::isRevealed() const
{
    return m_ui->secretEdit->echoMode() == QLineEdit::Normal;
}

void SecretDialog::setRevealed(bool revealed)
{
    m_ui->secretEdit->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    QToolButton *button = m_ui->revealButton;
    {
        const QSignalBlocker blocker(button);
        button->setChecked(revealed);
    }
    // setText() takes its shortcut from the text's mnemonic; Alt+R is set again after it so that
    // both states keep it ("Hide" has no mnemonic of its own: it would underline another letter).
    button->setText(revealed ? tr("Hide") : tr("&Reveal"));
    button->setShortcut(QKeySequence(Qt::ALT | Qt::Key_R));
    updateIcons();
    button->setToolTip(revealed ? tr("Mask the secret (Alt+R)") : tr("Show the secret (Alt+R)"));
    button->setAccessibleName(revealed ? tr("Hide the secret") : tr("Reveal the secret"));
}

void SecretDialog::copySecret()
{
    if (!m_clipboard || m_secret.isEmpty())
        return;
    m_copiedHere = true;
    m_clipboard->copySecret(m_secret);
}

QString SecretDialog::suggestedFileName() const
{
    QString base;
    for (const QChar c : m_key.name) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.')
            base += c;
        else if (!base.endsWith(u'-'))
            base += u'-';
    }
    while (base.startsWith(u'-') || base.startsWith(u'.'))
        base.remove(0, 1);
    base = base.left(60);
    while (base.endsWith(u'-'))
        base.chop(1);
    return (base.isEmpty() ? u"voyage-api-key"_s : base) + u".env"_s;
}

void SecretDialog::saveToFile()
{
    if (m_secret.isEmpty())
        return;
    const QString home = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    const QString path = FileDialog::getSaveFileName(this, tr("Save the Key's Secret"),
                                                     QDir(home).filePath(suggestedFileName()),
                                                     tr("Environment files (*.env);;All files (*)"));
    if (path.isEmpty())
        return;

    QByteArray contents;
    contents.reserve(16 + m_secret.size());
    contents.append("VOYAGE_API_KEY=");
    contents.append(m_secret.reveal());
    contents.append('\n');
    QString error;
    // The file dialog has already asked before choosing an existing file: replace it (with a new
    // private file renamed over it, so that nobody reading the old one sees the secret).
    const bool ok = writeSecretFile(path, contents, SecretFileMode::Replace, &error);
    SecretBuffer::wipeBytes(contents);

    const QString shown = QDir::toNativeSeparators(path);
    if (ok) {
        setStatus(Status::Success, tr("Saved to %1. Only you can read the file.").arg(shown));
        return;
    }
    setStatus(Status::Failure, tr("Could not save the secret: %1").arg(error));
    MessageBox::critical(this, tr("Could Not Save the Secret"),
                         tr("The secret was not saved to %1.").arg(shown), QMessageBox::Ok, QMessageBox::Ok,
                         error);
}

void SecretDialog::testKey()
{
    if (!m_tester || m_test || m_secret.isEmpty())
        return;
    EmbeddingTest *test = m_tester(m_secret, m_key.endpoint);
    if (!test)
        return;
    m_test = test;
    connect(test, &Job::finished, this, [this, test] { onTestFinished(test); });
    m_ui->testButton->setEnabled(false);
    setStatus(Status::Busy, tr("Testing\u2026"));
    test->start();
}

void SecretDialog::onTestFinished(EmbeddingTest *test)
{
    m_test = nullptr;
    m_ui->testButton->setEnabled(!m_secret.isEmpty());
    const bool works = test->succeeded();
    const QString hint = test->hint();
    setStatus(works ? Status::Success : Status::Failure,
              hint.isEmpty() ? test->message() : test->message() + u'\n' + hint);
    Q_EMIT keyTested(works);
}

void SecretDialog::setStatus(Status status, const QString &text)
{
    QIcon icon;
    switch (status) {
    case Status::None:
    case Status::Busy:
        break;
    case Status::Success:
        icon = QIcon::fromTheme(u"dialog-ok"_s, style()->standardIcon(QStyle::SP_DialogApplyButton));
        break;
    case Status::Failure:
        icon = QIcon::fromTheme(u"dialog-error"_s, style()->standardIcon(QStyle::SP_MessageBoxCritical));
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_ui->statusIcon->setPixmap(icon.isNull() ? QPixmap()
                                              : icon.pixmap(QSize(size, size), devicePixelRatioF()));
    m_ui->statusIcon->setVisible(!icon.isNull());
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setVisible(!text.isEmpty());
    detail::growToFit(this);
}

bool SecretDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->secretEdit &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut)) {
            if (event->type() == QEvent::ShortcutOverride) {
                // Claim the key so it arrives here as a key press rather than as the dialog's
                // shortcut, whatever the platform's shortcut handling does first.
                event->accept();
            } else {
                copySecret();
            }
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SecretDialog::accept()
{
    if (!m_ui->storedCheck->isChecked())
        return;
    QDialog::accept();
}

void SecretDialog::reject()
{
    // Escape and the window's close button end here; Done is the only way out without a question.
    if (!m_secret.isEmpty() && !m_ui->storedCheck->isChecked()) {
        const auto answer = MessageBox::question(this, tr("Close Without Storing the Key?"),
                                                 tr("You will not see this secret again. Close anyway?"),
                                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    QDialog::reject();
}

void SecretDialog::done(int result)
{
    wipe();
    QDialog::done(result);
}

void SecretDialog::wipe()
{
    if (m_test) {
        m_test->disconnect(this);
        m_test->cancel();
        m_test = nullptr;
    }
    QLineEdit *edit = m_ui->secretEdit;
    if (!edit->text().isEmpty()) {
        // Back to the mask first, so the text laid out for display is the mask, not the secret.
        setRevealed(false);
        overwriteShared(edit->text());
        edit->clear();
    }
    m_secret.wipe();
    m_ui->copyButton->setEnabled(false);
    m_ui->revealButton->setEnabled(false);
    m_ui->saveButton->setEnabled(false);
    m_ui->testButton->setEnabled(false);
}

} // namespace aikeys
