#include "audit/lastusechart.h"

#include <QAccessible>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QToolTip>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

constexpr int kMargin = 8;
constexpr int kMaxBarWidth = 72;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    // t = 0: a, t = 1: b.
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QString keysText(int n)
{
    // Two source strings: English runs without a translator, which would show "(s)" as is.
    return n == 1 ? LastUseChart::tr("%n key", nullptr, n) : LastUseChart::tr("%n keys", nullptr, n);
}

} // namespace

LastUseChart::LastUseChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"lastUseChart"_s);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Keys by time since last use"));
    updateAccessibility();
}

LastUseChart::~LastUseChart() = default;

void LastUseChart::setCounts(const Counts &counts)
{
    if (counts == m_counts)
        return;
    m_counts = counts;
    updateAccessibility();
    update();
}

void LastUseChart::setSelectedBucket(int bucket)
{
    if (bucket < -1 || bucket >= kLastUseBucketCount)
        bucket = -1;
    if (bucket == m_selected)
        return;
    m_selected = bucket;
    if (bucket >= 0)
        m_focus = bucket;
    updateAccessibility();
    update();
    Q_EMIT selectedBucketChanged(bucket);
}

QString LastUseChart::summaryText() const
{
    QStringList parts;
    for (int b = 0; b < kLastUseBucketCount; ++b)
        parts << tr("%1: %2").arg(KeyClassifier::name(LastUseBucket(b)), keysText(m_counts[size_t(b)]));
    return parts.join(u"; "_s) + u'.';
}

void LastUseChart::setBucketNote(LastUseBucket bucket, const QString &note)
{
    m_notes[size_t(bucket)] = note;
}

QString LastUseChart::toolTipText(int bucket) const
{
    if (bucket < 0 || bucket >= kLastUseBucketCount)
        return {};
    QString text =
        tr("%1: %2.").arg(KeyClassifier::name(LastUseBucket(bucket)), keysText(m_counts[size_t(bucket)]));
    if (!m_notes[size_t(bucket)].isEmpty())
        text += u'\n' + m_notes[size_t(bucket)];
    text += u'\n' + (bucket == m_selected ? tr("Click to show every key again.")
                                          : tr("Click to show these keys in the table."));
    return text;
}

void LastUseChart::updateAccessibility()
{
    QString description = summaryText();
    if (m_selected >= 0)
        description += u' ' + tr("The table shows the keys of \u201c%1\u201d.")
                                  .arg(KeyClassifier::name(LastUseBucket(m_selected)));
    setAccessibleDescription(description);
    if (QAccessible::isActive()) {
        QAccessibleEvent event(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&event);
    }
}

QSize LastUseChart::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {kLastUseBucketCount * fm.horizontalAdvance(u"30-90 days ago"_s) / 2 + 2 * kMargin + 60,
            fm.height() * 12};
}

QSize LastUseChart::minimumSizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {kLastUseBucketCount * fm.horizontalAdvance(u"00000"_s) + 2 * kMargin, fm.height() * 8};
}

LastUseChart::Geometry LastUseChart::geometry() const
{
    const QFontMetrics fm = fontMetrics();
    Geometry g;
    g.countHeight = fm.height() + 4;
    g.labelHeight = 2 * fm.height() + 6;
    const QRect inner = rect().adjusted(kMargin, kMargin, -kMargin, -kMargin);
    g.columnWidth = std::max(1, inner.width() / kLastUseBucketCount);
    const int usedWidth = g.columnWidth * kLastUseBucketCount;
    g.plot = QRect(inner.left() + (inner.width() - usedWidth) / 2, inner.top() + g.countHeight, usedWidth,
                   std::max(1, inner.height() - g.countHeight - g.labelHeight));
    g.labelTop = g.plot.bottom() + 1;
    return g;
}

QRect LastUseChart::columnRect(int bucket) const
{
    const Geometry g = geometry();
    return QRect(g.plot.left() + bucket * g.columnWidth, rect().top() + kMargin / 2, g.columnWidth,
                 height() - kMargin);
}

QRect LastUseChart::barRect(int bucket) const
{
    const Geometry g = geometry();
    const int largest = *std::max_element(m_counts.cbegin(), m_counts.cend());
    const int n = m_counts[size_t(bucket)];
    int h = largest > 0 ? int(qint64(g.plot.height()) * n / largest) : 0;
    if (n > 0)
        h = std::max(h, 3); // a bucket with keys never looks empty
    const int w = std::min(kMaxBarWidth, g.columnWidth * 3 / 5);
    const int x = g.plot.left() + bucket * g.columnWidth + (g.columnWidth - w) / 2;
    return QRect(x, g.plot.bottom() + 1 - h, w, h);
}

bool LastUseChart::needsAttention(int bucket) const
{
    return bucket == int(LastUseBucket::Older) || bucket == int(LastUseBucket::Never);
}

QColor LastUseChart::barColor(int bucket) const
{
    const QPalette &p = palette();
    const QColor background = p.color(QPalette::Window);
    if (needsAttention(bucket))
        return mix(p.color(QPalette::WindowText), background, 0.72);
    static constexpr qreal fade[] = {0.0, 0.22, 0.42, 0.58};
    return mix(p.color(QPalette::Highlight), background, fade[bucket]);
}

int LastUseChart::hitTest(const QPoint &pos) const
{
    for (int b = 0; b < kLastUseBucketCount; ++b) {
        if (columnRect(b).contains(pos))
            return b;
    }
    return -1;
}

void LastUseChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &p = palette();
    const Geometry g = geometry();
    const QColor text = p.color(QPalette::WindowText);
    const QColor window = p.color(QPalette::Window);
    const QLocale locale;

    const int total = std::accumulate(m_counts.cbegin(), m_counts.cend(), 0);
    if (total == 0) {
        painter.setPen(p.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No keys to chart"));
        return;
    }

    // Hover and selection backdrops first, so the bars stand on them.
    for (int b = 0; b < kLastUseBucketCount; ++b) {
        if (b != m_selected && b != m_hover)
            continue;
        QColor back = p.color(QPalette::Highlight);
        back.setAlphaF(b == m_selected ? 0.18f : 0.08f);
        QPainterPath path;
        path.addRoundedRect(QRectF(columnRect(b)).adjusted(2, 0, -2, 0), 6, 6);
        painter.fillPath(path, back);
    }

    // Baseline.
    painter.setPen(QPen(mix(text, window, 0.6), 1));
    painter.drawLine(g.plot.left(), g.plot.bottom() + 1, g.plot.right(), g.plot.bottom() + 1);

    QFont bold = font();
    bold.setBold(true);
    for (int b = 0; b < kLastUseBucketCount; ++b) {
        const QRect bar = barRect(b);
        const QColor color = barColor(b);
        if (!bar.isEmpty()) {
            QPainterPath path;
            // Rounded at the top only: the bar stands on the baseline.
            const QRectF r(bar);
            const qreal radius = std::min<qreal>(4, r.height() / 2);
            path.moveTo(r.bottomLeft());
            path.lineTo(r.left(), r.top() + radius);
            path.quadTo(r.topLeft(), QPointF(r.left() + radius, r.top()));
            path.lineTo(r.right() - radius, r.top());
            path.quadTo(r.topRight(), QPointF(r.right(), r.top() + radius));
            path.lineTo(r.bottomRight());
            path.closeSubpath();
            painter.fillPath(path, color);
            if (needsAttention(b))
                painter.fillPath(path, QBrush(mix(text, window, 0.35), Qt::BDiagPattern));
            painter.setPen(
                QPen(needsAttention(b) ? mix(text, window, 0.4) : p.color(QPalette::Highlight), 1));
            painter.drawPath(path);
        }

        const QRect column(g.plot.left() + b * g.columnWidth, 0, g.columnWidth, height());
        painter.setFont(b == m_selected ? bold : font());
        painter.setPen(text);
        const QRect countRect(column.left(), bar.top() - g.countHeight, column.width(), g.countHeight);
        painter.drawText(countRect, Qt::AlignHCenter | Qt::AlignBottom, locale.toString(m_counts[size_t(b)]));

        painter.setFont(b == m_selected ? bold : font());
        painter.setPen(b == m_selected ? text : mix(text, window, 0.25));
        const QRect labelRect(column.left() + 2, g.labelTop + 4, column.width() - 4, g.labelHeight - 4);
        painter.drawText(labelRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                         KeyClassifier::name(LastUseBucket(b)));
    }

    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = columnRect(m_focus).adjusted(1, 1, -1, -1);
        option.backgroundColor = window;
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}

void LastUseChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int b = hitTest(event->position().toPoint());
    if (b < 0) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_focus = b;
    setSelectedBucket(b == m_selected ? -1 : b);
    event->accept();
}

void LastUseChart::mouseMoveEvent(QMouseEvent *event)
{
    const int b = hitTest(event->position().toPoint());
    if (b != m_hover) {
        m_hover = b;
        setCursor(b >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void LastUseChart::leaveEvent(QEvent *event)
{
    if (m_hover >= 0) {
        m_hover = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

void LastUseChart::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        m_focus = std::max(0, m_focus - 1);
        update();
        return;
    case Qt::Key_Right:
        m_focus = std::min(kLastUseBucketCount - 1, m_focus + 1);
        update();
        return;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        setSelectedBucket(m_focus == m_selected ? -1 : m_focus);
        return;
    case Qt::Key_Escape:
        if (m_selected >= 0) {
            clearSelection();
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

bool LastUseChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int b = hitTest(help->pos());
        if (b < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QToolTip::showText(help->globalPos(), toolTipText(b), this, columnRect(b));
        return true;
    }
    return QWidget::event(event);
}

void LastUseChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
}

} // namespace aikeys
