#!/usr/bin/env bash
# Configures and builds everything into build/ (warnings are errors, as in CI).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# CMake writes CMakeCache.txt as soon as configuring starts and build.ninja only once it has
# finished: a cache without build.ninja is a configure that failed or was interrupted.
if [ -f build/CMakeCache.txt ] && [ ! -f build/build.ninja ]; then
    echo "build.sh: the last configure of build/ did not finish; configuring again" >&2
fi
if [ ! -f build/build.ninja ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIKEYS_WERROR=ON >/dev/null
fi
cmake --build build
