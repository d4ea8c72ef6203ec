#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;
class QPropertyAnimation;
class QPushButton;
class QToolButton;

namespace aikeys {

// A non-modal bar that sits above a view and says what happened and what to do about it, after
// KDE's KMessageWidget: a kind (information, warning, error) shown by an icon and a tint derived from
// the palette, the message, a "what to do" line, an optional action button ("Retry", "Sign in
// again") and a close button. Hidden until showMessage(). Screen readers get it as an alert.
class MessageBar : public QFrame
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText)
    Q_PROPERTY(QString hint READ hint WRITE setHint)
    Q_PROPERTY(QString details READ details WRITE setDetails)
    Q_PROPERTY(QString actionText READ actionText WRITE setActionText)
    Q_PROPERTY(bool closeButtonVisible READ isCloseButtonVisible WRITE setCloseButtonVisible)
    Q_PROPERTY(bool animated READ isAnimated WRITE setAnimated)

public:
    enum class Kind { Information, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBar(QWidget *parent = nullptr);
    ~MessageBar() override;

    // Sets everything at once and shows the bar (animated if animations are on). An empty actionText
    // hides the action button. The details are cleared: set them after, if any.
    void showMessage(Kind kind, const QString &text, const QString &hint = {},
                     const QString &actionText = {});

    Kind kind() const { return m_kind; }
    void setKind(Kind kind);
    QString text() const;
    void setText(const QString &text);
    QString hint() const;
    void setHint(const QString &hint);
    // What only someone digging deeper needs (the request that failed): not in the bar's text, but in
    // the tooltip of its message and in its accessible description.
    QString details() const { return m_details; }
    void setDetails(const QString &details);
    QString actionText() const;
    void setActionText(const QString &text);
    bool isCloseButtonVisible() const;
    void setCloseButtonVisible(bool visible);
    // On by default, unless the platform turned UI animations off.
    bool isAnimated() const { return m_animated; }
    void setAnimated(bool animated);

    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void animatedShow();
    void animatedHide();

Q_SIGNALS:
    // The action button was clicked. The bar stays; the receiver decides whether to hide it.
    void actionTriggered();
    // The user closed the bar (its close button).
    void closed();
    // The bar finished hiding, by the user or by animatedHide().
    void hidden();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateIcon();
    void updateAccessibility();
    void finishShow();
    void finishHide();
    QColor accentColor() const;

    Kind m_kind = Kind::Information;
    bool m_animated = true;
    QLabel *m_icon;
    QLabel *m_text;
    QLabel *m_hint;
    QPushButton *m_action;
    QToolButton *m_close;
    QPointer<QPropertyAnimation> m_animation;
    QString m_details;
};

} // namespace aikeys
