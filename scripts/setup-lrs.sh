#!/usr/bin/env bash
# Install the test LRS (Learning Locker's statement service, `xapi-statements` from npm, run in memory by
# tests/lrs.py) into .lrs/ at the repository root, only when it is missing. A fast no-op when present.
# Needs node >= 18 and npm. Set SCORM_DESKTOP_LRS_DIR to use another folder.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="5.0.1"
DIR="${SCORM_DESKTOP_LRS_DIR:-.lrs}"
ENTRY="$DIR/node_modules/xapi-statements/dist/index.js"
STAMP="$DIR/.installed-$VERSION"
if [[ -f "$ENTRY" && -f "$STAMP" ]]; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "setup-lrs: node and npm are needed for the sync tests (e.g. apt-get install nodejs npm); skipping" >&2
    exit 0
fi
mkdir -p "$DIR"
echo "setup-lrs: installing xapi-statements@$VERSION into $DIR (once, about 30 s)" >&2
# Its own package.json keeps npm from walking up into the repository.
[[ -f "$DIR/package.json" ]] || echo '{"name": "scorm-desktop-test-lrs", "private": true}' > "$DIR/package.json"
npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error --omit=dev "xapi-statements@$VERSION" >&2
test -f "$ENTRY"
touch "$STAMP"
