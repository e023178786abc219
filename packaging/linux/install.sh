#!/usr/bin/env bash
# Install the built bundle (dist/scorm-desktop/) with its desktop integration, for one user or system-wide.
#
#   packaging/linux/install.sh                   # for you: ~/.local (program in ~/.local/lib/scorm-desktop)
#   sudo PREFIX=/usr/local packaging/linux/install.sh   # for everyone (program in /usr/local/lib/scorm-desktop)
#   packaging/linux/install.sh --uninstall       # remove what the same PREFIX installed (your data stays)
#
# It copies the bundle folder, links PREFIX/bin/scorm-desktop to it, and installs the .desktop file (so the app is in
# the menu and in "Open with" for ZIP files), the icons (hicolor theme) and the AppStream metadata.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
PREFIX="${PREFIX:-$HOME/.local}"
APP_ID=org.scormdesktop.ScormDesktop
BUNDLE="${SCORM_DESKTOP_BUNDLE:-$ROOT/dist/scorm-desktop}"
LIBDIR="$PREFIX/lib/scorm-desktop"
SIZES="16 24 32 48 64 128 256 512"

refresh_caches() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
  # Only where the theme is indexed (system prefixes); a user's ~/.local hicolor folder needs no cache.
  if [ -f "$PREFIX/share/icons/hicolor/index.theme" ] && command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q "$PREFIX/share/icons/hicolor" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$LIBDIR"
  rm -f "$PREFIX/bin/scorm-desktop" "$PREFIX/share/applications/$APP_ID.desktop" \
    "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
  for s in $SIZES; do rm -f "$PREFIX/share/icons/hicolor/${s}x${s}/apps/$APP_ID.png"; done
  refresh_caches
  echo "Removed SCORM Desktop from $PREFIX (the data folder and logs are untouched; see README.md)."
  exit 0
fi

[ -x "$BUNDLE/scorm-desktop" ] || { echo "error: no bundle at $BUNDLE: run packaging/build.sh first" >&2; exit 1; }

mkdir -p "$PREFIX/lib" "$PREFIX/bin"
rm -rf "$LIBDIR.new"
cp -a "$BUNDLE" "$LIBDIR.new"
rm -rf "$LIBDIR"
mv "$LIBDIR.new" "$LIBDIR"
ln -sfn "$LIBDIR/scorm-desktop" "$PREFIX/bin/scorm-desktop"

# Exec=scorm-desktop relies on PATH; write the absolute path so menus work even when PREFIX/bin is not on it.
install -d "$PREFIX/share/applications"
sed "s|^Exec=scorm-desktop |Exec=$PREFIX/bin/scorm-desktop |; s|^TryExec=scorm-desktop$|TryExec=$PREFIX/bin/scorm-desktop|" \
  packaging/linux/$APP_ID.desktop >"$PREFIX/share/applications/$APP_ID.desktop"
chmod 644 "$PREFIX/share/applications/$APP_ID.desktop"
for s in $SIZES; do
  install -Dm644 "packaging/icons/scorm-desktop-$s.png" "$PREFIX/share/icons/hicolor/${s}x${s}/apps/$APP_ID.png"
done
install -Dm644 packaging/linux/$APP_ID.metainfo.xml "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
refresh_caches

echo "Installed SCORM Desktop $("$PREFIX/bin/scorm-desktop" --version | cut -d' ' -f2) in $LIBDIR"
case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) echo "note: $PREFIX/bin is not on your PATH" ;; esac
