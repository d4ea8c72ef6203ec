#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer (the asan preset: Clang, -O1,
# line tables only, into build-asan/, which also holds the fuzz targets) and runs the whole test suite
# under them, with the same keychain session as scripts/test.sh. Any sanitizer report fails the test
# that triggered it. Extra arguments go to ctest (e.g. -R tst_cli). Prints how long building and
# running took.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh" "$root/scripts/debian-packages-sanitizers.txt"

if [ ! -f build-asan/CMakeCache.txt ]; then
    launcher=()
    command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake --preset asan "${launcher[@]}" >/dev/null
fi
start=$(date +%s)
cmake --build build-asan -j"${AIKEYS_JOBS:-2}"
built=$(date +%s)

# Reports end the process with an error, and say where (symbolized). Leaks are checked at exit.
# detect_odr_violation=0: Qt's plugins and the system libraries they pull in are not ours to fix.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=0:detect_odr_violation=0:strict_init_order=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

status=0
"$root/scripts/with-keychain.sh" \
    ctest --test-dir "$root/build-asan" --output-on-failure --parallel 2 "$@" || status=$?
done=$(date +%s)
echo "asan: build $((built - start)) s, tests $((done - built)) s"
exit "$status"
