#!/usr/bin/env bash
# Runs a command (its arguments) the way the keychain tests need it: a private D-Bus session with an
# unlocked gnome-keyring, in a throwaway HOME, runtime and temporary folder, so that the developer's
# own keyring and settings are never touched and nothing a run writes outlives it. scripts/test.sh and
# scripts/asan.sh run ctest through it.
set -euo pipefail

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/runtime" "$scratch/tmp"
chmod 700 "$scratch/runtime"

HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime" XDG_CONFIG_HOME="$scratch/home/.config" \
XDG_DATA_HOME="$scratch/home/.local/share" XDG_CACHE_HOME="$scratch/home/.cache" TMPDIR="$scratch/tmp" \
dbus-run-session -- bash -c '
    set -euo pipefail
    printf %s throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    for _ in $(seq 200); do
        gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
            --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true && break
        sleep 0.05
    done
    "$@"
' with-keychain "$@"
