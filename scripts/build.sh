#!/usr/bin/env bash
# Configures and builds everything into build/ (warnings are errors, as in CI).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [ ! -f build/CMakeCache.txt ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIKEYS_WERROR=ON >/dev/null
fi
cmake --build build
