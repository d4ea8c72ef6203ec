#!/usr/bin/env bash
# Renders the README's screenshots from the demo data under Xvfb, with a throwaway home (so no
# settings, profile or keychain of the developer's is read or written):
#   docs/screenshots/main-window.png   the main window on the prod-search project
#   docs/screenshots/create-key.png    the New Key dialog
#   docs/screenshots/secret-dialog.png the one-time secret dialog, after a real create in the demo
# Each comes from `atlas-ai-keys --demo --screenshot FILE`, which grabs the window (or, with
# --screenshot-dialog, the dialog) once the first load has finished, then quits.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
app="$build/src/app/atlas-ai-keys"
out="$root/docs/screenshots"
[ -x "$app" ] || { echo "no $app: build first (cmake --build $build --target atlas-ai-keys atlas-sim)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (apt-get install xvfb xauth)" >&2; exit 1; }

# The same pictures on every run (of a day: the demo's dates are relative to today): the demo simulator
# listens on a fixed port, which shows in the Endpoint column and the secret dialog
# (AIKEYS_SCREENSHOT_PORT to choose another; a free one if something already listens there), and the
# new key's secret, whose last characters show in its masked form, comes from the seed.
port=${AIKEYS_SCREENSHOT_PORT:-47017}
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: the screenshots will show another port" >&2
    port=0
fi
sim_args="--port $port --predictable-secrets"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/runtime" "$out"
chmod 700 "$scratch/runtime"

shot() {
    local file=$1
    shift
    HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" XDG_DATA_HOME="$scratch/home/.local/share" \
    XDG_CACHE_HOME="$scratch/home/.cache" XDG_RUNTIME_DIR="$scratch/runtime" \
    LANG=en_GB.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORMTHEME= QT_STYLE_OVERRIDE=Fusion \
    AIKEYS_SIM="$build/src/sim/atlas-sim" AIKEYS_DEMO_SIM_ARGS="$sim_args" \
    timeout 120 xvfb-run -a -s "-screen 0 1400x900x24 -dpi 96" \
        "$app" --demo --select prod-search --screenshot "$out/$file" "$@"
    # The settings of one run (window size, column layout) must not shape the next.
    rm -rf "$scratch/home" && mkdir -p "$scratch/home"
    echo "wrote $out/$file"
}

shot main-window.png
shot create-key.png --screenshot-dialog create
shot secret-dialog.png --screenshot-dialog secret
