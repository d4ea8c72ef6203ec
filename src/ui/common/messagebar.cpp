#include "common/messagebar.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPropertyAnimation>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

constexpr int kAnimationMs = 160;

// Screen readers announce an AlertMessage when it appears; a plain QFrame would be read as a
// grouping with no role.
QAccessibleInterface *accessibleFactory(const QString &className, QObject *object)
{
    if (className == "aikeys::MessageBar"_L1 && object && object->isWidgetType())
        return new QAccessibleWidget(static_cast<QWidget *>(object), QAccessible::AlertMessage);
    return nullptr;
}

void installAccessibleFactory()
{
    static bool installed = false;
    if (!installed) {
        QAccessible::installFactory(accessibleFactory);
        installed = true;
    }
}

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_animated(QApplication::isEffectEnabled(Qt::UI_General))
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    installAccessibleFactory();
    setObjectName(u"messageBar"_s);
    m_icon->setObjectName(u"messageIcon"_s);
    m_text->setObjectName(u"messageText"_s);
    m_hint->setObjectName(u"messageHint"_s);
    m_action->setObjectName(u"messageAction"_s);
    m_close->setObjectName(u"messageClose"_s);

    setFrameShape(QFrame::NoFrame);
    // Wrapped text makes the height depend on the width: the parent layout asks heightForWidth().
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    // What happened reads first; what to do follows in the normal weight.
    QFont strong = m_text->font();
    strong.setWeight(QFont::DemiBold);
    m_text->setFont(strong);
    for (QLabel *label : {m_text, m_hint}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    }
    m_hint->hide();
    m_action->hide();
    m_action->setAccessibleName(tr("Action"));
    m_action->setAutoDefault(false);
    m_close->setAutoRaise(true);
    m_close->setIcon(
        QIcon::fromTheme(u"window-close"_s, style()->standardIcon(QStyle::SP_TitleBarCloseButton)));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_text);
    texts->addWidget(m_hint);

    auto *layout = new QHBoxLayout(this);
    const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin, nullptr, this);
    layout->setContentsMargins(margin, margin * 2 / 3, margin / 2, margin * 2 / 3);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_action, &QPushButton::clicked, this, &MessageBar::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, [this] {
        Q_EMIT closed();
        animatedHide();
    });

    updateIcon();
    updateAccessibility();
    // Explicitly hidden, so showing the parent does not show an empty bar.
    hide();
}

MessageBar::~MessageBar() = default;

void MessageBar::showMessage(Kind kind, const QString &text, const QString &hint, const QString &actionText)
{
    setKind(kind);
    setText(text);
    setHint(hint);
    setDetails({});
    setActionText(actionText);
    animatedShow();
}

void MessageBar::setKind(Kind kind)
{
    if (m_kind == kind)
        return;
    m_kind = kind;
    updateIcon();
    updateAccessibility();
    update();
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::setText(const QString &text)
{
    m_text->setText(text);
    updateAccessibility();
    updateGeometry();
}

QString MessageBar::hint() const
{
    return m_hint->text();
}

void MessageBar::setHint(const QString &hint)
{
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    updateAccessibility();
    updateGeometry();
}

void MessageBar::setDetails(const QString &details)
{
    m_details = details;
    for (QLabel *label : {m_text, m_hint})
        label->setToolTip(details);
    updateAccessibility();
}

QString MessageBar::actionText() const
{
    return m_action->text();
}

void MessageBar::setActionText(const QString &text)
{
    m_action->setText(text);
    m_action->setAccessibleName(text.isEmpty() ? tr("Action") : QString(text).remove(u'&'));
    m_action->setVisible(!text.isEmpty());
}

bool MessageBar::isCloseButtonVisible() const
{
    return !m_close->isHidden();
}

void MessageBar::setCloseButtonVisible(bool visible)
{
    m_close->setVisible(visible);
}

void MessageBar::setAnimated(bool animated)
{
    m_animated = animated;
}

QSize MessageBar::minimumSizeHint() const
{
    // Wrapped text: as narrow as a word, so the bar never forces its parent wider.
    QSize size = QFrame::minimumSizeHint();
    size.setWidth(std::min(size.width(), fontMetrics().averageCharWidth() * 30));
    return size;
}

void MessageBar::animatedShow()
{
    if (m_animation)
        m_animation->stop();
    updateAccessibility();
    const bool wasVisible = isVisible();
    if (!m_animated || wasVisible || !parentWidget() || !parentWidget()->isVisible()) {
        setMaximumHeight(QWIDGETSIZE_MAX);
        show();
        finishShow();
        return;
    }
    setMaximumHeight(0);
    show();
    const int target = layout()->totalHeightForWidth(std::max(width(), parentWidget()->width()));
    auto *animation = new QPropertyAnimation(this, "maximumHeight", this);
    animation->setDuration(kAnimationMs);
    animation->setEasingCurve(QEasingCurve::OutCubic);
    animation->setStartValue(0);
    animation->setEndValue(target);
    connect(animation, &QPropertyAnimation::finished, this, [this] {
        setMaximumHeight(QWIDGETSIZE_MAX);
        finishShow();
    });
    m_animation = animation;
    animation->start(QAbstractAnimation::DeleteWhenStopped);
}

void MessageBar::animatedHide()
{
    if (m_animation)
        m_animation->stop();
    if (isHidden()) {
        setMaximumHeight(QWIDGETSIZE_MAX);
        return;
    }
    if (!m_animated || !isVisible()) {
        finishHide();
        return;
    }
    auto *animation = new QPropertyAnimation(this, "maximumHeight", this);
    animation->setDuration(kAnimationMs);
    animation->setEasingCurve(QEasingCurve::InCubic);
    animation->setStartValue(height());
    animation->setEndValue(0);
    connect(animation, &QPropertyAnimation::finished, this, &MessageBar::finishHide);
    m_animation = animation;
    animation->start(QAbstractAnimation::DeleteWhenStopped);
}

void MessageBar::finishShow()
{
    QAccessibleEvent event(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&event);
}

void MessageBar::finishHide()
{
    hide();
    setMaximumHeight(QWIDGETSIZE_MAX);
    Q_EMIT hidden();
}

void MessageBar::updateIcon()
{
    QIcon icon;
    switch (m_kind) {
    case Kind::Information:
        icon = QIcon::fromTheme(u"dialog-information"_s,
                                style()->standardIcon(QStyle::SP_MessageBoxInformation));
        break;
    case Kind::Warning:
        icon = QIcon::fromTheme(u"dialog-warning"_s, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        break;
    case Kind::Error:
        icon = QIcon::fromTheme(u"dialog-error"_s, style()->standardIcon(QStyle::SP_MessageBoxCritical));
        break;
    }
    const int size = std::max(22, style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) * 3 / 2);
    m_icon->setPixmap(icon.pixmap(QSize(size, size), devicePixelRatioF()));
    m_icon->setFixedWidth(size + 4);
}

void MessageBar::updateAccessibility()
{
    QString kindName;
    switch (m_kind) {
    case Kind::Information:
        kindName = tr("Information");
        break;
    case Kind::Warning:
        kindName = tr("Warning");
        break;
    case Kind::Error:
        kindName = tr("Error");
        break;
    }
    m_icon->setAccessibleName(kindName);
    setAccessibleName(m_text->text().isEmpty() ? kindName : tr("%1: %2").arg(kindName, m_text->text()));
    QStringList description{m_hint->text(), m_details};
    description.removeAll(QString());
    setAccessibleDescription(description.join(u'\n'));
}

QColor MessageBar::accentColor() const
{
    // QPalette has no "negative" or "neutral" role, so warning and error take the hue of their meaning
    // and the saturation and brightness of the palette's own highlight: on a dark theme they come
    // out as dark as its highlight does, on a light one as light.
    const QColor highlight = palette().color(QPalette::Highlight);
    if (m_kind == Kind::Information)
        return highlight;
    const int hue = m_kind == Kind::Warning ? 35 : 0;
    return QColor::fromHsv(hue, std::max(highlight.hsvSaturation(), 160), std::max(highlight.value(), 170));
}

void MessageBar::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor accent = accentColor();
    const QColor base = palette().color(QPalette::Window);
    // A light wash of the accent over the window colour keeps WindowText readable on it.
    const qreal wash = 0.2;
    const QColor fill = QColor::fromRgbF(base.redF() * (1 - wash) + accent.redF() * wash,
                                         base.greenF() * (1 - wash) + accent.greenF() * wash,
                                         base.blueF() * (1 - wash) + accent.blueF() * wash);
    const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = 4;
    painter.setPen(QPen(accent, 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(box, radius, radius);
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        updateIcon();
        update();
    }
}

} // namespace aikeys
