#include "keys/keylisting.h"

#include "atlas/atlasclient.h"
#include "keys/keychanges.h"
#include "models/keyfilterproxymodel.h"
#include "models/keytablemodel.h"

#include <QElapsedTimer>

namespace aikeys {

namespace {
// A slice of the work that fills the table with a listing's keys: short enough that the window keeps
// drawing (a frame is 16 ms) while an organization's tens of thousands of keys go in.
constexpr int kFillSliceMs = 8;
} // namespace

struct KeyListing::Fill
{
    QList<AiKey> keys; // for listed(), once they are in the model
    KeyTableModel::Batch batch;
    bool namesRemembered = false;
};

KeyListing::KeyListing(KeyTableModel *model, KeyChanges *changes, const KeyFilterProxyModel *order,
                       QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_changes(changes)
    , m_order(order)
{
    m_fillTimer.setSingleShot(true);
    m_fillTimer.setInterval(0);
    connect(&m_fillTimer, &QTimer::timeout, this, &KeyListing::continueFill);
}

KeyListing::~KeyListing()
{
    drop();
}

void KeyListing::setClient(AtlasClient *client)
{
    if (client == m_client)
        return;
    stop();
    m_client = client;
}

void KeyListing::drop()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job = nullptr;
    }
    m_fillTimer.stop();
    m_fill.reset();
}

void KeyListing::stop()
{
    drop();
    updateLoading();
}

void KeyListing::cancel()
{
    // The job ends from the event loop with a Canceled error.
    if (m_job)
        m_job->cancel();
}

void KeyListing::updateLoading()
{
    if (m_loadingSignalled != isLoading()) {
        m_loadingSignalled = isLoading();
        Q_EMIT loadingChanged(m_loadingSignalled);
    }
}

void KeyListing::start(Scope scope, const QString &id, bool keepRows)
{
    drop();
    if (!m_client || (scope != Scope::Project && scope != Scope::Organization)) {
        updateLoading();
        return;
    }
    Job *job = scope == Scope::Project ? static_cast<Job *>(m_client->listProjectKeys(id))
                                       : static_cast<Job *>(m_client->listOrgKeys(id));
    connect(job, &Job::progress, this, &KeyListing::progress);
    connect(job, &Job::retrying, this,
            [this](int attempt, int delayMs, const ApiError &) { Q_EMIT retrying(attempt, delayMs); });
    connect(job, &Job::finished, this, [this, job, keepRows] { onFinished(job, keepRows); });
    m_job = job;
    updateLoading();
    Q_EMIT progress(0, 0);
}

void KeyListing::onFinished(Job *job, bool keepRows)
{
    if (job != m_job)
        return;
    m_job = nullptr;
    const ApiError error = job->error();
    if (error) {
        updateLoading();
        Q_EMIT failed(error);
        return;
    }
    auto *list = static_cast<ListJob<AiKey> *>(job);
    QList<AiKey> keys = list->takeItems();
    Q_EMIT arrived(list->oddItems());
    if (keepRows) {
        m_model->refresh(keys);
        if (m_changes)
            m_changes->listed(keys);
        done(keys);
        return;
    }
    // A new list goes in a slice per event (KeyTableModel::Batch), with the ranks of the column the
    // table is sorted by. Still loading until the keys are in; the job itself is done.
    m_fill = std::make_unique<Fill>();
    m_fill->batch = m_model->prepareKeys(keys, m_order ? m_order->sortColumn() : -1);
    m_fill->keys = std::move(keys);
    continueFill();
}

void KeyListing::continueFill()
{
    if (!m_fill)
        return;
    QElapsedTimer slice;
    slice.start();
    // A few keys go in at once, as the listing ends; many take a slice per step.
    const auto nextSlice = [this, &slice] {
        if (slice.elapsed() < kFillSliceMs / 4)
            return false;
        m_fillTimer.start();
        return true;
    };
    if (!m_fill->batch.work(kFillSliceMs)) {
        m_fillTimer.start();
        return;
    }
    if (!m_fill->namesRemembered) {
        if (nextSlice())
            return;
        m_fill->namesRemembered = true;
        if (m_changes)
            m_changes->listed(m_fill->keys);
    }
    if (nextSlice())
        return;
    m_model->setPreparedKeys(std::move(m_fill->batch));
    if (!m_fill)
        return; // something the reset set off stopped the listing
    const QList<AiKey> keys = std::move(m_fill->keys);
    m_fill.reset();
    done(keys);
}

void KeyListing::done(const QList<AiKey> &keys)
{
    updateLoading();
    Q_EMIT listed(keys);
}

} // namespace aikeys
