#include "logging.h"

Q_LOGGING_CATEGORY(lcAtlas, "aikeys.atlas", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "aikeys.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPaging, "aikeys.paging", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCredentials, "aikeys.credentials", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecurity, "aikeys.security", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "aikeys.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "aikeys.models", QtInfoMsg)

#include <cstring>
#include <mutex>

namespace aikeys {

namespace {

QLoggingCategory::CategoryFilter g_previousFilter = nullptr;

bool printsClipboardContents(const char *name)
{
    return std::strncmp(name, "qt.", 3) == 0 &&
           (std::strstr(name, "mime") != nullptr || std::strstr(name, "clipboard") != nullptr);
}

// Runs for every category when it is created and again whenever the rules change.
void clipboardSafeFilter(QLoggingCategory *category)
{
    if (g_previousFilter)
        g_previousFilter(category);
    if (printsClipboardContents(category->categoryName())) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}

} // namespace

void keepClipboardOutOfQtLogging()
{
    static std::once_flag once;
    std::call_once(once, [] { g_previousFilter = QLoggingCategory::installFilter(clipboardSafeFilter); });
}

} // namespace aikeys
