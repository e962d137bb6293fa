#!/bin/sh
# run-with-wm.sh: runs a test under openbox on the X server of $DISPLAY (xvfb-run's), because an
# X11 window cannot go full screen without a window manager. Skips (77) when openbox is missing.
#
#   run-with-wm.sh TEST [ARGS...]
command -v openbox >/dev/null 2>&1 || { echo "1..0 # SKIP openbox is not installed"; exit 77; }
[ -n "$DISPLAY" ] || { echo "run-with-wm.sh: no DISPLAY" >&2; exit 1; }

openbox --sm-disable >/dev/null 2>&1 &
wm=$!
trap 'kill $wm 2>/dev/null; wait $wm 2>/dev/null' EXIT INT TERM

# The window manager is up when it has named itself on the root window; without xprop, a moment.
if command -v xprop >/dev/null 2>&1; then
  i=0
  until xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; do
    i=$((i + 1))
    [ $i -lt 100 ] || { echo "run-with-wm.sh: openbox did not start" >&2; exit 1; }
    kill -0 $wm 2>/dev/null || { echo "run-with-wm.sh: openbox exited" >&2; exit 1; }
    sleep 0.05
  done
else
  sleep 1
fi

"$@"
