#!/bin/bash
# The Windows programs under Wine, inside check.sh's Debian 13 chroot (check.sh runs it; it is not
# meant to be run alone). Counts what ran: the last line is "windows: N passed, M failed".
#   $1: the tests to run, a regular expression on the names below (default: all)
set -u
filter=${1:-.}
src=/aikeys/src
build=/aikeys/build-win
sim=/aikeys/build-sim/src/sim/atlas-sim
out=/aikeys/out
logs=/aikeys/logs
rm -rf "$logs" && mkdir -p "$logs" "$out"
passed=0
failed=0
failures=()
result() { # name status
  if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "PASS $1"
  else failed=$((failed + 1)); failures+=("$1"); echo "FAIL $1 (log: $logs/$1.log)"; tail -25 "$logs/$1.log" | sed 's/^/    /'; fi
}
wanted() { [[ $1 =~ $filter ]]; }
# What follows PREFIX on the first line of FILE that has it, once a server wrote it (30 s at most).
first_line() {
  local tries line
  for ((tries = 0; tries < 300; tries++)); do
    line=$(grep -m1 "^$2" "$1" 2>/dev/null) && { echo "${line#"$2"}"; return 0; }
    sleep 0.1
  done
  return 1
}

# The MinGW runtime beside the Qt DLLs, found through WINEPATH (Wine's PATH additions).
rt=/aikeys/runtime
mkdir -p "$rt"
for dll in libstdc++-6.dll libgcc_s_seh-1.dll; do
  cp "$(x86_64-w64-mingw32-g++-posix -print-file-name=$dll)" "$rt/"
done
cp /usr/x86_64-w64-mingw32/lib/libwinpthread-1.dll "$rt/"

# A throwaway Windows: its registry and Credential Manager die with this run.
scratch=$(mktemp -d /tmp/aikeys-wine.XXXXXX)
export WINEPREFIX=$scratch/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
export WINEPATH='Z:\aikeys\qt6-mingw\bin;Z:\aikeys\runtime'
export QT_PLUGIN_PATH=Z:/aikeys/qt6-mingw/plugins
export QT_LOGGING_TO_CONSOLE=1
xvfb_pid=
launcher_pid=
cleanup() {
  wineserver -k 2>/dev/null
  [ -n "$launcher_pid" ] && kill "$launcher_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT
wineboot --init >"$logs/wineboot.log" 2>&1 || { echo "wineboot failed: $logs/wineboot.log"; exit 1; }
# The Windows platform plugin needs a display, even for programs that show no window.
Xvfb :77 -screen 0 1400x900x24 -dpi 96 -nolisten tcp >"$logs/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=:77

# Tests and demo mode start the simulator with QProcess, which needs a Windows process to watch and
# stop: AIKEYS_SIM names simshim.c's atlas-sim.exe, which has sim-launcher.py start the Linux
# atlas-sim on its behalf.
mkdir -p /aikeys/simshim
x86_64-w64-mingw32-gcc-posix -O2 -Wall -Wextra -Werror -o /aikeys/simshim/atlas-sim.exe \
  "$src/packaging/windows/cross/simshim.c" -lws2_32 -lshell32 || { echo "simshim.c does not compile"; exit 1; }
python3 "$src/packaging/windows/cross/sim-launcher.py" "$sim" >"$logs/sim-launcher.out" 2>"$logs/sim-launcher.err" &
launcher_pid=$!
export AIKEYS_SIM_LAUNCHER_PORT
AIKEYS_SIM_LAUNCHER_PORT=$(first_line "$logs/sim-launcher.out" 'sim-launcher listening on ')
[[ $AIKEYS_SIM_LAUNCHER_PORT =~ ^[0-9]+$ ]] || { echo "sim-launcher.py did not start"; cat "$logs/sim-launcher.err"; exit 1; }
export AIKEYS_SIM='Z:\aikeys\simshim\atlas-sim.exe'

# --- The test programs -------------------------------------------------------------------------
# On Windows qt_standard_project_setup() puts every program in the top of the build folder, beside
# the DLLs it builds.
# Every test built, minus those that test a Linux-only facility (none so far). Two at a time
# (AIKEYS_WINE_JOBS), as ctest runs them on Linux: under Wine most of a test's time is waiting.
linux_only=""
wine_jobs=${AIKEYS_WINE_JOBS:-2}
names=()
pids=()
running() {
  local n=0 p
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && n=$((n + 1)); done
  echo "$n"
}
for exe in "$build"/tst_*.exe; do
  name=$(basename "$exe" .exe)
  wanted "$name" || continue
  case " $linux_only " in *" $name "*) continue ;; esac
  while [ "$(running)" -ge "$wine_jobs" ]; do sleep 0.2; done
  # Qt Test writes nothing to a redirected standard output under Wine: -o names the log file.
  # tst_cli takes about 200 s under Wine on two cores (simulators started and stopped, Retry-After
  # waits): the limit leaves room for a slower or busier machine.
  (
    cd "$build" && QT_QPA_PLATFORM=offscreen timeout 600 wine "$exe" -o "$logs/$name.log,txt" >"$logs/$name.out" 2>&1
    echo $? >"$logs/$name.rc"
  ) &
  pids+=($!)
  names+=("$name")
done
for p in "${pids[@]}"; do wait "$p"; done
for name in "${names[@]}"; do
  result "$name" "$(cat "$logs/$name.rc" 2>/dev/null || echo 1)"
done

# --- The CLI against a Linux atlas-sim on 127.0.0.1 ----------------------------------------------
cli=$build/atlas-ai-keys-cli.exe
org=65f1c0de2a9b4e0012a0c001      # the demo data's Acme organization
project=66a0b1c2d3e4f5a6b7c8d101  # and its prod-search project
cdrive=$WINEPREFIX/drive_c
sim_pid=
start_sim() {
  "$sim" --port 0 --data demo >"$logs/atlas-sim.out" 2>"$logs/atlas-sim.err" &
  sim_pid=$!
  base_url=$(first_line "$logs/atlas-sim.out" 'atlas-sim listening on ')
  [[ $base_url == http://127.0.0.1:* ]] || { echo "atlas-sim did not start"; cat "$logs/atlas-sim.err"; return 1; }
}
stop_sim() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; wait "$sim_pid" 2>/dev/null; sim_pid=; }
# Runs the CLI under Wine with the demo's API key (or none with NOKEY=1); output in $logs/NAME.log.
wcli() {
  local name=$1; shift
  if [ "${NOKEY:-0}" = 1 ]; then
    (cd "$cdrive" && timeout 120 wine "$cli" "$@") >"$logs/$name.log" 2>"$logs/$name.err"
  else
    (cd "$cdrive" && MONGODB_ATLAS_BASE_URL=$base_url MONGODB_ATLAS_PUBLIC_API_KEY=demo \
      MONGODB_ATLAS_PRIVATE_API_KEY=demo-private-key timeout 120 wine "$cli" "$@") >"$logs/$name.log" 2>"$logs/$name.err"
  fi
}
check() { # name, then a command that must succeed
  local name=$1; shift
  if "$@" >>"$logs/$name.log" 2>&1; then result "$name" 0; else cat "$logs/$name.err" >>"$logs/$name.log" 2>/dev/null; result "$name" 1; fi
}
json_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$@"; }

if wanted cli && start_sim; then
  cli_lists() {
    wcli cli-orgs orgs list && grep -q "$org" "$logs/cli-orgs.log" &&
    wcli cli-keys keys list --project "$project" --output json && grep -q '"prod-search-embeddings"' "$logs/cli-keys.log"
  }
  check cli-list cli_lists

  # The secret only in the file, a Windows path; the file is private (the ACL is Wine's to keep).
  cli_create() {
    rm -f "$cdrive/secret.txt"
    wcli cli-create keys create --project "$project" --name wine-created --secret-file 'C:\secret.txt' --output json &&
    grep -q '^al-' "$cdrive/secret.txt" &&
    ! grep -qF "$(cat "$cdrive/secret.txt")" "$logs/cli-create.log" "$logs/cli-create.err" &&
    grep -q '"secretFile"' "$logs/cli-create.log" &&
    key=$(json_field "$logs/cli-create.log" apiKeyId) && [ -n "$key" ] &&
    # An existing file is refused before anything is created (exit 2), and left as it was.
    cp "$cdrive/secret.txt" "$scratch/secret.before" &&
    { wcli cli-create-again keys create --project "$project" --name wine-twice --secret-file 'C:\secret.txt'; [ $? = 2 ]; } &&
    cmp -s "$cdrive/secret.txt" "$scratch/secret.before" &&
    wcli cli-create-list keys list --project "$project" --output json && ! grep -q wine-twice "$logs/cli-create-list.log"
  }
  key=
  check cli-create-secret-file cli_create

  cli_rename() {
    [ -n "$key" ] && wcli cli-rename keys rename --project "$project" --key "$key" --name wine-renamed &&
    wcli cli-get keys get --project "$project" --key "$key" --output json &&
    [ "$(json_field "$logs/cli-get.log" name)" = wine-renamed ]
  }
  check cli-rename cli_rename

  cli_delete() {
    [ -n "$key" ] && wcli cli-delete keys delete --project "$project" --key "$key" --yes &&
    wcli cli-delete-list keys list --project "$project" --output json && ! grep -q "$key" "$logs/cli-delete-list.log"
  }
  check cli-delete cli_delete

  cli_audit() {
    # Exit code 3: the demo data has stale and never-used keys, which is what audit is for.
    { wcli cli-audit audit --org "$org" --output json; [ $? = 3 ]; } && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$logs/cli-audit.log"
  }
  check cli-audit cli_audit

  cli_export() {
    rm -f "$cdrive/main.tf"
    wcli cli-export export terraform --org "$org" --out 'C:\main.tf' &&
    grep -q 'resource "mongodbatlas_' "$cdrive/main.tf" && grep -q "$project" "$cdrive/main.tf"
  }
  check cli-export cli_export

  # A profile whose secret is in Wine's Credential Manager (CredWriteW through QtKeychain): stored,
  # used to sign in, removed. The registry (QSettings and the credential store) never holds it in
  # clear text.
  # Wine keeps the Credential Manager's entries (secrets encrypted) under this registry key.
  credentials() { wine reg query 'HKCU\Software\Wine\Credential Manager' /s 2>/dev/null; true; }
  cli_profile() {
    echo demo-private-key | NOKEY=1 wcli cli-profile-add profiles add WineDemo --base-url "$base_url" \
      --auth api-key --id demo --org "$org" --default &&
    NOKEY=1 wcli cli-profile-test profiles test WineDemo && grep -q "$org" "$logs/cli-profile-test.log" &&
    NOKEY=1 wcli cli-profile-use keys list --output json && grep -q '"prod-search-embeddings"' "$logs/cli-profile-use.log" &&
    credentials >"$logs/cli-profile-credentials.log" && grep -qi 'io.github.atlasaikeys.AtlasAiKeys/' "$logs/cli-profile-credentials.log" &&
    wineserver -w && ! grep -rqF demo-private-key "$WINEPREFIX"/*.reg &&
    NOKEY=1 wcli cli-profile-remove profiles remove WineDemo --yes &&
    { NOKEY=1 wcli cli-profile-gone profiles test WineDemo; [ $? = 2 ]; } &&
    credentials >"$logs/cli-profile-credentials-after.log" &&
    ! grep -qi 'io.github.atlasaikeys.AtlasAiKeys/' "$logs/cli-profile-credentials-after.log"
  }
  check cli-profile-credential-manager cli_profile
  stop_sim
elif wanted cli; then
  result cli-start-sim 1
fi

# --- The app in demo mode, on Qt's windows platform, against the Linux simulator -------------------
# It starts the simulator itself (AIKEYS_SIM), signs in, loads the demo's tree and the keys of
# prod-search, saves a picture of its window and quits.
if wanted app; then
  app_demo() {
    rm -f "$out/windows-wine.png"
    (cd "$cdrive" && env -u QT_QPA_PLATFORM AIKEYS_DEMO_SIM_ARGS="--predictable-secrets" timeout 180 \
      wine "$build/atlas-ai-keys.exe" --demo --select prod-search --screenshot 'Z:\aikeys\out\windows-wine.png') \
      >"$logs/app-demo.log" 2>&1 &&
    python3 - "$out/windows-wine.png" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
w, h = struct.unpack('>II', data[16:24])
assert w >= 600 and h >= 400, f'{w}x{h}: too small for the main window'
print(f'windows-wine.png: {w}x{h}')
PY
  }
  check app-demo-screenshot app_demo
fi

# --- The NSIS installer: silent install, the installed programs alone, silent uninstall ---------
if wanted installer; then
  installer() {
    local setup
    setup=$(ls "$build"/atlas-ai-keys-*-windows-x64.exe 2>/dev/null | head -1)
    [ -n "$setup" ] || { echo "no installer in $build (check.sh package)"; return 1; }
    local dir="$cdrive/Program Files/Atlas AI Keys"
    # CPACK_NSIS_UNINSTALL_NAME (packaging/CPackSettings.cmake)
    local uninstaller="$dir/Uninstall Atlas AI Keys.exe"
    # /D must come last and unquoted (NSIS).
    wine "$setup" /S '/D=C:\Program Files\Atlas AI Keys' && wineserver -w &&
    [ -f "$dir/bin/atlas-ai-keys.exe" ] && [ -f "$dir/bin/atlas-ai-keys-cli.exe" ] && [ -f "$dir/LICENSE.txt" ] &&
    [ -f "$dir/bin/README.md" ] && [ -f "$uninstaller" ] &&
    # Everything the programs need is in the installation: no Qt or MinGW folder on the path now.
    (cd "$cdrive" && env -u WINEPATH -u QT_PLUGIN_PATH timeout 60 wine "$dir/bin/atlas-ai-keys-cli.exe" --version) &&
    # The app needs its platform plugin and style from there too: demo mode, a picture, quit.
    (cd "$cdrive" && env -u WINEPATH -u QT_PLUGIN_PATH -u QT_QPA_PLATFORM timeout 120 \
      wine "$dir/bin/atlas-ai-keys.exe" --demo --screenshot 'C:\installed.png') && [ -s "$cdrive/installed.png" ] &&
    grep -q 'Atlas AI Keys' "$WINEPREFIX/system.reg" &&
    # _?= runs the uninstaller in place and waits for it.
    wine "$uninstaller" /S '_?=C:\Program Files\Atlas AI Keys' && wineserver -w &&
    [ ! -e "$dir/bin/atlas-ai-keys.exe" ] && [ ! -e "$dir/bin/atlas-ai-keys-cli.exe" ] &&
    ! grep -q 'Uninstall\\\\AtlasAiKeys\]' "$WINEPREFIX/system.reg"
  }
  check installer-install-uninstall installer
fi

echo "windows: $passed passed, $failed failed"
[ "$failed" = 0 ]
