#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build, and open Atlas AI Keys in demo mode against
# the bundled Atlas simulator (no Atlas account needed). Extra arguments go to the app.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
exec "$root/build/src/app/atlas-ai-keys" --demo "$@"
