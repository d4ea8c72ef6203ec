#include "credentials/connectiontest.h"

#include "atlas/session.h"
#include "credentials/sessionopener.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
// A test's session gets this long to revoke its token before it is deleted regardless.
constexpr int kDiscardSessionMs = 10000;
// Organizations named in a successful test's result; the rest are counted.
constexpr int kOrgsNamed = 5;

void discardSession(AtlasSession *session)
{
    if (!session)
        return;
    QObject::connect(session, &AtlasSession::signedOut, session, &QObject::deleteLater);
    QTimer::singleShot(kDiscardSessionMs, session, &QObject::deleteLater);
    session->signOut();
}
} // namespace

ConnectionTest::ConnectionTest(CredentialManager *credentials, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
{}

void ConnectionTest::start(const Profile &profile, SecretBuffer typed)
{
    if (m_opener)
        return;
    auto *opener = new SessionOpener(m_credentials, this);
    opener->setRecordUse(false);
    m_opener = opener;
    connect(opener, &SessionOpener::finished, this, &ConnectionTest::onOpened);
    if (!typed.isEmpty()) {
        opener->openWith(
            profile,
            Credentials{profile.authMode,
                        profile.authMode == AuthMode::AccessToken ? QString() : profile.publicId.trimmed(),
                        std::move(typed)});
    } else {
        opener->open(profile);
    }
}

bool ConnectionTest::isRunning() const
{
    return !m_opener.isNull();
}

void ConnectionTest::cancel()
{
    if (m_opener)
        m_opener->cancel();
}

void ConnectionTest::onOpened()
{
    SessionOpener *opener = m_opener;
    m_opener = nullptr;
    if (!opener)
        return;
    if (opener->succeeded()) {
        const QList<Organization> orgs = opener->organizations();
        const QString where = opener->profile().baseUrl.toDisplayString();
        discardSession(opener->takeSession());
        QStringList names;
        for (const Organization &o : orgs.mid(0, kOrgsNamed))
            names << o.name;
        QString list = names.join(u", "_s);
        if (orgs.size() > kOrgsNamed)
            list += u' ' + tr("and %n more", nullptr, int(orgs.size() - kOrgsNamed));
        Q_EMIT finished(true, orgs.isEmpty()
                                  ? tr("Connected to %1. These credentials see no organization (an "
                                       "account with project roles only sees just its projects).")
                                        .arg(where)
                                  : tr("Connected to %1. These credentials see %n organization(s): "
                                       "%2.",
                                       nullptr, int(orgs.size()))
                                        .arg(where, list));
        return;
    }
    if (opener->error().kind() == ApiError::Kind::Canceled) {
        Q_EMIT finished(false, tr("The test was cancelled."));
        return;
    }
    const ApiError &error = opener->error();
    QString text = error.message();
    if (!error.hint().isEmpty())
        text += u'\n' + error.hint();
    if (opener->needsSecret())
        text += u'\n' + tr("You can also type the %1 above and test with it.")
                            .arg(secretKindDisplayName(opener->profile().secretKind()));
    Q_EMIT finished(false, text);
}

} // namespace aikeys
