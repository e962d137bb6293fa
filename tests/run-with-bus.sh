#!/bin/sh
# run-with-bus.sh: runs a test with a D-Bus session bus of its own, so that GTK and GApplication
# find one on any machine (a fresh one has no desktop session, and no dbus-launch to start one).
# What the bus's own services print goes to a log, not into the test's TAP output. Skips (77)
# when dbus-daemon is missing.
#
#   run-with-bus.sh TEST [ARGS...]
command -v dbus-daemon >/dev/null 2>&1 || { echo "1..0 # SKIP dbus-daemon is not installed"; exit 77; }

dir=$(mktemp -d)
bus=""
trap '[ -n "$bus" ] && kill $bus 2>/dev/null; rm -rf "$dir"' EXIT INT TERM
dbus-daemon --session --nofork --print-address=3 --print-pid=4 3>"$dir/address" 4>"$dir/pid" \
  >"$dir/bus.log" 2>&1 &
i=0
until [ -s "$dir/address" ] && [ -s "$dir/pid" ]; do
  i=$((i + 1))
  [ $i -lt 200 ] || { echo "run-with-bus.sh: dbus-daemon did not start:" >&2; cat "$dir/bus.log" >&2; exit 1; }
  sleep 0.05
done
bus=$(tr -d '\n' <"$dir/pid")
DBUS_SESSION_BUS_ADDRESS=$(head -n 1 "$dir/address")
export DBUS_SESSION_BUS_ADDRESS
"$@"
