// The rotations panel against a real atlas-sim: "Rotate Key..." creates the replacement and shows
// its secret once, the new key's first use (through the secret dialog's Test Key) moves the state,
// retiring early needs an explicit confirmation, retiring when suggested ends the rotation, and
// rotations survive a restart.
#include "atlas/atlasclient.h"
#include "atlas/embeddingtest.h"
#include "atlas/session.h"
#include "common/messagebar.h"
#include "common/messagebox.h"
#include "keys/createkeydialog.h"
#include "keys/secretdialog.h"
#include "rotation/rotationspanel.h"
#include "security/secretbuffer.h"
#include "settings.h"
#include "simprocess.h"
#include "testenv.h"
#include "testsupport.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::finished;
using aikeys::test::SimProcess;

namespace {

const QString kOrg = u"5f00000000000000000000a1"_s;
const QString kProject = u"6a00000000000000000000b1"_s;
const QString kOldKey = u"rotate000000000000000001"_s;

QByteArray seed()
{
    const QJsonObject root{
        {u"format"_s, u"atlas-sim/1"_s},
        {u"orgs"_s, QJsonArray{QJsonObject{{u"id"_s, kOrg}, {u"name"_s, u"Rotation Org"_s}}}},
        {u"projects"_s,
         QJsonArray{QJsonObject{{u"id"_s, kProject}, {u"orgId"_s, kOrg}, {u"name"_s, u"search-prod"_s}}}},
        {u"keys"_s, QJsonArray{QJsonObject{{u"apiKeyId"_s, kOldKey},
                                           {u"groupId"_s, kProject},
                                           {u"name"_s, u"search service"_s},
                                           {u"createdAt"_s, u"-90d"_s},
                                           {u"lastUsedAt"_s, u"-2h"_s}}}},
    };
    return QJsonDocument(root).toJson();
}

using aikeys::test::child;
using Client = aikeys::test::TestClient;

Client openSession(const SimProcess &sim)
{
    return aikeys::test::openTestClient(sim.baseUrl());
}

} // namespace

class TestRotationsPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_seedPath;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Settings> m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        test::prepareTestEnvironment();
        QVERIFY(m_dir.isValid());
        m_seedPath = m_dir.filePath(u"seed.json"_s);
        QFile f(m_seedPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(seed());
        f.close();
        m_qsettings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(m_qsettings.get());
    }

    void init() { MessageBox::clearNextAnswers(); }

    void shouldHaveDefaultValues()
    {
        RotationsPanel panel(nullptr, nullptr, nullptr, nullptr, m_dir.filePath(u"empty/rotations.json"_s));
        panel.show();
        QCOMPARE(panel.tracker()->count(), 0);
        QCOMPARE(panel.refreshInterval(), RotationsPanel::kDefaultRefreshMs);
        QVERIFY(child<QLabel>(&panel, "emptyLabel")->isVisible());
        QVERIFY(!child<QTreeWidget>(&panel, "rotationList")->isVisible());
        QVERIFY(panel.currentRotationId().isEmpty());
        // Without a session nothing can be rotated, and the panel says so.
        panel.startRotation(AiKey{}, u"p"_s);
        QVERIFY(panel.messageBar()->text().contains(u"Not signed in"_s));
        QVERIFY(!panel.findChild<CreateKeyDialog *>());
        const QList<QAbstractButton *> buttons = panel.findChildren<QAbstractButton *>();
        for (QAbstractButton *b : buttons) {
            // Parts of Qt's own widgets (a view's corner button, a line edit's clear button).
            if (qobject_cast<QAbstractItemView *>(b->parentWidget()) ||
                qobject_cast<QLineEdit *>(b->parentWidget()))
                continue;
            QVERIFY2(!b->objectName().isEmpty(), qPrintable(b->text()));
            QVERIFY2(!b->accessibleName().isEmpty(), qPrintable(b->objectName()));
        }
    }

    void rotateAndRetire()
    {
        SimProcess sim({u"--data"_s, m_seedPath, u"--test-clock"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        m_settings->setRotationIdleHours(24);
        const QString storage = m_dir.filePath(u"flow/rotations.json"_s);
        RotationsPanel panel(c.api.get(), m_settings.get(), nullptr, nullptr, storage);
        panel.show();
        auto old = finished(c.api->getProjectKey(kProject, kOldKey));
        QVERIFY(old->succeeded());
        const AiKey oldKey = old->value();

        // Rotate Key...: the dialog proposes the replacement's name, in the same project and scope.
        panel.startRotation(oldKey, u"search-prod"_s);
        auto *dialog = panel.findChild<CreateKeyDialog *>(u"rotateKeyDialog"_s);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString expectedName =
            u"search service (rotated "_s + QDate::currentDate().toString(Qt::ISODate) + u')';
        QCOMPARE(dialog->keyName(), expectedName);
        QCOMPARE(dialog->projectId(), kProject);
        QCOMPARE(dialog->scope().cloud, u"ANY"_s);
        QVERIFY(dialog->createButton()->isEnabled());

        QSignalSpy shown(&panel, &RotationsPanel::secretDialogShown);
        QSignalSpy started(&panel, &RotationsPanel::rotationStarted);
        dialog->createButton()->click();
        QVERIFY(shown.wait(20000));
        QCOMPARE(started.count(), 1);
        const AiKey newKey = started.first().at(1).value<AiKey>();
        QCOMPARE(newKey.name, expectedName);
        QCOMPARE(newKey.groupId, kProject);

        auto *secret = panel.findChild<SecretDialog *>();
        QVERIFY(secret);
        QVERIFY(secret->holdsSecret());
        QCOMPARE(secret->key().apiKeyId, newKey.apiKeyId);
        QCOMPARE(panel.tracker()->count(), 1);
        const QString id = panel.currentRotationId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(panel.tracker()->state(id), RotationState::WaitingForNewKey);
        QVERIFY(
            child<QLabel>(&panel, "stateValue")->text().startsWith(u"Waiting for the new key's first use"_s));
        QVERIFY(!child<QLabel>(&panel, "suggestionLabel")->isVisible());

        // Test Key in the secret dialog uses the new key, but it is the app's use, not an
        // application's: the rotation keeps waiting, and retiring is not suggested.
        // (No slack for clock differences here: this machine is Atlas too.)
        panel.tracker()->setTestSlackMs(0);
        QSignalSpy refreshed(panel.tracker(), &RotationTracker::refreshed);
        QSignalSpy tested(secret, &SecretDialog::keyTested);
        child<QPushButton>(secret, "testButton")->click();
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.first().first().toBool(), true);
        QVERIFY(refreshed.wait(20000));
        QVERIFY(panel.tracker()->rotation(id)->newKeyTestedAt);
        QVERIFY(panel.tracker()->rotation(id)->newLastUsedAt);
        QCOMPARE(panel.tracker()->state(id), RotationState::WaitingForNewKey);
        QVERIFY2(child<QLabel>(&panel, "stateValue")->text().contains(u"does not count"_s),
                 qPrintable(child<QLabel>(&panel, "stateValue")->text()));
        QVERIFY(!child<QLabel>(&panel, "suggestionLabel")->isVisible());

        // An application then uses the new key (its secret, as the user copied it): the first use.
        secret->setRevealed(true);
        const QString secretText = child<QLineEdit>(secret, "secretEdit")->text();
        QVERIFY(!secretText.isEmpty());
        // The application's use comes strictly after the test: Atlas's clock moves on a second.
        QVERIFY(sim.advanceClock(1));
        auto client = std::make_unique<EmbeddingTest>(newKey.endpoint, SecretBuffer::fromUtf8(secretText));
        client->setAutoDelete(false);
        QSignalSpy clientDone(client.get(), &Job::finished);
        client->start();
        QVERIFY(clientDone.wait(20000));
        QVERIFY2(client->succeeded(), qPrintable(client->message()));
        panel.refreshNow();
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(panel.tracker()->state(id), RotationState::OldKeyIdle);
        QVERIFY(child<QLabel>(&panel, "stateValue")->text().contains(u"Old key idle since"_s));
        child<QCheckBox>(secret, "storedCheck")->setChecked(true);
        secret->doneButton()->click();
        QVERIFY(!secret->isVisible());

        // Retiring before it is suggested asks explicitly; No keeps the key.
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        const int prompts = MessageBox::promptCount();
        child<QPushButton>(&panel, "retireButton")->click();
        QCOMPARE(MessageBox::promptCount(), prompts + 1);
        QVERIFY2(MessageBox::lastText().contains(u"may break applications"_s),
                 qPrintable(MessageBox::lastText()));
        QVERIFY(MessageBox::lastText().contains(u"idle for"_s));
        QVERIFY(finished(c.api->getProjectKey(kProject, kOldKey))->succeeded());
        QCOMPARE(panel.tracker()->count(), 1);

        // A day later the old key is still idle: retiring is the suggested action.
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(25 * 3600);
        panel.tracker()->setClock([later] { return later; });
        panel.refreshNow();
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(panel.tracker()->state(id), RotationState::ReadyToRetire);
        QVERIFY(child<QLabel>(&panel, "suggestionLabel")->isVisible());
        QVERIFY(child<QPushButton>(&panel, "retireButton")->isDefault());
        QCOMPARE(child<QTreeWidget>(&panel, "rotationList")->topLevelItem(0)->text(3),
                 u"Ready to retire the old key"_s);

        QSignalSpy retired(&panel, &RotationsPanel::oldKeyRetired);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        child<QPushButton>(&panel, "retireButton")->click();
        QVERIFY(MessageBox::lastText().contains(u"It has not been used since"_s));
        QVERIFY(retired.wait(20000));
        QCOMPARE(retired.first().at(1).toString(), kOldKey);
        QVERIFY(finished(c.api->getProjectKey(kProject, kOldKey))->error().isNotFound());
        QVERIFY(finished(c.api->getProjectKey(kProject, newKey.apiKeyId))->succeeded());
        QCOMPARE(panel.tracker()->count(), 0);
        QVERIFY(child<QLabel>(&panel, "emptyLabel")->isVisible());
        QVERIFY(panel.messageBar()->text().contains(u"the rotation is complete"_s));
    }

    void survivesRestart()
    {
        SimProcess sim({u"--data"_s, m_seedPath});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        const QString storage = m_dir.filePath(u"restart/rotations.json"_s);
        auto old = finished(c.api->getProjectKey(kProject, kOldKey));
        auto created = finished(c.api->createKey(kProject, u"replacement"_s));
        QVERIFY(created->succeeded());
        {
            RotationsPanel first(c.api.get(), m_settings.get(), nullptr, nullptr, storage);
            first.tracker()->add(old->value(), u"search-prod"_s, created->key(), sim.baseUrl().toString());
            QCOMPARE(first.tracker()->count(), 1);
        }
        RotationsPanel second(c.api.get(), m_settings.get(), nullptr, nullptr, storage);
        second.setRefreshInterval(50);
        second.show();
        QCOMPARE(second.tracker()->count(), 1);
        auto *list = child<QTreeWidget>(&second, "rotationList");
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(0), u"search service"_s);
        QCOMPARE(list->topLevelItem(0)->text(1), u"replacement"_s);
        // The timer checks both keys on its own.
        QSignalSpy refreshed(second.tracker(), &RotationTracker::refreshed);
        QVERIFY(refreshed.wait(5000));
        QVERIFY(second.tracker()->rotations().first().checkedAt.isValid());

        // Stop tracking asks, then forgets the rotation; the keys stay.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        child<QPushButton>(&second, "stopButton")->click();
        QCOMPARE(second.tracker()->count(), 0);
        QVERIFY(finished(c.api->getProjectKey(kProject, kOldKey))->succeeded());
    }

    void anotherAtlasIsNotRetired()
    {
        // A rotation recorded in another Atlas (say an earlier demo's simulator, on another port)
        // whose key ids happen to name a key here: it is never ready, and never deleted from here.
        SimProcess sim({u"--data"_s, m_seedPath, u"--verbose"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        auto old = finished(c.api->getProjectKey(kProject, kOldKey));
        QVERIFY(old->succeeded());
        auto created = finished(c.api->createKey(kProject, u"replacement elsewhere"_s));
        QVERIFY(created->succeeded());
        AiKey usedNew = created->key();
        usedNew.lastUsedAt = QDateTime::currentDateTimeUtc().addDays(-3);
        const QString elsewhere = u"http://127.0.0.1:1"_s;

        RotationsPanel panel(c.api.get(), m_settings.get(), nullptr, nullptr,
                             m_dir.filePath(u"elsewhere/rotations.json"_s));
        panel.show();
        const QString id = panel.tracker()->add(old->value(), u"search-prod"_s, usedNew, elsewhere);
        // By the times alone it would be ready to retire.
        const QDateTime later = QDateTime::currentDateTimeUtc().addDays(5);
        panel.tracker()->setClock([later] { return later; });
        QCOMPARE(RotationTracker::evaluate(*panel.tracker()->rotation(id), later, panel.tracker()->idleMs()),
                 RotationState::ReadyToRetire);
        QCOMPARE(panel.tracker()->state(id), RotationState::InAnotherAtlas);

        QSignalSpy refreshed(panel.tracker(), &RotationTracker::refreshed);
        panel.refreshNow();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(panel.tracker()->state(id), RotationState::InAnotherAtlas);
        QVERIFY(!panel.tracker()->rotation(id)->oldKeyGone);
        QVERIFY(!child<QLabel>(&panel, "suggestionLabel")->isVisible());
        QVERIFY(child<QLabel>(&panel, "stateValue")->text().contains(u"In another Atlas"_s));
        QCOMPARE(child<QTreeWidget>(&panel, "rotationList")->topLevelItem(0)->text(3),
                 u"In another Atlas: not checked"_s);
        auto *retire = child<QPushButton>(&panel, "retireButton");
        QVERIFY(!retire->isEnabled());
        QVERIFY2(retire->toolTip().contains(u"another Atlas"_s), qPrintable(retire->toolTip()));
        QVERIFY(retire->toolTip().contains(elsewhere));
        QVERIFY(child<QLabel>(&panel, "checkedLabel")->text().startsWith(u"Last checked"_s));

        // Asked anyway (a shortcut, a script): refused with the reason, nothing deleted.
        const int prompts = MessageBox::promptCount();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        panel.retireCurrent();
        QCOMPARE(MessageBox::promptCount(), prompts + 1);
        QVERIFY2(MessageBox::lastText().contains(u"not in the Atlas you are signed in to"_s),
                 qPrintable(MessageBox::lastText()));

        DeleteCall *call = panel.tracker()->retireOldKey(c.api.get(), id);
        QVERIFY(call);
        QSignalSpy done(call, &Job::finished);
        QVERIFY(done.wait(5000));
        QVERIFY(!call->succeeded());
        QCOMPARE(call->error().kind(), ApiError::Kind::InvalidInput);
        QVERIFY2(call->error().message().contains(u"another Atlas"_s), qPrintable(call->error().message()));
        QVERIFY(finished(c.api->getProjectKey(kProject, kOldKey))->succeeded());
        QCOMPARE(panel.tracker()->count(), 1);
        const QByteArray log = sim.standardError();
        QVERIFY2(log.contains("GET /api/atlas/v2/groups/"), log.constData()); // the log does show requests
        QVERIFY(!log.contains("DELETE"));
    }

    void failedCreateTracksNothing()
    {
        SimProcess sim({u"--data"_s, m_seedPath, u"--fail-rate"_s, u"1"_s, u"--fail-status"_s, u"400"_s,
                        u"--fault-match"_s, u"POST /api/atlas/v2/groups/*/aiModelApiKeys"_s});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        Client c = openSession(sim);
        RotationsPanel panel(c.api.get(), m_settings.get(), nullptr, nullptr,
                             m_dir.filePath(u"failed/rotations.json"_s));
        auto old = finished(c.api->getProjectKey(kProject, kOldKey));
        panel.startRotation(old->value(), u"search-prod"_s);
        auto *dialog = panel.findChild<CreateKeyDialog *>(u"rotateKeyDialog"_s);
        QVERIFY(dialog);
        QSignalSpy shown(&panel, &RotationsPanel::secretDialogShown);
        dialog->createButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(panel.messageBar()->text().contains(u"could not be created"_s), 20000);
        QCOMPARE(shown.count(), 0);
        QCOMPARE(panel.tracker()->count(), 0);
    }
};

QTEST_MAIN(TestRotationsPanel)
#include "tst_rotationspanel.moc"
