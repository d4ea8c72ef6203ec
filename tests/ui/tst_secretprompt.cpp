#include "profiles/secretprompt.h"
#include "testenv.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::anyContains;
using aikeys::test::child;
using aikeys::test::unnamedInteractiveChildren;

namespace {

Profile apiKeyProfile()
{
    Profile profile;
    profile.name = u"Prompted"_s;
    profile.authMode = AuthMode::ApiKey;
    profile.publicId = u"demo"_s;
    profile.baseUrl = QUrl(u"https://cloud.mongodb.com"_s);
    return profile;
}

} // namespace

// SecretPrompt: the dialog that asks for a profile's secret when the keychain has none to give.
class TestSecretPrompt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::prepareTestEnvironment(); }

    void defaultState()
    {
        SecretPrompt prompt(apiKeyProfile());
        prompt.show();
        QVERIFY(QTest::qWaitForWindowExposed(&prompt));
        QCOMPARE(prompt.objectName(), u"secretPrompt"_s);
        QCOMPARE(prompt.windowTitle(), u"Sign In to Prompted"_s);
        QVERIFY2(unnamedInteractiveChildren(&prompt).isEmpty(),
                 qPrintable(unnamedInteractiveChildren(&prompt).join(u", "_s)));

        auto *edit = child<QLineEdit>(&prompt, "secretEdit");
        auto *remember = child<QCheckBox>(&prompt, "rememberCheck");
        auto *signIn = child<QPushButton>(&prompt, "signInButton");
        auto *cancel = child<QPushButton>(&prompt, "cancelButton");
        auto *reason = child<QLabel>(&prompt, "reasonLabel");
        auto *note = child<QLabel>(&prompt, "sessionNote");
        // An empty password field with the focus; nothing to sign in with yet.
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QCOMPARE(QApplication::focusWidget(), edit);
        QVERIFY(!signIn->isEnabled());
        QVERIFY(signIn->isDefault());
        QVERIFY(cancel->isEnabled());
        // Remembering in the keychain is offered and on.
        QVERIFY(remember->isEnabled());
        QVERIFY(remember->isChecked());
        QVERIFY(prompt.isKeychainAvailable());
        QVERIFY(prompt.rememberInKeychain());
        QVERIFY(note->text().contains(u"keychain"_s));
        // No reason given yet: none shown.
        QVERIFY(reason->isHidden());
        QVERIFY(child<QLabel>(&prompt, "titleLabel")->text().contains(u"private key"_s));
        QVERIFY(child<QLabel>(&prompt, "titleLabel")->text().contains(u"Prompted"_s));
        QVERIFY(child<QLabel>(&prompt, "accountLabel")->text().contains(u"Programmatic API key"_s));
        QVERIFY(child<QLabel>(&prompt, "accountLabel")->text().contains(u"cloud.mongodb.com"_s));
        QVERIFY(prompt.takeSecret().isEmpty());
    }

    void typingEnablesSignInAndAcceptMovesTheSecretOut()
    {
        SecretPrompt prompt(apiKeyProfile());
        prompt.show();
        QVERIFY(QTest::qWaitForWindowExposed(&prompt));
        auto *edit = child<QLineEdit>(&prompt, "secretEdit");
        auto *signIn = child<QPushButton>(&prompt, "signInButton");
        QTest::keyClicks(edit, u"typed-secret"_s);
        QVERIFY(signIn->isEnabled());
        // Masked in the field, and in no label, title or tooltip.
        QVERIFY(!edit->displayText().contains(u"typed-secret"_s));
        QStringList shown = test::allTexts(&prompt);
        shown.removeAll(edit->text());
        QVERIFY(!anyContains(shown, "typed-secret"));
        QTest::mouseClick(signIn, Qt::LeftButton);
        QCOMPARE(prompt.result(), int(QDialog::Accepted));
        QVERIFY(edit->text().isEmpty()); // wiped as the dialog closed
        Credentials c = prompt.takeCredentials();
        QCOMPARE(c.mode, AuthMode::ApiKey);
        QCOMPARE(c.id, u"demo"_s);
        QCOMPARE(c.secret.reveal(), QByteArray("typed-secret"));
        QVERIFY(prompt.takeSecret().isEmpty()); // moved out once
    }

    void enterWithAnEmptyFieldDoesNotAccept()
    {
        SecretPrompt prompt(apiKeyProfile());
        prompt.show();
        QVERIFY(QTest::qWaitForWindowExposed(&prompt));
        QTest::keyClick(child<QLineEdit>(&prompt, "secretEdit"), Qt::Key_Return);
        QVERIFY(prompt.isVisible());
        QCOMPARE(prompt.result(), 0);
        prompt.accept(); // also refused when called directly
        QVERIFY(prompt.isVisible());
        // With a secret, Enter signs in.
        QTest::keyClicks(child<QLineEdit>(&prompt, "secretEdit"), u"x"_s);
        QTest::keyClick(child<QLineEdit>(&prompt, "secretEdit"), Qt::Key_Return);
        QCOMPARE(prompt.result(), int(QDialog::Accepted));
        QCOMPARE(prompt.takeSecret().reveal(), QByteArray("x"));
    }

    void cancelForgetsWhatWasTyped()
    {
        SecretPrompt prompt(apiKeyProfile());
        prompt.show();
        QVERIFY(QTest::qWaitForWindowExposed(&prompt));
        auto *edit = child<QLineEdit>(&prompt, "secretEdit");
        QTest::keyClicks(edit, u"never-used"_s);
        QTest::mouseClick(child<QPushButton>(&prompt, "cancelButton"), Qt::LeftButton);
        QCOMPARE(prompt.result(), int(QDialog::Rejected));
        QVERIFY(edit->text().isEmpty());
        QVERIFY(prompt.takeSecret().isEmpty());
    }

    void uncheckingRememberKeepsItForTheSessionOnly()
    {
        SecretPrompt prompt(apiKeyProfile());
        auto *remember = child<QCheckBox>(&prompt, "rememberCheck");
        auto *note = child<QLabel>(&prompt, "sessionNote");
        const QString storedNote = note->text();
        remember->click();
        QVERIFY(!prompt.rememberInKeychain());
        QVERIFY(prompt.isKeychainAvailable());
        QVERIFY2(note->text().contains(u"this session only"_s), qPrintable(note->text()));
        QVERIFY(note->text() != storedNote);
        remember->click();
        QVERIFY(prompt.rememberInKeychain());
        QCOMPARE(note->text(), storedNote);
    }

    void keychainProblemsTurnRememberingOff_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<bool>("usable");
        QTest::newRow("none") << int(SecretError::None) << true;
        QTest::newRow("not found") << int(SecretError::NotFound) << true;
        QTest::newRow("no backend") << int(SecretError::NoBackend) << false;
        QTest::newRow("locked") << int(SecretError::Locked) << false;
        QTest::newRow("timed out") << int(SecretError::TimedOut) << false;
    }
    void keychainProblemsTurnRememberingOff()
    {
        QFETCH(int, error);
        QFETCH(bool, usable);
        SecretPrompt prompt(apiKeyProfile());
        prompt.setReason(ApiError::keychain(u"The secret could not be read from the keychain."_s,
                                            u"Install gnome-keyring."_s),
                         SecretError(error));
        auto *remember = child<QCheckBox>(&prompt, "rememberCheck");
        QCOMPARE(remember->isEnabled(), usable);
        QCOMPARE(remember->isChecked(), usable);
        QCOMPARE(prompt.rememberInKeychain(), usable);
        QCOMPARE(SecretPrompt::keychainUsableAfter(SecretError(error)), usable);
        // The reason and what to do are shown whatever the error.
        auto *reason = child<QLabel>(&prompt, "reasonLabel");
        QVERIFY(!reason->isHidden());
        QVERIFY(reason->text().contains(u"could not be read"_s));
        QVERIFY(reason->text().contains(u"Install gnome-keyring."_s));
        QCOMPARE(child<QLabel>(&prompt, "sessionNote")->text().contains(u"cannot be used right now"_s),
                 !usable);
    }

    void accessTokenCredentialsHaveNoId()
    {
        Profile profile;
        profile.name = u"Token"_s;
        profile.authMode = AuthMode::AccessToken;
        profile.publicId = u"ignored"_s;
        SecretPrompt prompt(profile);
        QVERIFY(child<QLabel>(&prompt, "accountLabel")
                    ->text()
                    .contains(authModeDisplayName(AuthMode::AccessToken)));
        QTest::keyClicks(child<QLineEdit>(&prompt, "secretEdit"), u"token-value"_s);
        prompt.accept();
        Credentials c = prompt.takeCredentials();
        QCOMPARE(c.mode, AuthMode::AccessToken);
        QVERIFY(c.id.isEmpty());
        QCOMPARE(c.secret.reveal(), QByteArray("token-value"));
    }
};

QTEST_MAIN(TestSecretPrompt)
#include "tst_secretprompt.moc"
