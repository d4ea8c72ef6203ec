// atlas-sim: a local MongoDB Atlas Admin API (AI model API keys subset). See docs/simulator.md.
#include "aikeys/version.h"
#include "dataset.h"
#include "ids.h"
#include "options.h"
#include "platform/hardening.h"
#include "principals.h"
#include "seedfile.h"
#include "server.h"
#include "signals.h"
#include "statefile.h"
#include "store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTcpServer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys::sim;

namespace {

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "atlas-sim: %s\n", qPrintable(message));
    return code;
}

// The host clients should use: the bound address, or loopback when bound to every interface.
QString hostFor(const QHostAddress &bind)
{
    if (bind == QHostAddress::Any || bind == QHostAddress::AnyIPv4)
        return u"127.0.0.1"_s;
    if (bind == QHostAddress::AnyIPv6)
        return u"[::1]"_s;
    return bind.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + bind.toString() + u']' : bind.toString();
}

bool loadData(const Options &options, Store &store, Principals &principals, QString *error)
{
    const Micros now = nowMicros();
    QList<QPair<QString, ProjectRole>> scopedRoles;
    const bool fromState = !options.stateFile.isEmpty() && QFileInfo::exists(options.stateFile);

    if (fromState) {
        if (!loadSeedFile(options.stateFile, &store, nullptr, now, error))
            return false;
    } else if (options.generate) {
        if (!generateDataset(store, *options.generate, options.seed, now, error))
            return false;
    } else if (options.data == "demo"_L1) {
        if (!loadDemoDataset(store, now, error))
            return false;
    } else if (!loadSeedFile(options.data, &store, nullptr, now, error)) {
        return false;
    }

    if (options.generate)
        scopedRoles = firstProjectsRoles(store);
    else if (options.data == "demo"_L1)
        scopedRoles = demoDatasetProjectRoles();
    addBuiltinPrincipals(principals, scopedRoles);

    // A seed file's principals apply even when the data itself comes from the state file.
    if (!options.generate && options.data != "demo"_L1) {
        Store scratch;
        if (!loadSeedFile(options.data, &scratch, &principals, now, error))
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // The simulator holds secrets too (its principals', the keys it issues): no core file, no
    // same-user debugger.
    aikeys::platform::disableCoreDumps();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"atlas-sim"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(AIKEYS_VERSION));

    const ParsedCommandLine cmd = parseCommandLine(QCoreApplication::arguments());
    if (cmd.exitCode) {
        if (!cmd.output.isEmpty())
            std::fputs(qPrintable(cmd.output), stdout);
        if (!cmd.error.isEmpty())
            std::fprintf(stderr, "%s\n", qPrintable(cmd.error));
        return *cmd.exitCode;
    }
    const Options &options = cmd.options;

    if (options.predictableSecrets)
        usePredictableSecrets(options.seed);

    Store store;
    Principals principals;
    QString error;
    bool loaded = loadData(options, store, principals, &error);
    for (const auto &[id, entries] : options.accessLists) {
        Principal *p = loaded ? principals.find(id) : nullptr;
        if (loaded && !p) {
            error = u"--access-list: no principal has the public key or client id \"%1\""_s.arg(id);
            loaded = false;
        }
        if (p)
            p->accessList = entries;
    }
    if (options.requireAccessList)
        principals.orgsRequiringAccessList.insert(u"*"_s);
    if (!loaded)
        return fail(2, error);

    SimServer server(options, store, principals);
    auto *tcp = new QTcpServer(&server);
    if (!tcp->listen(options.bind, options.port)) {
        return fail(1, u"cannot listen on %1:%2: %3"_s.arg(options.bind.toString())
                           .arg(options.port)
                           .arg(tcp->errorString()));
    }
    server.bind(tcp);
    const QString endpoint = hostFor(options.bind) + u':' + QString::number(tcp->serverPort());
    store.setEndpoint(endpoint);

    std::unique_ptr<StateFile> state;
    if (!options.stateFile.isEmpty()) {
        state = std::make_unique<StateFile>(store, options.stateFile);
        if (!state->saveNow(&error))
            return fail(1, u"cannot write state file %1: %2"_s.arg(options.stateFile, error));
        store.setChangeListener([&state] { state->scheduleSave(); });
    }

    quitOnTerminationSignals(app);
    if (options.exitWithParent && !quitWithParent(app))
        std::fprintf(stderr, "atlas-sim: --exit-with-parent: standard input is not a pipe; the simulator "
                             "will not notice its parent ending\n");

    // Tests and scripts read this first line to learn the port: print it first, and at once.
    std::fprintf(stdout, "atlas-sim listening on http://%s\n", qPrintable(endpoint));
    std::fflush(stdout);
    server.warmUpInBackground();

    const int code = QCoreApplication::exec();
    if (state)
        state->flush();
    return code;
}
