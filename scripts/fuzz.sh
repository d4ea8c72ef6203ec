#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, in the asan preset's build-asan/: ASan + UBSan) and runs each
# for a bounded time, from its committed seed corpus and past findings, two at a time. Prints per
# target the executions and seconds; fails when a target crashes, leaks, trips a sanitizer or breaks
# a property, and keeps the input that did it in build-asan/fuzz-findings/ (see fuzz/README.md).
#
#   FUZZ_SECONDS  seconds per target (default 25: building and running all fits about 6 minutes on two
#                 cores once the asan build exists; scripts/asan.sh builds it first in CI)
#   FUZZ_JOBS     targets run at once (default 2)
#   FUZZ_SEED     libFuzzer's random seed (default: a new one each run). CI fixes it, so that a CI run
#                 explores the same inputs on every commit and a finding there is one the change made
#                 reachable; longer runs without a seed are how new findings are looked for.
#   Arguments     target names to run (default: all), e.g. scripts/fuzz.sh fuzz_json fuzz_csv
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
seconds=${FUZZ_SECONDS:-25}
jobs=${FUZZ_JOBS:-2}
"$root/scripts/setup.sh" "$root/scripts/debian-packages-sanitizers.txt"

if [ ! -f build-asan/CMakeCache.txt ]; then
    launcher=()
    command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake --preset asan "${launcher[@]}" >/dev/null
fi
start=$(date +%s)
cmake --build build-asan -j"${AIKEYS_JOBS:-2}" --target fuzzers
echo "fuzz: built in $(($(date +%s) - start)) s"

if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cd fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')
fi

findings="$root/build-asan/fuzz-findings"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$findings"

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export LC_ALL=C.UTF-8

# One target: a scratch copy of the seed corpus grows (the committed one stays as it is); past findings
# are read as seeds.
run_one() {
    local t=$1 corpus="$work/$1"
    mkdir -p "$corpus"
    cp -r "fuzz/corpus/$t/." "$corpus/" 2>/dev/null || true
    local extra=()
    [ -d "fuzz/regressions/$t" ] && extra=("fuzz/regressions/$t")
    local rc=0
    local seed=()
    [ -n "${FUZZ_SEED:-}" ] && seed=(-seed="$FUZZ_SEED")
    "build-asan/fuzz/$t" "${seed[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
        -print_final_stats=1 -artifact_prefix="$findings/$t-" "$corpus" "${extra[@]}" \
        >"$work/$t.log" 2>&1 || rc=$?
    echo "$rc" >"$work/$t.rc"
}

running=0
for t in "${targets[@]}"; do
    [ -x "build-asan/fuzz/$t" ] || { echo "fuzz: no target $t" >&2; exit 2; }
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait

failed=0
printf '%-24s %12s %8s %8s  %s\n' target executions seconds corpus result
for t in "${targets[@]}"; do
    rc=$(cat "$work/$t.rc")
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log" | tail -1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$work/$t.log" | tail -1)
    size=$(find "$work/$t" -type f | wc -l)
    result=ok
    if [ "$rc" != 0 ]; then
        result="FAILED (exit $rc)"
        failed=1
    fi
    printf '%-24s %12s %8s %8s  %s\n' "$t" "${execs:-?}" "${secs:-?}" "$size" "$result"
done
for t in "${targets[@]}"; do
    [ "$(cat "$work/$t.rc")" = 0 ] && continue
    echo
    echo "=== $t"
    grep -v -E '^(#[0-9]+|INFO:|MS:|stat::|Done )' "$work/$t.log" | tail -60
    echo "Replay: build-asan/fuzz/$t <input from $findings/>; keep it as fuzz/regressions/$t/<name>."
done
exit "$failed"
