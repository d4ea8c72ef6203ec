#pragma once

#include <QLoggingCategory>

// One category per module, all under "aikeys.", default level info. No category ever receives a
// secret, a credential, an Authorization header or a response body.
Q_DECLARE_LOGGING_CATEGORY(lcAtlas)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcPaging)
Q_DECLARE_LOGGING_CATEGORY(lcCredentials)
Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
Q_DECLARE_LOGGING_CATEGORY(lcModels)

namespace aikeys {

// Qt's own categories that print what is put on the clipboard at debug level (Qt's Windows platform
// plugin logs the text of every QMimeData under qt.qpa.mime): with every category enabled
// (QT_LOGGING_RULES="*.debug=true") a copied secret would reach the log. This keeps their debug and
// info messages off whatever the rules say. Idempotent; whoever puts secrets on the clipboard calls it.
void keepClipboardOutOfQtLogging();

} // namespace aikeys
