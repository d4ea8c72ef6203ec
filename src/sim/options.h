#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace aikeys::sim {

struct GenerateSpec
{
    int orgs = 1;
    int projects = 3;
    int keys = 100;
};

enum class PagingFault { None, Repeat, Undercount, Overcount };

struct Options
{
    quint16 port = 0;
    QHostAddress bind = QHostAddress(QHostAddress::LocalHost);
    QString data = QStringLiteral("demo"); // "demo" or a seed file
    std::optional<GenerateSpec> generate;

    int latencyMs = 0;
    double failRate = 0;
    int failStatus = 503;
    double dropRate = 0;
    double hangRate = 0;
    double malformedRate = 0;
    QString faultMatch;  // empty: every request
    int faultCount = -1; // -1: no cap
    PagingFault pagingFault = PagingFault::None;

    int rateLimit = 0; // requests per minute per principal; 0 = unlimited
    int tokenTtlSeconds = 3600;
    int nonceTtlSeconds = 300;
    QString stateFile;
    quint64 seed = 1;
    bool verbose = false;
    // Stop (as on SIGTERM) when the process that started us goes away, even if it was killed: its end
    // of our standard input closes (every platform), and on Linux the kernel also sends SIGTERM.
    bool exitWithParent = false;
    bool predictableSecrets = false; // new keys' secrets from --seed too (screenshots, never real use)
    // --access-list ID=CIDR[,CIDR...]: the API access list of the principal with that id.
    QList<QPair<QString, QList<QPair<QHostAddress, int>>>> accessLists;
    bool requireAccessList = false; // every organization requires API access lists
    // POST /sim/test/clock?advanceSeconds=N (from loopback only) moves the simulator's clock forward,
    // so tests see tokens and nonces expire without waiting. Off: that path is a 404 like any other.
    bool testClock = false;
};

struct ParsedCommandLine
{
    // When set, print `output` to stdout (help, version) or `error` to stderr and exit with this code.
    std::optional<int> exitCode;
    QString output;
    QString error;
    Options options;
};

ParsedCommandLine parseCommandLine(const QStringList &arguments);

} // namespace aikeys::sim
