#pragma once

#include "options.h"
#include "principals.h"
#include "timeutil.h"

#include <QList>
#include <QPair>
#include <QString>

namespace aikeys::sim {

class Store;

// The model groups (and their default and ceiling limits) used when a seed file names none.
bool addDefaultModelGroups(Store &store, QString *error);

// The built-in demo dataset: three organizations, seven projects, 28 keys whose lastUsedAt spreads
// from minutes ago to never, relative to `now`.
bool loadDemoDataset(Store &store, Micros now, QString *error);
QList<QPair<QString, ProjectRole>> demoDatasetProjectRoles();

// N organizations, `projects` spread over them, `keys` spread over the projects; the same seed gives
// the same data.
bool generateDataset(Store &store, const GenerateSpec &spec, quint64 seed, Micros now, QString *error);

// Roles of "demo-project" over whatever data is loaded: first project Model Owner, second read only.
QList<QPair<QString, ProjectRole>> firstProjectsRoles(const Store &store);

} // namespace aikeys::sim
