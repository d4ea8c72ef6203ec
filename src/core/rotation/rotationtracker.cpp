#include "rotation/rotationtracker.h"

#include "atlas/atlasclient.h"
#include "domain/timestamp.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace aikeys {

namespace {

constexpr auto kFormat = "atlas-ai-keys-rotations/1";

QJsonValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(formatTimestampUtc(t)) : QJsonValue(QJsonValue::Null);
}

QJsonValue timeValue(const std::optional<QDateTime> &t)
{
    return t ? timeValue(*t) : QJsonValue(QJsonValue::Null);
}

std::optional<QDateTime> readTime(const QJsonObject &o, const QString &field)
{
    const QJsonValue v = o.value(field);
    if (!v.isString())
        return std::nullopt;
    return parseTimestamp(v.toString());
}

qint64 msBetween(const QDateTime &from, const QDateTime &to)
{
    return to.toMSecsSinceEpoch() - from.toMSecsSinceEpoch();
}

} // namespace

RotationTracker::RotationTracker(const QString &storagePath, QObject *parent)
    : QObject(parent)
    , m_path(storagePath)
{
    if (!m_path.isEmpty() && QFileInfo::exists(m_path))
        load();
}

RotationTracker::~RotationTracker() = default;

QString RotationTracker::defaultStoragePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"rotations.json"_s);
}

void RotationTracker::setStoragePath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    m_rotations.clear();
    m_lastError.clear();
    if (!m_path.isEmpty() && QFileInfo::exists(m_path))
        load();
    Q_EMIT reset();
}

void RotationTracker::setAtlasUrl(const QString &url)
{
    if (url == m_atlasUrl)
        return;
    m_atlasUrl = url;
    for (const Rotation &r : std::as_const(m_rotations))
        Q_EMIT rotationChanged(r.id);
}

bool RotationTracker::isInAnotherAtlas(const Rotation &r) const
{
    return !r.atlasUrl.isEmpty() && !m_atlasUrl.isEmpty() && r.atlasUrl != m_atlasUrl;
}

void RotationTracker::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

QDateTime RotationTracker::now() const
{
    return nowFrom(m_clock);
}

void RotationTracker::setIdleHours(int hours)
{
    hours = std::clamp(hours, 1, 8760);
    if (hours == m_idleHours)
        return;
    m_idleHours = hours;
    for (const Rotation &r : std::as_const(m_rotations))
        Q_EMIT rotationChanged(r.id);
}

QString RotationTracker::replacementName(const QString &oldName, const QDate &date)
{
    static const QRegularExpression previous(u" \\(rotated \\d{4}-\\d{2}-\\d{2}\\)$"_s);
    QString base = oldName;
    base.remove(previous);
    const QString suffix = u" (rotated "_s + date.toString(Qt::ISODate) + u')';
    const qsizetype room = kKeyNameMaxLength - suffix.size();
    if (base.size() > room) {
        base.truncate(room);
        // Never leave half of a surrogate pair at the end.
        if (!base.isEmpty() && base.back().isHighSurrogate())
            base.chop(1);
    }
    return base + suffix;
}

QString RotationTracker::add(const AiKey &oldKey, const QString &projectName, const AiKey &newKey,
                             const QString &atlasUrl)
{
    Rotation r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.atlasUrl = atlasUrl;
    r.projectId = oldKey.groupId;
    r.projectName = projectName;
    r.oldKeyId = oldKey.apiKeyId;
    r.oldKeyName = oldKey.name;
    r.oldCreatedAt = oldKey.createdAt;
    r.oldLastUsedAt = oldKey.lastUsedAt;
    r.newKeyId = newKey.apiKeyId;
    r.newKeyName = newKey.name;
    r.newLastUsedAt = newKey.lastUsedAt;
    r.newFirstSeenUsedAt = newKey.lastUsedAt;
    r.startedAt = now().toUTC();
    r.checkedAt = r.startedAt;
    m_rotations.append(r);
    qCInfo(lcAudit) << "rotation" << r.id << "started: key" << r.oldKeyId << "->" << r.newKeyId;
    save();
    Q_EMIT rotationAdded(r.id);
    return r.id;
}

bool RotationTracker::remove(const QString &id)
{
    const auto it =
        std::find_if(m_rotations.begin(), m_rotations.end(), [&id](const Rotation &r) { return r.id == id; });
    if (it == m_rotations.end())
        return false;
    m_rotations.erase(it);
    save();
    Q_EMIT rotationRemoved(id);
    return true;
}

Rotation *RotationTracker::find(const QString &id)
{
    for (Rotation &r : m_rotations) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

std::optional<Rotation> RotationTracker::rotation(const QString &id) const
{
    for (const Rotation &r : m_rotations) {
        if (r.id == id)
            return r;
    }
    return std::nullopt;
}

std::optional<RotationState> RotationTracker::state(const QString &id) const
{
    const std::optional<Rotation> r = rotation(id);
    if (!r)
        return std::nullopt;
    return state(*r);
}

void RotationTracker::changed(const QString &id)
{
    save();
    Q_EMIT rotationChanged(id);
}

void RotationTracker::updateKey(const QString &id, const AiKey &key)
{
    Rotation *r = find(id);
    if (!r)
        return;
    const std::optional<QDateTime> used =
        key.lastUsedAt && key.lastUsedAt->isValid() ? key.lastUsedAt : std::nullopt;
    if (key.apiKeyId == r->oldKeyId) {
        r->oldKeyName = key.name;
        r->oldLastUsedAt = used;
        r->oldKeyGone = false;
        if (key.createdAt.isValid())
            r->oldCreatedAt = key.createdAt;
    } else if (key.apiKeyId == r->newKeyId) {
        r->newKeyName = key.name;
        r->newLastUsedAt = used;
        r->newKeyGone = false;
        // The app's own key test is a use Atlas records, not a client's: it does not count.
        if (used && isClientUse(*r, *used) && (!r->newFirstSeenUsedAt || *used < *r->newFirstSeenUsedAt))
            r->newFirstSeenUsedAt = used;
    } else {
        return;
    }
    r->checkedAt = now().toUTC();
    changed(id);
}

void RotationTracker::markNewKeyTested(const QString &id, const QDateTime &at)
{
    Rotation *r = find(id);
    if (!r || !at.isValid())
        return;
    const QDateTime when = at.toUTC();
    if (r->newKeyTestedAt && *r->newKeyTestedAt >= when)
        return;
    r->newKeyTestedAt = when;
    // A refresh may have seen the test's use before the test reported back.
    if (r->newFirstSeenUsedAt && !isClientUse(*r, *r->newFirstSeenUsedAt))
        r->newFirstSeenUsedAt.reset();
    qCInfo(lcAudit) << "rotation" << id << "new key tested";
    changed(id);
}

void RotationTracker::markKeyGone(const QString &id, const QString &apiKeyId)
{
    Rotation *r = find(id);
    if (!r)
        return;
    if (apiKeyId == r->oldKeyId)
        r->oldKeyGone = true;
    else if (apiKeyId == r->newKeyId)
        r->newKeyGone = true;
    else
        return;
    changed(id);
}

bool RotationTracker::isClientUse(const Rotation &r, const QDateTime &used) const
{
    if (!used.isValid())
        return false;
    if (!r.newKeyTestedAt || !r.newKeyTestedAt->isValid())
        return true;
    return used.toMSecsSinceEpoch() > r.newKeyTestedAt->toMSecsSinceEpoch() + m_testSlackMs;
}

std::optional<QDateTime> RotationTracker::newKeyFirstClientUse(const Rotation &r)
{
    if (r.newFirstSeenUsedAt && r.newFirstSeenUsedAt->isValid())
        return r.newFirstSeenUsedAt;
    return std::nullopt;
}

QDateTime RotationTracker::oldLastActivity(const Rotation &r)
{
    if (r.oldLastUsedAt && r.oldLastUsedAt->isValid())
        return *r.oldLastUsedAt;
    if (r.oldCreatedAt.isValid())
        return r.oldCreatedAt;
    return r.startedAt;
}

QDateTime RotationTracker::oldIdleSince(const Rotation &r)
{
    QDateTime since = oldLastActivity(r);
    auto later = [&since](const QDateTime &t) {
        if (t.isValid() && (!since.isValid() || t.toMSecsSinceEpoch() > since.toMSecsSinceEpoch()))
            since = t;
    };
    // Idle before the rotation proves nothing about clients that have yet to switch: the wait starts
    // at the rotation, and again once a client uses the new key.
    later(r.startedAt);
    if (const std::optional<QDateTime> first = newKeyFirstClientUse(r))
        later(*first);
    return since;
}

std::optional<QDateTime> RotationTracker::retireSuggestedAt(const Rotation &r, qint64 idleMs)
{
    if (!newKeyFirstClientUse(r))
        return std::nullopt;
    return oldIdleSince(r).addMSecs(idleMs);
}

RotationState RotationTracker::evaluate(const Rotation &r, const QDateTime &now, qint64 idleMs,
                                        const QString &currentAtlasUrl)
{
    // Never judged (nor retired) from a session of another Atlas: its keys are not the ones there.
    if (!r.atlasUrl.isEmpty() && !currentAtlasUrl.isEmpty() && r.atlasUrl != currentAtlasUrl)
        return RotationState::InAnotherAtlas;
    if (r.newKeyGone)
        return RotationState::NewKeyGone;
    if (r.oldKeyGone)
        return RotationState::OldKeyGone;
    const std::optional<QDateTime> switched = newKeyFirstClientUse(r);
    if (!switched)
        return RotationState::WaitingForNewKey;
    // Measured between instants, so no time zone can move a result; a last use in the future
    // (clock skew) is idle for 0.
    const qint64 idle = std::max<qint64>(0, msBetween(oldIdleSince(r), now));
    if (idle >= idleMs)
        return RotationState::ReadyToRetire;
    if (r.oldLastUsedAt && r.oldLastUsedAt->isValid() &&
        r.oldLastUsedAt->toMSecsSinceEpoch() >= switched->toMSecsSinceEpoch())
        return RotationState::OldKeyStillUsed;
    return RotationState::OldKeyIdle;
}

QString RotationTracker::stateName(RotationState state)
{
    switch (state) {
    case RotationState::WaitingForNewKey:
        return tr("Waiting for the new key's first use");
    case RotationState::OldKeyStillUsed:
        return tr("New key in use, old key still used");
    case RotationState::OldKeyIdle:
        return tr("Old key idle");
    case RotationState::ReadyToRetire:
        return tr("Ready to retire the old key");
    case RotationState::OldKeyGone:
        return tr("Old key already deleted");
    case RotationState::NewKeyGone:
        return tr("New key no longer exists");
    case RotationState::InAnotherAtlas:
        return tr("In another Atlas: not checked");
    }
    return {};
}

bool RotationTracker::refresh(AtlasClient *client)
{
    if (!client || m_refreshPending > 0)
        return false;
    const QString atlas = client->session() ? client->session()->config().baseUrl.toString() : QString();
    QList<std::pair<QString, QString>> reads; // rotation id, key id
    QHash<QString, QString> projectOf;
    for (const Rotation &r : std::as_const(m_rotations)) {
        if (!r.atlasUrl.isEmpty() && r.atlasUrl != atlas)
            continue;
        if (r.oldKeyGone || r.newKeyGone)
            continue;
        reads.append({r.id, r.oldKeyId});
        reads.append({r.id, r.newKeyId});
        projectOf.insert(r.id, r.projectId);
    }
    if (reads.isEmpty()) {
        QMetaObject::invokeMethod(this, &RotationTracker::refreshed, Qt::QueuedConnection);
        return true;
    }
    m_refreshPending = int(reads.size());
    for (const auto &[rotationId, keyId] : std::as_const(reads)) {
        ValueCall<AiKey> *call = client->getProjectKey(projectOf.value(rotationId), keyId);
        connect(call, &Job::finished, this, [this, call, rotationId = rotationId, keyId = keyId] {
            if (call->succeeded())
                updateKey(rotationId, call->value());
            else if (call->error().isNotFound())
                markKeyGone(rotationId, keyId);
            else
                Q_EMIT refreshFailed(rotationId, call->error());
            if (--m_refreshPending == 0)
                Q_EMIT refreshed();
        });
    }
    return true;
}

QString RotationTracker::retireRefusal(const QString &id, AtlasClient *client) const
{
    const std::optional<Rotation> r = rotation(id);
    if (!r)
        return tr("There is no such rotation.");
    const QString atlas =
        client && client->session() ? client->session()->config().baseUrl.toString() : QString();
    if (!r->atlasUrl.isEmpty() && r->atlasUrl != atlas) {
        return tr("The rotation of \u201c%1\u201d was started in another Atlas (%2), not the one signed in "
                  "to (%3): its old key is not retired from here. Sign in to that Atlas to retire it, or "
                  "stop tracking the rotation.")
            .arg(r->oldKeyName, r->atlasUrl, atlas.isEmpty() ? tr("none") : atlas);
    }
    return {};
}

DeleteCall *RotationTracker::retireOldKey(AtlasClient *client, const QString &id)
{
    const std::optional<Rotation> r = rotation(id);
    if (!client || !r)
        return nullptr;
    const QString refusal = retireRefusal(id, client);
    if (!refusal.isEmpty()) {
        // Never a DELETE with a key id from another Atlas: it could name a key of this one.
        qCWarning(lcAudit) << "rotation" << id << "is of another Atlas: its old key is not retired";
        ApiRequest none;
        none.verb = "DELETE";
        auto *refused = new DeleteCall(client->session(), std::move(none));
        refused->failBeforeSending(ApiError::invalidInput(refusal));
        return refused;
    }
    DeleteCall *call = client->deleteKey(r->projectId, r->oldKeyId);
    connect(call, &Job::finished, this, [this, call, id] {
        if (call->succeeded()) {
            qCInfo(lcAudit) << "rotation" << id << "done: old key retired";
            remove(id);
        }
    });
    return call;
}

QByteArray RotationTracker::serialize() const
{
    QJsonArray list;
    for (const Rotation &r : m_rotations) {
        list.append(QJsonObject{
            {u"id"_s, r.id},
            {u"atlasUrl"_s, r.atlasUrl},
            {u"projectId"_s, r.projectId},
            {u"projectName"_s, r.projectName},
            {u"oldKeyId"_s, r.oldKeyId},
            {u"oldKeyName"_s, r.oldKeyName},
            {u"oldCreatedAt"_s, timeValue(r.oldCreatedAt)},
            {u"newKeyId"_s, r.newKeyId},
            {u"newKeyName"_s, r.newKeyName},
            {u"startedAt"_s, timeValue(r.startedAt)},
            {u"oldLastUsedAt"_s, timeValue(r.oldLastUsedAt)},
            {u"newLastUsedAt"_s, timeValue(r.newLastUsedAt)},
            {u"newFirstSeenUsedAt"_s, timeValue(r.newFirstSeenUsedAt)},
            {u"newKeyTestedAt"_s, timeValue(r.newKeyTestedAt)},
            {u"checkedAt"_s, timeValue(r.checkedAt)},
            {u"oldKeyGone"_s, r.oldKeyGone},
            {u"newKeyGone"_s, r.newKeyGone},
        });
    }
    const QJsonObject root{{u"format"_s, QString::fromLatin1(kFormat)}, {u"rotations"_s, list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<QList<Rotation>> RotationTracker::deserialize(const QByteArray &data, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<QList<Rotation>> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (!doc.isObject())
        return fail(tr("The rotations file is not valid JSON: %1").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(u"format"_s).toString() != QLatin1StringView(kFormat))
        return fail(tr("The rotations file has an unknown format."));
    QList<Rotation> out;
    const QJsonArray list = root.value(u"rotations"_s).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        Rotation r;
        r.id = o.value(u"id"_s).toString();
        r.atlasUrl = o.value(u"atlasUrl"_s).toString();
        r.projectId = o.value(u"projectId"_s).toString();
        r.projectName = o.value(u"projectName"_s).toString();
        r.oldKeyId = o.value(u"oldKeyId"_s).toString();
        r.oldKeyName = o.value(u"oldKeyName"_s).toString();
        r.oldCreatedAt = readTime(o, u"oldCreatedAt"_s).value_or(QDateTime());
        r.newKeyId = o.value(u"newKeyId"_s).toString();
        r.newKeyName = o.value(u"newKeyName"_s).toString();
        r.startedAt = readTime(o, u"startedAt"_s).value_or(QDateTime());
        r.oldLastUsedAt = readTime(o, u"oldLastUsedAt"_s);
        r.newLastUsedAt = readTime(o, u"newLastUsedAt"_s);
        r.newFirstSeenUsedAt = readTime(o, u"newFirstSeenUsedAt"_s);
        r.newKeyTestedAt = readTime(o, u"newKeyTestedAt"_s);
        r.checkedAt = readTime(o, u"checkedAt"_s).value_or(QDateTime());
        r.oldKeyGone = o.value(u"oldKeyGone"_s).toBool();
        r.newKeyGone = o.value(u"newKeyGone"_s).toBool();
        // An entry without its ids is of no use to anyone: skipped rather than failing the file.
        if (r.id.isEmpty() || r.projectId.isEmpty() || r.oldKeyId.isEmpty() || r.newKeyId.isEmpty())
            continue;
        out.append(r);
    }
    return out;
}

bool RotationTracker::save()
{
    if (m_path.isEmpty())
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_lastError = file.errorString();
        qCWarning(lcAudit) << "cannot write the rotations file:" << m_lastError;
        return false;
    }
    file.write(serialize());
    if (!file.commit()) {
        m_lastError = file.errorString();
        qCWarning(lcAudit) << "cannot write the rotations file:" << m_lastError;
        return false;
    }
    return true;
}

bool RotationTracker::load()
{
    if (m_path.isEmpty())
        return true;
    QFile file(m_path);
    if (!file.exists()) {
        m_rotations.clear();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_lastError = file.errorString();
        return false;
    }
    QString error;
    std::optional<QList<Rotation>> read = deserialize(file.readAll(), &error);
    if (!read) {
        m_lastError = error;
        qCWarning(lcAudit) << "cannot read the rotations file:" << error;
        return false;
    }
    m_rotations = std::move(*read);
    return true;
}

} // namespace aikeys
