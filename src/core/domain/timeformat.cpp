#include "domain/timeformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace aikeys::timeformat {

namespace {

constexpr const char *kContext = "aikeys::TimeFormat";

QString plural(qint64 n, const char *one, const char *many)
{
    // Two numerus source strings rather than one "%n minute(s) ago": without a translator loaded Qt
    // would print the "(s)" as is, and English is what runs without one.
    return QCoreApplication::translate(kContext, n == 1 ? one : many, nullptr, int(n));
}

} // namespace

QString relative(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return QCoreApplication::translate(kContext, "never");
    const qint64 seconds = (now.toMSecsSinceEpoch() - when.toMSecsSinceEpoch()) / 1000;
    if (seconds < 60)
        return QCoreApplication::translate(kContext, "just now");
    if (seconds < 3600)
        return plural(seconds / 60, QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n minute ago"),
                      QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n minutes ago"));
    if (seconds < 86400)
        return plural(seconds / 3600, QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n hour ago"),
                      QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n hours ago"));
    const qint64 days = seconds / 86400;
    if (days < 30)
        return plural(days, QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n day ago"),
                      QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n days ago"));
    if (days < 365)
        return plural(days / 30, QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n month ago"),
                      QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n months ago"));
    return plural(days / 365, QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n year ago"),
                  QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n years ago"));
}

QString exact(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

QString duration(qint64 ms)
{
    const qint64 hours = ms / (3600 * 1000);
    if (hours >= 48)
        return plural(hours / 24, QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n day"),
                      QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n days"));
    if (hours >= 1)
        return plural(hours, QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n hour"),
                      QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n hours"));
    return plural(ms / 60000, QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n minute"),
                  QT_TRANSLATE_N_NOOP("aikeys::TimeFormat", "%n minutes"));
}

} // namespace aikeys::timeformat
