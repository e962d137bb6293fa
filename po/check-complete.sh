#!/bin/sh
# Every translatable string in POTFILES.in must be translated in LANG.po: extracts the strings
# afresh and counts the ones the translation lacks. Usage: check-complete.sh SRCDIR LANG
set -eu
srcdir=$1
lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$srcdir"
xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kg_dngettext:2,3 -kngettext:1,2 \
  --files-from=po/POTFILES.in -o "$tmp/cakupan.pot" 2>/dev/null
msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/cakupan.pot" -o "$tmp/merged.po"
msgattrib --untranslated --no-obsolete "$tmp/merged.po" -o "$tmp/missing.po"
missing=$(grep -c '^msgid ' "$tmp/missing.po" 2>/dev/null || true)
missing=${missing:-0}
# The header entry counts as one msgid when anything is missing.
if [ "$missing" -gt 1 ]; then
  echo "po/$lang.po lacks $((missing - 1)) translations:" >&2
  grep -A2 '^msgid ' "$tmp/missing.po" | sed -n '4,$p' >&2
  exit 1
fi
echo "po/$lang.po translates every string"
