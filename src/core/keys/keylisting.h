#pragma once

#include "atlas/apicall.h"
#include "domain/scope.h"
#include "domain/types.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace aikeys {

class AtlasClient;
class KeyChanges;
class KeyFilterProxyModel;
class KeyTableModel;

// Lists the keys of a project or an organization into the key model: the request, then, for a new
// list, the fill a slice per event (tens of thousands of keys in one go would stop the window for
// longer than a frame or three). Loading lasts until the keys are in the model.
class KeyListing : public QObject
{
    Q_OBJECT

public:
    // changes (may be null) learns each project's key names from the listing; order's sort column is
    // the one a new list is ranked for.
    KeyListing(KeyTableModel *model, KeyChanges *changes, const KeyFilterProxyModel *order,
               QObject *parent = nullptr);
    ~KeyListing() override;

    // Not owned. A listing in flight is stopped.
    void setClient(AtlasClient *client);

    // keepRows: the rows stay, and are refreshed in place when the list comes; otherwise the model
    // (emptied by the caller) is filled a slice at a time.
    void start(Scope scope, const QString &id, bool keepRows);
    // Ends the listing with failed(Canceled), from the event loop.
    void cancel();
    // Ends it without a signal.
    void stop();
    bool isLoading() const { return m_job || m_fill; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void progress(qint64 done, qint64 total);
    // An attempt failed and another comes in delayMs.
    void retrying(int attempt, int delayMs);
    // The listing ended without keys: an error, or Canceled after cancel().
    void failed(const aikeys::ApiError &error);
    // The keys came; oddItems of them could not be read completely (they are listed anyway).
    void arrived(int oddItems);
    // The keys are in the model.
    void listed(const QList<aikeys::AiKey> &keys);

private:
    // The job and the fill in progress, if any, go without a signal.
    void drop();
    void onFinished(Job *job, bool keepRows);
    void continueFill();
    void done(const QList<AiKey> &keys);
    void updateLoading();

    KeyTableModel *m_model;
    QPointer<KeyChanges> m_changes;
    const KeyFilterProxyModel *m_order;
    QPointer<AtlasClient> m_client;
    QPointer<Job> m_job;
    struct Fill;
    std::unique_ptr<Fill> m_fill;
    QTimer m_fillTimer;
    bool m_loadingSignalled = false; // what loadingChanged() said last
};

} // namespace aikeys
