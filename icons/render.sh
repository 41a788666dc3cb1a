#!/usr/bin/env bash
# Renders the icons from their SVG sources: the application icon as PNG (16 to 512 pixels),
# .ico and .icns, and the step-state and toolbar icons at 16 pixels with @2x variants at
# 32 pixels, which JavaFX picks on HiDPI screens. Copies the run-time set into the
# application's resources. The outputs are committed, so a build needs none of these tools.
#
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick 6 convert (imagemagick) and
# png2icns (icnsutils). Run it from anywhere after changing an SVG.
set -euo pipefail
icons="$(cd "$(dirname "$0")" && pwd)"
resources="$icons/../src/main/resources/io/mtlsstudio/icons"

# ImageMagick's own binary: a wrapper earlier on the PATH may stand in for it.
convert=/usr/bin/convert
for tool in rsvg-convert "$convert" png2icns; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found. Install the Debian packages librsvg2-bin, imagemagick and icnsutils." >&2; exit 1; }
done

render() { # SVG SIZE OUTPUT
    rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio "$1" --output "$3"
}

mkdir -p "$icons/png"
for size in 16 24 32 48 64 128 256 512; do
    source="$icons/mtls-studio.svg"
    [ "$size" -le 32 ] && source="$icons/mtls-studio-small.svg"
    render "$source" "$size" "$icons/png/mtls-studio-$size.png"
done

# An .ico contains images of up to 256 pixels. The .icns gets the sizes that macOS requests: 16, 32, 48, 128, 256 and 512.
"$convert" $(for size in 16 24 32 48 64 128 256; do echo "$icons/png/mtls-studio-$size.png"; done) "$icons/mtls-studio.ico"
png2icns "$icons/mtls-studio.icns" $(for size in 16 32 48 128 256 512; do echo "$icons/png/mtls-studio-$size.png"; done) >/dev/null

# Small icons: light-theme colours from the SVG, and a dark-theme toolbar set with the
# stroke colour swapped for a light grey.
for set in states toolbar; do
    mkdir -p "$icons/$set/png"
    for svg in "$icons/$set"/*.svg; do
        name="$(basename "$svg" .svg)"
        render "$svg" 16 "$icons/$set/png/$name.png"
        render "$svg" 32 "$icons/$set/png/$name@2x.png"
    done
done
mkdir -p "$icons/toolbar-dark/png"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for svg in "$icons/toolbar"/*.svg; do
    name="$(basename "$svg" .svg)"
    sed 's/#455a64/#cfd8dc/g' "$svg" > "$work/$name.svg"
    render "$work/$name.svg" 16 "$icons/toolbar-dark/png/$name.png"
    render "$work/$name.svg" 32 "$icons/toolbar-dark/png/$name@2x.png"
done

# The run-time set: window icons up to 256 pixels, step states and toolbar.
rm -rf "$resources"
mkdir -p "$resources/app" "$resources/states" "$resources/toolbar" "$resources/toolbar-dark"
for size in 16 24 32 48 64 128 256; do
    cp "$icons/png/mtls-studio-$size.png" "$resources/app/"
done
cp "$icons/states/png/"*.png "$resources/states/"
cp "$icons/toolbar/png/"*.png "$resources/toolbar/"
cp "$icons/toolbar-dark/png/"*.png "$resources/toolbar-dark/"
echo "Rendered icons into $icons and $resources"
