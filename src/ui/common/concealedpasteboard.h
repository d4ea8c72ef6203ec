#pragma once

namespace aikeys {

// macOS: makes the clipboard hint application/x-nspasteboard-concealed-type (clipboardhints_mac.cpp)
// reach the pasteboard as org.nspasteboard.ConcealedType, the type clipboard history tools look for.
// Qt maps MIME types it does not know to private types of its own; a QUtiMimeConverter (Qt 6.5 and
// later) maps this one. Call once a QGuiApplication exists; later calls do nothing. Built with an older
// Qt, and on every other platform, it does nothing: on macOS the hint is then inert (see the README's
// security section).
void registerConcealedPasteboardType();

} // namespace aikeys
