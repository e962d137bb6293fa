#!/bin/sh
# run-with-wm.sh: runs a test in a private X server (Xvfb) under openbox, because an X11 window
# cannot go full screen without a window manager. Skips (77) when openbox or Xvfb is missing.
#
#   run-with-wm.sh [-s WIDTHxHEIGHT] TEST [ARGS...]
#
# The server picks a free display itself (-displayfd), so that tests and other programs starting
# X servers at the same moment never share one (xvfb-run -a can: then openbox finds another
# window manager there and quits).
size=1024x768
if [ "$1" = "-s" ]; then size=$2; shift 2; fi
for tool in openbox Xvfb; do
  command -v $tool >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is not installed"; exit 77; }
done

dir=$(mktemp -d)
xpid="" wm=""
trap 'kill $wm 2>/dev/null; wait $wm 2>/dev/null; kill $xpid 2>/dev/null; wait $xpid 2>/dev/null; rm -rf "$dir"' EXIT INT TERM

Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$dir/display" >"$dir/xvfb.log" 2>&1 &
xpid=$!
i=0
until [ -s "$dir/display" ]; do
  i=$((i + 1))
  kill -0 $xpid 2>/dev/null && [ $i -lt 200 ] || { echo "run-with-wm.sh: Xvfb did not start:" >&2; cat "$dir/xvfb.log" >&2; exit 1; }
  sleep 0.05
done
DISPLAY=:$(tr -d '\n' <"$dir/display")
export DISPLAY

openbox --sm-disable >"$dir/openbox.log" 2>&1 &
wm=$!
# The window manager is up when it has named itself on the root window; without xprop, a moment.
if command -v xprop >/dev/null 2>&1; then
  i=0
  until xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; do
    i=$((i + 1))
    kill -0 $wm 2>/dev/null && [ $i -lt 200 ] || { echo "run-with-wm.sh: openbox did not start:" >&2; cat "$dir/openbox.log" >&2; exit 1; }
    sleep 0.05
  done
else
  sleep 1
fi

"$@"
