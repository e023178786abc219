#!/usr/bin/env bash
# Installs the system libraries Qt WebEngine needs, only the missing ones, and only when running as root
# (CI, containers). On a developer's desktop it changes nothing and says what to install if something is missing.
set -euo pipefail

PACKAGES=(libglib2.0-0 libgl1 libegl1 libfontconfig1 libdbus-1-3 libnss3 libasound2 libxcomposite1 libxdamage1
  libxkbfile1 libxrandr2 libxtst6 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0
  fontconfig-config fonts-dejavu-core xvfb appstream desktop-file-utils poppler-utils)

command -v dpkg-query >/dev/null 2>&1 || exit 0   # not a Debian-like system: nothing we can check here

# The tests' loopback LRS runs on Node.js; install Debian's when no node is on the PATH at all.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == *"install ok installed"* ]] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "note: these system packages are missing; install them with:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 0
fi
echo "installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
