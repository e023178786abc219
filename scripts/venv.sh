#!/usr/bin/env bash
# Creates .venv (if missing) and installs the project into it with the given extras; quiet when up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "creating the virtual environment .venv with $("$PY" --version 2>&1)" >&2
  "$PY" -m venv .venv
fi
stamp=".venv/.installed${extras:+-$extras}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  # pip is quiet here, so say what the wait is: the first install downloads Qt WebEngine (~850 MB installed).
  echo "installing SCORM Desktop${extras:+ with its $extras extras} and its Python packages into .venv" \
       "(the first time: ~850 MB, one to a few minutes, nothing printed meanwhile)..." >&2
  started=$SECONDS
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras:+[$extras]}"
  touch "$stamp"
  echo "installed in $((SECONDS - started)) s" >&2
fi
