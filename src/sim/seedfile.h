#pragma once

#include "timeutil.h"

#include <QJsonObject>
#include <QString>

namespace aikeys::sim {

class Store;
class Principals;

// Seed files and state files share one format (see docs/simulator.md). Principals are read when
// `principals` is not null; model groups default to the built-in ones when the file names none.
bool loadSeedFile(const QString &path, Store *store, Principals *principals, Micros now, QString *error);
bool loadSeedJson(const QJsonObject &root, Store *store, Principals *principals, Micros now, QString *error);

} // namespace aikeys::sim
