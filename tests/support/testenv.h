#pragma once

#include <QString>

namespace aikeys::test {

// Puts QStandardPaths in test mode and points HOME-like locations at a throwaway folder, so no test
// reads or writes the developer's real settings.
void prepareTestEnvironment();

// Every file under dir whose bytes contain needle (used to prove a secret reached no file).
QStringList filesContaining(const QString &dir, const QByteArray &needle);

} // namespace aikeys::test
