#!/usr/bin/env bash
# Installs the system peers LiveDesk's tests run against: a real OBS Studio (under Xvfb), Debian's
# Chromium for end-to-end tests, socat for serial pseudo-terminals, libusb for node-hid and CJK fonts
# so Chinese renders in screenshots; mount (tmpfs for the full-disk test) and coreutils (mkfifo for the
# stray-file test) are on most Debian images but not on every minimal one. udev is deliberately NOT
# here: the desk must work without it (serial ports are then listed by scanning /dev).
# Every program a test spawns is in this list or is node itself. Safe to run repeatedly: it installs
# only what is missing.
set -euo pipefail

packages=(obs-studio xvfb xauth chromium socat libusb-1.0-0 fonts-noto-cjk mount coreutils poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-peers: missing ${missing[*]} and no apt-get here; install them with your package manager" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-test-peers: missing ${missing[*]}; run as root or install them" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-test-peers: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
