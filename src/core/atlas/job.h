#pragma once

#include "atlas/apierror.h"

#include <QObject>

namespace aikeys {

// Base of every asynchronous operation: Admin API calls and jobs made of them, keychain operations
// (SecretJob), profile changes (CredentialJob) and sign-in (SessionOpener). One contract for all:
// - a job comes started from whoever makes it (AtlasClient, SecretStore, CredentialManager) or starts
//   itself (CompositeJob); SessionOpener starts with open();
// - finished() comes exactly once, always from the event loop, never from inside the call that
//   started the job;
// - error() says why it failed (its kind Canceled after cancel());
// - the job deletes itself after finished() unless setAutoDelete(false).
// Whoever waits for one job waits for them all the same way (the CLI's CommandContext::wait).
class Job : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Stops the job: finished() follows with a Canceled error, unless it finishes first.
    virtual void cancel() = 0;
    const ApiError &error() const { return m_error; }
    bool succeeded() const { return m_finished && !m_error; }
    bool isFinished() const { return m_finished; }
    void setAutoDelete(bool on) { m_autoDelete = on; }
    // Items of a list that could not be read completely (see ListJob); 0 for anything else.
    virtual int oddItems() const { return 0; }

Q_SIGNALS:
    void finished();
    // Work done so far out of the work known (pages for lists); total may grow.
    void progress(qint64 done, qint64 total);
    // A retry is scheduled; reason is the error that caused it (a 429's httpStatus() is 429).
    void retrying(int attempt, int delayMs, const aikeys::ApiError &reason);

protected:
    // The first call wins; later ones (a late answer after a timeout or a cancel) are ignored.
    void finishWith(const ApiError &error);
    // The same, from the event loop: for a result known inside the call that made the job.
    void finishLater(const ApiError &error);
    // Runs once, after finished() has been emitted and before the job may be deleted: where a job
    // wipes what its listeners no longer need (a secret nobody took).
    virtual void afterFinished() {}

private:
    ApiError m_error;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace aikeys
