#include "keys/keysmessagebar.h"

#include "keys/keychanges.h"

using namespace Qt::StringLiterals;

namespace aikeys {

KeysMessageBar::KeysMessageBar(QWidget *parent)
    : MessageBar(parent)
{
    setObjectName(u"keysMessageBar"_s);
    connect(this, &MessageBar::hidden, this, [this] { m_posted = false; });
}

void KeysMessageBar::post(Kind kind, const QString &text, const QString &hint, const QString &actionText,
                          std::function<void()> action)
{
    disconnect(m_action);
    if (action) {
        m_action = connect(this, &MessageBar::actionTriggered, this, [this, action] {
            animatedHide();
            action();
        });
    }
    showMessage(kind, text, hint, action ? actionText : QString());
    m_posted = true;
}

void KeysMessageBar::hideIfPosted()
{
    if (m_posted)
        animatedHide();
}

void KeysMessageBar::setRequest(const QString &request)
{
    // The request is for whoever digs deeper, not for the sentence everyone reads.
    if (!request.isEmpty())
        setDetails(tr("Request: %1").arg(request));
}

void KeysMessageBar::postError(const ApiError &error, std::function<void()> retry)
{
    post(Kind::Error, error.message(), error.hint(), tr("&Retry"), std::move(retry));
    setRequest(error.request());
}

void KeysMessageBar::postNotice(const KeyChangeNotice &notice)
{
    const Kind kind = notice.kind == KeyChangeNotice::Kind::Error     ? Kind::Error
                      : notice.kind == KeyChangeNotice::Kind::Warning ? Kind::Warning
                                                                      : Kind::Information;
    post(kind, notice.text, notice.hint, notice.retry ? tr("&Retry") : QString(), notice.retry);
    setRequest(notice.request);
}

void KeysMessageBar::postDenied(const QString &projectName, const ApiError &error)
{
    const QString role = error.requiredRole();
    const QString what =
        role.isEmpty()
            ? tr("Creating, renaming and deleting keys in %1 needs a role your account does not "
                 "have there.")
                  .arg(projectName)
            : tr("Creating, renaming and deleting keys in %1 needs the %2 role.").arg(projectName, role);
    post(Kind::Warning, tr("Atlas refused the change: %1").arg(error.message()),
         what + u' ' +
             tr("Ask an Organization Owner or Project Owner for it, or sign in with another profile. You can "
                "still view and copy keys."));
}

} // namespace aikeys
