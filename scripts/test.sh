#!/usr/bin/env bash
# Quick start, step 2: install what is missing, build, and run every test. The keychain tests talk
# to a real Secret Service: scripts/with-keychain.sh gives them a private D-Bus session with an
# unlocked gnome-keyring, in a throwaway HOME, so the developer's own keyring and settings are never
# touched. Extra arguments go to ctest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"

"$root/scripts/with-keychain.sh" ctest --test-dir "$root/build" --output-on-failure --parallel 2 "$@"
