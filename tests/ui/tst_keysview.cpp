#include "common/messagebar.h"
#include "common/qtclipboardbackend.h"
#include "keys/keysview.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"
#include "security/secureclipboard.h"
#include "testenv.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace aikeys;
using aikeys::test::aiKeysPage;
using aikeys::test::child;
using aikeys::test::FakeAnswer;
using aikeys::test::FakeClock;
using aikeys::test::FakeNetwork;
using aikeys::test::TestClient;

namespace {

const QString kProject = u"32b6e34b3d91647abb20e7b8"_s;
const QString kKeysPath = u"/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/aiModelApiKeys"_s;
const QString kLimitsPath = u"/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/aiModelApiRateLimits"_s;
const QString kAlpha = u"a86r5kwrfsk5r5ku5tgvhmpj"_s;
const QString kBeta = u"b86r5kwrfsk5r5ku5tgvhmpj"_s;
const QString kGamma = u"c86r5kwrfsk5r5ku5tgvhmpj"_s;

AiKey key(const QString &id, const QString &name, const QDateTime &created, std::optional<QDateTime> lastUsed)
{
    AiKey k;
    k.apiKeyId = id;
    k.name = name;
    k.groupId = kProject;
    k.createdAt = created;
    k.lastUsedAt = lastUsed;
    k.maskedSecret = u"al-****"_s + id.right(4);
    k.createdBy = u"ci-bot"_s;
    return k;
}

// Against "now": gamma never used (created two days ago), beta used yesterday, alpha 200 days ago.
// Sent in an order that is not the name order.
QList<AiKey> threeKeys(const QDateTime &now)
{
    return {key(kGamma, u"gamma"_s, now.addDays(-2), std::nullopt),
            key(kAlpha, u"alpha"_s, now.addDays(-400), now.addDays(-200)),
            key(kBeta, u"beta"_s, now.addDays(-30), now.addDays(-1))};
}

QStringList names(const QAbstractItemModel *proxy)
{
    QStringList list;
    for (int row = 0; row < proxy->rowCount(); ++row)
        list << proxy->index(row, KeyTableModel::Name).data().toString();
    return list;
}

} // namespace

// KeysView: the table of a project's or an organization's keys and what a user does to them, with
// Atlas played by the fake network and "now" by a fake clock.
class TestKeysView : public QObject
{
    Q_OBJECT

    FakeClock m_clock;
    FakeNetwork *m_net = nullptr; // owned by m_client's session
    TestClient m_client;
    std::unique_ptr<SecureClipboard> m_clipboard;
    std::unique_ptr<KeysView> m_view;

    // A view on screen, signed in to the fake Atlas, with the keys of the project scripted.
    KeysView *signedInView()
    {
        m_view->setClient(m_client.api.get());
        m_view->setClipboard(m_clipboard.get());
        m_view->show();
        if (!QTest::qWaitForWindowExposed(m_view.get()))
            qWarning("view not exposed");
        return m_view.get();
    }

    bool showProjectAndWait()
    {
        m_view->showProject(kProject, u"search-prod"_s);
        return QTest::qWaitFor([this] { return !m_view->isLoading(); }, 10000);
    }

private Q_SLOTS:
    void initTestCase() { test::prepareTestEnvironment(); }

    void init()
    {
        m_clock = FakeClock();
        m_net = new FakeNetwork;
        m_client = test::openFakeClient(m_net);
        m_net->on("GET", kKeysPath, aiKeysPage(threeKeys(m_clock.now())));
        m_net->on("GET", kLimitsPath,
                  FakeAnswer::page(QJsonArray{QJsonObject{{u"modelGroupName"_s, u"embed_large"_s},
                                                          {u"modelNames"_s, QJsonArray{u"voyage-3-large"_s}},
                                                          {u"requestsPerMinuteLimit"_s, 300},
                                                          {u"tokensPerMinuteLimit"_s, 600000},
                                                          {u"cloud"_s, u"AWS"_s},
                                                          {u"geography"_s, u"US"_s}}}));
        m_clipboard = std::make_unique<SecureClipboard>(std::make_unique<QtClipboardBackend>());
        m_view = std::make_unique<KeysView>();
        m_view->model()->setClock(m_clock.clock());
        m_view->resize(900, 500);
    }

    void cleanup()
    {
        m_view.reset();
        m_clipboard.reset();
        m_client.api.reset(); // before the session it uses
        m_client.session.reset();
        m_net = nullptr;
    }

    void defaultState()
    {
        KeysView *view = m_view.get();
        QCOMPARE(view->objectName(), u"keysView"_s);
        QCOMPARE(view->scope(), Scope::None);
        QVERIFY(view->scopeId().isEmpty());
        QVERIFY(!view->client());
        QVERIFY(!view->isLoading());
        QVERIFY(!view->isBusy());
        QVERIFY(!view->currentKey());
        QCOMPARE(view->model()->rowCount(), 0);
        QVERIFY(view->countsText().isEmpty());
        // Nothing to act on and nobody to ask.
        for (QAction *a : {view->newKeyAction(), view->renameAction(), view->deleteAction(),
                           view->copyIdAction(), view->copyMaskedAction()})
            QVERIFY2(!a->isEnabled(), qPrintable(a->objectName()));
        QVERIFY(!child<QAction>(view, "refreshKeysAction")->isEnabled());
        QCOMPARE(view->knownScopes().size(), 1); // ANY/ANY until Atlas names others
        QCOMPARE(view->knownScopes().first().cloud, u"ANY"_s);
        QCOMPARE(view->knownScopes().first().geography, u"ANY"_s);

        // The widgets come with the first show: an empty filter, the table sorted by name, and a
        // placeholder that says why it is empty. No message bar.
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        auto *filter = child<QLineEdit>(view, "keyFilter");
        QCOMPARE(view->filterEdit(), filter);
        QVERIFY(filter->text().isEmpty());
        QVERIFY(!filter->placeholderText().isEmpty());
        auto *table = child<QTableView>(view, "keyTable");
        QCOMPARE(view->table(), table);
        QCOMPARE(table->model(), view->proxy());
        QCOMPARE(view->proxy()->sortColumn(), int(KeyTableModel::Name));
        QCOMPARE(view->proxy()->sortOrder(), Qt::AscendingOrder);
        auto *placeholder = child<QLabel>(view, "keysPlaceholder");
        QVERIFY(placeholder->isVisible());
        QCOMPARE(placeholder->text(), u"Not signed in."_s);
        QVERIFY(!view->findChild<MessageBar *>(u"keysMessageBar"_s));

        // Signed in, before a project is chosen.
        view->setClient(m_client.api.get());
        QCOMPARE(view->client(), m_client.api.get());
        QVERIFY(placeholder->text().startsWith(u"Select a project"_s));
        QVERIFY(!view->newKeyAction()->isEnabled());
        QCOMPARE(m_net->requestCount(), 0);
    }

    void listsAProjectsKeys()
    {
        KeysView *view = signedInView();
        QSignalSpy loading(view, &KeysView::loadingChanged);
        QSignalSpy listed(view, &KeysView::keysListed);
        view->showProject(kProject, u"search-prod"_s);
        QCOMPARE(view->scope(), Scope::Project);
        QCOMPARE(view->scopeId(), kProject);
        QCOMPARE(view->scopeName(), u"search-prod"_s);
        QVERIFY(view->isLoading());
        QCOMPARE(child<QLabel>(view, "keysPlaceholder")->text(), u"Loading keys\u2026"_s);
        QTRY_VERIFY(!view->isLoading());
        QCOMPARE(loading.count(), 2);
        QCOMPARE(loading.at(0).at(0).toBool(), true);
        QCOMPARE(loading.at(1).at(0).toBool(), false);
        QCOMPARE(listed.count(), 1);
        QCOMPARE(listed.first().at(1).toString(), kProject);

        // In name order, whatever order Atlas sent them in.
        QCOMPARE(names(view->proxy()), (QStringList{u"alpha"_s, u"beta"_s, u"gamma"_s}));
        QCOMPARE(view->countsText(), u"3 keys, 1 not used yet"_s);
        QVERIFY(child<QLabel>(view, "keysPlaceholder")->isHidden());
        QVERIFY(view->newKeyAction()->isEnabled());
        QVERIFY(child<QAction>(view, "refreshKeysAction")->isEnabled());
        QVERIFY(!view->renameAction()->isEnabled()); // no row chosen yet

        // What it asked Atlas: the project's keys, and its rate limits for the scopes a new key may have.
        const auto keyRequests = m_net->recorded("GET", kKeysPath);
        QCOMPARE(keyRequests.size(), 1);
        QCOMPARE(keyRequests.first().header("Authorization"), QByteArray("Bearer fake-access-token"));
        const auto hasAwsUs = [view] {
            const QList<KeyScope> scopes = view->knownScopes();
            return std::any_of(scopes.cbegin(), scopes.cend(), [](const KeyScope &s) {
                return s.cloud == u"AWS"_s && s.geography == u"US"_s;
            });
        };
        QTRY_VERIFY(hasAwsUs());
        QCOMPARE(m_net->recorded("GET", kLimitsPath).size(), 1);

        // Asking for the same project again asks nothing; Refresh does.
        view->showProject(kProject, u"search-prod"_s);
        QVERIFY(!view->isLoading());
        QCOMPARE(m_net->recorded("GET", kKeysPath).size(), 1);
        child<QAction>(view, "refreshKeysAction")->trigger();
        QVERIFY(view->isLoading());
        QTRY_VERIFY(!view->isLoading());
        QCOMPARE(m_net->recorded("GET", kKeysPath).size(), 2);
        QCOMPARE(view->model()->rowCount(), 3);
    }

    void lastUseFollowsTheModelsClock()
    {
        KeysView *view = signedInView();
        QVERIFY(showProjectAndWait());
        QVERIFY(view->selectKey(kBeta));
        const auto lastUsed = [view] {
            const QModelIndex current = view->table()->selectionModel()->currentIndex();
            return view->proxy()->index(current.row(), KeyTableModel::LastUsed).data().toString();
        };
        QCOMPARE(lastUsed(), u"1 day ago"_s);
        // Time passes (the view refreshes these once a minute; here the model is asked at once).
        m_clock.advanceDays(3);
        view->model()->refreshRelativeTimes();
        QCOMPARE(lastUsed(), u"4 days ago"_s);
    }

    void selectingAKeyEnablesItsActions()
    {
        KeysView *view = signedInView();
        QVERIFY(showProjectAndWait());
        QVERIFY(!view->selectKey(u"not-a-key-id-here-000000"_s));
        QVERIFY(view->selectKey(kBeta));
        QCOMPARE(view->currentKey()->apiKeyId, kBeta);
        for (QAction *a :
             {view->renameAction(), view->deleteAction(), view->copyIdAction(), view->copyMaskedAction()})
            QVERIFY2(a->isEnabled(), qPrintable(a->objectName()));

        QSignalSpy status(view, &KeysView::statusMessage);
        view->copyIdAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), kBeta);
        QCOMPARE(status.count(), 1);
        QVERIFY(status.first().first().toString().contains(u"beta"_s));
        view->copyMaskedAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), u"al-****"_s + kBeta.right(4));

        // Without a clipboard, nothing can be copied.
        view->setClipboard(nullptr);
        QVERIFY(!view->copyIdAction()->isEnabled());
        QVERIFY(view->renameAction()->isEnabled());
    }

    void theFilterNarrowsTheRows()
    {
        KeysView *view = signedInView();
        QVERIFY(showProjectAndWait());
        QSignalSpy counts(view, &KeysView::countsChanged);
        QTest::keyClicks(child<QLineEdit>(view, "keyFilter"), u"gam"_s);
        QCOMPARE(names(view->proxy()), QStringList{u"gamma"_s});
        QCOMPARE(view->countsText(), u"1 of 3 keys shown, 1 not used yet"_s);
        QVERIFY(!counts.isEmpty());
        QCOMPARE(counts.last().first().toString(), view->countsText());
        // By key id too.
        child<QLineEdit>(view, "keyFilter")->setText(kAlpha);
        QCOMPARE(names(view->proxy()), QStringList{u"alpha"_s});
        // Nothing matches: the placeholder says so.
        child<QLineEdit>(view, "keyFilter")->setText(u"zzz"_s);
        QCOMPARE(view->proxy()->rowCount(), 0);
        QCOMPARE(child<QLabel>(view, "keysPlaceholder")->text(), u"No key matches \u201czzz\u201d."_s);
        child<QLineEdit>(view, "keyFilter")->clear();
        QCOMPARE(view->proxy()->rowCount(), 3);
    }

    void anEmptyProjectSaysHowToCreateOne()
    {
        m_net->clearScript();
        m_net->on("GET", kKeysPath, FakeAnswer::page({}));
        KeysView *view = signedInView();
        QVERIFY(showProjectAndWait());
        QCOMPARE(view->model()->rowCount(), 0);
        QVERIFY(
            child<QLabel>(view, "keysPlaceholder")->text().startsWith(u"This project has no keys yet."_s));
        QCOMPARE(view->countsText(), u"0 keys"_s);
        QVERIFY(view->newKeyAction()->isEnabled());
    }

    void aFailedListingOffersRetry()
    {
        m_net->clearScript();
        m_net->on("GET", kKeysPath, FakeAnswer::atlasError(500, "UNEXPECTED_ERROR", u"Something broke."_s));
        m_net->on("GET", kKeysPath, aiKeysPage(threeKeys(m_clock.now())));
        KeysView *view = signedInView();
        QVERIFY(showProjectAndWait());
        QCOMPARE(view->model()->rowCount(), 0);
        QCOMPARE(child<QLabel>(view, "keysPlaceholder")->text(), u"The keys could not be loaded."_s);
        auto *bar = child<MessageBar>(view, "keysMessageBar");
        QCOMPARE(view->messageBar(), bar);
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(bar->kind(), MessageBar::Kind::Error);
        QVERIFY(!bar->text().isEmpty());
        QVERIFY(bar->details().contains(kKeysPath));
        QCOMPARE(bar->actionText(), u"&Retry"_s);

        // The bar slides in: the button takes clicks once the layout has given it its size.
        auto *retry = child<QAbstractButton>(bar, "messageAction");
        QTRY_VERIFY(retry->isVisible() && retry->width() > 0 && retry->height() > 0);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY(m_net->recorded("GET", kKeysPath).size() == 2);
        QTRY_VERIFY(!view->isLoading());
        QCOMPARE(m_net->recorded("GET", kKeysPath).size(), 2);
        QCOMPARE(view->model()->rowCount(), 3);
        QTRY_VERIFY(bar->isHidden());
    }

    void refusedCredentialsSignOutWithoutAMessage()
    {
        m_net->clearScript();
        m_net->on("GET", kKeysPath, FakeAnswer::atlasError(401, "UNAUTHORIZED", u"Invalid token."_s));
        KeysView *view = signedInView();
        QSignalSpy unauthorized(view, &KeysView::unauthorized);
        QVERIFY(showProjectAndWait());
        QCOMPARE(unauthorized.count(), 1);
        const MessageBar *bar = view->findChild<MessageBar *>(u"keysMessageBar"_s);
        QVERIFY(!bar || bar->isHidden());
    }

    void deletingAKeyAsksThenRemovesItsRow()
    {
        m_net->on("DELETE", kKeysPath + u"/*"_s, FakeAnswer{204, {}, {}, 0});
        KeysView *view = signedInView();
        QVERIFY(showProjectAndWait());
        QVERIFY(view->selectKey(kGamma));
        QSignalSpy counted(view, &KeysView::projectKeyCountChanged);
        QSignalSpy busy(view, &KeysView::busyChanged);

        // Cancelled in the dialog: nothing sent.
        test::whenModal(u"deleteKeyDialog"_s,
                        [](QWidget *dialog) { child<QPushButton>(dialog, "cancelButton")->click(); });
        view->deleteAction()->trigger();
        QCOMPARE(m_net->recorded("DELETE", kKeysPath + u"/*"_s).size(), 0);
        QCOMPARE(view->model()->rowCount(), 3);

        // Confirmed (typing the name where the dialog asks for it): sent, and the row goes once Atlas
        // has said so.
        test::whenModal(u"deleteKeyDialog"_s, [](QWidget *dialog) {
            if (auto *confirm = dialog->findChild<QLineEdit *>(u"confirmEdit"_s);
                confirm && confirm->isVisible())
                confirm->setText(u"gamma"_s);
            child<QPushButton>(dialog, "deleteButton")->click();
        });
        view->deleteAction()->trigger();
        QVERIFY(view->isBusy());
        QTRY_VERIFY(!view->isBusy());
        const auto deletes = m_net->recorded("DELETE", kKeysPath + u"/*"_s);
        QCOMPARE(deletes.size(), 1);
        QCOMPARE(deletes.first().path(), kKeysPath + u'/' + kGamma);
        QCOMPARE(busy.count(), 2);
        QCOMPARE(names(view->proxy()), (QStringList{u"alpha"_s, u"beta"_s}));
        QCOMPARE(counted.count(), 1);
        QCOMPARE(counted.first().at(0).toString(), kProject);
        QCOMPARE(counted.first().at(1).toLongLong(), 2);
        QCOMPARE(view->countsText(), u"2 keys"_s);
    }

    void signingOutEmptiesTheTable()
    {
        KeysView *view = signedInView();
        QVERIFY(showProjectAndWait());
        view->setClient(nullptr);
        QCOMPARE(view->scope(), Scope::None);
        QCOMPARE(view->model()->rowCount(), 0);
        QCOMPARE(child<QLabel>(view, "keysPlaceholder")->text(), u"Not signed in."_s);
        QVERIFY(!view->newKeyAction()->isEnabled());
    }
};

QTEST_MAIN(TestKeysView)
#include "tst_keysview.moc"
