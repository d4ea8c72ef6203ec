#include "window/screenshotrunner.h"

#include "keys/keysview.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"
#include "models/orgtreemodel.h"
#include "window/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QPixmap>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
// Long enough for a layout pass, a fade and the first paint of every row.
constexpr int kSettleMs = 400;
constexpr int kPollMs = 100;
} // namespace

ScreenshotRunner::ScreenshotRunner(MainWindow *window, QString path, QString dialog, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_path(std::move(path))
    , m_dialog(std::move(dialog))
{
    connect(window, &MainWindow::firstLoadFinished, this, &ScreenshotRunner::onFirstLoad);
}

void ScreenshotRunner::onFirstLoad()
{
    if (!m_window)
        return finish(false);
    KeysView *keys = m_window->keysView();
    if (keys->scope() == Scope::None) {
        // Nothing chosen on the command line: the first project of the first organization.
        QAbstractItemModel *tree = m_window->treeView()->model();
        for (int row = 0; row < tree->rowCount(); ++row) {
            const QModelIndex org = tree->index(row, 0);
            if (tree->rowCount(org) > 0) {
                m_window->selectProject(tree->index(0, 0, org).data(OrgTreeModel::IdRole).toString());
                break;
            }
        }
    }
    whenKeysShown();
}

void ScreenshotRunner::whenKeysShown()
{
    KeysView *keys = m_window->keysView();
    if (keys->isLoading()) {
        connect(keys, &KeysView::loadingChanged, this, &ScreenshotRunner::whenKeysShown,
                Qt::SingleShotConnection);
        return;
    }
    QTimer::singleShot(kSettleMs, this, &ScreenshotRunner::shoot);
}

void ScreenshotRunner::shoot()
{
    if (!m_window)
        return finish(false);
    if (m_dialog.isEmpty()) {
        // A selected row shows what the toolbar offers for it.
        KeysView *keys = m_window->keysView();
        if (keys->proxy()->rowCount() > 0)
            keys->selectKey(keys->proxy()->index(0, 0).data(KeyTableModel::KeyIdRole).toString());
        QTimer::singleShot(kSettleMs, this, [this] { finish(m_window && save(m_window)); });
        return;
    }
    if (m_dialog != "create"_L1 && m_dialog != "secret"_L1) {
        std::fprintf(stderr, "unknown dialog for --screenshot: %s\n", qPrintable(m_dialog));
        return finish(false);
    }
    // The create dialog is modal: look for it from the event loop it runs.
    waitForDialog(u"createKeyDialog"_s, 50);
    m_window->keysView()->newKeyAction()->trigger();
}

void ScreenshotRunner::waitForDialog(const QString &objectName, int attemptsLeft)
{
    QTimer::singleShot(kPollMs, this, [this, objectName, attemptsLeft] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal->objectName() == objectName) {
            QTimer::singleShot(kSettleMs, this,
                               [this, dialog = QPointer<QWidget>(modal)] { onDialog(dialog); });
            return;
        }
        if (attemptsLeft <= 0) {
            std::fprintf(stderr, "no %s appeared\n", qPrintable(objectName));
            return finish(false);
        }
        waitForDialog(objectName, attemptsLeft - 1);
    });
}

void ScreenshotRunner::onDialog(QWidget *dialog)
{
    if (!dialog)
        return finish(false);
    if (dialog->objectName() == "createKeyDialog"_L1) {
        if (auto *name = dialog->findChild<QLineEdit *>(u"nameEdit"_s)) {
            if (name->text().isEmpty()) {
                name->setText(u"search-api-production"_s);
                QTimer::singleShot(kSettleMs, this, [this, d = QPointer<QWidget>(dialog)] { onDialog(d); });
                return;
            }
        }
        if (m_dialog == "create"_L1) {
            const bool ok = save(dialog);
            if (auto *cancel = dialog->findChild<QAbstractButton *>(u"cancelButton"_s))
                cancel->click();
            return finish(ok);
        }
        waitForDialog(u"secretDialog"_s, 100);
        if (auto *create = dialog->findChild<QAbstractButton *>(u"createButton"_s))
            create->click();
        return;
    }
    // The one-time secret dialog, on a key the demo simulator just made.
    const bool ok = save(dialog);
    if (auto *stored = dialog->findChild<QCheckBox *>(u"storedCheck"_s))
        stored->setChecked(true);
    if (auto *done = dialog->findChild<QAbstractButton *>(u"doneButton"_s))
        done->click();
    finish(ok);
}

bool ScreenshotRunner::save(QWidget *widget)
{
    const QPixmap pixmap = widget->grab();
    if (pixmap.isNull() || !pixmap.save(m_path, "PNG")) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(m_path));
        return false;
    }
    return true;
}

void ScreenshotRunner::finish(bool ok)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT done(ok);
}

} // namespace aikeys
