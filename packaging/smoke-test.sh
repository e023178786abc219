#!/usr/bin/env bash
# Smoke test of the BUILT program (not the source tree): run packaging/build.sh first.
#
#   packaging/smoke-test.sh [GOLF_ZIP]
#
# GOLF_ZIP defaults to golf-cp-singlesco-2004-3rd.zip in the shared corpus next to the repository
# (../shared/corpus/good/). SCORM_DESKTOP_BUNDLE=DIR tests another bundle folder (default: dist/scorm-desktop).
# Everything runs offscreen (QT_QPA_PLATFORM=offscreen) in a temporary data folder and a temporary HOME; nothing of
# yours is read or written. Exits 0 when every check passed, else 1 with the failed check on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
BUNDLE="${SCORM_DESKTOP_BUNDLE:-$ROOT/dist/scorm-desktop}"
GOLF="${1:-$ROOT/../shared/corpus/good/golf-cp-singlesco-2004-3rd.zip}"
if [ -f "$GOLF" ]; then GOLF="$(cd "$(dirname "$GOLF")" && pwd)/$(basename "$GOLF")"; fi
PROBE="$ROOT/tests/data/sco-api-probe-2004"
EXE="$BUNDLE/scorm-desktop"

fail() {
  echo "SMOKE TEST FAILED: $*" >&2
  exit 1
}
[ -x "$EXE" ] || fail "no built program at $EXE (run packaging/build.sh first)"
if [ ! -f "$GOLF" ]; then
  # A checkout without the shared corpus (a hosted CI runner) may skip that one step, and says so.
  [ "${SMOKE_GOLF_OPTIONAL:-}" = 1 ] || fail "the Golf sample package '$GOLF' is missing: pass its path as the first argument"
  echo "note: no Golf sample package at '$GOLF': its import step is skipped (SMOKE_GOLF_OPTIONAL=1)"
  GOLF=""
fi
VENV_PY="$ROOT/.venv/bin/python"
[ -x "$VENV_PY" ] || VENV_PY="$ROOT/.venv/Scripts/python.exe"   # Windows (Git Bash)
[ -f "$PROBE/imsmanifest.xml" ] || fail "the probe package $PROBE is missing"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/scorm-desktop-smoke.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
DATA="$TMP/data"
mkdir -p "$TMP/home"
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_CACHE_HOME="$TMP/home/.cache" \
  XDG_DATA_HOME="$TMP/home/.local/share" XDG_STATE_HOME="$TMP/home/.local/state"
export QT_QPA_PLATFORM=offscreen
unset SCORM_DESKTOP_DATA PYTHONPATH PYTHONHOME || true

step=0
now() { date +%s.%N 2>/dev/null | grep -v N || date +%s; }   # macOS date has no %N
# run NAME EXPECTED_STATUS ARGS...: runs the bundle with --data-dir, keeps stdout/stderr in $TMP/NAME.{out,err}.
# (Portable to macOS's bash 3.2: no timeout(1), no date +%N, no du -b.)
run() {
  local name="$1" expected="$2"
  shift 2
  step=$((step + 1))
  local t0 t1 rc=0
  t0=$(now)
  "$EXE" --data-dir "$DATA" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" || rc=$?
  t1=$(now)
  local shown="scorm-desktop $*"
  shown="${shown//$ROOT\//}"
  [ -z "$GOLF" ] || shown="${shown//$(dirname "$GOLF")\//}"
  printf '%2d. %-58s exit %s  %s s\n' "$step" "$shown" "$rc" "$(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }")"
  if [ "$rc" != "$expected" ]; then
    echo "---- stdout" >&2; tail -n 20 "$TMP/$name.out" >&2
    echo "---- stderr" >&2; tail -n 40 "$TMP/$name.err" >&2
    fail "'scorm-desktop $*' exited $rc (expected $expected)"
  fi
  if grep -q '^Traceback' "$TMP/$name.err"; then
    tail -n 40 "$TMP/$name.err" >&2
    fail "'scorm-desktop $*' printed a Python traceback"
  fi
}
expect() { # expect NAME.STREAM PATTERN WHAT
  grep -qF -- "$2" "$TMP/$1" || { tail -n 40 "$TMP/$1" >&2; fail "$3 (no '$2' in the output of step $step)"; }
}
expect_file() { # expect_file FIND-ARGS... : at least one match inside the bundle
  [ -n "$(find "$BUNDLE" "$@" -print -quit)" ] || fail "bundle layout: nothing matches 'find $*' in $BUNDLE"
}

echo "Smoke test of $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"

# 0. What the bundle must hold: our resources, QtWebEngine's helper, resources and only our languages' locales.
expect_file -path '*/resources/player/player.html'
expect_file -path '*/resources/player/runtime.js'
expect_file -path '*/resources/icons/scorm-desktop.svg'
expect_file -path '*/resources/sample-course/imsmanifest.xml'
expect_file -name 'QtWebEngineProcess*' -type f
expect_file -name 'qtwebengine_resources.pak'
expect_file -name 'en-US.pak' -path '*qtwebengine_locales*'
[ -z "$(find "$BUNDLE" -path '*qtwebengine_locales*' -name '*.pak' ! -name 'en-US.pak' ! -name 'fr.pak' \
  ! -name 'es.pak' ! -name 'es-419.pak' -print -quit)" ] ||
  fail "bundle layout: WebEngine locales other than those of en, fr and es were bundled"
# The lean build (packaging/lean.py): no developer tools, no GTK theme, no CUPS, no QtPdf.
for gone in qtwebengine_devtools_resources.pak libqgtk3.so libcupsprintersupport.so 'libQt6Pdf.so*' libqpdf.so; do
  [ -z "$(find "$BUNDLE" -name "$gone" -print -quit)" ] || fail "bundle layout: $gone was bundled (lean.py drops it)"
done
# PyAV's unused encoders are stand-ins of a few KB (packaging/stubs.py), not the real 30 MB.
if [ "$(uname -s)" = Linux ]; then
  for lib in 'libx265*.so*' 'libx264*.so*' 'libSvtAv1Enc*.so*' 'libgnutls*.so*'; do
    big=$(find "$BUNDLE" -name "$lib" -size +64k -print -quit)
    [ -z "$big" ] || fail "bundle layout: $big is the real library, not the stand-in of packaging/stubs.py"
  done
  for lib in 'libnettle*.so*' 'libhogweed*.so*' 'libgmp*.so*' 'libunistring*.so*'; do
    [ -z "$(find "$BUNDLE" -name "$lib" -print -quit)" ] || fail "bundle layout: $lib was bundled (only GnuTLS used it)"
  done
fi
[ -z "$(find "$BUNDLE" -type d -name qml -path '*PySide6*' -print -quit)" ] ||
  fail "bundle layout: the QML tree was bundled (the QtQml/QtQuick excludes did not apply)"

# 0b. Linux: nothing the lean build dropped is still needed. Every bundled ELF file's libraries resolve, from the
#     bundle or the system (libwayland-* aside: Qt's Wayland plugins use the desktop's own, absent on a server).
if [ "$(uname -s)" = Linux ] && command -v ldd >/dev/null; then
  internal="$BUNDLE/_internal"
  unresolved=$(find "$internal" -type f -name '*.so*' -print0 |
    LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib:$internal/av.libs" xargs -0 -n 20 ldd 2>/dev/null |
    grep 'not found' | grep -v 'libwayland-' | sort -u || true)
  [ -z "$unresolved" ] || fail "bundled libraries need libraries that are neither bundled nor installed: $unresolved"
  echo " -. every bundled library's dependencies resolve (ldd)"
fi

# 1. The version is the source's.
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/scorm_desktop/__init__.py")
run version 0 --version
expect version.out "scorm-desktop $version" "--version does not print the source's version $version"

# 2. A real course from the corpus imports (ZIP reading, manifest parsing, storage); the bundled sample course is
#    in the library too (so resources/ was found inside the bundle).
if [ -n "$GOLF" ]; then
  echo "    (Golf package: $GOLF)"
  run import-golf 0 import --json "$GOLF"
  expect import-golf.out '"status": "imported"' "the Golf package was not imported"
  expect import-golf.out '"edition": "2004 3rd Edition"' "the Golf package was not read as SCORM 2004 3rd Edition"
fi

# 3. The API probe: import, then play headless twice in QtWebEngine (the player page from the bundle, the web
#    channel, QtWebEngineProcess). The first session suspends; the second resumes and passes.
run import-probe 0 import "$PROBE"
probe_id=$(tail -n 1 "$TMP/import-probe.out" | tr -d '[:space:]')
[[ "$probe_id" =~ ^[0-9]+$ ]] || fail "import did not print a course id (got '$probe_id')"
run courses 0 courses --json
expect courses.out '"title": "Welcome to SCORM Desktop"' "the bundled sample course is not in the library"
expect courses.out '"title": "SCO API probe (SCORM 2004)"' "the probe course is not in the library"

run play-1 0 play "$probe_id" --headless --timeout 60
expect play-1.err "PROBE-START" "the probe did not start in the player"
expect play-1.err "PROBE-END" "the probe did not finish"
expect play-1.err '"ok":true' "the probe's API calls did not all succeed"
run report-1 0 report --json --course "$probe_id"
expect report-1.out '"label": "in progress"' "after the first session the probe is not 'in progress'"
expect report-1.out '"location": "page-3"' "the first session's location was not stored"

run play-2 0 play "$probe_id" --headless --timeout 60
expect play-2.err "PROBE-END" "the probe did not finish on resume"
expect play-2.err '"entry":"resume"' "the second session did not resume"
run report-2 0 report --json --course "$probe_id"
expect report-2.out '"label": "passed"' "after the second session the probe is not 'passed'"
expect report-2.out '"score": 0.9' "the probe's score 0.9 was not stored"
expect report-2.out '"sessions": 2' "the report does not count two sessions"

# 3b. Course video the engine cannot decode: a course with an H.264/AAC clip (made with the venv's FFmpeg) is
#     found at import and converted by the bundle's own FFmpeg in a spawned child process (multiprocessing frozen).
MEDIA_PKG="$TMP/media-course"
mkdir -p "$MEDIA_PKG"
sed -e 's/probe2004/media2004/' -e 's/SCO API probe (SCORM 2004)/Media course/' "$PROBE/imsmanifest.xml" \
  >"$MEDIA_PKG/imsmanifest.xml"
printf '<!DOCTYPE html><video src="clip.mp4" controls></video>\n' >"$MEDIA_PKG/index.html"
"$VENV_PY" -c 'import sys; from scorm_desktop.media.synth import make_media; make_media(sys.argv[1], "h264-aac-mp4", seconds=1.0)' \
  "$MEDIA_PKG/clip.mp4" || fail "could not generate the H.264 test clip with the venv's FFmpeg"
run import-media 0 import --json "$MEDIA_PKG"
expect import-media.out '"h264"' "the H.264 clip was not detected at import"
media_id=$(sed -n 's/.*"course": {"id": \([0-9]*\).*/\1/p' "$TMP/import-media.out" | head -n 1)
[[ "$media_id" =~ ^[0-9]+$ ]] || fail "could not read the media course id from the import output"
run convert-media 0 convert-media "$media_id" --wait
[ -n "$(find "$DATA/courses" -path '*/.converted/*' -name '*.webm' -print -quit)" ] ||
  fail "convert-media did not write the converted WebM"

# 4. The window opens: the GUI stays up for 8 s without a traceback, then SIGTERM closes it cleanly (exit 0).
step=$((step + 1))
"$EXE" --data-dir "$DATA" >"$TMP/gui.out" 2>"$TMP/gui.err" &
gui=$!
sleep 8
if ! kill -0 "$gui" 2>/dev/null; then
  rc=0
  wait "$gui" || rc=$?
  tail -n 40 "$TMP/gui.err" >&2
  fail "the window exited by itself with status $rc within 8 s"
fi
kill -TERM "$gui"
rc=0
wait "$gui" || rc=$?
printf '%2d. %-58s up 8 s, then SIGTERM: exit %s\n' "$step" "scorm-desktop   (no command: the window, offscreen)" "$rc"
if grep -q '^Traceback' "$TMP/gui.err"; then tail -n 40 "$TMP/gui.err" >&2; fail "the window printed a Python traceback"; fi
case "$(uname -s)" in
  MINGW* | MSYS* | CYGWIN*) ;;  # Windows has no SIGTERM: Git Bash's kill terminates the process, whose status says so
  *) [ "$rc" = 0 ] || { tail -n 40 "$TMP/gui.err" >&2; fail "the window did not close cleanly on SIGTERM (exit $rc)"; } ;;
esac

# The data folder held everything: --data-dir isolates a run.
[ -f "$DATA/library.sqlite3" ] || fail "no library.sqlite3 in the data folder"
stray=$(cd "$HOME" && find . -mindepth 1 -type f ! -path './.cache/fontconfig/*' | head -n 5)
[ -z "$stray" ] || echo "note: files written outside the data folder, under HOME: $stray"

echo "SMOKE TEST PASSED: $step steps"
