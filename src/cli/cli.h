#pragma once

#include <QProcessEnvironment>
#include <QStringList>

namespace aikeys::cli {

class Console;

// Runs one command line (arguments[0] is the program) and returns the exit code. Credentials and
// defaults come from env; output goes to console. Needs a QCoreApplication.
int run(const QStringList &arguments, const QProcessEnvironment &env, Console &console);

} // namespace aikeys::cli
