// CompositeJob: the bookkeeping every job made of other jobs relies on, against fake sub-jobs that the
// test finishes by hand (so the order of events is the test's, not a network's).
#include "atlas/atlasclient.h"
#include "atlas/compositejob.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace aikeys;

namespace {

class FakeJob : public Job
{
    Q_OBJECT

public:
    explicit FakeJob(QObject *parent = nullptr)
        : Job(parent)
    {
        setAutoDelete(false); // the test owns them, to look at them after they finished
    }

    // Like ApiCall: a canceled job still reports, later, from the event loop.
    void cancel() override
    {
        ++cancels;
        if (finishOnCancel) {
            QMetaObject::invokeMethod(
                this, [this] { finishWith(ApiError::canceled()); }, Qt::QueuedConnection);
        }
    }
    void finish(const ApiError &error = {}) { finishWith(error); }

    int cancels = 0;
    bool finishOnCancel = true;
};

class TestJob : public CompositeJob
{
    Q_OBJECT

public:
    using CompositeJob::abortAll;
    using CompositeJob::CompositeJob;
    using CompositeJob::fail;
    using CompositeJob::fanOut;
    using CompositeJob::fanOutStarted;
    using CompositeJob::isCanceled;
    using CompositeJob::peakPending;
    using CompositeJob::pending;
    using CompositeJob::setCancelMode;
    using CompositeJob::track;
    using CompositeJob::trackRequired;

    void finishNow(const ApiError &error) { finishWith(error); }

    std::function<void(TestJob *)> onRun;
    // By default allDone() finishes the job without an error.
    std::function<void(TestJob *)> onAllDone;
    int runs = 0;
    int allDones = 0;
    bool canceledAtAllDone = false;

protected:
    void run() override
    {
        ++runs;
        if (onRun)
            onRun(this);
    }
    void allDone() override
    {
        ++allDones;
        canceledAtAllDone = isCanceled();
        if (onAllDone)
            onAllDone(this);
        else
            finishWith({});
    }
};

} // namespace

class TestCompositeJob : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<AtlasClient> m_client;
    std::unique_ptr<QObject> m_owner; // parent of the fake sub-jobs

    FakeJob *fake() { return new FakeJob(m_owner.get()); }
    // Kept after finished, so a test can look at it while it spins the event loop.
    std::unique_ptr<TestJob> makeJob()
    {
        auto job = std::make_unique<TestJob>(m_client.get());
        job->setAutoDelete(false);
        return job;
    }

private Q_SLOTS:
    void init()
    {
        m_client = std::make_unique<AtlasClient>(nullptr);
        m_owner = std::make_unique<QObject>();
    }

    void cleanup()
    {
        m_owner.reset();
        m_client.reset();
    }

    void finishedOnceFromTheEventLoop()
    {
        auto job = makeJob();
        FakeJob *a = fake();
        FakeJob *b = fake();
        int aReports = 0;
        job->onRun = [&](TestJob *self) {
            self->track(a, [&aReports](Job *) { ++aReports; });
            self->track(b, [](Job *) {});
        };
        QSignalSpy finished(job.get(), &Job::finished);
        QCOMPARE(job->runs, 0); // never inside the constructor: it starts itself from the event loop
        QTRY_COMPARE(job->runs, 1);
        QCOMPARE(job->pending(), 2);

        a->finish();
        QCOMPARE(aReports, 1);
        QCOMPARE(job->pending(), 1);
        QCOMPARE(job->allDones, 0);
        QCOMPARE(finished.count(), 0);

        b->finish();
        QCOMPARE(job->allDones, 1);
        QCOMPARE(finished.count(), 1);
        QVERIFY(job->succeeded());
        QCoreApplication::processEvents();
        QCOMPARE(job->runs, 1);
        QCOMPARE(finished.count(), 1);
    }

    void runThatTracksNothingIsDoneAtOnce()
    {
        auto job = makeJob();
        QSignalSpy finished(job.get(), &Job::finished);
        QCOMPARE(finished.count(), 0); // from the event loop, not from inside the constructor
        QVERIFY(finished.wait(5000));
        QCOMPARE(job->runs, 1);
        QCOMPARE(job->allDones, 1);
        QCOMPARE(finished.count(), 1);
    }

    void allDoneAfterTheLastSubJobOfEveryRound()
    {
        auto job = makeJob();
        FakeJob *first = fake();
        FakeJob *second = fake();
        FakeJob *late = fake();
        FakeJob *typedSeen = nullptr;
        job->onRun = [&](TestJob *self) {
            // A callback that tracks the next round keeps the job open.
            self->track(first, [&, self](FakeJob *done) {
                typedSeen = done;
                self->track(late, [](Job *) {});
            });
            self->track(second, [](Job *) {});
        };
        QSignalSpy finished(job.get(), &Job::finished);
        QTRY_COMPARE(job->runs, 1);

        first->finish();
        QCOMPARE(typedSeen, first);
        second->finish();
        QCOMPARE(job->pending(), 1);
        QCOMPARE(job->allDones, 0);
        late->finish();
        QCOMPARE(job->allDones, 1);
        QCOMPARE(finished.count(), 1);
    }

    void allDoneMayStartTheNextRound()
    {
        auto job = makeJob();
        FakeJob *first = fake();
        FakeJob *second = fake();
        job->onRun = [&](TestJob *self) { self->track(first, [](Job *) {}); };
        job->onAllDone = [&](TestJob *self) {
            if (self->allDones == 1)
                self->track(second, [](Job *) {});
            else
                self->finishNow({});
        };
        QSignalSpy finished(job.get(), &Job::finished);
        QTRY_COMPARE(job->runs, 1);
        first->finish();
        QCOMPARE(job->allDones, 1);
        QCOMPARE(finished.count(), 0);
        second->finish();
        QCOMPARE(job->allDones, 2);
        QCOMPARE(finished.count(), 1);
    }

    void failCancelsTheOthers()
    {
        auto job = makeJob();
        FakeJob *failing = fake();
        FakeJob *other1 = fake();
        FakeJob *other2 = fake();
        int otherReports = 0;
        job->onRun = [&](TestJob *self) {
            self->track(failing, [self](Job *done) { self->fail(done->error()); });
            self->track(other1, [&otherReports](Job *) { ++otherReports; });
            self->track(other2, [&otherReports](Job *) { ++otherReports; });
        };
        QSignalSpy finished(job.get(), &Job::finished);
        QTRY_COMPARE(job->runs, 1);

        failing->finish(ApiError::invalidResponse(u"broken"_s));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::InvalidResponse);
        QCOMPARE(other1->cancels, 1);
        QCOMPARE(other2->cancels, 1);
        QCOMPARE(failing->cancels, 0);
        QCOMPARE(job->pending(), 0);
        // Their canceled answers arrive later and reach nobody.
        QTRY_VERIFY(other1->isFinished() && other2->isFinished());
        QCOMPARE(otherReports, 0);
        QCOMPARE(job->allDones, 0);
        QCOMPARE(finished.count(), 1);
    }

    void requiredSubJobFailingFailsTheJob()
    {
        auto job = makeJob();
        FakeJob *required = fake();
        FakeJob *optional = fake();
        FakeJob *other = fake();
        int successes = 0;
        job->onRun = [&](TestJob *self) {
            self->trackRequired(required, [&successes](FakeJob *) { ++successes; });
            self->trackRequired(optional, [&successes](FakeJob *) { ++successes; });
            self->track(other, [](Job *) {});
        };
        QSignalSpy finished(job.get(), &Job::finished);
        QTRY_COMPARE(job->runs, 1);

        optional->finish();
        QCOMPARE(successes, 1);
        required->finish(ApiError::invalidResponse(u"broken"_s));
        QCOMPARE(successes, 1);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::InvalidResponse);
        QCOMPARE(other->cancels, 1);
        QCOMPARE(job->allDones, 0);
    }

    void cancelAbortsEverySubJobAndReportsCanceled()
    {
        auto job = makeJob();
        FakeJob *a = fake();
        FakeJob *b = fake();
        int reports = 0;
        job->onRun = [&](TestJob *self) {
            self->track(a, [&reports](Job *) { ++reports; });
            self->track(b, [&reports](Job *) { ++reports; });
        };
        QSignalSpy finished(job.get(), &Job::finished);
        QTRY_COMPARE(job->runs, 1);

        job->cancel();
        job->cancel();
        QCOMPARE(finished.count(), 0); // from the event loop, not from inside cancel()
        QCOMPARE(a->cancels, 1);
        QCOMPARE(b->cancels, 1);
        QVERIFY(finished.wait(5000));
        QCOMPARE(job->error().kind(), ApiError::Kind::Canceled);
        QTRY_VERIFY(a->isFinished() && b->isFinished());
        QCOMPARE(reports, 0);
        QCOMPARE(job->allDones, 0);
        QCOMPARE(finished.count(), 1);
    }

    void cancelBeforeRunSendsNothing()
    {
        auto job = makeJob();
        QSignalSpy finished(job.get(), &Job::finished);
        job->cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(job->error().kind(), ApiError::Kind::Canceled);
        QCoreApplication::processEvents();
        QCOMPARE(job->runs, 0);
        QCOMPARE(finished.count(), 1);
    }

    void subJobFinishingAfterCancelDoesNotCallBack()
    {
        auto job = makeJob();
        FakeJob *stubborn = fake();
        stubborn->finishOnCancel = false; // a sub-job whose answer comes anyway
        int reports = 0;
        job->onRun = [&](TestJob *self) { self->track(stubborn, [&reports](Job *) { ++reports; }); };
        QSignalSpy finished(job.get(), &Job::finished);
        QTRY_COMPARE(job->runs, 1);
        job->cancel();
        stubborn->finish();
        QCOMPARE(reports, 0);
        QVERIFY(finished.wait(5000));
        QCOMPARE(job->error().kind(), ApiError::Kind::Canceled);
        QCOMPARE(job->allDones, 0);
    }

    void subJobFinishingAfterTheJobFinishedDoesNotCallBack()
    {
        // A subclass that finishes on its own while sub-jobs are out hears nothing more from them.
        auto job = makeJob();
        FakeJob *a = fake();
        FakeJob *b = fake();
        int bReports = 0;
        job->onRun = [&](TestJob *self) {
            self->track(a, [self](Job *) { self->finishNow({}); });
            self->track(b, [&bReports](Job *) { ++bReports; });
        };
        QTRY_COMPARE(job->runs, 1);
        a->finish();
        QVERIFY(job->isFinished());
        b->finish();
        QCOMPARE(bReports, 0);
        QCOMPARE(job->allDones, 0);
        job.reset();
    }

    void autoDeletesAfterFinished()
    {
        QPointer<TestJob> job = new TestJob(m_client.get());
        QSignalSpy finished(job.data(), &Job::finished);
        QVERIFY(finished.wait(5000));
        QTRY_VERIFY(!job);

        QPointer<TestJob> kept = new TestJob(m_client.get());
        kept->setAutoDelete(false);
        QSignalSpy keptFinished(kept.data(), &Job::finished);
        QVERIFY(keptFinished.wait(5000));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
        QVERIFY(kept);
        delete kept.data();
    }

    void destroyingTheJobAbortsItsSubJobs()
    {
        auto job = makeJob();
        FakeJob *a = fake();
        job->onRun = [&](TestJob *self) { self->track(a, [](Job *) {}); };
        QTRY_COMPARE(job->runs, 1);
        job.reset();
        QCOMPARE(a->cancels, 1);
        QTRY_VERIFY(a->isFinished()); // and its answer reaches nothing that is gone
    }

    void signedOutBeforeRunning()
    {
        auto job = makeJob();
        QSignalSpy finished(job.get(), &Job::finished);
        m_client.reset(); // the session ended before the job ran
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(5000));
        QCOMPARE(job->runs, 0);
        QCOMPARE(job->error().kind(), ApiError::Kind::InvalidInput);
        QVERIFY(job->error().message().contains(u"Signed out"_s));
    }

    void fanOutKeepsToItsBound()
    {
        auto job = makeJob();
        std::vector<FakeJob *> started(7, nullptr);
        QList<int> reported;
        job->onRun = [&](TestJob *self) {
            self->fanOut(
                7, 3,
                [&](int index) -> FakeJob * {
                    if (index == 4)
                        return nullptr; // skipped: never started, never reported
                    return started[size_t(index)] = fake();
                },
                [&](int index, FakeJob *done) {
                    QCOMPARE(done, started[size_t(index)]);
                    reported << index;
                });
        };
        QSignalSpy finished(job.get(), &Job::finished);
        QTRY_COMPARE(job->runs, 1);
        QCOMPARE(job->pending(), 3);
        QCOMPARE(job->fanOutStarted(), 3);
        QVERIFY(!started[3]);

        started[1]->finish();
        QCOMPARE(job->pending(), 3); // one out, the next one in
        QVERIFY(started[3]);
        started[0]->finish();
        // 4 is skipped, so 5 takes the free place.
        QVERIFY(started[5]);
        QCOMPARE(job->fanOutStarted(), 6);
        for (int i : {2, 3, 5}) {
            started[size_t(i)]->finish();
            QCOMPARE(finished.count(), 0);
        }
        QCOMPARE(job->pending(), 1);
        started[6]->finish();
        QCOMPARE(reported, (QList<int>{1, 0, 2, 3, 5, 6}));
        QCOMPARE(job->peakPending(), 3);
        QCOMPARE(job->allDones, 1);
        QCOMPARE(finished.count(), 1);
    }

    void fanOutStopsAtFailure()
    {
        auto job = makeJob();
        std::vector<FakeJob *> started;
        job->onRun = [&](TestJob *self) {
            self->fanOut(
                10, 2, [&](int) { return started.emplace_back(fake()); },
                [self](int, FakeJob *done) {
                    if (!done->succeeded())
                        self->fail(done->error());
                });
        };
        QSignalSpy finished(job.get(), &Job::finished);
        QTRY_COMPARE(job->runs, 1);
        started[0]->finish(ApiError::invalidResponse(u"broken"_s));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(started.size(), size_t(2)); // nothing new after the failure
        QCOMPARE(started[1]->cancels, 1);
    }

    void drainLetsSentSubJobsReport()
    {
        auto job = makeJob();
        job->setCancelMode(CompositeJob::CancelMode::Drain);
        std::vector<FakeJob *> started;
        int reports = 0;
        job->onRun = [&](TestJob *self) {
            self->fanOut(
                5, 2, [&](int) { return started.emplace_back(fake()); },
                [&reports](int, FakeJob *) { ++reports; });
        };
        job->onAllDone = [](TestJob *) {}; // the base finishes a canceled job left open
        QSignalSpy finished(job.get(), &Job::finished);
        QTRY_COMPARE(job->runs, 1);

        job->cancel();
        QCOMPARE(started[0]->cancels, 0);
        QCOMPARE(started[1]->cancels, 0);
        started[0]->finish();
        QCOMPARE(reports, 1);
        QCOMPARE(started.size(), size_t(2)); // no new one after cancel()
        QCOMPARE(finished.count(), 0);
        started[1]->finish();
        QCOMPARE(reports, 2);
        QCOMPARE(job->allDones, 1);
        QVERIFY(job->canceledAtAllDone);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Canceled);
        QCOMPARE(job->fanOutStarted(), 2);
    }

    void drainWithNothingOutFinishesFromTheEventLoop()
    {
        auto job = makeJob();
        job->setCancelMode(CompositeJob::CancelMode::Drain);
        job->onAllDone = [](TestJob *self) { self->finishNow(ApiError::canceled()); };
        QSignalSpy finished(job.get(), &Job::finished);
        job->cancel();
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(5000));
        QCOMPARE(job->runs, 0);
        QCOMPARE(job->allDones, 1);
        QCOMPARE(job->error().kind(), ApiError::Kind::Canceled);
    }

    void drainJobDestroyedLeavesSentSubJobsAlone()
    {
        auto job = makeJob();
        job->setCancelMode(CompositeJob::CancelMode::Drain);
        FakeJob *write = fake();
        job->onRun = [&](TestJob *self) { self->track(write, [](Job *) {}); };
        QTRY_COMPARE(job->runs, 1);
        job.reset();
        QCOMPARE(write->cancels, 0);
        write->finish(); // reaches nothing that is gone
    }
};

QTEST_GUILESS_MAIN(TestCompositeJob)
#include "tst_compositejob.moc"
