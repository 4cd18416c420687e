#!/bin/sh
# Installs LiveDesk's udev rules so Stream Decks, HID pedals and USB-serial adapters open without root.
set -e
RULES="/opt/LiveDesk/resources/udev"
if [ -d "$RULES" ] && [ -d /etc/udev/rules.d ]; then
  cp "$RULES"/50-livedesk-*.rules /etc/udev/rules.d/
  if command -v udevadm >/dev/null 2>&1; then
    udevadm control --reload-rules || true
    udevadm trigger || true
  fi
fi
