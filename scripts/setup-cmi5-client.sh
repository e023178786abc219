#!/usr/bin/env bash
# Install the third-party cmi5 client library the window tests build an AU with (`@xapi/cmi5` from npm, whose
# browser bundle dist/Cmi5.umd.js carries its dependencies) into .cmi5-client/ at the repository root, only when it
# is missing. A fast no-op when present. Needs node and npm. Set SCORM_DESKTOP_CMI5_CLIENT_DIR to use another folder.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="1.4.0"
DIR="${SCORM_DESKTOP_CMI5_CLIENT_DIR:-.cmi5-client}"
BUNDLE="$DIR/node_modules/@xapi/cmi5/dist/Cmi5.umd.js"
STAMP="$DIR/.installed-$VERSION"
if [[ -f "$BUNDLE" && -f "$STAMP" ]]; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "setup-cmi5-client: npm is needed for tests/cmi5/test_cmi5_window_npm.py (e.g. apt-get install npm); skipping" >&2
    exit 0
fi
mkdir -p "$DIR"
echo "setup-cmi5-client: installing @xapi/cmi5@$VERSION into $DIR (once, a few seconds)" >&2
# Its own package.json keeps npm from walking up into the repository. No install scripts: only the bundle is used.
[[ -f "$DIR/package.json" ]] || echo '{"name": "scorm-desktop-test-cmi5-client", "private": true}' > "$DIR/package.json"
npm install --prefix "$DIR" --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts "@xapi/cmi5@$VERSION" >&2
test -f "$BUNDLE"
touch "$STAMP"
