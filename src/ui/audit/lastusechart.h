#pragma once

#include "audit/keyclassifier.h"

#include <QWidget>

#include <array>

namespace aikeys {

// Keys by time since last use, as one column per bucket (last 24 hours, 1-7 days, 7-30 days,
// 30-90 days, over 90 days, no use yet), each labelled with its count, so the shape of an org's usage
// reads at a glance. Recent buckets are drawn in the palette's highlight colour, fading with age;
// the two that need attention (over 90 days, no use yet) are hatched in the text colour, which tells them
// apart without relying on hue. Clicking a bar selects it (clicking it again clears the selection);
// the audit view filters its table on selectedBucketChanged. Keyboard: Left/Right move between bars,
// Space or Enter selects, Escape clears. Screen readers get the counts as the accessible description.
class LastUseChart : public QWidget
{
    Q_OBJECT

public:
    using Counts = std::array<int, kLastUseBucketCount>;

    explicit LastUseChart(QWidget *parent = nullptr);
    ~LastUseChart() override;

    void setCounts(const Counts &counts);
    const Counts &counts() const { return m_counts; }
    int count(LastUseBucket bucket) const { return m_counts[size_t(bucket)]; }

    // -1 when no bar is selected.
    int selectedBucket() const { return m_selected; }
    void setSelectedBucket(int bucket);
    void clearSelection() { setSelectedBucket(-1); }

    // The area of a bucket's column (bar, count and label): what a click on it selects.
    QRect columnRect(int bucket) const;
    // The bar itself.
    QRect barRect(int bucket) const;
    // "Last 24 hours: 4 keys; 1-7 days ago: 3 keys; ..."
    QString summaryText() const;
    // A line about a bucket's keys for its tooltip ("3 never used, 1 recently created"); empty for
    // none.
    void setBucketNote(LastUseBucket bucket, const QString &note);
    QString bucketNote(LastUseBucket bucket) const { return m_notes[size_t(bucket)]; }
    // What a bar's tooltip says.
    QString toolTipText(int bucket) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void selectedBucketChanged(int bucket);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Geometry
    {
        QRect plot;   // where bars stand
        int labelTop; // top of the bucket labels
        int labelHeight;
        int countHeight;
        int columnWidth;
    };
    Geometry geometry() const;
    int hitTest(const QPoint &pos) const;
    QColor barColor(int bucket) const;
    bool needsAttention(int bucket) const;
    void updateAccessibility();

    Counts m_counts{};
    std::array<QString, kLastUseBucketCount> m_notes;
    int m_selected = -1;
    int m_hover = -1;
    int m_focus = 0;
};

} // namespace aikeys
