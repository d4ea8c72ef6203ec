#!/usr/bin/env bash
# Runs a command in a brand-new Debian of the given release, holding a clone of this checkout's
# HEAD, as a newcomer's machine would: nothing installed but git, so the command must install what
# it needs. CI runs the README's test command this way on Debian 13 (Qt 6.8) after the host's
# Debian 12 (Qt 6.4) run.
#
#   packaging/ci/debian-chroot.sh [--keep] <suite> '<command>'     e.g. trixie ./scripts/test.sh
#
# Needs root (debootstrap, chroot, mounts) on a Debian or Ubuntu machine. Packages come from the
# mirror this machine's apt already uses (read from its sources; none is named here). The minimal
# base system is made once per suite into $AIKEYS_CHROOT_CACHE (default /var/cache/aikeys) and
# copied for every run, so each run starts from the same fresh state. --keep leaves the run's tree
# (with its build) in place afterwards instead of deleting it.
set -euo pipefail

keep=0
if [ "${1:-}" = --keep ]; then keep=1; shift; fi
[ $# = 2 ] || { echo "usage: $0 [--keep] <suite> '<command>'" >&2; exit 2; }
suite=$1 command=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cache=${AIKEYS_CHROOT_CACHE:-/var/cache/aikeys}
base=$cache/debian-$suite-base
run=$cache/debian-$suite-run
say() { printf 'debian-chroot: %s\n' "$*" >&2; }

[ "$(id -u)" = 0 ] || { say "needs root (debootstrap, chroot, mounts)"; exit 2; }
if ! command -v debootstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null 2>&1 ||
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
fi

mirror_of_this_machine() {
    local m=""
    m=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    [ -n "$m" ] || m=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
    printf %s "$m"
}

unmount_all() {
    local m
    for m in dev sys proc; do
        umount -R -l "$run/$m" 2>/dev/null || true
    done
}

mkdir -p "$cache"
if [ ! -f "$base/.complete" ]; then
    mirror=$(mirror_of_this_machine)
    [ -n "$mirror" ] || { say "no Debian mirror in this machine's apt sources"; exit 2; }
    say "making a minimal Debian $suite (once; kept in $base)"
    rm -rf "$base"
    start=$SECONDS
    if ! debootstrap --variant=minbase --include=git,ca-certificates "$suite" "$base" "$mirror" \
        >"$cache/debootstrap-$suite.log" 2>&1; then
        say "debootstrap failed; its log: $cache/debootstrap-$suite.log"
        tail -20 "$cache/debootstrap-$suite.log" >&2
        exit 2
    fi
    touch "$base/.complete"
    say "base system made in $((SECONDS - start)) s"
fi

unmount_all
if grep -q " $run/" /proc/mounts; then
    say "mounts remain under $run; not deleting it"
    exit 2
fi
rm -rf "$run"
cp -a "$base" "$run"
trap unmount_all EXIT
cp /etc/resolv.conf "$run/etc/resolv.conf"
for m in proc sys dev; do
    mount --rbind "/$m" "$run/$m"
    mount --make-rslave "$run/$m"
done
mkdir -p "$run/home/newcomer"
git clone -q "$root" "$run/home/newcomer/project"
say "Debian $suite, project at HEAD $(git -C "$root" rev-parse --short HEAD); running: $command"
start=$SECONDS
set +e
chroot "$run" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb CI="${CI:-}" bash -c "cd /home/newcomer/project && $command"
rc=$?
set -e
say "Debian $suite: exit status $rc after $((SECONDS - start)) s"
unmount_all
trap - EXIT
[ "$keep" = 1 ] || rm -rf "$run"
exit $rc
