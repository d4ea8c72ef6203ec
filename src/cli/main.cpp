#include "cli.h"
#include "console.h"
#include "platform/hardening.h"
#include "platform/terminal.h"

#include <QCoreApplication>

#include <aikeys/version.h>

int main(int argc, char *argv[])
{
    // Before any credential or secret exists in this process: no core file, no same-user debugger.
    aikeys::platform::disableCoreDumps();
    // A command-line program's diagnostics (--verbose) belong on standard error, also where Qt would
    // send them to the debugger instead (Windows, when no console is attached: a pipe or Wine).
    if (!qEnvironmentVariableIsSet("QT_FORCE_STDERR_LOGGING"))
        qputenv("QT_FORCE_STDERR_LOGGING", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atlas-ai-keys-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AIKEYS_VERSION));
    aikeys::prepareStandardStreams();
    aikeys::cli::Console console(stdout, stderr);
    return aikeys::cli::run(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment(), console);
}
