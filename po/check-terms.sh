#!/bin/sh
# One Indonesian term for each thing, in every translation of LANG.po: the BPS figure is
# "penduduk bekerja" (not "tenaga kerja", which the importer still reads in files), a difference
# of percentages is in "poin persen", a slide is a "salindia", and "Kabupaten/Kota" is written
# with one casing at the start of a label ("kabupaten/kota" inside a sentence).
# Usage: check-terms.sh SRCDIR LANG
set -eu
srcdir=$1
lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$srcdir"
msgcat --no-wrap --no-location "po/$lang.po" -o "$tmp/one.po"
# The translations alone, without what may stay: an office's name, the search keywords of the
# desktop file (a list that keeps the words people search for), the option --slides.
sed -n -e '/^msgstr/p' "$tmp/one.po" |
  sed -e 's/Dinas Tenaga Kerja//g' -e '/;.*;.*;.*;.*;/d' -e 's/--slides//g' >"$tmp/msgstr"
status=0
check () {
  if grep -n -E "$1" "$tmp/msgstr" >"$tmp/found"; then
    echo "po/$lang.po: $2:" >&2
    cat "$tmp/found" >&2
    status=1
  fi
}
check '[Tt]enaga [Kk]erja' 'the BPS figure is "penduduk bekerja"'
check '[Pp]oin($|[^ ]| [^p]| p[^e])' 'a difference of percentages is in "poin persen"'
check '(^|[^-[:alpha:]])[Ss]lides?($|[^[:alpha:]])' 'a slide is a "salindia"'
check 'Kabupaten/kota|kabupaten/Kota|KABUPATEN/kota' 'one casing: "Kabupaten/Kota", or "kabupaten/kota" in a sentence'
[ $status -eq 0 ] && echo "po/$lang.po uses one term for each thing"
exit $status
