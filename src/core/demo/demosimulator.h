#pragma once

#include <QObject>
#include <QProcess>
#include <QUrl>

#include <memory>

namespace aikeys {

// The bundled atlas-sim behind demo mode: found beside the executable (build tree), under
// libexec (installed), or through AIKEYS_SIM; started on a free loopback port with the demo data
// (AIKEYS_DEMO_SIM_ARGS adds options, such as a fixed --port), and stopped when this object goes away.
// It is started with --exit-with-parent, so it also ends when this process is killed without a
// chance to stop it.
class DemoSimulator : public QObject
{
    Q_OBJECT

public:
    explicit DemoSimulator(QObject *parent = nullptr);
    ~DemoSimulator() override;

    // The demo principals, as the simulator's --help and the README print them.
    static constexpr auto kServiceAccountId = "mdb_sa_id_demo";
    static constexpr auto kServiceAccountSecret = "mdb_sa_sk_demo";
    static constexpr auto kApiKeyPublic = "demo";
    static constexpr auto kApiKeyPrivate = "demo-private-key";

    static QString findExecutable();
    // Blocks for at most timeoutMs waiting for the "listening on" line.
    bool start(const QStringList &extraArgs = {}, int timeoutMs = 10000);
    void stop();
    QUrl baseUrl() const { return m_baseUrl; }
    QString errorString() const { return m_error; }

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    QString m_error;
};

} // namespace aikeys
