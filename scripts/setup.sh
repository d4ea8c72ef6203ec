#!/usr/bin/env bash
# Installs whatever Debian/Ubuntu packages of scripts/debian-packages.txt are missing, and of the
# lists given as arguments (scripts/asan.sh and fuzz.sh add debian-packages-sanitizers.txt).
# Elsewhere it says what to install by hand (see the README) and carries on.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: not a Debian/Ubuntu system; install the dependencies listed in README.md by hand." >&2
    exit 0
fi

mapfile -t wanted < <(cat "$here/debian-packages.txt" "$@" | grep -v -E '^\s*(#|$)')
missing=()
optional=()
for p in "${wanted[@]}"; do
    name=${p#\?}
    dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" && continue
    if [ "$name" != "$p" ]; then optional+=("$name"); else missing+=("$name"); fi
done
# An optional package counts as missing only where this release has it (apt knows a candidate).
available() { [[ $(apt-cache policy "$1" 2>/dev/null) == *"Candidate: "[0-9]* ]]; }
wanted_optional=()
for name in "${optional[@]}"; do available "$name" && wanted_optional+=("$name"); done
[ ${#missing[@]} -eq 0 ] && [ ${#wanted_optional[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
# With fresh package lists, a release's optional packages are known for sure.
for name in "${optional[@]}"; do available "$name" && missing+=("$name"); done
echo "setup: installing ${missing[*]}" >&2
# dbus-x11 stays out: with it, a keychain call without a session bus would open an invisible prompt.
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
