#!/bin/sh
# No translated message formats a figure itself: a number in a message is written by the
# project's number formatting (cak_number_format (), cak_chart_format_pct ()), which follows the
# language ("140,5%" in Indonesian), and reaches the message as %s. A float conversion (%g, %f,
# %.1f, %e, %a) in a msgid, or in a translation, would write "140.5%" whatever the language.
# Usage: check-formats.sh SRCDIR
set -eu
srcdir=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$srcdir"
xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kg_dngettext:2,3 -kngettext:1,2 \
  --files-from=po/POTFILES.in -o "$tmp/cakupan.pot" 2>/dev/null
status=0
for file in "$tmp/cakupan.pot" po/*.po; do
  # Each message on one line (msgcat joins the continued lines), then every conversion that
  # writes a floating-point number: %[argument$][flags][width][.precision][length]f, F, g, G,
  # e, E, a or A, not preceded by another % ("%%f" is a percent sign and an "f").
  rm -f "$tmp/one.po"
  msgcat --no-wrap --no-location "$file" -o "$tmp/one.po"
  [ -f "$tmp/one.po" ] || continue
  sed -e 's/%%//g' "$tmp/one.po" |
    grep -E '^(msgid|msgid_plural|msgstr(\[[0-9]+\])?) ".*%([0-9]+\$)?[-+ #0]*[0-9*]*(\.[0-9*]*)?(hh|h|ll|l|L|q|j|z|t)?[fFgGeEaA]' \
      >"$tmp/found" || true
  if [ -s "$tmp/found" ]; then
    echo "$file: a message formats a figure with a float conversion; format it with" >&2
    echo "cak_number_format () and pass it as %s:" >&2
    cat "$tmp/found" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "no translated message formats a figure itself"
exit $status
