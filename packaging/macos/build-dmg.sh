#!/usr/bin/env bash
# Build dist/scorm-desktop-<version>.dmg from "dist/SCORM Desktop.app" (packaging/build.sh on macOS makes it) with
# hdiutil: a compressed disk image holding the app and a link to /Applications to drag it onto.
#   packaging/macos/build-dmg.sh
# macOS only (hdiutil). NOT run on this project's Linux machines: see packaging/README.md. Unsigned: see Known limits.
set -euo pipefail
cd "$(dirname "$0")/../.."
APP="dist/SCORM Desktop.app"
command -v hdiutil >/dev/null || { echo "error: hdiutil is macOS-only" >&2; exit 1; }
[ -d "$APP" ] || { echo "error: no '$APP': run packaging/build.sh on macOS first" >&2; exit 1; }
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' scorm_desktop/__init__.py)
dmg="dist/scorm-desktop-$version.dmg"
STAGE="$(mktemp -d "${TMPDIR:-/tmp}/scorm-desktop-dmg.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$dmg"
hdiutil create -volname "SCORM Desktop $version" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$dmg" >/dev/null
hdiutil verify "$dmg" >/dev/null
echo "Built $dmg ($(du -h "$dmg" | cut -f1))"
