#!/usr/bin/env bash
# Renders resources/symbols/*.png, the masks of the built-in icons for builds without Qt Svg (the
# Windows cross build), from the SVG drawings in src/ui/common/symbols.cpp. Run it after changing a drawing
# (tst_symbols fails until then) and commit the PNGs. Uses build/ as scripts/build.sh makes it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [ ! -f build/CMakeCache.txt ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIKEYS_WERROR=ON >/dev/null
fi
cmake --build build --target aikeys-render-symbol-masks
mkdir -p resources/symbols
rm -f resources/symbols/*.png
QT_QPA_PLATFORM=offscreen build/src/ui/aikeys-render-symbol-masks resources/symbols
ls resources/symbols
