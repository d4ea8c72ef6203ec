#pragma once

class QLineEdit;

namespace aikeys {

// Overwrites the characters a QLineEdit holds in place, then clears it: for a field that held a
// secret, so that the typed characters do not linger in freed memory.
void wipeLineEdit(QLineEdit *edit);

} // namespace aikeys
