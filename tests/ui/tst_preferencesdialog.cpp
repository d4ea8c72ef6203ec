// The preferences dialog under offscreen, on a temporary settings file.
#include "settings.h"
#include "testenv.h"
#include "window/preferencesdialog.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

struct Parts
{
    explicit Parts(QDialog &d)
        : clipboard(d.findChild<QSpinBox *>(u"clipboardSpin"_s))
        , grace(d.findChild<QSpinBox *>(u"graceSpin"_s))
        , stale(d.findChild<QSpinBox *>(u"staleSpin"_s))
        , idle(d.findChild<QSpinBox *>(u"idleSpin"_s))
        , theme(d.findChild<QCheckBox *>(u"themeCheck"_s))
        , ok(d.findChild<QPushButton *>(u"okButton"_s))
        , cancel(d.findChild<QPushButton *>(u"cancelButton"_s))
        , defaults(d.findChild<QPushButton *>(u"restoreDefaultsButton"_s))
    {}
    bool complete() const { return clipboard && grace && stale && idle && theme && ok && cancel && defaults; }
    QSpinBox *clipboard, *grace, *stale, *idle;
    QCheckBox *theme;
    QPushButton *ok, *cancel, *defaults;
};

} // namespace

class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::prepareTestEnvironment();
    }

    void init()
    {
        m_path = m_dir.filePath(u"prefs-%1.ini"_s.arg(++m_run));
        m_qsettings = std::make_unique<QSettings>(m_path, QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(m_qsettings.get());
    }

    void cleanup()
    {
        m_settings.reset();
        m_qsettings.reset();
    }

    void shouldHaveDefaultValues()
    {
        PreferencesDialog d(m_settings.get());
        Parts p(d);
        QVERIFY(p.complete());
        QCOMPARE(d.windowTitle(), u"Preferences"_s);
        QCOMPARE(p.clipboard->value(), 30);
        QCOMPARE(p.grace->value(), 7);
        QCOMPARE(p.stale->value(), 90);
        QCOMPARE(p.idle->value(), 24);
        QVERIFY(p.theme->isChecked());
        for (QWidget *w : std::initializer_list<QWidget *>{p.clipboard, p.grace, p.stale, p.idle, p.theme,
                                                           p.ok, p.cancel, p.defaults})
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
        // Opening it writes nothing.
        m_qsettings->sync();
        QVERIFY(m_qsettings->allKeys().isEmpty());
    }

    void boundsComeFromTheSettingsTable()
    {
        PreferencesDialog d(m_settings.get());
        Parts p(d);
        const auto check = [](QSpinBox *spin, Settings::Key key) {
            const Settings::Entry &e = Settings::entry(key);
            return spin->minimum() == e.minimum && spin->maximum() == e.maximum;
        };
        QVERIFY(check(p.clipboard, Settings::Key::ClipboardClearSeconds));
        QVERIFY(check(p.grace, Settings::Key::AuditGraceDays));
        QVERIFY(check(p.stale, Settings::Key::AuditStaleDays));
        QVERIFY(check(p.idle, Settings::Key::RotationIdleHours));
        QCOMPARE(p.clipboard->minimum(), 5);
        QCOMPARE(p.clipboard->maximum(), 600);
        // Out-of-range typing is held to the bounds.
        p.clipboard->setValue(2);
        QCOMPARE(p.clipboard->value(), 5);
        p.clipboard->setValue(100000);
        QCOMPARE(p.clipboard->value(), 600);
    }

    void roundTrip()
    {
        {
            PreferencesDialog d(m_settings.get());
            Parts p(d);
            p.clipboard->setValue(45);
            p.grace->setValue(3);
            p.stale->setValue(120);
            p.idle->setValue(72);
            p.theme->setChecked(false);
            QSignalSpy changed(&d, &PreferencesDialog::preferencesChanged);
            QTest::mouseClick(p.ok, Qt::LeftButton);
            QCOMPARE(changed.count(), 1);
            QCOMPARE(d.result(), int(QDialog::Accepted));
        }
        // In the file, as the next run reads it.
        QSettings reread(m_path, QSettings::IniFormat);
        Settings next(&reread);
        QCOMPARE(next.clipboardClearSeconds(), 45);
        QCOMPARE(next.auditGraceDays(), 3);
        QCOMPARE(next.auditStaleDays(), 120);
        QCOMPARE(next.rotationIdleHours(), 72);
        QVERIFY(!next.themeFollowsSystem());
        // And shown again by the next dialog.
        PreferencesDialog again(&next);
        Parts q(again);
        QCOMPARE(q.clipboard->value(), 45);
        QCOMPARE(q.grace->value(), 3);
        QCOMPARE(q.stale->value(), 120);
        QCOMPARE(q.idle->value(), 72);
        QVERIFY(!q.theme->isChecked());
    }

    void cancelWritesNothing()
    {
        m_settings->setClipboardClearSeconds(60);
        PreferencesDialog d(m_settings.get());
        Parts p(d);
        QCOMPARE(p.clipboard->value(), 60);
        p.clipboard->setValue(10);
        p.theme->setChecked(false);
        QTest::mouseClick(p.cancel, Qt::LeftButton);
        QCOMPARE(d.result(), int(QDialog::Rejected));
        QCOMPARE(m_settings->clipboardClearSeconds(), 60);
        QVERIFY(m_settings->themeFollowsSystem());
    }

    void restoreDefaults()
    {
        m_settings->setClipboardClearSeconds(300);
        m_settings->setAuditStaleDays(10);
        m_settings->setThemeFollowsSystem(false);
        PreferencesDialog d(m_settings.get());
        Parts p(d);
        QTest::mouseClick(p.defaults, Qt::LeftButton);
        QCOMPARE(p.clipboard->value(), 30);
        QCOMPARE(p.stale->value(), 90);
        QVERIFY(p.theme->isChecked());
        // Only in the fields until OK.
        QCOMPARE(m_settings->clipboardClearSeconds(), 300);
        QTest::mouseClick(p.ok, Qt::LeftButton);
        QCOMPARE(m_settings->clipboardClearSeconds(), 30);
        QCOMPARE(m_settings->auditStaleDays(), 90);
        QVERIFY(m_settings->themeFollowsSystem());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_run = 0;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;
};

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
