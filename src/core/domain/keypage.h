#pragma once

#include "domain/json.h"

#include <optional>

namespace aikeys::json {

// A page of keys read straight from the answer's bytes into AiKey, for the form Atlas sends: an
// envelope of results, totalCount and links, every key with its id and name and each known field a
// string or null, timestamps that parse. Repeated values (status, scope, endpoint, creator, project)
// share one string. An org of 20,000 keys spent most of its listing CPU in QJsonDocument and the
// per-field lookups that followed.
//
// Returns nullopt for anything else (an escape for a surrogate, a number beyond 15 digits, a field
// of an unexpected type, a key without an id, deep nesting, a byte that is not well-formed UTF-8,
// invalid JSON...): page<AiKey>() then reads the page through QJsonDocument and decides what is an
// error and what is odd. Whenever this returns a page, it equals what page<AiKey>(body, &aiKey) would
// (tst_json and fuzz_json hold it to that).
std::optional<Page<AiKey>> plainKeyPage(const QByteArray &body);
// The same for a page of projects (id, name and orgId present; created, clusterCount, tags), which
// an org-wide audit reads for 2,000 project names.
std::optional<Page<Project>> plainProjectPage(const QByteArray &body);

} // namespace aikeys::json
