#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service of its own (gnome-keyring on a private
# D-Bus session), so that keychain tests use a real keychain and never touch the developer's.
# Where dbus-run-session or gnome-keyring-daemon is missing (macOS, Windows, minimal Linux),
# the command runs as is: keytar then uses the platform's keychain, or its tests report why not.
set -euo pipefail
if [[ "${ALIPAY_COUNTER_KEYRING:-}" == "running" ]] || ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  exec "$@"
fi
export ALIPAY_COUNTER_KEYRING=running
exec dbus-run-session -- bash -c '
  # The daemon needs a writable home for its keyring files.
  export XDG_DATA_HOME="$(mktemp -d)"
  printf "ci-keyring-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' bash "$@"
