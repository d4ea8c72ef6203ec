#include "platform/hardening.h"

#include <QTest>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

using namespace aikeys;

class TestHardening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coreDumpsAreDisabled()
    {
        const platform::HardeningReport report = platform::disableCoreDumps();
        QVERIFY2(report.coreDumpsDisabled, qPrintable(report.detail));
        QVERIFY(report.detail.isEmpty());
#if defined(Q_OS_UNIX)
        rlimit limit{};
        QCOMPARE(getrlimit(RLIMIT_CORE, &limit), 0);
        QCOMPARE(limit.rlim_cur, rlim_t(0));
        QCOMPARE(limit.rlim_max, rlim_t(0));
#endif
#if defined(Q_OS_LINUX)
        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
        QVERIFY(report.attachBlocked);
#endif
    }

    void secondCallStillSucceeds()
    {
        // main() may be reached twice in tests that restart the app in-process; lowering a limit
        // that is already 0 must not fail.
        QVERIFY(platform::disableCoreDumps().coreDumpsDisabled);
    }
};

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
