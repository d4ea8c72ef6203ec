#!/usr/bin/env bash
# Renders the application icon (resources/icons/<app id>.svg) into everything the packages need:
# hicolor PNGs (16 to 512 px), a Windows .ico and a macOS .icns. The results are committed, so a
# build needs none of these tools; run this again after editing the SVG.
#
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
# Output is byte-for-byte repeatable: no timestamps or tool versions are written into the files.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
app_id=io.github.atlasaikeys.AtlasAiKeys
icons="$root/resources/icons"
svg="$icons/$app_id.svg"
sizes=(16 22 24 32 48 64 128 256 512)

# ImageMagick 6 is "convert"; call it by full path when a wrapper of the same name comes first.
convert=/usr/bin/convert
[ -x "$convert" ] || convert=$(command -v convert || true)
missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
[ -n "$convert" ] && [ -x "$convert" ] || missing+=(imagemagick)
command -v png2icns >/dev/null 2>&1 || missing+=(icnsutils)
if [ ${#missing[@]} -gt 0 ]; then
    echo "generate.sh: missing tools; install them with: apt-get install ${missing[*]}" >&2
    exit 1
fi
[ -f "$svg" ] || { echo "generate.sh: $svg not found" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Strips the chunks that would differ between runs (time, text with dates) and keeps 8-bit RGBA.
normalise() {
    "$convert" "$1" -strip -define png:exclude-chunks=date,time -define png:color-type=6 \
        -define png:bit-depth=8 "PNG32:$2"
}

for s in "${sizes[@]}"; do
    rsvg-convert --width "$s" --height "$s" --keep-aspect-ratio "$svg" -o "$tmp/raw-$s.png"
    out="$icons/hicolor/${s}x${s}/apps/$app_id.png"
    mkdir -p "$(dirname "$out")"
    normalise "$tmp/raw-$s.png" "$out"
    cp "$out" "$tmp/$s.png"
done

# Windows: the sizes Explorer and the taskbar ask for; 256 is stored as PNG inside the .ico.
"$convert" "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" \
    "$tmp/256.png" -strip "$icons/$app_id.ico"

# macOS: png2icns picks the icon type from each PNG's size (16, 32, 48, 128, 256, 512).
png2icns "$icons/$app_id.icns" "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/128.png" \
    "$tmp/256.png" "$tmp/512.png" >/dev/null

echo "generate.sh: wrote ${#sizes[@]} PNGs, $app_id.ico and $app_id.icns under resources/icons"
