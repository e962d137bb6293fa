#!/usr/bin/env bash
# test-cli.sh: the command line as a user runs it: exit statuses, --help, --version, and
# --summary --json on the sample checked against the sample's own numbers by an independent
# reading of the CSV.
#
#   test-cli.sh PATH/TO/cakupan SOURCE_DIR
set -u
cakupan=$1
src=$2
sample="$src/data/samples/jatim-ilustratif-2022-2024.csv"
template="$src/data/samples/templat-cakupan.csv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0

check() { # description, expected status, command...
  local what=$1 want=$2
  shift 2
  n=$((n + 1))
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then
    echo "ok $n - $what"
  else
    echo "not ok $n - $what (exit $got, wanted $want)"
    sed 's/^/# /' "$tmp/err" | head -5
    failed=$((failed + 1))
  fi
}

contains() { # description, text to find in the last output
  n=$((n + 1))
  if grep -qF -- "$2" "$tmp/out" "$tmp/err"; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1: no “$2”"
    failed=$((failed + 1))
  fi
}

check "--version" 0 "$cakupan" --version
contains "--version prints the version" "cakupan 0.1.0"
check "--help" 0 "$cakupan" --help
contains "--help names --summary" "--summary"
check "an unknown option is wrong usage" 2 "$cakupan" --frobnicate
check "--summary without a file is wrong usage" 2 "$cakupan" --summary
check "--json without --summary is wrong usage" 2 "$cakupan" --json "$sample"
check "a bad period is wrong usage" 2 "$cakupan" --summary --period "Smarch 2023" "$sample"
check "an unknown province is wrong usage" 2 "$cakupan" --summary --province Atlantis "$sample"
check "a missing file cannot be read" 1 "$cakupan" --summary /nonexistent/file.csv
contains "the message names the file" "file.csv"
printf 'PK\003\004junk' >"$tmp/book.xlsx"
check "a broken workbook cannot be read" 1 "$cakupan" --summary "$tmp/book.xlsx"
contains "the message names the workbook" "book.xlsx"
: >"$tmp/empty.csv"
check "an empty file cannot be read" 1 "$cakupan" --summary "$tmp/empty.csv"
contains "the message names the empty file" "empty.csv"
check "a period without data" 1 "$cakupan" --summary --period 2019-01 "$sample"

# A row-level extract whose headers mean nothing to the detector, named with --map.
printf 'wil,jenis,keadaan\n35.05,PU,AKTIF\n3505,BPU,Aktif\n35.05,PU,NONAKTIF\n35.72,PMI,AKTIF\n' >"$tmp/extract.csv"
check "unknown headers need --map" 1 "$cakupan" --summary "$tmp/extract.csv"
contains "the message says how" "--map"
check "a bad --map is wrong usage" 2 "$cakupan" --summary --map "wil" "$tmp/extract.csv"
check "a bad --map role is wrong usage" 2 "$cakupan" --summary --map "wil=kecamatan" "$tmp/extract.csv"
check "--map without --summary is wrong usage" 2 "$cakupan" --map "wil=region" "$tmp/extract.csv"
check "the extract without a period" 1 "$cakupan" --summary --map "wil=region" --map "jenis=segment" "$tmp/extract.csv"
contains "the message asks for --period" "--period"
check "the extract mapped" 0 "$cakupan" --summary --json --period 2024-06 --map "wil=region" \
  --map "jenis=segment" --map "keadaan=status" "$tmp/extract.csv"
contains "counted by regency and segment" '"region": "35.05", "name": "Kabupaten Blitar", "province": "35", "period": "2024-06", "workforce": null, "workforce_period": null, "participants": 2, "pu": 1, "bpu": 1, "jakon": 0, "pmi": 0'
contains "inactive rows are skipped with their reason" 'NONAKTIF'

check "the template" 0 "$cakupan" --summary --json "$template"
contains "Blitar as in the issue" '"workforce": 449717, "workforce_period": "2023", "participants": 114377'
contains "coverage 25.43" '"coverage_pct": 25.43, "uncovered": 335340'

check "text summary in Indonesian" 0 env LANGUAGE=id LANG=C.UTF-8 "$cakupan" --summary "$template"
contains "Indonesian numbers" "449.717"
contains "Indonesian percentages" "25,43%"

# --slides: the default deck as a PDF (one page per slide) or as PNGs
pages() { grep -aoE '/Type /Page([^s]|$)' "$1" | wc -l; }
check "--slides writes a PDF" 0 "$cakupan" --slides "$tmp/deck.pdf" --agency "Disnakertrans" "$sample"
n=$((n + 1))
if [ "$(pages "$tmp/deck.pdf")" -eq 12 ]; then echo "ok $n - the default deck has 12 pages"; else echo "not ok $n - $(pages "$tmp/deck.pdf") pages, wanted 12"; failed=$((failed + 1)); fi
check "--slides for the first month" 0 "$cakupan" --slides "$tmp/first.pdf" --period 2022-01 --theme projector-dark "$sample"
n=$((n + 1))
if [ "$(pages "$tmp/first.pdf")" -eq 10 ]; then echo "ok $n - no trend and no change without history"; else echo "not ok $n - $(pages "$tmp/first.pdf") pages, wanted 10"; failed=$((failed + 1)); fi
check "--slides as PNGs" 0 env LANGUAGE=id "$cakupan" --slides "$tmp/deck.png" --size 1024x768 --province 35 "$sample"
n=$((n + 1))
if [ -f "$tmp/deck-01.png" ] && [ -f "$tmp/deck-12.png" ] && [ ! -e "$tmp/deck-13.png" ] && [ ! -e "$tmp/deck.png" ]; then echo "ok $n - one PNG per slide, numbered"; else echo "not ok $n - the PNGs are not deck-01.png to deck-12.png"; failed=$((failed + 1)); fi
# A project's own deck, as its presenter arranged it in the window, is the one --slides draws
check "--add makes a project for its deck" 0 "$cakupan" --add "$tmp/deck.cakupan" "$sample"
python3 -c 'import sys, sqlite3; c = sqlite3.connect(sys.argv[1]); c.executemany("INSERT INTO deck (position, slide) VALUES (?, ?)", [(0, "title"), (1, "chart:ranking"), (2, "spotlight:35.05")]); c.commit()' "$tmp/deck.cakupan"
check "--slides of a project" 0 "$cakupan" --slides "$tmp/kept.pdf" "$tmp/deck.cakupan"
n=$((n + 1))
if [ "$(pages "$tmp/kept.pdf")" -eq 3 ]; then echo "ok $n - the project's deck of 3 slides"; else echo "not ok $n - $(pages "$tmp/kept.pdf") pages, wanted the project's 3"; failed=$((failed + 1)); fi
# Targets typed into a project with --target: the province's for its regencies, one regency's own;
# --summary --json of the project uses them and lists them
check "--target types targets into a project" 0 "$cakupan" --add "$tmp/deck.cakupan" --target 35:2024=40 --target 35.05:2024=30,5
contains "--target says what it set" "Jawa Timur, 2024: target 40.00%"
check "--summary --json of a project with targets" 0 "$cakupan" --summary --json --period 2024-12 "$tmp/deck.cakupan"
n=$((n + 1))
if python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
rows = {r["region"]: r for r in d["rows"]}
assert rows["35.05"]["target_pct"] == 30.5, rows["35.05"]["target_pct"]
assert rows["35.06"]["target_pct"] == 40, rows["35.06"]["target_pct"]
assert d["totals"][0]["target_pct"] == 40
assert (rows["35.05"]["target_from"], rows["35.06"]["target_from"], d["totals"][0]["target_from"]) == ("typed", "province", "typed")
assert {(t["region"], t["period"], t["target_pct"]) for t in d["targets"]} == {("35", "2024", 40), ("35.05", "2024", 30.5)}
for key in ("notes", "actions", "checklist", "meetings"):
    assert d[key] == [], key
PY
then echo "ok $n - typed targets drive the rows and are listed"; else echo "not ok $n - typed targets in --summary --json"; failed=$((failed + 1)); fi
check "--target of a quarter is wrong usage" 2 "$cakupan" --add "$tmp/deck.cakupan" --target 35:2024-Q1=30
check "--target of an unknown code is wrong usage" 2 "$cakupan" --add "$tmp/deck.cakupan" --target 99:2024=30
check "--target without --add is wrong usage" 2 "$cakupan" --summary --target 35:2024=30 "$sample"
check "--target to remove one" 0 "$cakupan" --add "$tmp/deck.cakupan" --target 35.05:2024=-
check "--slides to another format is wrong usage" 2 "$cakupan" --slides "$tmp/deck.pptx" "$sample"
check "--slides without a file is wrong usage" 2 "$cakupan" --slides "$tmp/deck.pdf"
check "--slides with --chart is wrong usage" 2 "$cakupan" --slides "$tmp/deck.pdf" --chart ranking "$sample"
check "--slides with an unknown theme is wrong usage" 2 "$cakupan" --slides "$tmp/deck.pdf" --theme sepia "$sample"
check "--size with a PDF is wrong usage" 2 "$cakupan" --slides "$tmp/deck.pdf" --size 800x600 "$sample"
check "--agency without --slides is wrong usage" 2 "$cakupan" --summary --agency X "$sample"
check "--slides of a missing file" 1 "$cakupan" --slides "$tmp/missing.pdf" /nonexistent/file.csv
check "--slides into a missing folder" 1 "$cakupan" --slides /nonexistent/deck.pdf "$sample"

# --report: the monev workbook, or the regency table as CSV
check "--report writes a workbook" 0 "$cakupan" --report "$tmp/monev.xlsx" --compare 2023-12 "$sample"
n=$((n + 1))
if [ "$(head -c 2 "$tmp/monev.xlsx")" = "PK" ]; then echo "ok $n - the workbook is a zip package"; else echo "not ok $n - the workbook is not a zip package"; failed=$((failed + 1)); fi
check "--report of the workbook imports it back" 0 "$cakupan" --summary "$tmp/monev.xlsx"
contains "the data sheet is what it imports" "sheet “Data”: 1486 rows: 1482 imported"
check "--report writes the table as CSV" 0 env LANGUAGE=id "$cakupan" --report "$tmp/tabel.csv" --period 2024-12 "$sample"
n=$((n + 1))
if grep -q "^35.05;Kabupaten Blitar;Kabupaten;454557;" "$tmp/tabel.csv"; then echo "ok $n - the CSV has Blitar's row"; else echo "not ok $n - the CSV lacks Blitar's row"; failed=$((failed + 1)); fi
check "--report to another format is wrong usage" 2 "$cakupan" --report "$tmp/monev.ods" "$sample"
check "--report without a file is wrong usage" 2 "$cakupan" --report "$tmp/monev.xlsx"
check "--report with --chart is wrong usage" 2 "$cakupan" --report "$tmp/monev.xlsx" --chart ranking "$sample"
check "--report into a missing folder" 1 "$cakupan" --report /nonexistent/monev.xlsx "$sample"
check "--chart --theme projector-dark" 0 "$cakupan" --chart ranking --theme projector-dark -o "$tmp/dark.png" "$sample"
check "--chart map as PNG" 0 "$cakupan" --chart map -o "$tmp/map.png" "$sample"
check "--chart map as SVG" 0 "$cakupan" --chart map --size 1366x768 -o "$tmp/map.svg" "$sample"
check "--chart tilemap as PDF" 0 "$cakupan" --chart tilemap --theme projector -o "$tmp/tiles.pdf" "$sample"

# Two provinces side by side (--peer): of a national file, by code, by name or the country
national="$src/tests/data/gauntlet/06-nasional-segmen-target.csv"
check "--chart kpi --peer by name" 0 "$cakupan" --chart kpi --province 35 --peer "Jawa Tengah" -o "$tmp/peer.png" "$national"
check "--chart trend --peer indonesia as SVG" 0 "$cakupan" --chart trend --province 35 --peer indonesia -o "$tmp/peer.svg" "$national"
check "--chart kpi --peer beside the country by province" 0 "$cakupan" --chart kpi --level province --peer 33 -o "$tmp/peer-provinces.pdf" "$national"
check "--slides --peer" 0 env LANGUAGE=id "$cakupan" --slides "$tmp/peer-deck.pdf" --province 35 --peer 32 "$national"
check "--peer beside itself cannot be drawn" 1 "$cakupan" --chart kpi --province 35 --peer 35 -o "$tmp/self.png" "$national"
check "--peer of a province without figures cannot be drawn" 1 "$cakupan" --chart kpi --province 35 --peer Bali -o "$tmp/bali.png" "$national"
check "--peer that is no province is wrong usage" 2 "$cakupan" --chart kpi --province 35 --peer Atlantis -o "$tmp/x.png" "$national"
check "--peer with the ranking is wrong usage" 2 "$cakupan" --chart ranking --peer 33 -o "$tmp/x.png" "$national"
check "--peer without --chart is wrong usage" 2 "$cakupan" --summary --peer 33 "$national"
check "--summary --json on the sample" 0 "$cakupan" --summary --json --province "Jawa Timur" \
  --period "Desember 2023" "$sample"
cp "$tmp/out" "$tmp/summary.json"
n=$((n + 1))
if python3 - "$tmp/summary.json" "$sample" <<'PY'
import csv, json, sys
summary = json.load(open(sys.argv[1]))
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8"), delimiter=";"))
header = rows.index(next(r for r in rows if r and r[0] == "Kode Wilayah"))
num = lambda s: int(s.replace(".", "")) if s else None
workforce, participants = {}, {}
for r in rows[header + 1:]:
    if r[2] == "2023":
        workforce[r[0]] = num(r[3])
    if r[2] == "Desember 2023":
        participants[r[0]] = num(r[4])
assert len(summary["rows"]) == 38, len(summary["rows"])
assert summary["issues"] == [], summary["issues"]
assert len(summary["periods"]) == 36
for row in summary["rows"]:
    code = row["region"]
    assert row["workforce"] == workforce[code], code
    assert row["participants"] == participants[code], code
    assert row["workforce_period"] == "2023"
    assert abs(row["coverage_pct"] - round(participants[code] / workforce[code] * 100, 2)) < 1e-9, code
    assert row["uncovered"] == workforce[code] - participants[code]
total = summary["totals"][0]
assert total["workforce"] == sum(workforce.values())
assert total["participants"] == sum(participants.values())
print("# 38 regencies and the province total match the file")
PY
then echo "ok $n - every regency's coverage matches the file's numbers"; else echo "not ok $n - coverage does not match the file"; failed=$((failed + 1)); fi

echo "1..$n"
[ "$failed" -eq 0 ]
