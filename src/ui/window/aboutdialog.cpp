#include "window/aboutdialog.h"

#include "ui_aboutdialog.h"

#include "common/windowicons.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QPushButton>
#include <QUrl>

#include <aikeys/version.h>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {
constexpr int kIconSize = 96;
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    setObjectName(u"aboutDialog"_s);
    const QString product = QString::fromLatin1(AIKEYS_PRODUCT_NAME);
    setWindowTitle(tr("About %1").arg(product));

    const QIcon icon = WindowIcons::appIcon();
    m_ui->iconLabel->setPixmap(icon.pixmap(QSize(kIconSize, kIconSize), devicePixelRatioF()));
    m_ui->iconLabel->setAccessibleName(tr("%1 icon").arg(product));

    m_ui->productLabel->setText(product);
    QFont title = m_ui->productLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.5);
    m_ui->productLabel->setFont(title);
    m_ui->versionLabel->setText(tr("Version %1").arg(QString::fromLatin1(AIKEYS_VERSION)));
    m_ui->qtVersionLabel->setText(qtVersionText());
    m_ui->keychainVersionLabel->setText(keychainVersionText());
    m_ui->appIdLabel->setText(QString::fromLatin1(AIKEYS_APP_ID));
    m_ui->licenseLabel->setText(tr("MIT licence (see the LICENSE file that comes with the program)"));
    const QUrl manual = manualUrl();
    m_ui->manualLabel->setText(u"<a href=\"%1\">%2</a>"_s.arg(
        manual.toString(QUrl::FullyEncoded).toHtmlEscaped(), tr("Read the manual").toHtmlEscaped()));
    m_ui->manualLabel->setToolTip(manual.toDisplayString());
    m_ui->descriptionLabel->setMinimumWidth(fontMetrics().averageCharWidth() * 50);

    QPushButton *close = m_ui->buttonBox->button(QDialogButtonBox::Close);
    close->setObjectName(u"closeButton"_s);
    close->setAccessibleName(tr("Close"));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AboutDialog::~AboutDialog() = default;

QUrl AboutDialog::manualUrl()
{
    const QString local = localManual(QCoreApplication::applicationDirPath());
    return local.isEmpty() ? onlineManualUrl() : QUrl::fromLocalFile(local);
}

QUrl AboutDialog::onlineManualUrl()
{
    // The repository's front page shows README.md; the anchor scrolls to it.
    return QUrl(QString::fromLatin1(AIKEYS_HOMEPAGE_URL) + u"#readme"_s);
}

QStringList AboutDialog::localManualCandidates(const QString &applicationDir)
{
    const QDir dir(applicationDir);
    QStringList candidates;
    for (const QString &relative : {u"."_s, u"../Resources"_s, QStringLiteral(AIKEYS_MANUAL_DOC_DIR)})
        candidates.append(QDir::cleanPath(dir.absoluteFilePath(relative + u"/README.md"_s)));
    return candidates;
}

QString AboutDialog::localManual(const QString &applicationDir)
{
    if (applicationDir.isEmpty())
        return {};
    for (const QString &path : localManualCandidates(applicationDir)) {
        const QFileInfo info(path);
        if (info.isFile() && info.isReadable())
            return info.absoluteFilePath();
    }
    return {};
}

QString AboutDialog::qtVersionText()
{
    const QString running = QString::fromLatin1(qVersion());
    const QString built = QString::fromLatin1(QT_VERSION_STR);
    return running == built ? running : tr("%1 (built with %2)").arg(running, built);
}

QString AboutDialog::keychainVersionText()
{
    return QString::fromLatin1(AIKEYS_QT_KEYCHAIN_VERSION);
}

} // namespace aikeys
