#!/usr/bin/env bash
# Build the one-folder bundle dist/scorm-desktop/ with PyInstaller (Linux and macOS; Windows: packaging/build.ps1).
#   packaging/build.sh            # from anywhere; uses the repository's .venv (created by scripts/venv.sh if missing)
# Then: packaging/smoke-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PYINSTALLER_SPEC='pyinstaller>=6.22,<7'   # keep in step with pyproject.toml's [package] extra, if any

if [ ! -x .venv/bin/python ]; then
  if [ -x scripts/venv.sh ]; then
    scripts/venv.sh
  else
    echo "error: no .venv in $ROOT; create it with: python3 -m venv .venv && .venv/bin/pip install -e ." >&2
    exit 1
  fi
fi
PY="$ROOT/.venv/bin/python"

if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
  echo "Installing $PYINSTALLER_SPEC into .venv" >&2
  "$PY" -m pip install -q --disable-pip-version-check "$PYINSTALLER_SPEC"
fi
echo "PyInstaller $("$PY" -m PyInstaller --version), $("$PY" -c 'import PySide6; print("PySide6", PySide6.__version__)')" >&2

# Linux: the lean build rebuilds Qt's ICU data with icupkg and compiles PyAV's encoder stand-ins with a C compiler
# (packaging/icudata.py, packaging/stubs.py); as root, install what is missing (Debian: icu-devtools, gcc).
if [ "$(uname -s)" = Linux ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  need=()
  command -v icupkg >/dev/null || need+=(icu-devtools)
  command -v cc >/dev/null || need+=(gcc libc6-dev)
  command -v nm >/dev/null || need+=(binutils)
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing ${need[*]} (apt) for the lean build" >&2
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null ||
      { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
  fi
fi

# The icons are committed; regenerate them only when they are missing (packaging/make_icons.py redraws all of them).
if [ ! -f packaging/icons/scorm-desktop.ico ] || [ ! -f packaging/icons/scorm-desktop-512.png ]; then
  "$PY" packaging/make_icons.py
fi

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/scorm-desktop.spec
end=$(date +%s)

bundle="$ROOT/dist/scorm-desktop"
if [ ! -x "$bundle/scorm-desktop" ]; then
  echo "error: the build finished but $bundle/scorm-desktop is missing" >&2
  exit 1
fi
kib=$(du -sk "$bundle" | cut -f1)
files=$(find "$bundle" -type f | wc -l | tr -d ' ')
mb=$((kib * 1024 / 1000000))
echo "Built $bundle in $((end - start)) s: $mb MB ($((kib / 1024)) MiB), $files files"
# Issue 18 asks for <= 350 MB; what is left is mostly Chromium (packaging/README.md, "Size"). The ceiling below fails
# the build when it grows back (a Qt module or a locale creeping in); raise it knowingly, with a measured reason.
TARGET_MB=350
MAX_MB="${SCORM_DESKTOP_MAX_MB:-435}"
if [ "$(uname -s)" = Linux ] && ! { command -v icupkg && command -v cc && command -v nm; } >/dev/null; then
  # Without icupkg or a C compiler the ICU data and PyAV's encoders are bundled whole (~48 MB more): said above by the
  # spec; the ceiling follows so that a developer without them still gets a bundle.
  MAX_MB="${SCORM_DESKTOP_MAX_MB:-500}"
  echo "note: icupkg (apt: icu-devtools) or a C compiler is missing: the lean build's ICU and encoder cuts were skipped"
fi
if [ "$mb" -le "$TARGET_MB" ]; then
  echo "Bundle size: $mb MB, within the $TARGET_MB MB target"
else
  echo "Bundle size: $mb MB, $((mb - TARGET_MB)) MB over the $TARGET_MB MB target (ceiling $MAX_MB MB)"
fi
if [ "$(uname -s)" = Linux ] && [ "$mb" -gt "$MAX_MB" ]; then
  echo "error: the bundle grew past $MAX_MB MB (SCORM_DESKTOP_MAX_MB): see what the build left in" >&2
  exit 1
fi
if [ -d "$ROOT/dist/SCORM Desktop.app" ]; then
  echo "macOS app: $ROOT/dist/SCORM Desktop.app ($(du -sh "$ROOT/dist/SCORM Desktop.app" | cut -f1))"
fi
echo "Check it with: packaging/smoke-test.sh"
