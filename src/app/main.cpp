#include "platform/hardening.h"
#include "quitsignals.h"
#include "window/appcontroller.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>

#include <aikeys/version.h>
#include <chrono>
#include <cstdio>

#if defined(AIKEYS_HAVE_FONTCONFIG)
#include <fontconfig/fontconfig.h>
#include <thread>
#endif

using namespace Qt::StringLiterals;

namespace {

// What the start-up benchmark reads: a label and the steady clock in nanoseconds; then the app quits.
void printClockAndQuit(const char *label)
{
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    std::printf("%s %lld\n", label,
                static_cast<long long>(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()));
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

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
            QTimer::singleShot(0, qApp, [] { printClockAndQuit("first-paint-ns"); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

// --tree-filled-probe (start-up benchmark, with --demo): prints the steady clock once the window is
// signed in to the demo and its tree, filled with the organizations and projects, has been painted,
// then quits.
class TreeFilledProbe final : public QObject
{
public:
    explicit TreeFilledProbe(aikeys::MainWindow *window)
        : QObject(window)
        , m_window(window)
    {
        connect(window, &aikeys::MainWindow::firstLoadFinished, this, [this] {
            QWidget *viewport = m_window->treeView()->viewport();
            viewport->installEventFilter(this);
            viewport->update();
        });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            watched->removeEventFilter(this);
            QTimer::singleShot(0, qApp, [] { printClockAndQuit("tree-filled-ns"); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    aikeys::MainWindow *m_window;
    bool m_seen = false;
};

// Before anything is parsed: --help is translated too.
void loadTranslations(QCoreApplication &app)
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

struct Options
{
    QCommandLineOption demo{
        u"demo"_s, QCoreApplication::translate(
                       "main", "Start the bundled Atlas simulator with demo data and sign in to it.")};
    QCommandLineOption profile{u"profile"_s,
                               QCoreApplication::translate("main", "Sign in with the profile called <name>."),
                               QCoreApplication::translate("main", "name")};
    QCommandLineOption select{
        u"select"_s,
        QCoreApplication::translate("main",
                                    "Select this project or organization (name or ID) once it is listed."),
        QCoreApplication::translate("main", "name")};
    QCommandLineOption screenshot{
        u"screenshot"_s,
        QCoreApplication::translate(
            "main",
            "Testing aid: save a PNG of the window to <file> once the first load has finished, then quit."),
        QCoreApplication::translate("main", "file")};
    QCommandLineOption screenshotDialog{u"screenshot-dialog"_s,
                                        u"With --screenshot: grab the create or secret dialog."_s,
                                        u"create|secret"_s};
    QCommandLineOption quitAfter{
        u"quit-after"_s, QCoreApplication::translate("main", "Testing aid: quit after <ms> milliseconds."),
        QCoreApplication::translate("main", "ms")};
    QCommandLineOption firstPaint{u"first-paint-probe"_s,
                                  u"Start-up benchmark: print the time of the first paint and quit."_s};
    QCommandLineOption treeFilled{
        u"tree-filled-probe"_s,
        u"Start-up benchmark, with --demo: print the time the signed-in tree is painted and quit."_s};

    void addTo(QCommandLineParser &parser)
    {
        screenshotDialog.setFlags(QCommandLineOption::HiddenFromHelp);
        firstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
        treeFilled.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Desktop manager for MongoDB Atlas AI model API keys."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions(
            {demo, profile, select, screenshot, screenshotDialog, quitAfter, firstPaint, treeFilled});
    }
};

void setIdentity()
{
    QCoreApplication::setApplicationName(u"atlas-ai-keys"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(AIKEYS_VERSION));
    QCoreApplication::setOrganizationName(u"AtlasAiKeys"_s);
}

// --help and --version answer without a display (a terminal over SSH has none): no QApplication.
bool wantsInformationOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all" || arg == "--version" ||
            arg == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any secret exists in this process.
    aikeys::platform::disableCoreDumps();

    if (wantsInformationOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        loadTranslations(app);
        QCommandLineParser parser;
        Options options;
        options.addTo(parser);
        parser.process(app); // prints and exits
        return 0;
    }

#if defined(AIKEYS_HAVE_FONTCONFIG)
    // The first text a window measures makes fontconfig read and parse its whole configuration: a
    // third of the work before the first frame, which a bare window never does. Done here on another
    // thread, it overlaps QApplication's start (platform plug-in, display connection); Qt's own FcInit()
    // then finds it loaded. Joined before any widget exists, so the two never run at once.
    std::thread fonts([] { FcInit(); });
    QApplication app(argc, argv);
    fonts.join();
#else
    QApplication app(argc, argv);
#endif
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral(AIKEYS_PRODUCT_NAME));
    QApplication::setDesktopFileName(QStringLiteral(AIKEYS_APP_ID));
    loadTranslations(app);

    QCommandLineParser parser;
    Options o;
    o.addTo(parser);
    parser.process(app);

    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("main", "Unexpected argument: %1")
                                    .arg(parser.positionalArguments().first())));
        return 2;
    }
    if (parser.isSet(o.demo) && parser.isSet(o.profile)) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QCoreApplication::translate("main", "--demo and --profile cannot be combined.")));
        return 2;
    }

    aikeys::AppOptions options;
    options.demo = parser.isSet(o.demo);
    options.profileName = parser.value(o.profile);
    options.select = parser.value(o.select);
    options.screenshotPath = parser.value(o.screenshot);
    options.screenshotDialog = parser.value(o.screenshotDialog);
    if (parser.isSet(o.quitAfter)) {
        bool ok = false;
        options.quitAfterMs = parser.value(o.quitAfter).toInt(&ok);
        if (!ok || options.quitAfterMs <= 0) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                             "main", "--quit-after takes a positive number of milliseconds.")));
            return 2;
        }
    }

    aikeys::AppController controller(options);
    // SIGTERM, SIGINT, SIGHUP: quit as from the menu rather than die on the spot. Every event loop
    // ends (a modal dialog's too, whose secret is then wiped), then aboutToQuit clears the clipboard,
    // the window saves its layout and the demo simulator is stopped.
    aikeys::app::handleQuitSignals([] { QCoreApplication::exit(0); });
    if (parser.isSet(o.treeFilled))
        new TreeFilledProbe(controller.window());
    if (parser.isSet(o.firstPaint)) {
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
