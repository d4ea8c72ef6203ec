#!/usr/bin/env bash
# Smoke test of the Debian package, as a user would meet it: build Release, make the .deb with
# CPack (twice, to check it is reproducible), install it with apt, validate the desktop entry and
# the AppStream metadata, check the binaries' hardening, run the installed CLI against the installed
# simulator, and open the installed app in demo mode under Xvfb and check its screenshot.
#
# For a throwaway Debian 12 / Ubuntu machine (CI): installs what it needs with apt-get (as root, or
# through sudo) and purges the package again at the end. Safe to run repeatedly.
#
#   packaging/ci/package-smoke.sh
#
# Environment:
#   AIKEYS_SMOKE_BUILD_DIR   build directory (default: build-pkg in the source tree)
#   AIKEYS_SMOKE_KEEP=1      leave the package installed afterwards
#   AIKEYS_SMOKE_LINT=0      skip packaging/ci/lint-workflows.sh (it needs the npm registry)
#
# Exits non-zero with "package-smoke: FAIL: ..." on the first failure.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${AIKEYS_SMOKE_BUILD_DIR:-$root/build-pkg}
app_id=io.github.atlasaikeys.AtlasAiKeys
pkg=atlas-ai-keys
work="$build/smoke"

say() { printf 'package-smoke: %s\n' "$*" >&2; }
fail() { printf 'package-smoke: FAIL: %s\n' "$*" >&2; exit 1; }

sudo=()
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "run as root, or install sudo"
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive

# --- Tools -------------------------------------------------------------------------------------------
"$root/scripts/setup.sh"
# dpkg-dev: dpkg-shlibdeps for the package's dependencies; the rest checks what gets installed.
tools=(dpkg-dev desktop-file-utils appstream xvfb xauth imagemagick binutils file groff-base)
missing=()
for p in "${tools[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || fail "could not install ${missing[*]}"
fi

# --- Build and package --------------------------------------------------------------------------------
# The commit's time stands for "now" in every time stamp of the package, so two runs on the same
# commit give the same bytes.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    SOURCE_DATE_EPOCH=$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 1700000000)
fi
export SOURCE_DATE_EPOCH

say "configuring and building Release in $build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAIKEYS_WERROR=ON \
    -DAIKEYS_BUILD_TESTS=OFF -DAIKEYS_BUILD_BENCH=OFF >/dev/null || fail "cmake configure failed"
cmake --build "$build" --target atlas-ai-keys atlas-ai-keys-cli atlas-sim || fail "build failed"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || fail "no project version in $build/CMakeCache.txt"

rm -rf "$work"
mkdir -p "$work/a" "$work/b" "$work/home" "$work/runtime"
chmod 700 "$work/runtime"
say "making the .deb (twice)"
for d in a b; do
    (cd "$build" && cpack -G DEB -B "$work/$d" >"$work/cpack-$d.log" 2>&1) \
        || { cat "$work/cpack-$d.log" >&2; fail "cpack failed"; }
done
deb=$(find "$work/a" -maxdepth 1 -name "${pkg}_${version}_*.deb" | head -n1)
[ -n "$deb" ] || fail "cpack made no ${pkg}_${version}_*.deb in $work/a"
deb_b="$work/b/$(basename "$deb")"
if cmp -s "$deb" "$deb_b"; then
    say "reproducible: two .deb builds are identical ($(sha256sum "$deb" | cut -c1-16)...)"
else
    fail "two .deb builds of the same tree differ ($deb vs $deb_b): something is not reproducible"
fi

say "package metadata:"
dpkg-deb --field "$deb" Package Version Architecture Section Priority Depends Recommends >&2
depends=$(dpkg-deb --field "$deb" Depends)
for dep in libqt6widgets6 libqt6network6 qt6-qpa-plugins; do
    [[ $depends == *"$dep"* ]] || fail "Depends lacks $dep: $depends"
done
[[ $(dpkg-deb --field "$deb" Recommends) == *gnome-keyring* ]] || fail "Recommends lacks gnome-keyring"

contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}')
for path in \
    ./usr/bin/atlas-ai-keys \
    ./usr/bin/atlas-ai-keys-cli \
    ./usr/libexec/atlas-ai-keys/atlas-sim \
    "./usr/share/applications/$app_id.desktop" \
    "./usr/share/metainfo/$app_id.metainfo.xml" \
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    "./usr/share/icons/hicolor/16x16/apps/$app_id.png" \
    "./usr/share/icons/hicolor/512x512/apps/$app_id.png" \
    ./usr/share/man/man1/atlas-ai-keys.1.gz \
    ./usr/share/man/man1/atlas-ai-keys-cli.1.gz \
    ./usr/share/bash-completion/completions/atlas-ai-keys-cli \
    ./usr/share/zsh/vendor-completions/_atlas-ai-keys-cli \
    ./usr/share/fish/vendor_completions.d/atlas-ai-keys-cli.fish \
    ./usr/share/doc/atlas-ai-keys/copyright \
    ./usr/share/doc/atlas-ai-keys/LICENSE; do
    grep -qxF "$path" <<<"$contents" || fail "the package lacks $path"
done

# --- Install -----------------------------------------------------------------------------------------
cleanup() {
    local rc=$?
    if [ -n "${sim_pid:-}" ]; then kill "$sim_pid" 2>/dev/null || true; fi
    if [ "${AIKEYS_SMOKE_KEEP:-0}" != 1 ] && dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
        "${sudo[@]}" apt-get purge -y -qq "$pkg" >/dev/null 2>&1 || true
    fi
    exit $rc
}
trap cleanup EXIT
# A copy left by an earlier run would make apt skip the install ("already the newest version").
if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
    "${sudo[@]}" apt-get purge -y -qq "$pkg" >/dev/null
fi
say "installing $(basename "$deb") with apt-get"
# apt-get wants a path with a slash to take a local file; _apt cannot read a 0700 build tree.
cp "$deb" "$work/install.deb"
chmod 644 "$work/install.deb"
"${sudo[@]}" apt-get install -y -qq "$work/install.deb" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; fail "apt-get install of the package failed"; }
for f in /usr/bin/atlas-ai-keys /usr/bin/atlas-ai-keys-cli /usr/libexec/atlas-ai-keys/atlas-sim; do
    [ -x "$f" ] || fail "$f is not installed or not executable"
done

# --- Desktop integration -----------------------------------------------------------------------------
desktop-file-validate "/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate failed"
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" \
    || fail "appstreamcli validate failed"
grep -q "<release version=\"$version\"" "/usr/share/metainfo/$app_id.metainfo.xml" \
    || fail "the metainfo has no release entry for $version"
for page in atlas-ai-keys atlas-ai-keys-cli; do
    warnings=$(zcat "/usr/share/man/man1/$page.1.gz" | groff -man -Tutf8 -ww -z 2>&1 || true)
    [ -z "$warnings" ] || fail "man page $page.1 has troff warnings: $warnings"
done
bash -c 'source /usr/share/bash-completion/completions/atlas-ai-keys-cli && complete -p atlas-ai-keys-cli' \
    >/dev/null || fail "the bash completion does not register itself"
say "desktop entry, AppStream metadata, man pages and bash completion are valid"

# --- Hardening (readelf, and hardening-check where devscripts is installed) ---------------------------
for f in /usr/bin/atlas-ai-keys /usr/bin/atlas-ai-keys-cli /usr/libexec/atlas-ai-keys/atlas-sim; do
    hdr=$(readelf -h "$f"); dyn=$(readelf -d "$f"); ph=$(readelf -lW "$f"); syms=$(readelf --dyn-syms -W "$f")
    grep -q 'Type:.*DYN' <<<"$hdr" || fail "$f is not position independent (PIE)"
    grep -q 'GNU_RELRO' <<<"$ph" || fail "$f has no RELRO segment"
    grep -Eq 'BIND_NOW|FLAGS.*NOW' <<<"$dyn" || fail "$f is not linked with -z now"
    if grep 'GNU_STACK' <<<"$ph" | grep -q 'RWE'; then fail "$f has an executable stack"; fi
    # The system's Qt needs no search path of our own (CMakeLists.txt drops qt_standard_project_setup's).
    if grep -Eq '\((RPATH|RUNPATH)\)' <<<"$dyn"; then fail "$f has an RPATH or RUNPATH: $(grep -E 'R(UN)?PATH' <<<"$dyn")"; fi
    grep -q '__stack_chk_fail' <<<"$syms" || fail "$f has no stack protector"
    if [ "$(uname -m)" = x86_64 ]; then
        pads=$(objdump -d --no-show-raw-insn "$f" | grep -c endbr64 || true)
        [ "$pads" -gt 0 ] || fail "$f has no endbr64 landing pads: not compiled with -fcf-protection"
    fi
    grep -Eq '__(memcpy|memmove|memset|strcpy|strncpy|strcat|snprintf|vsnprintf|sprintf|vsprintf|printf|fprintf|vfprintf|read|fgets)_chk' <<<"$syms" \
        || say "note: $f calls no fortified libc function (nothing for _FORTIFY_SOURCE to guard)"
done
if command -v hardening-check >/dev/null 2>&1; then
    # --nocfprotection: Debian 12's glibc start files (Scrt1.o, crti.o, crtn.o) carry no CET note,
    # so the linker marks no program IBT/SHSTK whatever its own code is; the endbr64 check above
    # looks at the code instead.
    hardening-check --nocfprotection /usr/bin/atlas-ai-keys /usr/bin/atlas-ai-keys-cli \
        /usr/libexec/atlas-ai-keys/atlas-sim >&2 || fail "hardening-check failed"
fi
say "binaries are PIE with full RELRO, BIND_NOW, a non-executable stack, stack protection, CET landing pads and no RUNPATH"

# --- The installed programs --------------------------------------------------------------------------
# A private home, so neither root's settings nor its keyring are touched.
export HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/home/.config" \
    XDG_DATA_HOME="$work/home/.local/share" XDG_CACHE_HOME="$work/home/.cache"
unset DBUS_SESSION_BUS_ADDRESS

out=$(QT_QPA_PLATFORM=offscreen atlas-ai-keys --version 2>&1) || fail "atlas-ai-keys --version failed: $out"
[[ $out == *"$version"* ]] || fail "atlas-ai-keys --version says '$out', not $version"
out=$(atlas-ai-keys-cli --version 2>&1) || fail "atlas-ai-keys-cli --version failed: $out"
[[ $out == *"$version"* ]] || fail "atlas-ai-keys-cli --version says '$out', not $version"
say "--version: $version"

# The CLI against the installed simulator.
/usr/libexec/atlas-ai-keys/atlas-sim --port 0 >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
url=""
for _ in $(seq 100); do
    line=$(head -n1 "$work/sim.out" 2>/dev/null || true)
    if [[ $line == "atlas-sim listening on "* ]]; then url=${line#atlas-sim listening on }; break; fi
    kill -0 "$sim_pid" 2>/dev/null || break
    sleep 0.1
done
[ -n "$url" ] || { cat "$work/sim.err" >&2; fail "atlas-sim did not report its address"; }
export MONGODB_ATLAS_PUBLIC_API_KEY=demo MONGODB_ATLAS_PRIVATE_API_KEY=demo-private-key
out=$(atlas-ai-keys-cli --base-url "$url" orgs list 2>&1) || fail "atlas-ai-keys-cli orgs list failed: $out"
printf '%s\n' "$out" >&2
[ "$(grep -cE '[0-9a-f]{24}' <<<"$out")" -ge 1 ] || fail "orgs list shows no organization id"
json=$(atlas-ai-keys-cli --base-url "$url" --output json orgs list) || fail "orgs list --output json failed"
if [[ $json != "["* ]] || ! grep -Eq '"id": *"[0-9a-f]{24}"' <<<"$json"; then
    fail "orgs list --output json is not an array of organizations: $json"
fi
unset MONGODB_ATLAS_PUBLIC_API_KEY MONGODB_ATLAS_PRIVATE_API_KEY
kill "$sim_pid" 2>/dev/null || true
wait "$sim_pid" 2>/dev/null || true
sim_pid=""
say "the CLI lists the simulator's organizations"

# The app in demo mode on a virtual screen: the installed app must find the installed simulator,
# sign in and draw a window.
shot="$work/demo-mode.png"
# shellcheck disable=SC2016 # the inner script expands its own variables
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    set -u
    atlas-ai-keys --demo >"$1/app.log" 2>&1 &
    app=$!
    sleep 6
    if ! kill -0 "$app" 2>/dev/null; then echo "the app exited early" >"$1/app.status"; exit 1; fi
    import -window root "$2"
    children=$(pgrep -P "$app" || true)
    kill "$app"; wait "$app" 2>/dev/null
    # The simulator is a child of the app, and a killed app leaves it behind.
    [ -n "$children" ] && kill $children 2>/dev/null
    echo ok >"$1/app.status"
' _ "$work" "$shot" || { cat "$work/app.log" >&2 2>/dev/null; fail "$(cat "$work/app.status" 2>/dev/null || echo 'xvfb-run failed')"; }
[ -s "$shot" ] || fail "no screenshot was taken"
colours=$(identify -format %k "$shot")
say "screenshot $shot: $colours colours"
[ "$colours" -gt 32 ] || fail "the screenshot is blank ($colours colours): no window was drawn"

# --- Workflow lint ------------------------------------------------------------------------------------
if [ "${AIKEYS_SMOKE_LINT:-1}" != 0 ]; then
    "$root/packaging/ci/lint-workflows.sh" || fail "the GitHub workflow does not pass actionlint"
fi

say "OK: $(basename "$deb") builds reproducibly, installs, validates and runs (screenshot: $shot)"
