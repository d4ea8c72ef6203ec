#!/usr/bin/env bash
# Quick start, step 2: install what is missing, build, and run every test. The keychain tests talk
# to a real Secret Service: a private D-Bus session with an unlocked gnome-keyring, in a throwaway
# HOME, so the developer's own keyring and settings are never touched. Extra arguments go to ctest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/runtime"
chmod 700 "$scratch/runtime"

HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime" XDG_CONFIG_HOME="$scratch/home/.config" \
XDG_DATA_HOME="$scratch/home/.local/share" XDG_CACHE_HOME="$scratch/home/.cache" \
dbus-run-session -- bash -c '
    set -euo pipefail
    printf %s throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    for _ in $(seq 200); do
        gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
            --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true && break
        sleep 0.05
    done
    ctest --test-dir "$0/build" --output-on-failure --parallel 2 "${@}"
' "$root" "$@"
