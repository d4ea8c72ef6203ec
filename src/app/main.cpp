#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "demo/demosimulator.h"
#include "startwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QNetworkAccessManager>

#include <aikeys/version.h>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"atlas-ai-keys"_s);
    QApplication::setApplicationDisplayName(u"Atlas AI Keys"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(AIKEYS_VERSION));
    QApplication::setOrganizationName(u"AtlasAiKeys"_s);
    QApplication::setDesktopFileName(QString::fromLatin1(AIKEYS_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Desktop manager for MongoDB Atlas AI model API keys"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s, u"Start the bundled Atlas simulator and sign in to it."_s);
    parser.addOption(demoOption);
    parser.process(app);

    aikeys::DemoSimulator sim;
    if (!parser.isSet(demoOption)) {
        QMessageBox::information(nullptr, u"Atlas AI Keys"_s,
                                 u"Profiles come with the next release; start with --demo to try the app."_s);
        return 0;
    }
    if (!sim.start()) {
        QMessageBox::critical(nullptr, u"Atlas AI Keys"_s, sim.errorString());
        return 1;
    }
    aikeys::SessionConfig config;
    config.baseUrl = sim.baseUrl();
    aikeys::Credentials credentials{aikeys::AuthMode::ServiceAccount,
                                    QString::fromLatin1(aikeys::DemoSimulator::kServiceAccountId),
                                    aikeys::SecretBuffer(QByteArray(aikeys::DemoSimulator::kServiceAccountSecret))};
    aikeys::AtlasSession session(config, std::move(credentials), new QNetworkAccessManager);
    aikeys::AtlasClient client(&session);
    aikeys::StartWindow window(&client, true);
    window.show();
    return app.exec();
}
