#!/bin/bash
# The Windows build, proven from Linux (docs/packaging.md, "Windows, cross-compiled and tested under
# Wine"). Run from anywhere, as root, on Debian 12 or 13:
#   packaging/windows/cross/check.sh [chroot|toolchain|sim|build|package|test ...]
# With no argument it does every step in order. It makes (once) a Debian 13 chroot with MinGW-w64
# (GCC 14), Wine 10 and Qt 6.8's host tools, cached under $AIKEYS_CACHE (default
# ${XDG_CACHE_HOME:-/var/cache}/aikeys), from the Debian mirror this machine's apt uses. The Qt for
# Windows comes from ../shared/toolchains/qt-6.8.2-mingw64.tar.xz beside the project when that is
# there (or the file AIKEYS_QT_MINGW_TARBALL names), else build-qt-mingw.sh beside this script makes it (about 10 minutes on 2 cores). Then it
# cross-builds the programs and the tests with warnings as errors, runs the tests under Wine against
# a Linux atlas-sim on 127.0.0.1, takes the screenshot docs/screenshots/windows-wine.png, builds the
# NSIS installer and installs and uninstalls it under Wine. The last line is
# "windows: N passed, M failed", counting what ran under Wine; the exit status is 0 only when
# every step worked and M is 0.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
proj=$(cd "$here/../../.." && pwd)
cache=${AIKEYS_CACHE:-${XDG_CACHE_HOME:-/var/cache}/aikeys}
root=$cache/trixie-win
jobs=${AIKEYS_JOBS:-$(nproc)}
[ "$(id -u)" = 0 ] || { echo "check.sh needs root (debootstrap, chroot, mount)"; exit 2; }
mkdir -p "$cache"
# One run at a time: the chroot's mounts are shared.
exec 9>"$cache/check.lock"
flock -n 9 || { echo "another check.sh is using $cache"; exit 2; }

declare -a timings=()
part_start=0
part() { part_name=$1; part_start=$SECONDS; echo "== $part_name"; }
part_done() { timings+=("$part_name: $((SECONDS - part_start)) s"); }

# The packages of the chroot. Cross build: MinGW-w64 and Qt 6.8's host tools (moc, rcc, uic).
# Native atlas-sim: g++ and Qt HttpServer. Tests: Wine, Xvfb. Installer: NSIS. Toolchain recipe:
# dpkg-dev, perl, python3, toml++.
packages="g++-mingw-w64-x86-64-posix mingw-w64-tools cmake ninja-build ccache xz-utils
  qt6-base-dev qt6-base-dev-tools qt6-base-private-dev g++ pkg-config qt6-httpserver-dev
  qt6-websockets-dev qt6-svg-dev qtkeychain-qt6-dev libtomlplusplus-dev
  wine wine64 xvfb xauth nsis dpkg-dev perl python3 ca-certificates"

# Leaves nothing mounted under the chroot (also what an interrupted run left).
unmount_all() {
  local m
  for m in aikeys/src dev sys proc; do
    while grep -q " $root/$m " /proc/mounts; do umount -R -l "$root/$m" || break; done
  done
}

mount_all() {
  grep -q " $root/proc " /proc/mounts && return 0
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  for m in proc sys dev; do mount --rbind "/$m" "$root/$m"; mount --make-rslave "$root/$m"; done
  # The sources, read-only: everything the build writes stays in the cache.
  mkdir -p "$root/aikeys/src"
  mount --bind "$proj" "$root/aikeys/src"
  mount -o remount,bind,ro "$root/aikeys/src"
}

# Runs a command in the chroot, in a clean environment.
in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb CCACHE_DIR=/aikeys/ccache CCACHE_BASEDIR=/aikeys "$@"
}

step_chroot() {
  part "Debian 13 chroot"
  local want
  want=$(echo $packages | tr ' ' '\n' | sort | tr '\n' ' ')
  if [ -f "$root/.ready" ] && [ "$(cat "$root/.ready")" = "$want" ]; then
    echo "chroot ready at $root"
  else
    unmount_all
    if grep -q " $root/" /proc/mounts; then echo "mounts remain under $root; not touching it"; exit 2; fi
    if [ ! -f "$root/.base" ]; then
      rm -rf "$root"
      mkdir -p "$cache"
    fi
    # packaging/ci/debian-chroot.sh's minimal Debian 13, when CI made it already: a copy saves a
    # debootstrap.
    local base=${AIKEYS_CHROOT_CACHE:-/var/cache/aikeys}/debian-trixie-base
    if [ ! -f "$root/.base" ] && [ -f "$base/.complete" ]; then
      cp -a "$base" "$root" && rm -f "$root/.complete" && touch "$root/.base"
    fi
    if [ ! -f "$root/.base" ]; then
      rm -rf "$root"
      command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
      local mirror
      mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
      [ -n "$mirror" ] || mirror=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
      [ -n "$mirror" ] || { echo "no Debian mirror found in this machine's apt sources"; exit 2; }
      debootstrap --variant=minbase trixie "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 \
        || { echo "debootstrap failed: see $cache/debootstrap.log"; exit 2; }
      touch "$root/.base"
    fi
    mount_all
    in_chroot apt-get update -qq
    # shellcheck disable=SC2086
    in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >"$cache/apt.log" 2>&1 \
      || { tail -20 "$cache/apt.log"; echo "apt-get install in the chroot failed: see $cache/apt.log"; exit 2; }
    in_chroot apt-get clean
    echo "$want" >"$root/.ready"
  fi
  mount_all
  part_done
}


qt=/aikeys/qt6-mingw          # paths inside the chroot
build=/aikeys/build-win
simbuild=/aikeys/build-sim
# A prepared Qt for Windows, made by the same recipe (CI has one beside the clone).
shared_qt=${AIKEYS_QT_MINGW_TARBALL:-$proj/../shared/toolchains/qt-6.8.2-mingw64.tar.xz}

step_toolchain() {
  part "Qt 6.8 for Windows"
  if [ -f "$root$qt/.ready" ]; then
    echo "Qt for Windows ready at $root$qt"
  elif [ -f "$shared_qt" ]; then
    rm -rf "$root$qt"
    tar -C "$root/aikeys" -xJf "$shared_qt"
    touch "$root$qt/.ready"
  else
    echo "no $shared_qt: building it with build-qt-mingw.sh (about 10 minutes on 2 cores)"
    rm -rf "$root$qt" "$root/aikeys/qt-src"
    in_chroot env PREFIX=$qt WORK=/aikeys/qt-src JOBS="$jobs" bash /aikeys/src/packaging/windows/cross/build-qt-mingw.sh \
      >"$cache/qt-build.log" 2>&1 || { tail -30 "$cache/qt-build.log"; echo "the Qt build failed: see $cache/qt-build.log"; exit 1; }
    rm -rf "$root/aikeys/qt-src"
    touch "$root$qt/.ready"
  fi
  part_done
}

# The Linux simulator the Windows programs talk to on 127.0.0.1, built natively in the chroot.
step_sim() {
  part "native atlas-sim"
  in_chroot cmake -S /aikeys/src -B $simbuild -G Ninja -DCMAKE_BUILD_TYPE=Release -DAIKEYS_BUILD_TESTS=OFF \
    -DAIKEYS_BUILD_BENCH=OFF -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >"$cache/sim-configure.log" 2>&1 \
    || { cat "$cache/sim-configure.log"; exit 1; }
  in_chroot cmake --build $simbuild --target atlas-sim -j"$jobs"
  part_done
}

# Release without debug information: the programs, the widget library and every test, warnings
# being errors.
step_build() {
  part "cross build"
  in_chroot cmake -S /aikeys/src -B $build -G Ninja \
    -DCMAKE_TOOLCHAIN_FILE=/aikeys/src/packaging/windows/cross/mingw-w64.cmake -DQT_HOST_PATH=/usr \
    -DCMAKE_PREFIX_PATH=$qt -DCMAKE_BUILD_TYPE=Release -DAIKEYS_WERROR=ON -DAIKEYS_BUILD_SIM=OFF \
    -DAIKEYS_SVG_ICONS=OFF -DAIKEYS_BUILD_BENCH=OFF -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DCMAKE_INSTALL_PREFIX=/aikeys/stage >"$cache/win-configure.log" 2>&1 \
    || { cat "$cache/win-configure.log"; exit 1; }
  in_chroot cmake --build $build -j"$jobs"
  part_done
}

# The installer from the cross-built files (makensis from Debian); wine-tests.sh installs it.
step_package() {
  part "NSIS installer"
  rm -f "$root$build"/atlas-ai-keys-*-windows-x64.exe
  in_chroot bash -c "cd $build && cpack -G NSIS" >"$cache/cpack.log" 2>&1 \
    || { tail -30 "$cache/cpack.log"; echo "cpack failed: see $cache/cpack.log"; exit 1; }
  ls -l "$root$build"/atlas-ai-keys-*-windows-x64.exe
  part_done
}

wine_passed=0
wine_failed=0
step_test() {
  part "tests under Wine"
  local rc=0
  in_chroot bash /aikeys/src/packaging/windows/cross/wine-tests.sh "${AIKEYS_WIN_TESTS:-.}" | tee "$cache/wine-tests.log" || rc=$?
  local line
  line=$(grep -E '^windows: [0-9]+ passed, [0-9]+ failed$' "$cache/wine-tests.log" | tail -1)
  if [ -n "$line" ]; then
    wine_passed=$(echo "$line" | awk '{print $2}')
    wine_failed=$(echo "$line" | awk '{print $4}')
  else
    wine_failed=$((wine_failed + 1))
  fi
  [ -f "$root/aikeys/out/windows-wine.png" ] && echo "the app's picture: $root/aikeys/out/windows-wine.png"
  part_done
  return $rc
}

summary() {
  local rc=$?
  unmount_all
  echo "-- time per part"
  printf '%s\n' "${timings[@]}"
  # A step that failed before or outside the Wine tests counts as a failure of its own.
  [ "$rc" = 0 ] || [ "$wine_failed" -gt 0 ] || wine_failed=1
  echo "windows: $wine_passed passed, $wine_failed failed"
  if [ "$rc" = 0 ] && [ "$wine_failed" = 0 ]; then exit 0; fi
  exit 1
}
trap summary EXIT

# For working on it: check.sh run 'COMMAND' runs a command in the prepared chroot.
if [ "${1:-}" = run ]; then
  trap unmount_all EXIT
  [ -f "$root/.ready" ] || step_chroot
  mount_all
  in_chroot bash -c "${2:-bash}"
  exit
fi

steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(chroot toolchain sim build package test)
for s in "${steps[@]}"; do
  if [ "$s" != chroot ]; then
    # step_chroot makes (and mounts) the chroot itself.
    [ -f "$root/.ready" ] || step_chroot
    mount_all
  fi
  "step_$s"
done
