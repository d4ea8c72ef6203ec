#include "logging.h"

Q_LOGGING_CATEGORY(lcAtlas, "aikeys.atlas", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "aikeys.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPaging, "aikeys.paging", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCredentials, "aikeys.credentials", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecurity, "aikeys.security", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "aikeys.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "aikeys.models", QtInfoMsg)
