#pragma once

// The helpers every test shares, header-only (each test executable compiles its own copy): signed-in
// sessions against atlas-sim, waiting for jobs, reading the server's state, proving a secret reached
// no model or widget, and answering modal dialogs. The parts about widgets are there only for tests
// that link Qt Widgets (tests/ui). The processes (simulator, CLI) are in simprocess.h, the fake Atlas
// network in fakenetwork.h.

#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "domain/clock.h"
#include "fakenetwork.h"
#include "models/keytablemodel.h"
#include "simprocess.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTimeZone>
#include <QUrl>

#ifdef QT_WIDGETS_LIB
#if __has_include("common/messagebar.h")
#include "common/messagebar.h"
#endif
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QWidget>
#endif

#include <functional>
#include <memory>

namespace aikeys::test {

// ---- time

// A clock the test moves by hand: give clock() to whatever takes an aikeys::Clock (a session's config,
// a model, an audit), then advance it instead of waiting. Copies of clock() share the time.
class FakeClock
{
public:
    explicit FakeClock(const QDateTime &start = QDateTime(QDate(2026, 1, 15), QTime(12, 0), QTimeZone::utc()))
        : m_now(std::make_shared<QDateTime>(start))
    {}

    Clock clock() const
    {
        return [now = m_now] { return *now; };
    }
    QDateTime now() const { return *m_now; }
    void set(const QDateTime &when) { *m_now = when; }
    void advanceSeconds(qint64 seconds) { *m_now = m_now->addSecs(seconds); }
    void advanceDays(qint64 days) { *m_now = m_now->addDays(days); }

private:
    std::shared_ptr<QDateTime> m_now;
};

// ---- sessions

// A signed-in client for tests against atlas-sim, with retries quick enough for a test run.
struct TestClient
{
    std::unique_ptr<AtlasSession> session;
    std::unique_ptr<AtlasClient> api;
};

inline Credentials demoApiKey(const QString &publicKey = QStringLiteral("demo"),
                              const QByteArray &privateKey = "demo-private-key")
{
    return {AuthMode::ApiKey, publicKey, SecretBuffer(QByteArray(privateKey))};
}

inline Credentials demoServiceAccount(const QString &clientId = QStringLiteral("mdb_sa_id_demo"),
                                      const QByteArray &secret = "mdb_sa_sk_demo")
{
    return {AuthMode::ServiceAccount, clientId, SecretBuffer(QByteArray(secret))};
}

inline TestClient openTestClient(const QUrl &baseUrl, Credentials credentials = demoApiKey(),
                                 int timeoutMs = 20000, int attempts = 4)
{
    SessionConfig config;
    config.baseUrl = baseUrl;
    config.transferTimeoutMs = timeoutMs;
    config.retry.maxAttempts = attempts;
    config.retry.baseDelayMs = 20;
    config.retry.maxBackoffMs = 100;
    config.retry.maxRetryAfterMs = 5000;
    TestClient c;
    c.session = std::make_unique<AtlasSession>(config, std::move(credentials), new QNetworkAccessManager);
    c.api = std::make_unique<AtlasClient>(c.session.get());
    return c;
}

// A bearer token the simulator issued to the demo service account, fetched with a raw request the
// way another program would (independent of the client under test); empty if none came.
inline QByteArray fetchDemoAccessToken(const QUrl &base)
{
    QNetworkAccessManager nam;
    QNetworkRequest req(base.resolved(QUrl(QStringLiteral("/api/oauth/token"))));
    req.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    req.setRawHeader("Accept", "application/json");
    req.setRawHeader("Authorization", "Basic " + QByteArray("mdb_sa_id_demo:mdb_sa_sk_demo").toBase64());
    QNetworkReply *reply = nam.post(req, QByteArray("grant_type=client_credentials"));
    QSignalSpy spy(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        spy.wait(10000);
    const QByteArray token = QJsonDocument::fromJson(reply->readAll())
                                 .object()
                                 .value(QLatin1String("access_token"))
                                 .toString()
                                 .toUtf8();
    reply->deleteLater();
    return token;
}

// A session on its own network access manager. Without retries, an injected fault reaches the UI at once.
inline AtlasSession *makeSession(const QUrl &baseUrl, bool retries = true,
                                 AuthMode mode = AuthMode::ServiceAccount,
                                 const QString &id = QStringLiteral("mdb_sa_id_demo"),
                                 const QByteArray &secret = QByteArrayLiteral("mdb_sa_sk_demo"))
{
    SessionConfig config;
    config.baseUrl = baseUrl;
    config.transferTimeoutMs = 15000;
    if (!retries)
        config.retry.maxAttempts = 1;
    config.retry.baseDelayMs = 50;
    return new AtlasSession(config, Credentials{mode, id, SecretBuffer(QByteArray(secret))},
                            new QNetworkAccessManager);
}

// A client on the fake Atlas network (fakenetwork.h), signed in with an access token so that no token
// or Digest exchange comes before the scripted answers; retries are immediate, and attempts bounds
// them (1: an error answer reaches the caller at once). The session owns net.
inline TestClient openFakeClient(FakeNetwork *net, int attempts = 1)
{
    SessionConfig config;
    config.baseUrl = QUrl(QStringLiteral("https://cloud.mongodb.com"));
    config.transferTimeoutMs = 20000;
    config.retry.maxAttempts = attempts;
    config.retry.baseDelayMs = 1;
    config.retry.maxBackoffMs = 5;
    TestClient c;
    c.session = std::make_unique<AtlasSession>(
        config, Credentials{AuthMode::AccessToken, {}, SecretBuffer(QByteArray("fake-access-token"))}, net);
    c.api = std::make_unique<AtlasClient>(c.session.get());
    return c;
}

// An AI model key as Atlas sends it.
inline QJsonObject aiKeyJson(const AiKey &k)
{
    QJsonObject o{{QStringLiteral("apiKeyId"), k.apiKeyId},
                  {QStringLiteral("name"), k.name},
                  {QStringLiteral("groupId"), k.groupId},
                  {QStringLiteral("cloud"), k.cloud.isEmpty() ? QStringLiteral("ANY") : k.cloud},
                  {QStringLiteral("geography"), k.geography.isEmpty() ? QStringLiteral("ANY") : k.geography},
                  {QStringLiteral("maskedSecret"), k.maskedSecret},
                  {QStringLiteral("status"), k.status.isEmpty() ? QStringLiteral("ACTIVE") : k.status}};
    if (!k.createdBy.isEmpty())
        o.insert(QStringLiteral("createdBy"), k.createdBy);
    if (!k.endpoint.isEmpty())
        o.insert(QStringLiteral("endpoint"), k.endpoint);
    if (k.createdAt.isValid())
        o.insert(QStringLiteral("createdAt"), k.createdAt.toUTC().toString(Qt::ISODateWithMs));
    if (k.lastUsedAt && k.lastUsedAt->isValid())
        o.insert(QStringLiteral("lastUsedAt"), k.lastUsedAt->toUTC().toString(Qt::ISODateWithMs));
    return o;
}

inline FakeAnswer aiKeysPage(const QList<AiKey> &keys)
{
    QJsonArray results;
    for (const AiKey &k : keys)
        results.append(aiKeyJson(k));
    return FakeAnswer::page(results);
}

// ---- jobs

// Waits for a job (true if it finished within ms).
template <typename J>
bool finishes(J *job, int ms = 20000)
{
    if (job->isFinished())
        return true;
    QSignalSpy spy(job, &Job::finished);
    return spy.wait(ms);
}

// Keeps a job alive after finished(), so the test can read it.
template <typename J>
std::unique_ptr<J> keep(J *job)
{
    job->setAutoDelete(false);
    return std::unique_ptr<J>(job);
}

// Both: the job, finished (or timed out), owned by the caller.
template <typename J>
std::unique_ptr<J> finished(J *job, int ms = 30000)
{
    auto owned = keep(job);
    finishes(owned.get(), ms);
    return owned;
}

// ---- the server's state, read and changed through a client of the test's own

inline QList<AiKey> listProjectKeys(AtlasClient *client, const QString &projectId)
{
    const auto job = finished(client->listProjectKeys(projectId));
    return job->items();
}

inline AiKey serverKey(AtlasClient *client, const QString &projectId, const QString &keyId)
{
    const auto job = finished(client->getProjectKey(projectId, keyId));
    return job->value();
}

inline bool deleteOnServer(AtlasClient *client, const QString &projectId, const QString &keyId)
{
    return finished(client->deleteKey(projectId, keyId))->succeeded();
}

inline bool createOnServer(AtlasClient *client, const QString &projectId, const QString &name)
{
    const auto job = finished(client->createKey(projectId, name));
    SecretBuffer discarded = job->takeSecret();
    return job->succeeded();
}

// ---- models

// Every value any role of any cell (and the headers) of a model returns, as text; AiKey values field by
// field. Used to prove that a secret reached no model.
inline QStringList modelTexts(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QStringList texts;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            for (int role = 0; role < Qt::UserRole + 32; ++role) {
                const QVariant value = index.data(role);
                if (!value.isValid())
                    continue;
                if (value.canConvert<AiKey>() && value.metaType() == QMetaType::fromType<AiKey>()) {
                    const AiKey k = value.value<AiKey>();
                    texts << k.apiKeyId << k.name << k.groupId << k.cloud << k.geography << k.endpoint
                          << k.createdBy << k.maskedSecret << k.status;
                } else {
                    texts << value.toString();
                }
            }
            if (column == 0 && model->hasChildren(index))
                texts << modelTexts(model, index);
        }
    }
    for (int column = 0; column < model->columnCount(parent); ++column)
        texts << model->headerData(column, Qt::Horizontal).toString();
    return texts;
}

// The proxy's rows are in order of SortRole for the column.
inline bool isSorted(const QAbstractItemModel *proxy, int column, Qt::SortOrder order)
{
    for (int row = 1; row < proxy->rowCount(); ++row) {
        const qint64 a = proxy->index(row - 1, column).data(KeyTableModel::SortRole).toLongLong();
        const qint64 b = proxy->index(row, column).data(KeyTableModel::SortRole).toLongLong();
        if (order == Qt::AscendingOrder ? a > b : a < b)
            return false;
    }
    return true;
}

// A named child that the test cannot go on without.
template <typename T>
T *child(QObject *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

#ifdef QT_WIDGETS_LIB
// ---- widgets

// Runs act on the modal dialog with this object name as soon as it is shown (dialogs run their own
// event loop, so the test answers them from a timer). Gives up quietly after timeoutMs: the test's own
// checks then fail.
inline void whenModal(const QString &objectName, std::function<void(QWidget *)> act, int timeoutMs = 15000)
{
    auto *timer = new QTimer(qApp);
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, elapsed, objectName, act, timeoutMs] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal->objectName() == objectName && modal->isVisible()) {
            timer->stop();
            timer->deleteLater();
            act(modal);
        } else if (elapsed->elapsed() > timeoutMs) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

// Makes the window active (shortcuts need an active window), true when it is.
inline bool activate(QWidget *window)
{
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

// How strictly unnamedInteractiveChildren looks.
enum class NameCheck {
    // What a user can reach in a window: visible children; a toolbar's buttons are named by their
    // action, and any button may take its text as its accessible name.
    Reachable,
    // A dialog: every button, line edit, combo box and tree, shown or not, has an objectName and an
    // accessible name of its own.
    Every,
};

// Every interactive child has an objectName (tests) and an accessible name (screen readers).
// Children of line edits, combo boxes and item views are Qt's own parts.
inline QStringList unnamedInteractiveChildren(QWidget *root, NameCheck check = NameCheck::Reachable)
{
    const bool every = check == NameCheck::Every;
    QStringList problems;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!qobject_cast<QAbstractButton *>(w) && !qobject_cast<QLineEdit *>(w) &&
            !qobject_cast<QComboBox *>(w) && !(every && qobject_cast<QTreeWidget *>(w)))
            continue;
        if (!every && (!w->isVisibleTo(root) || w->inherits("QToolBarExtension") ||
                       w->inherits("QLineEditIconButton") || w->inherits("QDockWidgetTitleButton") ||
                       w->objectName() == QLatin1String("qt_toolbar_ext_button")))
            continue;
        bool internal = false;
        for (QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget())
            internal = internal || qobject_cast<QLineEdit *>(p) || qobject_cast<QComboBox *>(p) ||
                       qobject_cast<QAbstractItemView *>(p);
        if (internal)
            continue;
        QString accessible = w->accessibleName();
        bool toolBarButton = false;
        if (!every) {
            // Tool buttons for actions carry the action's text as their accessible name.
            if (auto *b = qobject_cast<QAbstractButton *>(w); b && accessible.isEmpty())
                accessible = b->text();
            toolBarButton = w->parentWidget() && w->parentWidget()->inherits("QToolBar");
        }
        if ((w->objectName().isEmpty() && !toolBarButton) || accessible.isEmpty())
            problems << QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
    }
    return problems;
}

// Every piece of text a child widget shows or describes itself with, a list's cells included.
inline QStringList allTexts(QWidget *root)
{
    QStringList texts{root->windowTitle()};
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        texts << w->toolTip() << w->accessibleName() << w->accessibleDescription() << w->whatsThis();
        if (auto *l = qobject_cast<QLabel *>(w))
            texts << l->text();
        if (auto *e = qobject_cast<QLineEdit *>(w))
            texts << e->text() << e->displayText() << e->placeholderText();
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            texts << b->text();
#if __has_include("common/messagebar.h")
        if (auto *bar = qobject_cast<aikeys::MessageBar *>(w))
            texts << bar->text() << bar->hint();
#endif
        if (auto *tree = qobject_cast<QTreeWidget *>(w)) {
            for (int i = 0; i < tree->topLevelItemCount(); ++i) {
                for (int c = 0; c < tree->columnCount(); ++c)
                    texts << tree->topLevelItem(i)->text(c) << tree->topLevelItem(i)->toolTip(c);
            }
        }
    }
    return texts;
}

inline bool anyContains(const QStringList &texts, const QString &needle)
{
    for (const QString &t : texts) {
        if (t.contains(needle))
            return true;
    }
    return false;
}

inline bool anyContains(const QStringList &texts, const QByteArray &needle)
{
    return anyContains(texts, QString::fromLatin1(needle));
}

inline bool anyContains(const QStringList &texts, const char *needle)
{
    return anyContains(texts, QString::fromLatin1(needle));
}

#endif // QT_WIDGETS_LIB

} // namespace aikeys::test
