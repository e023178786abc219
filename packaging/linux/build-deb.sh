#!/usr/bin/env bash
# Build a .deb from the bundle (dist/scorm-desktop/, made by packaging/build.sh) with dpkg-deb.
#
#   packaging/linux/build-deb.sh            # writes dist/scorm-desktop_<version>_<arch>.deb and prints its path
#
# Layout: the bundle in /opt/scorm-desktop, /usr/bin/scorm-desktop linked to it, the desktop entry (menu, "Open with"
# for .zip), hicolor icons and AppStream metadata under /usr/share. No maintainer scripts: dpkg's triggers
# (desktop-file-utils, hicolor-icon-theme, shared-mime-info) refresh the caches. DEB_COMPRESSION=xz for a smaller
# file (slower); the default gzip keeps CI fast. SCORM_DESKTOP_BUNDLE=DIR packages another bundle folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
APP_ID=org.scormdesktop.ScormDesktop
BUNDLE="${SCORM_DESKTOP_BUNDLE:-$ROOT/dist/scorm-desktop}"
SIZES="16 24 32 48 64 128 256 512"
COMPRESSION="${DEB_COMPRESSION:-gzip}"   # gzip, xz, zstd or none (what CI uses: fastest)

command -v dpkg-deb >/dev/null || { echo "error: dpkg-deb is missing (a Debian or Ubuntu system is needed)" >&2; exit 1; }
[ -x "$BUNDLE/scorm-desktop" ] || { echo "error: no bundle at $BUNDLE: run packaging/build.sh first" >&2; exit 1; }

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' scorm_desktop/__init__.py)
arch=$(dpkg --print-architecture)
# The oldest glibc the bundle can run on is the build machine's (PyInstaller bundles no libc).
glibc=$(dpkg-query -W -f='${Version}' libc6 | sed 's/-.*//')
deb="$ROOT/dist/scorm-desktop_${version}_${arch}.deb"

STAGE="$(mktemp -d "${TMPDIR:-/tmp}/scorm-desktop-deb.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
pkg="$STAGE/pkg"
install -d "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" "$pkg/usr/share/metainfo" \
  "$pkg/usr/share/doc/scorm-desktop"
cp -a "$BUNDLE" "$pkg/opt/scorm-desktop"
ln -s /opt/scorm-desktop/scorm-desktop "$pkg/usr/bin/scorm-desktop"
install -m644 "packaging/linux/$APP_ID.desktop" "$pkg/usr/share/applications/$APP_ID.desktop"
install -m644 "packaging/linux/$APP_ID.metainfo.xml" "$pkg/usr/share/metainfo/$APP_ID.metainfo.xml"
for s in $SIZES; do
  install -Dm644 "packaging/icons/scorm-desktop-$s.png" "$pkg/usr/share/icons/hicolor/${s}x${s}/apps/$APP_ID.png"
done
cat >"$pkg/usr/share/doc/scorm-desktop/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: SCORM Desktop
Source: https://scormdesktop.org/

Files: *
Copyright: 2026 SCORM Desktop contributors
License: Apache-2.0
 On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0.
 /opt/scorm-desktop bundles Python, Qt/PySide6 (LGPL-3.0), Chromium (QtWebEngine), FFmpeg (PyAV) and other
 libraries under their own licences.
EOF
# Debian's changelog (a native package: changelog.gz), for lintian and `apt changelog`.
{
  echo "scorm-desktop ($version) unstable; urgency=medium"
  echo
  echo "  * Release $version; see README.md and packaging/README.md."
  echo
  echo " -- SCORM Desktop developers <maintainers@scormdesktop.org>  $(date -R -r scorm_desktop/__init__.py)"
} | gzip -9n >"$pkg/usr/share/doc/scorm-desktop/changelog.gz"
find "$pkg" -type d -exec chmod 755 {} +
# Shared libraries are loaded, never run: no executable bit (PyInstaller copies it from the wheels).
find "$pkg/opt/scorm-desktop" -type f -name '*.so*' -exec chmod 644 {} +

# What Qt WebEngine needs from the system (PyInstaller does not bundle the GL, X11/xcb, NSS, ALSA and font
# libraries), the same list as scripts/setup-system.sh; "a | a-t64" for the names Debian 13 / Ubuntu 24.04 renamed.
depends="libc6 (>= $glibc), libglib2.0-0 | libglib2.0-0t64, libgl1, libegl1, libfontconfig1, libdbus-1-3,
 libnss3, libasound2 | libasound2t64, libxcomposite1, libxdamage1, libxkbfile1, libxrandr2, libxtst6,
 libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxkbcommon-x11-0, fontconfig-config,
 fonts-dejavu-core | fonts-dejavu-mono"
depends=$(echo "$depends" | tr -s ' \n' ' ')
cat >"$pkg/DEBIAN/control" <<EOF
Package: scorm-desktop
Version: $version
Architecture: $arch
Maintainer: SCORM Desktop developers <maintainers@scormdesktop.org>
Installed-Size: $(du -sk "$pkg" | cut -f1)
Depends: $depends
Recommends: xdg-utils, libwayland-cursor0, libwayland-egl1
Section: education
Priority: optional
Homepage: https://scormdesktop.org/
Description: offline player for SCORM e-learning courses
 SCORM Desktop imports SCORM 1.2 and SCORM 2004 packages (ZIP files), plays them
 offline in a built-in Chromium engine (Qt WebEngine) and keeps every value the
 course records in a local database; courses resume where they were left.
 .
 The program is a self-contained bundle in /opt/scorm-desktop.
EOF

start=$(date +%s)
dpkg-deb --root-owner-group -Z"$COMPRESSION" --build "$pkg" "$deb" >/dev/null
end=$(date +%s)
echo "Built $deb in $((end - start)) s: $(( $(stat -c %s "$deb") / 1000000 )) MB ($COMPRESSION)," \
  "installed size $(( $(du -sk "$pkg" | cut -f1) * 1024 / 1000000 )) MB"
