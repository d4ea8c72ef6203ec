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
