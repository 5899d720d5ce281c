#!/usr/bin/env bash
# Render resources/icons/reader.svg to the hicolor PNG sizes and a Windows .ico.
# Needs rsvg-convert (apt install librsvg2-bin) and, for the .ico, ImageMagick's convert.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
ID=io.github.reader.Reader
pngs=()
for s in 16 32 48 64 128 256; do
    mkdir -p "hicolor/${s}x${s}/apps"
    rsvg-convert -w "$s" -h "$s" reader.svg -o "hicolor/${s}x${s}/apps/$ID.png"
    pngs+=("hicolor/${s}x${s}/apps/$ID.png")
done
if command -v convert >/dev/null; then
    convert "${pngs[@]}" reader.ico
else
    echo "render_icons.sh: ImageMagick not found; reader.ico not updated" >&2
fi
# macOS: on a Mac, build reader.icns with iconutil from an .iconset (see packaging/README.md).
