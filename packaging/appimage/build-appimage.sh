#!/usr/bin/env bash
# Builds an AppImage of Atlas AI Keys with linuxdeploy and linuxdeploy-plugin-qt. Untested here
# (their AppImages cannot be downloaded on the project's machines); see README.md.
#
#   packaging/appimage/build-appimage.sh [BUILD_DIR]
#
# Environment:
#   LINUXDEPLOY, LINUXDEPLOY_PLUGIN_QT   paths to the two tools' AppImages; downloaded into
#                                        BUILD_DIR/tools when unset and missing
#   QMAKE                                the Qt 6 qmake whose Qt is bundled (default: qmake6, qmake)
# Output: BUILD_DIR/Atlas_AI_Keys-<version>-x86_64.AppImage
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build-appimage}
app_id=io.github.atlasaikeys.AtlasAiKeys
arch=$(uname -m)
fail() { printf 'build-appimage: %s\n' "$*" >&2; exit 1; }

# The tools, pinned to their "continuous" release (linuxdeploy publishes no numbered releases).
tools="$build/tools"
mkdir -p "$tools"
fetch() {
    local name=$1 url=$2
    if [ ! -x "$tools/$name" ]; then
        command -v curl >/dev/null 2>&1 || fail "curl is needed to download $name (or set its path)"
        curl -fL --retry 3 -o "$tools/$name" "$url" || fail "could not download $url"
        chmod +x "$tools/$name"
    fi
    printf '%s\n' "$tools/$name"
}
LINUXDEPLOY=${LINUXDEPLOY:-$(fetch "linuxdeploy-$arch.AppImage" \
    "https://github.com/linuxdeploy/linuxdeploy/releases/download/continuous/linuxdeploy-$arch.AppImage")}
LINUXDEPLOY_PLUGIN_QT=${LINUXDEPLOY_PLUGIN_QT:-$(fetch "linuxdeploy-plugin-qt-$arch.AppImage" \
    "https://github.com/linuxdeploy/linuxdeploy-plugin-qt/releases/download/continuous/linuxdeploy-plugin-qt-$arch.AppImage")}
# linuxdeploy finds its plugins beside itself or on PATH.
PATH="$(dirname "$LINUXDEPLOY_PLUGIN_QT"):$PATH"
export PATH

if [ -z "${QMAKE:-}" ]; then
    QMAKE=$(command -v qmake6 || command -v qmake || true)
    [ -n "$QMAKE" ] || [ ! -x /usr/lib/qt6/bin/qmake ] || QMAKE=/usr/lib/qt6/bin/qmake
fi
[ -n "${QMAKE:-}" ] || fail "no Qt 6 qmake found: set QMAKE"
export QMAKE

# Build and install into the AppDir with the FHS layout: the app finds the simulator through
# usr/bin/../libexec/atlas-ai-keys/atlas-sim, as in the .deb.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    SOURCE_DATE_EPOCH=$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)
    export SOURCE_DATE_EPOCH
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DAIKEYS_BUILD_TESTS=OFF -DAIKEYS_BUILD_BENCH=OFF
cmake --build "$build"
appdir="$build/AppDir"
rm -rf "$appdir"
DESTDIR="$appdir" cmake --install "$build"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")

# Qt modules and plugins: Svg for the icon engine; Wayland next to xcb where the Qt has it.
export EXTRA_QT_MODULES="svg;"
qt_plugins=$("$QMAKE" -query QT_INSTALL_PLUGINS)
if [ -f "$qt_plugins/platforms/libqwayland-generic.so" ]; then
    export EXTRA_PLATFORM_PLUGINS="libqwayland-generic.so;libqwayland-egl.so;"
fi

export OUTPUT="$build/Atlas_AI_Keys-$version-$arch.AppImage"
# --executable copies a file into usr/bin (a no-op for the two already there); the simulator must
# stay in usr/libexec/atlas-ai-keys/, where demo mode looks, so it is only scanned: --deploy-deps-only
# copies its libraries (Qt HttpServer, Qt WebSockets) into usr/lib and sets its RUNPATH to find them,
# without moving the file.
# APPIMAGE_EXTRACT_AND_RUN: works where FUSE is not available (containers, CI).
sim="$appdir/usr/libexec/atlas-ai-keys/atlas-sim"
[ -x "$sim" ] || fail "the install did not put the simulator at $sim"
APPIMAGE_EXTRACT_AND_RUN=1 "$LINUXDEPLOY" \
    --appdir "$appdir" \
    --executable "$appdir/usr/bin/atlas-ai-keys" \
    --executable "$appdir/usr/bin/atlas-ai-keys-cli" \
    --deploy-deps-only "$sim" \
    --desktop-file "$appdir/usr/share/applications/$app_id.desktop" \
    --icon-file "$appdir/usr/share/icons/hicolor/256x256/apps/$app_id.png" \
    --plugin qt \
    --output appimage

[ -x "$sim" ] || fail "linuxdeploy moved the simulator away from $sim"
[ ! -e "$appdir/usr/bin/atlas-sim" ] || fail "linuxdeploy copied the simulator into usr/bin"
[ -f "$OUTPUT" ] || fail "linuxdeploy made no $OUTPUT"
printf 'build-appimage: %s\n' "$OUTPUT"
