#include "appcontroller.h"
#include "mainwindow.h"
#include "platform/hardening.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <aikeys/version.h>
#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// --first-paint-probe (start-up benchmark): prints the steady clock at the window's first paint and
// quits. The benchmark compares it with the time it started the process.
class FirstPaintProbe final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // After this paint event has been handled: the window's first frame is complete.
            QTimer::singleShot(0, qApp, [] {
                const auto now = std::chrono::steady_clock::now().time_since_epoch();
                std::printf("first-paint-ns %lld\n",
                            static_cast<long long>(
                                std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()));
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

void loadTranslations(QApplication &app)
{
    // Qt's own strings (dialog buttons), then ours; English needs ours too, for its plural forms.
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), u"atlas-ai-keys"_s, u"_"_s, u":/i18n"_s) ||
        own->load(u"atlas-ai-keys_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(own);
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any secret exists in this process.
    aikeys::platform::disableCoreDumps();

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"atlas-ai-keys"_s);
    QApplication::setApplicationDisplayName(QStringLiteral(AIKEYS_PRODUCT_NAME));
    QApplication::setApplicationVersion(QStringLiteral(AIKEYS_VERSION));
    QApplication::setOrganizationName(u"AtlasAiKeys"_s);
    QApplication::setDesktopFileName(QStringLiteral(AIKEYS_APP_ID));
    loadTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Desktop manager for MongoDB Atlas AI model API keys."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        u"demo"_s, QCoreApplication::translate(
                       "main", "Start the bundled Atlas simulator with demo data and sign in to it."));
    const QCommandLineOption profile(
        u"profile"_s, QCoreApplication::translate("main", "Sign in with the profile called <name>."),
        QCoreApplication::translate("main", "name"));
    const QCommandLineOption select(
        u"select"_s,
        QCoreApplication::translate("main",
                                    "Select this project or organization (name or ID) once it is listed."),
        QCoreApplication::translate("main", "name"));
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        QCoreApplication::translate(
            "main",
            "Testing aid: save a PNG of the window to <file> once the first load has finished, then quit."),
        QCoreApplication::translate("main", "file"));
    QCommandLineOption screenshotDialog(u"screenshot-dialog"_s,
                                        u"With --screenshot: grab the create or secret dialog."_s,
                                        u"create|secret"_s);
    screenshotDialog.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption quitAfter(
        u"quit-after"_s, QCoreApplication::translate("main", "Testing aid: quit after <ms> milliseconds."),
        QCoreApplication::translate("main", "ms"));
    QCommandLineOption firstPaint(u"first-paint-probe"_s,
                                  u"Start-up benchmark: print the time of the first paint and quit."_s);
    firstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demo, profile, select, screenshot, screenshotDialog, quitAfter, firstPaint});
    parser.process(app);

    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "Unexpected argument: %1")
                                    .arg(parser.positionalArguments().first())));
        return 2;
    }
    if (parser.isSet(demo) && parser.isSet(profile)) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QCoreApplication::translate("main", "--demo and --profile cannot be combined.")));
        return 2;
    }

    aikeys::AppOptions options;
    options.demo = parser.isSet(demo);
    options.profileName = parser.value(profile);
    options.select = parser.value(select);
    options.screenshotPath = parser.value(screenshot);
    options.screenshotDialog = parser.value(screenshotDialog);
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        options.quitAfterMs = parser.value(quitAfter).toInt(&ok);
        if (!ok || options.quitAfterMs <= 0) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                             "main", "--quit-after takes a positive number of milliseconds.")));
            return 2;
        }
    }

    aikeys::AppController controller(options);
    if (parser.isSet(firstPaint)) {
        // Measures the window alone: no sign-in, no demo data.
        auto *probe = new FirstPaintProbe(&app);
        controller.window()->installEventFilter(probe);
        controller.window()->show();
    } else {
        controller.start();
    }
    const int code = app.exec();
    return code != 0 ? code : controller.exitCode();
}
