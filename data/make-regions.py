#!/usr/bin/env python3
# make-regions.py: build data/regions.csv from the idn-area-data reference lists
#
# Copyright 2026 The Cakupan authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The output is a derivative of idn-area-data (ODbL 1.0); see data/REGIONS-SOURCE.md.
#
# Usage: make-regions.py REFERENCE_DIR [OUTPUT]
#   REFERENCE_DIR holds provinces.csv (code,name) and regencies.csv (code,province_code,name).
#   OUTPUT defaults to standard output.

import csv
import io
import os
import re
import sys

HEADER = ["code", "bps_code", "name", "kind", "province_code"]
PROVINCE_CODE = re.compile(r"^[0-9]{2}$")
REGENCY_CODE = re.compile(r"^([0-9]{2})\.([0-9]{2})$")


def fail(message):
    sys.exit("make-regions.py: " + message)


def read_rows(path, columns):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            fail("%s: missing column(s) %s" % (path, ", ".join(missing)))
        return [{c: row[c].strip() for c in columns} for row in reader]


def kind_of(name, path):
    # The reference writes the kind only as the first word of the name.
    if name.startswith("Kabupaten "):
        return "kabupaten"
    if name.startswith("Kota "):
        return "kota"
    fail("%s: cannot tell whether %r is a kabupaten or a kota" % (path, name))


def build(reference_dir):
    provinces_path = os.path.join(reference_dir, "provinces.csv")
    regencies_path = os.path.join(reference_dir, "regencies.csv")
    provinces = read_rows(provinces_path, ["code", "name"])
    regencies = read_rows(regencies_path, ["code", "province_code", "name"])

    rows = []
    province_codes = set()
    for p in sorted(provinces, key=lambda p: p["code"]):
        if not PROVINCE_CODE.match(p["code"]) or not p["name"]:
            fail("%s: bad province row %r" % (provinces_path, p))
        if p["code"] in province_codes:
            fail("%s: duplicate province code %s" % (provinces_path, p["code"]))
        province_codes.add(p["code"])
        rows.append([p["code"], p["code"], p["name"], "provinsi", p["code"]])

    regency_codes = set()
    for r in sorted(regencies, key=lambda r: r["code"]):
        m = REGENCY_CODE.match(r["code"])
        if not m or not r["name"]:
            fail("%s: bad regency row %r" % (regencies_path, r))
        if m.group(1) != r["province_code"] or r["province_code"] not in province_codes:
            fail("%s: %s does not belong to province %s" % (regencies_path, r["code"],
                                                             r["province_code"]))
        if r["code"] in regency_codes:
            fail("%s: duplicate regency code %s" % (regencies_path, r["code"]))
        regency_codes.add(r["code"])
        rows.append([r["code"], r["code"].replace(".", ""), r["name"],
                     kind_of(r["name"], regencies_path), r["province_code"]])
    return rows


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: make-regions.py REFERENCE_DIR [OUTPUT]")
    rows = build(argv[1])

    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)

    if len(argv) == 3:
        with open(argv[2], "w", encoding="utf-8", newline="") as f:
            f.write(out.getvalue())
    else:
        sys.stdout.write(out.getvalue())

    counts = {}
    for row in rows:
        counts[row[3]] = counts.get(row[3], 0) + 1
    print("make-regions.py: %d rows (%s)" % (len(rows), ", ".join(
        "%d %s" % (counts[k], k) for k in ("provinsi", "kabupaten", "kota") if k in counts)),
        file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
