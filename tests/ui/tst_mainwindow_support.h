#pragma once

// Helpers shared by the main window's GUI tests (tst_mainwindow, tst_leak): header-only, so each test
// executable compiles its own copy.

#include "atlas/atlasclient.h"
#include "atlas/session.h"
#include "models/keytablemodel.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

namespace aikeys::test {

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

template <typename J>
std::unique_ptr<J> finished(J *job, int timeoutMs = 20000)
{
    job->setAutoDelete(false);
    if (!job->isFinished()) {
        QSignalSpy spy(job, &Job::finished);
        spy.wait(timeoutMs);
    }
    return std::unique_ptr<J>(job);
}

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

// Every interactive child a user can reach has an objectName (tests) and an accessible name (screen
// readers). Children of line edits, combo boxes and the status bar's size grip are Qt's own parts.
inline QStringList unnamedInteractiveChildren(QWidget *root)
{
    QStringList problems;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!qobject_cast<QAbstractButton *>(w) && !qobject_cast<QLineEdit *>(w) &&
            !qobject_cast<QComboBox *>(w))
            continue;
        if (!w->isVisibleTo(root) || w->inherits("QToolBarExtension") || w->inherits("QLineEditIconButton") ||
            w->inherits("QDockWidgetTitleButton") ||
            w->objectName() == QLatin1String("qt_toolbar_ext_button"))
            continue;
        bool internal = false;
        for (QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget())
            internal = internal || qobject_cast<QLineEdit *>(p) || qobject_cast<QComboBox *>(p);
        if (internal)
            continue;
        // Tool buttons for actions carry the action's text as their accessible name.
        QString accessible = w->accessibleName();
        if (auto *b = qobject_cast<QAbstractButton *>(w); b && accessible.isEmpty())
            accessible = b->text();
        const bool toolBarButton = w->parentWidget() && w->parentWidget()->inherits("QToolBar");
        if ((w->objectName().isEmpty() && !toolBarButton) || accessible.isEmpty())
            problems << QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
    }
    return problems;
}

// Every piece of text a child widget shows or describes itself with.
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
    }
    return texts;
}

inline bool anyContains(const QStringList &texts, const QByteArray &needle)
{
    const QString n = QString::fromLatin1(needle);
    for (const QString &t : texts) {
        if (t.contains(n))
            return true;
    }
    return false;
}

} // namespace aikeys::test
