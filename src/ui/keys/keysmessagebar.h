#pragma once

#include "atlas/apierror.h"
#include "common/messagebar.h"

#include <functional>

namespace aikeys {

struct KeyChangeNotice;

// The message bar above the keys table: one message at a time (a new one takes the previous one's
// action away with it), and the words for what the keys' requests and changes report.
class KeysMessageBar final : public MessageBar
{
    Q_OBJECT

public:
    explicit KeysMessageBar(QWidget *parent);

    // action, if any, runs when its button is clicked; the bar then hides.
    void post(Kind kind, const QString &text, const QString &hint = {}, const QString &actionText = {},
              std::function<void()> action = {});
    // A message is up (until the user or the view hides it).
    bool isPosted() const { return m_posted; }
    void hideIfPosted();

    void postError(const ApiError &error, std::function<void()> retry = {});
    void postNotice(const KeyChangeNotice &notice);
    // A write in the project was refused for a missing role.
    void postDenied(const QString &projectName, const ApiError &error);

private:
    void setRequest(const QString &request);

    QMetaObject::Connection m_action;
    bool m_posted = false;
};

} // namespace aikeys
