#!/usr/bin/env bash
# Install the .deb for real (apt-get install ./file.deb), run the INSTALLED scorm-desktop headless on the probe
# course, check the desktop integration files, then apt-get remove it. Root only (CI); otherwise it says so and
# exits 0 without touching the system.
#
#   packaging/linux/test-deb.sh [DEB]      # default: the newest dist/scorm-desktop_*.deb
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
APP_ID=org.scormdesktop.ScormDesktop
DEB="${1:-$(ls -t "$ROOT"/dist/scorm-desktop_*.deb 2>/dev/null | head -n 1)}"
PROBE="$ROOT/tests/data/sco-api-probe-2004"

fail() { echo "DEB TEST FAILED: $*" >&2; exit 1; }
if [ "$(id -u)" -ne 0 ]; then
  echo "deb test skipped: installing a .deb needs root (run as root, e.g. in CI)"
  exit 0
fi
command -v apt-get >/dev/null || { echo "deb test skipped: no apt-get on this system"; exit 0; }
[ -f "$DEB" ] || fail "no .deb to install: run packaging/linux/build-deb.sh first"
DEB="$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/scorm-desktop-deb-test.XXXXXX")"
cleanup() {
  rm -rf "$TMP"
  if dpkg-query -W -f='${Status}' scorm-desktop 2>/dev/null | grep -q "install ok installed"; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq scorm-desktop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
export DEBIAN_FRONTEND=noninteractive

t0=$(date +%s)
apt-get install -y -qq --no-install-recommends "$DEB" >"$TMP/install.log" 2>&1 ||
  { tail -n 30 "$TMP/install.log" >&2; fail "apt-get install $DEB failed"; }
echo "installed $(basename "$DEB") with apt-get in $(( $(date +%s) - t0 )) s"

# Where the files landed: /opt, the /usr/bin link, the menu entry, icons, AppStream metadata.
[ -x /opt/scorm-desktop/scorm-desktop ] || fail "/opt/scorm-desktop/scorm-desktop is missing"
[ "$(readlink -f /usr/bin/scorm-desktop)" = /opt/scorm-desktop/scorm-desktop ] || fail "/usr/bin/scorm-desktop is not the link"
for f in /usr/share/applications/$APP_ID.desktop /usr/share/metainfo/$APP_ID.metainfo.xml \
  /usr/share/icons/hicolor/256x256/apps/$APP_ID.png /usr/share/icons/hicolor/16x16/apps/$APP_ID.png; do
  [ -f "$f" ] || fail "$f is missing"
done
grep -q '^MimeType=.*application/zip' /usr/share/applications/$APP_ID.desktop || fail "the menu entry opens no .zip"

# The installed program, from PATH, in a temporary data folder and HOME, offscreen.
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_CACHE_HOME="$TMP/home/.cache" \
  XDG_DATA_HOME="$TMP/home/.local/share" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
unset PYTHONPATH PYTHONHOME SCORM_DESKTOP_DATA || true
hash -r
exe=$(command -v scorm-desktop)
[ "$exe" = /usr/bin/scorm-desktop ] || fail "scorm-desktop on PATH is $exe, not /usr/bin/scorm-desktop"
scorm-desktop --version | grep -q '^scorm-desktop ' || fail "the installed scorm-desktop --version failed"
scorm-desktop --data-dir "$TMP/data" import "$PROBE" >"$TMP/import.out" 2>"$TMP/import.err" ||
  { tail -n 20 "$TMP/import.err" >&2; fail "the installed program could not import the probe course"; }
id=$(tail -n 1 "$TMP/import.out" | tr -d '[:space:]')
[[ "$id" =~ ^[0-9]+$ ]] || fail "import printed no course id (got '$id')"
scorm-desktop --data-dir "$TMP/data" play "$id" --headless --timeout 60 >"$TMP/play.out" 2>"$TMP/play.err" ||
  { tail -n 30 "$TMP/play.err" >&2; fail "the installed program could not play the probe course"; }
grep -q PROBE-END "$TMP/play.err" || { tail -n 30 "$TMP/play.err" >&2; fail "the probe did not finish"; }
grep -q '"ok":true' "$TMP/play.err" || fail "the probe's API calls did not all succeed"
! grep -q '^Traceback' "$TMP/play.err" "$TMP/import.err" || fail "the installed program printed a traceback"
echo "installed scorm-desktop imported and played the probe course headless"

apt-get remove -y -qq scorm-desktop >"$TMP/remove.log" 2>&1 || { tail -n 20 "$TMP/remove.log" >&2; fail "apt-get remove failed"; }
[ ! -e /opt/scorm-desktop ] && [ ! -e /usr/bin/scorm-desktop ] || fail "apt-get remove left /opt/scorm-desktop or the link"
echo "DEB TEST PASSED: install, headless play, remove"
